/**
 * A fix is only worth printing if it works: for each field case with a RACF fix, the proposed
 * commands are applied as a second deck (as an administrator would submit them) and the same
 * application is simulated again. Every fix, the first and each alternative, must predict 0.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/io.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/sim");
const NOW = "2026-01-15T12:00:00Z";

interface Fix {
  summary: string;
  commands: string[];
}

async function simulate(args: string[]): Promise<{ rc: number; fix: Fix | null; alternatives: Fix[] }> {
  const r = await cli(["simulate", ...args, "--json", "--ran-at", NOW.slice(0, 16)], {
    cwd: FIXTURES,
    now: NOW,
  });
  return JSON.parse(r.stdout);
}

const CASES: { name: string; deck: string; args: string[]; rc: number }[] = [
  {
    name: "2 (no access to the ring)",
    deck: "case2.jcl",
    args: ["--user", "BATCHU", "--keyring", "CLIENTRING", "--role", "client"],
    rc: 202,
  },
  {
    name: "3 (no default certificate)",
    deck: "case3.jcl",
    args: ["--user", "WEBSRV", "--keyring", "WEBRING"],
    rc: 6,
  },
  {
    name: "4 (certificate of another user)",
    deck: "case4.jcl",
    args: ["--started", "FTPD", "--keyring", "FTPD/SERVRING"],
    rc: 428,
  },
  {
    name: "5 (expired certificate)",
    deck: "case5.jcl",
    args: ["--user", "WEBSRV", "--keyring", "WEBRING"],
    rc: 401,
  },
  {
    name: "6 (READ where UPDATE is needed)",
    deck: "case6.jcl",
    args: ["--user", "STCRSE", "--keyring", "START1/MQRING"],
    rc: 428,
  },
];

describe("fixes, applied, predict 0", () => {
  it.each(CASES)("field case $name", async ({ deck, args, rc }) => {
    const before = await simulate(["--jcl", deck, ...args]);
    expect(before.rc).toBe(rc);
    const fixes = [before.fix, ...before.alternatives].filter(
      (f): f is Fix => f !== null && f.commands.length > 0,
    );
    expect(fixes.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), "racfring-fix-"));
    for (const [i, fix] of fixes.entries()) {
      // Long commands are continued with " -" the way a deck would carry them.
      const file = join(dir, `fix${i}.txt`);
      await writeFile(file, `${fix.commands.join("\n")}\n`);
      // "Run the application as X": without a STARTED profile to change, the administrator
      // changes the job's USER; simulate as X then.
      const runAs = /^Run the application as (\S+?),/.exec(fix.summary)?.[1];
      const user = args.indexOf("--user");
      const asArgs = runAs && user >= 0 ? args.map((a, j) => (j === user + 1 ? runAs : a)) : args;
      const after = await simulate(["--jcl", deck, "--jcl", file, ...asArgs]);
      expect(after.rc, `fix "${fix.summary}" leaves rc ${after.rc}`).toBe(0);
    }
  });
});
