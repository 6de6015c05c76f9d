/**
 * Checks on the raw lines of a batch job: JCL statement syntax basics and record columns.
 * The SYSTSIN commands themselves are checked through the RACF command reader's splitter,
 * tokenizer and parser (src/racf); this file only looks at what those layers do not: JCL
 * statements and the columns of every record.
 *
 * JCL rules (IBM z/OS MVS JCL Reference, "JCL statement fields", "Continuing JCL statements"):
 * - `//` in columns 1–2, the name field from column 3 (1–8 characters, first alphabetic or
 *   national; a DD override may be `step.dd`), then the operation, operands, comments;
 * - statement text ends by column 71; column 72 marks a continued comment; 73–80 are the
 *   sequence number field;
 * - an operand field ending with a comma continues on the next statement, which has `//` and
 *   blanks in its name field and resumes between columns 4 and 16;
 * - `DD *` data ends at `/*` or the next `//` statement, `DD DATA` (or any DLM=) only at the
 *   delimiter.
 * - JCL symbols are substituted in in-stream data only when its DD has SYMBOLS=JCLONLY or
 *   SYMBOLS=EXECSYS (z/OS 2.1+, "SYMBOLS parameter" of the DD statement); without it `&NAME`
 *   reaches the program as typed.
 * - PASSWORD= on the JOB statement is the submitter's RACF password, in clear text in the
 *   job and wherever it is kept ("PASSWORD parameter" of the JOB statement).
 */
import { truncate } from "../audit/format/safe-text.js";
import type { LintIssue } from "./types.js";

const OPERATIONS = new Set([
  "JOB",
  "EXEC",
  "DD",
  "PROC",
  "PEND",
  "SET",
  "IF",
  "ELSE",
  "ENDIF",
  "JCLLIB",
  "INCLUDE",
  "OUTPUT",
  "EXPORT",
  "CNTL",
  "ENDCNTL",
  "COMMAND",
  "XMIT",
  "SCHEDULE",
  "NOTIFY",
  "JOBGROUP",
  "ENDGROUP",
  "GJOB",
  "JOBSET",
  "SJOB",
  "ENDSET",
  "AFTER",
  "BEFORE",
  "CONCURRENT",
]);

const NAME_RE = /^[A-Z#$@][A-Z0-9#$@]{0,7}(\.[A-Z#$@][A-Z0-9#$@]{0,7})?$/;

export interface JclScan {
  issues: LintIssue[];
  /** Lines (1-based) that are in-stream data of a TSO SYSTSIN: their columns are checked by the caller. */
  dataLines: Set<number>;
  /** JCL symbols set by SET statements: name → value and line. */
  symbols: Map<string, { value: string; line: number }>;
}

interface Fields {
  name: string;
  op: string;
  operands: string;
  operandColumn: number;
}

/** Split a statement into name, operation and operand field (up to the first blank outside quotes). */
function fields(text: string): Fields {
  const body = text.slice(2);
  const nameMatch = /^(\S*)/.exec(body);
  const name = nameMatch?.[1] ?? "";
  let i = 2 + name.length;
  while (i < text.length && text.charAt(i) === " ") i++;
  const opStart = i;
  while (i < text.length && text.charAt(i) !== " ") i++;
  const op = text.slice(opStart, i).toUpperCase();
  while (i < text.length && text.charAt(i) === " ") i++;
  const operandColumn = i + 1;
  let quoted = false;
  let operands = "";
  for (; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "'") quoted = !quoted;
    if (ch === " " && !quoted) break;
    operands += ch;
  }
  return { name, op, operands, operandColumn };
}

function continuationOperands(text: string): { operands: string; column: number } {
  let i = 2;
  while (i < text.length && text.charAt(i) === " ") i++;
  const column = i + 1;
  let quoted = false;
  let operands = "";
  for (; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "'") quoted = !quoted;
    if (ch === " " && !quoted) break;
    operands += ch;
  }
  return { operands, column };
}

function balance(operands: string): { quotes: boolean; parens: number } {
  let quoted = false;
  let depth = 0;
  for (const ch of operands) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
  }
  return { quotes: !quoted, parens: depth };
}

