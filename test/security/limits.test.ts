/**
 * Issue #9 item 3 (no aborts on nesting or length: a located error, exit 3, bounded time) and
 * item 8 (lint-jcl rejects what model --jcl rejects; the policy reader says "binary").
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPlan, tooDeepAt } from "../../src/gen/plan.js";
import { readPolicy } from "../../src/policy/reader.js";
import { cli } from "../helpers/io.js";

const dir = mkdtempSync(join(tmpdir(), "racfring-limits-"));
function file(name: string, data: string | Buffer): string {
  writeFileSync(join(dir, name), data);
  return name;
}

async function timed(argv: string[]) {
  const t0 = Date.now();
  const r = await cli(argv, { cwd: dir });
  return { ...r, ms: Date.now() - t0 };
}

describe("issue 9.3: no aborts on nesting or length", () => {
  it("a plan of '[' x 1000 (JSON) and of 1000 '- ' (YAML): located error, exit 3", async () => {
    for (const [name, text, where] of [
      [
        "nest.json",
        `${"[".repeat(1000)}${"]".repeat(1000)}`,
        /nest\.json:1:65: .*nested more than 64 levels deep/,
      ],
      [
        "dash.yaml",
        `version: 1\nx:\n${"- ".repeat(1000)}1\n`,
        /dash\.yaml:3:\d+: .*nested more than 64 levels deep/,
      ],
    ] as const) {
      const r = await timed(["generate", file(name, text), "--dry-run"]);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(where);
      expect(r.ms).toBeLessThan(20_000);
    }
  });

  it("a policy with 5,000 nested braces: located error, no stack overflow", () => {
    const p = readPolicy(`TTLSRule r\n${"{\n".repeat(5000)}${"}\n".repeat(5000)}`, "p.conf");
    expect(p.issues.some((i) => i.code === "nesting-too-deep" && i.line > 1)).toBe(true);
    expect(p.issues.length).toBeLessThan(100);
  });

  it("a deck with 10^4 nested parentheses and one with a 2 MB command: located, bounded", async () => {
    const paren = file("paren.jcl", `RACDCERT ID(A) ADDRING(${"(".repeat(10_000)}${")".repeat(10_000)})\n`);
    for (const argv of [
      ["lint-jcl", paren],
      ["model", "--jcl", paren],
      ["audit", "--jcl", paren, "--at", "2026-06-01"],
    ]) {
      const r = await timed(argv);
      expect(r.stdout + r.stderr, argv.join(" ")).toMatch(
        /paren\.jcl:1:(\d+:?)? (error )?\[?nesting-too-deep/,
      );
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.ms).toBeLessThan(20_000);
    }
    const big = file("big.jcl", `RACDCERT ID(A) ADDRING(R) ${"X".repeat(2_000_000)}\n`);
    const r = await timed(["lint-jcl", big]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stdout.length).toBeLessThan(20_000);
    expect(r.ms).toBeLessThan(20_000);
  });

  it("fuzz: the plan depth scan agrees with an upper bound and is linear", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (n) => {
        const text = `${"[".repeat(n)}${"]".repeat(n)}`;
        expect(tooDeepAt(text) === null).toBe(n <= 64);
        const loaded = loadPlan(text, "p.json");
        if (n > 64) expect(loaded.issues[0]?.message).toMatch(/nested more than 64/);
      }),
      { numRuns: 40 },
    );
    const t0 = Date.now();
    tooDeepAt(`a: '${"[".repeat(3_000_000)}`);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});

describe("issue 9.8: consistent bad-input verdicts", () => {
  const bad: [string, Buffer][] = [
    ["empty.jcl", Buffer.alloc(0)],
    ["utf16.jcl", Buffer.from("\ufeffRACDCERT ID(A) ADDRING(R)\n", "utf16le")],
    ["binary.jcl", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    // EBCDIC (IBM-1047) "RACDCERT ID(A) ADDRING(R)" repeated: letters are X'C1'-X'E9', blank X'40'
    [
      "ebcdic.jcl",
      Buffer.from("D9C1C3C4C3C5D9E340C9C44DC15D40C1C4C4D9C9D5C74DD95D40".repeat(40).concat("25"), "hex"),
    ],
  ];
  for (const [name, data] of bad) {
    it(`lint-jcl and model --jcl both refuse ${name} with exit 3`, async () => {
      file(name, data);
      const lint = await cli(["lint-jcl", name], { cwd: dir });
      const model = await cli(["model", "--jcl", name], { cwd: dir });
      expect(model.code).toBe(3);
      expect(lint.code, lint.stdout + lint.stderr).toBe(3);
      expect(lint.stderr).toMatch(
        new RegExp(`${name.replace(".", "\\.")}: (is empty|is a binary file|no RACF commands found)`),
      );
    });
  }

  it("the policy reader says binary once instead of an issue per line", async () => {
    const bin = file("bin.conf", Buffer.from(Array.from({ length: 10_240 }, (_, i) => (i * 31 + 7) % 256)));
    const p = readPolicy(
      Buffer.from(Array.from({ length: 10_240 }, (_, i) => (i * 31 + 7) % 256)).toString("utf8"),
      "bin.conf",
    );
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]?.message).toMatch(/the file is binary/);
    const r = await cli(
      [
        "audit",
        "--jcl",
        file("ok.jcl", "RACDCERT ID(A) ADDRING(R)\n"),
        "--policy",
        bin,
        "--at",
        "2026-06-01",
      ],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(3);
    // one issue format (issue 13): in the audit report, on stdout here
    expect(r.stdout).toMatch(/bin\.conf:1: error \[not-text\] not an AT-TLS policy: the file is binary/);
  });
});
