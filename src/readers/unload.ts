import { RacfModel } from "../model/model.js";
import type { UserTable } from "../model/user-table.js";
import type { ReadContext } from "./context.js";
import { clip } from "./guard.js";
import { ShortStrings } from "./short-strings.js";
import { cleanLine } from "./text.js";
import { finishUnload } from "./unload-finish.js";
import { UnloadIssues } from "./unload-issues.js";
import { DOCUMENTED_RECORD_TYPES, LAYOUTS } from "./unload-layouts.js";
import { UnloadRecords } from "./unload-records.js";
import { scanLines } from "./unload-scan.js";
import { ByteView, TextView } from "./unload-view.js";

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
 * types racfring does not read are skipped without being decoded, a line of printable
 * characters skips the clean-up of control characters, tabs and code-page artefacts it cannot
 * contain, and the fields of a line whose characters are single bytes are read from its bytes
 * (unload-view.ts).
 */

export interface UnloadByteOptions {
  /**
   * Called with every line that is not plain printable ASCII, before it is read: the CLI
   * replaces control characters there (and refuses NUL bytes). Lines of plain printable ASCII
   * never hold one and are not passed.
   */
  sanitize?: (line: string, no: number) => string;
  /** The user records, read at the same time by someone else (see ParallelUsers). */
  users?: ParallelUsers;
}

/**
 * User records (0200, 0205) are most of a site's unload, and reading them depends on nothing
 * else in it: the CLI has a worker thread read them from the same file, on the machine's other
 * core, with `readCleanUserRecords`, while this reader reads the rest.
 *
 * Only clean user records are read there: lines of printable characters whose record lines up,
 * is as long as IRRDBU00 writes it and names its user (and group), which `read` takes without a
 * word (unload-records.ts `cleanUser`). This reader skips exactly those, and reads and words
 * every other line itself, in order, as it always has. Should one of those others still be a
 * user the reader takes (a user record with a tab, say), or the worker fail, the user records
 * are read again from the file, all of them in order, so that the table is always the one a
 * single reading gives.
 */
export interface ParallelUsers {
  /** The clean user records, or null when they could not be read there. */
  table: Promise<CleanUsers | null>;
  /** The same bytes again, for a second reading of the user records. */
  again: () => AsyncIterable<Uint8Array | string>;
  /** Clean-up of a line in the second reading; what it finds was reported the first time. */
  clean?: (line: string, no: number) => string;
}

/**
 * The table of an unload's clean user records, and which records they were: their number and a
 * checksum of their line numbers. The reader that skipped them counts the same way; if the two
 * disagree (the file changed between the two readings), the worker's table is not used.
 */
export interface CleanUsers {
  table: UserTable;
  tally: Tally;
}

export interface Tally {
  records: number;
  lines: number;
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
  const parallel = options.users;
  const reader = new UnloadReader(ctx, options.sanitize, parallel ? "skip-clean-users" : "all");
  await scanLines(chunks, reader);
  if (parallel) {
    const theirs = await parallel.table;
    const tally = reader.tally;
    if (
      theirs &&
      reader.users.size === 0 &&
      theirs.tally.records === tally.records &&
      theirs.tally.lines === tally.lines
    )
      reader.useUsers(theirs.table);
    else {
      // What this reader found of the users, and the worker's table, are parts of one table
      // whose order only a reading in order gives. The second reading's issues were reported
      // by the first: they go to a model nobody reads.
      const again = new UnloadReader({ ...ctx, model: new RacfModel() }, parallel.clean, "users-only");
      await scanLines(parallel.again(), again);
      reader.useUsers(again.users);
    }
  }
  reader.finish();
}

/**
 * The clean user records of an unload (see ParallelUsers), in a table of their own; `file`
 * names the input in the users' sources.
 */
export async function readCleanUserRecords(
  chunks: AsyncIterable<Uint8Array | string>,
  file: string,
): Promise<CleanUsers> {
  const ctx: ReadContext = {
    model: new RacfModel(),
    file,
    datasets: new Map(),
    ranAt: new Date(0),
    ranAtGiven: true,
  };
  const reader = new UnloadReader(ctx, undefined, "clean-users-only");
  await scanLines(chunks, reader);
  return { table: reader.users, tally: reader.tally };
}

