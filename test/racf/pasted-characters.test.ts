/**
 * Characters pasted from web pages and word processors (issue: typographic quotes, dashes,
 * no-break and zero-width spaces): each is an error at its column, with its name and the
 * replacement, in the tokenizer (so the reader, `model --jcl` and `simulate` see it) and in
 * `lint-jcl`.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintJcl } from "../../src/lint/lint.js";
import { tokenizeText } from "../../src/racf/tokenizer.js";
import { PASTED_CHARACTERS, replacePastedCharacters } from "../../src/racf/typography.js";
import { cli } from "../helpers/io.js";

const pasted = (text: string) => tokenizeText(text).issues.filter((i) => i.code === "pasted-character");

describe("pasted characters in a deck", () => {
  it("names each typographic quote at its column and shows the operand corrected", () => {
    const issues = pasted("RACDCERT ID(WEBSRV) CONNECT(LABEL(\u2018TEMP\u2019) RING(R1))");
    expect(issues.map((i) => [i.line, i.column, i.severity])).toEqual([
      [1, 35, "error"],
      [1, 40, "error"],
    ]);
    expect(issues[0]?.message).toContain("LEFT SINGLE QUOTATION MARK (U+2018)");
    expect(issues[1]?.message).toContain("RIGHT SINGLE QUOTATION MARK (U+2019)");
    expect(issues[0]?.message).toContain("CONNECT(LABEL(\u2018TEMP\u2019) → CONNECT(LABEL('TEMP')");
  });

  it("finds dashes, no-break and zero-width spaces, but not in comments", () => {
    const text = [
      "RACDCERT ID(A) ADDRING(R\u2013ONE) /* \u2018a comment\u2019 is blank to TSO */",
      "PERMIT X CLASS(FACILITY) ID(A\u200B) ACCESS(READ)",
      "RACDCERT ID(A) CONNECT(LABEL('My\u00A0Cert') RING(R1))",
      "RACDCERT ID(A) ADDRING(R2) \u2014",
    ].join("\n");
    const issues = pasted(text);
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message.split(" (")[0]}`)).toEqual([
      "1:25 EN DASH",
      "2:30 ZERO WIDTH SPACE",
      "3:33 NO-BREAK SPACE",
      "4:28 EM DASH",
    ]);
    expect(issues[1]?.message).toContain("ID(A\u200B) → ID(A)");
    // A dash at the end of a line is not a continuation mark on the host.
    expect(issues[3]?.message).toContain("not read it as a continuation mark");
  });

  it("does not treat a no-break space after a continuation mark as trailing blanks", () => {
    const r = tokenizeText("RACDCERT ID(A) -\u00A0\n  ADDRING(R1)");
    expect(r.commands).toHaveLength(2);
    expect(r.issues.some((i) => i.code === "pasted-character" && i.line === 1)).toBe(true);
  });

  it("never echoes a password operand", () => {
    const issues = pasted("RACDCERT ID(A) ADD('X.P12') PASSWORD(\u2018s3cret\u2019) WITHLABEL('L')");
    expect(issues).toHaveLength(2);
    for (const i of issues) expect(i.message).not.toContain("s3cret");
  });

  it("replaces every listed character with what RACF needs", () => {
    for (const [ch, info] of PASTED_CHARACTERS)
      expect(replacePastedCharacters(`a${ch}b`)).toBe(`a${info.replacement}b`);
  });
});

describe("pasted characters from the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "racfring-pasted-"));
  const deck = join(dir, "pasted.jcl");
  writeFileSync(
    deck,
    [
      "RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('web')) WITHLABEL(\u2018TEMP\u2019)",
      "RACDCERT ID(WEBSRV) ADDRING(WEB)",
      "RACDCERT ID(WEBSRV) CONNECT(LABEL(\u2018TEMP\u2019) RING(WEB) DEFAULT)",
      "",
    ].join("\n"),
  );

  it("lint-jcl reports an error at the column", () => {
    const r = lintJcl(
      "RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('w')) WITHLABEL(\u2018TEMP\u2019)\nSETROPTS RACLIST(DIGTCERT) REFRESH\n",
      "p.jcl",
    );
    expect(
      r.issues.filter((i) => i.code === "pasted-character").map((i) => `${i.line}:${i.column} ${i.severity}`),
    ).toEqual(["1:59 error", "1:64 error"]);
    expect(r.errors).toBe(2);
  });

  it("lint-jcl, model --jcl and simulate all exit 3 or 1 with the error", async () => {
    const lint = await cli(["lint-jcl", deck]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain("pasted.jcl:1:61: error [pasted-character] LEFT SINGLE QUOTATION MARK");
    const model = await cli(["model", "--jcl", deck]);
    expect(model.code).toBe(3);
    expect(model.stdout).toContain("pasted.jcl:1:61: error [pasted-character]");
    const sim = await cli(["simulate", "--jcl", deck, "--user", "WEBSRV", "--keyring", "WEB"]);
    expect(sim.code).toBe(3);
    expect(sim.stderr).toContain(
      "pasted.jcl:1:61: error [pasted-character] LEFT SINGLE QUOTATION MARK (U+2018)",
    );
  });
});
