import { type RacfIssue, racfIssue } from "./issues.js";
import { physicalLines, type SourceLine } from "./jcl.js";
import {
  codePoint,
  PASTED_CHARACTERS,
  pastedCharacterOffsets,
  replacePastedCharacters,
} from "./typography.js";

/**
 * The TSO command tokenizer: physical lines → logical commands → tokens.
 *
 * TSO/E rules (IBM TSO/E Command Reference, "Continuing a command" and "Comments";
 * rules §6):
 * - A line whose last non-blank character is `-` continues on the next line with that line's
 *   leading blanks kept; `+` continues with them dropped. Blanks before the mark are kept. This
 *   holds inside a quoted string too (that is how long labels are split).
 * - `/* ... *\/` is a comment and counts as a blank; a comment can span lines when the line
 *   holding the unfinished comment ends with a continuation mark. A comment still open at the
 *   end of a command ends there.
 * - Quoted strings use apostrophes; an apostrophe inside is doubled (`'O''Brien'`).
 * - Operands are separated by blanks or commas; `(` and `)` group operand values, nested.
 * Keywords are matched case-insensitively by the parser; the tokenizer keeps the text as written.
 */

/**
 * Deepest parenthesis nesting read. RACF's deepest operands are two or three levels
 * (`CONNECT(ID(x) LABEL('l') RING(r))`, `SIGNWITH(CERTAUTH LABEL('l'))`); 32 leaves room for
 * anything real and keeps every later walk of the operand tree shallow.
 */
export const MAX_NESTING = 32;

export type TokenKind = "word" | "string" | "lparen" | "rparen";

export interface Token {
  kind: TokenKind;
  /** The text as written (strings with their apostrophes, doubled apostrophes kept). */
  text: string;
  /** Words: as written. Strings: the value (apostrophes removed, doubled ones undoubled). */
  value: string;
  /** Position of the token's first character in the input (1-based). */
  line: number;
  column: number;
  /** True when a blank, comma, comment or line break precedes the token. */
  spaceBefore: boolean;
}

export interface TsoCommand {
  /** First and last physical line of the command. */
  line: number;
  endLine: number;
  column: number;
  tokens: Token[];
  /**
   * False when the command cannot be trusted (unbalanced apostrophe or parenthesis, or a
   * continuation with nothing after it): the issue says why, and readers skip the command.
   */
  ok: boolean;
}

export interface TokenizeResult {
  commands: TsoCommand[];
  issues: RacfIssue[];
}

/** A piece of one physical line inside a logical command. */
interface Segment {
  /** Offset of the piece in the logical text. */
  offset: number;
  line: number;
  /** Column (1-based) of the piece's first character in its line. */
  column: number;
}

interface Logical {
  /** The command's text with continuation marks removed (comments still in). */
  text: string;
  segments: Segment[];
  line: number;
  endLine: number;
  truncated: { line: number; column: number } | null;
}

/** Join continued lines into logical commands, keeping where each piece came from. */
function joinLines(lines: readonly SourceLine[]): Logical[] {
  const out: Logical[] = [];
  let current: Logical | null = null;
  let dropLeading = false;
  for (const { line, text } of lines) {
    // Only the blanks TSO knows are trimmed: a no-break space pasted after a continuation mark
    // is a character on the host, so that line does not continue there either (typography.ts).
    const trimmed = text.replace(/[ \t\r\f\v]+$/, "");
    let start = 0;
    if (dropLeading) while (start < trimmed.length && /[ \t]/.test(trimmed.charAt(start))) start++;
    const last = trimmed.charAt(trimmed.length - 1);
    const continues = trimmed.length > start && (last === "-" || last === "+");
    const end = continues ? trimmed.length - 1 : trimmed.length;
    if (!current) current = { text: "", segments: [], line, endLine: line, truncated: null };
    current.segments.push({ offset: current.text.length, line, column: start + 1 });
    current.text += trimmed.slice(start, end);
    current.endLine = line;
    if (continues) {
      dropLeading = last === "+";
      current.truncated = { line, column: trimmed.length };
      continue;
    }
    current.truncated = null;
    dropLeading = false;
    out.push(current);
    current = null;
  }
  if (current) out.push(current);
  return out;
}

/** Line and column of the character at `offset` in a logical command. */
function positionOf(l: Logical, offset: number): { line: number; column: number } {
  let seg = l.segments[0] as Segment;
  for (const s of l.segments) {
    if (s.offset > offset) break;
    seg = s;
  }
  return { line: seg.line, column: seg.column + (offset - seg.offset) };
}

function isBlank(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === ",";
}

/** Operands whose values must never be echoed in a message. */
const SECRET_RE = /PASSWORD|PHRASE|PASSPHRASE|PWD/i;

/**
 * Report each typographic quote, dash or special space inside a token (comments are blanks to
 * TSO and do not matter), at its column, with its name and what to type instead, and show the
 * operand as written and as it should be (`LABEL(‘TEMP’)` → `LABEL('TEMP')`) unless the command
 * carries a password.
 */
