/**
 * A certificate connected to a ring is not valid yet (its start date is in the future).
 *
 * System SSL's 401 covers both ends of the validity period: "Certificate is expired or is not
 * valid yet." (rules §3, §5).
 */
import { notYetValidAt } from "../../model/validity.js";
import { certSubject, formatDate, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "cert-not-yet-valid",
    severity: "error",
    description: "A certificate connected to a ring is not valid yet at the audit time.",
    rationale:
      "Before its start date a certificate fails exactly like an expired one: 401 'Certificate is expired or is not valid yet.'",
    source: "rules §3 and §5 (rc 401, IBM)",
    confidence: "ibm",
    requires: ["rings", "certificates", "dates"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    const seen = new Set<string>();
    for (const ring of ctx.model.state.rings) {
      for (const conn of ring.connections) {
        const key = `${conn.owner}\u0000${conn.label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const cert = ctx.model.certificate(conn.owner, conn.label);
        if (!cert || cert.notBefore === null) {
          notEvaluated.push({
            subject: certSubject(conn),
            reason: cert
              ? "the certificate's start date is not in the inputs"
              : "the certificate itself is not in the inputs",
          });
          continue;
        }
        if (!notYetValidAt(cert, ctx.at)) continue;
        findings.push({
          subject: certSubject(cert),
          ring: ringId(ring),
          message:
            `Certificate '${cert.label}' (${cert.owner}) is not valid before ${cert.notBefore.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC")}` +
            `${cert.datesAssumed ? " (date assumed)" : ""}; until then System SSL returns 401 "Certificate is expired or is not valid yet."`,
          evidence: sourcesOf(cert.sources, conn.sources),
          fix: {
            summary: `Wait until ${formatDate(cert.notBefore)} before using it, or re-create it with an earlier NOTBEFORE.`,
            commands: [],
          },
        });
      }
    }
    return { findings, notEvaluated };
  },
};
