import { meantInParens } from "../util/suggest.js";
import { type RacfIssue, racfIssue } from "./issues.js";
import {
  type KeywordSpec,
  type KeywordTable,
  lookupKeyword,
  lookupVerb,
  VERBS,
  type VerbSpec,
} from "./keywords.js";
import type { Token, TsoCommand } from "./tokenizer.js";

/**
 * The command parser, in two layers:
 * 1. `buildTree` turns tokens into an operand tree without knowing any command: a word
 *    directly followed by `(` is a keyword with arguments, a `(` after a blank starts a bare
 *    group (a positional list such as `RDEFINE FACILITY (A B)`).
 * 2. `parseCommand` resolves the tree against the keyword tables (keywords.ts): canonical verb,
 *    positional operands, keywords with abbreviations resolved, nested keywords.
 * Neither layer needs a model; both return issues instead of throwing.
 */

export interface OperandNode {
  kind: "word" | "string" | "group";
  /** Word as written, or the string's value. Empty for a group. */
  text: string;
  /** The arguments in parentheses: `KEYWORD(...)` or a bare `(...)` group. */
  args: OperandNode[] | null;
  line: number;
  column: number;
}

/** Build the operand tree of one command's tokens (the verb included, as the first node). */
export function buildTree(tokens: readonly Token[]): OperandNode[] {
  let pos = 0;
  const parseList = (inParens: boolean): OperandNode[] => {
    const nodes: OperandNode[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos] as Token;
      if (t.kind === "rparen") {
        pos++;
        if (inParens) return nodes;
        continue; // unmatched: the tokenizer reported it
      }
      if (t.kind === "lparen") {
        pos++;
        nodes.push({ kind: "group", text: "", args: parseList(true), line: t.line, column: t.column });
        continue;
      }
      pos++;
      const node: OperandNode = { kind: t.kind, text: t.value, args: null, line: t.line, column: t.column };
      const next = tokens[pos];
      if (t.kind === "word" && next?.kind === "lparen" && !next.spaceBefore) {
        pos++;
        node.args = parseList(true);
      }
      nodes.push(node);
    }
    return nodes;
  };
  return parseList(false);
}

export interface Value {
  text: string;
  quoted: boolean;
  line: number;
  column: number;
}

export interface Keyword {
  /** Canonical keyword name (abbreviation resolved), upper case. */
  name: string;
  /** As written. */
  written: string;
  line: number;
  column: number;
  /** True when the keyword was followed by parentheses. */
  hasParens: boolean;
  /** Plain values inside the parentheses (for value keywords). */
  values: Value[];
  /** Nested keywords (for keywords with sub-operands). */
  sub: Keyword[];
  /** Values are secrets (PASSWORD): never echo them. */
  sensitive: boolean;
}

export interface ParsedCommand {
  /** Canonical verb, e.g. `RDEFINE` for `RDEF`. */
  verb: string;
  written: string;
  spec: VerbSpec;
  line: number;
  endLine: number;
  column: number;
  /** Positional operands in order; each is a list (a group expands to its items). */
  positionals: Value[][];
  keywords: Keyword[];
}

export interface ParseResult {
  /** null when the command is skipped (unknown verb, or the tokenizer found it broken). */
  command: ParsedCommand | null;
  issues: RacfIssue[];
}

function toValues(
  nodes: readonly OperandNode[],
  issues: RacfIssue[],
  where: string,
  sensitive: boolean,
): Value[] {
  const out: Value[] = [];
  for (const n of nodes) {
    if (n.kind === "group" || n.args !== null) {
      if (n.kind === "word" && n.args !== null) {
        issues.push(
          racfIssue(
            n.line,
            "unexpected-operand",
            sensitive
              ? `unexpected nested operand in ${where}; ignored`
              : `unexpected nested operand ${n.text}(...) in ${where}; ignored`,
            "warning",
            n.column,
          ),
        );
        continue;
      }
      out.push(...toValues(n.args ?? [], issues, where, sensitive));
      continue;
    }
    out.push({ text: n.text, quoted: n.kind === "string", line: n.line, column: n.column });
  }
  return out;
}

