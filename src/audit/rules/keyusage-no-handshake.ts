/**
 * A PERSONAL certificate has a key usage extension without HANDSHAKE (digitalSignature /
 * keyEncipherment).
 *
 * System SSL rejects such a local certificate with 440 "Incorrect key usage." (the rules (README)
 * §3, IBM V2R1 return code summary).
 */
import { connectionSubject, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "keyusage-no-handshake",
    severity: "error",
    description: "A certificate connected as PERSONAL has a key usage that does not allow HANDSHAKE.",
    rationale:
      "A TLS end-entity certificate needs digitalSignature/keyEncipherment (RACF: HANDSHAKE); with a key usage extension that lacks them System SSL returns 440 'Incorrect key usage.'",
    source: "rules §3 (rc 440: IBM KC21 e0zh300/sslfrc.htm)",
    confidence: "ibm",
    requires: ["rings", "key-usage"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      for (const conn of ring.connections) {
        if (conn.usage !== "PERSONAL") continue;
        const cert = ctx.model.certificate(conn.owner, conn.label);
        if (!cert || cert.keyUsage === null) {
          notEvaluated.push({
            subject: connectionSubject(ring, conn),
            reason: cert
              ? "the certificate's key usage is not in the inputs"
              : "the certificate itself is not in the inputs",
          });
          continue;
        }
        if (cert.keyUsage.length === 0 || cert.keyUsage.includes("HANDSHAKE")) continue;
        findings.push({
          subject: connectionSubject(ring, conn),
          ring: ringId(ring),
          message:
            `Certificate '${conn.label}' (${conn.owner}) on ${ringId(ring)} is PERSONAL but its key usage is ${cert.keyUsage.join(", ")} without HANDSHAKE; ` +
            `System SSL returns 440 "Incorrect key usage." when it is used for TLS.`,
          evidence: sourcesOf(conn.sources, cert.sources),
          fix: {
            summary:
              "Issue a new certificate with KEYUSAGE(HANDSHAKE) (GENREQ from this key, then GENCERT ... KEYUSAGE(HANDSHAKE)) and connect it in place of this one.",
            commands: [],
          },
        });
      }
    }
    return { findings, notEvaluated };
  },
};
