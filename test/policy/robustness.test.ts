/**
 * Review finding (hang): the tokenizer skipped only space and tab while its word loop stopped at
 * any whitespace, so a no-break space, a form feed or a bare CR produced an empty token without
 * advancing — an endless loop that ran out of memory. These tests fail (time out) without the fix.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPolicy } from "../../src/policy/reader.js";
import { ruleByName, ruleSettings } from "../../src/policy/settings.js";

const POLICY_CHARS = [
  "TTLSRule",
  "TTLSKeyringParms",
  "Keyring",
  "{",
  "}",
  "#",
  '"',
  " ",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\f",
  "\v",
  "\u00a0",
  "\u2028",
  "\u3000",
  "\ufeff",
  "\u0000",
  "\u0085",
  "x",
  "é",
  "😀",
];

describe("policy reader: every kind of whitespace", () => {
  it.each([
    ["no-break space", "TTLSRule\u00a0x\n{\n}\n"],
    ["form feed", "TTLSRule\fx\n{\n}\n"],
    ["bare CR", "TTLSRule\rx\n{\n}\n"],
    ["vertical tab", "TTLSRule\vx\n{\n}\n"],
    ["ideographic space", "TTLSRule\u3000x\n{\n}\n"],
  ])("reads a rule name after a %s as a separate word, with a warning", (_what, text) => {
    const p = readPolicy(text, "p.conf");
    expect(p.statements).toEqual([expect.objectContaining({ type: "TTLSRule", name: "x", line: 1 })]);
    expect(p.issues).toContainEqual(
      expect.objectContaining({
        file: "p.conf",
        line: 1,
        column: 9,
        code: "unusual-blank",
        severity: "warning",
      }),
    );
  });

  it("reads a CRLF file without warnings and a bare CR as a blank within the line", () => {
    const p = readPolicy("TTLSKeyringParms k\r\n{\r\n  Keyring FTPD/FTPRing\r\n}\r\n", "crlf.conf");
    expect(p.issues).toEqual([]);
    const q = readPolicy("TTLSKeyringParms k\n{\n  Keyring\rFTPD/FTPRing\n}\n", "cr.conf");
    expect(q.statements[0]?.params[0]).toEqual({ name: "Keyring", values: ["FTPD/FTPRing"], line: 3 });
  });

  it("does not echo a long token in full", () => {
    const long = "A".repeat(5000);
    const p = readPolicy(`${long}\nTTLSRule r\n{\n ${long} 1\n TTLSGroupActionRef ${long}\n}\n`, "long.conf");
    expect(p.issues.length).toBeGreaterThanOrEqual(3);
    for (const i of p.issues) {
      expect(i.message.length).toBeLessThan(600);
      expect(i.message).not.toContain("A".repeat(201));
    }
    expect(p.issues.some((i) => i.message.includes(`${"A".repeat(200)}…`))).toBe(true);
  });

  it("property: any text parses without throwing, in bounded time and with bounded output", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.array(fc.constantFrom(...POLICY_CHARS), { maxLength: 80 }).map((a) => a.join("")),
    );
    fc.assert(
      fc.property(text, (t) => {
        const started = Date.now();
        const p = readPolicy(t, "any.conf");
        // Settings for every rule found must also be derivable without throwing.
        for (const s of p.statements) {
          if (s.type !== "TTLSRule" || s.name === null) continue;
          const rule = ruleByName(p, s.name);
          if (rule) ruleSettings(p, rule);
        }
        expect(Date.now() - started).toBeLessThan(1000);
        // One issue per character at most, plus the reference checks per statement.
        expect(p.issues.length).toBeLessThanOrEqual(t.length * 2 + 2);
        for (const i of p.issues) expect(i.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
