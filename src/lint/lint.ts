/**
 * lint-jcl: checks a RACF batch job or TSO command deck before it is submitted.
 *
 * Pure: text in, located issues out. The commands are found, tokenized and parsed by the RACF
 * command reader's own layers (src/racf: splitInput, tokenizeLines, parseCommand), so lint and
 * the reader can never disagree about what a job contains. Raw-line checks (JCL statements,
 * columns) are in jcl-statements.ts.
 *
 * Rules and sources:
 * - TSO continuation (`-`/`+` as the last non-blank character) and columns 1–72 of SYSTSIN,
 *   73–80 ignored: rules §6, IBM "SYSTSIN DD statement".
 * - Labels 1–32, user ids 1–8, ring names 1–237: rules §6, IBM KC21 icha700/tringp.htm.
 * - Keywords valid per RACDCERT function: IBM RACF Command Language Reference, one page per
 *   function (le-gencert.htm, le-add.htm, le-connect.htm, le-alter.htm, le-genreq.htm...).
 * - Refresh after changes to RACLISTed classes: rules §6 (le-addring.htm, Zowe).
 * - Rings belong to users, never CERTAUTH/SITE: IBM message IRRD120I.
 */

import { truncate } from "../audit/format/safe-text.js";
import { type CommandBlock, physicalLines, splitInput } from "../racf/jcl.js";
import { lookupKeyword, lookupVerb } from "../racf/keywords.js";
import { keyword, type ParsedCommand, parseCommand } from "../racf/parse.js";
import { notRefreshed } from "../racf/refresh.js";
import { type TsoCommand, tokenizeLines } from "../racf/tokenizer.js";
import { displayControlIssues } from "../readers/display-controls.js";
import { Collector, checkPassword, checkUserId, type DeckState, markChange, newDeckState } from "./deck.js";
import { scanJcl } from "./jcl-statements.js";
import { lintRacdcert } from "./racdcert.js";
import type { LintResult } from "./types.js";

export { formatLintIssue, type LintIssue, type LintResult } from "./types.js";

/**
 * Classes that are RACLISTed wherever they are used for key rings: FACILITY (RACDCERT and
 * R_datalib authorisation), RDATALIB (ring-specific checking works only RACLISTed, KC24
 * dlibauth.htm), STARTED. A change without a refresh is not in effect: an error. DIGTCERT and
 * DIGTRING are RACLISTed at many sites but not all: a warning.
 */
const ALWAYS_RACLISTED = new Set(["FACILITY", "RDATALIB", "STARTED"]);
const OFTEN_RACLISTED = new Set(["DIGTCERT", "DIGTRING", "DIGTNMAP", "CSFKEYS", "CRYPTOZ", "SERVAUTH"]);

function lintCommand(
  c: Collector,
  cmd: ParsedCommand,
  state: DeckState,
  symbols: ReadonlyMap<string, { value: string; line: number }>,
): void {
  switch (cmd.verb) {
    case "RACDCERT":
      lintRacdcert(c, cmd, state, symbols);
      break;
    case "ADDUSER":
    case "ALTUSER":
    case "DELUSER":
      for (const v of cmd.positionals[0] ?? []) checkUserId(c, v, cmd.verb);
      checkPassword(c, keyword(cmd.keywords, "PASSWORD"), cmd.verb, symbols);
      checkPassword(c, keyword(cmd.keywords, "PHRASE"), cmd.verb, symbols);
      break;
    case "RDEFINE":
    case "RALTER":
    case "RDELETE": {
      const cls = cmd.positionals[0]?.[0]?.text.toUpperCase();
      if (!cls) break;
      for (const p of cmd.positionals[1] ?? []) {
        const key = `${cls}|${p.text}`;
        if (cmd.verb === "RDEFINE") {
          state.profiles.add(key);
          state.deletedProfiles.delete(key);
        } else if (cmd.verb === "RDELETE") {
          state.profiles.delete(key);
          state.deletedProfiles.add(key);
        }
      }
      markChange(state, cls, c.file, cmd.line, cmd.column, cmd.verb);
      break;
    }
    case "PERMIT": {
      const cls = keyword(cmd.keywords, "CLASS")?.values[0]?.text.toUpperCase();
      for (const v of keyword(cmd.keywords, "ID")?.values ?? []) checkUserId(c, v, "PERMIT ID");
      if (!cls) break; // data set profiles: not RACLISTed
      markChange(state, cls, c.file, cmd.line, cmd.column, "PERMIT");
      if (keyword(cmd.keywords, "DELETE") || keyword(cmd.keywords, "RESET")) break;
      for (const p of cmd.positionals[0] ?? []) {
        const key = `${cls}|${p.text}`;
        if (state.deletedProfiles.has(key)) {
          c.add(
            p.line,
            p.column,
            "error",
            "permit-deleted-profile",
            `PERMIT to ${truncate(cls)} ${truncate(p.text)}, which this deck deleted earlier (RDELETE)`,
          );
        } else if (!state.profiles.has(key) && cls === "FACILITY" && p.text.startsWith("IRR.DIGTCERT.")) {
          // The IRR.DIGTCERT.* FACILITY profiles are shared by everything that uses RACDCERT and
          // R_datalib; a job that adds access should not define them (a new discrete profile
          // would take over from a site's generic one), so this is a reminder, not a defect.
          c.add(
            p.line,
            p.column,
            "info",
            "permit-shared-profile",
            `PERMIT to ${truncate(cls)} ${truncate(p.text)}, a shared profile this deck does not define: check that it exists (RLIST ${truncate(cls)} ${truncate(p.text)}); without one the PERMIT fails (ICH06004I)`,
          );
        } else if (!state.profiles.has(key)) {
          c.add(
            p.line,
            p.column,
            "warning",
            "permit-undefined-profile",
            `PERMIT to ${truncate(cls)} ${truncate(p.text)}, which this deck never defines (RDEFINE); without a profile the PERMIT fails (ICH06004I)`,
          );
        }
      }
      break;
    }
    case "SETROPTS": {
      const raclist = keyword(cmd.keywords, "RACLIST");
      const refresh = keyword(cmd.keywords, "REFRESH");
      for (const v of raclist?.values ?? []) {
        const cls = v.text.toUpperCase();
        // RACLIST (first time) loads the current profiles; REFRESH reloads them.
        state.pending.delete(cls);
        if (!refresh) state.raclisted.add(cls);
        else state.raclisted.add(cls);
      }
      break;
    }
    default:
      break;
  }
}

