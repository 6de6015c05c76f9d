/**
 * Set-up shared by the tests that run racfring's commands in process: the sample site as input
 * flags, a fresh temporary directory holding the files a scenario needs, and an Io that
 * captures output at the date the sample plans are valid. One place, so a change to the
 * sample site or to the Io reaches every CLI test.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Io } from "../../src/cli/command.js";
import { AT, ROOT } from "../gen/helpers/gen.js";

export { AT, ROOT };

/**
 * The sample site as input flags: its setup job and the partner CA certificate the job adds
 * from a data set. Absolute, so they work from any directory.
 */
export const SITE_ARGS: readonly string[] = [
  "--jcl",
  join(ROOT, "samples/site/setup.jcl"),
  "--dataset",
  `SECADM.PARTNER.CA.PEM=${join(ROOT, "samples/site/partner-ca.pem")}`,
];

/** The wizard answered entirely by flags: an FTP server ring for FTPD, no questions asked. */
export const WIZARD_FTP_ARGS: readonly string[] = [
  "wizard",
  "--preset",
  "ftp",
  "--user",
  "FTPD",
  "--host",
  "ftp.example.com",
  "--yes",
];

/** The sample plan most CLI tests generate from. */
export const SAMPLE_PLAN = join(ROOT, "samples/plans/ftps-racf-ca.yaml");

/** A fresh directory under the system's temporary directory, holding `files` (name → text). */
export function tempDir(prefix = "racfring-test-", files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export interface CapturedRun {
  io: Io;
  out: string[];
  err: string[];
}

/**
 * An Io working in `cwd` that records what a command writes: not a terminal, no width given
 * (so text wraps at 80, as in a pipe), and the clock at `now` (default AT).
 */
export function ioIn(cwd: string, now: Date = AT): CapturedRun {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      isTTY: false,
      cwd,
      now: () => now,
    },
  };
}
