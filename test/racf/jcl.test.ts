import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { looksLikeJcl, splitDeck, splitInput, splitJcl } from "../../src/racf/jcl.js";

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");

/** Build a fixed 80-byte record: text padded to 72, then an 8-character sequence field. */
function rec(text: string, seq: string): string {
  return text.padEnd(72, " ") + seq;
}

describe("JCL / deck detection", () => {
  it("detects a job by its // statements and a deck otherwise", () => {
    expect(looksLikeJcl("//JOB1 JOB (A)\n//S EXEC PGM=IKJEFT01\n")).toBe(true);
    expect(looksLikeJcl("\n\n//* comment first\n//S EXEC PGM=X\n")).toBe(true);
    expect(looksLikeJcl("RACDCERT ID(FTPD) ADDRING(R)\nSETROPTS LIST\n")).toBe(false);
    expect(looksLikeJcl("/* deck comment */\nRACDCERT ID(A) LIST\n")).toBe(false);
  });
});

describe("splitJcl", () => {
  it("takes SYSTSIN of IKJEFT01 and IKJEFT1B steps (DD * and DD DATA,DLM=) with original line numbers", () => {
    const r = splitJcl(fixture("setup.jcl"));
    expect(r.kind).toBe("jcl");
    expect(r.jobUser).toBe("SECADM");
    expect(r.blocks).toHaveLength(2);
    const [b1, b2] = r.blocks;
    expect(b1?.step).toBe("STEP1");
    expect(b1?.ddLine).toBe(7);
    expect(b1?.lines[0]).toEqual({
      line: 8,
      text: "  ADDUSER FTPD DFLTGRP(SYS1) OMVS(UID(0) HOME('/') PROGRAM('/bin/sh'))",
    });
    // `/*` on line 22 ends the DD * data; it is not part of the block
    expect(b1?.lines.at(-1)?.line).toBe(21);
    expect(b2?.step).toBe("STEP2");
    // DD DATA,DLM=$$: the `//*` line is data, only `$$` ends it
    expect(b2?.lines.map((l) => l.line)).toEqual([26, 27, 28, 29, 30]);
    expect(b2?.lines[2]?.text.startsWith("//*")).toBe(true);
    expect(r.issues).toEqual([]);
  });

  it("ends DD * data at the next // statement when there is no /*", () => {
    const text = [
      "//J JOB 1",
      "//S EXEC PGM=IKJEFT01",
      "//SYSTSIN DD *",
      " SETROPTS LIST",
      "//SYSPRINT DD SYSOUT=*",
      "",
    ].join("\n");
    const r = splitJcl(text);
    expect(r.blocks[0]?.lines).toEqual([{ line: 4, text: " SETROPTS LIST" }]);
    expect(r.issues).toEqual([]);
  });

  it("ignores the in-stream data of other DDs and of non-TSO steps", () => {
    const text = [
      "//J JOB 1",
      "//S1 EXEC PGM=IDCAMS",
      "//SYSIN DD *",
      " DELETE X.Y",
      "/*",
      "//S2 EXEC PGM=IKJEFT01",
      "//SYSTSPRT DD SYSOUT=*",
      "//OTHER DD *",
      " RACDCERT ID(X) ADDRING(NOTME)",
      "/*",
      "//SYSTSIN DD *",
      " RACDCERT ID(X) ADDRING(ME)",
      "/*",
    ].join("\n");
    const r = splitJcl(text);
    expect(r.blocks).toHaveLength(1);
    expect(r.blocks[0]?.lines).toEqual([{ line: 12, text: " RACDCERT ID(X) ADDRING(ME)" }]);
  });

  it("reads an unnamed DD concatenated to SYSTSIN", () => {
    const text = [
      "//J JOB 1",
      "//S EXEC PGM=IKJEFT1A",
      "//SYSTSIN DD *",
      " A1",
      "/*",
      "//  DD *",
      " A2",
      "/*",
    ].join("\n");
    const r = splitJcl(text);
    expect(r.blocks.flatMap((b) => b.lines.map((l) => l.text))).toEqual([" A1", " A2"]);
  });

  it("follows JCL continuation of the EXEC statement", () => {
    const text = ["//J JOB 1", "//S EXEC REGION=0M,", "//   PGM=IKJEFT01", "//SYSTSIN DD *", " X", "/*"].join(
      "\n",
    );
    const r = splitJcl(text);
    expect(r.blocks).toHaveLength(1);
    expect(r.issues).toEqual([]);
  });

  it("drops columns 73-80 (sequence numbers) and warns about text written there", () => {
    const text = [
      rec("//J JOB 1", "00010000"),
      rec("//S EXEC PGM=IKJEFT01", "00020000"),
      rec("//SYSTSIN DD *", "00030000"),
      rec(" RACDCERT ID(FTPD) ADDRING(SERVRING)", "00040000"),
      `${" RACDCERT ID(FTPD) CONNECT(ID(FTPD) LABEL('FTP Server') RING(SERVRING)".padEnd(72, " ")}USAGE(PE`,
      "/*",
    ].join("\n");
    const r = splitJcl(text);
    expect(r.blocks[0]?.lines[0]?.text).toBe(" RACDCERT ID(FTPD) ADDRING(SERVRING)".padEnd(72, " "));
    expect(r.blocks[0]?.lines[1]?.text.length).toBe(72);
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 5, column: 73, code: "beyond-column-72", severity: "error" }),
    ]);
  });

  it("reports a TSO step without SYSTSIN and a SYSTSIN that is a data set", () => {
    const text = [
      "//J JOB 1",
      "//S1 EXEC PGM=IKJEFT01",
      "//SYSTSPRT DD SYSOUT=*",
      "//S2 EXEC PGM=IKJEFT01",
      "//SYSTSIN DD DISP=SHR,DSN=SEC.RACF.CMDS(RINGS)",
    ].join("\n");
    const r = splitJcl(text);
    expect(r.blocks).toEqual([]);
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 2, code: "systsin-missing", severity: "warning" }),
      expect.objectContaining({ line: 5, code: "systsin-dataset", severity: "info" }),
    ]);
    expect(r.issues[1]?.message).toContain("SEC.RACF.CMDS(RINGS)");
  });

  it("reports an unterminated DD DATA,DLM= (truncated JCL) with its line", () => {
    const r = splitJcl(fixture("truncated.jcl"));
    expect(r.issues).toContainEqual(
      expect.objectContaining({ line: 6, code: "unterminated-data", severity: "error" }),
    );
    // the data read so far is still handed over
    expect(r.blocks[0]?.lines.map((l) => l.line)).toEqual([7, 8]);
  });

  it("reports truncated statements: no operation, no operands, a dangling comma", () => {
    const text = ["//J JOB 1", "//S EXEC PGM=IKJEFT01,", "//SYSTSIN", "//SYSTSIN DD", ""].join("\n");
    const r = splitJcl(text);
    const codes = r.issues.map((i) => [i.line, i.code]);
    expect(codes).toContainEqual([2, "jcl-truncated"]);
    expect(codes).toContainEqual([3, "jcl-truncated"]);
    expect(codes).toContainEqual([4, "jcl-truncated"]);
  });

  it("warns when a TSO comment in columns 1-2 ends DD * data early", () => {
    const text = [
      "//J JOB 1",
      "//S EXEC PGM=IKJEFT01",
      "//SYSTSIN DD *",
      " SETROPTS LIST",
      "/* refresh next */",
      " SETROPTS RACLIST(FACILITY) REFRESH",
      "/*",
    ].join("\n");
    const r = splitJcl(text);
    expect(r.blocks[0]?.lines).toHaveLength(1);
    expect(r.issues).toContainEqual(expect.objectContaining({ line: 5, code: "comment-ends-data" }));
    expect(r.issues).toContainEqual(expect.objectContaining({ line: 6, code: "data-without-dd" }));
  });

  it("warns when a job has no TSO step", () => {
    const r = splitJcl("//J JOB 1\n//S EXEC PGM=IEFBR14\n");
    expect(r.issues).toEqual([expect.objectContaining({ code: "no-tso-step", line: 1 })]);
  });
});

