/**
 * What racfring accepts in the names and values it writes into JCL, TSO commands and OpenSSL
 * configuration files. Each check returns the reason a value is refused, or null.
 *
 * Limits: labels 1–32 characters (rules §6, Zowe MAX_LABEL_LEN [3rd]); user ids 1–8;
 * ring names 1–237, case-sensitive (IBM KC21 icha700/tringp.htm); job names 1–8 (JCL).
 */

/** Printable 7-bit ASCII: the characters whose EBCDIC (IBM-1047/IBM-037) form is the same in every common code page. */
const PRINTABLE_ASCII = /^[ -~]*$/;

function nonAscii(value: string): string | null {
  if (PRINTABLE_ASCII.test(value)) return null;
  const bad = [...value].find((ch) => !/[ -~]/.test(ch)) ?? "";
  const code = bad.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0") ?? "?";
  return (
    `contains the non-ASCII character U+${code}; its EBCDIC form depends on the code page used to ` +
    "transfer and submit the job, so RACF and OpenSSL could disagree on the value (use ASCII)"
  );
}

/** Certificate label as written in WITHLABEL('…')/LABEL('…'). */
export function labelProblem(label: string): string | null {
  if (label.length < 1 || label.length > 32) return `must be 1–32 characters, got ${label.length}`;
  const na = nonAscii(label);
  if (na) return na;
  if (label !== label.trim()) return "must not begin or end with a blank (RACF would not keep them reliably)";
  // `&` would be replaced by JCL symbol substitution in the steps that read instream data with
  // SYMBOLS=JCLONLY (the PKCS#12 password step).
  if (label.includes("&")) return 'must not contain "&" (JCL symbol substitution)';
  return null;
}

/** A value of a subject DN attribute (SUBJECTSDN CN('…') etc. and the OpenSSL [dn] section). */
export function dnValueProblem(value: string): string | null {
  const na = nonAscii(value);
  if (na) return na;
  if (value !== value.trim()) return "must not begin or end with a blank";
  if (/ {2}/.test(value)) return "must not contain two blanks in a row (DN comparison folds them)";
  return null;
}

/** Free text that goes into JCL comments and the job card programmer field. */
export function commentProblem(value: string): string | null {
  return nonAscii(value);
}

export function isUserId(id: string): boolean {
  return /^[A-Z#$@][A-Z0-9#$@]{0,7}$/.test(id);
}

/** JCL job name: 1–8 characters, first alphabetic or national. */
export function isJobName(name: string): boolean {
  return /^[A-Z#$@][A-Z0-9#$@]{0,7}$/.test(name);
}

/** A data set name: qualifiers of 1–8 characters, at most 44 in all. */
export function datasetProblem(dsn: string): string | null {
  if (dsn.length > 44) return `is ${dsn.length} characters long; data set names are at most 44`;
  for (const q of dsn.split(".")) {
    if (!/^[A-Z#$@][A-Z0-9#$@-]{0,7}$/.test(q))
      return `qualifier "${q}" is not 1–8 letters, digits or national characters`;
  }
  return null;
}

/**
 * Shell quoting for generated scripts: the one way a plan-derived value enters a `sh` script.
 * Inside single quotes POSIX sh expands nothing ($, `, \, " are literal; XCU 2.2.2); a `'` is
 * written as `'\''` (close, escaped quote, reopen). Templates use it as `{{sh value}}` and never
 * place a value inside double quotes, where $(...), `...` and $VAR would still expand.
 */
export function shq(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A word for a command the runbook shows (copied into a terminal): unchanged when it holds
 * only characters no shell treats specially, otherwise quoted with `shq`.
 */
export function shWord(value: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(value) ? value : shq(value);
}

/**
 * A value in an OpenSSL configuration file (NCONF "default" syntax, crypto/conf/conf_def.c).
 * In a value OpenSSL treats `$` as a variable reference, `#` as the start of a comment,
 * `"`, `'` and `` ` `` as quotes (CONF_QUOTE: the quote characters are dropped), `\` as an
 * escape (`\n`, `\r`, `\b`, `\t` become control characters; any other `\x` is `x`), and a
 * trailing `\` as a line continuation. `;` is a comment only in the Windows syntax, escaped
 * anyway. A backslash before each of these characters makes it literal; leading and trailing
 * blanks (which the parser trims) and control characters are refused earlier
 * (`dnValueProblem`, printable ASCII only).
 */
export function cnfValue(value: string): string {
  return value.replace(/([\\$#"'`;])/g, "\\$1");
}
