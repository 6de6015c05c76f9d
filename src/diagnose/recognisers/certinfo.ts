/**
 * Certificate details pasted beside the errors: RACDCERT LIST lines ("Key Type: NIST ECC",
 * "Key Size: 521", "Signing Algorithm: sha256RSA") and `openssl x509 -text` lines ("Public Key
 * Algorithm: id-ecPublicKey", "ASN1 OID: secp521r1", "Signature Algorithm:
 * sha256WithRSAEncryption"). One line says little; the diagnoser combines them (an ECC key
 * signed with RSA is field case 10, a P-521 key field case 9).
 */
import type { Recogniser, Signal } from "../types.js";

export const certinfo: Recogniser = {
  family: "certificate",
  recognise(text) {
    const base = {
      family: "certificate",
      side: "unknown" as const,
      source: "RACDCERT LIST / openssl x509 -text output; causes: field cases 9–10",
      confidence: "third-party" as const,
    };
    const ecc =
      /^\s*(?:Key Type|Public Key Algorithm)\s*:\s*(NIST ECC|ECC|BPOOL ECC|id-ecPublicKey|RSA|rsaEncryption|DSA)\b/i.exec(
        text,
      );
    if (ecc?.[1]) {
      const isEcc = /ecc|ec/i.test(ecc[1]) && !/rsa/i.test(ecc[1]);
      return {
        ...base,
        id: "cert-key",
        summary: `certificate key type ${ecc[1]}`,
        facts: { notes: [isEcc ? "key:ECC" : `key:${ecc[1].toUpperCase()}`] },
        signals: [],
      };
    }
    const curve =
      /^\s*(?:Key Size\s*:\s*(\d{3,4})|ASN1 OID\s*:\s*(secp\d{3}r1|prime256v1)|NIST CURVE\s*:\s*(P-\d{3}))/i.exec(
        text,
      );
    if (curve) {
      const bits = Number(curve[1] ?? /(\d{3})/.exec(curve[2] ?? curve[3] ?? "")?.[1] ?? 0);
      const signals: Signal[] = bits === 521 ? [{ cause: "ecc-curve-unsupported", weight: 3 }] : [];
      return {
        ...base,
        id: "cert-key-size",
        summary: `certificate key size / curve ${curve[1] ?? curve[2] ?? curve[3]}`,
        facts: { notes: [`size:${bits}`] },
        signals,
      };
    }
    const sig = /^\s*(?:Signing Algorithm|Signature Algorithm)\s*:\s*([A-Za-z0-9-]{3,40})/i.exec(text);
    if (sig?.[1]) {
      const alg = sig[1];
      const kind = /rsa/i.test(alg) ? "RSA" : /ecdsa|ec/i.test(alg) ? "ECDSA" : alg.toUpperCase();
      return {
        ...base,
        id: "cert-signature",
        summary: `certificate signed with ${alg}`,
        facts: { notes: [`sig:${kind}`] },
        signals: [],
      };
    }
    return null;
  },
};
