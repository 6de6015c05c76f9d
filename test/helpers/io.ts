import type { Io } from "../../src/cli/command.js";
import { runCli } from "../../src/cli/main.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface IoOptions {
  now?: string;
  cwd?: string;
  isTTY?: boolean;
  /**
   * Terminal width. Default: wide enough that nothing wraps, so content assertions do not depend
   * on line breaks; the wrapping itself is tested with set widths (test/cli/tty.test.ts).
   */
  columns?: number;
}

export interface Captured {
  io: Io;
  out: string[];
  err: string[];
}

/** An Io that captures output, with a fixed clock and the repository as cwd by default. */
export function captureIo(opts: IoOptions = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: opts.isTTY ?? false,
    cwd: opts.cwd ?? process.cwd(),
    now: () => new Date(opts.now ?? "2026-11-23T12:00:00Z"),
    columns: opts.columns ?? 1000,
  };
  return { io, out, err };
}

/** Run racfring in-process with captured output. */
export async function cli(argv: string[], opts: IoOptions = {}): Promise<CliResult> {
  const { io, out, err } = captureIo(opts);
  const code = await runCli(argv, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}
