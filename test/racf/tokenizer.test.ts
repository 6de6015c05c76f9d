import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteTso, type Token, tokenizeLines, tokenizeText } from "../../src/racf/tokenizer.js";

const shape = (tokens: readonly Token[]): string[] =>
  tokens.map((t) => (t.kind === "string" ? `'${t.value}'` : t.value));

describe("tokenizer", () => {
  it("tokenizes words, quoted strings and nested parentheses with positions", () => {
    const r = tokenizeText("RACDCERT ID(FTPD) CONNECT(CERTAUTH LABEL('MVS1 CA') RING(R1))");
    expect(r.issues).toEqual([]);
    const cmd = r.commands[0];
    expect(shape(cmd?.tokens ?? [])).toEqual([
      "RACDCERT",
      "ID",
      "(",
      "FTPD",
      ")",
      "CONNECT",
      "(",
      "CERTAUTH",
      "LABEL",
      "(",
      "'MVS1 CA'",
      ")",
      "RING",
      "(",
      "R1",
      ")",
      ")",
    ]);
    const label = cmd?.tokens.find((t) => t.kind === "string");
    expect(label).toMatchObject({
      line: 1,
      column: 42,
      value: "MVS1 CA",
      text: "'MVS1 CA'",
      spaceBefore: false,
    });
    expect(cmd?.tokens[1]?.spaceBefore).toBe(true);
    expect(cmd?.tokens[2]?.spaceBefore).toBe(false);
  });

  it("treats commas as blanks and undoubles apostrophes", () => {
    const r = tokenizeText("PERMIT X CLASS(FACILITY) ID(A,B) DATA('it''s')");
    expect(shape(r.commands[0]?.tokens ?? [])).toEqual([
      "PERMIT",
      "X",
      "CLASS",
      "(",
      "FACILITY",
      ")",
      "ID",
      "(",
      "A",
      "B",
      ")",
      "DATA",
      "(",
      "'it's'",
      ")",
    ]);
  });

  it("joins '-' continuations keeping the next line's leading blanks and '+' dropping them", () => {
    const minus = tokenizeText("RACDCERT ID(A) ADDRING('My-\n   Ring')");
    expect(minus.commands[0]?.tokens.find((t) => t.kind === "string")?.value).toBe("My   Ring");
    const plus = tokenizeText("RACDCERT ID(A) ADDRING('My+\n   Ring')");
    expect(plus.commands[0]?.tokens.find((t) => t.kind === "string")?.value).toBe("MyRing");
    const cmd = tokenizeText("RACDCERT ID(A) -\n   ADDRING(R)\nSETROPTS LIST");
    expect(cmd.commands).toHaveLength(2);
    expect(cmd.commands[0]).toMatchObject({ line: 1, endLine: 2, ok: true });
    expect(cmd.commands[0]?.tokens.find((t) => t.value === "ADDRING")).toMatchObject({ line: 2, column: 4 });
    expect(cmd.commands[1]).toMatchObject({ line: 3, endLine: 3 });
  });

  it("strips comments, also across continued lines, and keeps '/*' inside strings", () => {
    const r = tokenizeText(
      "RACDCERT /* first */ ID(A) /* spans -\n  two lines */ LIST(LABEL('a/*b'))\n/* only a comment */",
    );
    expect(r.commands).toHaveLength(1);
    expect(shape(r.commands[0]?.tokens ?? [])).toEqual([
      "RACDCERT",
      "ID",
      "(",
      "A",
      ")",
      "LIST",
      "(",
      "LABEL",
      "(",
      "'a/*b'",
      ")",
      ")",
    ]);
    // a comment that is not closed ends with the command
    const open = tokenizeText("SETROPTS LIST /* no end\nRLIST FACILITY X");
    expect(open.commands.map((c) => c.tokens[0]?.value)).toEqual(["SETROPTS", "RLIST"]);
    // a comment separates like a blank
    expect(shape(tokenizeText("A/*x*/B").commands[0]?.tokens ?? [])).toEqual(["A", "B"]);
  });

  it("reports an unbalanced apostrophe at the opening quote, without echoing the value", () => {
    const r = tokenizeText("RACDCERT ID(A) EXPORT(LABEL('x')) PASSWORD('s3cret)\nSETROPTS LIST", 10);
    expect(r.commands[0]?.ok).toBe(false);
    expect(r.commands[1]?.ok).toBe(true);
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 10, column: 44, code: "unbalanced-quote", severity: "error" }),
    ]);
    expect(r.issues[0]?.message).not.toContain("s3cret");
  });

  it("reports a missing and an extra parenthesis", () => {
    const missing = tokenizeText("RACDCERT ID(A CONNECT(LABEL('x') RING(R))");
    expect(missing.issues).toEqual([
      expect.objectContaining({ line: 1, column: 12, code: "unbalanced-paren", severity: "error" }),
    ]);
    expect(missing.commands[0]?.ok).toBe(false);
    const extra = tokenizeText("PERMIT X CLASS(FACILITY)) ID(A)");
    expect(extra.issues).toEqual([
      expect.objectContaining({ line: 1, column: 25, code: "unbalanced-paren" }),
    ]);
  });

  it("reports a continuation at the end of the input (truncated)", () => {
    const r = tokenizeLines([
      { line: 7, text: "RACDCERT ID(A) CONNECT(LABEL('x') -" },
      { line: 8, text: "   RING(R)) -" },
    ]);
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 8, column: 13, code: "truncated-command", severity: "error" }),
    ]);
    expect(r.commands[0]?.ok).toBe(false);
    const alone = tokenizeLines([{ line: 3, text: "  -" }]);
    expect(alone.issues).toEqual([expect.objectContaining({ line: 3, code: "truncated-command" })]);
  });

  it("quoteTso doubles apostrophes", () => {
    expect(quoteTso("O'Brien's CA")).toBe("'O''Brien''s CA'");
  });
});

