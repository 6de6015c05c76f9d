/**
 * An application's user may not open its ring.
 *
 * R_datalib authorises the read through RDATALIB `<owner>.<ring>.LST` (READ) when such a profile
 * decides for the ring, otherwise FACILITY IRR.DIGTCERT.LISTRING (READ own ring, UPDATE another
 * user's). Denied → 202 (rules §1; field case 2).
 */

import { profileName, userId } from "../../racf/write.js";
import { appCanOpenRing } from "../access.js";
import { applicationsOf, refresh, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "ring-access-denied",
    severity: "error",
    description:
      "A user that opens a ring lacks the access R_datalib checks (FACILITY IRR.DIGTCERT.LISTRING or the ring's RDATALIB profile).",
    rationale:
      "Without READ (own ring) or UPDATE (another user's ring) on IRR.DIGTCERT.LISTRING, or READ on the ring's .LST profile under ring-specific checking, the ring cannot be opened: 202, with ICH408I INSUFFICIENT ACCESS AUTHORITY.",
    source: "rules §1 (IBM KC21 icha400/le-listring.htm, KC24 ichd100/dlibauth.htm); field case 2",
    confidence: "ibm",
    requires: ["rings", "applications"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      for (const app of applicationsOf(ctx, ring)) {
        const v = appCanOpenRing(ctx.model, app, ring);
        const subject = { kind: "application" as const, id: `${app.user}@${ringId(ring)}` };
        if (v.ok === null) {
          notEvaluated.push({ subject, reason: v.explanation });
          continue;
        }
        if (v.ok) continue;
        const rdatalib = v.resource.startsWith("RDATALIB ");
        const name = v.resource.replace(/^(RDATALIB|FACILITY) /, "");
        findings.push({
          subject,
          ring: ringId(ring),
          message:
            `${app.user}${app.origin === "ring-owner" ? " (ring owner, assumed to be its user)" : ` (${app.name})`} cannot open ${ringId(ring)}: ${v.explanation}; ` +
            `System SSL returns 202 and RACF logs ICH408I for ${v.resource}.`,
          evidence: sourcesOf(v.profile?.sources, app.evidence, ring.sources),
          fix: {
            summary: `Permit ${app.user} ${v.need} on ${v.resource}${rdatalib ? "" : " (or protect the ring with its own RDATALIB profile)"}.`,
            commands: [
              `PERMIT ${profileName(name)} CLASS(${rdatalib ? "RDATALIB" : "FACILITY"}) ID(${userId(app.user)}) ACCESS(${v.need})`,
              refresh(rdatalib ? "RDATALIB" : "FACILITY"),
            ],
          },
        });
      }
    }
    return { findings, notEvaluated };
  },
};
