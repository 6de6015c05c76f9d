/**
 * A certificate connected to a ring is past its end date.
 *
 * Outside notBefore/notAfter System SSL returns 401 "Certificate is expired or is not valid
 * yet." on the side that holds it and on the partner that validates it (rules §3;
 * field case 5).
 */
import { expiredAt } from "../../model/validity.js";
import { certSubject, formatDate, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";
import { renewalSummary } from "./cert-expiring-soon.js";

export const rule: Rule = {
  meta: {
    id: "cert-expired",
    severity: "error",
    description: "A certificate connected to a ring has expired.",
    rationale:
      "An expired certificate fails the handshake with 401 on both sides (as the local certificate), or breaks the validation of every chain that goes through it (as a CA certificate).",
    source: "rules §3; field case 5",
    confidence: "ibm",
    requires: ["rings", "certificates", "dates"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    const seen = new Set<string>();
    for (const ring of ctx.model.state.rings) {
      for (const conn of ring.connections) {
        const cert = ctx.model.certificate(conn.owner, conn.label);
        const key = `${conn.owner}\u0000${conn.label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!cert || cert.notAfter === null) {
          notEvaluated.push({
            subject: certSubject(conn),
            reason: cert
              ? "the certificate's end date is not in the inputs"
              : "the certificate itself is not in the inputs",
          });
          continue;
        }
        if (!expiredAt(cert, ctx.at)) continue;
        const rings = ctx.model.ringsHolding(cert.owner, cert.label).map(ringId);
        findings.push({
          subject: certSubject(cert),
          ring: ringId(ring),
          message:
            `Certificate '${cert.label}' (${cert.owner}) expired on ${formatDate(cert.notAfter)}${cert.datesAssumed ? " (date assumed from RACF's GENCERT default)" : ""}; ` +
            `it is connected to ${rings.join(", ")}. System SSL returns 401 "Certificate is expired or is not valid yet."`,
          evidence: sourcesOf(cert.sources, conn.sources),
          fix: { summary: renewalSummary(cert), commands: [] },
        });
      }
    }
    return { findings, notEvaluated };
  },
};