/** `&NAME` references (JCL symbol syntax: 1–8 letters, digits or national characters). */
const SYMBOL_REF_RE = /&([A-Z#$@][A-Z0-9#$@]{0,7})(?![A-Z0-9#$@])/gi;

/** In-stream data of a DD without SYMBOLS=, checked once every SET of the job is known. */
interface PlainData {
  ddLine: number;
  lines: { lineNo: number; raw: string }[];
}

/** Where `PASSWORD=` starts in a JOB statement's operand text (outside apostrophes), or -1. */
function passwordAt(operands: string): number {
  let quoted = false;
  for (let i = 0; i < operands.length; i++) {
    const ch = operands.charAt(i);
    if (ch === "'") quoted = !quoted;
    else if (
      !quoted &&
      (i === 0 || operands.charAt(i - 1) === ",") &&
      /^PASSWORD=/i.test(operands.slice(i, i + 9))
    )
      return i;
  }
  return -1;
}

/** Scan the raw lines of a job. `tsoDdLines` are the lines of SYSTSIN DD statements (from the splitter). */
export function scanJcl(lines: readonly string[], file: string, tsoDdLines: ReadonlySet<number>): JclScan {
  const issues: LintIssue[] = [];
  const dataLines = new Set<number>();
  const symbols = new Map<string, { value: string; line: number }>();
  const add = (
    line: number,
    column: number,
    severity: LintIssue["severity"],
    code: string,
    message: string,
  ) => issues.push({ file, line, column, severity, code, message });

  let inData: { dlm: string; star: boolean; tso: boolean; plain: PlainData | null } | null = null;
  const plainData: PlainData[] = [];
  let continued: { op: string; startLine: number; text: string } | null = null;
  /** A DD statement's operands are known once its last continuation is read. */
  const startData = (operands: string, ddLine: number) => {
    const first = (operands.split(",")[0] ?? "").toUpperCase();
    if (first !== "*" && first !== "DATA") return;
    const dlm = /(?:^|,)DLM=('?)([^,']{2})\1/i.exec(operands)?.[2] ?? "/*";
    const plain = /(?:^|,)SYMBOLS=/i.test(operands) ? null : { ddLine, lines: [] };
    if (plain) plainData.push(plain);
    inData = {
      dlm,
      star: first === "*" && !/(?:^|,)DLM=/i.test(operands),
      tso: tsoDdLines.has(ddLine),
      plain,
    };
  };
  const jobPassword = (operands: string, lineNo: number, column: number) => {
    const at = passwordAt(operands);
    if (at < 0) return;
    add(
      lineNo,
      column + at,
      "warning",
      "job-password",
      "PASSWORD= on the JOB statement: the password is in clear text in the job and its copies (value not shown); leave it out — the job runs under the submitter's user id (or use SURROGAT authority for USER=)",
    );
  };
  let sawStatement = false;
  let sawJob = false;

  lines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    if (inData) {
      const ends = raw.startsWith(inData.dlm) || (inData.star && raw.startsWith("//"));
      if (!ends) {
        if (inData.tso) dataLines.add(lineNo);
        inData.plain?.lines.push({ lineNo, raw });
        return;
      }
      const wasDlm = raw.startsWith(inData.dlm);
      inData = null;
      if (wasDlm) return;
    }
    if (raw.length > 80)
      add(
        lineNo,
        81,
        "error",
        "record-too-long",
        `line is ${raw.length} characters; JCL records are 80 bytes`,
      );
    if (raw.startsWith("//*")) return;
    if (!raw.startsWith("//")) {
      // `/*` delimiters and JES2 control statements; anything else outside data is reported by the splitter.
      return;
    }
    const text = raw.slice(0, 72).replace(/\s+$/, "");
    const seq = raw.slice(72, 80);
    if (seq.trim() !== "" && !/^\s*\d+\s*$/.test(seq)) {
      add(
        lineNo,
        73,
        "error",
        "beyond-column-72",
        "text in columns 73–80 of a JCL statement is ignored (sequence number field); the statement must end by column 71",
      );
    } else if (raw.length > 71 && raw.charAt(71) !== " ") {
      add(
        lineNo,
        72,
        "warning",
        "column-72",
        "column 72 is not blank: JCL reads it as a continuation mark; keep statements within columns 1–71",
      );
    }
    if (text === "//") {
      continued = null;
      return; // null statement: end of job
    }
    if (continued) {
      const c = continuationOperands(text);
      if (c.column < 4 || c.column > 16 || /^\/\/\S/.test(text)) {
        add(
          lineNo,
          c.column,
          "error",
          "jcl-continuation",
          `line ${continued.startLine} ends with a comma, so this line must continue its ${continued.op} statement: "//" then blanks, the operands starting in columns 4–16`,
        );
        continued = null;
      } else {
        continued.text += c.operands;
        if (continued.op === "JOB") jobPassword(c.operands, lineNo, c.column);
        if (!c.operands.endsWith(",")) {
          if (continued.op === "DD") startData(continued.text, continued.startLine);
          const b = balance(continued.text);
          if (!b.quotes)
            add(
              continued.startLine,
              1,
              "error",
              "jcl-unbalanced-quote",
              `the ${continued.op} statement has an unbalanced apostrophe`,
            );
          if (b.parens !== 0)
            add(
              continued.startLine,
              1,
              "error",
              "jcl-unbalanced-paren",
              `the ${continued.op} statement has unbalanced parentheses`,
            );
          continued = null;
        }
        return;
      }
    }
    const f = fields(text);
    if (f.name !== "" && !NAME_RE.test(f.name.toUpperCase())) {
      add(
        lineNo,
        3,
        "error",
        "jcl-name",
        `name "${truncate(f.name)}" is not 1–8 letters, digits or national characters starting with a letter or national character`,
      );
    }
    if (!OPERATIONS.has(f.op)) {
      add(
        lineNo,
        f.operandColumn > 1 ? text.indexOf(f.op) + 1 : 3,
        "error",
        "jcl-operation",
        `"${truncate(f.op)}" is not a JCL operation (JOB, EXEC, DD, SET, ...)`,
      );
      return;
    }
    if (!sawStatement && f.op !== "JOB") {
      add(
        lineNo,
        3,
        "warning",
        "job-not-first",
        "the first JCL statement is not a JOB statement; submitted as is, this is not a job",
      );
    }
    sawStatement = true;
    if (f.op === "JOB") {
      if (sawJob)
        add(
          lineNo,
          3,
          "warning",
          "second-job",
          "a second JOB statement: the lines after it are a separate job",
        );
      sawJob = true;
      if (f.name === "")
        add(lineNo, 3, "error", "jcl-name", "a JOB statement needs a job name (1–8 characters)");
      jobPassword(f.operands, lineNo, f.operandColumn);
    }
    if (f.op === "SET") {
      for (const part of f.operands.split(",")) {
        const eq = part.indexOf("=");
        if (eq > 0)
          symbols.set(part.slice(0, eq).toUpperCase(), {
            value: part.slice(eq + 1).replace(/^'|'$/g, ""),
            line: lineNo,
          });
      }
    }
    if (f.operands.endsWith(",")) {
      continued = { op: f.op, startLine: lineNo, text: f.operands };
    } else {
      const b = balance(f.operands);
      if (!b.quotes)
        add(
          lineNo,
          f.operandColumn,
          "error",
          "jcl-unbalanced-quote",
          `the ${truncate(f.op)} statement has an unbalanced apostrophe`,
        );
      if (b.parens !== 0)
        add(
          lineNo,
          f.operandColumn,
          "error",
          "jcl-unbalanced-paren",
          `the ${truncate(f.op)} statement has unbalanced parentheses`,
        );
    }
    // A continued DD starts its data after the last continuation (above).
    if (f.op === "DD" && !f.operands.endsWith(",")) startData(f.operands, lineNo);
  });
  if (continued) {
    const c = continued as { op: string; startLine: number };
    add(
      c.startLine,
      1,
      "error",
      "jcl-continuation",
      `the ${c.op} statement ends with a comma but no continuation follows`,
    );
  }
  for (const block of plainData) {
    for (const { lineNo, raw } of block.lines) {
      for (const m of raw.slice(0, 72).matchAll(SYMBOL_REF_RE)) {
        const name = (m[1] ?? "").toUpperCase();
        const at = m.index ?? 0;
        // `&` inside apostrophes is often literal ('R&D Server'): reported only when the job
        // SETs that symbol, i.e. it was meant to be substituted.
        const quoted = ((raw.slice(0, at).match(/'/g) ?? []).length & 1) === 1;
        if (quoted && !symbols.has(name)) continue;
        add(
          lineNo,
          at + 1,
          "warning",
          "symbol-not-substituted",
          `&${truncate(name)} in in-stream data: the DD statement (line ${block.ddLine}) has no SYMBOLS=, so the program reads "&${truncate(name)}" as typed; add SYMBOLS=JCLONLY (or EXECSYS) to the DD`,
        );
      }
    }
  }
  return { issues, dataLines, symbols };
}
