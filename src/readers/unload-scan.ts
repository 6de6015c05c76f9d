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
   * A line of printable characters given one byte each, as `bytes[start, end)` without its line
   * end: decoding it as Latin-1 gives the line's text, and no clean-up applies. Printable ASCII
   * comes as it is in the file; a line that also holds printable Latin-1 letters (U+00A1–U+00FF:
   * the `¢` of DIGTCERT names) comes as a Latin-1 copy of its UTF-8 bytes, in a buffer the
   * scanner reuses for the next such line.
   */
  singleByte(bytes: Buffer, start: number, end: number): void;
  /**
   * A line of printable UTF-8 text beyond Latin-1 (a `€`): no control character, tab, no-break
   * space or byte that is not UTF-8, so clean-up has nothing to do in it.
   */
  printable(line: string): void;
  /** Any other line (control characters, tabs, no-break spaces, bytes that are not UTF-8), decoded. */
  text(line: string): void;
  /**
   * Asked of a line beyond printable ASCII before it is copied or decoded: true when the sink
   * has no use for it and has counted it (the reader of user records in a worker thread wants
   * only the lines of user records).
   */
  skip?(bytes: Buffer, start: number, end: number): boolean;
}

/**
 * What a line of UTF-8 without C0 controls can still hold that clean-up acts on, or that the
 * reader's sanitizer reports on its line: bidirectional overrides and isolates (issue 9, item 5).
 */
const NOT_PRINTABLE = /[\u0080-\u00a0\ufffd\u202a-\u202e\u2066-\u2069]/;

/**
 * Hand every line of `chunks` to `sink`, in order. A chunk is not kept once the next one is
 * asked for (the start of a line it ends with is copied), so a reader may hand over the same
 * buffer each time.
 */
export async function scanLines(chunks: AsyncIterable<Uint8Array | string>, sink: LineSink): Promise<void> {
  const latin1 = new Latin1Copy();
  // The start of a line that began in an earlier chunk, kept as parts: a line longer than a
  // chunk (a hostile 20 MB line) is joined once, not once per chunk.
  let parts: Buffer[] = [];
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : toBuffer(chunk);
    let pos = 0;
    if (parts.length > 0) {
      const lf = bytes.indexOf(LF);
      if (lf < 0) {
        parts.push(Buffer.from(bytes));
        continue;
      }
      parts.push(Buffer.from(bytes.subarray(0, lf)));
      const line = Buffer.concat(parts);
      parts = [];
      emit(line, 0, line.length, sink, latin1);
      pos = lf + 1;
    }
    const words = wordsOf(bytes);
    const length = bytes.length;
    for (;;) {
      // One pass finds both the end of a line and whether it is all printable ASCII: the first
      // byte outside X'20'-X'7E' is the LF (or CR LF) that ends a printable line, most of them.
      const stop = cleanRun(bytes, pos, length, words);
      const b = bytes[stop];
      if (b === LF) {
        sink.singleByte(bytes, pos, stop);
        pos = stop + 1;
        continue;
      }
      if (b === CR && bytes[stop + 1] === LF) {
        sink.singleByte(bytes, pos, stop);
        pos = stop + 2;
        continue;
      }
      const lf = bytes.indexOf(LF, stop);
      if (lf < 0) break;
      // `stop` is before the line's end (a lone CR, or any other byte outside printable ASCII).
      emit(bytes, pos, lf, sink, latin1, words, stop);
      pos = lf + 1;
    }
    if (pos < bytes.length) parts.push(Buffer.from(bytes.subarray(pos)));
  }
  if (parts.length > 0) {
    const line = Buffer.concat(parts);
    // A CR at the very end is a line end (readline reads "A\r" as the line "A").
    emit(line, 0, line.length, sink, latin1);
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

/** notPrintableAscii of either word, in one test. */
function notPrintableAscii2(a: number, b: number): boolean {
  return (
    ((((a - 0x20202020) & ~a) | (a + 0x01010101) | a | ((b - 0x20202020) & ~b) | (b + 0x01010101) | b) &
      0x80808080) !==
    0
  );
}

/**
 * The first byte of `bytes[i, end)` outside printable ASCII (X'20'–X'7E'), or `end`: single
 * bytes up to a word boundary, then whole words while they are clean, then single bytes.
 */
function cleanRun(bytes: Buffer, i: number, end: number, words: Words | null): number {
  if (words) {
    while (((i - words.first) & 3) !== 0 && i < end) {
      const b = bytes[i] as number;
      if (b < 0x20 || b >= 0x7f) return i;
      i++;
    }
    let k = (i - words.first) >> 2;
    const view = words.view;
    // Four words at a time while all are clean (fewer loop tests on lines of hundreds of
    // bytes: a third of the scan's time), then two, then one.
    while (
      i + 16 <= end &&
      !notPrintableAscii2(view[k] as number, view[k + 1] as number) &&
      !notPrintableAscii2(view[k + 2] as number, view[k + 3] as number)
    ) {
      i += 16;
      k += 4;
    }
    while (i + 8 <= end && !notPrintableAscii2(view[k] as number, view[k + 1] as number)) {
      i += 8;
      k += 2;
    }
    while (i + 4 <= end && !notPrintableAscii(view[k] as number)) {
      i += 4;
      k++;
    }
  }
  for (; i < end; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 || b >= 0x7f) return i;
  }
  return end;
}

