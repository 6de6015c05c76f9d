/**
 * An RDATALIB profile whose name contains lower-case letters.
 *
 * R_datalib checks `<OWNER>.<RING>.LST` with the ring name folded to upper case (the rules (README)
 * §1, IBM KC24 ichd100/dlibauth.htm), so a profile spelled with the ring's mixed case never
 * matches: the ring stays under FACILITY checking and the permissions on the profile have no
 * effect — usually the opposite of what its author meant.
 */
import { sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "rdatalib-profile-unmatchable",
    severity: "warning",
    description:
      "An RDATALIB profile name has lower-case letters, so it never matches a ring (R_datalib folds ring names to upper case).",
    rationale:
      "The ring-specific check looks for <OWNER>.<RING>.LST with the ring name in upper case. A mixed-case profile is never used: the ring is still governed by FACILITY IRR.DIGTCERT.LISTRING and the profile's access list does nothing.",
    source: "rules §1 (IBM KC24 ichd100/dlibauth.htm: the ring name is folded to upper case)",
    confidence: "ibm",
    requires: ["rdatalib-profiles"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const p of ctx.model.profilesOf("RDATALIB")) {
      if (p.name === p.name.toUpperCase()) continue;
      const upper = p.name.toUpperCase();
      const exists = ctx.model.profile("RDATALIB", upper);
      findings.push({
        subject: { kind: "profile", id: `RDATALIB ${p.name}` },
        ring: null,
        message:
          `RDATALIB profile ${p.name} has lower-case letters; R_datalib checks ${upper}, so this profile never applies` +
          `${p.access.length > 0 ? ` and its access list (${p.access.map((a) => `${a.id} ${a.level}`).join(", ")}) has no effect` : ""}.`,
        evidence: sourcesOf(p.sources),
        fix: {
          summary: exists
            ? `${upper} already exists; delete the mixed-case profile after checking its access list is reflected there.`
            : `Define ${upper} with the same access list (RDEFINE RDATALIB ${upper} UACC(NONE), PERMIT for each entry, the ring owner included), then delete ${p.name}.`,
          commands: [],
        },
      });
    }
    return { findings, notEvaluated: [] };
  },
};
