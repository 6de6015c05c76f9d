import type { Severity } from "./types.js";

/** Anything located in an input: a reader's issue, a lint finding, a policy problem. */
export interface LocatedIssue {
  file: string;
  line: number;
  column?: number;
  severity: Severity;
  code: string;
  message: string;
}

/**
 * The one form every command prints an input issue in (issue 13), the form compilers use, so
 * editors and `grep` jump to it: `file:line:col: severity [code] message`. The column is left
 * out when the problem concerns a whole line, the line when it concerns the whole file.
 */
export function formatIssue(i: LocatedIssue): string {
  const where = i.line > 0 ? `${i.file}:${i.line}${i.column ? `:${i.column}` : ""}` : i.file;
  return `${where}: ${i.severity} [${i.code}] ${i.message}`;
}
