/**
 * The one writer for values racfring puts into RACF commands: the fix job of `audit --fix-jcl`,
 * the fix commands printed in reports, the simulator's suggested commands and the generated
 * jobs all build their operands here, so a name can change a command in only one way — not
 * at all.
 *
 * Why quoting is enough for structure: TSO/E command parsing treats everything between
 * apostrophes as one value, an apostrophe inside it written twice (TSO/E "Entering commands",
 * KC21 ikjc400; racf-rules §6: labels are mixed case, may hold blanks, are always quoted).
 * A ring name or label such as `R) ID(EVIL) ACCESS(ALTER` therefore stays one value inside
 * `RING('…')`. What quoting cannot neutralise is a character that ends the 80-byte record or
 * the instream data set: a line break, any control character, or text that would start a
 * line with `//` or `/*`. Those values are refused (`commandProblem`), never rewritten — a
 * rewritten name would name a different ring.
 */
import type { CertOwner } from "../model/types.js";

/** A value that cannot be written safely: racfring refuses it and says why. */
export class UnsafeValueError extends Error {
  override name = "UnsafeValueError";
}

/** `'text'` with embedded apostrophes doubled (TSO quoted-string rule). */
export function racfQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `LABEL('x')` — certificate labels are always quoted. */
export function labelOperand(label: string): string {
  return `LABEL(${racfQuote(label)})`;
}

/** `WITHLABEL('x')` for ADD and GENCERT. */
export function withLabelOperand(label: string): string {
  return `WITHLABEL(${racfQuote(label)})`;
}

/** A ring name as the value of ADDRING(), DELRING(), LISTRING(): always quoted. */
export function ringName(name: string): string {
  return racfQuote(name);
}

/** `RING('x')` inside CONNECT/REMOVE. */
export function ringOperand(name: string): string {
  return `RING(${ringName(name)})`;
}

const USER_ID = /^[A-Za-z#$@][A-Za-z0-9#$@]{0,7}$/;

/**
 * A user id as an operand value. A valid id (1–8 characters, first not a digit; racf-rules §6)
 * is written bare; anything else is quoted, so it stays one (invalid) value that RACF rejects
 * instead of extra operands, and `commandProblem` can still refuse it.
 */
export function userId(id: string): string {
  return USER_ID.test(id) ? id : racfQuote(id);
}

/** `ID(X)` → `ID(X)`, `CERTAUTH`/`SITE` unchanged: the RACDCERT owner operand. */
export function ownerOperand(owner: CertOwner | string): string {
  if (owner === "CERTAUTH" || owner === "SITE") return owner;
  const m = /^ID\((.*)\)$/s.exec(owner);
  return `ID(${userId(m ? (m[1] ?? "") : owner)})`;
}

/**
 * Characters that can never be written into a command or a comment of a job: C0 controls
 * (line feed and carriage return end the record), DEL, C1 controls (NEL U+0085 is EBCDIC's
 * new line), the Unicode line/paragraph separators, and bidirectional and invisible format
 * characters that make the reviewed text differ from what runs (CVE-2021-42574).
 */
const UNWRITABLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Why a value (a name, a label, a whole command) cannot be written into a job, or null. */
export function valueProblem(value: string): string | null {
  const m = UNWRITABLE.exec(value);
  if (m) {
    const what = m[0] === "\n" || m[0] === "\r" ? "a line break" : "a control or format character";
    return `contains ${what} (${escapeChar(m[0])}), which cannot be written into a job safely`;
  }
  return null;
}

/** Why a complete command cannot be written, or null: unwritable characters, unbalanced quotes. */
export function commandProblem(command: string): string | null {
  const v = valueProblem(command);
  if (v) return v;
  let quoted = false;
  for (const ch of command) if (ch === "'") quoted = !quoted;
  if (quoted) return "has unbalanced apostrophes";
  return null;
}

/**
 * Input text for a job comment (`//*` or ` /* … *\/`): every character outside printable
 * ASCII is shown as an escape, and `/*`, `*\/` are broken up, so a comment can neither end
 * early nor begin a statement whatever the input held.
 */
export function commentText(text: string): string {
  let out = "";
  for (const ch of text) out += /[ -~]/.test(ch) ? ch : escapeChar(ch);
  return out.replace(/\*\//g, "* /").replace(/\/\*/g, "/ *");
}

/**
 * A general-resource profile name (PERMIT, RDEFINE, RALTER). Written bare when it holds only
 * characters that cannot separate operands; otherwise quoted, so a blank, a parenthesis or an
 * apostrophe in a name built from a ring name keeps it one operand.
 */
export function profileName(name: string): string {
  return /^[A-Za-z0-9#$@.*%&_+\-/:]+$/.test(name) ? name : racfQuote(name);
}
