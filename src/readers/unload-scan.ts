/**
 * Lines of a byte stream, found by scanning the bytes for line ends instead of decoding the
 * whole stream to text first (what `readline` does). A weekly IRRDBU00 unload of a real site
 * is hundreds of megabytes, most of it record types racfring does not read: the reader looks
 * at a line's record type in its bytes and decodes only the lines it reads.
 *
 * Line ends are those of `readline` with `crlfDelay: Infinity`, which the unload reader used
 * before and which its line numbers keep: LF, CRLF, and a CR not followed by LF. A last line
 * without a line end is a line; a final line end does not start another.
 */

const LF = 0x0a;
const CR = 0x0d;

export interface LineSink {
  /**
   * A line of printable ASCII only (bytes X'20'–X'7E'), given as `bytes[start, end)` without its
   * line end: decoding it as Latin-1 gives the same text as UTF-8, and no clean-up applies.
   */
  ascii(bytes: Buffer, start: number, end: number): void;
  /**
   * A line of printable UTF-8 text beyond ASCII (a DIGTCERT name's `¢`): no control character,
   * tab, no-break space or byte that is not UTF-8, so clean-up has nothing to do in it.
   */
  printable(line: string): void;
  /** Any other line (control characters, tabs, no-break spaces, bytes that are not UTF-8), decoded. */
  text(line: string): void;
}

/**
 * What a line of UTF-8 without C0 controls can still hold that clean-up acts on, or that the
 * reader's sanitizer reports on its line: bidirectional overrides and isolates (issue 9, item 5).
 */
const NOT_PRINTABLE = /[\u0080-\u00a0\ufffd\u202a-\u202e\u2066-\u2069]/;

/** Hand every line of `chunks` to `sink`, in order. */
export async function scanLines(chunks: AsyncIterable<Uint8Array | string>, sink: LineSink): Promise<void> {
  // The start of a line that began in an earlier chunk, kept as parts: a line longer than a
  // chunk (a hostile 20 MB line) is joined once, not once per chunk.
  let parts: Buffer[] = [];
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : toBuffer(chunk);
    let pos = 0;
    if (parts.length > 0) {
      const lf = bytes.indexOf(LF);
      if (lf < 0) {
        parts.push(bytes);
        continue;
      }
      parts.push(bytes.subarray(0, lf));
      const line = Buffer.concat(parts);
      parts = [];
      emit(line, 0, line.length, sink);
      pos = lf + 1;
    }
    const words = wordsOf(bytes);
    for (;;) {
      const lf = bytes.indexOf(LF, pos);
      if (lf < 0) break;
      emit(bytes, pos, lf, sink, words);
      pos = lf + 1;
    }
    if (pos < bytes.length) parts.push(bytes.subarray(pos));
  }
  if (parts.length > 0) {
    const line = Buffer.concat(parts);
    // A CR at the very end is a line end (readline reads "A\r" as the line "A").
    emit(line, 0, line.length, sink);
  }
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * The bytes of a chunk read four at a time, from the first address that is a multiple of four
 * (a typed array view must be aligned): the check of a line runs over its words, and over single
 * bytes only at its ends or once a word holds something other than printable ASCII.
 */
interface Words {
  view: Uint32Array;
  /** Index in the chunk of the view's first byte. */
  first: number;
}

function wordsOf(bytes: Buffer): Words | null {
  const first = (4 - (bytes.byteOffset & 3)) & 3;
  const count = (bytes.length - first) >> 2;
  if (count <= 0) return null;
  return { view: new Uint32Array(bytes.buffer, bytes.byteOffset + first, count), first };
}

/**
 * Does any byte of `w` fall outside X'20'–X'7E'? The first term finds a byte below X'20', the
 * second one of X'7F' or above; neither can miss one (a borrow or carry across bytes only ever
 * comes from a byte that already counts). Which byte it was, the byte loop finds out.
 */
function notPrintableAscii(w: number): boolean {
  return ((((w - 0x20202020) & ~w) | (w + 0x01010101) | w) & 0x80808080) !== 0;
}

/** One line between LFs: the one check of its bytes decides between the kinds of line. */
function emit(bytes: Buffer, start: number, lf: number, sink: LineSink, words: Words | null = null): void {
  const end = lf > start && bytes[lf - 1] === CR ? lf - 1 : lf;
  let i = start;
  if (words) {
    // Single bytes up to the first word boundary, then whole words while they are clean.
    let head = (words.first - start) & 3;
    while (head > 0 && i < end) {
      const b = bytes[i] as number;
      if (b < 0x20 || b >= 0x7f) break;
      i++;
      head--;
    }
    if (head === 0) {
      let k = (i - words.first) >> 2;
      while (i + 4 <= end && !notPrintableAscii(words.view[k] as number)) {
        i += 4;
        k++;
      }
    }
  }
  let high = false;
  for (; i < end; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 || b === 0x7f) {
      asText(bytes, start, end, sink);
      return;
    }
    if (b > 0x7f) high = true;
  }
  if (!high) {
    sink.ascii(bytes, start, end);
    return;
  }
  const line = bytes.toString("utf8", start, end);
  if (NOT_PRINTABLE.test(line)) sink.text(line);
  else sink.printable(line);
}

function asText(bytes: Buffer, start: number, end: number, sink: LineSink): void {
  // The CR of a CRLF is gone; any CR left is a line end of its own.
  for (const line of bytes.toString("utf8", start, end).split("\r")) sink.text(line);
}
