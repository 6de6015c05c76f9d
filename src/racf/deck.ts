import type { RacfIssue } from "./issues.js";
import { type SplitResult, splitInput } from "./jcl.js";
import { type ParsedCommand, parseCommand } from "./parse.js";
import { type TsoCommand, tokenizeLines } from "./tokenizer.js";

export interface DeckCommand {
  /** Step name of the SYSTSIN the command came from (null in a plain deck). */
  step: string | null;
  tokens: TsoCommand;
  /** null when the command was skipped (unknown verb, broken quoting…); see the issues. */
  parsed: ParsedCommand | null;
}

export interface ParsedDeck {
  kind: SplitResult["kind"];
  jobUser: string | null;
  commands: DeckCommand[];
  /** Every issue from splitting, tokenizing and parsing, sorted by line. */
  issues: RacfIssue[];
}

/**
 * Split, tokenize and parse a job or deck without applying anything: what a linter needs.
 * Never throws.
 */
export function parseRacfText(text: string): ParsedDeck {
  const split = splitInput(text);
  const issues: RacfIssue[] = [...split.issues];
  const commands: DeckCommand[] = [];
  for (const block of split.blocks) {
    const tokenized = tokenizeLines(block.lines);
    issues.push(...tokenized.issues);
    for (const cmd of tokenized.commands) {
      const parsed = parseCommand(cmd);
      issues.push(...parsed.issues);
      commands.push({ step: block.step, tokens: cmd, parsed: parsed.command });
    }
  }
  // Input order (stable: issues on one line keep the order they were found in).
  issues.sort((a, b) => a.line - b.line);
  return { kind: split.kind, jobUser: split.jobUser, commands, issues };
}