function isControl(b: number): boolean {
  return b < 0x20 || b === 0x7f;
}

/**
 * One line between LFs: the one check of its bytes decides between the kinds of line (`known`:
 * the first byte outside printable ASCII, when the caller has found it already).
 */
function emit(
  bytes: Buffer,
  start: number,
  lf: number,
  sink: LineSink,
  latin1: Latin1Copy,
  words: Words | null = null,
  known = -1,
): void {
  const end = lf > start && bytes[lf - 1] === CR ? lf - 1 : lf;
  const odd = known >= 0 ? known : cleanRun(bytes, start, end, words);
  if (odd === end) {
    sink.singleByte(bytes, start, end);
    return;
  }
  if (sink.skip?.(bytes, start, end)) return;
  if (isControl(bytes[odd] as number)) {
    asText(bytes, start, end, sink);
    return;
  }
  const length = latin1.copy(bytes, start, odd, end, words);
  if (length >= 0) {
    sink.singleByte(latin1.bytes, 0, length);
    return;
  }
  for (let i = odd; i < end; i++) {
    if (isControl(bytes[i] as number)) {
      asText(bytes, start, end, sink);
      return;
    }
  }
  const line = bytes.toString("utf8", start, end);
  if (NOT_PRINTABLE.test(line)) sink.text(line);
  else sink.printable(line);
}

function asText(bytes: Buffer, start: number, end: number, sink: LineSink): void {
  // The CR of a CRLF is gone; any CR left is a line end of its own.
  for (const line of bytes.toString("utf8", start, end).split("\r")) sink.text(line);
}

/** Runs of ASCII shorter than this are copied byte by byte: a native copy costs more. */
const SHORT_RUN = 16;

/**
 * A Latin-1 copy of a line whose bytes are printable ASCII and the UTF-8 of printable Latin-1
 * letters (U+00A1–U+00FF: C2 A1–C2 BF, C3 80–C3 BF): in a real unload, the `¢` that stands for
 * a blank in every DIGTCERT and DIGTRING name, on every certificate and ring record. The copy
 * has one byte per character, so columns are bytes. U+0080–U+00A0 (C1 controls and the
 * no-break space) are left to the text path, which cleans them up.
 */
class Latin1Copy {
  bytes: Buffer = Buffer.allocUnsafe(4096);

  /**
   * Copy `src[start, end)`, whose bytes before `odd` are printable ASCII and whose byte at
   * `odd` is not ASCII: the copy's length, or -1 when the line holds anything but printable
   * ASCII and printable Latin-1 letters.
   */
  copy(src: Buffer, start: number, odd: number, end: number, words: Words | null): number {
    if (this.bytes.length < end - start) this.bytes = Buffer.allocUnsafe(2 * (end - start));
    const out = this.bytes;
    let n = src.copy(out, 0, start, odd);
    let i = odd;
    while (i < end) {
      const b = src[i] as number;
      const next = i + 1 < end ? (src[i + 1] as number) : 0;
      if (b === 0xc2 && next >= 0xa1 && next <= 0xbf) out[n++] = next;
      else if (b === 0xc3 && next >= 0x80 && next <= 0xbf) out[n++] = next + 0x40;
      else return -1;
      i += 2;
      const run = cleanRun(src, i, end, words);
      if (run - i >= SHORT_RUN) n += src.copy(out, n, i, run);
      else for (let j = i; j < run; j++) out[n++] = src[j] as number;
      i = run;
    }
    return n;
  }
}
