import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { formatTsoCommand } from "../../src/gen/tso.js";
import { formatLintIssue, lintFiles, lintJcl } from "../../src/lint/lint.js";

const CARD =
  "//RACFJOB  JOB (ACCT),'ADMIN',CLASS=A,MSGCLASS=X\n//STEP1    EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\n";
const job = (body: string) => `${CARD}${body}/*\n`;
const codes = (text: string) =>
  lintJcl(text, "t.jcl").issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.code}`);

describe("lintJcl", () => {
  it("accepts a correct job with continuations, refreshes and quoted labels", () => {
    const text = job(
      [
        "RACDCERT ID(FTPD) GENCERT SUBJECTSDN(CN('ftp.example.com') -",
        "  O('Bob''s Shop')) WITHLABEL('FTP Server') SIZE(2048)",
        "RACDCERT ID(FTPD) ADDRING(FTPRing)",
        "RACDCERT ID(FTPD) CONNECT(LABEL('FTP Server') RING(FTPRing) +",
        "     USAGE(PERSONAL) DEFAULT)",
        "RDEFINE RDATALIB FTPD.FTPRING.LST UACC(NONE)",
        "PERMIT FTPD.FTPRING.LST CLASS(RDATALIB) ID(FTPD) ACCESS(READ)",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
        "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH",
        "",
      ].join("\n"),
    );
    const r = lintJcl(text, "ok.jcl");
    expect(r.issues).toEqual([]);
    expect(r.errors).toBe(0);
  });

  it("reports a RACDCERT split without a continuation mark at the line that lacks it", () => {
    const text = job(
      "RACDCERT ID(FTPD) GENCERT SUBJECTSDN(CN('x'))\n  WITHLABEL('FTP Server') SIZE(2048)\nSETROPTS RACLIST(DIGTCERT) REFRESH\n",
    );
    const r = lintJcl(text, "t.jcl");
    const mc = r.issues.filter((i) => i.code === "missing-continuation");
    expect(mc).toHaveLength(1);
    expect(mc[0]).toMatchObject({ line: 5, severity: "error" });
    expect(mc[0]?.message).toMatch(/line 6 \(WITHLABEL\.\.\.\) becomes a separate command/);
    // the follow-on "unknown command WITHLABEL" is not reported twice
    expect(r.issues.filter((i) => i.code === "unknown-command")).toEqual([]);
  });

  it("reports a missing continuation after an unclosed parenthesis, even for a sub-operand at column 1", () => {
    const text = job(
      "RACDCERT ID(FTPD) CONNECT(ID(FTPD) LABEL('FTP Server')\nRING(FTPRing) USAGE(PERSONAL))\nSETROPTS RACLIST(DIGTRING) REFRESH\n",
    );
    const mc = lintJcl(text, "t.jcl").issues.filter((i) => i.code === "missing-continuation");
    expect(mc).toHaveLength(1);
    expect(mc[0]?.line).toBe(5);
    expect(mc[0]?.message).toMatch(/ends the RACDCERT without/);
  });

  it("reports text past column 72 in SYSTSIN as an error and column 72 as a warning", () => {
    const long = `RACDCERT ID(FTPD) LIST(LABEL('FTP Server'))${" ".repeat(28)}X`;
    expect(long.length).toBe(72);
    expect(codes(job(`${long}\n`))).toContain("5:72 warning column-72");
    const seq = `RACDCERT ID(FTPD) LIST(LABEL('FTP Server'))${" ".repeat(29)}00010000`;
    expect(codes(job(`${seq}\n`))).toEqual([]); // a sequence number is fine
    const over = `RACDCERT ID(FTPD) LIST(LABEL('FTP Server'))${" ".repeat(29)}LABEL(X)`;
    expect(codes(job(`${over}\n`))).toContain("5:73 error beyond-column-72");
  });

  it("reports unbalanced quotes and parentheses", () => {
    expect(codes(job("RACDCERT ID(FTPD) LIST(LABEL('FTP Server))\n"))).toContain(
      "5:30 error unbalanced-quote",
    );
    expect(
      codes(job("RACDCERT ID(FTPD) LIST(LABEL('FTP Server')\n")).some((c) =>
        c.endsWith("error unbalanced-paren"),
      ),
    ).toBe(true);
  });

  it("checks keywords per RACDCERT function", () => {
    const c = codes(
      job(
        "RACDCERT ID(FTPD) ADDRING(R1) SIZE(2048)\nRACDCERT ID(FTPD) ADD('A.B') SIGNWITH(CERTAUTH LABEL('x'))\nSETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH\n",
      ),
    );
    expect(c).toContain("5:31 error keyword-not-valid");
    expect(c).toContain("6:30 error keyword-not-valid");
    expect(codes(job("RACDCERT ID(FTPD) LISTRING(R1) CERTAUTH\n"))).toContain("5:32 error racdcert-owners");
    expect(
      codes(job("RACDCERT ID(FTPD) WITHLABL('x') ADDRING(R1)\nSETROPTS RACLIST(DIGTRING) REFRESH\n")),
    ).toContain("5:19 error unknown-keyword");
  });

  it("checks label, user id and ring name lengths", () => {
    // laid out by the generator's formatter, so the only problems are the lengths
    const lines = [
      ...formatTsoCommand(`RACDCERT ID(FTPD) ALTER(LABEL('${"L".repeat(33)}')) TRUST`),
      "RACDCERT ID(FTPDSERVER) LISTRING(*)",
      ...formatTsoCommand(`RACDCERT ID(FTPD) DELRING(${"R".repeat(238)})`),
      "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH",
      "",
    ];
    const c = codes(job(lines.join("\n")));
    expect(c).toEqual(["5:31 error label-too-long", "7:13 error userid-invalid", "9:11 error ring-too-long"]);
    expect(
      codes(
        job(
          `${formatTsoCommand(`RACDCERT ID(FTPD) DELRING(${"R".repeat(237)})`).join("\n")}\nSETROPTS RACLIST(DIGTRING) REFRESH\n`,
        ),
      ),
    ).toEqual([]);
  });

  it("reports rings for CERTAUTH (IRRD120I) and bad USAGE values", () => {
    const c = codes(
      job(
        "RACDCERT CERTAUTH ADDRING(CARING)\nRACDCERT ID(A) ADDRING(R)\nRACDCERT ID(A) CONNECT(CERTAUTH LABEL('x') RING(R) USAGE(PERSNAL))\nSETROPTS RACLIST(DIGTRING) REFRESH\n",
      ),
    );
    expect(c).toContain("5:1 error ring-owner");
    expect(c).toContain("7:58 error bad-usage");
  });

  it("reports a missing SETROPTS REFRESH: error for RDATALIB/FACILITY, warning for DIGTCERT", () => {
    const c = codes(
      job(
        "RDEFINE RDATALIB A.R.LST UACC(NONE)\nPERMIT A.R.LST CLASS(RDATALIB) ID(B) ACCESS(READ)\nRACDCERT ID(A) ADDRING(R)\n",
      ),
    );
    expect(c).toContain("6:1 error missing-refresh");
    expect(c).toContain("7:1 warning missing-refresh");
    expect(codes(job("RDEFINE RDATALIB A.R.LST UACC(NONE)\nSETROPTS RACLIST(RDATALIB) REFRESH\n"))).toEqual(
      [],
    );
  });

  it("reports a password in clear text without printing it", () => {
    const r = lintJcl(
      job(
        "RACDCERT ID(A) ADD('A.P12') WITHLABEL('x') PASSWORD('Secret123') TRUST\nSETROPTS RACLIST(DIGTCERT) REFRESH\n",
      ),
      "t.jcl",
    );
    const pw = r.issues.filter((i) => i.code === "password-in-clear");
    expect(pw).toHaveLength(1);
    expect(pw[0]).toMatchObject({ line: 5, severity: "error" });
    expect(r.issues.map(formatLintIssue).join("\n")).not.toContain("Secret123");
    const user = lintJcl(job("ALTUSER BOB PASSWORD(TEMP1234)\n"), "t.jcl");
    expect(user.issues.map((i) => i.code)).toContain("password-in-clear");
    expect(user.issues.map(formatLintIssue).join("\n")).not.toContain("TEMP1234");
  });

  it("reports what the deck alone shows: CONNECT of a label never created, PERMIT to a profile never defined", () => {
    const c = codes(
      job(
        "RACDCERT ID(A) ADDRING(R)\nRACDCERT ID(A) CONNECT(ID(A) LABEL('Nope') RING(R))\nPERMIT A.R.LST CLASS(RDATALIB) ID(B) ACCESS(READ)\nSETROPTS RACLIST(RDATALIB DIGTRING) REFRESH\n",
      ),
    );
    expect(c).toContain("6:36 warning connect-unknown-label");
    expect(c).toContain("7:8 warning permit-undefined-profile");
    const deleted = codes(
      job(
        "RACDCERT ID(A) GENCERT WITHLABEL('x')\nRACDCERT ID(A) DELETE(LABEL('x'))\nRACDCERT ID(A) ADDRING(R)\nRACDCERT ID(A) CONNECT(LABEL('x') RING(R))\nSETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH\n",
      ),
    );
    expect(deleted).toContain("8:30 error connect-deleted-label");
  });

  it("carries what one job created into the next when files are linted as a sequence", () => {
    const a = job("RACDCERT ID(A) GENCERT WITHLABEL('x')\nRACDCERT ID(A) ADDRING(R)\n");
    const b = job(
      "RACDCERT ID(A) CONNECT(LABEL('x') RING(R))\nSETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH\n",
    );
    const [ra, rb] = lintFiles([
      { text: a, file: "a.jcl" },
      { text: b, file: "b.jcl" },
    ]);
    expect(ra?.issues).toEqual([]);
    expect(rb?.issues).toEqual([]);
    expect(lintJcl(b, "b.jcl").issues.map((i) => i.code)).toContain("connect-unknown-label");
  });

  it("checks JOB/EXEC/DD basics", () => {
    const bad = "//TOOLONGJOB JOB (A),'X'\n//S1 EXEC\n//DD1 DDD DSN=A.B,\n//SYSIN DD *\nx\n/*\n";
    const c = codes(bad);
    expect(c).toContain("1:3 error jcl-name");
    expect(c.some((x) => x.startsWith("2:") && x.endsWith("error jcl-truncated"))).toBe(true);
    expect(c.some((x) => x.startsWith("3:") && x.endsWith("error jcl-operation"))).toBe(true);
    expect(codes("//J JOB (A),'X',CLASS=A,\n//S1 EXEC PGM=IEFBR14\n")).toContain(
      "2:3 error jcl-continuation",
    );
    expect(codes("//J JOB (A,'X\n")).toContain("1:9 error jcl-unbalanced-quote");
  });

  it("treats DD DATA,DLM= contents as data, not JCL", () => {
    const text =
      "//J        JOB (A),'X'\n//S1       EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD DATA,DLM=@@\nRACDCERT ID(A) ADDRING(R)\nSETROPTS RACLIST(DIGTRING) REFRESH\n@@\n";
    expect(lintJcl(text, "t.jcl").issues).toEqual([]);
  });

  it("warns about GENCERT without WITHLABEL", () => {
    expect(
      codes(job("RACDCERT ID(A) GENCERT SUBJECTSDN(CN('x'))\nSETROPTS RACLIST(DIGTCERT) REFRESH\n")),
    ).toEqual(["5:1 warning no-withlabel"]);
  });

  it("never throws, whatever the input (property)", () => {
    const line = fc.stringMatching(/^[ -~]{0,90}$/);
    const starts = fc.constantFrom(
      "",
      "//",
      "//*",
      "/*",
      " ",
      "RACDCERT ",
      "PERMIT ",
      "SETROPTS ",
      "//S DD *",
      "//J JOB ",
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(starts, line), { maxLength: 30 }), (rows) => {
        const text = rows.map(([a, b]) => a + b).join("\n");
        const r = lintJcl(text, "x.jcl");
        expect(r.errors).toBe(r.issues.filter((i) => i.severity === "error").length);
        for (const i of r.issues) expect(i.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("lints a plain command deck, where text past column 72 is lost in an 80-byte record", () => {
    const deck = `RACDCERT ID(A) LIST(LABEL('x'))${" ".repeat(41)}TOOLONG\n`;
    expect(codes(deck)).toContain("1:73 error beyond-column-72");
  });
});

describe("racfring lint-jcl (CLI)", () => {
  it("prints file:line:col severity code message and exits 1 on errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-lint-"));
    writeFileSync(
      join(dir, "bad.jcl"),
      job("RACDCERT ID(A) ADDRING(R) SIZE(1)\nSETROPTS RACLIST(DIGTRING) REFRESH\n"),
    );
    writeFileSync(
      join(dir, "good.jcl"),
      job("RACDCERT ID(A) ADDRING(R)\nSETROPTS RACLIST(DIGTRING) REFRESH\n"),
    );
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      isTTY: false,
      cwd: dir,
      now: () => new Date(),
    };
    expect(await runCli(["lint-jcl", "bad.jcl"], io)).toBe(1);
    expect(out.join("")).toBe(
      "bad.jcl:5:27: error [keyword-not-valid] SIZE is not valid with RACDCERT ADDRING\n",
    );
    expect(await runCli(["lint-jcl", "good.jcl"], io)).toBe(0);
    expect(await runCli(["lint-jcl"], io)).toBe(2);
    expect(await runCli(["lint-jcl", "missing.jcl"], io)).toBe(3);
  });
});

describe("lintJcl: review findings", () => {
  const REFRESH = "SETROPTS RACLIST(DIGTRING) REFRESH\n";

  it("warns about a tab in SYSTSIN data (TSO reads it as a data byte)", () => {
    expect(codes(job(`RACDCERT ID(A)\tADDRING(R)\n${REFRESH}`))).toContain("5:15 warning tab-in-data");
    // …and in a plain command deck.
    const deck = lintJcl(`RACDCERT ID(A) ADDRING(R)\n\tSETROPTS RACLIST(DIGTRING) REFRESH\n`, "d.txt");
    expect(deck.issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toContain("2:1 tab-in-data");
    expect(codes(job(`RACDCERT ID(A) ADDRING(R)\n${REFRESH}`))).toEqual([]);
  });

  it("warns about PASSWORD= on the JOB card, on the first line or a continuation, never printing it", () => {
    const one = `//RACFJOB  JOB (ACCT),'ADMIN',CLASS=A,PASSWORD=SECRET1\n${CARD.split("\n").slice(1).join("\n")}RACDCERT ID(A) ADDRING(R)\n${REFRESH}/*\n`;
    const r1 = lintJcl(one, "t.jcl");
    const w1 = r1.issues.filter((i) => i.code === "job-password");
    expect(w1).toMatchObject([{ line: 1, column: 39, severity: "warning" }]);
    expect(JSON.stringify(r1)).not.toContain("SECRET1");
    const two = `//RACFJOB  JOB (ACCT),'ADMIN',CLASS=A,\n//             USER=ADM1,PASSWORD=(OLD,NEW)\n${CARD.split("\n").slice(1).join("\n")}RACDCERT ID(A) ADDRING(R)\n${REFRESH}/*\n`;
    const r2 = lintJcl(two, "t.jcl");
    expect(r2.issues.filter((i) => i.code === "job-password")).toMatchObject([{ line: 2, column: 26 }]);
    expect(JSON.stringify(r2)).not.toContain("OLD,NEW");
    // A programmer name that merely contains the word is not the keyword.
    const name = `//RACFJOB  JOB (ACCT),'PASSWORD=X'\n${CARD.split("\n").slice(1).join("\n")}RACDCERT ID(A) ADDRING(R)\n${REFRESH}/*\n`;
    expect(lintJcl(name, "t.jcl").issues.filter((i) => i.code === "job-password")).toEqual([]);
  });

  it("warns about &SYMBOL in in-stream data whose DD has no SYMBOLS=", () => {
    const head =
      "//RACFJOB  JOB (ACCT),'ADMIN',CLASS=A\n// SET PW=\n//STEP1    EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n";
    const body = "RACDCERT ID(A) EXPORT(LABEL('C')) DSN('A.P12') -\n  FORMAT(PKCS12DER) PASSWORD('&PW')\n";
    const without = lintJcl(`${head}//SYSTSIN  DD *\n${body}/*\n`, "t.jcl");
    const w = without.issues.filter((i) => i.code === "symbol-not-substituted");
    expect(w).toMatchObject([{ line: 7, column: 31, severity: "warning" }]);
    expect(w[0]?.message).toMatch(/&PW in in-stream data: the DD statement \(line 5\) has no SYMBOLS=/);
    const withSym = lintJcl(`${head}//SYSTSIN  DD *,SYMBOLS=JCLONLY\n${body}/*\n`, "t.jcl");
    expect(withSym.issues.filter((i) => i.code === "symbol-not-substituted")).toEqual([]);
    // SYMBOLS= on a continuation of the DD statement counts too.
    const continued = lintJcl(
      `${head}//SYSTSIN  DD *,\n//             SYMBOLS=EXECSYS\n${body}/*\n`,
      "t.jcl",
    );
    expect(continued.issues.filter((i) => i.code === "symbol-not-substituted")).toEqual([]);
    expect(continued.errors).toBe(0);
    // An unquoted system symbol is reported; an `&` inside a quoted label that no SET names is not.
    expect(codes(job("RACDCERT ID(&SYSUID) LIST\n"))).toContain("5:13 warning symbol-not-substituted");
    expect(codes(job("RACDCERT ID(A) LIST(LABEL('R&D Server'))\n"))).toEqual([]);
  });

  it("does not echo a 20 MB token in full", () => {
    const huge = "X".repeat(20_000_000);
    // A plain deck keeps the whole line; the user id check quotes the token.
    const r = lintJcl(`RACDCERT ID(${huge}) ADDRING(R)\n${REFRESH}`, "d.txt");
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) expect(i.message.length).toBeLessThanOrEqual(2100);
    expect(r.issues.some((i) => /X{200}… \(20000000 characters\)/.test(i.message))).toBe(true);
  });
});

describe("racfring lint-jcl (CLI): output safety", () => {
  it("neutralises control characters in what it prints", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-lint-"));
    const esc = String.fromCharCode(27);
    writeFileSync(
      join(dir, "e.jcl"),
      job(`RACDCERT ID(A${esc}]0;x) ADDRING(R)\nSETROPTS RACLIST(DIGTRING) REFRESH\n`),
    );
    const out: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: () => undefined,
      isTTY: true,
      cwd: dir,
      now: () => new Date(),
    };
    await runCli(["lint-jcl", "e.jcl"], io);
    expect(out.join("")).toMatch(/userid-invalid/);
    expect(out.join("")).not.toContain(esc);
  });
});
