import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsImport from "ajv-formats";
import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/audit/format/json.js";
import { formatMarkdown } from "../../src/audit/format/markdown.js";
import { neutralise, truncate } from "../../src/audit/format/safe-text.js";
import { artifactUri, formatSarif, toSarif } from "../../src/audit/format/sarif.js";
import { formatText } from "../../src/audit/format/text.js";
import { defectiveReport } from "./sample-report.js";

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

/**
 * The SARIF 2.1.0 schema shipped with @microsoft/jest-sarif is draft-04 (`id`, draft-04
 * `$schema`); it uses no draft-04-only keyword, so Ajv (draft-07) validates it once `id`
 * becomes `$id`.
 */
function sarifValidator() {
  const path = join(
    import.meta.dirname,
    "../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json",
  );
  const schema = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("SARIF output", () => {
  const report = defectiveReport();
  const sarif = JSON.parse(formatSarif(report, "0.1.0")) as {
    runs: {
      tool: { driver: { rules: { id: string; help: { text: string } }[] } };
      results: Record<string, unknown>[];
    }[];
  };

  it("validates against the SARIF 2.1.0 schema", () => {
    const validate = sarifValidator();
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("stays valid with findings without evidence and file names that need escaping", () => {
    const r = defectiveReport();
    const [first, second] = r.findings;
    if (first) first.evidence = [];
    if (second) second.evidence = [{ file: "my jobs\\ring setup.jcl", line: 0 }];
    const validate = sarifValidator();
    const log = toSarif(r, "0.1.0") as { runs: { results: { locations: unknown[] }[] }[] };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]?.results[1]?.locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: "my%20jobs/ring%20setup.jcl" } },
    });
    expect(log.runs[0]?.results[0]?.locations[0]).toHaveProperty("logicalLocations");
  });

  it("the validator rejects a broken log (the schema check can fail)", () => {
    const validate = sarifValidator();
    const broken = structuredClone(sarif) as unknown as { runs: { results: { level: string }[] }[] };
    const first = broken.runs[0]?.results[0];
    if (first) first.level = "fatal";
    expect(validate(broken)).toBe(false);
  });

  it("lists every rule that ran with help, and one result per finding with ruleId and location", () => {
    const run = sarif.runs[0];
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(report.rules.map((r) => r.id));
    expect(run?.tool.driver.rules.every((r) => r.help.text.includes("Source:"))).toBe(true);
    expect(run?.results.length).toBe(report.findings.length);
    const mismatch = run?.results.find((r) => r.ruleId === "cert-owner-mismatch") as
      | {
          level: string;
          locations: {
            physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }
      | undefined;
    expect(mismatch?.level).toBe("error");
    expect(mismatch?.locations[0]?.physicalLocation?.artifactLocation.uri).toBe("site.jcl");
    expect(mismatch?.locations[0]?.physicalLocation?.region.startLine).toBeGreaterThan(0);
  });

  it("maps info to note", () => {
    const r = defectiveReport();
    const first = r.findings[0];
    if (first) first.severity = "info";
    const s = toSarif(r, "0.1.0") as { runs: { results: { level: string }[] }[] };
    expect(s.runs[0]?.results[0]?.level).toBe("note");
  });
});

describe("JSON output", () => {
  it("has findings, applications, notEvaluated and summary in the issue's shape", () => {
    const report = defectiveReport();
    const json = JSON.parse(formatJson(report)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      "kind",
      "version",
      "findings",
      "applications",
      "notEvaluated",
      "summary",
      "assumptions",
      "inputIssues",
    ]);
    const f = (json.findings as Record<string, unknown>[])[0] ?? {};
    for (const k of ["rule", "severity", "subject", "message", "evidence", "fix"])
      expect(f).toHaveProperty(k);
    const a = (json.applications as Record<string, unknown>[])[0] ?? {};
    for (const k of ["user", "keyring", "rc"]) expect(a).toHaveProperty(k);
    expect(json.summary).toMatchObject({ errors: report.summary.errors, warnings: report.summary.warnings });
  });
});

