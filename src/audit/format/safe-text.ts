/**
 * Terminal- and document-safe text. Labels, ring names, file names and messages come from the
 * inputs; a hostile label such as `\x1b]0;…\x07` or `\x1b[2J` would otherwise drive the
 * terminal that prints the report (ECMA-48 control functions). Outputs neutralise them
 * themselves, whatever the readers did.
 */

/**
 * C0 controls except TAB and LF, DEL, C1 controls (U+0080–U+009F: CSI U+009B is an escape
 * introducer on its own), and the Unicode bidirectional overrides/isolates that can reorder
 * what is displayed (CVE-2021-42574, "Trojan Source").
 */
const CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Replace every control character with a visible `\xNN` / `\uNNNN` escape. */
export function neutralise(text: string): string {
  return text.replace(CONTROL_RE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** A deep copy of a JSON-like value with every string neutralised (the report, before formatting). */
export function neutraliseDeep<T>(value: T): T {
  if (typeof value === "string") return neutralise(value) as T;
  if (Array.isArray(value)) return value.map((v) => neutraliseDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = neutraliseDeep(v);
    return out as T;
  }
  return value;
}

/**
 * Echoed input tokens are cut to `max` characters: a 20 MB line must not be copied into every
 * message that quotes it.
 */
export function truncate(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/**
 * JSON text (JSON, SARIF) with every control, C1 and bidirectional-override character written
 * as a `\uNNNN` escape. JSON.stringify escapes C0 controls itself but writes U+0080–U+009F and
 * U+202A–U+202E/U+2066–U+2069 as they are, and a terminal or an editor showing the file would
 * act on them. In JSON text these characters can only be inside strings, where the escape
 * means the same character: the data is unchanged for any JSON reader.
 */
export function escapeJsonText(json: string): string {
  return json.replace(CONTROL_RE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** escapeJsonText over a stream of JSON chunks: the escape is per character, so chunk borders do not matter. */
export function* escapeJsonChunks(chunks: Iterable<string>): Generator<string> {
  for (const c of chunks) yield escapeJsonText(c);
}
