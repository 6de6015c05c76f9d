/**
 * The JSON report: `{ findings, applications, notEvaluated, summary, assumptions }` (issue 5).
 * Stable field order; rule metadata is left to SARIF and `--format sarif`.
 */
import type { AuditReport } from "../types.js";

export function formatJson(report: AuditReport): string {
  const { findings, applications, notEvaluated, summary, assumptions } = report;
  return `${JSON.stringify({ findings, applications, notEvaluated, summary, assumptions }, null, 2)}\n`;
}
