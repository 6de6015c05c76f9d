/**
 * ICSF callable-service failures as System SSL traces and applications report them:
 * "CSFPPKS failed: return code 8, reason code 0x2B00". ICSF reason codes are conventionally
 * printed in hexadecimal; a bare number is read as hexadecimal when it has hex letters or
 * leading zeros, as decimal otherwise (both spellings of the codes below are known).
 */
import { compact, timeOf } from "../fields.js";
import type { Recogniser, Signal } from "../types.js";

interface IcsfReason {
  text: string;
  signals: Signal[];
  source: string;
  confidence: "ibm" | "third-party" | "unconfirmed";
}

/** Keyed by the reason code's value. */
const REASONS = new Map<number, IcsfReason>([
  [
    0x2b00,
    {
      text: "the public or private key values are not valid",
      signals: [{ cause: "icsf-key-invalid", weight: 9 }],
      source: "IBM ICSF Application Programmer's Guide, reason code 2B00 (11008); field case 14",
      confidence: "third-party",
    },
  ],
  [
    0xbfe,
    {
      text: "the algorithm or key size is not approved in FIPS 140 mode",
      signals: [{ cause: "fips-not-approved", weight: 9 }],
      source: "field case 15 (ICSF reason 0xBFE under FIPS mode)",
      confidence: "third-party",
    },
  ],
  [
    0x3e80,
    {
      text: "not authorised to the key label (CSFKEYS)",
      signals: [{ cause: "icsf-not-authorised", weight: 8 }],
      source: "ICSF reason code 3E80 (16000), as widely reported",
      confidence: "unconfirmed",
    },
  ],
  [
    0x3e84,
    {
      text: "not authorised to the ICSF service (CSFSERV)",
      signals: [{ cause: "icsf-not-authorised", weight: 8 }],
      source: "ICSF reason code 3E84 (16004), as widely reported",
      confidence: "unconfirmed",
    },
  ],
]);

function reasonValue(raw: string): number {
  const t = raw.replace(/^0x/i, "").replace(/^x'|'$/gi, "");
  if (/^0x/i.test(raw) || /[a-f]/i.test(t) || /^0\d/.test(t)) return Number.parseInt(t, 16);
  return Number(t);
}

export const icsf: Recogniser = {
  family: "ICSF",
  recognise(text) {
    const svc = /\b(CSF[A-Z0-9]{3,5})\b/.exec(text);
    if (!svc) return null;
    const rest = text.slice(svc.index);
    const rc = /\b(?:return\s*code|rc|retcode)\s*[=:]?\s*(\d{1,3})\b/i.exec(rest);
    const rsn =
      /\b(?:reason(?:\s*code)?|rsn|rsncode)\s*[=:]?\s*((?:0x)?[0-9a-f]{1,8}|x'[0-9a-f]{1,8}')(?![0-9a-z])/i.exec(
        rest,
      );
    if (!rc && !rsn) return null;
    const reason = rsn?.[1] ? reasonValue(rsn[1]) : undefined;
    const known = reason !== undefined ? REASONS.get(reason) : undefined;
    const hex = reason !== undefined ? `0x${reason.toString(16).toUpperCase()}` : "";
    const time = timeOf(text);
    return {
      id: svc[1] ?? "CSF",
      family: "ICSF",
      summary: `ICSF ${svc[1]} failed${rc ? `, return code ${rc[1]}` : ""}${reason !== undefined ? `, reason ${hex} (${reason})` : ""}${known ? `: ${known.text}` : reason !== undefined ? " (reason not in racfring's table)" : ""}`,
      side: "unknown",
      facts: compact({
        service: svc[1],
        ...(rc ? { returnCode: Number(rc[1]) } : {}),
        ...(reason !== undefined ? { reasonCode: reason } : {}),
        ...(time ? { time } : {}),
      }),
      signals: known?.signals ?? [],
      source:
        known?.source ??
        "IBM ICSF Application Programmer's Guide (service names); reason not in racfring's table",
      confidence: known?.confidence ?? "unconfirmed",
    };
  },
};
