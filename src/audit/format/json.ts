/**
 * The JSON report: `{ findings, applications, notEvaluated, summary, assumptions, inputIssues }`
 * (issue 5). Stable field order; rule metadata is left to SARIF and `--format sarif`.
 * `inputIssues` are the readers' issues: with an error among them the model is incomplete.
 */
import type { AuditReport } from "../types.js";
import { jsonChunks } from "./json-stream.js";

const STREAMED = new Set(["findings", "applications", "notEvaluated", "inputIssues"]);

/** The report as chunks (written as a stream: its size grows with the findings). */
export function* formatJsonChunks(report: AuditReport): Generator<string> {
  const { findings, applications, notEvaluated, summary, assumptions, inputIssues } = report;
  // kind and version: the envelope every racfring --json document starts with (src/cli/output.ts,
  // schemas/audit.schema.json).
  yield* jsonChunks(
    {
      kind: "racfring.audit",
      version: 1,
      findings,
      applications,
      notEvaluated,
      summary,
      assumptions,
      inputIssues,
    },
    STREAMED,
  );
  yield "\n";
}

export function formatJson(report: AuditReport): string {
  return [...formatJsonChunks(report)].join("");
}