/**
 * A command line followed by a line that cannot start a command but fits the previous command:
 * the continuation mark is missing, so TSO runs the second line as a command of its own.
 */
function checkContinuation(
  c: Collector,
  prev: TsoCommand,
  next: TsoCommand,
  prevParsed: ParsedCommand | null,
): void {
  if (next.line !== prev.endLine + 1) return;
  const head = next.tokens[0];
  if (head?.kind !== "word") {
    c.add(
      prev.endLine,
      1,
      "error",
      "missing-continuation",
      `line ${next.line} does not start with a command: line ${prev.endLine} probably lacks its continuation mark ("-" or "+" as the last character)`,
    );
    return;
  }
  if (lookupVerb(head.value)) return;
  const table = prevParsed?.spec.keywords ?? null;
  const fits = table ? lookupKeyword(table, head.value).kind === "found" : false;
  // A previous command left with an open parenthesis or quote (the tokenizer said so) followed
  // by a line that is no command is the same mistake.
  if (fits || head.column > 1 || !prev.ok) {
    const verb = prevParsed?.verb ?? lookupVerb(prev.tokens[0]?.value ?? "")?.name ?? "command";
    c.add(
      prev.endLine,
      1,
      "error",
      "missing-continuation",
      `line ${prev.endLine} ends the ${verb} without "-" or "+", so line ${next.line} (${truncate(head.value.toUpperCase())}...) becomes a separate command; add " -" at the end of line ${prev.endLine}`,
    );
  }
}

function lintBlock(
  c: Collector,
  block: CommandBlock,
  state: DeckState,
  symbols: ReadonlyMap<string, { value: string; line: number }>,
): void {
  const tok = tokenizeLines(block.lines);
  for (const i of tok.issues) c.fromReader(i);
  let prev: TsoCommand | null = null;
  let prevParsed: ParsedCommand | null = null;
  for (const cmd of tok.commands) {
    const parsed = parseCommand(cmd);
    if (prev) checkContinuation(c, prev, cmd, prevParsed);
    const continuationProblem = c.issues.some(
      (i) => i.code === "missing-continuation" && i.line === prev?.endLine,
    );
    for (const i of parsed.issues) {
      // The missing continuation already explains an unknown command on the next line.
      if (continuationProblem && i.code === "unknown-command" && i.line === cmd.line) continue;
      c.fromReader(i);
    }
    if (parsed.command) lintCommand(c, parsed.command, state, symbols);
    prev = cmd;
    prevParsed = parsed.command;
  }
}

/**
 * A message quotes input tokens; the checks here truncate them to 200 characters. Whatever a
 * reader quoted is cut too: a word past 300 characters (longer than any already-truncated token
 * with its quotes) is truncated, and no message passes 2,000 (a 20 MB line must not be printed
 * back).
 */
