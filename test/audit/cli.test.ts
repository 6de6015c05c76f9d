import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/audit/rules/index.js";
import { runCli } from "../../src/cli/main.js";
import { lintJcl } from "../../src/lint/lint.js";
import { captureIo } from "./io.js";

const UNLOAD = "test/audit/fixtures/irrdbu00_SYNTHETIC_certs_rings.txt";
const SITE = [
  "--jcl",
  "samples/site/setup.jcl",
  "--dataset",
  "SECADM.PARTNER.CA.PEM=samples/site/partner-ca.pem",
  "--policy",
  "samples/site/pagent.conf",
];

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "racfring-audit-"));
}

describe("racfring audit: exit codes", () => {
  it("1 when findings reach --fail-on (default error), 0 when they do not", async () => {
    expect(await runCli(["audit", ...SITE], captureIo().io)).toBe(1);
    // Only the warning-level rules: findings exist, none is an error.
    const c = captureIo();
    expect(
      await runCli(["audit", ...SITE, "--rule", "weak-key", "--rule", "export-password-in-jcl"], c.io),
    ).toBe(0);
    expect(c.out.join("")).toMatch(/0 error\(s\), 2 warning\(s\)/);
    expect(
      await runCli(["audit", ...SITE, "--rule", "weak-key", "--fail-on", "warning"], captureIo().io),
    ).toBe(1);
  });

  it("--skip wins over --rule", async () => {
    const c = captureIo();
    expect(
      await runCli(
        [
          "audit",
          ...SITE,
          "--rule",
          "weak-key",
          "--rule",
          "empty-ring",
          "--skip",
          "weak-key",
          "--format",
          "json",
        ],
        c.io,
      ),
    ).toBe(0);
    expect(JSON.parse(c.out.join("")).summary.rules).toBe(1);
  });

  it("2 when --skip removes every rule (a run of 0 rules would be a false all-clear)", async () => {
    const c = captureIo();
    expect(await runCli(["audit", ...SITE, "--rule", "weak-key", "--skip", "weak-key"], c.io)).toBe(2);
    expect(c.err.join("")).toMatch(/--skip removes every rule --rule selected/);
    expect(c.out).toEqual([]);
    const all = RULES.flatMap((r) => ["--skip", r.meta.id]);
    expect(await runCli(["audit", ...SITE, ...all], captureIo().io)).toBe(2);
  });

  it("2 for --list-rules --format sarif (only text, markdown or json)", async () => {
    const c = captureIo();
    expect(await runCli(["audit", "--list-rules", "--format", "sarif"], c.io)).toBe(2);
    expect(c.err.join("")).toMatch(/--list-rules prints text, markdown or json/);
    expect(c.out).toEqual([]);
  });

  it("2 when -o and --fix-jcl name the same file, before anything is written", async () => {
    const dir = tmp();
    for (const force of [[], ["--force"]]) {
      const c = captureIo({ cwd: dir });
      expect(
        await runCli(
          [
            "audit",
            "--unload",
            join(process.cwd(), UNLOAD),
            "-o",
            "x.txt",
            "--fix-jcl",
            `${dir}/./x.txt`,
            ...force,
          ],
          c.io,
        ),
      ).toBe(2);
      expect(c.err.join("")).toMatch(/-o and --fix-jcl name the same file/);
      expect(() => statSync(join(dir, "x.txt"))).toThrow();
    }
  });

  it.each([
    [["--rule", "no-such-rule"], /unknown rule id "no-such-rule"/],
    [["--skip", "nope"], /unknown rule id "nope"/],
    [["--format", "xml"], /--format must be one of text, json, sarif, markdown/],
    [["--fail-on", "fatal"], /--fail-on must be error, warning or info/],
    [["--expiry-days", "soon"], /--expiry-days expects a whole number/],
    [["--at", "yesterday"], /--at expects YYYY-MM-DD/],
    [["--app", "TCPIP"], /--app TCPIP: expected USER=\[OWNER\/\]RING\[:LABEL\]/],
    [["--app", "TOOLONGUSER=R"], /not a valid user id/],
  ])("2 on usage error %j", async (extra, message) => {
    const c = captureIo();
    expect(await runCli(["audit", "--unload", UNLOAD, ...(extra as string[])], c.io)).toBe(2);
    expect(c.err.join("")).toMatch(message as RegExp);
    expect(c.out).toEqual([]);
  });

  it("2 without any input", async () => {
    const c = captureIo();
    expect(await runCli(["audit"], c.io)).toBe(2);
    expect(c.err.join("")).toMatch(/give at least one input/);
  });

  it("3 when an input cannot be read, naming it", async () => {
    const c = captureIo();
    expect(await runCli(["audit", "--jcl", "no/such.jcl"], c.io)).toBe(3);
    expect(c.err.join("")).toMatch(/no\/such\.jcl: cannot read input \(no such file\)/);
  });

  it("3 (after writing the report) when an input has errors, with the issues in every format", async () => {
    const dir = tmp();
    const jcl = join(dir, "quote.jcl");
    writeFileSync(jcl, "//J JOB\n//S EXEC PGM=IKJEFT01\n//SYSTSIN DD *\n RACDCERT ID(A) ADDRING(R\n/*\n");
    const c = captureIo();
    expect(await runCli(["audit", "--jcl", jcl], c.io)).toBe(3);
    expect(c.out.join("")).not.toContain("No findings.");
    expect(c.out.join("")).toMatch(/Input issues \(1, 1 error\(s\)/);
    // the text report on stdout lists the issue; stderr does not repeat it
    expect(c.out.join("")).toMatch(/quote\.jcl:4:\d+: error \[unbalanced-paren\]/);
    expect(c.err.join("")).not.toMatch(/unbalanced-paren/);
    const json = captureIo();
    expect(await runCli(["audit", "--jcl", jcl, "--format", "json"], json.io)).toBe(3);
    expect(json.err.join("")).toMatch(
      /1 input issue\(s\), 1 error\(s\)\.\n.*quote\.jcl:4:\d+: error \[unbalanced-paren\]/,
    );
    expect(JSON.parse(json.out.join("")).inputIssues).toMatchObject([{ line: 4, code: "unbalanced-paren" }]);
    const sarif = captureIo();
    expect(await runCli(["audit", "--jcl", jcl, "--format", "sarif"], sarif.io)).toBe(3);
    const inv = JSON.parse(sarif.out.join("")).runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications[0]).toMatchObject({
      level: "error",
      descriptor: { id: "unbalanced-paren" },
    });
    const out = join(dir, "report.md");
    expect(await runCli(["audit", "--jcl", jcl, "--format", "markdown", "-o", out], captureIo().io)).toBe(3);
    expect(readFileSync(out, "utf8")).toContain("## Input issues");
  });

  it("says how many input issues it shows", async () => {
    const dir = tmp();
    const jcl = join(dir, "many.jcl");
    // One error (unclosed parenthesis) and warnings (unknown keyword values are lenient).
    const lines = ["//J JOB", "//S EXEC PGM=IKJEFT01", "//SYSTSIN DD *"];
    for (let i = 0; i < 12; i++) lines.push(` RACDCERT ID(A) ADDRING(R${i}`);
    lines.push("/*");
    writeFileSync(jcl, `${lines.join("\n")}\n`);
    const c = captureIo();
    // a report that is not on the terminal (JSON): stderr lists the issues
    expect(await runCli(["audit", "--jcl", jcl, "--json"], c.io)).toBe(3);
    const err = c.err.join("");
    const head = /(\d+) input issue\(s\), (\d+) error\(s\); (\d+) shown below/.exec(err);
    expect(head).not.toBeNull();
    const shown = err.split("\n").filter((l) => l.startsWith("  ")).length;
    // twelve unclosed parentheses: twelve errors, of which the first ten are shown — the
    // expected counts are the deck's, not whatever happened to be printed (0 = 0 would pass)
    expect(Number(head?.[2])).toBe(12);
    expect(Number(head?.[3])).toBe(10);
    expect(shown).toBe(10);
  });

  it("3 when -o would overwrite a file without --force; --force replaces it", async () => {
    const dir = tmp();
    const out = join(dir, "report.txt");
    writeFileSync(out, "keep me");
    const c = captureIo({ cwd: process.cwd() });
    expect(await runCli(["audit", "--unload", UNLOAD, "-o", out], c.io)).toBe(3);
    expect(c.err.join("")).toMatch(/already exists; use --force/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(
      await runCli(["audit", "--unload", UNLOAD, "-o", out, "--force", "--at", "2026-01-01"], captureIo().io),
    ).toBe(1);
    expect(readFileSync(out, "utf8")).toMatch(/^racfring audit at 2026-01-01/);
  });

  it("--list-rules prints every rule with severity, confidence and source, without inputs", async () => {
    const c = captureIo();
    expect(await runCli(["audit", "--list-rules"], c.io)).toBe(0);
    const text = c.out.join("");
    expect(text).toMatch(/^app-predicted-failure {2}\[error, ibm\]/m);
    expect(text).toMatch(/^cert-notrust-on-ring {2}\[warning, ibm\]/m);
    expect(text).toMatch(/^ring-owner-locked-out {2}\[error, third-party\]/m);
    expect(text.match(/^ {2}Source: /gm)?.length).toBe(RULES.length);
  });

  it("--help documents options, rules and exit codes", async () => {
    const c = captureIo();
    expect(await runCli(["audit", "--help"], c.io)).toBe(0);
    const help = c.out.join("");
    for (const s of ["--fix-jcl", "--fail-on", "--app", "cert-owner-mismatch", "Exit codes:", "Examples:"])
      expect(help).toContain(s);
  });
});

describe("racfring audit: output", () => {
  it("colours only on a TTY", async () => {
    const esc = String.fromCharCode(27);
    const tty = captureIo({ isTTY: true });
    await runCli(["audit", "--unload", UNLOAD], tty.io);
    expect(tty.out.join("")).toContain(`${esc}[31m`);
    const pipe = captureIo();
    await runCli(["audit", "--unload", UNLOAD], pipe.io);
    expect(pipe.out.join("")).not.toContain(esc);
  });

  it("SARIF through the CLI names the input file and line", async () => {
    const c = captureIo();
    await runCli(["audit", ...SITE, "--format", "sarif"], c.io);
    const sarif = JSON.parse(c.out.join("")) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } };
          }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe("2.1.0");
    const pw = sarif.runs[0]?.results.find((r) => r.ruleId === "export-password-in-jcl");
    expect(pw?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: "samples/site/setup.jcl" },
      region: { startLine: 96 },
    });
  });

  it("markdown report", async () => {
    const c = captureIo();
    await runCli(["audit", ...SITE, "--format", "markdown"], c.io);
    expect(c.out.join("")).toMatch(/^# racfring audit/);
    expect(c.out.join("")).toContain("## Ring `FTPD/FTPRing`");
  });

  it("never prints the export password", async () => {
    for (const format of ["text", "json", "sarif", "markdown"]) {
      const c = captureIo();
      await runCli(["audit", ...SITE, "--format", format], c.io);
      expect(c.out.join("") + c.err.join("")).not.toContain("Summer2026");
    }
  });
});

