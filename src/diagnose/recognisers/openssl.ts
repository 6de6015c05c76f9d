/**
 * OpenSSL error strings as `openssl s_client` and OpenSSL-based servers print them
 * ("error:0A000410:SSL routines::sslv3 alert handshake failure", "bad dh g value", "dh key too
 * small", "no shared cipher", "certificate verify failed"). The reason strings are OpenSSL's
 * (crypto/err/openssl.txt); the causes are field cases 12 and 13 and racfring's reading.
 */
import { timeOf } from "../fields.js";
import type { Recogniser, Signal } from "../types.js";
import { alertByName, alertSignals } from "./tls-alerts.js";

interface Pattern {
  re: RegExp;
  what: string;
  signals: Signal[];
}

const PATTERNS: Pattern[] = [
  {
    re: /\bbad dh (?:g|p|pub key|value)\b/i,
    what: "the partner's Diffie-Hellman parameters were rejected",
    signals: [{ cause: "weak-dh", weight: 9 }],
  },
  {
    re: /\bdh key too small\b/i,
    what: "the partner's Diffie-Hellman key is too small",
    signals: [{ cause: "weak-dh", weight: 9 }],
  },
  {
    re: /\bno shared cipher\b|\bno ciphers available\b|\bno cipher match\b/i,
    what: "no cipher suite in common",
    signals: [{ cause: "no-common-cipher", weight: 8 }],
  },
  {
    re: /\bunsupported protocol\b|\bwrong version number\b|\bno protocols available\b|\btlsv1 alert protocol version\b/i,
    what: "no protocol version in common (or not a TLS record: 'wrong version number' is also what plain text looks like)",
    signals: [
      { cause: "no-common-protocol", weight: 5 },
      { cause: "plaintext-reply", weight: 3 },
    ],
  },
  {
    re: /\bcertificate verify failed\b|\bunable to get local issuer certificate\b|\bself[- ]signed certificate in certificate chain\b/i,
    what: "the partner's certificate chain is not trusted",
    signals: [{ cause: "partner-ca-not-trusted", weight: 8 }],
  },
  {
    re: /\bcertificate has expired\b/i,
    what: "a certificate in the chain has expired",
    signals: [{ cause: "certificate-expired", weight: 8 }],
  },
  {
    re: /\bhttp request\b|\bpacket length too long\b|\brecord layer failure\b/i,
    what: "the partner did not send a TLS record",
    signals: [{ cause: "plaintext-reply", weight: 6 }],
  },
];

export const openssl: Recogniser = {
  family: "OpenSSL",
  recognise(text) {
    const isOpenssl = /\berror:[0-9A-F]{8}:|SSL routines|\bs_client\b|\bssl3_|\btls_process_|openssl/i.test(
      text,
    );
    const pattern = PATTERNS.find((p) => p.re.test(text));
    const sslv3Alert = /\b(?:sslv3|tlsv1(?:[0-9.]*)?) alert ([a-z ]{3,40}?)(?=:|\s*$|\s*\()/i.exec(text);
    if (!pattern && !sslv3Alert) return null;
    if (!pattern && !isOpenssl && !sslv3Alert) return null;
    const signals: Signal[] = [...(pattern?.signals ?? [])];
    const alert = sslv3Alert?.[1] ? alertByName(sslv3Alert[1]) : undefined;
    if (alert) signals.push(...alertSignals(alert.code));
    const time = timeOf(text);
    const parts = [pattern?.what, alert ? `alert ${alert.code} (${alert.name}) from the partner` : undefined];
    return {
      id: "openssl",
      family: "OpenSSL",
      summary: `OpenSSL: ${parts.filter(Boolean).join("; ")}`,
      side: "unknown",
      facts: {
        ...(alert ? { alert: alert.code, alertDirection: "received" as const } : {}),
        ...(time ? { time } : {}),
      },
      signals,
      source: "OpenSSL reason strings (crypto/err/openssl.txt); causes: field cases 12–13",
      confidence: "third-party",
    };
  },
};
