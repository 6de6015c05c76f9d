/**
 * System SSL trace lines (GSKSRVR / gsktrace output, z/OS Cryptographic Services System SSL
 * Programming, "Obtaining diagnostic information") and application messages that quote a
 * System SSL function and its return code (CICS DFHSOnnnn, MQ CSQXnnnE, …). The trace's
 * wording is not documented message by message: racfring matches the phrases field cases 8, 11
 * and 12 report, and says so (confidence third-party / unconfirmed).
 */
import { compact, num, rcSignals, timeOf } from "../fields.js";
import { contentTypeChar, decodeHeader, parseHexBytes } from "../record-header.js";
import type { Recogniser, Signal } from "../types.js";

const TRACE = "System SSL trace wording as reported in field cases 8, 11 and 12";

export const gskTrace: Recogniser = {
  family: "System SSL",
  recognise(text) {
    const time = timeOf(text);
    const base = { family: "System SSL", side: "unknown" as const, source: TRACE };
    if (/no SSL V3 cipher specs? (?:are )?enabled for TLS ?V?1\.3/i.test(text)) {
      return {
        ...base,
        id: "gsk-trace",
        summary: "TLS 1.3 is enabled but none of its cipher suites (13xx) is in the cipher list",
        facts: time ? { time } : {},
        signals: [{ cause: "tls13-no-cipher", weight: 10, side: "unknown" }],
        confidence: "third-party",
      };
    }
    const header =
      /\b(?:record\s+header|header\s+bytes|record\s+bytes)\b\s*[:=]?\s*((?:0x)?[0-9a-f]{2}(?:[\s:.-]?[0-9a-f]{2}){1,15})/i.exec(
        text,
      );
    const bytes = header?.[1] ? parseHexBytes(header[1]) : null;
    if (bytes) {
      const d = decodeHeader(bytes);
      const shown = d.ascii ?? d.ebcdic;
      const signals: Signal[] = d.tls ? [] : [{ cause: "plaintext-reply", weight: shown ? 9 : 5 }];
      const decoded = [d.ascii ? `ASCII "${d.ascii}"` : null, d.ebcdic ? `EBCDIC "${d.ebcdic}"` : null]
        .filter(Boolean)
        .join(", ");
      return {
        ...base,
        id: "gsk-trace",
        summary: d.tls
          ? "record header of a TLS record"
          : `record header is not TLS${decoded ? `: the bytes read as ${decoded}` : ""}`,
        facts: { ...(decoded ? { decoded } : {}), ...(time ? { time } : {}) },
        signals,
        confidence: "third-party",
      };
    }
    const ct = /\bcontent\s+type\s+(\d{1,3})\s+(?:is\s+)?not\s+supported/i.exec(text);
    if (ct) {
      const type = Number(ct[1]);
      const asText = contentTypeChar(type);
      return {
        ...base,
        id: "gsk-trace",
        summary: `record content type ${type} is not a TLS content type (20–24)${asText ? `; as a character it is ${asText}` : ""}`,
        facts: { ...(asText ? { decoded: asText } : {}), ...(time ? { time } : {}) },
        signals: [{ cause: "plaintext-reply", weight: asText ? 7 : 4 }],
        confidence: "third-party",
      };
    }
    if (
      /certificate[_ ]?request\b.{0,80}\b(?:certificate[_ ]authorities|CA (?:names|list)|distinguished names)\b.{0,40}\b(?:length\s*(?:is\s*)?0|empty|zero[- ]length|none|missing)\b/i.test(
        text,
      ) ||
      /\b(?:empty|zero[- ]length|no)\s+(?:certificate[_ ]authorities|CA (?:names|list)|distinguished names)\b.{0,40}certificate[_ ]?request/i.test(
        text,
      )
    ) {
      return {
        ...base,
        id: "gsk-trace",
        summary: "the partner's CertificateRequest lists no certificate authorities",
        facts: time ? { time } : {},
        signals: [{ cause: "empty-ca-list", weight: 8 }],
        confidence: "unconfirmed",
      };
    }
    // A System SSL function with its return code, in a trace or in an application's message.
    const fn = /\b(gsk_[a-z_0-9]{3,40})\b/i.exec(text);
    // "function gsk_x ... RC=428" (MQ) or "Return code 202 received from function gsk_x" (CICS).
    const rcRe = /\b(?:rc|return\s*code|status)\s*[=:]?\s*(\d{1,4})\b/i;
    const rcText = fn ? (rcRe.exec(text.slice(fn.index)) ?? rcRe.exec(text)) : null;
    const rc = num(rcText?.[1]);
    if (fn && rc !== undefined) {
      const msgId = /\b(DFH[A-Z]{2}\d{4}[A-Z]?|CSQ[A-Z0-9]\d{3}[EIW]|[A-Z]{3,4}\d{3,4}[EIW])\b/.exec(
        text,
      )?.[1];
      return {
        ...base,
        id: msgId ?? "gsk-trace",
        family: msgId?.startsWith("DFH") ? "CICS" : msgId?.startsWith("CSQ") ? "MQ" : "System SSL",
        summary: `${fn[1]} returned ${rc}`,
        facts: compact({ rc, service: fn[1], time }),
        signals: rc === 0 ? [] : rcSignals(rc),
        source: `${msgId ? "application message quoting System SSL" : "System SSL trace"}; return codes: IBM System SSL Programming`,
        confidence: msgId ? "unconfirmed" : "third-party",
      };
    }
    if (/\bSSL_ERROR\b/.test(text)) {
      const code = num(/\b(?:rc|return\s*code)\s*[=:]?\s*(\d{1,4})\b/i.exec(text)?.[1]);
      return {
        ...base,
        id: "gsk-trace",
        summary:
          code !== undefined ? `System SSL trace error, return code ${code}` : "System SSL trace error entry",
        facts: { ...(code !== undefined ? { rc: code } : {}), ...(time ? { time } : {}) },
        signals: code ? rcSignals(code) : [],
        confidence: "unconfirmed",
      };
    }
    return null;
  },
};
