/**
 * Cipher suites as System SSL and AT-TLS name them: 4-character hex codes (V3CipherSuites4Char,
 * GSK_V3_CIPHER_SPECS_EXPANDED), the older 2-character codes (V3CipherSuites) and the TLS_*
 * constants. Only what the simulator needs: which protocol versions a suite can be used with and
 * which server key type it needs (rules §4, the 434 rule).
 *
 * Codes are the IANA TLS cipher-suite numbers (RFC 5246, 5289, 8446), which are what System SSL's
 * 4-character specifications are. The list covers the suites System SSL documents for TLS 1.0–1.3
 * with RSA, ECDSA and DSS authentication; anything else is reported as "unknown" and ignored.
 */

export type Protocol = "SSLv3" | "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
export const PROTOCOLS: readonly Protocol[] = ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

/** Which server key a suite authenticates with. `any` = TLS 1.3 (key type chosen by signature). */
export type SuiteKey = "RSA" | "EC" | "DSA" | "DH" | "any";

export interface CipherSuite {
  code: string;
  name: string;
  key: SuiteKey;
  /** TLS 1.3 suites only. */
  tls13: boolean;
  /** GCM and SHA-256/384 suites need TLS 1.2. */
  needsTls12: boolean;
}

function s(code: string, name: string): CipherSuite {
  const tls13 = code.startsWith("13");
  let key: SuiteKey = "RSA";
  if (tls13) key = "any";
  else if (/_ECDSA_/.test(name) || /^TLS_ECDH_RSA_/.test(name)) key = "EC";
  else if (/_DSS_/.test(name)) key = "DSA";
  else if (/^TLS_DH_RSA_/.test(name)) key = "DH";
  return { code, name, key, tls13, needsTls12: !tls13 && /(GCM|SHA256|SHA384)/.test(name) };
}

