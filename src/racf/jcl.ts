import { mentionsSecret } from "../model/clip.js";
import { type RacfIssue, racfIssue } from "./issues.js";

/**
 * Splitting an input into the TSO command text RACF would run.
 *
 * Two kinds of input:
 * - a batch job: the commands are the in-stream SYSTSIN data of steps that run the TSO
 *   terminal monitor program (PGM=IKJEFT01, IKJEFT1A or IKJEFT1B);
 * - a plain TSO command deck (what a SYSTSIN data set or a CLIST-like file holds).
 *
 * JCL rules used here (IBM z/OS MVS JCL Reference, "DD statement", "Parameters on DD
 * statements: * and DATA", "DLM parameter"; rules §6):
 * - `//*` in columns 1–3 is a comment statement; `/*` in columns 1–2 is a delimiter (or a JES2
 *   control statement when not ending data);
 * - `DD *` data ends at a `/*` delimiter, at the next `//` statement, or at the end of the input;
 * - `DD DATA` data (and any data with `DLM=xx`) ends only at the delimiter (`/*` by default),
 *   so `//` lines inside it are data;
 * - an unnamed DD right after a DD continues it (concatenation);
 * - a JCL statement whose operand field ends with a comma continues on the next `//` line.
 * Records are 80 bytes: columns 73–80 hold a sequence number and are ignored (for JCL and for
 * in-stream data alike). Original line numbers are kept on every line.
 */

/** One physical line of command text, as TSO will see it (sequence area removed). */
export interface SourceLine {
  /** 1-based line number in the input. */
  line: number;
  text: string;
}

/** The command text of one SYSTSIN (or the whole deck), in order. */
export interface CommandBlock {
  /** Step name (`//STEP1 EXEC ...`), null for a plain deck or an unnamed step. */
  step: string | null;
  /** Line of the SYSTSIN DD statement (0 for a deck). */
  ddLine: number;
  lines: SourceLine[];
}

export interface SplitResult {
  kind: "jcl" | "deck";
  blocks: CommandBlock[];
  issues: RacfIssue[];
  /**
   * USER= from the JOB statement: the user RACDCERT acts for when a command names no owner
   * (RACDCERT without ID/CERTAUTH/SITE works on the issuer's own user id, rules §6).
   */
  jobUser: string | null;
}

/** Programs that run TSO commands in batch (IBM TSO/E Customization, "Running the TMP in batch"). */
export const TSO_PROGRAMS: readonly string[] = ["IKJEFT01", "IKJEFT1A", "IKJEFT1B"];

