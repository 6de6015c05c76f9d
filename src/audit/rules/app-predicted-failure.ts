/**
 * The simulator predicts that an application's TLS set-up fails.
 *
 * The simulator follows System SSL's decision order (rules §7) for each application
 * the audit knows of; this rule turns a non-zero prediction into a finding that names the
 * application and the return code, so that an audit answers "which application breaks".
 */
import { sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "app-predicted-failure",
    severity: "error",
    description:
      "The simulator predicts a non-zero System SSL return code for an application opening its ring.",
    rationale:
      "Per-certificate rules say what is wrong; this one says which application breaks and with which return code, in the order System SSL checks (ring, authority, label/default, key, validity).",
    source: "rules §7 (decision order) and §5 (return codes); field cases 1–7",
    confidence: "ibm",
    requires: ["applications"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    ctx.applications.forEach((app, i) => {
      const sim = ctx.simulations[i];
      const subject = {
        kind: "application" as const,
        id: `${app.user}@${app.ring.owner}/${app.ring.name}${app.label ? `:${app.label}` : ""}`,
      };
      if (!sim || sim.rc === null) {
        notEvaluated.push({ subject, reason: sim ? sim.text : "the simulator is not available" });
        return;
      }
      if (sim.rc === 0) return;
      const conditions = sim.conditions ?? [];
      const outcomes = sim.outcomes ?? [];
      // A failure that another branch of an unknown would turn into success rests on that
      // unknown: it is reported as a warning with its conditions, never as an error.
      const restsOnUnknown = outcomes.some((o) => o.rc === 0);
      const cond =
        conditions.length > 0
          ? ` — if ${conditions.map((c) => c.text).join(" and ")}` +
            (outcomes.length > 0
              ? `; otherwise ${outcomes.map((o) => `rc ${o.rc} if ${o.condition}`).join("; ")}`
              : "")
          : "";
      const decide = [...new Set(conditions.flatMap((c) => c.decide))];
      findings.push({
        subject,
        ring: `${app.ring.owner}/${app.ring.name}`,
        message:
          `${app.user} (${app.origin === "ring-owner" ? "ring owner, assumed" : app.name}) opening ${app.ring.owner}/${app.ring.name}` +
          `${app.label ? ` with label '${app.label}'` : ""}: predicted rc ${sim.rc} "${sim.text}"${cond} [${sim.confidence ?? "unconfirmed"}].` +
          (decide.length > 0 ? ` The inputs do not show what decides it: ${decide.join("; ")}.` : ""),
        evidence: sourcesOf(app.evidence),
        fix: sim.fix,
        // the finding is as sure as the prediction it reports
        ...(sim.confidence ? { confidence: sim.confidence } : {}),
        ...(restsOnUnknown ? { severity: "warning" as const } : {}),
      });
    });
    return { findings, notEvaluated };
  },
};
