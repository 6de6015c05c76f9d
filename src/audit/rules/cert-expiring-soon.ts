/**
 * A certificate connected to a ring expires within --expiry-days (default 30).
 *
 * Once past its end date it fails with 401 (rules §3; field case 5); renewing in time
 * (GENREQ from the old certificate, then GENCERT with a later NOTAFTER) keeps the key and label.
 */
import type { Certificate } from "../../model/types.js";
import { expiredAt } from "../../model/validity.js";
import { certSubject, formatDate, ownerOperand, quote, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

const DAY = 86_400_000;

/** How to renew, in words (data set names and signer are the administrator's choice). */
export function renewalSummary(cert: Certificate): string {
  const who = ownerOperand(cert.owner);
  const signer = cert.signer
    ? `SIGNWITH(${ownerOperand(cert.signer.owner)} LABEL(${quote(cert.signer.label)}))`
    : "SIGNWITH(...)";
  return (
    `Renew it: RACDCERT ${who} GENREQ(LABEL(${quote(cert.label)})) DSN(...) to write a request from the existing key, ` +
    `then RACDCERT ${who} GENCERT(...) ${signer} NOTAFTER(DATE(...)) (or have the external CA sign it and ADD the result); ` +
    `ALTER it to TRUST if RACF marked it NOTRUST, then refresh DIGTCERT/DIGTRING and restart or refresh the application.`
  );
}

export const rule: Rule = {
  meta: {
    id: "cert-expiring-soon",
    severity: "warning",
    description: "A certificate connected to a ring expires within the next --expiry-days days (default 30).",
    rationale:
      "When it expires, handshakes fail with 401 on both sides; renewal takes lead time (CA signature, change windows).",
    source: "rules §3; field case 5",
    confidence: "ibm",
    requires: ["rings", "certificates", "dates"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    const limit = ctx.at.getTime() + ctx.expiryDays * DAY;
    const seen = new Set<string>();
    for (const ring of ctx.model.state.rings) {
      for (const conn of ring.connections) {
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
        const end = Date.parse(cert.notAfter);
        // Expired certificates are cert-expired's; the shared rule keeps the boundaries equal.
        if (expiredAt(cert, ctx.at) || end >= limit) continue;
        const days = Math.floor((end - ctx.at.getTime()) / DAY);
        findings.push({
          subject: certSubject(cert),
          ring: ringId(ring),
          message:
            `Certificate '${cert.label}' (${cert.owner}) expires on ${formatDate(cert.notAfter)}, in ${days} day${days === 1 ? "" : "s"}` +
            `${cert.datesAssumed ? " (date assumed from RACF's GENCERT default)" : ""}; connected to ${ctx.model
              .ringsHolding(cert.owner, cert.label)
              .map(ringId)
              .join(", ")}.`,
          evidence: sourcesOf(cert.sources, conn.sources),
          fix: { summary: renewalSummary(cert), commands: [] },
        });
      }
    }
    return { findings, notEvaluated };
  },
};
