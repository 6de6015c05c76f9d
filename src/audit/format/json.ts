/**
 * The JSON report: `{ findings, applications, notEvaluated, summary, assumptions, inputIssues }`
 * (issue 5). Stable field order; rule metadata is left to SARIF and `--format sarif`.
 * `inputIssues` are the readers' issues: with an error among them the model is incomplete.
 */
import type { AuditReport } from "../types.js";

export function formatJson(report: AuditReport): string {
  const { findings, applications, notEvaluated, summary, assumptions, inputIssues } = report;
  // kind and version: the envelope every racfring --json document starts with (src/cli/output.ts,
  // schemas/audit.schema.json).
  const doc = {
    kind: "racfring.audit",
    version: 1,
    findings,
    applications,
    notEvaluated,
    summary,
    assumptions,
    inputIssues,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
