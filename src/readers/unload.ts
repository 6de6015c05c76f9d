import type { ReadContext } from "./context.js";
import { clip } from "./guard.js";
import { cleanLine } from "./text.js";
import { endOf } from "./unload-fields.js";
import { finishUnload } from "./unload-finish.js";
import { UnloadIssues } from "./unload-issues.js";
import { DOCUMENTED_RECORD_TYPES, LAYOUTS } from "./unload-layouts.js";
import { UnloadRecords } from "./unload-records.js";
import { scanLines } from "./unload-scan.js";

export { endOf, keyFromType, REQUIRED_THROUGH, trustFromUacc } from "./unload-fields.js";

/**
 * IRRDBU00 text unload reader (formats.md §6; IBM "Record formats produced by the database
 * unload utility", z/OS 3.1). Records are read one line at a time and joined by profile name
 * (unload-records.ts); the certificates and rings are built when the stream ends
 * (unload-finish.ts). Memory therefore grows with the number of users, certificates, rings and
 * relevant profiles, never with the size of the unload.
 *
 * Columns are counted in characters, not bytes (a DIGTCERT name's `¢` is two bytes in UTF-8);
 * a record shorter than its layout has blanks in the missing fields (older releases, stripped
 * trailing blanks).
 *
 * Two ways in, one reading: `readUnload` takes lines of text; `readUnloadBytes` takes the bytes
 * of the file (what the CLI does) and finds the lines itself (unload-scan.ts), so that the record
 * types racfring does not read are skipped without being decoded, and a line of plain ASCII
 * skips the clean-up of control characters, tabs and code-page artefacts it cannot contain.
 */

export interface UnloadByteOptions {
  /**
   * Called with every line that is not plain printable ASCII, before it is read: the CLI
   * replaces control characters there (and refuses NUL bytes). Lines of plain printable ASCII
   * never hold one and are not passed.
   */
  sanitize?: (line: string, no: number) => string;
}

/** Read an unload given as lines (without their line ends). */
export async function readUnload(lines: AsyncIterable<string>, ctx: ReadContext): Promise<void> {
  const reader = new UnloadReader(ctx, undefined);
  for await (const raw of lines) reader.text(raw);
  reader.finish();
}

/** Read an unload given as the bytes of the file, UTF-8 (or its chunks as they arrive). */
export async function readUnloadBytes(
  chunks: AsyncIterable<Uint8Array | string>,
  ctx: ReadContext,
  options: UnloadByteOptions = {},
): Promise<void> {
  const reader = new UnloadReader(ctx, options.sanitize);
  await scanLines(chunks, reader);
  reader.finish();
}

/** The first 64 KiB of the input are kept to name an EBCDIC or binary file when no record is found. */
const SAMPLE = 65536;

/**
 * Record types whose reader looks no further than a column well before the record's end: only
 * that much of the line is decoded. A 0200 (user) record is 635 characters long and the reader
 * needs its first 104 (through USBD_DEFGRP_ID and the blank after it, which the alignment check
 * looks at); a site has hundreds of thousands of them.
 */
const DECODE_THROUGH: Readonly<Record<string, number>> = {
  "0200": endOf("0200", "USBD_DEFGRP_ID") + 1,
};

class UnloadReader {
  readonly #ctx: ReadContext;
  readonly #sanitize: ((line: string, no: number) => string) | undefined;
  readonly #issues: UnloadIssues;
  readonly #records: UnloadRecords;
  /** Lines so far (the line number of the current line). */
  #no = 0;
  /** Records with a well-formed record type. */
  #count = 0;
  #sample = "";
  /** Record type strings by their four bytes, so that the bytes of a type are decoded once. */
  readonly #types = new Map<number, string>();

  constructor(ctx: ReadContext, sanitize: ((line: string, no: number) => string) | undefined) {
    this.#ctx = ctx;
    this.#sanitize = sanitize;
    this.#issues = new UnloadIssues(ctx);
    this.#records = new UnloadRecords(ctx, this.#issues);
  }

