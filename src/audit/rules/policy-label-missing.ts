/**
 * An AT-TLS policy's certificate label is not on the policy's ring.
 *
 * Labels are exact and case-sensitive; a label not on the ring gives 6 "Key label is not found."
 * (rules §3, IBM System SSL return codes).
 */
import { ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "policy-label-missing",
    severity: "error",
    description:
      "An AT-TLS policy's CertificateLabel / ServerCertificateLabel is not connected to the policy's ring.",
    rationale:
      "AT-TLS hands the label to System SSL, which looks it up exactly (case-sensitive) on the ring: 6 'Key label is not found.'",
    source: "rules §3 (IBM z/OS System SSL return codes, topic sfrc-1)",
    confidence: "ibm",
    requires: ["policy"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const app of ctx.applications) {
      if (app.origin !== "policy" || app.label === null) continue;
      const ring = ctx.model.ring(app.ring.owner, app.ring.name);
      if (!ring) continue; // policy-ring-missing
      if (ring.connections.some((c) => c.label === app.label)) continue;
      const near = ring.connections.find((c) => c.label.toLowerCase() === app.label?.toLowerCase());
      // The application's name is "policy rule NAME"; the message names the rule once.
      const policyRule = app.name.replace(/^policy rule /, "");
      findings.push({
        subject: { kind: "policy", id: `${policyRule}:${app.label}` },
        ring: ringId(ring),
        message:
          `Policy rule ${policyRule} selects certificate label '${app.label}', which is not on ${ringId(ring)}` +
          `${near ? ` (labels are case-sensitive; the ring has '${near.label}')` : ""}; System SSL returns 6 "Key label is not found."`,
        evidence: sourcesOf(app.evidence, ring.sources),
        fix: {
          summary: near
            ? `Spell the label exactly '${near.label}' in the policy, then refresh it (F PAGENT,REFRESH).`
            : `Connect the certificate '${app.label}' to ${ringId(ring)}, or correct the policy's label; then refresh the policy.`,
          commands: [],
        },
      });
    }
    return { findings, notEvaluated: [] };
  },
};
