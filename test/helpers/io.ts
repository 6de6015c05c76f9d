import type { Io } from "../../src/cli/command.js";
import { runCli } from "../../src/cli/main.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run racfring in-process with captured output, a fixed clock and the repository as cwd. */
export async function cli(
  argv: string[],
  opts: { now?: string; cwd?: string; isTTY?: boolean } = {},
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: opts.isTTY ?? false,
    cwd: opts.cwd ?? process.cwd(),
    now: () => new Date(opts.now ?? "2026-11-23T12:00:00Z"),
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}
