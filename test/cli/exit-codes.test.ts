/**
 * Every command's exit codes are what its --help says (issue 13, item 8). The codes are read
 * from each command's help text, not listed here: a code the help documents without a scenario
 * below fails, and so does a scenario whose code the help does not document. A command added to
 * the table without scenarios fails too. A code that only a real terminal can give (the
 * wizard's 130 for Ctrl-C) names the test that drives a pseudo-terminal to get it, and the
 * assertion in that test; this file checks that the assertion is there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentedExitCodes } from "../../src/cli/command.js";
import { commandNames } from "../../src/cli/main.js";
import { ROOT, SAMPLE_PLAN, SITE_ARGS, tempDir, WIZARD_FTP_ARGS } from "../helpers/cli.js";
import { cli } from "../helpers/io.js";

interface Scenario {
  why: string;
  argv: string[];
  /** Only a terminal gives this code: the test file that proves it, and its assertion. */
  provenIn?: { file: string; assertion: RegExp };
  /** Run first in the same directory (e.g. write once, then refuse to overwrite). */
  before?: string[];
  files?: Record<string, string>;
}

const SCENARIOS: Record<string, Record<number, Scenario[]>> = {
  model: {
    0: [{ why: "the sample site", argv: ["model", ...SITE_ARGS] }],
    2: [{ why: "no input", argv: ["model"] }],
    3: [{ why: "missing file", argv: ["model", "--jcl", "missing.jcl"] }],
  },
  simulate: {
    0: [
      {
        why: "the web server's ring",
        argv: [
          "simulate",
          ...SITE_ARGS,
          "--user",
          "WEBSRV",
          "--keyring",
          "WEBSRV/WebRing",
          "--label",
          "Web Server",
        ],
      },
    ],
    1: [
      {
        why: "FTPD's key is not returned",
        argv: ["simulate", ...SITE_ARGS, "--started", "FTPD", "--keyring", "FTPD/FTPRing"],
      },
    ],
    2: [{ why: "no ring given nor input", argv: ["simulate", "--user", "FTPD"] }],
    3: [{ why: "missing file", argv: ["simulate", "--jcl", "missing.jcl", "--user", "A", "--keyring", "R"] }],
    4: [
      {
        why: "a listing alone does not show who may read the ring (FACILITY)",
        argv: [
          "simulate",
          "--listing",
          join(ROOT, "test/fixtures/readers/RECON_listring_star_multi_ring_WEBSRV.txt"),
          "--user",
          "WEBSRV",
          "--keyring",
          "WebRing",
        ],
      },
    ],
  },
  explain: {
    0: [{ why: "a known code", argv: ["explain", "428"] }],
    1: [{ why: "a number not in the catalogue", argv: ["explain", "99999"] }],
    2: [{ why: "not a number", argv: ["explain", "abc"] }],
  },
  audit: {
    0: [{ why: "a rule with nothing to find", argv: ["audit", ...SITE_ARGS, "--rule", "cert-expired"] }],
    1: [{ why: "the sample's defects", argv: ["audit", ...SITE_ARGS] }],
    2: [{ why: "unknown rule", argv: ["audit", ...SITE_ARGS, "--rule", "no-such-rule"] }],
    3: [
      { why: "missing file", argv: ["audit", "--jcl", "missing.jcl"] },
      {
        why: "refuses to overwrite -o without --force",
        files: { "report.txt": "keep me\n" },
        argv: ["audit", ...SITE_ARGS, "-o", "report.txt"],
      },
    ],
  },
  generate: {
    0: [{ why: "a valid plan", argv: ["generate", SAMPLE_PLAN, "--dry-run", "--at", "2027-01-01"] }],
    1: [
      {
        why: "an application would fail (expired)",
        argv: ["generate", SAMPLE_PLAN, "--dry-run", "--at", "2029-01-01"],
      },
    ],
    2: [{ why: "no plan", argv: ["generate"] }],
    3: [
      { why: "missing plan", argv: ["generate", "missing.yaml"] },
      {
        why: "refuses to overwrite without --force",
        before: ["generate", SAMPLE_PLAN, "-o", "out", "--at", "2027-01-01"],
        argv: ["generate", SAMPLE_PLAN, "-o", "out", "--at", "2027-01-01"],
      },
    ],
  },
  wizard: {
    0: [
      {
        why: "every question answered by flags and --yes",
        argv: [...WIZARD_FTP_ARGS, "-o", "out"],
      },
    ],
    1: [
      {
        why: "the reused certificate has expired at --at (RC 401)",
        argv: [
          "wizard",
          ...SITE_ARGS,
          "--preset",
          "ftp",
          "--user",
          "FTPD",
          "--ring",
          "R2",
          "--cert-source",
          "reuse",
          "--reuse-cert",
          "FTPD:FTP Server",
          "--host",
          "ftp.example.com",
          "--at",
          "2028-06-01",
          "--yes",
          "-o",
          "out",
        ],
      },
    ],
    2: [
      { why: "no terminal and --host, --user unanswered", argv: ["wizard", "--yes", "-o", "out"] },
      {
        why: "an answer not among the choices",
        argv: [
          "wizard",
          "--yes",
          "--user",
          "FTPD",
          "--host",
          "h.example.com",
          "--key",
          "DSA-1024",
          "-o",
          "out",
        ],
      },
    ],
    3: [
      { why: "missing input", argv: ["wizard", "--jcl", "missing.jcl", "--yes", "-o", "out"] },
      {
        why: "an answer the plan rejects (TCPIP would use FTPD's key under FACILITY: RC 428)",
        argv: [
          "wizard",
          ...SITE_ARGS,
          "--preset",
          "ftp",
          "--user",
          "TCPIP",
          "--ring-owner",
          "FTPD",
          "--ring",
          "NewRing",
          "--cert-source",
          "reuse",
          "--reuse-cert",
          "FTPD:FTP Server",
          "--permissions",
          "facility",
          "--host",
          "ftp.example.com",
          "--at",
          "2026-06-01",
          "--yes",
          "-o",
          "out",
        ],
      },
      {
        why: "refuses to overwrite without --force",
        before: [...WIZARD_FTP_ARGS, "-o", "out"],
        argv: [...WIZARD_FTP_ARGS, "-o", "out"],
      },
    ],
    130: [
      {
        why: "Ctrl-C and Esc at a question (needs a terminal)",
        argv: [],
        provenIn: {
          file: "test/wizard/tty.test.ts",
          assertion: /Ctrl-C at a question: exit 130[\s\S]*?expect\(await waitExit\(dir\)\)\.toBe\(130\)/,
        },
      },
    ],
  },
  diagnose: {
    0: [
      {
        why: "a handshake that succeeded",
        files: {
          "ok.log":
            "EZD1283I TTLS Event GRPID: 00000001 ENVID: 00000001 CONNID: 00000051 RC:    0 Initial Handshake\n",
        },
        argv: ["diagnose", "ok.log"],
      },
    ],
    1: [
      {
        why: "plaintext where TLS was expected",
        argv: ["diagnose", join(ROOT, "samples/logs/ftps-plaintext.log")],
      },
    ],
    2: [
      { why: "no log", argv: ["diagnose"] },
      {
        why: "--policy without RACF inputs",
        argv: ["diagnose", join(ROOT, "samples/logs/ring-owner.log"), "--policy", "x"],
      },
    ],
    3: [
      { why: "missing log", argv: ["diagnose", "missing.log"] },
      { why: "binary data", files: { "bin.log": "E\u0000\u0001" }, argv: ["diagnose", "bin.log"] },
      {
        why: "a RACF input with errors (the report is still printed)",
        files: { "bad.jcl": "RACDCERT ID(FTPD) CONECT(LABEL('X') RING(R))\n" },
        argv: ["diagnose", join(ROOT, "samples/logs/ring-owner.log"), "--jcl", "bad.jcl"],
      },
    ],
  },
  synth: {
    0: [{ why: "a small unload", argv: ["synth", "--records", "500", "-o", "s.unload"] }],
    2: [
      { why: "no -o", argv: ["synth"] },
      { why: "a rate above 1", argv: ["synth", "--defects", "2", "-o", "s.unload"] },
    ],
    3: [
      {
        why: "refuses to overwrite without --force",
        before: ["synth", "--records", "500", "-o", "s.unload"],
        argv: ["synth", "--records", "500", "-o", "s.unload"],
      },
      { why: "the target is a directory", argv: ["synth", "--records", "500", "-o", ".", "--force"] },
    ],
  },
  "lint-jcl": {
    0: [
      {
        why: "a clean deck",
        files: { "ok.jcl": "RACDCERT ID(FTPD) ADDRING(R)\nSETROPTS RACLIST(DIGTRING) REFRESH\n" },
        argv: ["lint-jcl", "ok.jcl"],
      },
    ],
    1: [{ why: "a password in clear", argv: ["lint-jcl", join(ROOT, "samples/site/setup.jcl")] }],
    2: [{ why: "no file", argv: ["lint-jcl"] }],
    3: [{ why: "missing file", argv: ["lint-jcl", "missing.jcl"] }],
  },
};

