/**
 * A PERSONAL certificate whose private key the ring's user cannot get.
 *
 * R_datalib returns a private key for a certificate connected with USAGE(PERSONAL) to the
 * certificate's own user; to another user only under ring-specific checking with UPDATE on
 * `<owner>.<ring>.LST` — under global FACILITY checking never (rules §2; IBM R_datalib
 * usage notes KC24 ichd100/usgntrdata.htm item 4). System SSL then reports 428 "Key entry does
 * not contain a private key" although RACDCERT LIST shows "Private Key: YES" (field cases 4, 6).
 */

import type { RacfModel } from "../../model/model.js";
import { isCaOwner, ownerUser } from "../../model/model.js";
import type { Ring } from "../../model/types.js";
import { profileName, userId } from "../../racf/write.js";
import { ringProtectionShown } from "../../sim/ring-check.js";
import { appKeyAccess, rdatalibProfileFor, rdatalibResource, ringMode } from "../access.js";
import { applicationsOf, connectionSubject, refresh, ringId, sourcesOf } from "../subjects.js";
import type { Application, FindingDraft, Rule } from "../types.js";

/**
 * Commands that let every application of the ring get the keys it needs through a
 * ring-specific profile: the certificate owner's users READ, everyone else UPDATE. Defining
 * the profile switches the ring to ring-specific checking for all its users, so all are
 * permitted, the ring owner included (otherwise ring-owner-locked-out).
 */
export function rdatalibGrantCommands(
  model: RacfModel,
  ring: Ring,
  apps: Application[],
  certOwnerUser: string,
): string[] {
  const cmds: string[] = [];
  const existing = rdatalibProfileFor(model, ring);
  // Never a PERMIT on a generic profile to fix one ring (it would reach every ring it covers):
  // the discrete profile is defined FROM the generic one and then decides for this ring alone.
  const name = rdatalibResource(ring);
  const cls = model.classState("RDATALIB");
  if (!existing) cmds.push(`RDEFINE RDATALIB ${name} UACC(NONE)`);
  else if (existing.generic) cmds.push(`RDEFINE RDATALIB ${name} FROM(${existing.name})`);
  const users = new Map<string, "READ" | "UPDATE">();
  for (const a of apps) users.set(a.user, a.user === certOwnerUser ? "READ" : "UPDATE");
  if (!users.has(ring.owner)) users.set(ring.owner, ring.owner === certOwnerUser ? "READ" : "UPDATE");
  for (const [user, level] of users) {
    const have = existing ? model.accessTo(existing, user).level : "NONE";
    if (
      existing &&
      (have === level || have === "CONTROL" || have === "ALTER" || (level === "READ" && have === "UPDATE"))
    )
      continue;
    cmds.push(`PERMIT ${profileName(name)} CLASS(RDATALIB) ID(${userId(user)}) ACCESS(${level})`);
  }
  // Activate the class only after the profile and its access list exist, so nobody is locked
  // out in between. RACLIST builds the in-storage profiles from the database as it is then, so
  // a REFRESH after it would only repeat that work: one or the other, never both.
  if (!cls.active || !cls.raclisted || cls.assumed)
    cmds.push("SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)");
  else cmds.push(refresh("RDATALIB"));
  return cmds;
}

export const rule: Rule = {
  meta: {
    id: "cert-owner-mismatch",
    severity: "error",
    description:
      "A ring holds a PERSONAL certificate owned by another user than the one that opens the ring, who cannot get its private key.",
    rationale:
      "Under global FACILITY checking R_datalib returns a private key only to the certificate's owner; under ring-specific checking another user needs UPDATE on the ring's .LST profile. Otherwise System SSL returns 428 at the first handshake, while RACDCERT LIST still shows 'Private Key: YES'.",
    source: "rules §2 (IBM R_datalib usage notes, KC24 ichd100/usgntrdata.htm); field cases 4 and 6",
    confidence: "ibm",
    requires: ["rings", "applications"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      const apps = applicationsOf(ctx, ring);
      for (const conn of ring.connections) {
        if (conn.usage !== "PERSONAL" || isCaOwner(conn.owner)) continue;
        const certUser = ownerUser(conn.owner);
        if (certUser === null) continue;
        for (const app of apps) {
          if (app.user === certUser) continue;
          const v = appKeyAccess(ctx.model, app, ring, conn.owner);
          if (v.ok !== false) continue;
          const cert = ctx.model.certificate(conn.owner, conn.label);
          // A key that does not exist or a certificate that is ignored cannot be fixed by access.
          const useless = cert?.privateKey === false || cert?.status === "NOTRUST";
          const who =
            app.origin === "ring-owner"
              ? `${app.user} (the ring's owner, assumed to be its user)`
              : `${app.user} (${app.name})`;
          // Global checking only because no input shows RDATALIB (listings alone): the 428 rests
          // on that unknown, as the simulator's prediction does — a warning with its condition.
          const unknownMode =
            ringMode(ctx.model, ring).mode === "facility" &&
            ctx.model.classState("RDATALIB").assumed &&
            !ringProtectionShown(ctx.model);
          findings.push({
            subject: connectionSubject(ring, conn),
            ring: ringId(ring),
            message:
              `Ring ${ringId(ring)} holds ${certUser}'s certificate '${conn.label}' as PERSONAL${conn.default ? " DEFAULT" : ""}, ` +
              `but ${who} cannot get its private key: ${v.explanation}. ` +
              `System SSL returns 428 "Key entry does not contain a private key." when it selects this certificate` +
              (unknownMode
                ? ` — if RDATALIB is not in effect for ${rdatalibResource(ring)} (the inputs show neither SETROPTS nor RDATALIB profiles; SETROPTS LIST and RLIST RDATALIB ${rdatalibResource(ring)} AUTHUSER decide).`
                : "."),
            ...(unknownMode ? { severity: "warning" as const } : {}),
            evidence: sourcesOf(conn.sources, cert?.sources, app.evidence),
            fix: useless
              ? {
                  summary:
                    `Granting access would not help: the certificate ${cert?.status === "NOTRUST" ? "is NOTRUST" : "has no private key"}. ` +
                    `Remove it from the ring and connect a certificate owned by ${app.user}.`,
                  commands: [],
                }
              : {
                  summary:
                    `Any one of: connect a certificate owned by ${app.user} instead; run the application as ${certUser}; ` +
                    `or give ${app.user} UPDATE on the ring's RDATALIB profile ${rdatalibResource(ring)} (commands below). ` +
                    "Then restart the application or refresh the AT-TLS policy (F PAGENT,REFRESH): the ring is read when its environment starts.",
                  commands: rdatalibGrantCommands(ctx.model, ring, apps, certUser),
                },
          });
        }
      }
    }
    return { findings, notEvaluated: [] };
  },
};
