/**
 * A CA certificate in the chain of a ring's PERSONAL certificate expires before the
 * certificate itself.
 *
 * The chain is only as valid as its shortest-lived link: from the CA's end date the partner
 * cannot validate the chain (RFC 5280 path validation). That the validating side then reports
 * 401 is not documented by IBM for an expired CA (rules §3–4; chain per LISTCHAIN, §6), so the
 * rule is marked third-party.
 */
import { buildChain } from "../chain.js";
import { certSubject, formatDate, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "intermediate-expires-first",
    severity: "warning",
    description: "A CA certificate in a PERSONAL certificate's chain expires before the certificate does.",
    rationale:
      "When the CA certificate expires the partner can no longer validate the chain (401), even though the server certificate itself still looks valid; renewals get planned on the wrong date.",
    source:
      "rules §3 (401) and §6 (LISTCHAIN chain building); RFC 5280 §6 (every certificate of the path must be valid)",
    confidence: "third-party",
    requires: ["rings", "certificates", "dates", "distinguished-names"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    const seen = new Set<string>();
    for (const ring of ctx.model.state.rings) {
      for (const conn of ring.connections) {
        if (conn.usage !== "PERSONAL") continue;
        const key = `${conn.owner}\u0000${conn.label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const cert = ctx.model.certificate(conn.owner, conn.label);
        if (!cert || cert.notAfter === null) {
          notEvaluated.push({
            subject: certSubject(conn),
            reason: cert
              ? "the certificate's end date is not in the inputs"
              : "the certificate itself is not in the inputs",
          });
          continue;
        }
        const chain = buildChain(ctx.model, cert, ctx.at);
        const leafEnd = Date.parse(cert.notAfter);
        const early = chain.certs
          .slice(1)
          .find((ca) => ca.notAfter !== null && Date.parse(ca.notAfter) < leafEnd);
        if (!early || early.notAfter === null) continue;
        findings.push({
          subject: certSubject(cert),
          ring: ringId(ring),
          message:
            `Certificate '${cert.label}' (${cert.owner}) is valid until ${formatDate(cert.notAfter)}, but its issuing CA '${early.label}' (${early.owner}) ` +
            `expires on ${formatDate(early.notAfter)}; from then on partners cannot validate the chain.`,
          evidence: sourcesOf(cert.sources, early.sources),
          fix: {
            summary: `Renew the CA certificate '${early.label}' before ${formatDate(early.notAfter)} (re-using its key keeps the chain), or re-issue '${cert.label}' from a CA that outlives it.`,
            commands: [],
          },
        });
      }
    }
    return { findings, notEvaluated };
  },
};
