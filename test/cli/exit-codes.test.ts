/**
 * Every command's exit codes are what its --help says (issue 13, item 8). The codes are read
 * from each command's help text, not listed here: a code the help documents without a scenario
 * below fails, and so does a scenario whose code the help does not document. A command added to
 * the table without scenarios fails too.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { documentedExitCodes } from "../../src/cli/command.js";
import { commandNames } from "../../src/cli/main.js";
import { cli } from "../helpers/io.js";

const ROOT = resolve(".");
const SITE = [
  "--jcl",
  join(ROOT, "samples/site/setup.jcl"),
  "--dataset",
  `SECADM.PARTNER.CA.PEM=${join(ROOT, "samples/site/partner-ca.pem")}`,
];
const PLAN = join(ROOT, "samples/plans/ftps-racf-ca.yaml");

interface Scenario {
  why: string;
  argv: string[];
  /** Run first in the same directory (e.g. write once, then refuse to overwrite). */
  before?: string[];
  files?: Record<string, string>;
}

const SCENARIOS: Record<string, Record<number, Scenario[]>> = {
  model: {
    0: [{ why: "the sample site", argv: ["model", ...SITE] }],
    2: [{ why: "no input", argv: ["model"] }],
    3: [{ why: "missing file", argv: ["model", "--jcl", "missing.jcl"] }],
  },
  simulate: {
    0: [
      {
        why: "the web server's ring",
        argv: [
          "simulate",
          ...SITE,
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
        argv: ["simulate", ...SITE, "--started", "FTPD", "--keyring", "FTPD/FTPRing"],
      },
    ],
    2: [{ why: "no ring given nor input", argv: ["simulate", "--user", "FTPD"] }],
    3: [{ why: "missing file", argv: ["simulate", "--jcl", "missing.jcl", "--user", "A", "--keyring", "R"] }],
  },
  explain: {
    0: [{ why: "a known code", argv: ["explain", "428"] }],
    1: [{ why: "a number not in the catalogue", argv: ["explain", "99999"] }],
    2: [{ why: "not a number", argv: ["explain", "abc"] }],
  },
  audit: {
    0: [{ why: "a rule with nothing to find", argv: ["audit", ...SITE, "--rule", "cert-expired"] }],
    1: [{ why: "the sample's defects", argv: ["audit", ...SITE] }],
    2: [{ why: "unknown rule", argv: ["audit", ...SITE, "--rule", "no-such-rule"] }],
    3: [
      { why: "missing file", argv: ["audit", "--jcl", "missing.jcl"] },
      {
        why: "refuses to overwrite -o without --force",
        files: { "report.txt": "keep me\n" },
        argv: ["audit", ...SITE, "-o", "report.txt"],
      },
    ],
  },
  generate: {
    0: [{ why: "a valid plan", argv: ["generate", PLAN, "--dry-run", "--at", "2027-01-01"] }],
    1: [
      {
        why: "an application would fail (expired)",
        argv: ["generate", PLAN, "--dry-run", "--at", "2029-01-01"],
      },
    ],
    2: [{ why: "no plan", argv: ["generate"] }],
    3: [
      { why: "missing plan", argv: ["generate", "missing.yaml"] },
      {
        why: "refuses to overwrite without --force",
        before: ["generate", PLAN, "-o", "out", "--at", "2027-01-01"],
        argv: ["generate", PLAN, "-o", "out", "--at", "2027-01-01"],
      },
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
        const cwd = mkdtempSync(join(tmpdir(), "racfring-exit-"));
        for (const [f, text] of Object.entries(s.files ?? {})) writeFileSync(join(cwd, f), text);
        if (s.before) expect((await cli(s.before, { cwd })).code, `${name} setup for ${s.why}`).toBe(0);
        const r = await cli(s.argv, { cwd });
        expect(r.code, `${name}: ${s.why} (${r.stderr.slice(0, 300)})`).toBe(Number(code));
      }
    }
  });
});