describe("racfring audit --fix-jcl", () => {
  it("writes a job that lint-jcl accepts, with the FTP fix in a safe order", async () => {
    const dir = tmp();
    const file = join(dir, "fix.jcl");
    const c = captureIo();
    expect(await runCli(["audit", ...SITE, "--fix-jcl", file], c.io)).toBe(1);
    expect(c.err.join("")).toMatch(/fix job written to .*fix\.jcl \(\d+ command\(s\)/);
    const job = readFileSync(file, "utf8");
    const lint = lintJcl(job, "fix.jcl");
    expect(lint.issues.filter((i) => i.severity === "error")).toEqual([]);
    const rdefine = job.indexOf("RDEFINE RDATALIB FTPD.FTPRING.LST UACC(NONE)");
    const permit = job.indexOf("PERMIT FTPD.FTPRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)");
    const refresh = job.indexOf("SETROPTS RACLIST(RDATALIB) REFRESH");
    expect(rdefine).toBeGreaterThan(0);
    expect(rdefine).toBeLessThan(permit);
    expect(permit).toBeLessThan(refresh);
    expect(job).not.toContain("Summer2026");
    expect(statSync(file).mode & 0o777).toBe(0o644);
    // …and `racfring lint-jcl` itself accepts it.
    const lintRun = captureIo();
    expect(await runCli(["lint-jcl", file], lintRun.io)).toBe(0);
    expect(lintRun.out.join("") + lintRun.err.join("")).toMatch(/0 error\(s\)/);
  });

  it("the unload's fix job removes the dead NOTRUST certificate and permits IZUSVR, lint-clean", async () => {
    const dir = tmp();
    const file = join(dir, "fix.jcl");
    await runCli(["audit", "--unload", UNLOAD, "--at", "2026-01-01", "--fix-jcl", file], captureIo().io);
    const job = readFileSync(file, "utf8");
    expect(lintJcl(job, "fix.jcl").issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(job).toContain(
      "RACDCERT ID(WEBSRV) REMOVE(ID(APPUSR) LABEL('AppServerCert') -\n  RING('WebRing'))",
    );
    expect(job).toContain("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(IZUSVR) ACCESS(READ)");
    expect(job.indexOf("REMOVE(")).toBeLessThan(job.lastIndexOf("SETROPTS RACLIST(DIGTRING) REFRESH"));
  });
});
