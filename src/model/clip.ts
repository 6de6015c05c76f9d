/**
 * Issue messages quote input, and input can be hostile or huge (a 20 MB line): no message
 * repeats more than MAX_ECHO characters of it.
 */
/** Longest piece of input an issue message repeats in full. */
export const MAX_ECHO = 200;

/** Shorten a piece of input for a message: at most MAX_ECHO characters, then "…". */
export function clip(text: string, max = MAX_ECHO): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join("")}…`;
}

/**
 * Shorten every run of input in a message: quoted strings and runs without blanks longer than
 * MAX_ECHO characters. Messages are written by racfring, so the only long runs are echoed input.
 */
export function clipMessage(message: string): string {
  const masked = maskSecrets(message);
  if (masked.length <= MAX_ECHO) return masked;
  return masked
    .replace(/"([^"]*)"/g, (m, inner: string) => (inner.length > MAX_ECHO ? `"${clip(inner)}"` : m))
    .replace(/\S{201,}/g, (run) => clip(run));
}

/**
 * The value of a secret keyword — PASSWORD, PASSWD, PHRASE, PW, any abbreviation of PASSWORD
 * from PASS on (TSO accepts unique abbreviations) — wherever it sits in quoted input: a
 * quoted value (doubled apostrophes included, possibly unterminated because the line was cut
 * at column 72) or an unquoted one up to its parenthesis.
 */
const SECRET_VALUE = /\b(PASS(?:W(?:O(?:R(?:D)?)?|D)?)?|PHRASE|PW)(\s*\(\s*)(?:'(?:[^']|'')*'?|[^)\s]*)/gi;

/** Replace every secret keyword's value with `****` (the keyword itself stays, to say what it was). */
export function maskSecrets(text: string): string {
  return text.replace(SECRET_VALUE, (_m, kw: string, open: string) => `${kw}${open}****`);
}

/** Does this input text name a secret keyword (so no part of it may be quoted)? */
export function mentionsSecret(text: string): boolean {
  return /\b(PASS\w*|PHRASE|PW)\s*\(/i.test(text);
}
