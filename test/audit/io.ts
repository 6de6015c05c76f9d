/** Capturing Io for end-to-end runs of `racfring audit`; the audit corpus is dated 2026-12-01. */
import { captureIo as baseCaptureIo, type Captured, type IoOptions } from "../helpers/io.js";

export function captureIo(opts: IoOptions = {}): Captured {
  return baseCaptureIo({ now: "2026-12-01T00:00:00Z", ...opts });
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}
