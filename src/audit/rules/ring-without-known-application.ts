/**
 * A key ring that neither the AT-TLS policy nor any --app names.
 *
 * The audit then assumes the ring's owner uses it (issue 5: "a ring is assumed to be used by its
 * owner"), which may be wrong: the ring may serve a non-AT-TLS application (Liberty, MQ, Db2 via
 * safkeyring://), or nothing at all. Reported for information, so that the assumption behind
 * that ring's verdicts is visible; rules §7 step 1 (which ring an application opens).
 */

import { ringName, userId } from "../../racf/write.js";
import { ringId, ringSubject, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "ring-without-known-application",
    severity: "info",
    description:
      "A key ring is named by no AT-TLS policy rule and no --app, so its verdicts rest on the assumption that its owner uses it.",
    rationale:
      "Rings used by applications outside AT-TLS (safkeyring:// in Java, MQ, Db2) or by nobody look the same in RACF. Naming the application with --app makes the simulator's verdict for that ring exact; an unused ring can be deleted.",
    source: "rules §7 step 1 (resolve the ring an application opens); issue 5 (ring owner assumed)",
    confidence: "ibm",
    requires: ["rings", "applications"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    if (!ctx.applications.some((a) => a.origin !== "ring-owner")) {
      notEvaluated.push({
        subject: null,
        reason: "no --app or --policy names an application; every ring is assumed used by its owner",
      });
      return { findings, notEvaluated };
    }
    for (const ring of ctx.model.state.rings) {
      const named = ctx.applications.some(
        (a) => a.origin !== "ring-owner" && a.ring.owner === ring.owner && a.ring.name === ring.name,
      );
      if (named) continue;
      findings.push({
        subject: ringSubject(ring),
        ring: ringId(ring),
        message: `No policy rule or --app names ${ringId(ring)}; its verdicts assume its owner ${ring.owner} opens it as a server.`,
        evidence: sourcesOf(ring.sources),
        fix: {
          summary: `Name the application with --app USER=${ringId(ring)}[:LABEL] to audit it exactly, or delete the ring if nothing uses it (RACDCERT ID(${userId(ring.owner)}) DELRING(${ringName(ring.name)})).`,
          commands: [],
        },
      });
    }
    return { findings, notEvaluated };
  },
};
