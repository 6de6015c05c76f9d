/**
 * Vendor products built on System SSL print the return code with the short text:
 * "RC = 410: Reason = SSL message format is incorrect" (field cases 11 and 12, vendor support
 * notes). The number is System SSL's; its meaning comes from the catalogue.
 */
import { rcSignals, timeOf } from "../fields.js";
import type { Recogniser } from "../types.js";

export const vendor: Recogniser = {
  family: "vendor",
  recognise(text) {
    const m = /\bRC\s*=\s*(\d{1,4})\s*:\s*Reason\s*=\s*(.{1,160})/i.exec(text);
    if (!m) return null;
    const rc = Number(m[1]);
    const time = timeOf(text);
    return {
      id: "vendor-rc",
      family: "vendor",
      summary: `System SSL return code ${rc} reported by the product ("${(m[2] ?? "").trim()}")`,
      side: "unknown",
      facts: { rc, ...(time ? { time } : {}) },
      signals: rc === 0 ? [] : rcSignals(rc),
      source: "vendor support notes (field cases 11–12); return codes: IBM System SSL Programming",
      confidence: "third-party",
    };
  },
};