describe("splitDeck", () => {
  it("a deck of lines up to 80 characters is 80-byte records: columns 73–80 are dropped", () => {
    const r = splitInput(
      ["RACDCERT ID(A) LIST", rec("SETROPTS LIST", "00000200"), `${"X".repeat(75)}`].join("\n"),
    );
    expect(r.kind).toBe("deck");
    expect(r.blocks[0]?.lines).toEqual([
      { line: 1, text: "RACDCERT ID(A) LIST" },
      { line: 2, text: "SETROPTS LIST".padEnd(72, " ") },
      { line: 3, text: "X".repeat(72) },
    ]);
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 3, column: 73, code: "beyond-column-72", severity: "error" }),
    ]);
    expect(splitDeck("").blocks[0]?.lines).toEqual([]);
  });

  it("text at column 75 of a plain deck is ignored like in JCL, and reported with its column", () => {
    const line = `${"RACDCERT LIST".padEnd(74, " ")}ID(ZZ)`;
    const r = splitDeck(line);
    expect(r.blocks[0]?.lines[0]?.text).toBe("RACDCERT LIST".padEnd(72, " "));
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 1, column: 75, code: "beyond-column-72", severity: "error" }),
    ]);
    expect(r.issues[0]?.message).toContain('"ID(ZZ)"');
  });

  it("a line over 80 characters makes the deck a variable-length file: every line kept whole, one info", () => {
    const short = `${"RACDCERT LIST".padEnd(74, " ")}ID(ZZ)`;
    const long = `RACDCERT ID(A) LIST ${"X".repeat(70)}`;
    const r = splitDeck(`${short}\n${long}\n`);
    expect(r.blocks[0]?.lines.map((l) => l.text)).toEqual([short, long]);
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 2, column: 81, code: "variable-length-deck", severity: "info" }),
    ]);
  });
});
