/**
 * SARIF 2.1.0 output (OASIS "Static Analysis Results Interchange Format" 2.1.0), for code
 * scanning dashboards: rules in tool.driver.rules, one result per finding with a physical
 * location (input file and line) when the evidence has one, a logical location (the RACF
 * object) always.
 */
import { pathToFileURL } from "node:url";
import type { Severity } from "../../model/types.js";
import type { AuditReport } from "../types.js";
import { jsonChunks } from "./json-stream.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  info: "note",
};

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/**
 * artifactLocation.uri is a URI reference (SARIF 2.1.0 §3.4.3, RFC 3986), not a path: `#`
 * would start a fragment, `?` a query, `%` an escape, and `a:b` would look like a scheme.
 * Absolute paths become file: URIs; relative ones stay relative (resolved against the
 * directory the audit ran in) with each segment percent-encoded. Backslashes separate
 * segments, as in a Windows path.
 */
export function artifactUri(file: string): string {
  const path = file.split("\\").join("/");
  const drive = /^([A-Za-z]):\//.exec(path);
  if (drive) {
    const rest = path.slice(3).split("/").map(encodeURIComponent).join("/");
    return `file:///${drive[1]}:/${rest}`;
  }
  if (path.startsWith("/")) return pathToFileURL(path).href;
  return path.split("/").map(encodeURIComponent).join("/");
}

export function toSarif(report: AuditReport, version: string): object {
  const index = new Map(report.rules.map((r, i) => [r.id, i]));
  const results = report.findings.map((f) => {
    const physical = f.evidence.map((e) => ({
      physicalLocation: {
        artifactLocation: { uri: artifactUri(e.file) },
        ...(e.line > 0 ? { region: { startLine: e.line } } : {}),
      },
    }));
    const logical = [
      { name: f.subject.id, kind: f.subject.kind === "profile" ? "resource" : f.subject.kind },
    ];
    const locations =
      physical.length > 0
        ? physical.map((p, i) => (i === 0 ? { ...p, logicalLocations: logical } : p))
        : [{ logicalLocations: logical }];
    const ruleIndex = index.get(f.rule);
    return {
      ruleId: f.rule,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: LEVEL[f.severity],
      message: { text: f.fix ? `${f.message} Fix: ${f.fix.summary}` : f.message },
      locations,
      partialFingerprints: { subject: `${f.rule}|${f.subject.kind}|${f.subject.id}` },
      properties: {
        confidence: f.confidence,
        subject: f.subject,
        ring: f.ring,
        ...(f.fix ? { fixCommands: f.fix.commands } : {}),
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "racfring",
            version,
            rules: report.rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.rationale },
              help: { text: `${r.rationale} Source: ${r.source} (confidence: ${r.confidence}).` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { confidence: r.confidence, source: r.source, requires: r.requires },
            })),
          },
        },
        results,
        invocations: [
          {
            // An input error leaves the model incomplete: the run did not do its job (§3.20.14),
            // and the CLI exits 3.
            executionSuccessful: !report.inputIssues.some((i) => i.severity === "error"),
            // Input problems are conditions of the tool's execution, not results about the
            // analysed RACF set-up: SARIF 2.1.0 §3.20.21 toolExecutionNotifications, each a
            // notification (§3.58) with the input file and line as its location.
            toolExecutionNotifications: [
              ...report.inputIssues.map((i) => ({
                level: LEVEL[i.severity],
                message: { text: i.message },
                descriptor: { id: i.code },
                ...(i.file === ""
                  ? {}
                  : {
                      locations: [
                        {
                          physicalLocation: {
                            artifactLocation: { uri: artifactUri(i.file) },
                            ...(i.line > 0
                              ? {
                                  region: {
                                    startLine: i.line,
                                    ...(i.column && i.column > 0 ? { startColumn: i.column } : {}),
                                  },
                                }
                              : {}),
                          },
                        },
                      ],
                    }),
              })),
              ...report.notEvaluated.map((n) => ({
                level: "note",
                message: {
                  text: `${n.rule} not evaluated${n.subject ? ` for ${n.subject.id}` : ""}: ${n.reason}`,
                },
                descriptor: { id: n.rule },
              })),
            ],
          },
        ],
        properties: {
          summary: report.summary,
          applications: report.applications,
          assumptions: report.assumptions,
        },
      },
    ],
  };
}

const SARIF_STREAMED = new Set(["runs", "runs.0", "runs.0.results", "runs.0.invocations"]);

/** SARIF as chunks: results are written one by one, never as one string. */
export function* formatSarifChunks(report: AuditReport, version: string): Generator<string> {
  yield* jsonChunks(toSarif(report, version), SARIF_STREAMED);
  yield "\n";
}

export function formatSarif(report: AuditReport, version: string): string {
  return [...formatSarifChunks(report, version)].join("");
}
