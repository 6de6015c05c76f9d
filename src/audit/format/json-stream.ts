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
    const itemPath = (i: number) => (path === "" ? String(i) : `${path}.${i}`);
    if (!itemsHaveStreamed(path, streamed)) {
      // Items with nothing streamed inside are stringified a batch at a time, at their depth.
      for (let i = 0; i < value.length; i += BATCH) {
        if (i > 0) yield ",\n";
        yield atDepth(value.slice(i, i + BATCH), depth + 1);
      }
      yield `\n${close}]`;
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield pad;
      const item = value[i] === undefined || typeof value[i] === "function" ? null : value[i];
      yield* jsonChunks(item, streamed, itemPath(i), depth + 1);
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

/** Does any item of the array at `path` have something streamed inside it? */
function itemsHaveStreamed(path: string, streamed: ReadonlySet<string>): boolean {
  const prefix = path === "" ? "" : `${path}.`;
  for (const s of streamed) if (s !== path && s.startsWith(prefix)) return true;
  return false;
}

/** Items stringified per call: few calls, chunks of a few hundred kilobytes. */
const BATCH = 256;

/**
 * `items` as JSON.stringify(…, null, 2) writes them inside an array at `depth`, without the
 * brackets: each item on its own lines, indented, separated by ",\n". Wrapping the items in
 * `depth - 1` more arrays makes JSON.stringify indent them itself (no pass over the text).
 */
function atDepth(items: unknown[], depth: number): string {
  let wrapped: unknown = items;
  for (let d = 1; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let head = 0;
  let tail = 0;
  for (let d = 0; d < depth; d++) {
    head += 2 * d + 2; // "  ".repeat(d) + "[\n"
    tail += 2 * d + 2; // "\n" + "  ".repeat(d) + "]"
  }
  return text.slice(head, text.length - tail);
}
