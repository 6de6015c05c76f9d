/**
 * IRRDBU00 record writer for the synthetic unload: fields are placed at the columns of the
 * reader's own layouts (src/readers/unload-layouts.ts, IBM z/OS 3.1 "Record formats produced by
 * the database unload utility"), blank-padded, with trailing blanks stripped as a text download
 * strips them. Writing through the same layouts the reader uses means a layout error shows up as
 * a reader error in the tests, not as silently shifted data.
 */
import { LAYOUTS } from "../readers/unload-layouts.js";

type Columns = ReadonlyMap<string, readonly [number, number]>;

const COLUMNS = new Map<string, Columns>(
  Object.entries(LAYOUTS).map(([type, layout]) => [
    type,
    new Map(layout.fields.map((f) => [f.name, [f.start, f.end] as const])),
  ]),
);

/**
 * One record: `type` in columns 1–4, each value left-justified in its field. A value longer than
 * its field is a bug of the generator (the reader would read it misaligned), so it throws.
 */
export function record(type: string, values: Readonly<Record<string, string>>): string {
  const cols = COLUMNS.get(type);
  if (!cols) throw new Error(`no layout for record type ${type}`);
  const placed: Array<readonly [number, string]> = [];
  let width = 4;
  for (const [name, value] of Object.entries(values)) {
    const range = cols.get(name);
    if (!range) throw new Error(`record ${type} has no field ${name}`);
    const [start, end] = range;
    if (value.length > end - start + 1) throw new Error(`${name} value "${value}" is longer than its field`);
    placed.push([start, value]);
    if (value.length > 0) width = Math.max(width, start - 1 + value.length);
  }
  placed.sort((a, b) => a[0] - b[0]);
  let out = type;
  for (const [start, value] of placed) {
    if (value.length === 0) continue;
    out = out.padEnd(start - 1, " ") + value;
  }
  return out.length > width ? out.slice(0, width) : out;
}

/** A record of a type racfring does not model (data set profiles and the like), as filler. */
export function fillerRecord(type: string, name: string, rest: string): string {
  return `${type} ${name.padEnd(44, " ")} ${rest}`;
}
