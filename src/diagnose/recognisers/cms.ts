/**
 * System SSL Certificate Management Services status codes, 0x0335nnnn (IBM System SSL
 * Programming, "CMS status codes"). Only the codes whose texts racfring has from IBM's
 * summary of changes are named; the rest are reported as CMS codes without a text.
 */
import { timeOf } from "../fields.js";
import type { Recogniser, Signal } from "../types.js";

const CMS: Record<number, { text: string; signals: Signal[] }> = {
  53817351: { text: "input/output request failed", signals: [] },
  53817353: {
    text: "file or key ring not found",
    signals: [
      { cause: "ring-not-found", weight: 7 },
      { cause: "ring-not-authorised", weight: 3 },
    ],
  },
  53817364: { text: "record is too big", signals: [] },
  53817366: { text: "the password is not correct", signals: [] },
  53817370: { text: "no private key", signals: [{ cause: "private-key-not-returned", weight: 8 }] },
  53817372: { text: "record label is not unique", signals: [] },
  53817375: { text: "incorrect Base64 encoding", signals: [] },
  53817376: { text: "unrecognized file or message encoding", signals: [] },
  53817396: { text: "encryption key size is not supported", signals: [] },
};

export const cms: Recogniser = {
  family: "System SSL CMS",
  recognise(text) {
    const m = /\b(?:0x)?(0335[0-9a-f]{4})\b/i.exec(text);
    if (!m?.[1]) return null;
    const code = Number.parseInt(m[1], 16);
    const known = CMS[code];
    const hex = `0x${m[1].toUpperCase()}`;
    const time = timeOf(text);
    return {
      id: "cms-status",
      family: "System SSL CMS",
      summary: `CMS status ${hex}${known ? `: ${known.text}` : " (text not in racfring's table)"}`,
      side: "unknown",
      facts: { status: hex, ...(time ? { time } : {}) },
      signals: known?.signals ?? [],
      source: "IBM z/OS System SSL Programming, CMS status codes (texts from IBM's summary of changes)",
      confidence: known ? "ibm" : "unconfirmed",
    };
  },
};