/**
 * Which records a reader reads: all; all but the clean user records (read elsewhere); only
 * those; or only the user records, clean or not (the second reading of ParallelUsers).
 */
type Mode = "all" | "skip-clean-users" | "clean-users-only" | "users-only";

function isUserType(type: string): boolean {
  return type === "0200" || type === "0205";
}

/** The first 64 KiB of the input are kept to name an EBCDIC or binary file when no record is found. */
const SAMPLE = 65536;

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
  readonly #bytes = new ByteView(new ShortStrings());
  readonly #text = new TextView();

  readonly #mode: Mode;
  #cleanRecords = 0;
  /** A checksum of the clean user records' line numbers, in order. */
  #cleanLines = 0;

  constructor(
    ctx: ReadContext,
    sanitize: ((line: string, no: number) => string) | undefined,
    mode: Mode = "all",
  ) {
    this.#mode = mode;
    this.#ctx = ctx;
    this.#sanitize = sanitize;
    this.#issues = new UnloadIssues(ctx);
    this.#records = new UnloadRecords(ctx, this.#issues);
  }

  /** The clean user records skipped ("skip-clean-users") or read ("clean-users-only"). */
  get tally(): Tally {
    return { records: this.#cleanRecords, lines: this.#cleanLines };
  }

  /** The users read so far. */
  get users(): UserTable {
    return this.#records.users;
  }

  /** Users read by another reader of the same unload, in place of this one's. */
  useUsers(table: UserTable): void {
    this.#records.users = table;
  }

  /**
   * Only the reader of clean user records skips lines: a line beyond printable ASCII that is
   * not a user record (a CR in it would make it several lines: that one is not skipped).
   */
  skip(bytes: Buffer, start: number, end: number): boolean {
    if (this.#mode !== "clean-users-only") return false;
    const user =
      end - start >= 4 &&
      bytes[start] === 0x30 &&
      bytes[start + 1] === 0x32 &&
      bytes[start + 2] === 0x30 &&
      (bytes[start + 3] === 0x30 || bytes[start + 3] === 0x35);
    if (user || bytes.subarray(start, end).includes(0x0d)) return false;
    this.#no++;
    return true;
  }

  /** A line as text: every clean-up applies. */
  text(line: string): void {
    const no = ++this.#no;
    if (this.#mode === "clean-users-only") return; // never a clean record
    const raw = this.#sanitize ? this.#sanitize(line, no) : line;
    if (this.#sample.length < SAMPLE) this.#sample += `${raw.slice(0, SAMPLE)}\n`;
    this.#line(raw, no, true);
  }

  /** A line of printable text: sanitizing and clean-up would leave it as it is. */
  printable(line: string): void {
    const no = ++this.#no;
    if (this.#mode === "clean-users-only") return; // never a clean record
    if (this.#sample.length < SAMPLE) this.#sample += `${line.slice(0, SAMPLE)}\n`;
    this.#line(line, no, false);
  }

  /**
   * A line of printable characters given as one byte each (Latin-1). Decoding it would give the
   * same text, which clean-up would leave as it is but for its trailing blanks; so the record
   * type and the fields are read from the bytes, and nothing else is decoded.
   */
  singleByte(bytes: Buffer, start: number, end: number): void {
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
    const view = this.#bytes.at(type, bytes, start, length, no);
    const reach = end - start;
    if (this.#mode !== "all") {
      const user = isUserType(type);
      if (this.#mode === "users-only") {
        if (!user) return;
      } else {
        const clean = user && this.#records.cleanUser(view, reach);
        if (clean) {
          this.#cleanRecords++;
          this.#cleanLines = (Math.imul(this.#cleanLines, 31) + no) | 0;
        }
        if (this.#mode === "clean-users-only" ? !clean : clean) return;
      }
    }
    this.#records.read(view, reach);
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
    if (this.#mode === "users-only" && !isUserType(type)) return;
    // cleanLine drops trailing blanks; a record that came with blanks through the column was
    // not cut there (its fields are blank), so the length before clean-up counts too.
    const reach = Math.max(rec.length, raw.endsWith("\r") ? raw.length - 1 : raw.length);
    this.#records.read(this.#text.at(type, rec, no), reach);
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