export const CIPHER_SUITES: readonly CipherSuite[] = [
  s("0001", "TLS_RSA_WITH_NULL_MD5"),
  s("0002", "TLS_RSA_WITH_NULL_SHA"),
  s("0004", "TLS_RSA_WITH_RC4_128_MD5"),
  s("0005", "TLS_RSA_WITH_RC4_128_SHA"),
  s("0009", "TLS_RSA_WITH_DES_CBC_SHA"),
  s("000A", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
  s("000D", "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA"),
  s("0010", "TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA"),
  s("0013", "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA"),
  s("0016", "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"),
  s("002F", "TLS_RSA_WITH_AES_128_CBC_SHA"),
  s("0030", "TLS_DH_DSS_WITH_AES_128_CBC_SHA"),
  s("0031", "TLS_DH_RSA_WITH_AES_128_CBC_SHA"),
  s("0032", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA"),
  s("0033", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"),
  s("0035", "TLS_RSA_WITH_AES_256_CBC_SHA"),
  s("0036", "TLS_DH_DSS_WITH_AES_256_CBC_SHA"),
  s("0037", "TLS_DH_RSA_WITH_AES_256_CBC_SHA"),
  s("0038", "TLS_DHE_DSS_WITH_AES_256_CBC_SHA"),
  s("0039", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
  s("003B", "TLS_RSA_WITH_NULL_SHA256"),
  s("003C", "TLS_RSA_WITH_AES_128_CBC_SHA256"),
  s("003D", "TLS_RSA_WITH_AES_256_CBC_SHA256"),
  s("003E", "TLS_DH_DSS_WITH_AES_128_CBC_SHA256"),
  s("003F", "TLS_DH_RSA_WITH_AES_128_CBC_SHA256"),
  s("0040", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256"),
  s("0067", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"),
  s("0068", "TLS_DH_DSS_WITH_AES_256_CBC_SHA256"),
  s("0069", "TLS_DH_RSA_WITH_AES_256_CBC_SHA256"),
  s("006A", "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256"),
  s("006B", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"),
  s("009C", "TLS_RSA_WITH_AES_128_GCM_SHA256"),
  s("009D", "TLS_RSA_WITH_AES_256_GCM_SHA384"),
  s("009E", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
  s("009F", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
  s("00A0", "TLS_DH_RSA_WITH_AES_128_GCM_SHA256"),
  s("00A1", "TLS_DH_RSA_WITH_AES_256_GCM_SHA384"),
  s("00A2", "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"),
  s("00A3", "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384"),
  s("00A4", "TLS_DH_DSS_WITH_AES_128_GCM_SHA256"),
  s("00A5", "TLS_DH_DSS_WITH_AES_256_GCM_SHA384"),
  s("1301", "TLS_AES_128_GCM_SHA256"),
  s("1302", "TLS_AES_256_GCM_SHA384"),
  s("1303", "TLS_CHACHA20_POLY1305_SHA256"),
  s("C001", "TLS_ECDH_ECDSA_WITH_NULL_SHA"),
  s("C002", "TLS_ECDH_ECDSA_WITH_RC4_128_SHA"),
  s("C003", "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA"),
  s("C004", "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA"),
  s("C005", "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA"),
  s("C006", "TLS_ECDHE_ECDSA_WITH_NULL_SHA"),
  s("C007", "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA"),
  s("C008", "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA"),
  s("C009", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
  s("C00A", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
  s("C00B", "TLS_ECDH_RSA_WITH_NULL_SHA"),
  s("C00C", "TLS_ECDH_RSA_WITH_RC4_128_SHA"),
  s("C00D", "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA"),
  s("C00E", "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA"),
  s("C00F", "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA"),
  s("C010", "TLS_ECDHE_RSA_WITH_NULL_SHA"),
  s("C011", "TLS_ECDHE_RSA_WITH_RC4_128_SHA"),
  s("C012", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"),
  s("C013", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
  s("C014", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
  s("C023", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
  s("C024", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
  s("C025", "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256"),
  s("C026", "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384"),
  s("C027", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
  s("C028", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
  s("C029", "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256"),
  s("C02A", "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384"),
  s("C02B", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
  s("C02C", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
  s("C02D", "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256"),
  s("C02E", "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384"),
  s("C02F", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
  s("C030", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
  s("C031", "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256"),
  s("C032", "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384"),
];

const BY_CODE = new Map(CIPHER_SUITES.map((c) => [c.code, c]));
const BY_NAME = new Map(CIPHER_SUITES.map((c) => [c.name, c]));

/** Look a suite up by 4-character code, 2-character code (00xx) or TLS_/SSL_ constant name. */
export function findSuite(spec: string): CipherSuite | undefined {
  const t = spec.trim().toUpperCase();
  if (/^[0-9A-F]{4}$/.test(t)) return BY_CODE.get(t);
  if (/^[0-9A-F]{2}$/.test(t)) return BY_CODE.get(`00${t}`);
  return BY_NAME.get(t.replace(/^SSL_/, "TLS_"));
}

export interface ParsedCiphers {
  suites: CipherSuite[];
  unknown: string[];
}

/**
 * Parse a cipher list as users write it on the command line or in a policy: comma/blank
 * separated names or codes, or one run of 4-character codes ("C02FC0301301").
 */
export function parseCipherList(items: readonly string[]): ParsedCiphers {
  const suites: CipherSuite[] = [];
  const unknown: string[] = [];
  const add = (c: CipherSuite | undefined, raw: string): void => {
    if (!c) unknown.push(raw);
    else if (!suites.includes(c)) suites.push(c);
  };
  for (const item of items) {
    for (const tok of item.split(/[\s,]+/).filter((t) => t !== "")) {
      if (/^([0-9A-Fa-f]{4}){2,}$/.test(tok)) {
        for (let i = 0; i < tok.length; i += 4) add(findSuite(tok.slice(i, i + 4)), tok.slice(i, i + 4));
      } else add(findSuite(tok), tok);
    }
  }
  return { suites, unknown };
}

/** Whether a suite authenticates with a certificate of this RACF key type. */
export function suiteFitsKey(suite: CipherSuite, keyType: string | null): boolean {
  if (suite.key === "any" || keyType === null) return true;
  if (suite.key === "RSA") return keyType === "RSA";
  if (suite.key === "EC") return keyType === "NISTECC" || keyType === "BPECC";
  if (suite.key === "DSA") return keyType === "DSA";
  return false;
}

export function suiteUsableWith(suite: CipherSuite, protocol: Protocol): boolean {
  if (protocol === "TLSv1.3") return suite.tls13;
  if (suite.tls13) return false;
  if (suite.needsTls12) return protocol === "TLSv1.2";
  return true;
}

/** Normalise "1.2", "tls1.2", "TLSv1.2", "TLS1.3" to a Protocol; undefined when not one. */
export function parseProtocol(text: string): Protocol | undefined {
  const t = text
    .trim()
    .toUpperCase()
    .replace(/^TLS\s*V?/, "TLSV")
    .replace(/^SSL\s*V?/, "SSLV");
  const m: Record<string, Protocol> = {
    "1.0": "TLSv1",
    "1": "TLSv1",
    "1.1": "TLSv1.1",
    "1.2": "TLSv1.2",
    "1.3": "TLSv1.3",
    TLSV1: "TLSv1",
    "TLSV1.0": "TLSv1",
    "TLSV1.1": "TLSv1.1",
    "TLSV1.2": "TLSv1.2",
    "TLSV1.3": "TLSv1.3",
    SSLV3: "SSLv3",
  };
  return m[t];
}
