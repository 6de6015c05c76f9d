/**
 * A certificate connected with USAGE(PERSONAL) for which RACF holds no private key.
 *
 * Only a PERSONAL connection can give System SSL its own certificate, and only with a private
 * key; selecting one without a key fails with 428 "Key entry does not contain a private key."
 * (rules §3, IBM V2R1 return code summary KC21 e0zh300/sslfrc.htm). Certificates
 * added without their key, or generated from a PKCS#10 request, have none.
 */
import { connectionSubject, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "no-private-key",
    severity: "error",
    description: "A certificate connected as PERSONAL has no private key in RACF.",
    rationale:
      "A PERSONAL connection is meant to be the application's own certificate; without a private key System SSL returns 428 when it is selected (by label or as the default).",
    source: "rules §3 (IBM KC21 e0zh300/sslfrc.htm, rc 428)",
    confidence: "ibm",
    requires: ["rings", "private-key"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      for (const conn of ring.connections) {
        if (conn.usage !== "PERSONAL") continue;
        const cert = ctx.model.certificate(conn.owner, conn.label);
        if (!cert || cert.privateKey === null) {
          notEvaluated.push({
            subject: connectionSubject(ring, conn),
            reason: cert
              ? "the inputs do not say whether RACF holds its private key"
              : "the certificate itself is not in the inputs",
          });
          continue;
        }
        if (cert.privateKey) continue;
        findings.push({
          subject: connectionSubject(ring, conn),
          ring: ringId(ring),
          message:
            `Certificate '${conn.label}' (${conn.owner}) is connected to ${ringId(ring)} as PERSONAL${conn.default ? " DEFAULT" : ""} but RACF holds no private key for it` +
            `${cert.fromRequest ? " (it was generated from a PKCS#10 request, so the key stays with the requester)" : ""}; ` +
            `System SSL returns 428 when it selects it.`,
          evidence: sourcesOf(conn.sources, cert.sources),
          fix: {
            summary:
              "Connect a certificate whose private key RACF holds (GENCERT in RACF, or ADD a PKCS#12 package with its key), or, if this certificate is only a trusted partner certificate, remove it and connect its CA with USAGE(CERTAUTH).",
            commands: [],
          },
        });
      }
    }
    return { findings, notEvaluated };
  },
};
