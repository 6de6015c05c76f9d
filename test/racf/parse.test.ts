import { describe, expect, it } from "vitest";
import { lookupKeyword, lookupVerb, RACDCERT_TABLE, VERBS } from "../../src/racf/keywords.js";
import { buildTree, type Keyword, type ParseResult, parseCommand } from "../../src/racf/parse.js";
import { tokenizeText } from "../../src/racf/tokenizer.js";

function parse(text: string): ParseResult {
  const cmd = tokenizeText(text).commands[0];
  if (!cmd) throw new Error("no command");
  return parseCommand(cmd);
}

/** Keywords as a compact nested shape: NAME(values | sub...) */
function shape(kws: readonly Keyword[]): string[] {
  return kws.map((k) => {
    if (k.sub.length > 0) return `${k.name}(${shape(k.sub).join(" ")})`;
    if (k.values.length > 0)
      return `${k.name}(${k.values.map((v) => (v.quoted ? `'${v.text}'` : v.text)).join(" ")})`;
    return k.name;
  });
}

describe("buildTree", () => {
  it("a word directly followed by ( takes arguments; a ( after a blank is a bare group", () => {
    const tree = buildTree(tokenizeText("RDEFINE FACILITY (A B) UACC(NONE)").commands[0]?.tokens ?? []);
    expect(tree.map((n) => [n.kind, n.text, n.args?.map((a) => a.text) ?? null])).toEqual([
      ["word", "RDEFINE", null],
      ["word", "FACILITY", null],
      ["group", "", ["A", "B"]],
      ["word", "UACC", ["NONE"]],
    ]);
  });
});

