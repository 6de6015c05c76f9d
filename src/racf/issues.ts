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

export function racfIssue(
  line: number,
  code: string,
  message: string,
  severity: Severity = "warning",
  column?: number,
): RacfIssue {
  // Messages never echo more than 200 characters of an input token (a 10 000-character operand).
  const issue: RacfIssue = { line, code, severity, message: clipMessage(message) };
  if (column !== undefined) issue.column = column;
  return issue;
}
