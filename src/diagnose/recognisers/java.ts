/**
 * Java-side messages about SAF key rings: Liberty CWPKInnnnX, the IBM SDK's RACF key store
 * exceptions ("The private key of … is not available or no authority to access the private
 * key" — field case 6), JSSE handshake exceptions, and any line that carries a safkeyring://
 * URL (checked for the usual mistakes). Message numbers are taken as given; the cause comes
 * from the message's words, which is why most confidences are third-party or unconfirmed.
 */
import { timeOf } from "../fields.js";
import { findKeyringUrl } from "../keyring-url.js";
import type { Recogniser, Signal } from "../types.js";

interface Phrase {
  re: RegExp;
  what: string;
  signals: Signal[];
  source: string;
  confidence: "ibm" | "third-party" | "unconfirmed";
}

const PHRASES: Phrase[] = [
  {
    re: /private key\b.{0,120}\bnot available or no authority\b|no authority to access the private key/i,
    what: "the key store got the certificate but not its private key",
    signals: [{ cause: "private-key-not-returned", weight: 9 }],
    source: "IBM SDK RACF key store message; field case 6",
    confidence: "third-party",
  },
  {
    re: /No supported CertificateVerify signature algorithm for (?:EC|ECDSA) key/i,
    what: "no signature algorithm both sides support for the EC key (curve not offered by the partner)",
    signals: [{ cause: "ecc-curve-unsupported", weight: 9 }],
    source: "JSSE message; field case 9",
    confidence: "third-party",
  },
  {
    re: /PKIX path (?:building|validation) failed|unable to find valid certification path/i,
    what: "the partner's certificate chain does not lead to a trusted CA",
    signals: [{ cause: "partner-ca-not-trusted", weight: 8 }],
    source: "JSSE message",
    confidence: "third-party",
  },
  {
    re: /CertificateExpiredException|certificate (?:has )?expired|NotAfter:.{0,60}expired/i,
    what: "a certificate has expired",
    signals: [{ cause: "certificate-expired", weight: 8 }],
    source: "JSSE message",
    confidence: "third-party",
  },
  {
    re: /no cipher suites in common|no appropriate cipher suite/i,
    what: "no cipher suite in common",
    signals: [{ cause: "no-common-cipher", weight: 8 }],
    source: "JSSE message",
    confidence: "third-party",
  },
  {
    re: /(?:client|server) requested protocol .{0,40}not enabled or not supported|No appropriate protocol/i,
    what: "no protocol version in common",
    signals: [{ cause: "no-common-protocol", weight: 8 }],
    source: "JSSE message",
    confidence: "third-party",
  },
  {
    re: /Unrecognized SSL message, plaintext connection\?/i,
    what: "the partner sent plain text where TLS was expected",
    signals: [{ cause: "plaintext-reply", weight: 9 }],
    source: "JSSE message",
    confidence: "third-party",
  },
  {
    re: /(?:key ?ring|keystore)\b.{0,80}\b(?:does not exist|not found|could not be (?:found|loaded|opened))|R_datalib.{0,40}(?:ring|user).{0,40}not (?:found|exist)/i,
    what: "the key ring could not be found or loaded",
    signals: [
      { cause: "ring-not-found", weight: 6 },
      { cause: "ring-not-authorised", weight: 4 },
    ],
    source: "key store message wording",
    confidence: "unconfirmed",
  },
];

export const java: Recogniser = {
  family: "Java",
  recognise(text) {
    const id =
      /\b(CWPKI\d{4}[EWI])\b/.exec(text)?.[1] ??
      /\b(DFH[A-Z]{2}\d{4}|CSQ[A-Z0-9]\d{3}[EIW])\b/.exec(text)?.[1];
    const phrase = PHRASES.find((p) => p.re.test(text));
    const url = findKeyringUrl(text);
    const isJava = /\bjava(?:x)?\.|\bCWPKI\d|SSLHandshakeException|IOException|\bLiberty\b/i.test(text);
    if (!phrase && !url && !(id && /CWPKI/.test(id))) return null;
    if (!phrase && !url && !isJava) return null;
    const signals: Signal[] = [...(phrase?.signals ?? [])];
    const notes: string[] = [];
    if (url) {
      if (url.problems.length > 0) signals.push({ cause: "keyring-url-malformed", weight: 7 });
      notes.push(...url.problems);
    }
    const family = id?.startsWith("CWPKI")
      ? "Liberty"
      : id?.startsWith("DFH")
        ? "CICS"
        : id?.startsWith("CSQ")
          ? "MQ"
          : "Java";
    const keyring = url ? `${url.owner ?? ""}${url.owner ? "/" : ""}${url.ring ?? ""}` : undefined;
    const time = timeOf(text);
    const parts = [
      phrase?.what,
      url ? `key ring URL ${url.url}${url.problems.length ? " (malformed)" : ""}` : undefined,
    ];
    return {
      id: id ?? "java",
      family,
      summary: parts.filter(Boolean).join("; ") || `${family} message`,
      side: "unknown",
      facts: {
        ...(keyring ? { keyring } : {}),
        ...(notes.length ? { notes } : {}),
        ...(time ? { time } : {}),
      },
      signals,
      source:
        phrase?.source ?? "IBM SDK for z/OS key ring URL forms (safkeyring, safkeyringhw, safkeyringhybrid)",
      confidence: phrase?.confidence ?? "unconfirmed",
    };
  },
};
