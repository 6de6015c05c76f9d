/**
 * An ECC certificate on a ring is signed by an RSA CA.
 *
 * Works with some clients, hangs or fails with Java clients (field case 10; rules §4
 * browser-side rules [3rd]).
 */
import { signatureAlgorithmUnknown } from "../../pki/racf-names.js";
import { findIssuer } from "../chain.js";
import { certSubject, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "ecc-signed-by-rsa",
    severity: "warning",
    description: "An ECC (NISTECC/BPECC) certificate on a ring is signed by an RSA key.",
    rationale:
      "Mixed ECC-leaf/RSA-CA chains fail or hang with some clients, Java in particular; sign ECC certificates with an ECC CA.",
    source: "field case 10; rules §4 (third-party)",
    confidence: "third-party",
    requires: ["rings", "certificates", "key-size", "signature-algorithm"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    for (const cert of ctx.model.state.certificates) {
      const first = ctx.model.firstRingHolding(cert.owner, cert.label);
      if (!first) continue;
      if (cert.keyType === null) {
        notEvaluated.push({
          subject: certSubject(cert),
          reason: "the certificate's key type is not in the inputs",
        });
        continue;
      }
      if (cert.keyType !== "NISTECC" && cert.keyType !== "BPECC") continue;
      const issuer = findIssuer(ctx.model, cert, ctx.at);
      // RACF's UNKNOWN names no algorithm: it says nothing about RSA either way.
      const bySig =
        signatureAlgorithmUnknown(cert.signatureAlgorithm) === null
          ? /RSA/i.test(cert.signatureAlgorithm as string) // not null: the check above
          : null;
      const byIssuer = issuer?.keyType ? issuer.keyType === "RSA" : null;
      if (bySig === null && byIssuer === null) {
        notEvaluated.push({
          subject: certSubject(cert),
          reason: "neither the signature algorithm nor the issuer's key type is in the inputs",
        });
        continue;
      }
      if (!bySig && !byIssuer) continue;
      findings.push({
        subject: certSubject(cert),
        ring: ringId(first),
        message:
          `ECC certificate '${cert.label}' (${cert.owner}) is signed by an RSA key` +
          `${issuer ? ` ('${issuer.label}', ${issuer.owner})` : ""}${cert.signatureAlgorithm ? ` (${cert.signatureAlgorithm})` : ""}; Java and some other clients fail such chains.`,
        evidence: sourcesOf(cert.sources, issuer?.sources),
        fix: {
          summary:
            "Sign ECC certificates with an ECC CA (GENCERT ... SIGNWITH an NISTECC CA), or use an RSA certificate with the RSA CA.",
          commands: [],
        },
      });
    }
    return { findings, notEvaluated };
  },
};