describe("exit codes match each command's --help", { timeout: 180_000 }, () => {
  it("racfring alone prints the help and exits 0, as the main help says", async () => {
    const r = await cli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 ok \(also `racfring` alone/);
  });

  it.each(commandNames())("%s: every documented code has a scenario that gives it", async (name) => {
    const help = (await cli([name, "--help"])).stdout;
    const documented = documentedExitCodes(help);
    expect(documented.length, `${name} documents its exit codes`).toBeGreaterThan(0);
    const scenarios = SCENARIOS[name];
    expect(scenarios, `scenarios for ${name} in test/cli/exit-codes.test.ts`).toBeDefined();
    expect(
      Object.keys(scenarios ?? {})
        .map(Number)
        .sort(),
    ).toEqual([...documented].sort());
    for (const [code, list] of Object.entries(scenarios ?? {})) {
      for (const s of list) {
        if (s.provenIn) {
          const text = readFileSync(join(ROOT, s.provenIn.file), "utf8");
          expect(text, `${name}: ${s.why} (${s.provenIn.file})`).toMatch(s.provenIn.assertion);
          continue;
        }
        const cwd = tempDir("racfring-exit-", s.files);
        if (s.before) expect((await cli(s.before, { cwd })).code, `${name} setup for ${s.why}`).toBe(0);
        const r = await cli(s.argv, { cwd });
        expect(r.code, `${name}: ${s.why} (${r.stderr.slice(0, 300)})`).toBe(Number(code));
      }
    }
  });
});
