/**
 * Small field extractors shared by the recognisers. Patterns are anchored on literal keys and
 * bounded in length so a hostile 20 MB line costs linear time and yields nothing unexpected.
 */
import type { Facts, Signal } from "./types.js";

/** `KEY: value` as AT-TLS and many z/OS messages print it; the value is one blank-free token. */
export function field(text: string, key: string): string | undefined {
  const re = new RegExp(`\\b${key}\\s*:\\s*([^\\s]{1,120})`, "i");
  return re.exec(text)?.[1];
}

/** A time of day hh:mm:ss (syslog, job log, trace) — the first one on the line. */
export function timeOf(text: string): string | undefined {
  return /\b([01]\d|2[0-3])[:.]([0-5]\d)[:.]([0-5]\d)\b/.exec(text.slice(0, 80))?.slice(1, 4).join(":");
}

/** Parse a decimal or 0x-prefixed / trailing-x hexadecimal number; undefined when not a number. */
export function num(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (/^0x[0-9a-f]{1,8}$/i.test(t)) return Number.parseInt(t.slice(2), 16);
  if (/^x'[0-9a-f]{1,8}'$/i.test(t)) return Number.parseInt(t.slice(2, -1), 16);
  if (/^\d{1,9}$/.test(t)) return Number(t);
  return undefined;
}

/**
 * What a System SSL / AT-TLS return code points at. The code alone rarely decides: 202 is both
 * "ring missing" and "ring not readable" (field cases 1 and 2); other lines settle it. Weights
 * are racfring's judgement of how directly the code names the cause.
 */
export function rcSignals(rc: number): Signal[] {
  switch (rc) {
    case 202:
    case 102:
      return [
        { cause: "ring-not-found", weight: 5 },
        { cause: "ring-not-authorised", weight: 4 },
      ];
    case 6:
    case 7:
    case 407:
      return [{ cause: "no-default-certificate", weight: 7 }];
    case 428:
      return [{ cause: "private-key-not-returned", weight: 8 }];
    case 401:
      return [{ cause: "certificate-expired", weight: 8 }];
    case 8:
    case 414:
    case 417:
    case 435:
      return [{ cause: "partner-ca-not-trusted", weight: 6 }];
    case 402:
    case 422:
      return [{ cause: "no-common-cipher", weight: 6 }];
    case 412:
      return [{ cause: "no-common-protocol", weight: 5 }];
    case 410:
      return [
        { cause: "plaintext-reply", weight: 3 },
        { cause: "empty-ca-list", weight: 2 },
      ];
    case 5003:
      return [{ cause: "plaintext-reply", weight: 6 }];
    case 406:
    case 420:
    case 437:
    case 438:
    case 439:
      return [{ cause: "partner-rejected", weight: 2 }];
    case 5006:
      return [{ cause: "environment-not-initialised", weight: 2 }];
    case 467:
      return [{ cause: "ecc-curve-unsupported", weight: 3 }];
    default:
      return [];
  }
}

/** Facts without the fields a message did not carry (absent, not `undefined`). */
export function compact(o: { [K in keyof Facts]?: Facts[K] | undefined }): Facts {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as Facts;
}
