import type { ShortStrings } from "./short-strings.js";
import { LAST_READ } from "./unload-fields.js";
import { LAYOUTS } from "./unload-layouts.js";

/**
 * One IRRDBU00 record as the unload reader reads it: its fields by column, whether the line
 * came as bytes or as text. Almost every line of a real unload is printable ASCII, or ASCII and
 * the `¢` RACF writes for a blank in DIGTCERT names (unload-scan.ts hands those over as Latin-1
 * bytes, one byte per character): their fields are read straight from the bytes, without
 * decoding the record to a string and slicing that (a 1560 record is 2,392 characters for four
 * fields). Lines that needed clean-up come as text. Both give the same values: the field's
 * columns, trimmed, blank where the record is shorter (formats.md §6).
 */
export interface RecordView {
  readonly type: string;
  /** Length of the record without its trailing blanks. */
  readonly length: number;
  /** Line number. */
  readonly no: number;
  /** The field's value, trimmed; "" when blank or beyond the record's end. */
  text(c: Column): string;
  /** `text(c).toUpperCase()`. */
  upper(c: Column): string;
  /**
   * `upper(c)` for a value that repeats across records (a group, a class, an access level): the
   * same string each time it comes (short-strings.ts).
   */
  upperShared(c: Column): string;
  /** `text(c) !== ""`. */
  filled(c: Column): boolean;
  /** `text(c) === value`, without making the string. */
  textIs(c: Column, value: string): boolean;
  /** The character at 0-based column `i` (below `length`), as a string. */
  char(i: number): string;
  /** Is 0-based column `i` (below `length`) a blank? */
  blank(i: number): boolean;
}

/** A field's columns, 0-based: `from` inclusive, `to` exclusive (IBM's start and end, 1-based inclusive). */
export interface Column {
  readonly type: string;
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The columns of some fields of one record type, looked up once: the reader's constants. A
 * name the layout does not have is a programming error, found when the module loads.
 */
export function columnsOf<const N extends string>(
  type: string,
  names: readonly N[],
): Readonly<Record<N, Column>> {
  const layout = LAYOUTS[type];
  if (!layout) throw new Error(`no IRRDBU00 layout for ${type}`);
  const out = {} as Record<N, Column>;
  for (const name of names) {
    const f = layout.fields.find((x) => x.name === name);
    if (!f) throw new Error(`no field ${name} in ${type}`);
    out[name] = { type, name, from: f.start - 1, to: f.end };
  }
  return out;
}

/**
 * IRRDBU00 writes one blank after every field: the 0-based columns of those blanks, for the
 * fields up to the last one the reader looks at (LAST_READ).
 */
const BLANKS: ReadonlyMap<string, Int32Array> = new Map(
  Object.entries(LAYOUTS).map(([type, layout]) => {
    const lastName = LAST_READ[type];
    const last = layout.fields.find((f) => f.name === lastName)?.end ?? 0;
    return [type, Int32Array.from(layout.fields.filter((f) => f.end <= last).map((f) => f.end))];
  }),
);

/**
 * A non-blank character right after a field's end column means the columns do not line up (a
 * shifted, re-wrapped or hand-edited record): reading it by column would split values in the
 * wrong places. The 1-based column of the first such character, or null.
 */
export function misalignedColumn(v: RecordView): number | null {
  const blanks = BLANKS.get(v.type);
  if (!blanks) return null;
  for (let k = 0; k < blanks.length; k++) {
    const at = blanks[k] as number;
    if (at < v.length && !v.blank(at)) return at + 1;
  }
  return null;
}

/**
 * A record in bytes, one byte per character (printable ASCII and Latin-1 letters). One view is
 * moved from line to line: the bytes are the scanner's and are only read while the line is.
 */
export class ByteView implements RecordView {
  type = "";
  length = 0;
  no = 0;
  #bytes: Buffer = Buffer.alloc(0);
  #start = 0;
  readonly #short: ShortStrings;

  constructor(short: ShortStrings) {
    this.#short = short;
  }

