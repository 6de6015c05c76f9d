/**
 * A server opens a ring without naming a certificate label, and the ring has no usable
 * default PERSONAL certificate.
 *
 * With no label System SSL uses the ring's default certificate; none (or only a CERTAUTH one,
 * or a NOTRUST one) gives 6 "Key label is not found." (rules §3; field case 3).
 */

import { labelOperand, ringOperand, userId } from "../../racf/write.js";
import { applicationsOf, ownerOperand, refresh, ringId, ringSubject, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "default-cert-missing",
    severity: "error",
    description:
      "A server uses a ring's default certificate, but the ring has no usable default PERSONAL certificate.",
    rationale:
      "Without a configured label System SSL takes the ring's default certificate. If there is none, or it is connected as CERTAUTH, or it is NOTRUST, the server fails with 6 'Key label is not found.' and the client sees 438.",
    source: "rules §3; field case 3",
    confidence: "ibm",
    requires: ["rings", "applications"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      if (ring.connections.length === 0) continue; // empty-ring reports it
      const users = applicationsOf(ctx, ring).filter((a) => a.label === null && a.role !== "client");
      if (users.length === 0) continue;
      const usable = ring.connections.find((c) => {
        if (!c.default || c.usage !== "PERSONAL") return false;
        return ctx.model.certificate(c.owner, c.label)?.status !== "NOTRUST";
      });
      if (usable) continue;
      const personal = ring.connections.filter(
        (c) => c.usage === "PERSONAL" && ctx.model.certificate(c.owner, c.label)?.status !== "NOTRUST",
      );
      const known = users.filter((a) => a.origin !== "ring-owner");
      // A ring only assumed to be used by its owner and holding no PERSONAL certificate is a
      // trust store, not a server ring: nothing to report.
      if (known.length === 0 && personal.length === 0) continue;
      const dflt = ring.connections.find((c) => c.default);
      const why = dflt
        ? `its default '${dflt.label}' is ${dflt.usage !== "PERSONAL" ? `connected as ${dflt.usage}` : "NOTRUST"}`
        : "no certificate is marked DEFAULT";
      const who = users
        .map((a) => (a.origin === "ring-owner" ? `${a.user} (ring owner, assumed)` : `${a.user} (${a.name})`))
        .join(", ");
      const only = personal.length === 1 ? personal[0] : undefined;
      findings.push({
        subject: ringSubject(ring),
        ring: ringId(ring),
        message: `${who} open${users.length === 1 ? "s" : ""} ${ringId(ring)} without a certificate label, but ${why}; System SSL returns 6 "Key label is not found."`,
        evidence: sourcesOf(ring.sources, dflt?.sources, ...users.map((u) => u.evidence)),
        fix: only
          ? {
              summary: `Make '${only.label}' the ring's default certificate (or configure a certificate label in the application).`,
              commands: [
                `RACDCERT ID(${userId(ring.owner)}) CONNECT(${ownerOperand(only.owner)} ${labelOperand(only.label)} ${ringOperand(ring.name)} USAGE(PERSONAL) DEFAULT)`,
                refresh("DIGTRING"),
              ],
            }
          : {
              summary:
                personal.length === 0
                  ? "Connect the server's own certificate with USAGE(PERSONAL) DEFAULT, then refresh DIGTRING and the AT-TLS policy."
                  : "Choose the server certificate among the PERSONAL ones and connect it again with DEFAULT, or configure its label in the application.",
              commands: [],
            },
      });
    }
    return { findings, notEvaluated: [] };
  },
};
