import type { KeyType, KeyUsage } from "../model/types.js";

/**
 * How RACF names X.509 facts. RACDCERT LIST and IRRDBU00 spell signature algorithms, key
 * types and key usages their own way; certificates read from files are translated into
 * those spellings so that facts from every source compare equal.
 */

/** X.509 KeyUsage bits (RFC 5280 §4.2.1.3), as bit flags in the order @peculiar/x509 uses. */
export const X509_KEY_USAGE = {
  digitalSignature: 1,
  nonRepudiation: 2,
  keyEncipherment: 4,
  dataEncipherment: 8,
  keyAgreement: 16,
  keyCertSign: 32,
  cRLSign: 64,
  encipherOnly: 128,
  decipherOnly: 256,
} as const;

/**
 * RACF's KEYUSAGE names for X.509 key-usage bits (IBM RACDCERT GENCERT KEYUSAGE, le-gencert.htm):
 * HANDSHAKE = digitalSignature + keyEncipherment, DATAENCRYPT = dataEncipherment,
 * DOCSIGN = nonRepudiation, CERTSIGN = keyCertSign + cRLSign. Either bit of a pair is enough for
 * RACF to show the name. keyAgreement, encipherOnly and decipherOnly have no RACF name and are
 * not mapped (mapping keyAgreement to HANDSHAKE would hide a missing digitalSignature, rc 440).
 * Result in RACF's display order.
 */
export function racfKeyUsage(flags: number): KeyUsage[] {
  const out: KeyUsage[] = [];
  const has = (bit: number): boolean => (flags & bit) !== 0;
  if (has(X509_KEY_USAGE.digitalSignature) || has(X509_KEY_USAGE.keyEncipherment)) out.push("HANDSHAKE");
  if (has(X509_KEY_USAGE.dataEncipherment)) out.push("DATAENCRYPT");
  if (has(X509_KEY_USAGE.nonRepudiation)) out.push("DOCSIGN");
  if (has(X509_KEY_USAGE.keyCertSign) || has(X509_KEY_USAGE.cRLSign)) out.push("CERTSIGN");
  return out;
}

/**
 * Signature algorithm OIDs → the RACF spelling RACDCERT LIST and IRRDBU00 1560 use (IBM le-list.htm
 * 2.3 enumeration: md2RSA … sha512ECDSA, UNKNOWN; formats.md §2). RSASSA-PSS is kept under its
 * own name because newer releases may list it and racfring must not pretend it is PKCS#1 v1.5.
 */
const SIGNATURE_OIDS: Record<string, string> = {
  "1.2.840.113549.1.1.2": "md2RSA",
  "1.2.840.113549.1.1.4": "md5RSA",
  "1.2.840.113549.1.1.5": "sha1RSA",
  "1.2.840.113549.1.1.14": "sha224RSA",
  "1.2.840.113549.1.1.11": "sha256RSA",
  "1.2.840.113549.1.1.12": "sha384RSA",
  "1.2.840.113549.1.1.13": "sha512RSA",
  "1.2.840.113549.1.1.10": "RSASSA-PSS",
  "1.2.840.10040.4.3": "sha1DSA",
  "2.16.840.1.101.3.4.3.1": "sha224DSA",
  "2.16.840.1.101.3.4.3.2": "sha256DSA",
  "1.2.840.10045.4.1": "sha1ECDSA",
  "1.2.840.10045.4.3.1": "sha224ECDSA",
  "1.2.840.10045.4.3.2": "sha256ECDSA",
  "1.2.840.10045.4.3.3": "sha384ECDSA",
  "1.2.840.10045.4.3.4": "sha512ECDSA",
};

export function racfSignatureAlgorithm(oid: string | null): string {
  if (oid === null) return "UNKNOWN";
  return SIGNATURE_OIDS[oid] ?? "UNKNOWN";
}

/** Every RACF signature algorithm spelling racfring knows (for reading listings and unloads). */
export const RACF_SIGNATURE_ALGORITHMS: readonly string[] = [
  ...new Set(Object.values(SIGNATURE_OIDS)),
  "UNKNOWN",
];

