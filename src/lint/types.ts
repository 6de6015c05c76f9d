import { formatIssue } from "../model/format-issue.js";
import type { Severity } from "../model/types.js";

/** One finding of lint-jcl, located in the checked file. */
export interface LintIssue {
  file: string;
  line: number;
  /** 1-based; 1 when the problem concerns the whole line. */
  column: number;
  severity: Severity;
  /** Stable code, e.g. `missing-continuation`, `label-too-long`, `missing-refresh`. */
  code: string;
  message: string;
}

export interface LintResult {
  file: string;
  issues: LintIssue[];
  errors: number;
  warnings: number;
}

/** `file:line:col: severity [code] message`, the form every command prints input issues in. */
export function formatLintIssue(i: LintIssue): string {
  return formatIssue(i);
}