// ---- property tests -------------------------------------------------------------------------

/** An operand tree rendered as TSO text. */
type Op =
  | { kind: "word"; text: string }
  | { kind: "string"; value: string }
  | { kind: "kw"; name: string; args: Op[] };

const wordArb = fc.stringMatching(/^[A-Z#$@][A-Z0-9#$@.*%]{0,10}$/);
const stringArb = fc.stringMatching(/^[ -~]{0,20}$/);
const opArb: fc.Arbitrary<Op> = fc.letrec<{ op: Op }>((tie) => ({
  op: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    wordArb.map((text): Op => ({ kind: "word", text })),
    stringArb.map((value): Op => ({ kind: "string", value })),
    fc
      .record({ name: wordArb, args: fc.array(tie("op"), { maxLength: 3 }) })
      .map((r): Op => ({ kind: "kw", ...r })),
  ),
})).op;

function render(op: Op): string {
  if (op.kind === "word") return op.text;
  if (op.kind === "string") return quoteTso(op.value);
  return `${op.name}(${op.args.map(render).join(" ")})`;
}

function expected(op: Op): string[] {
  if (op.kind === "word") return [op.text];
  if (op.kind === "string") return [`'${op.value}'`];
  return [op.name, "(", ...op.args.flatMap(expected), ")"];
}

/** Split `text` into physical lines at the given cut points with `-` or `+` continuations. */
function splitWithContinuations(
  text: string,
  cuts: Array<{ at: number; plus: boolean; indent: number }>,
): string[] {
  const points = [...new Set(cuts.map((c) => Math.min(c.at, text.length)))].sort((a, b) => a - b);
  const lines: string[] = [];
  let prev = 0;
  let carry = "";
  points.forEach((p, i) => {
    const cut = cuts.find((c) => Math.min(c.at, text.length) === p) ?? { plus: false, indent: 0 };
    const piece = text.slice(prev, p);
    if (cut.plus) {
      // `+` drops the next line's leading blanks: move them before the mark instead.
      let rest = p;
      while (text.charAt(rest) === " ") rest++;
      lines.push(`${carry}${piece}${text.slice(p, rest)}+`);
      carry = " ".repeat(cut.indent);
      prev = rest;
    } else {
      lines.push(`${carry}${piece}-`);
      carry = "";
      prev = p;
    }
    if (i === points.length - 1) return;
  });
  lines.push(carry + text.slice(prev));
  return lines;
}

describe("tokenizer properties", () => {
  it("any command split with random continuations and comments gives the same tokens", () => {
    fc.assert(
      fc.property(
        wordArb,
        fc.array(opArb, { maxLength: 6 }),
        fc.array(fc.record({ at: fc.nat(200), plus: fc.boolean(), indent: fc.nat(6) }), { maxLength: 5 }),
        fc.array(fc.nat(20), { maxLength: 3 }),
        (verb, ops, cuts, commentAt) => {
          const parts = [verb, ...ops.map(render)];
          // comments go between operands, where a blank may appear
          const withComments = parts.map((p, i) => (commentAt.includes(i) ? `${p} /* note ${i} */` : p));
          const text = withComments.join(" ");
          const lines = splitWithContinuations(text, cuts).map((t, i) => ({ line: i + 1, text: t }));
          const r = tokenizeLines(lines);
          expect(r.issues).toEqual([]);
          expect(r.commands).toHaveLength(1);
          expect(shape(r.commands[0]?.tokens ?? [])).toEqual([verb, ...ops.flatMap(expected)]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("quoting with doubled apostrophes round-trips any printable value", () => {
    fc.assert(
      fc.property(stringArb, (value) => {
        const r = tokenizeText(`RACDCERT ID(A) ADDRING(${quoteTso(value)})`);
        expect(r.issues).toEqual([]);
        expect(r.commands[0]?.tokens.find((t) => t.kind === "string")?.value).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws and reports every problem with a line, whatever the input", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ -~]{0,30}$/), { maxLength: 6 }), (rows) => {
        const r = tokenizeLines(rows.map((t, i) => ({ line: i + 1, text: t })));
        for (const issue of r.issues) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(rows.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
