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
  if (message.length <= MAX_ECHO) return message;
  return message
    .replace(/"([^"]*)"/g, (m, inner: string) => (inner.length > MAX_ECHO ? `"${clip(inner)}"` : m))
    .replace(/\S{201,}/g, (run) => clip(run));
}