/**
 * Why a certificate's signature algorithm cannot be judged, or null when it can: the inputs do
 * not give it, or RACF lists it as UNKNOWN (an algorithm the release cannot name, such as
 * RSASSA-PSS on older releases; formats.md §2). A rule about the algorithm then says it could not
 * evaluate the certificate rather than passing it.
 */
export function signatureAlgorithmUnknown(algorithm: string | null): string | null {
  if (algorithm === null) return "the certificate's signature algorithm is not in the inputs";
  if (algorithm.trim().toUpperCase() === "UNKNOWN")
    return "RACF lists the certificate's signature algorithm as UNKNOWN (one its release cannot name)";
  return null;
}

/** Canonical RACF spelling of a signature algorithm read from text (case-insensitive). */
export function canonicalSignatureAlgorithm(text: string): string {
  const t = text.trim();
  const known = RACF_SIGNATURE_ALGORITHMS.find((a) => a.toLowerCase() === t.toLowerCase());
  return known ?? t;
}

/**
 * Public key facts from Node's key details. NIST curves are RACF's NISTECC, Brainpool curves
 * BPECC (RACDCERT GENCERT NISTECC / BPECC); sizes are curve sizes in bits, the way LIST shows
 * "Key Size: 256".
 */
export function racfKeyType(
  keyType: string | undefined,
  details: { modulusLength?: number; namedCurve?: string; divisorLength?: number } | undefined,
): { keyType: KeyType | null; keySize: number | null } {
  switch (keyType) {
    case "rsa":
    case "rsa-pss":
      return { keyType: "RSA", keySize: details?.modulusLength ?? null };
    case "dsa":
      return { keyType: "DSA", keySize: details?.modulusLength ?? null };
    case "ec": {
      const curve = details?.namedCurve ?? "";
      const size = CURVE_BITS[curve] ?? null;
      if (/^brainpool/i.test(curve)) return { keyType: "BPECC", keySize: size };
      return { keyType: "NISTECC", keySize: size };
    }
    default:
      return { keyType: null, keySize: null };
  }
}

const CURVE_BITS: Record<string, number> = {
  prime192v1: 192,
  secp224r1: 224,
  prime256v1: 256,
  secp256r1: 256,
  secp384r1: 384,
  secp521r1: 521,
  brainpoolP160r1: 160,
  brainpoolP192r1: 192,
  brainpoolP224r1: 224,
  brainpoolP256r1: 256,
  brainpoolP320r1: 320,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512,
};

/**
 * RACDCERT LIST `Key Type:` values (formats.md §2: RSA | RSA Mod-Exp | DSA | NIST ECC |
 * Brainpool ECC; ICSF variants append words) → model key type.
 */
export function keyTypeFromRacfText(text: string): KeyType | null {
  const t = text.trim().toUpperCase().replace(/\s+/g, " ");
  if (t.startsWith("RSA")) return "RSA";
  if (t.startsWith("NIST ECC") || t === "NISTECC" || t === "ECC") return "NISTECC";
  if (t.startsWith("BRAINPOOL") || t === "BPECC") return "BPECC";
  if (t.startsWith("DSA")) return "DSA";
  return null;
}

/**
 * Serial numbers as racfring stores them: upper-case hex, no separators, leading zero bytes
 * dropped but at least one byte kept (RACF shows serial 0 as `00`, formats.md §2).
 */
export function normalizeSerial(serial: string): string {
  let s = serial.replace(/[^0-9A-Fa-f]/g, "").toUpperCase();
  if (s.length % 2 === 1) s = `0${s}`;
  while (s.length > 2 && s.startsWith("00")) s = s.slice(2);
  return s === "" ? "00" : s;
}

/**
 * Two serials denote the same number. Leading zeros are ignored because DER adds a zero byte
 * before a serial whose first bit is set and sources differ in whether they show it.
 */
export function sameSerial(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const strip = (s: string): string =>
    s
      .replace(/[^0-9A-Fa-f]/g, "")
      .toUpperCase()
      .replace(/^0+/, "");
  return strip(a) === strip(b);
}

/** SHA-256 fingerprint as stored: upper-case hex without separators (`4A:17:…` → `4A17…`). */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, "").toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex : null;
}
