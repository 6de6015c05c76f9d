/**
 * The one HTML writer: every piece of input-derived text that reaches the HTML report goes
 * through `html` (element content and quoted attribute values) or `scriptJson` (data embedded
 * in a `<script type="application/json">` block). Both neutralise control and bidi characters
 * first (safe-text.ts), so a label holding U+202E is shown as `\u202e`, never obeyed.
 */
import { neutralise, neutraliseDeep } from "./safe-text.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text as literal HTML, safe in element content and in attribute values quoted with `"` or `'`
 * (HTML Living Standard §13.1.2.3: only `&` and the closing quote end or change a quoted value;
 * `<` and `>` are escaped too so the same text is safe everywhere but in raw-text elements).
 */
export function html(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return "";
  return neutralise(String(text)).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * A value as JSON inside `<script type="application/json">`: the parser ends a script element
 * at `</script` whatever the JSON quoting says (HTML §13.2.5.4 script data state), and a
 * `<!--` switches it to the escaped state, so `<`, `>` and `&` become `\u003c`-style JSON escapes
 * (same value after JSON.parse). U+2028/U+2029 are escaped for older JavaScript engines.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(neutraliseDeep(value)).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