function pastedCharacters(l: Logical, text: string, at: number, issues: RacfIssue[]): void {
  const offsets = pastedCharacterOffsets(text);
  if (offsets.length === 0) return;
  const s = l.text;
  const secret = SECRET_RE.test(s);
  for (const o of offsets) {
    const i = at + o;
    const ch = s.charAt(i);
    const info = PASTED_CHARACTERS.get(ch);
    if (!info) continue;
    let from = i;
    while (from > 0 && !isBlank(s.charAt(from - 1))) from--;
    let to = i + 1;
    while (to < s.length && !isBlank(s.charAt(to))) to++;
    const operand = s.slice(from, to);
    const example =
      secret || operand.length > 80
        ? ""
        : `: ${operand} → ${replacePastedCharacters(operand).trim() || "(nothing)"}`;
    const p = positionOf(l, i);
    const endsLine = info.replacement === "-" && i === s.length - 1;
    const why = endsLine
      ? "; TSO does not read it as a continuation mark, so the command ends on this line"
      : "; on the host it becomes another character, so the command fails or names something nobody can type";
    issues.push(
      racfIssue(
        p.line,
        "pasted-character",
        `${info.name} (${codePoint(ch)}) where RACF needs ${info.says}${why}${example}`,
        "error",
        p.column,
      ),
    );
  }
}

/** Tokenize one logical command. */
function tokenizeLogical(l: Logical, issues: RacfIssue[]): TsoCommand | null {
  const tokens: Token[] = [];
  const s = l.text;
  let ok = true;
  const issuesBefore = issues.length;
  let unclosedString = false;
  let space = true;
  const parens: number[] = [];
  let tooDeep: number | null = null;
  const push = (kind: TokenKind, text: string, value: string, at: number): void => {
    pastedCharacters(l, text, at, issues);
    const p = positionOf(l, at);
    tokens.push({ kind, text, value, line: p.line, column: p.column, spaceBefore: space });
    space = false;
  };
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    if (isBlank(ch)) {
      space = true;
      i++;
      continue;
    }
    if (ch === "/" && s.charAt(i + 1) === "*") {
      // Comment: counts as a blank; runs to `*/` or to the end of the command.
      const close = s.indexOf("*/", i + 2);
      i = close < 0 ? s.length : close + 2;
      space = true;
      continue;
    }
    if (ch === "'") {
      const at = i;
      let value = "";
      let closed = false;
      i++;
      while (i < s.length) {
        const q = s.charAt(i);
        if (q === "'") {
          if (s.charAt(i + 1) === "'") {
            value += "'";
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        value += q;
        i++;
      }
      if (!closed) {
        ok = false;
        unclosedString = true;
        const p = positionOf(l, at);
        // The string's content may be a password: never echo it.
        issues.push(
          racfIssue(
            p.line,
            "unbalanced-quote",
            "unbalanced apostrophe: the quoted string that starts here is not closed before the end of the command",
            "error",
            p.column,
          ),
        );
      }
      push("string", s.slice(at, i), value, at);
      continue;
    }
    if (ch === "(") {
      parens.push(i);
      if (parens.length > MAX_NESTING && tooDeep === null) tooDeep = i;
      push("lparen", "(", "(", i);
      i++;
      continue;
    }
    if (ch === ")") {
      if (parens.length === 0) {
        ok = false;
        const p = positionOf(l, i);
        issues.push(
          racfIssue(
            p.line,
            "unbalanced-paren",
            "unbalanced parenthesis: this ')' has no matching '('",
            "error",
            p.column,
          ),
        );
      } else parens.pop();
      push("rparen", ")", ")", i);
      i++;
      continue;
    }
    const at = i;
    while (i < s.length) {
      const w = s.charAt(i);
      if (isBlank(w) || w === "(" || w === ")" || w === "'") break;
      if (w === "/" && s.charAt(i + 1) === "*") break;
      i++;
    }
    const word = s.slice(at, i);
    push("word", word, word, at);
  }
  if (tooDeep !== null) {
    // Later stages walk the operand tree; a bounded depth keeps them bounded too.
    issues.length = issuesBefore;
    const p = positionOf(l, tooDeep);
    issues.push(
      racfIssue(
        p.line,
        "nesting-too-deep",
        `operands nested more than ${MAX_NESTING} parentheses deep (RACF commands nest a few levels: CONNECT(ID(x) LABEL('l'))); command skipped`,
        "error",
        p.column,
      ),
    );
    return null;
  }
  if (l.truncated) {
    // The rest of the command is missing: open strings and parentheses are a consequence.
    issues.length = issuesBefore;
    ok = false;
    issues.push(
      racfIssue(
        l.truncated.line,
        "truncated-command",
        "the command ends with a continuation mark but the input ends here (truncated input?); command skipped",
        "error",
        l.truncated.column,
      ),
    );
  } else if (!unclosedString) {
    // (An open string swallowed the closing parentheses: one error is enough.)
    for (const at of parens) {
      ok = false;
      const p = positionOf(l, at);
      issues.push(
        racfIssue(
          p.line,
          "unbalanced-paren",
          "missing parenthesis: this '(' is not closed before the end of the command",
          "error",
          p.column,
        ),
      );
    }
  }
  const first = tokens[0];
  if (!first) return null;
  return { line: first.line, endLine: l.endLine, column: first.column, tokens, ok };
}

/** Tokenize a sequence of physical lines (one SYSTSIN or a whole deck) into commands. */
export function tokenizeLines(lines: readonly SourceLine[]): TokenizeResult {
  const issues: RacfIssue[] = [];
  const commands: TsoCommand[] = [];
  for (const logical of joinLines(lines)) {
    const cmd = tokenizeLogical(logical, issues);
    if (cmd) commands.push(cmd);
  }
  return { commands, issues };
}

/** Tokenize TSO command text (lines numbered from `firstLine`). Handy for one-off commands. */
export function tokenizeText(text: string, firstLine = 1): TokenizeResult {
  return tokenizeLines(physicalLines(text).map((t, i) => ({ line: firstLine + i, text: t })));
}

/** Quote a value for TSO: `'O''Brien'`. Labels and ring names should always be quoted. */
export function quoteTso(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
