/** A capturing Io for end-to-end runs of `racfring audit` through runCli. */
import type { Io } from "../../src/cli/command.js";

export interface Captured {
  io: Io;
  out: string[];
  err: string[];
}

export function captureIo(opts: { isTTY?: boolean; cwd?: string; now?: string } = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: opts.isTTY ?? false,
    cwd: opts.cwd ?? process.cwd(),
    now: () => new Date(opts.now ?? "2026-12-01T00:00:00Z"),
  };
  return { io, out, err };
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}
