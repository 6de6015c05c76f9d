/**
 * JSON written as a stream of chunks, byte for byte what `JSON.stringify(value, null, 2)` gives:
 * a report with tens of thousands of findings is never built as one string (one call would
 * also hit V8's maximum string length at the largest sizes). Arrays and objects named in
 * `streamed` (paths like `findings` or `runs.0.results`) are written element by element; the
 * rest is stringified whole, which keeps the code short where sizes are small.
 */
function indent(text: string, depth: number): string {
  return depth === 0 ? text : text.replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

export function* jsonChunks(
  value: unknown,
  streamed: ReadonlySet<string>,
  path = "",
  depth = 0,
): Generator<string> {
  const pad = "  ".repeat(depth + 1);
  const close = "  ".repeat(depth);
  if (Array.isArray(value) && streamed.has(path)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    for (let i = 0; i < value.length; i++) {
      yield pad;
      const item = value[i] === undefined || typeof value[i] === "function" ? null : value[i];
      yield* jsonChunks(item, streamed, path === "" ? String(i) : `${path}.${i}`, depth + 1);
      yield i < value.length - 1 ? ",\n" : "\n";
    }
    yield `${close}]`;
    return;
  }
  if (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    hasStreamedBelow(path, streamed)
  ) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
    if (entries.length === 0) {
      yield "{}";
      return;
    }
    yield "{\n";
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i] as [string, unknown];
      yield `${pad}${JSON.stringify(k)}: `;
      yield* jsonChunks(v, streamed, path === "" ? k : `${path}.${k}`, depth + 1);
      yield i < entries.length - 1 ? ",\n" : "\n";
    }
    yield `${close}}`;
    return;
  }
  yield indent(JSON.stringify(value, null, 2) ?? "null", depth);
}

function hasStreamedBelow(path: string, streamed: ReadonlySet<string>): boolean {
  if (streamed.has(path)) return true;
  const prefix = path === "" ? "" : `${path}.`;
  for (const s of streamed) if (s.startsWith(prefix)) return true;
  return false;
}