describe("parseCommand", () => {
  it("resolves the RACDCERT CONNECT tree with nested operands", () => {
    const r = parse(
      "RACDCERT ID(FTPD) CONNECT(ID(FTPD) LABEL('FTP Server') RING(SERVRING) USAGE(PERSONAL) DEFAULT)",
    );
    expect(r.issues).toEqual([]);
    expect(r.command?.verb).toBe("RACDCERT");
    expect(shape(r.command?.keywords ?? [])).toEqual([
      "ID(FTPD)",
      "CONNECT(ID(FTPD) LABEL('FTP Server') RING(SERVRING) USAGE(PERSONAL) DEFAULT)",
    ]);
    const label = r.command?.keywords[1]?.sub[1];
    expect(label).toMatchObject({ name: "LABEL", line: 1, column: 36 });
    expect(label?.values[0]).toMatchObject({ text: "FTP Server", quoted: true, column: 42 });
  });

  it("verb aliases map to canonical names; positionals come first", () => {
    const r = parse("RDEF STARTED (FTPD.* WEB.*) STDATA(USER(TCPIP))");
    expect(r.command?.verb).toBe("RDEFINE");
    expect(r.command?.written).toBe("RDEF");
    expect(r.command?.positionals.map((p) => p.map((v) => v.text))).toEqual([
      ["STARTED"],
      ["FTPD.*", "WEB.*"],
    ]);
    expect(shape(r.command?.keywords ?? [])).toEqual(["STDATA(USER(TCPIP))"]);
    for (const [alias, verb] of [
      ["RALT", "RALTER"],
      ["RDEL", "RDELETE"],
      ["PE", "PERMIT"],
      ["SETR", "SETROPTS"],
      ["AU", "ADDUSER"],
      ["ALU", "ALTUSER"],
      ["DU", "DELUSER"],
      ["RL", "RLIST"],
      ["LU", "LISTUSER"],
      ["AG", "ADDGROUP"],
      ["CO", "CONNECT"],
    ]) {
      expect(lookupVerb(alias ?? "")?.name).toBe(verb);
    }
    expect(lookupVerb("racdcert")?.name).toBe("RACDCERT");
  });

  it("keywords are case-insensitive and abbreviated to any unique prefix; the exact name wins", () => {
    expect(lookupKeyword(RACDCERT_TABLE, "subj")).toMatchObject({ kind: "found", name: "SUBJECTSDN" });
    expect(lookupKeyword(RACDCERT_TABLE, "NOTA")).toMatchObject({ kind: "found", name: "NOTAFTER" });
    expect(lookupKeyword(RACDCERT_TABLE, "WITHL")).toMatchObject({ kind: "found", name: "WITHLABEL" });
    expect(lookupKeyword(RACDCERT_TABLE, "SIGNW")).toMatchObject({ kind: "found", name: "SIGNWITH" });
    expect(lookupKeyword(RACDCERT_TABLE, "LIST")).toMatchObject({ kind: "found", name: "LIST" });
    expect(lookupKeyword(RACDCERT_TABLE, "LISTR")).toMatchObject({ kind: "found", name: "LISTRING" });
    expect(lookupKeyword(RACDCERT_TABLE, "NOT")).toMatchObject({
      kind: "ambiguous",
      candidates: ["NOTAFTER", "NOTBEFORE", "NOTRUST"],
    });
    expect(lookupKeyword(RACDCERT_TABLE, "FOO")).toEqual({ kind: "unknown" });
  });

  it("accepts a blank between a keyword and its value list", () => {
    const r = parse("PERMIT X CLASS (FACILITY) ID (A B) ACCESS (READ)");
    expect(r.issues).toEqual([]);
    expect(shape(r.command?.keywords ?? [])).toEqual(["CLASS(FACILITY)", "ID(A B)", "ACCESS(READ)"]);
  });

  it("reports unknown keywords at every level, with position, and keeps the rest", () => {
    const r = parse("RACDCERT ID(A) CONNECT(LABEL('x') RING(R) COLOUR(RED)) FLAVOUR");
    expect(r.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [1, 43, "unknown-keyword"],
      [1, 56, "unknown-keyword"],
    ]);
    expect(r.issues[0]?.message).toContain("RACDCERT CONNECT");
    expect(shape(r.command?.keywords ?? [])).toEqual(["ID(A)", "CONNECT(LABEL('x') RING(R))"]);
  });

  it("reports missing and unexpected values", () => {
    const r = parse("RACDCERT ID ADDRING(R) DEFAULT TRUST(YES)");
    expect(r.issues.map((i) => i.code)).toEqual(["missing-value", "unknown-keyword", "unexpected-value"]);
  });

  it("never echoes a PASSWORD value", () => {
    const r = parse("RACDCERT ID(A) EXPORT(LABEL('x')) PASSWORD(TOPSECRET(NESTED))");
    expect(JSON.stringify(r.issues)).not.toContain("TOPSECRET");
    expect(r.command?.keywords.find((k) => k.name === "PASSWORD")?.sensitive).toBe(true);
  });

  it("unknown verbs are skipped; non-RACF TSO commands noted; broken commands not parsed", () => {
    expect(parse("FOO BAR").command).toBeNull();
    expect(parse("FOO BAR").issues[0]).toMatchObject({ code: "unknown-command", column: 1 });
    const alloc = parse("ALLOC F(X) DA('A.B') SHR");
    expect(alloc.command?.spec.role).toBe("not-racf");
    expect(alloc.issues[0]?.code).toBe("not-racf-command");
    expect(parse("RACDCERT ID(A").command).toBeNull();
  });

  it("every verb's alias is unique", () => {
    const names = VERBS.flatMap((v) => [v.name, ...v.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("parseRacfText (layers 1-3 for a linter)", () => {
  it("returns every command of a job with its step and all issues, without a model", async () => {
    const { parseRacfText } = await import("../../src/racf/deck.js");
    const job = [
      "//J JOB 1",
      "//S1 EXEC PGM=IKJEFT01",
      "//SYSTSIN DD *",
      " RACDCERT ID(A) ADDRING(R) BOGUS",
      " FOO",
      " RACDCERT ID(A",
      "/*",
    ].join("\n");
    const d = parseRacfText(job);
    expect(d.kind).toBe("jcl");
    expect(d.commands.map((c) => [c.step, c.tokens.line, c.parsed?.verb ?? null])).toEqual([
      ["S1", 4, "RACDCERT"],
      ["S1", 5, null],
      ["S1", 6, null],
    ]);
    expect(d.issues.map((i) => [i.line, i.code])).toEqual([
      [4, "unknown-keyword"],
      [5, "unknown-command"],
      [6, "unbalanced-paren"],
    ]);
  });
});
