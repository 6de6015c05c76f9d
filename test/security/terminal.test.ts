/** Issue #9 item 5: no terminal control or bidi override reaches text, JSON or SARIF output unescaped. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeJsonText } from "../../src/audit/format/safe-text.js";
import { displayControlIssues, MAX_DISPLAY_CONTROL_LINES } from "../../src/readers/display-controls.js";
import { cli } from "../helpers/io.js";

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("issue 9.5: terminal control and bidi characters are shown escaped", () => {
  const dir = mkdtempSync(join(tmpdir(), "racfring-term-"));
  writeFileSync(join(dir, "bidi.jcl"), "RACDCERT ID(A) ADDRING('R\u202eX\u0085Y\u2066')\n");

  for (const argv of [
    ["model", "--jcl", "bidi.jcl"],
    ["model", "--jcl", "bidi.jcl", "--json"],
    ["audit", "--jcl", "bidi.jcl", "--at", "2026-06-01"],
    ["audit", "--jcl", "bidi.jcl", "--at", "2026-06-01", "--format", "json"],
    ["audit", "--jcl", "bidi.jcl", "--at", "2026-06-01", "--format", "sarif"],
    ["audit", "--jcl", "bidi.jcl", "--at", "2026-06-01", "--format", "markdown"],
  ]) {
    it(argv.join(" "), async () => {
      const r = await cli(argv, { cwd: dir });
      expect(r.stdout + r.stderr).not.toMatch(RAW);
      expect(r.stdout).toMatch(/\\u202e/);
    });
  }

  it("JSON escapes keep the data: the ring name parses back with its characters", async () => {
    const r = await cli(["model", "--jcl", "bidi.jcl", "--json"], { cwd: dir });
    const name = JSON.parse(r.stdout).rings[0].name as string;
    expect(name.includes("\u202e")).toBe(true);
    expect(JSON.parse(escapeJsonText(JSON.stringify({ a: "x\u009b\u202ey" })))).toEqual({
      a: "x\u009b\u202ey",
    });
  });
});

describe("issue 9.5: a warning on the input line, with the character escaped", () => {
  const dir = mkdtempSync(join(tmpdir(), "racfring-term-line-"));
  const site = join(import.meta.dirname, "..", "..", "samples", "site");
  const RLO = "\u202e";
  const ESC = "\u001b";
  // every input kind a user can hand racfring as text, each with the character on line 2
  writeFileSync(join(dir, "deck.jcl"), `RACDCERT ID(A) ADDRING(R1)\nRACDCERT ID(A) ADDRING('R${RLO}X')\n`);
  writeFileSync(join(dir, "esc.jcl"), `RACDCERT ID(A) ADDRING(R1)\nRACDCERT ID(A) ADDRING(R2) ${ESC}[2J\n`);
  const listing = readFileSync(join(site, "listring.txt"), "utf8").split("\n");
  listing[1] = `${listing[1]}${RLO}`;
  writeFileSync(join(dir, "list.txt"), listing.join("\n"));
  const unload = readFileSync(join(site, "irrdbu00.txt"), "utf8").split("\n");
  unload[1] = (unload[1] ?? "").replace("WEB SERVER STC ", `WEB SERVER ${RLO}TC `);
  writeFileSync(join(dir, "unload.txt"), unload.join("\n"));
  const policy = readFileSync(join(site, "pagent.conf"), "utf8").split("\n");
  policy[1] = `# comment ${RLO}`;
  writeFileSync(join(dir, "policy.conf"), policy.join("\n"));
  writeFileSync(
    join(dir, "log.txt"),
    `11:00:00 MVS1 IEF695I START FTPD\n11:00:01 MVS1 EZD1287I TTLS Error RC:  428 Initial Handshake CONNID: 0000A001 JOBNAME: FT${RLO}PD USERID: TCPIP\n`,
  );

  // [argv, the located warning expected]
  const cases: [string[], RegExp][] = [
    [
      ["model", "--jcl", "deck.jcl"],
      /deck\.jcl:2:26: warning \[control-character\].*\\u202e \(bidirectional-override\)/,
    ],
    [
      ["model", "--jcl", "esc.jcl"],
      /esc\.jcl:2:28: warning \[control-character\].*\\x1b \(terminal control\)/,
    ],
    [["lint-jcl", "deck.jcl"], /deck\.jcl:2:26: warning \[control-character\].*\\u202e/],
    [["model", "--listing", "list.txt"], /list\.txt:2:\d+: warning \[control-character\].*\\u202e/],
    [["model", "--unload", "unload.txt"], /unload\.txt:2:\d+: warning \[control-character\].*\\u202e/],
    [
      ["simulate", "--jcl", join(site, "setup.jcl"), "--policy", "policy.conf", "--jobname", "FTPD"],
      /policy\.conf:2:11: warning \[control-character\].*\\u202e/,
    ],
    [["diagnose", "log.txt"], /log\.txt:2:\d+: warning \[control-character\].*\\u202e/],
  ];
  for (const [argv, expected] of cases) {
    it(argv.slice(0, 3).join(" "), async () => {
      const r = await cli(argv, { cwd: dir });
      const all = r.stdout + r.stderr;
      expect(all.replace(/\n {2,}/g, " ")).toMatch(expected);
      expect(all).not.toMatch(RAW);
    });
  }

  it("one warning per line, at the first character; capped per file; linear in the input", () => {
    const text = `a${RLO}b${ESC}c\nplain\n${"x".repeat(5)}\u2066\n`;
    const issues = displayControlIssues(text, "f");
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [1, 2],
      [3, 6],
    ]);
    expect(issues[0]?.message).toContain("2 character(s)");
    expect(issues[0]?.message).toContain("\\u202e (bidirectional-override), \\x1b (terminal control)");
    expect(RAW.test(issues.map((i) => i.message).join(""))).toBe(false);
    // many lines: the first MAX are listed, one more says there are more
    const many = displayControlIssues(`${RLO}\n`.repeat(1000), "f");
    expect(many).toHaveLength(MAX_DISPLAY_CONTROL_LINES + 1);
    expect(many[MAX_DISPLAY_CONTROL_LINES]?.message).toMatch(/more lines/);
    // per-line callers share the cap through `counted`
    const counted = { lines: 0 };
    const perLine = Array.from({ length: 100 }, (_, i) =>
      displayControlIssues(`x${ESC}`, "f", i + 1, counted),
    ).flat();
    expect(perLine).toHaveLength(MAX_DISPLAY_CONTROL_LINES + 1);
    expect(perLine[5]).toMatchObject({ line: 6, column: 2 });
    // a 2 MB line of overrides is one issue, found in one pass
    const t0 = performance.now();
    expect(displayControlIssues(RLO.repeat(2_000_000), "f")).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
