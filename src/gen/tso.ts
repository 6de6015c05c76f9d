/**
 * Laying out TSO/RACF commands for a batch SYSTSIN (fixed 80-byte records).
 *
 * Rules this formatter follows (rules §6, IBM "SYSTSIN DD statement",
 * https://www.ibm.com/docs/en/zos/3.1.0?topic=execution-systsin-dd-statement, and TSO/E
 * "Continuing a command", KC21 ikjc400/ikjc40013.htm):
 * - every line stays within columns 1–71: column 72 is left blank and 73–80 are the sequence
 *   number field that TSO ignores;
 * - a command continues on the next line when the last non-blank character is `-`; the `-` is
 *   removed and the next line is appended as it is, leading blanks included. We always break
 *   with `-` (never `+`, which would drop the next line's leading blanks — wrong inside a
 *   quoted string);
 * - lines are broken at operand boundaries (a blank outside quotes, at any parenthesis depth)
 *   where possible; a single operand longer than a line (a long quoted label, subject value or
 *   ring name) is split inside itself, and its continuation starts in column 1 so that nothing
 *   is added to the value;
 * - the character before a split inside a value is never a blank (whether TSO keeps blanks in
 *   front of the continuation character is not documented clearly, so we never depend on it);
 * - no line may start with `/*` or `//` in columns 1–2: either ends `DD *` instream data.
 */

import { commandProblem, racfQuote, UnsafeValueError } from "../racf/write.js";

export { UnsafeValueError };
export const TSO_LAST_COLUMN = 71;
const INDENT = "  ";

/** `'text'` with embedded apostrophes doubled (TSO quoted-string rule; the shared writer). */
export const tsoQuote = racfQuote;

/** Split a command at blanks outside quotes; blanks inside parentheses separate sub-operands. */
export function operandTokens(command: string): string[] {
  const tokens: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of command) {
    if (ch === "'") quoted = !quoted;
    if (ch === " " && !quoted) {
      if (cur !== "") tokens.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  if (quoted) throw new UnsafeValueError(`unbalanced quotes in command: ${command.slice(0, 60)}`);
  if (cur !== "") tokens.push(cur);
  return tokens;
}

function startsDelimiter(line: string): boolean {
  return line.startsWith("/*") || line.startsWith("//");
}

/**
 * Split `token` (placed after `prefix`) into pieces that each fit: the first after `prefix`,
 * the others from column 1, every piece except the last followed by `-`.
 */
function splitToken(prefix: string, token: string): string[] {
  const lines: string[] = [];
  let rest = token;
  let head = prefix;
  while (head.length + rest.length > TSO_LAST_COLUMN) {
    // room for the piece and its continuation character
    let cut = TSO_LAST_COLUMN - 1 - head.length;
    // never leave a blank in front of the `-`, never start the next line with /* or //.
    // A doubled apostrophe may be split: TSO removes the `-` and appends the next line before
    // it reads quotes, so `'ab'-` + `'cd'` is `'ab''cd'` (continuation rule above).
    while (cut > 1 && (rest.charAt(cut - 1) === " " || startsDelimiter(rest.slice(cut)))) {
      cut--;
    }
    if (cut <= 1)
      throw new UnsafeValueError(
        `cannot split "${token.slice(0, 40)}..." safely within column ${TSO_LAST_COLUMN}`,
      );
    lines.push(`${head}${rest.slice(0, cut)}-`);
    rest = rest.slice(cut);
    head = "";
  }
  lines.push(head + rest);
  return lines;
}

/**
 * Lay out one command as SYSTSIN lines within column 71, continuing with `-`.
 * Throws UnsafeValueError when the command cannot be written safely.
 */
export function formatTsoCommand(command: string): string[] {
  const problem = commandProblem(command);
  if (problem) throw new UnsafeValueError(`command ${problem}`);
  const tokens = operandTokens(command);
  if (tokens.length === 0) return [];
  const out: string[] = [];
  let line = "";
  for (const tok of tokens) {
    if (line === "") {
      // first token of the command, at column 1
      if (tok.length <= TSO_LAST_COLUMN - 2) line = tok;
      else {
        const pieces = splitToken("", tok);
        out.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? "";
      }
      continue;
    }
    // Does it fit on the current line, leaving room for " -" should another token follow?
    if (line.length + 1 + tok.length <= TSO_LAST_COLUMN - 2) {
      line += ` ${tok}`;
      continue;
    }
    out.push(`${line} -`);
    if (INDENT.length + tok.length <= TSO_LAST_COLUMN - 2) {
      line = INDENT + tok;
    } else {
      const pieces = splitToken(INDENT, tok);
      out.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? "";
    }
  }
  out.push(line);
  const last = out[out.length - 1] ?? "";
  if (/[-+]\s*$/.test(last)) {
    throw new UnsafeValueError(
      `command would end in "${last.trim().slice(-1)}", which TSO takes as a continuation`,
    );
  }
  for (const l of out) {
    if (l.length > TSO_LAST_COLUMN)
      throw new UnsafeValueError(`line longer than ${TSO_LAST_COLUMN} columns: ${l}`);
    if (startsDelimiter(l))
      throw new UnsafeValueError(`a line would start with "${l.slice(0, 2)}", which ends instream data`);
  }
  return out;
}

/**
 * A command as it would be written in a deck, for text reports (issue 13: a fix shown on one
 * 150-character line could not be pasted into a job). A command that cannot be laid out safely
 * is shown as it is: a report must still show it, and the generators refuse it on their own.
 */
export function deckLines(command: string): string[] {
  try {
    const lines = formatTsoCommand(command);
    return lines.length > 0 ? lines : [command];
  } catch (e) {
    if (e instanceof UnsafeValueError) return [command];
    throw e;
  }
}

/**
 * Join SYSTSIN lines back into commands the way TSO does (used by tests and by the generator's
 * own self-check): a trailing `-` continues with the next line as is, a trailing `+` continues
 * with its leading blanks removed.
 */
export function joinTsoLines(lines: readonly string[]): string[] {
  const commands: string[] = [];
  let cur: string | null = null;
  let dropBlanks = false;
  for (const raw of lines) {
    let line = raw.slice(0, 72).replace(/\s+$/, "");
    if (cur !== null && dropBlanks) line = line.replace(/^\s+/, "");
    const text: string = (cur ?? "") + line;
    const last = text.slice(-1);
    if (last === "-" || last === "+") {
      cur = text.slice(0, -1);
      dropBlanks = last === "+";
      continue;
    }
    if (text.trim() !== "") commands.push(text);
    cur = null;
  }
  if (cur !== null && cur.trim() !== "") commands.push(cur);
  return commands;
}
