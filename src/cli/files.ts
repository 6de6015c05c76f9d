import { randomBytes } from "node:crypto";
import { constants, readSync } from "node:fs";
import { access, chmod, type FileHandle, lstat, mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { nonTextHint, nonTextKind } from "../readers/guard.js";
import { InputError } from "./errors.js";

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The largest input racfring reads, per file (and from standard input): 256 MiB. It is below
 * V8's longest string (about 512 MiB of UTF-16 code units), so a reader never fails halfway
 * with an out-of-memory abort; the largest real inputs (IRRDBU00 unloads of big databases,
 * captured listings) are tens of MiB. Documented in the README ("Input files").
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** `-` as a file argument: standard input (the one input that is not a regular file). */
export const STDIN = "-";
/** Standard input is read once per stream; every `-` of a run gets the same text. */
const stdinData = new WeakMap<object, Promise<Buffer>>();

async function readStdin(limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > limit)
      throw new InputError(`-: standard input is larger than ${limit} bytes, the input limit`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

function kindOf(st: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * A stream of an input read line by line without a size limit (IRRDBU00 unloads, which are
 * streamed and can be far larger than memory): the same regular-file rule as `readInput`, and
 * `-` for standard input.
 */
export async function inputStream(path: string, cwd: string): Promise<NodeJS.ReadableStream> {
  if (path === STDIN) return process.stdin;
  const fh = await inputFile(path, cwd);
  // Large reads: an unload is hundreds of megabytes, read once from start to end.
  return fh.createReadStream({ highWaterMark: 1 << 20 });
}

/**
 * The bytes of a file a megabyte at a time, from its start, each chunk read into the same
 * buffer: an unload is hundreds of chunks, and a new megabyte for each kept the garbage
 * collector busy. The consumer is done with a chunk when it asks for the next (the unload
 * scanner copies the unfinished line it keeps). Reads are at explicit positions, so that
 * several readings of one descriptor never move each other's place.
 *
 * The reads are synchronous: an unload is read from the page cache far faster than a read
 * goes through libuv's thread pool and back, and each asynchronous read left the reading
 * thread idle for its round trip (about a tenth of a 1M-record unload's reading, measured).
 * Every `YIELD_EVERY` chunks the event loop gets a turn, so that signals, a worker's messages
 * and timers are not held up for the whole file.
 */
export async function* reusedChunks(fd: number, size = 1 << 20): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let position = 0;
  for (let n = 1; ; n++) {
    const bytesRead = readSync(fd, buffer, 0, buffer.length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
    if (n % YIELD_EVERY === 0) await new Promise((turn) => setImmediate(turn));
  }
}

/** Chunks read between two turns of the event loop (32 MiB: a few milliseconds of reading). */
const YIELD_EVERY = 32;

/**
 * An input file opened for reading, checked as inputStream checks it (a regular file, and still
 * one once open). The caller closes it.
 */
export async function inputFile(path: string, cwd: string): Promise<FileHandle> {
  const full = resolve(cwd, path);
  const refuse = (why: string) => new InputError(`${path}: cannot read input (${why})`);
  const st = await stat(full).catch((e: NodeJS.ErrnoException) => {
    throw refuse(e.code === "ENOENT" ? "no such file" : e.message);
  });
  if (!st.isFile()) throw refuse(`${kindOf(st)}; racfring reads only regular files, or - for standard input`);
  const fh = await open(full, constants.O_RDONLY | constants.O_NONBLOCK);
  const again = await fh.stat();
  if (!again.isFile()) {
    await fh.close();
    throw refuse(`${kindOf(again)}; racfring reads only regular files, or - for standard input`);
  }
  return fh;
}

/**
 * Read an input file, turning every failure into a located InputError (exit 3). Only regular
 * files are read: a FIFO, a device such as /dev/zero, a directory or a socket would block or
 * never end, so it is refused before it is opened (and checked again on the open descriptor,
 * which is opened non-blocking so a file swapped for a FIFO in between cannot hang the
 * read). `-` reads standard input, once per run (every `-` gets the same text).
 */
export async function readInput(path: string, cwd: string, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  if (path === STDIN) {
    const stream = process.stdin;
    let data = stdinData.get(stream);
    if (!data) {
      data = readStdin(limit);
      stdinData.set(stream, data);
    }
    return data;
  }
  const full = resolve(cwd, path);
  const refuse = (why: string) => new InputError(`${path}: cannot read input (${why})`);
  try {
    const st = await stat(full);
    if (!st.isFile())
      throw refuse(`${kindOf(st)}; racfring reads only regular files, or - for standard input`);
    if (st.size > limit) throw refuse(`${st.size} bytes; the input limit is ${limit} bytes`);
    const fh = await open(full, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const again = await fh.stat();
      if (!again.isFile())
        throw refuse(`${kindOf(again)}; racfring reads only regular files, or - for standard input`);
      if (again.size > limit) throw refuse(`${again.size} bytes; the input limit is ${limit} bytes`);
      return await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : (e as Error).message;
    throw refuse(why);
  }
}

/**
 * `mkdir -p` without Node's recursive mkdir, which never returns on some pseudo file systems:
 * under /proc, mkdir answers ENOENT although the parent exists, and Node 20's recursive mode
 * retries the parent forever (`generate -o /proc/x` spun at 100% CPU). The missing directories
 * are found by walking up, then made one level at a time; any refusal is the caller's error.
 * Returns the first directory made, or undefined when `dir` existed (as `mkdir -p` in Node).
 */
export async function makeDirs(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      const st = await stat(at);
      if (!st.isDirectory()) throw Object.assign(new Error(`${at} is not a directory`), { code: "ENOTDIR" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  let first: string | undefined;
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
    } catch (e) {
      // made meanwhile by another writer: fine, as with mkdir -p
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      continue;
    }
    first ??= d;
  }
  return first;
}

export interface WriteOptions {
  force?: boolean;
  /** File mode; secrets (private keys, passwords) are written 0600. */
  mode?: number;
}

/**
 * Why the file system refused a write, in the user's terms; shared by every writer (audit,
 * simulate, generate, wizard). A read-only target says "read-only" whichever way it is
 * read-only: a read-only mount (EROFS) or a file or directory this user may not write
 * (EACCES/EPERM; root is refused only by EROFS or by pseudo file systems such as /sys).
 */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOSPC":
      return "no space left on the device";
    case "EACCES":
    case "EPERM":
      return "permission denied: read-only for this user";
    case "ENOTDIR":
      return "a part of the path is a file, not a directory";
    case "EISDIR":
      return "it is a directory";
    case "EROFS":
      return "the file system is read-only";
    case "ENOENT":
      return "a directory on the way cannot be created here";
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Would `writeFileSafe` accept this target? Throws the same located InputError it would, so a
 * command writing several files can check them all before writing any.
 */
export async function checkTarget(path: string, opts: WriteOptions = {}): Promise<void> {
  let existing: Awaited<ReturnType<typeof lstat>> | null = null;
  try {
    existing = await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new InputError(`${path}: cannot write (${describeFsError(e)})`);
    }
  }
  if (existing && !existing.isFile()) {
    const what = existing.isDirectory()
      ? "a directory"
      : existing.isSymbolicLink()
        ? "a symbolic link"
        : "not a regular file";
    throw new InputError(`${path} is ${what}; racfring only writes regular files and will not replace it`);
  }
  if (existing && !opts.force) {
    throw new InputError(`${path} already exists; use --force to replace it`);
  }
}

/**
 * Write a file atomically: a temporary file beside the target, fsync, then rename. An
 * existing file is never replaced without `force`, and only a regular file is ever replaced
 * (never a directory, a device or a symbolic link) — nothing the user had is lost. On any
 * failure the temporary file is removed and the error names the file (exit 3).
 * `data` may be a sequence of chunks (a large report written as a stream, never one string).
 */
export async function writeFileSafe(
  path: string,
  data: string | Uint8Array | Iterable<string> | AsyncIterable<string>,
  opts: WriteOptions = {},
): Promise<void> {
  await checkTarget(path, opts);
  const dir = dirname(path);
  const tmp = join(dir, `.racfring-tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const mode = opts.mode ?? 0o644;
  try {
    await makeDirs(dir);
    const fh = await open(tmp, "wx", mode);
    try {
      if (typeof data === "string" || data instanceof Uint8Array) await fh.writeFile(data);
      else {
        // Chunks are gathered to about 1 MiB per write: one system call per small chunk is slow.
        let pending: string[] = [];
        let size = 0;
        for await (const chunk of data) {
          pending.push(chunk);
          size += chunk.length;
          if (size >= 1 << 20) {
            await fh.write(pending.join(""));
            pending = [];
            size = 0;
          }
        }
        if (pending.length > 0) await fh.write(pending.join(""));
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await chmod(tmp, mode);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: cannot write (${describeFsError(e)}); nothing was written`);
  }
}

/**
 * Decode a text input the way every reader of RACF text does (model --jcl, lint-jcl): NUL
 * bytes (binary, UTF-16) and text that decodes mostly to garbage (EBCDIC, binary) are refused
 * with one verdict, exit 3, instead of a page of "unknown command" issues.
 */
export function decodeText(buf: Buffer, file: string, what: string): string {
  if (buf.includes(0)) {
    throw new InputError(
      `${file}: is a binary file, not ${what} (NUL bytes); transfer RACF output and JCL as text (EBCDIC → ASCII)`,
    );
  }
  const text = buf.toString("utf8");
  const kind = nonTextKind(text);
  if (kind) throw new InputError(`${file}: no ${what} found; ${nonTextHint(kind)}`);
  if (text.trim() === "") throw new InputError(`${file}: is empty; no ${what} found`);
  return text;
}

/**
 * readInput with a caller's size limit (logs for diagnose). A stream other than process.stdin
 * can stand in for `-` (tests); otherwise `-` and files go through readInput, which reads only
 * regular files and standard input once per run.
 */
export async function readTextInput(
  path: string,
  cwd: string,
  maxBytes: number,
  stdin?: NodeJS.ReadableStream,
): Promise<Buffer> {
  if (path === "-" && stdin) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      const b = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      size += b.length;
      if (size > maxBytes)
        throw new InputError(`-: standard input is larger than ${maxBytes} bytes; refused`);
      chunks.push(b);
    }
    return Buffer.concat(chunks);
  }
  return readInput(path, cwd, maxBytes);
}
