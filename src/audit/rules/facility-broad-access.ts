/**
 * FACILITY IRR.DIGTCERT.LISTRING / IRR.DIGTCERT.LIST grants UPDATE or more to everybody
 * (UACC, ID(*)) or to many ids.
 *
 * Under global checking UPDATE on IRR.DIGTCERT.LISTRING lets a user open every other user's
 * ring (rules §1, IBM KC21 icha400/le-listring.htm); the same levels on
 * IRR.DIGTCERT.LIST govern listing other users' certificates (IBM KC21 icha700/cracd.htm).
 */
import { accessAtLeast } from "../../model/model.js";
import type { Profile } from "../../model/types.js";
import { profileName } from "../../racf/write.js";
import { refresh, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

/** Ids a message names before "and N more" (the full list is at the profile's source). */
const IDS_NAMED = 10;

/** More ids than this with UPDATE or more counts as "many". */
export const MANY = 5;

export const rule: Rule = {
  meta: {
    id: "facility-broad-access",
    severity: "warning",
    description: `FACILITY IRR.DIGTCERT.LISTRING or IRR.DIGTCERT.LIST gives UPDATE or more through UACC, ID(*), or to more than ${MANY} ids.`,
    rationale:
      "UPDATE on IRR.DIGTCERT.LISTRING opens every user's ring (global checking). Granted to everybody or to many ids, ring contents are exposed site-wide; ring-specific RDATALIB profiles grant it per ring instead.",
    source: "rules §1 and §6 (IBM KC21 icha400/le-listring.htm, icha700/cracd.htm)",
    confidence: "ibm",
    requires: ["facility-profiles"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const profiles = new Set<Profile>();
    for (const res of ["IRR.DIGTCERT.LISTRING", "IRR.DIGTCERT.LIST"]) {
      const p = ctx.model.protectingProfile("FACILITY", res);
      if (p) profiles.add(p);
    }
    for (const p of profiles) {
      const subject = { kind: "profile" as const, id: `FACILITY ${p.name}` };
      if (accessAtLeast(p.uacc, "UPDATE")) {
        findings.push({
          subject,
          ring: null,
          message: `FACILITY ${p.name} has UACC(${p.uacc}): every user may open every other user's key ring.`,
          evidence: sourcesOf(p.sources),
          fix: {
            summary:
              "Set UACC(NONE) and permit READ (own rings) or UPDATE (other users' rings) individually.",
            commands: [`RALTER FACILITY ${p.name} UACC(NONE)`, refresh("FACILITY")],
          },
        });
      }
      const star = p.access.find((a) => a.id === "*");
      if (star && accessAtLeast(star.level, "UPDATE")) {
        findings.push({
          subject,
          ring: null,
          message: `FACILITY ${p.name} permits ID(*) ${star.level} (1 of ${p.access.length.toLocaleString("en-US")} access-list entries): every RACF user may open every other user's key ring.`,
          evidence: sourcesOf(star.sources, p.sources),
          fix: {
            summary:
              "Lower ID(*) to READ (enough for one's own rings) and permit UPDATE only to the servers that need other users' rings.",
            commands: [
              `PERMIT ${profileName(p.name)} CLASS(FACILITY) ID(*) ACCESS(READ)`,
              refresh("FACILITY"),
            ],
          },
        });
      }
      const many = p.access.filter((a) => a.id !== "*" && accessAtLeast(a.level, "UPDATE"));
      if (many.length > MANY) {
        const more = many.length - IDS_NAMED;
        const named = `${many
          .slice(0, IDS_NAMED)
          .map((a) => a.id)
          .join(", ")}${more > 0 ? ` and ${more.toLocaleString("en-US")} more` : ""}`;
        findings.push({
          subject,
          ring: null,
          message: `FACILITY ${p.name} gives UPDATE or more to ${many.length.toLocaleString("en-US")} ids (${named}; ${many.length.toLocaleString("en-US")} of ${p.access.length.toLocaleString("en-US")} access-list entries); each may open every other user's key ring.`,
          evidence: sourcesOf(p.sources, ...many.slice(0, IDS_NAMED).map((a) => a.sources)),
          fix: {
            summary:
              "Review the list; protect the rings these ids really need with RDATALIB <owner>.<ring>.LST profiles instead of site-wide UPDATE.",
            commands: [],
          },
        });
      }
    }
    return { findings, notEvaluated: [] };
  },
};
