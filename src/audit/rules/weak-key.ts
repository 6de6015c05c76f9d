/**
 * A certificate on a ring has a weak or badly supported key: RSA/DSA below 2048 bits, ECC below
 * 256 bits, or a P-521 key on a certificate the ring presents (PERSONAL).
 *
 * Browsers and current TLS stacks reject RSA < 2048; Chrome and Firefox do not offer P-521 for
 * ECDSA signatures (rules §4 browser bullet, third-party sources; field case 9).
 */
import { certSubject, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "weak-key",
    severity: "warning",
    description:
      "A certificate on a ring has an RSA/DSA key under 2048 bits, an ECC key under 256 bits, or (as PERSONAL) a P-521 key.",
    rationale:
      "Clients reject RSA keys under 2048 bits; browsers do not support ECDSA with P-521, so a NISTECC SIZE(521) server certificate fails with them (field case 9).",
    source: "rules §4 (browser-side rules, third-party: google/conscrypt#681, golang/go#62372); field case 9",
    confidence: "third-party",
    requires: ["rings", "certificates", "key-size"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    for (const cert of ctx.model.state.certificates) {
      const first = ctx.model.firstRingHolding(cert.owner, cert.label);
      if (!first) continue;
      if (cert.keySize === null) {
        notEvaluated.push({
          subject: certSubject(cert),
          reason: "the certificate's key size is not in the inputs",
        });
        continue;
      }
      // Every ring is listed only for a certificate the rule reports (a CA certificate is on
      // thousands of rings).
      const rings = () => ctx.model.ringsHolding(cert.owner, cert.label);
      const personal = () =>
        rings().some((r) =>
          r.connections.some(
            (c) => c.owner === cert.owner && c.label === cert.label && c.usage === "PERSONAL",
          ),
        );
      let why: string | null = null;
      if (cert.keyType === null) {
        // Unloads give the size but not the algorithm (GRCERT_KEY_TYPE is the key's storage).
        // No ECC curve has 2048 bits or more, and none has fewer than 160: a size outside the
        // ECC range can be judged without the algorithm.
        if (cert.keySize >= 2048) continue;
        if ([160, 192, 224, 256, 320, 384, 512, 521].includes(cert.keySize)) {
          notEvaluated.push({
            subject: certSubject(cert),
            reason: "the key's algorithm is not in the inputs and its size fits an ECC curve",
          });
          continue;
        }
        why = `a ${cert.keySize}-bit key (an RSA or DSA size); clients require at least 2048 bits`;
      } else if ((cert.keyType === "RSA" || cert.keyType === "DSA") && cert.keySize < 2048) {
        why = `a ${cert.keySize}-bit ${cert.keyType} key; clients require at least 2048 bits`;
      } else if ((cert.keyType === "NISTECC" || cert.keyType === "BPECC") && cert.keySize < 256) {
        why = `a ${cert.keySize}-bit ${cert.keyType} key; at least 256 bits are expected`;
      } else if (cert.keyType === "NISTECC" && cert.keySize === 521 && personal()) {
        why =
          "a P-521 key (NISTECC SIZE(521)); browsers (Chrome, Firefox) do not support it for ECDSA, so browser-facing handshakes fail";
      }
      if (!why) continue;
      findings.push({
        subject: certSubject(cert),
        ring: ringId(first),
        message: `Certificate '${cert.label}' (${cert.owner}) on ${rings().map(ringId).join(", ")} has ${why}.`,
        evidence: sourcesOf(cert.sources),
        fix: {
          summary:
            cert.keyType === "NISTECC" && cert.keySize === 521
              ? "Re-create it with NISTECC SIZE(256) or SIZE(384) and connect the new certificate in its place."
              : "Re-create it with RSA SIZE(2048) or larger (or NISTECC SIZE(256)) and connect the new certificate in its place.",
          commands: [],
        },
      });
    }
    return { findings, notEvaluated };
  },
};
