/**
 * An application (given with --app USER=RING:LABEL) names a certificate label that is not
 * connected to its ring.
 *
 * Labels select by exact, case-sensitive match; a label not on the ring gives 6 "Key label is
 * not found." (rules §3; IBM System SSL return codes, topic sfrc-1).
 */
import { ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "label-not-on-ring",
    severity: "error",
    description:
      "An application's configured certificate label is not connected to its ring (exact, case-sensitive match).",
    rationale:
      "System SSL selects the local certificate by exact label; a label that is not on the ring gives 6 'Key label is not found.'",
    source:
      "rules §3 (IBM z/OS System SSL return codes, https://www.ibm.com/docs/en/zos/latest?topic=sfrc-1)",
    confidence: "ibm",
    requires: ["rings", "application-labels"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const app of ctx.applications) {
      if (app.origin !== "option" || app.label === null) continue;
      const ring = ctx.model.ring(app.ring.owner, app.ring.name);
      if (!ring) continue; // app-predicted-failure reports the missing ring (202)
      if (ring.connections.some((c) => c.label === app.label)) continue;
      const near = ring.connections.find((c) => c.label.toLowerCase() === app.label?.toLowerCase());
      findings.push({
        subject: { kind: "application", id: `${app.user}@${ringId(ring)}:${app.label}` },
        ring: ringId(ring),
        message:
          `${app.user} uses label '${app.label}' on ${ringId(ring)}, which holds no certificate with that label` +
          `${near ? ` (labels are case-sensitive: the ring has '${near.label}')` : ""}; System SSL returns 6 "Key label is not found."`,
        evidence: sourcesOf(ring.sources, app.evidence),
        fix: {
          summary: near
            ? `Configure the label exactly as '${near.label}'.`
            : `Connect the certificate labelled '${app.label}' to ${ringId(ring)}, or configure a label that is on the ring.`,
          commands: [],
        },
      });
    }
    return { findings, notEvaluated: [] };
  },
};