  /** Point the view at `bytes[start, start + length)`, the record without trailing blanks. */
  at(type: string, bytes: Buffer, start: number, length: number, no: number): this {
    this.type = type;
    this.#bytes = bytes;
    this.#start = start;
    this.length = length;
    this.no = no;
    return this;
  }

  text(c: Column): string {
    const bytes = this.#bytes;
    let s = this.#start + c.from;
    let e = this.#start + Math.min(c.to, this.length);
    // Only the blank is white space among the characters such a line holds (no tab, no
    // no-break space: those lines come as text), so this trims what String#trim would.
    while (s < e && bytes[s] === 0x20) s++;
    while (e > s && bytes[e - 1] === 0x20) e--;
    // A decoded string of its own: nothing keeps the line's bytes alive.
    return s < e ? bytes.toString("latin1", s, e) : "";
  }

  textIs(c: Column, value: string): boolean {
    const bytes = this.#bytes;
    let s = this.#start + c.from;
    let e = this.#start + Math.min(c.to, this.length);
    while (s < e && bytes[s] === 0x20) s++;
    while (e > s && bytes[e - 1] === 0x20) e--;
    if (e - s !== value.length) return false;
    for (let i = 0; i < value.length; i++) if (bytes[s + i] !== value.charCodeAt(i)) return false;
    return true;
  }

  filled(c: Column): boolean {
    const bytes = this.#bytes;
    const e = this.#start + Math.min(c.to, this.length);
    for (let i = this.#start + c.from; i < e; i++) if (bytes[i] !== 0x20) return true;
    return false;
  }

  upper(c: Column): string {
    return this.#upper(c, false);
  }

  upperShared(c: Column): string {
    return this.#upper(c, true);
  }

  #upper(c: Column, shared: boolean): string {
    const bytes = this.#bytes;
    let s = this.#start + c.from;
    let e = this.#start + Math.min(c.to, this.length);
    while (s < e && bytes[s] === 0x20) s++;
    while (e > s && bytes[e - 1] === 0x20) e--;
    if (s === e) return "";
    let lower = false;
    for (let i = s; i < e; i++) {
      const b = bytes[i] as number;
      // Beyond ASCII, upper case is not a matter of bytes (ß becomes SS, ÿ leaves Latin-1).
      if (b >= 0x7f) return this.text(c).toUpperCase();
      if (b >= 0x61 && b <= 0x7a) lower = true;
    }
    if (shared && e - s <= 8) return this.#short.get(bytes, s, e, true);
    const text = bytes.toString("latin1", s, e);
    return lower ? text.toUpperCase() : text;
  }

  char(i: number): string {
    return String.fromCharCode(this.#bytes[this.#start + i] as number);
  }

  blank(i: number): boolean {
    return this.#bytes[this.#start + i] === 0x20;
  }
}

/** A record that came as text (a line clean-up or the sanitizer had to act on). */
export class TextView implements RecordView {
  type = "";
  length = 0;
  no = 0;
  #text = "";

  /** Point the view at `text`, the record without trailing blanks. */
  at(type: string, text: string, no: number): this {
    this.type = type;
    this.#text = text;
    this.length = text.length;
    this.no = no;
    return this;
  }

  text(c: Column): string {
    const value = this.#text.slice(c.from, c.to).trim();
    // V8 makes a slice of 13 characters or more a view into the whole record; kept in the model
    // (a certificate name, a fingerprint) it would keep the record alive, 2,400 characters for a
    // 1560. Concatenating and slicing again leaves a string of its own.
    return value.length < 13 ? value : ` ${value}`.slice(1);
  }

  upper(c: Column): string {
    return this.text(c).toUpperCase();
  }

  upperShared(c: Column): string {
    return this.upper(c);
  }

  filled(c: Column): boolean {
    return this.text(c) !== "";
  }

  textIs(c: Column, value: string): boolean {
    return this.text(c) === value;
  }

  char(i: number): string {
    return this.#text.charAt(i);
  }

  blank(i: number): boolean {
    return this.#text.charCodeAt(i) === 0x20;
  }
}
