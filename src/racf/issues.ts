import type { Severity } from "../model/types.js";
import { clipMessage } from "../readers/guard.js";

/**
 * A problem found by the splitter, tokenizer or parser. These layers know nothing about files
 * or the model, so an issue carries only its position; `readRacfCommands` (and H4's lint-jcl)
 * add the file name when they report it.
 */
export interface RacfIssue {
  /** 1-based physical line in the input text. */
  line: number;
  /** 1-based column in that line, when the problem has a precise position. */
  column?: number;
  /** Stable machine code, e.g. `unbalanced-quote`, `systsin-missing`. */
  code: string;
  severity: Severity;
  message: string;
}

/**
 * One severity per problem, whichever command reports it (issue 13: a misspelled keyword was a
 * warning in `model` and an error in `lint-jcl`). A problem that makes RACF or TSO reject the
 * command — an unknown or ambiguous keyword (IKJ56702I/IKJ56703I), an unbalanced quote or
 * parenthesis, a record beyond column 72 — is an error: the command does not run as written, so
 * a model built from it may not be the state the job leaves. Codes not listed keep the severity
 * their producer gives.
 */
export const ISSUE_SEVERITY: Readonly<Record<string, Severity>> = {
  "unbalanced-quote": "error",
  "unbalanced-paren": "error",
  "truncated-command": "error",
  "unknown-keyword": "error",
  "pasted-character": "error",
  "ambiguous-keyword": "error",
  "missing-value": "error",
  "beyond-column-72": "error",
  "record-too-long": "error",
  "unterminated-data": "error",
  "comment-ends-data": "error",
  "data-without-dd": "error",
  "jcl-truncated": "error",
  "systsin-missing": "warning",
  "unknown-command": "warning",
  "unexpected-operand": "warning",
  "unexpected-value": "warning",
  "not-racf-command": "info",
};

export function racfIssue(
  line: number,
  code: string,
  message: string,
  severity: Severity = "warning",
  column?: number,
): RacfIssue {
  // Messages never echo more than 200 characters of an input token (a 10 000-character operand).
  const issue: RacfIssue = {
    line,
    code,
    severity: ISSUE_SEVERITY[code] ?? severity,
    message: clipMessage(message),
  };
  if (column !== undefined) issue.column = column;
  return issue;
}