function capMessage(message: string): string {
  return truncate(
    message.replace(/\S{301,}/g, (w) => truncate(w)),
    2000,
  );
}

/** Column checks on the raw lines of SYSTSIN data (or of a whole deck). */
function columnChecks(c: Collector, lines: readonly string[], which: Iterable<number>, deck: boolean): void {
  const variableLength = lines.some((l) => l.length > 80);
  for (const n of which) {
    const raw = lines[n - 1] ?? "";
    const tab = raw.indexOf("\t");
    if (tab >= 0) {
      // TSO/E reads SYSTSIN records as they are: a tab is one data byte (X'05' in EBCDIC), not
      // spaces, so the columns the editor showed are not the record's columns and the tab
      // ends up inside operands (IBM "SYSTSIN DD statement"; rules §6).
      c.add(
        n,
        tab + 1,
        "warning",
        "tab-in-data",
        "tab character in SYSTSIN data: TSO reads it as a data byte, not as blanks, so the columns shift; replace tabs with blanks",
      );
    }
    if (raw.length > 71 && raw.charAt(71) !== " " && raw.slice(71, 72) !== "") {
      c.add(n, 72, "warning", "column-72", "column 72 is not blank; keep commands within columns 1–71");
    }
    // A deck whose lines all fit in 80 columns is read as 80-byte records: the reader itself
    // reports text in columns 73–80 (beyond-column-72). A deck with longer lines is kept whole
    // (variable length), but the same text is lost once the deck goes into an FB 80 data set.
    if (deck && variableLength && raw.length > 72 && !/^\s*\d+\s*$/.test(raw.slice(72))) {
      c.add(
        n,
        73,
        "warning",
        "beyond-column-72",
        'text past column 72 is lost when this deck is put into an 80-byte data set (columns 73–80 are the sequence number field); split the command with "-"',
      );
    }
  }
}

/** Lint several files as one sequence of jobs (a label created in one may be connected in the next). */
export function lintFiles(inputs: readonly { text: string; file: string }[]): LintResult[] {
  const state = newDeckState();
  const results: { result: LintResult; c: Collector }[] = [];
  for (const input of inputs) {
    const c = new Collector(input.file);
    const split = splitInput(input.text);
    const lines = physicalLines(input.text);
    for (const i of split.issues) c.fromReader(i);
    for (const i of displayControlIssues(input.text, input.file)) c.fromReader(i);
    let symbols = new Map<string, { value: string; line: number }>();
    if (split.kind === "jcl") {
      const scan = scanJcl(lines, input.file, new Set(split.blocks.map((b) => b.ddLine)));
      c.issues.push(...scan.issues);
      symbols = scan.symbols;
      columnChecks(c, lines, scan.dataLines, false);
    } else {
      columnChecks(
        c,
        lines,
        lines.map((_, i) => i + 1),
        true,
      );
    }
    for (const block of split.blocks) lintBlock(c, block, state, symbols);
    results.push({ result: { file: input.file, issues: c.issues, errors: 0, warnings: 0 }, c });
  }
  // Changes still waiting for a refresh at the end of the sequence.
  for (const [cls, where] of state.pending) {
    const severity =
      ALWAYS_RACLISTED.has(cls) || state.raclisted.has(cls)
        ? "error"
        : OFTEN_RACLISTED.has(cls)
          ? "warning"
          : null;
    if (!severity) continue;
    const target = results.find((r) => r.result.file === where.file) ?? results[results.length - 1];
    target?.c.add(
      where.line,
      where.column,
      severity,
      "missing-refresh",
      severity === "error"
        ? `${where.what} changes class ${truncate(cls)}, but ${notRefreshed(truncate(cls))}`
        : `${where.what} changes class ${truncate(cls)}; if ${truncate(cls)} is RACLISTed, ${notRefreshed(truncate(cls))}`,
    );
  }
  return results.map(({ result, c }) => {
    const seen = new Set<string>();
    const issues = c.issues
      .map((i) => ({ ...i, message: capMessage(i.message) }))
      .filter((i) => {
        const k = `${i.line}:${i.column}:${i.code}:${i.message}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
    return {
      file: result.file,
      issues,
      errors: issues.filter((i) => i.severity === "error").length,
      warnings: issues.filter((i) => i.severity === "warning").length,
    };
  });
}

/**
 * Lint one JCL job or TSO command deck. Pure; never throws on bad input.
 * @example lintJcl(readFileSync("setup.jcl", "utf8"), "setup.jcl").errors === 0
 */
export function lintJcl(text: string, file: string): LintResult {
  const [result] = lintFiles([{ text, file }]);
  return result ?? { file, issues: [], errors: 0, warnings: 0 };
}