/** Resolve operand nodes against a keyword table. `where` names the context in messages. */
export function resolveKeywords(
  nodes: readonly OperandNode[],
  table: KeywordTable,
  where: string,
  issues: RacfIssue[],
): Keyword[] {
  const out: Keyword[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as OperandNode;
    if (n.kind === "string") {
      issues.push(
        racfIssue(
          n.line,
          "unexpected-operand",
          `unexpected quoted string in ${where}; ignored`,
          "warning",
          n.column,
        ),
      );
      continue;
    }
    if (n.kind === "group") {
      issues.push(
        racfIssue(
          n.line,
          "unexpected-operand",
          `unexpected parenthesised list in ${where}; ignored`,
          "warning",
          n.column,
        ),
      );
      continue;
    }
    const found = lookupKeyword(table, n.text);
    if (found.kind === "ambiguous") {
      issues.push(
        racfIssue(
          n.line,
          "ambiguous-keyword",
          `${n.text.toUpperCase()} in ${where} is an ambiguous abbreviation (${found.candidates.join(", ")}); ignored`,
          "warning",
          n.column,
        ),
      );
      continue;
    }
    if (found.kind === "unknown") {
      issues.push(
        racfIssue(
          n.line,
          "unknown-keyword",
          `unknown keyword ${n.text.toUpperCase()} in ${where}${meantInParens(n.text.toUpperCase(), Object.keys(table))}; ignored`,
          "warning",
          n.column,
        ),
      );
      continue;
    }
    const spec: KeywordSpec = found.spec;
    let args = n.args;
    // `UACC (READ)`: TSO also accepts a blank between a keyword and its value list.
    const next = nodes[i + 1];
    if (args === null && spec.value !== "none" && next?.kind === "group") {
      args = next.args ?? [];
      i++;
    }
    const kw: Keyword = {
      name: found.name,
      written: n.text,
      line: n.line,
      column: n.column,
      hasParens: args !== null,
      values: [],
      sub: [],
      sensitive: spec.sensitive === true,
    };
    const label = `${where} ${found.name}`;
    switch (spec.value) {
      case "none":
        if (args !== null) {
          issues.push(
            racfIssue(
              n.line,
              "unexpected-value",
              `${found.name} in ${where} takes no value; value ignored`,
              "warning",
              n.column,
            ),
          );
        }
        break;
      case "values":
      case "optional-values":
        if (args === null && spec.value === "values") {
          issues.push(
            racfIssue(
              n.line,
              "missing-value",
              `${found.name} in ${where} needs a value in parentheses`,
              "warning",
              n.column,
            ),
          );
        }
        kw.values = toValues(args ?? [], issues, label, kw.sensitive);
        if (args !== null && kw.values.length === 0 && !kw.sensitive) {
          issues.push(
            racfIssue(n.line, "missing-value", `${found.name}() in ${where} is empty`, "warning", n.column),
          );
        }
        break;
      case "sub":
      case "optional-sub":
        if (args === null && spec.value === "sub") {
          issues.push(
            racfIssue(
              n.line,
              "missing-value",
              `${found.name} in ${where} needs operands in parentheses`,
              "warning",
              n.column,
            ),
          );
        }
        kw.sub = resolveKeywords(args ?? [], spec.sub ?? {}, label, issues);
        break;
      case "any":
        // Accepted without checking; keep plain values for callers that want them.
        kw.values = (args ?? [])
          .filter((a) => a.kind !== "group" && a.args === null)
          .map((a) => ({
            text: a.text,
            quoted: a.kind === "string",
            line: a.line,
            column: a.column,
          }));
        break;
    }
    out.push(kw);
  }
  return out;
}

/**
 * Parse one tokenized command. Unknown verbs are reported and skipped; commands that are not
 * RACF commands (ALLOCATE, LISTCAT…) are noted as ignored; broken commands (the tokenizer
 * already reported why) are skipped.
 */
export function parseCommand(cmd: TsoCommand): ParseResult {
  const issues: RacfIssue[] = [];
  if (!cmd.ok) return { command: null, issues };
  const tree = buildTree(cmd.tokens);
  const head = tree[0];
  if (!head) return { command: null, issues };
  if (head.kind !== "word") {
    issues.push(
      racfIssue(
        head.line,
        "unknown-command",
        "a command must start with a command name; skipped",
        "warning",
        head.column,
      ),
    );
    return { command: null, issues };
  }
  const spec = lookupVerb(head.text);
  if (!spec && head.text.startsWith("/")) {
    issues.push(
      racfIssue(
        head.line,
        "jcl-in-data",
        "a line starting with '/' inside the commands: TSO reads it as a command and fails (a JCL statement inside DD DATA data, or a delimiter that does not match DLM=?); skipped",
        "warning",
        head.column,
      ),
    );
    return { command: null, issues };
  }
  if (!spec) {
    issues.push(
      racfIssue(
        head.line,
        "unknown-command",
        `unknown command ${head.text.toUpperCase()}${meantInParens(
          head.text.toUpperCase(),
          VERBS.map((v) => v.name),
        )}; skipped`,
        "warning",
        head.column,
      ),
    );
    return { command: null, issues };
  }
  if (spec.role === "not-racf") {
    issues.push(
      racfIssue(
        head.line,
        "not-racf-command",
        `${spec.name} is not a RACF command; ignored`,
        "info",
        head.column,
      ),
    );
  }
  const operands: OperandNode[] = head.args !== null ? [{ ...head, kind: "group", text: "" }] : [];
  operands.push(...tree.slice(1));
  const positionals: Value[][] = [];
  let k = 0;
  while (positionals.length < spec.positionals && k < operands.length) {
    const n = operands[k] as OperandNode;
    if (n.kind === "word" && n.args !== null) break; // a keyword: positionals are missing
    k++;
    if (n.kind === "group") positionals.push(toValues(n.args ?? [], issues, `${spec.name} operand`, false));
    else positionals.push([{ text: n.text, quoted: n.kind === "string", line: n.line, column: n.column }]);
  }
  const keywords = spec.keywords ? resolveKeywords(operands.slice(k), spec.keywords, spec.name, issues) : [];
  return {
    command: {
      verb: spec.name,
      written: head.text,
      spec,
      line: cmd.line,
      endLine: cmd.endLine,
      column: cmd.column,
      positionals,
      keywords,
    },
    issues,
  };
}

// ---- accessors used by apply.ts and by lint-jcl ----------------------------------------------

/** The last occurrence of a keyword (RACF takes the last when one is repeated). */
export function keyword(list: readonly Keyword[], name: string): Keyword | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    const k = list[i] as Keyword;
    if (k.name === name) return k;
  }
  return undefined;
}

export function hasKeyword(list: readonly Keyword[], name: string): boolean {
  return list.some((k) => k.name === name);
}

/** The first value of a keyword (`LABEL('x')` → `x`), or undefined. */
export function firstValue(list: readonly Keyword[], name: string): Value | undefined {
  return keyword(list, name)?.values[0];
}