describe("text output", () => {
  const report = defectiveReport();

  it("groups findings by ring and ends with the counts", () => {
    const text = formatText(report, { colour: false });
    expect(text).toContain("Ring FTPD/FTPRing");
    expect(text).toContain("Ring WEBSRV/WebRing");
    expect(text.indexOf("Ring FTPD/FTPRing")).toBeLessThan(text.indexOf("Ring WEBSRV/WebRing"));
    const last = text.trimEnd().split("\n").pop() ?? "";
    expect(last).toMatch(
      new RegExp(`^${report.summary.errors} error\\(s\\), ${report.summary.warnings} warning\\(s\\)`),
    );
  });

  it("uses ANSI colours only when asked", () => {
    const esc = String.fromCharCode(27);
    expect(formatText(report, { colour: false })).not.toContain(esc);
    expect(formatText(report, { colour: true })).toContain(`${esc}[31m`);
  });
});

describe("markdown output", () => {
  it("has one table per ring and escapes pipes", () => {
    const report = defectiveReport();
    const first = report.findings[0];
    if (first) first.message = "a | b";
    const md = formatMarkdown(report);
    expect(md).toContain("## Ring `FTPD/FTPRing`");
    expect(md).toContain("| Severity | Rule | Subject | Finding | Evidence | Fix |");
    expect(md).toContain("a \\| b");
  });
});

const ISSUE = {
  file: "my setup#1.jcl",
  line: 4,
  column: 24,
  code: "unbalanced-paren",
  severity: "error" as const,
  message: "missing parenthesis",
};

describe("input issues in the reports", () => {
  it("JSON carries them", () => {
    const r = defectiveReport();
    r.inputIssues = [ISSUE];
    expect((JSON.parse(formatJson(r)) as { inputIssues: unknown }).inputIssues).toEqual([ISSUE]);
  });

  it("SARIF: tool execution notifications with a location; the run is not successful; still schema-valid", () => {
    const r = defectiveReport();
    r.inputIssues = [ISSUE, { ...ISSUE, file: "", line: 0, severity: "warning", code: "unload-empty" }];
    const log = toSarif(r, "0.1.0") as {
      runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[] }[];
    };
    const inv = log.runs[0]?.invocations[0];
    expect(inv?.executionSuccessful).toBe(false);
    expect(inv?.toolExecutionNotifications[0]).toEqual({
      level: "error",
      message: { text: "missing parenthesis" },
      descriptor: { id: "unbalanced-paren" },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "my%20setup%231.jcl" },
            region: { startLine: 4, startColumn: 24 },
          },
        },
      ],
    });
    expect(inv?.toolExecutionNotifications[1]).not.toHaveProperty("locations");
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it("SARIF: no input error, successful run", () => {
    const log = toSarif(defectiveReport(), "0.1.0") as {
      runs: { invocations: { executionSuccessful: boolean }[] }[];
    };
    expect(log.runs[0]?.invocations[0]?.executionSuccessful).toBe(true);
  });

  it("text and markdown say the model is incomplete instead of a bare all-clear", () => {
    const r = defectiveReport();
    r.findings = [];
    r.inputIssues = [ISSUE];
    const text = formatText(r, { colour: false });
    expect(text).not.toContain("No findings.");
    expect(text).toContain("my setup#1.jcl:4:24: error [unbalanced-paren] missing parenthesis");
    expect(formatMarkdown(r)).toContain("1 input error(s): the model is incomplete");
  });
});

describe("SARIF artifact URIs", () => {
  it.each([
    ["my setup#1.jcl", "my%20setup%231.jcl"],
    ["jobs\\a?b%c.jcl", "jobs/a%3Fb%25c.jcl"],
    ["C:\\jobs\\x y.jcl", "file:///C:/jobs/x%20y.jcl"],
    ["/u/adm/set#up.jcl", "file:///u/adm/set%23up.jcl"],
    ["a:b.jcl", "a%3Ab.jcl"],
  ])("%s -> %s", (file, uri) => {
    expect(artifactUri(file)).toBe(uri);
  });

  it("a file named 'my setup#1.jcl' in a finding's location", () => {
    const r = defectiveReport();
    const first = r.findings[0];
    if (first) first.evidence = [{ file: "my setup#1.jcl", line: 3 }];
    const log = toSarif(r, "0.1.0") as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "my%20setup%231.jcl",
    );
  });
});

