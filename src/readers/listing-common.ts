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
