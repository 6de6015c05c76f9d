import type { InputIssue } from "../model/types.js";

/**
 * Characters that change what a terminal or an editor shows instead of being shown: C0 controls
 * other than tab, line feed, carriage return and form feed (ESC starts ECMA-48 sequences that
 * clear the screen or retitle the window), DEL, C1 controls (U+009B is a one-character CSI), and
 * the Unicode bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * that reorder what is displayed, so that a label reads differently from what RACF holds
 * ("Trojan Source", CVE-2021-42574). No RACF command, listing, unload, AT-TLS policy or log line
 * needs one. Outputs escape them whatever the readers did (src/audit/format/safe-text.ts); this
 * module tells the user where they came from, on the input line.
 */
const DISPLAY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const ONE_DISPLAY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** At most this many lines are reported one by one; the rest are counted in a last issue. */
export const MAX_DISPLAY_CONTROL_LINES = 20;

/** `\x1b`, `\u202e`: how the character is shown in messages and in every output. */
export function escapeDisplayControl(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** The first such character in `text`, or null. */
export function firstDisplayControl(text: string): string | null {
  return ONE_DISPLAY_CONTROL.exec(text)?.[0] ?? null;
}

function kindOf(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= 0x202a ? "bidirectional-override" : "terminal control";
}

/**
 * One warning per input line that holds such characters, at the first one's column (1-based),
 * naming each distinct character escaped. Linear in the text; `firstLine` numbers the first line
 * of `text` (readers that see one line at a time pass its number). `counted` carries the number
 * of lines already reported across calls for one file, so the cap holds per file.
 */
export function displayControlIssues(
  text: string,
  file: string,
  firstLine = 1,
  counted: { lines: number } = { lines: 0 },
): InputIssue[] {
  const issues: InputIssue[] = [];
  DISPLAY_CONTROL.lastIndex = 0;
  let m = DISPLAY_CONTROL.exec(text);
  if (m === null) return issues;
  let line = firstLine;
  let scanned = 0;
  let lineStart = 0;
  while (m !== null) {
    for (; scanned < m.index; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    const lineEnd = text.indexOf("\n", m.index);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const seen = new Set<string>();
    const column = m.index - lineStart + 1;
    let n = 0;
    for (let i = m.index; i < end; i++) {
      const ch = text[i] ?? "";
      if (ONE_DISPLAY_CONTROL.test(ch)) {
        n++;
        seen.add(ch);
      }
    }
    counted.lines++;
    if (counted.lines <= MAX_DISPLAY_CONTROL_LINES) {
      const chars = [...seen].map((c) => `${escapeDisplayControl(c)} (${kindOf(c)})`).join(", ");
      issues.push({
        file,
        line,
        column,
        code: "control-character",
        severity: "warning",
        message: `${n} character(s) that change how text is displayed: ${chars}; shown escaped in every output, check that the value is what RACF holds`,
      });
    } else if (counted.lines === MAX_DISPLAY_CONTROL_LINES + 1) {
      issues.push({
        file,
        line,
        column,
        code: "control-character",
        severity: "warning",
        message: `more lines with terminal-control or bidirectional-override characters from here on (only the first ${MAX_DISPLAY_CONTROL_LINES} are listed); the input may be corrupt or not plain text`,
      });
    }
    DISPLAY_CONTROL.lastIndex = end;
    m = DISPLAY_CONTROL.exec(text);
  }
  return issues;
}
