import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { read } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const HAS_ICONV = spawnSync("iconv", ["--version"]).status === 0;

/** Encode ASCII text in IBM-1047 (letters, digits and the few specials a job uses). */
function toIbm1047(text: string): Uint8Array {
  const map: Record<string, number> = { " ": 0x40, "/": 0x61, "(": 0x4d, ")": 0x5d, ".": 0x4b, ",": 0x6b };
  map["\n"] = 0x15;
  map["'"] = 0x7d;
  map["="] = 0x7e;
  map["*"] = 0x5c;
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.toUpperCase();
    if (c >= "A" && c <= "I") bytes.push(0xc1 + c.charCodeAt(0) - 65);
    else if (c >= "J" && c <= "R") bytes.push(0xd1 + c.charCodeAt(0) - 74);
    else if (c >= "S" && c <= "Z") bytes.push(0xe2 + c.charCodeAt(0) - 83);
    else if (c >= "0" && c <= "9") bytes.push(0xf0 + c.charCodeAt(0) - 48);
    else bytes.push(map[ch] ?? 0x40);
  }
  return new Uint8Array(bytes);
}

describe("inputs with no RACF commands are errors (exit 3), never silently no findings", () => {
  it("an EBCDIC job decoded as UTF-8 is named as EBCDIC", () => {
    const job = readFileSync(join(ROOT, "samples", "site", "setup.jcl"), "utf8");
    const text = new TextDecoder().decode(toIbm1047(job));
    const m = read(text, { keepDeckInfo: true });
    expect(m.state.issues.map((i) => `${i.severity} ${i.code}@${i.line}`)).toEqual(["error not-text@1"]);
    expect(m.state.issues[0]?.message).toMatch(/EBCDIC-encoded: convert it as text \(EBCDIC → ASCII\)/);
    expect(m.state.certificates).toEqual([]);
  });

  // iconv ships with glibc (Debian's libc-bin), so CI always has it; elsewhere the hand-made
  // encoding above still covers the detection and this test says why it did not run.
  it.skipIf(!HAS_ICONV)("iconv's IBM-1047 output is recognised too (skipped: no iconv on PATH)", () => {
    const bytes = execFileSync("iconv", [
      "-f",
      "UTF-8",
      "-t",
      "IBM1047",
      join(ROOT, "samples", "site", "setup.jcl"),
    ]);
    const m = read(bytes.toString("utf8"));
    expect(m.state.issues.map((i) => i.code)).toEqual(["not-text"]);
  });

  it("an empty deck and a job without SYSTSIN data are errors", () => {
    expect(read("").state.issues.map((i) => `${i.severity} ${i.code}`)).toEqual(["error no-commands"]);
    const job = read("//J JOB 1\n//S EXEC PGM=IEFBR14\n");
    expect(job.state.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "no-commands",
    ]);
  });

  it("messages do not echo a 5000-character token in full", () => {
    const m = read(`RACDCERT ID(A) ADDRING(${"R".repeat(5000)})\nBOGUS${"Q".repeat(5000)}`);
    expect(m.state.issues.length).toBeGreaterThan(0);
    for (const i of m.state.issues) {
      expect(i.message).not.toMatch(/[RQ]{201}/);
      expect(i.message.length).toBeLessThan(700);
    }
  });
});
