import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatTsoCommand,
  joinTsoLines,
  operandTokens,
  tsoQuote,
  UnsafeValueError,
} from "../../src/gen/tso.js";
import { tokenizeText } from "../../src/racf/tokenizer.js";

/** Every rule a SYSTSIN line must obey (racf-rules.md §6). */
function expectValidLines(lines: string[]): void {
  lines.forEach((l, i) => {
    expect(l.length, l).toBeLessThanOrEqual(71);
    expect(l.startsWith("/*") || l.startsWith("//"), l).toBe(false);
    if (i < lines.length - 1) expect(l.endsWith("-"), l).toBe(true);
  });
  expect(/[-+]\s*$/.test(lines[lines.length - 1] ?? "")).toBe(false);
}

describe("tsoQuote", () => {
  it("doubles embedded apostrophes", () => {
    expect(tsoQuote("Bob's cert")).toBe("'Bob''s cert'");
    expect(tsoQuote("")).toBe("''");
  });
});

describe("formatTsoCommand", () => {
  it("may split a doubled apostrophe across a continuation: TSO joins the lines before it reads quotes", () => {
    // The cut of the label's line falls between the two apostrophes of "O''Neil".
    const label = `${"a".repeat(53)}O'Neil ${"b".repeat(10)}`;
    const command = `RACDCERT ID(WEB) ALTER(LABEL(${tsoQuote(label)})) TRUST`;
    const lines = formatTsoCommand(command);
    expectValidLines(lines);
    expect(lines.some((l) => l.endsWith("O'-"))).toBe(true);
    expect(lines.some((l) => l.startsWith("'Neil"))).toBe(true);
    expect(joinTsoLines(lines)).toHaveLength(1);
    expect(joinTsoLines(lines)[0]).toContain(` ALTER(LABEL(${tsoQuote(label)})) TRUST`);
    // The RACF command reader (an independent implementation of the same TSO rules) agrees.
    const read = tokenizeText(lines.join("\n")).commands[0]?.tokens.filter((t) => t.kind === "string");
    expect(read?.map((t) => t.value)).toEqual([label]);
  });

  it("keeps a short command on one line", () => {
    expect(formatTsoCommand("RACDCERT ID(FTPD) ADDRING(FTPRing)")).toEqual([
      "RACDCERT ID(FTPD) ADDRING(FTPRing)",
    ]);
  });

  it("breaks at operand boundaries with ' -' and indents the continuation", () => {
    const cmd =
      "RACDCERT ID(FTPD) CONNECT(ID(FTPD) LABEL('FTP Server 2026') RING(FTPRing) USAGE(PERSONAL) DEFAULT)";
    const lines = formatTsoCommand(cmd);
    expect(lines.length).toBe(2);
    expect(lines[0]).toMatch(/ -$/);
    expect(lines[1]).toMatch(/^ {2}\S/);
    expectValidLines(lines);
    expect(joinTsoLines(lines)[0]?.replace(/\s+/g, " ")).toBe(cmd);
  });

  it("splits a long quoted value inside the quotes, continuing in column 1, never before a blank", () => {
    const label = "A".repeat(30) + " " + "B".repeat(30) + " " + "C".repeat(30);
    const cmd = `RACDCERT ID(FTPD) GENCERT SUBJECTSDN(CN('${label}')) WITHLABEL('x')`;
    const lines = formatTsoCommand(cmd);
    expectValidLines(lines);
    // the pieces rejoin to exactly the original value
    const joined = joinTsoLines(lines)[0] ?? "";
    expect(joined).toContain(`CN('${label}')`);
    // a split inside the value continues in column 1; the character before its "-" is never a blank
    const inside = lines.slice(0, -1).filter((_, i) => !(lines[i + 1] ?? "").startsWith(" "));
    expect(inside.length).toBeGreaterThan(0);
    for (const l of inside) expect(l.charAt(l.length - 2)).not.toBe(" ");
  });

  it("does not start a continuation with /* or //", () => {
    const value = `${"x".repeat(66)}/*${"y".repeat(10)}//${"z".repeat(60)}`;
    const lines = formatTsoCommand(`RACDCERT ID(A) ADD('${value}')`);
    expectValidLines(lines);
    expect(joinTsoLines(lines)[0]).toContain(value);
  });

  it("refuses a command that would end with a continuation character", () => {
    expect(() => formatTsoCommand("RACDCERT ID(A) LISTRING(ring-")).toThrow(UnsafeValueError);
  });

  it("refuses unbalanced quotes", () => {
    expect(() => operandTokens("RACDCERT LIST(LABEL('x)")).toThrow(UnsafeValueError);
  });

  it("rejoins to the original command, as H1's tokenizer reads it, for random labels (property)", () => {
    const printable = fc
      .stringMatching(/^[A-Za-z0-9 ',.()#$@*/%=-]{1,32}$/)
      .filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(
        printable,
        printable,
        fc.stringMatching(/^[A-Za-z0-9#$@._+-]{1,237}$/),
        (label, cn, ring) => {
          const cmd = `RACDCERT ID(FTPD) CONNECT(ID(FTPD) LABEL(${tsoQuote(label)}) RING(${ring}) USAGE(PERSONAL) DEFAULT) SUBJECTSDN(CN(${tsoQuote(cn)}))`;
          const lines = formatTsoCommand(cmd);
          expectValidLines(lines);
          const tokens = tokenizeText(lines.join("\n"));
          expect(tokens.commands.length).toBe(1);
          const strings = tokens.commands[0]?.tokens.filter((t) => t.kind === "string").map((t) => t.value);
          expect(strings).toEqual([label, cn]);
          const words = tokens.commands[0]?.tokens.filter((t) => t.kind === "word").map((t) => t.value);
          expect(words).toContain(ring);
        },
      ),
      { numRuns: 200 },
    );
  });
});
