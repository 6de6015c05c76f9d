import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsImport from "ajv-formats";
import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/audit/format/json.js";
import { formatMarkdown } from "../../src/audit/format/markdown.js";
import { formatSarif, toSarif } from "../../src/audit/format/sarif.js";
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
    expect(Object.keys(json)).toEqual(["findings", "applications", "notEvaluated", "summary", "assumptions"]);
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