const STATEMENT_RE = /^\/\/([A-Z#$@][A-Z0-9#$@]{0,7}(?:\.[A-Z#$@][A-Z0-9#$@]{0,7})?)?\s+(JOB|EXEC|DD)(\s|$)/i;

/** True when the text is a batch job (some `//` JOB/EXEC/DD statement) rather than a TSO deck. */
export function looksLikeJcl(text: string): boolean {
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== "");
  if (first?.startsWith("//")) return true;
  return lines.some((l) => STATEMENT_RE.test(l));
}

/** Split the input text into physical lines (CR LF or LF), without the line terminators. */
export function physicalLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  // A final newline does not start another line.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Remove the sequence-number area (columns 73–80) of an 80-byte record. Text there that is not
 * a sequence number (digits or blanks) is almost always a command that ran past column 72 —
 * TSO never sees it, so it is reported.
 */
function stripSequence(text: string, lineNo: number, issues: RacfIssue[], data: boolean, prev = ""): string {
  if (text.length <= 72) return text;
  const area = text.slice(72, 80);
  if (data && !/^[0-9 ]*$/.test(area)) {
    const at = area.search(/\S/);
    // A password that runs past column 72 (or sits in 73–80) would be quoted in part here,
    // where the masking of whole PASSWORD(...) values cannot see it: name none of the text.
    const shown =
      mentionsSecret(text) || mentionsSecret(prev)
        ? "(not shown: the line holds a password)"
        : `"${area.trim()}"`;
    issues.push(
      racfIssue(
        lineNo,
        "beyond-column-72",
        `text ${shown} in columns 73–80 is ignored: they are the sequence-number area of an 80-byte record (TSO never sees it); keep commands within columns 1–72 and continue with "-"`,
        "warning",
        73 + Math.max(at, 0),
      ),
    );
  }
  if (data && text.length > 80) {
    issues.push(
      racfIssue(
        lineNo,
        "record-too-long",
        `line is ${text.length} characters; JCL records are 80 bytes`,
        "warning",
        81,
      ),
    );
  }
  return text.slice(0, 72);
}

/**
 * Split a plain TSO deck. A SYSTSIN data set is normally fixed 80-byte records (RECFM=FB,
 * LRECL=80), where columns 73–80 are the sequence-number field TSO ignores (rules §6, IBM
 * "SYSTSIN DD statement"): a deck whose lines are all at most 80 characters is read that way,
 * exactly like in-stream SYSTSIN data, and text there is reported. A line longer than 80
 * characters cannot come from such a data set: the deck is a variable-length file (RECFM=VB, or
 * a workstation file), where every column is command text; it is read whole, with an info.
 */
export function splitDeck(text: string): SplitResult {
  const issues: RacfIssue[] = [];
  const raws = physicalLines(text);
  const long = raws.findIndex((raw) => raw.length > 80);
  if (long >= 0) {
    issues.push(
      racfIssue(
        long + 1,
        "variable-length-deck",
        `line is ${(raws[long] ?? "").length} characters: the deck is read as a variable-length file, columns 73 onward are command text (in a fixed 80-byte SYSTSIN data set they would be ignored)`,
        "info",
        81,
      ),
    );
  }
  const lines: SourceLine[] = raws.map((raw, i) => ({
    line: i + 1,
    text: long >= 0 ? raw : stripSequence(raw, i + 1, issues, true, raws[i - 1] ?? ""),
  }));
  return { kind: "deck", blocks: [{ step: null, ddLine: 0, lines }], issues, jobUser: null };
}

interface JclStatement {
  line: number;
  name: string;
  operation: string;
  operands: string[];
  /** Keyword operands upper-cased by name (`PGM`, `DLM`, `USER`…). */
  keywords: Map<string, string>;
  /** Positional operands (before the first keyword), upper case. */
  positionals: string[];
  endLine: number;
}

/** Split an operand field on commas outside quotes and parentheses. */
function splitOperands(field: string): string[] {
  const out: string[] = [];
  let cur = "";
  let depth = 0;
  let quoted = false;
  for (const ch of field) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    if (ch === "," && !quoted && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur !== "") out.push(cur);
  return out;
}

/** The operand field of a statement line: from `start` up to the first blank outside quotes. */
function operandField(text: string, start: number): string {
  let i = start;
  while (i < text.length && text.charAt(i) === " ") i++;
  let quoted = false;
  let out = "";
  for (; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "'") quoted = !quoted;
    if (ch === " " && !quoted) break;
    out += ch;
  }
  return out;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

interface Step {
  name: string | null;
  line: number;
  program: string | null;
  tso: boolean;
  systsin: boolean;
}

/** Split a batch job into the SYSTSIN blocks of its TSO steps. */
export function splitJcl(text: string): SplitResult {
  const issues: RacfIssue[] = [];
  const blocks: CommandBlock[] = [];
  const lines = physicalLines(text);
  let jobUser: string | null = null;
  let step: Step | null = null;
  let tsoSteps = 0;
  /** Name of the last DD statement in the current step, for unnamed concatenations. */
  let lastDd: string | null = null;

  const closeStep = (): void => {
    if (step?.tso && !step.systsin) {
      issues.push(
        racfIssue(
          step.line,
          "systsin-missing",
          `step ${step.name ?? "(unnamed)"} runs ${step.program ?? "the TSO monitor"} but has no SYSTSIN DD with in-stream commands`,
          "warning",
        ),
      );
    }
    step = null;
    lastDd = null;
  };

  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] ?? "";
    const lineNo = i + 1;
    if (raw.startsWith("//*")) {
      i++;
      continue;
    }
    if (raw.startsWith("/*")) {
      // A stray delimiter or a JES2 control statement (/*JOBPARM, /*ROUTE…): not a command.
      i++;
      continue;
    }
    if (!raw.startsWith("//")) {
      // Data with no DD in front: JES reads it as //SYSIN DD *. TSO never sees it.
      const start = lineNo;
      while (i < lines.length && !(lines[i] ?? "").startsWith("//") && !(lines[i] ?? "").startsWith("/*"))
        i++;
      const wasTso = (step as Step | null)?.tso === true && !(step as Step | null)?.systsin;
      issues.push(
        racfIssue(
          start,
          "data-without-dd",
          wasTso
            ? "in-stream data without a DD statement is read as SYSIN, not SYSTSIN: these commands do not run (add //SYSTSIN DD * in front)"
            : "in-stream data without a DD statement (read by JES as SYSIN) is ignored",
          wasTso ? "warning" : "info",
        ),
      );
      continue;
    }
    // ---- a JCL statement, possibly continued -------------------------------------------
    const stmtText = stripSequence(raw, lineNo, issues, false);
    if (stmtText.trim() === "//") {
      // Null statement: end of job.
      closeStep();
      i++;
      continue;
    }
    const nameMatch = /^\/\/(\S*)/.exec(stmtText);
    const name = nameMatch?.[1] ?? "";
    const afterName = 2 + name.length;
    const rest = stmtText.slice(afterName);
    const opMatch = /^\s+(\S+)/.exec(rest);
    if (!opMatch || rest.trim() === "") {
      issues.push(
        racfIssue(
          lineNo,
          "jcl-truncated",
          `JCL statement "//${name}" has no operation (truncated line?)`,
          "warning",
          1,
        ),
      );
      i++;
      continue;
    }
    const operation = (opMatch[1] ?? "").toUpperCase();
    const operandStart = afterName + opMatch[0].length;
    let field = operandField(stmtText, operandStart);
    let endLine = lineNo;
    i++;
    // JCL continuation: the operand field ends with a comma; the next line is `//` + blank.
    while (field.endsWith(",")) {
      const next = lines[i];
      if (next === undefined || !next.startsWith("// ") || next.startsWith("//*")) {
        issues.push(
          racfIssue(
            endLine,
            "jcl-truncated",
            `the ${operation} statement ends with a comma but is not continued on a following "//" line (truncated JCL?)`,
            "warning",
          ),
        );
        break;
      }
      const nextText = stripSequence(next, i + 1, issues, false);
      endLine = i + 1;
      field += operandField(nextText, 2);
      i++;
    }
    const operands = splitOperands(field);
    const keywords = new Map<string, string>();
    const positionals: string[] = [];
    for (const op of operands) {
      const eq = op.indexOf("=");
      if (eq > 0 && /^[A-Z0-9.]+$/i.test(op.slice(0, eq)))
        keywords.set(op.slice(0, eq).toUpperCase(), op.slice(eq + 1));
      else if (keywords.size === 0) positionals.push(op.toUpperCase());
    }
    const stmt: JclStatement = { line: lineNo, name, operation, operands, keywords, positionals, endLine };

    if (stmt.operation === "JOB") {
      closeStep();
      const user = stmt.keywords.get("USER");
      if (user) jobUser = unquote(user).toUpperCase();
      continue;
    }
    if (stmt.operation === "EXEC") {
      closeStep();
      const pgm = stmt.keywords.get("PGM");
      const program = pgm ? unquote(pgm).toUpperCase() : null;
      const tso = program !== null && TSO_PROGRAMS.includes(program);
      if (tso) tsoSteps++;
      if (operands.length === 0) {
        issues.push(
          racfIssue(
            lineNo,
            "jcl-truncated",
            "EXEC statement without PGM= or a procedure name (truncated line?)",
          ),
        );
      }
      step = { name: stmt.name || null, line: lineNo, program, tso, systsin: false };
      continue;
    }
    if (stmt.operation !== "DD") continue; // PROC, PEND, SET, IF/THEN, OUTPUT, INCLUDE…: nothing for us

    if (operands.length === 0) {
      issues.push(
        racfIssue(
          lineNo,
          "jcl-truncated",
          `DD statement "${stmt.name || "(concatenation)"}" has no operands (truncated line?)`,
        ),
      );
    }
    const ddName = stmt.name ? stmt.name.toUpperCase() : lastDd;
    if (stmt.name) lastDd = stmt.name.toUpperCase();
    const currentStep = step as Step | null;
    const isSystsin = ddName === "SYSTSIN" && currentStep?.tso === true;
    const first = stmt.positionals[0];
    const inStream = first === "*" || first === "DATA";
    if (!inStream) {
      if (isSystsin && currentStep) {
        currentStep.systsin = true;
        const dsn = stmt.keywords.get("DSN") ?? stmt.keywords.get("DSNAME");
        issues.push(
          racfIssue(
            lineNo,
            "systsin-dataset",
            dsn
              ? `SYSTSIN reads data set ${unquote(dsn).toUpperCase()}: its commands are not in this file (give that deck with --jcl too)`
              : "SYSTSIN is not in-stream: its commands are not in this file",
            "info",
          ),
        );
      }
      continue;
    }
    // ---- in-stream data ------------------------------------------------------------------
    const dlmRaw = stmt.keywords.get("DLM");
    const dlm = dlmRaw ? unquote(dlmRaw) : "/*";
    // DD * ends at the next `//` too; DD DATA and any explicit DLM end only at the delimiter.
    const endsAtSlashSlash = first === "*" && !dlmRaw;
    const block: CommandBlock = { step: currentStep?.name ?? null, ddLine: lineNo, lines: [] };
    let terminated = false;
    while (i < lines.length) {
      const dataRaw = lines[i] ?? "";
      if (dataRaw.startsWith(dlm)) {
        terminated = true;
        const following = lines[i + 1];
        if (
          dlm === "/*" &&
          /^\/\*\s*\S/.test(dataRaw) &&
          following !== undefined &&
          !following.startsWith("//")
        ) {
          // A TSO comment written in columns 1-2 looks like the JCL delimiter: JES ends the
          // data here and the commands after it are lost (rules §6: use DD DATA,DLM=).
          issues.push(
            racfIssue(
              i + 1,
              "comment-ends-data",
              'this line starts with "/*" in columns 1–2, so JES ends the in-stream data here; the lines after it are not SYSTSIN (indent the comment or use DD DATA,DLM=@@)',
              "warning",
              1,
            ),
          );
        }
        i++;
        break;
      }
      if (endsAtSlashSlash && dataRaw.startsWith("//")) {
        terminated = true;
        break;
      }
      if (isSystsin)
        block.lines.push({
          line: i + 1,
          text: stripSequence(dataRaw, i + 1, issues, true, block.lines[block.lines.length - 1]?.text ?? ""),
        });
      i++;
    }
    if (!terminated && !endsAtSlashSlash) {
      issues.push(
        racfIssue(
          lineNo,
          "unterminated-data",
          `in-stream data started by this DD statement is never ended by its delimiter "${dlm}" (truncated JCL?)`,
          "error",
        ),
      );
    }
    if (isSystsin && currentStep) {
      currentStep.systsin = true;
      blocks.push(block);
    }
  }
  closeStep();
  if (tsoSteps === 0) {
    issues.push(
      racfIssue(
        1,
        "no-tso-step",
        `no step runs ${TSO_PROGRAMS.join(", ")}: there are no RACF commands to read in this job`,
        "warning",
      ),
    );
  }
  return { kind: "jcl", blocks, issues, jobUser };
}

/** Detect the kind of input and split it. */
export function splitInput(text: string): SplitResult {
  return looksLikeJcl(text) ? splitJcl(text) : splitDeck(text);
}
