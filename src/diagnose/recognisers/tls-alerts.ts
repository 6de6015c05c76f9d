/**
 * TLS alerts as logs show them: "alert 40", "SSL alert number 40" (OpenSSL), "Received fatal
 * alert: handshake_failure" (Java), "Alert (Level: Fatal, Description: Handshake Failure)"
 * (Wireshark). The table is the IANA "TLS Alerts" registry (RFC 8446 §6, RFC 5246 §7.2, RFC
 * 6066, RFC 7301, RFC 7507); names marked RESERVED are values no longer sent by TLS 1.3.
 */
import { timeOf } from "../fields.js";
import type { Recogniser, Signal } from "../types.js";

export interface AlertInfo {
  code: number;
  name: string;
  rfc: string;
}

export const TLS_ALERTS: readonly AlertInfo[] = [
  { code: 0, name: "close_notify", rfc: "RFC 8446" },
  { code: 10, name: "unexpected_message", rfc: "RFC 8446" },
  { code: 20, name: "bad_record_mac", rfc: "RFC 8446" },
  { code: 21, name: "decryption_failed_RESERVED", rfc: "RFC 5246" },
  { code: 22, name: "record_overflow", rfc: "RFC 8446" },
  { code: 30, name: "decompression_failure_RESERVED", rfc: "RFC 5246" },
  { code: 40, name: "handshake_failure", rfc: "RFC 8446" },
  { code: 41, name: "no_certificate_RESERVED", rfc: "RFC 5246" },
  { code: 42, name: "bad_certificate", rfc: "RFC 8446" },
  { code: 43, name: "unsupported_certificate", rfc: "RFC 8446" },
  { code: 44, name: "certificate_revoked", rfc: "RFC 8446" },
  { code: 45, name: "certificate_expired", rfc: "RFC 8446" },
  { code: 46, name: "certificate_unknown", rfc: "RFC 8446" },
  { code: 47, name: "illegal_parameter", rfc: "RFC 8446" },
  { code: 48, name: "unknown_ca", rfc: "RFC 8446" },
  { code: 49, name: "access_denied", rfc: "RFC 8446" },
  { code: 50, name: "decode_error", rfc: "RFC 8446" },
  { code: 51, name: "decrypt_error", rfc: "RFC 8446" },
  { code: 60, name: "export_restriction_RESERVED", rfc: "RFC 5246" },
  { code: 70, name: "protocol_version", rfc: "RFC 8446" },
  { code: 71, name: "insufficient_security", rfc: "RFC 8446" },
  { code: 80, name: "internal_error", rfc: "RFC 8446" },
  { code: 86, name: "inappropriate_fallback", rfc: "RFC 7507" },
  { code: 90, name: "user_canceled", rfc: "RFC 8446" },
  { code: 100, name: "no_renegotiation_RESERVED", rfc: "RFC 5246" },
  { code: 109, name: "missing_extension", rfc: "RFC 8446" },
  { code: 110, name: "unsupported_extension", rfc: "RFC 8446" },
  { code: 111, name: "certificate_unobtainable_RESERVED", rfc: "RFC 6066" },
  { code: 112, name: "unrecognized_name", rfc: "RFC 8446" },
  { code: 113, name: "bad_certificate_status_response", rfc: "RFC 8446" },
  { code: 114, name: "bad_certificate_hash_value_RESERVED", rfc: "RFC 6066" },
  { code: 115, name: "unknown_psk_identity", rfc: "RFC 8446" },
  { code: 116, name: "certificate_required", rfc: "RFC 8446" },
  { code: 120, name: "no_application_protocol", rfc: "RFC 7301" },
];

const BY_CODE = new Map(TLS_ALERTS.map((a) => [a.code, a]));
/** Names without the _RESERVED suffix, and spelled with blanks (Wireshark, OpenSSL). */
const BY_NAME = new Map(
  TLS_ALERTS.map((a) => [a.name.replace(/_RESERVED$/, "").replace(/_/g, " "), a] as const),
);

export function alertByCode(code: number): AlertInfo | undefined {
  return BY_CODE.get(code);
}

export function alertByName(name: string): AlertInfo | undefined {
  return BY_NAME.get(name.toLowerCase().replace(/[_-]/g, " ").replace(/\s+/g, " ").trim());
}

/** What an alert suggests. Alerts are symptoms: weights stay low unless the alert is specific. */
export function alertSignals(code: number): Signal[] {
  switch (code) {
    case 40:
      return [
        { cause: "no-common-cipher", weight: 3 },
        { cause: "tls13-no-cipher", weight: 2 },
        { cause: "weak-dh", weight: 1 },
      ];
    case 42:
    case 46:
      return [{ cause: "partner-ca-not-trusted", weight: 3 }];
    case 45:
      return [{ cause: "certificate-expired", weight: 6 }];
    case 47:
      return [{ cause: "empty-ca-list", weight: 4 }];
    case 48:
      return [{ cause: "partner-ca-not-trusted", weight: 7 }];
    case 51:
      return [{ cause: "icsf-key-invalid", weight: 3 }];
    case 70:
      return [{ cause: "no-common-protocol", weight: 7 }];
    case 71:
      return [
        { cause: "no-common-cipher", weight: 2 },
        { cause: "weak-dh", weight: 2 },
      ];
    default:
      return [];
  }
}

const SOURCE = "IANA TLS Alerts registry (RFC 8446 §6, RFC 5246 §7.2)";

export const tlsAlerts: Recogniser = {
  family: "TLS alert",
  recognise(text) {
    let alert: AlertInfo | undefined;
    const numbered =
      /\balert(?:\s+(?:number|description|code))?\s*[:=#(]?\s*(\d{1,3})\b/i.exec(text) ??
      /\bDescription:\s*\w[\w ]{0,40}\((\d{1,3})\)/i.exec(text);
    if (numbered) alert = alertByCode(Number(numbered[1]));
    if (!alert) {
      const named =
        /\b(?:fatal\s+alert|alert)\s*[:(]?\s*([a-z][a-z_ ]{2,40}?)(?:\)|\s*$|[,;.]|\s+\()/i.exec(text) ??
        /\bDescription:\s*([A-Za-z][A-Za-z ]{2,40})\)/i.exec(text);
      if (named?.[1]) alert = alertByName(named[1]);
    }
    if (!alert || !/alert/i.test(text)) return null;
    const received = /\b(received|receiving|got|from (?:the )?(?:peer|partner|remote))\b/i.test(text);
    const sent = /\b(sent|sending|send|writing|to (?:the )?(?:peer|partner|remote))\b/i.test(text);
    const direction = received && !sent ? "received" : sent && !received ? "sent" : undefined;
    const time = timeOf(text);
    return {
      id: "tls-alert",
      family: "TLS alert",
      summary: `TLS alert ${alert.code} (${alert.name})${direction ? ` ${direction}` : ""}`,
      side: "unknown",
      facts: {
        alert: alert.code,
        ...(direction ? { alertDirection: direction } : {}),
        ...(time ? { time } : {}),
      },
      signals: alertSignals(alert.code),
      source: `${SOURCE}; ${alert.rfc}`,
      // An IETF standard, not IBM's documentation: racfring's scale has no separate grade for it.
      confidence: "third-party",
    };
  },
};
