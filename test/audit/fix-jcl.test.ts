import { describe, expect, it } from "vitest";
import { buildFixJcl, commandPhase } from "../../src/audit/fix-jcl.js";
import type { Finding } from "../../src/audit/types.js";
import { joinTsoLines } from "../../src/gen/tso.js";
import { splitInput } from "../../src/racf/jcl.js";
import { parseCommand } from "../../src/racf/parse.js";
import { tokenizeLines } from "../../src/racf/tokenizer.js";
import { AT } from "./builders.js";
import { defectiveReport } from "./sample-report.js";

function systsin(text: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("//SYSTSIN"));
  const end = lines.findIndex((l, i) => i > start && l.startsWith("/*"));
  return lines.slice(start + 1, end);
}

describe("fix job", () => {
  const report = defectiveReport();
  const job = buildFixJcl(report.findings, { at: AT });

  it("contains the fixes of the findings that have commands, each once", () => {
    const expected = new Set(report.findings.flatMap((f) => f.fix?.commands ?? []));
    // The activation's RACLIST loads RDATALIB as it is after every change: no REFRESH after it.
    expect(expected.has("SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)")).toBe(true);
    expected.delete("SETROPTS RACLIST(RDATALIB) REFRESH");
    expect(new Set(job.commands)).toEqual(expected);
    expect(job.commands.length).toBe(expected.size);
    expect(job.commands.filter((c) => c === "SETROPTS RACLIST(DIGTRING) REFRESH").length).toBe(1);
  });

  it("explains RDATALIB activation system-wide above it, and writes no REFRESH of RDATALIB after it (issue 13.11)", () => {
    const data = systsin(job.text);
    const act = data.indexOf("SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)");
    expect(act).toBeGreaterThan(0);
    const above = data
      .slice(Math.max(0, act - 16), act)
      .map((l) =>
        l
          .replace(/^ \/\* /, "")
          .replace(/\*\/$/, "")
          .trim(),
      )
      .join(" ");
    expect(above).toMatch(/CAUTION: activating RDATALIB switches ring-specific checking on for the whole/);
    expect(above).toMatch(/SEARCH CLASS\(RDATALIB\)/);
    expect(data.some((l) => l.startsWith("SETROPTS RACLIST(RDATALIB) REFRESH"))).toBe(false);
  });

  it("orders ALTER before CONNECT before PERMIT before REMOVE, refreshes last", () => {
    // No fix in this report has commands out of phase order, so the whole job is sorted.
    const phases = job.commands.map(commandPhase);
    expect([...phases].sort((a, b) => a - b)).toEqual(phases);
    const idx = (re: RegExp) => job.commands.findIndex((c) => re.test(c));
    expect(idx(/ALTER\(LABEL\('Not Trusted'\)\) TRUST/)).toBeGreaterThanOrEqual(0);
    expect(idx(/ALTER\(/)).toBeLessThan(idx(/CONNECT\(/));
    expect(idx(/CONNECT\(/)).toBeLessThan(idx(/^PERMIT /));
    expect(idx(/^PERMIT /)).toBeLessThan(idx(/REMOVE\(/));
    expect(job.commands.slice(-1)[0]).toMatch(/^SETROPTS RACLIST\(.*\) REFRESH$/);
    expect(idx(/REFRESH/)).toBeGreaterThan(idx(/REMOVE\(/));
  });

  it("keeps a fix's own order: ALTER TRUST after the GENCERT that renews the certificate", () => {
    const renew = {
      ...(report.findings[0] as Finding),
      rule: "cert-expired",
      fix: {
        summary: "renew",
        commands: [
          "RACDCERT ID(WEBSRV) GENREQ(LABEL('W')) DSN('WEBSRV.REQ')",
          "RACDCERT ID(WEBSRV) GENCERT('WEBSRV.REQ') NOTAFTER(DATE(2027-01-01))",
          "RACDCERT ID(WEBSRV) ALTER(LABEL('W')) TRUST",
        ],
      },
    };
    const other = {
      ...(report.findings[0] as Finding),
      fix: { summary: "trust", commands: ["RACDCERT ID(X) ALTER(LABEL('Y')) TRUST"] },
    };
    const cmds = buildFixJcl([renew, other], { at: AT }).commands;
    expect(cmds).toEqual([
      "RACDCERT ID(X) ALTER(LABEL('Y')) TRUST",
      "RACDCERT ID(WEBSRV) GENREQ(LABEL('W')) DSN('WEBSRV.REQ')",
      "RACDCERT ID(WEBSRV) GENCERT('WEBSRV.REQ') NOTAFTER(DATE(2027-01-01))",
      "RACDCERT ID(WEBSRV) ALTER(LABEL('W')) TRUST",
    ]);
  });

  it("runs the simulator's fix only where a rule confirms it; the rest is a commented suggestion", () => {
    const base = report.findings.find((f) => f.rule === "cert-owner-mismatch") as Finding;
    const confirmed = {
      ...base,
      rule: "app-predicted-failure",
      fix: { summary: "s", commands: [...(base.fix?.commands ?? [])] },
    };
    const renew = {
      ...base,
      rule: "app-predicted-failure",
      subject: { kind: "application" as const, id: "WEBSRV@WEBSRV/WebRing" },
      fix: { summary: "renew", commands: ["RACDCERT ID(WEBSRV) GENREQ(LABEL('W')) DSN('WEBSRV.REQ')"] },
    };
    const job = buildFixJcl([base, confirmed, renew], { at: AT });
    expect(job.commands).toEqual((base.fix?.commands ?? []).map((c) => c.replace(/\s+/g, " ")));
    expect(job.suggested).toEqual(["RACDCERT ID(WEBSRV) GENREQ(LABEL('W')) DSN('WEBSRV.REQ')"]);
    const data = systsin(job.text);
    const genreq = data.findIndex((l) => l.includes("GENREQ"));
    expect(data[genreq]).toMatch(/^ \/\* {3}RACDCERT ID\(WEBSRV\) GENREQ/);
    const before = data.slice(0, genreq).join("\n");
    expect(before).toMatch(/Suggested by 3\. app-predicted-failure/);
    expect(before.lastIndexOf("Suggested by")).toBeGreaterThan(before.lastIndexOf("SETROPTS"));
    expect(job.text).toMatch(/3\. ERROR app-predicted-failure WEBSRV@WEBSRV\/WebRing \(suggestion/);
    // The confirmed command is credited to both findings.
    expect(job.text).toMatch(/fixes 1\. cert-owner-mismatch, 2\. app-predicted-failure/);
  });

  it("is valid JCL: lines within column 71, instream data never starts with /* or //", () => {
    const lines = job.text.trimEnd().split("\n");
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(71);
    expect(lines[0]).toMatch(/^\/\/RACFFIX {2}JOB /);
    for (const l of systsin(job.text)) expect(l.startsWith("/*") || l.startsWith("//"), l).toBe(false);
    expect(lines[lines.length - 1]).toBe("/*");
  });

  it("reads back, through TSO's continuation rules, as exactly the planned commands", () => {
    const data = systsin(job.text).filter((l) => !l.startsWith(" /*"));
    // `-` keeps the next line's leading blanks: extra blanks between operands are harmless.
    expect(joinTsoLines(data).map((c) => c.replace(/\s+/g, " "))).toEqual(job.commands);
  });

  it("parses cleanly with the RACF command reader, comments included", () => {
    const split = splitInput(job.text);
    expect(split.issues.filter((i) => i.severity === "error")).toEqual([]);
    const lines = split.blocks.flatMap((b) => b.lines);
    const { commands, issues } = tokenizeLines(lines);
    expect(issues).toEqual([]);
    const verbs = commands.map((c) => parseCommand(c).command?.verb);
    expect(verbs.length).toBe(job.commands.length);
    expect(verbs.every((v) => v !== undefined)).toBe(true);
  });

  it("comments each command with the finding(s) it fixes, and lists manual steps in the header", () => {
    const data = systsin(job.text);
    const firstCmd = data.findIndex((l) => !l.startsWith(" /*"));
    expect(data[firstCmd - 1]).toMatch(/^ \/\* fixes \d+\. [a-z-]+/);
    expect(job.manual.length).toBeGreaterThan(0);
    expect(job.text).toContain("//* Manual steps");
    expect(job.text).not.toContain("undefined");
  });
});
