import { type ReadContext, report } from "./context.js";
import { setroptsKey } from "./listing-setropts.js";
import type { CleanLine } from "./text.js";

/**
 * Header and line shapes shared by the listing readers (formats.md §1–5). Headers start in
 * column 1; one leading blank is tolerated because some captures (ISPF, OUTTRAP with a carriage
 * control column) shift every line by one.
 */

export const RING_HEADER = /^\s?Digital ring information for user ([^\s:]+)\s*:?$/i;
export const CERT_HEADER =
  /^\s?Digital certificate information for (?:user ([^\s:]+)|(CERTAUTH)|(SITE))\s*:?$/i;
export const CHAIN_CERT = /^\s?Certificate \d+:$/;
export const CHAIN_SUMMARY = /^\s?Chain information\b/i;
export const RLIST_HEADER = /^\s?CLASS\s+NAME$/;
export const COMMAND_ECHO = /^\s*(?:READY\s*)?(RACDCERT|RACDCRT|RLIST|RL|SETROPTS|SETR)\b(.*)$/i;
export const NAME_LINE = /^\s*>(.*)$/;
export const OWNER_TOKEN = /^(ID\([A-Za-z0-9#$@]{1,8}\)|CERTAUTH|SITE)$/i;

/** Position in the cleaned lines of a listing; block readers advance `i`. */
export interface Cursor {
  lines: CleanLine[];
  i: number;
}

/** Top-level lines that start a new output and so end whatever block is open. */
export function isTopLevelHeader(text: string): boolean {
  return (
    RING_HEADER.test(text) ||
    CERT_HEADER.test(text) ||
    CHAIN_CERT.test(text) ||
    CHAIN_SUMMARY.test(text) ||
    RLIST_HEADER.test(text) ||
    setroptsKey(text) !== null ||
    /^(IRRD\d{3}I|ICH\d{5}I)\b/.test(text.trim())
  );
}

/**
 * The text is captured RACDCERT LIST/LISTRING output, not commands: it has a certificate or ring
 * header line (the output's own title, never a valid command). Used to tell a user who gave a
 * listing where commands are expected which flag reads it.
 */
export function looksLikeListing(text: string): boolean {
  return text.split(/\r?\n/, 2000).some((l) => RING_HEADER.test(l) || CERT_HEADER.test(l));
}

/**
 * Read consecutive `>...<` lines (ring names, serials, DNs) and concatenate their contents
 * without separators (formats.md §1–2: RACF splits long values at a fixed width).
 */
export function readWrapped(
  cur: Cursor,
  ctx: ReadContext,
  what: string,
): { value: string; line: number } | null {
  let value = "";
  let first = 0;
  while (cur.i < cur.lines.length) {
    const l = cur.lines[cur.i] as CleanLine;
    const m = NAME_LINE.exec(l.text);
    if (!m) break;
    const body = m[1] ?? "";
    if (first === 0) first = l.no;
    if (body.endsWith("<")) value += body.slice(0, -1);
    else {
      value += body;
      report(
        ctx,
        l.no,
        "listing-unterminated-value",
        `${what} line has no closing "<" (line truncated?); read as is`,
        "warning",
        l.text.indexOf(">") + 1,
      );
    }
    cur.i++;
  }
  return first === 0 ? null : { value, line: first };
}