describe("markdown escaping", () => {
  const hostile = "<img src=x onerror=alert(1)> `tick` a|b *star* _u_ [l](http://x) ~s~";

  function hostileReport() {
    const r = defectiveReport();
    for (const f of r.findings) {
      f.message = hostile;
      f.subject = { ...f.subject, id: hostile };
      f.ring = `WEBSRV/${hostile}`;
      if (f.fix) f.fix = { summary: hostile, commands: [`RACDCERT LABEL('${hostile}') \`\`x`] };
    }
    for (const a of r.applications) {
      a.label = hostile;
      a.keyring = hostile;
    }
    r.assumptions = [hostile];
    return r;
  }

  /** Cell separators: `|` not preceded by a backslash. */
  function cells(row: string): number {
    return (row.match(/(?<!\\)\|/g) ?? []).length - 1;
  }

  /** The text outside code spans (inside them everything is literal, CommonMark §6.1). */
  function outsideCode(md: string): string {
    return md.replace(/(?<![`\\])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, "");
  }

  it("never lets input text become HTML, emphasis, links or extra cells", () => {
    const md = formatMarkdown(hostileReport());
    expect(outsideCode(md)).toContain("\\<img");
    expect(outsideCode(md)).not.toMatch(/(?<!\\)<img/);
    expect(outsideCode(md)).not.toMatch(/(?<!\\)\*star/);
    expect(outsideCode(md)).not.toMatch(/(?<!\\)\[l\]/);
    for (const row of md.split("\n").filter((l) => l.startsWith("| "))) expect(cells(row)).toBe(6);
    expect(md).toContain("\\<img src=x onerror=alert(1)\\>");
  });

  it("code spans use a fence longer than any backtick run inside", () => {
    const md = formatMarkdown(hostileReport());
    expect(md).toContain("<br>```RACDCERT LABEL('<img src=x onerror=alert(1)> `tick` a\\|b");
    expect(md).toMatch(/## Ring ``WEBSRV\/<img .*~s~``$/m);
  });
});

describe("control characters in text output", () => {
  const esc = String.fromCharCode(27);
  const bel = String.fromCharCode(7);
  const csi = String.fromCharCode(0x9b);

  it("neutralise makes C0/C1 controls visible, keeps newline and tab", () => {
    expect(neutralise(`a${esc}]0;x${bel}b\tc\nd${csi}2J`)).toBe("a\\x1b]0;x\\x07b\tc\nd\\x9b2J");
    expect(neutralise("a\u202eb")).toBe("a\\u202eb");
  });

  it("a hostile label cannot drive the terminal; the report's own colours stay", () => {
    const r = defectiveReport();
    for (const f of r.findings) f.message = `x${esc}[2J${esc}]0;pwned${bel}y`;
    for (const a of r.applications) a.label = `L${esc}[31m`;
    r.inputIssues = [{ ...ISSUE, message: `bad${esc}[1A` }];
    const plain = formatText(r, { colour: false });
    expect(plain).not.toContain(esc);
    expect(plain).not.toContain(bel);
    expect(plain).toContain("x\\x1b[2J\\x1b]0;pwned\\x07y");
    const coloured = formatText(r, { colour: true });
    expect(coloured).toContain(`${esc}[31m`);
    expect(coloured).not.toContain(`${esc}[2J`);
    expect(coloured).not.toContain(`L${esc}`);
  });

  it("truncate cuts long tokens and says how long they were", () => {
    expect(truncate("x".repeat(500))).toBe(`${"x".repeat(200)}… (500 characters)`);
    expect(truncate("short")).toBe("short");
  });
});