  /** A line as text: every clean-up applies. */
  text(line: string): void {
    const no = ++this.#no;
    const raw = this.#sanitize ? this.#sanitize(line, no) : line;
    if (this.#sample.length < SAMPLE) this.#sample += `${raw.slice(0, SAMPLE)}\n`;
    this.#line(raw, no, true);
  }

  /** A line of printable text: sanitizing and clean-up would leave it as it is. */
  printable(line: string): void {
    const no = ++this.#no;
    if (this.#sample.length < SAMPLE) this.#sample += `${line.slice(0, SAMPLE)}\n`;
    this.#line(line, no, false);
  }

  /**
   * A line of printable ASCII bytes. Decoding it would give the same text, which clean-up
   * would leave as it is but for its trailing blanks; so the record type is read from the
   * bytes, and only a record of a type racfring reads is decoded.
   */
  ascii(bytes: Buffer, start: number, end: number): void {
    const no = ++this.#no;
    if (this.#sample.length < SAMPLE)
      this.#sample += `${bytes.toString("latin1", start, Math.min(end, start + SAMPLE))}\n`;
    let last = end;
    while (last > start && bytes[last - 1] === 0x20) last--;
    const length = last - start;
    if (length === 0 || bytes[start] === 0x23 /* # */) return;
    if (
      !(
        recordTypeByte(bytes[start]) &&
        recordTypeByte(bytes[start + 1]) &&
        recordTypeByte(bytes[start + 2]) &&
        recordTypeByte(bytes[start + 3])
      ) ||
      (length > 4 && bytes[start + 4] !== 0x20)
    ) {
      // Not a record: the text path words the warning.
      this.#line(bytes.toString("latin1", start, end), no, false);
      return;
    }
    this.#count++;
    const type = this.#typeAt(bytes, start);
    if (!DOCUMENTED_RECORD_TYPES.has(type)) {
      this.#issues.unknownType(type, no);
      return;
    }
    if (!LAYOUTS[type]) return; // documented, but nothing racfring models
    const through = DECODE_THROUGH[type];
    const rec = bytes.toString(
      "latin1",
      start,
      through !== undefined && length > through ? start + through : last,
    );
    this.#records.read(type, rec, length, end - start, no);
  }

  #typeAt(bytes: Buffer, start: number): string {
    const key =
      ((bytes[start] as number) << 24) |
      ((bytes[start + 1] as number) << 16) |
      ((bytes[start + 2] as number) << 8) |
      (bytes[start + 3] as number);
    let type = this.#types.get(key);
    if (type === undefined) {
      type = bytes.toString("latin1", start, start + 4);
      this.#types.set(key, type);
    }
    return type;
  }

  /**
   * One line of text, as the unload reader has always read it. Without `clean`, the line is
   * known to hold nothing clean-up acts on (but trailing blanks, dropped the same way).
   */
  #line(raw: string, no: number, clean: boolean): void {
    let rec: string;
    if (clean) {
      const cleaned = cleanLine(raw, no);
      this.#issues.artefacts(cleaned.artefacts, no);
      rec = cleaned.text;
    } else rec = raw.trimEnd();
    if (rec.trim() === "" || rec.startsWith("#")) return;
    const type = rec.slice(0, 4);
    if (!/^[0-9A-Z]{4}$/.test(type) || (rec.length > 4 && rec.charAt(4) !== " ")) {
      this.#issues.line(
        no,
        "unload-bad-record",
        `not an IRRDBU00 record (expected a 4-character record type and a blank): "${clip(rec, 30)}"`,
        1,
      );
      return;
    }
    this.#count++;
    if (!DOCUMENTED_RECORD_TYPES.has(type)) {
      this.#issues.unknownType(type, no);
      return;
    }
    if (!LAYOUTS[type]) return; // documented, but nothing racfring models
    // cleanLine drops trailing blanks; a record that came with blanks through the column was
    // not cut there (its fields are blank), so the length before clean-up counts too.
    const reach = Math.max(rec.length, raw.endsWith("\r") ? raw.length - 1 : raw.length);
    this.#records.read(type, rec, rec.length, reach, no);
  }

  finish(): void {
    this.#issues.summarise();
    finishUnload(this.#records, this.#ctx);
    if (this.#count === 0) this.#issues.empty(this.#no, this.#sample);
  }
}

/** `0`–`9` or `A`–`Z`: the characters of an IRRDBU00 record type. */
function recordTypeByte(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a));
}
