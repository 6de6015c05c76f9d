/**
 * A CERTAUTH or SITE certificate is connected PERSONAL, for a key, to a ring whose user
 * is neither SPECIAL nor has CONTROL.
 *
 * R_datalib returns the private key of a CERTAUTH or SITE certificate only to a SPECIAL caller,
 * or with CONTROL on FACILITY IRR.DIGTCERT.GENCERT (global) / on the ring's .LST profile
 * (ring-specific): IBM R_datalib usage notes, item 4, "CERTAUTH and SITE certificates" (KC24
 * ichd100/usgntrdata.htm; rules §2). Without it: 428.
 */

import { isCaOwner } from "../../model/model.js";
import { profileName, userId } from "../../racf/write.js";
import { appKeyAccess, rdatalibResource } from "../access.js";
import { applicationsOf, connectionSubject, refresh, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "site-or-certauth-key-needs-control",
    severity: "error",
    description:
      "A ring's user cannot get the private key of a CERTAUTH or SITE certificate connected PERSONAL (needs SPECIAL or CONTROL).",
    rationale:
      "System SSL gets the key of a CERTAUTH/SITE certificate only for SPECIAL users or with CONTROL on IRR.DIGTCERT.GENCERT (global) or the ring's .LST profile; otherwise the handshake fails with 428.",
    source: "rules §2 (IBM R_datalib usage notes item 4, KC24 ichd100/usgntrdata.htm: SPECIAL or CONTROL)",
    confidence: "ibm",
    requires: ["rings", "applications"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      for (const conn of ring.connections) {
        if (conn.usage !== "PERSONAL" || !isCaOwner(conn.owner)) continue;
        const cert = ctx.model.certificate(conn.owner, conn.label);
        if (cert?.privateKey === false) continue; // no-private-key reports it
        for (const app of applicationsOf(ctx, ring)) {
          const v = appKeyAccess(ctx.model, app, ring, conn.owner);
          if (v.ok !== false) continue;
          const viaRdatalib = v.resource.startsWith("RDATALIB");
          findings.push({
            subject: connectionSubject(ring, conn),
            ring: ringId(ring),
            message:
              `${app.user} opens ${ringId(ring)}, which holds ${conn.owner} certificate '${conn.label}' as PERSONAL${conn.default ? " DEFAULT" : ""}, ` +
              `but cannot get its private key: ${v.explanation}. System SSL returns 428 when it selects it.`,
            evidence: sourcesOf(conn.sources, cert?.sources, app.evidence),
            fix: viaRdatalib
              ? {
                  summary: `Give ${app.user} CONTROL on ${v.resource}, or better connect a certificate owned by ${app.user}.`,
                  // Never a PERMIT on a generic profile for one ring: the discrete profile is
                  // defined FROM it and decides for this ring alone.
                  commands: [
                    // Never a PERMIT on a generic profile to fix one ring: define the
                    // discrete OWNER.RING.LST from it (it then decides for that ring alone).
                    ...(/[*%]/.test(v.resource)
                      ? [
                          `RDEFINE RDATALIB ${profileName(rdatalibResource(ring))} FROM(${profileName(v.resource.slice("RDATALIB ".length))})`,
                        ]
                      : []),
                    `PERMIT ${profileName(/[*%]/.test(v.resource) ? rdatalibResource(ring) : v.resource.slice("RDATALIB ".length))} CLASS(RDATALIB) ID(${userId(app.user)}) ACCESS(CONTROL)`,
                    refresh("RDATALIB"),
                  ],
                }
              : {
                  summary:
                    `Connect a certificate owned by ${app.user} instead (preferred), or protect the ring with an RDATALIB profile and give ${app.user} CONTROL on it; ` +
                    "CONTROL on IRR.DIGTCERT.GENCERT would also let the user create CA certificates.",
                  commands: [],
                },
          });
        }
      }
    }
    return { findings, notEvaluated: [] };
  },
};
