import { randomBytes } from "node:crypto";
import { access, chmod, lstat, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { InputError } from "./errors.js";

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Read an input file, turning every failure into a located InputError (exit 3). */
export async function readInput(path: string, cwd: string): Promise<Buffer> {
  try {
    return await readFile(resolve(cwd, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message;
    throw new InputError(`${path}: cannot read input (${why})`);
  }
}

export interface WriteOptions {
  force?: boolean;
  /** File mode; secrets (private keys, passwords) are written 0600. */
  mode?: number;
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOSPC":
      return "no space left on the device";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "a part of the path is a file, not a directory";
    case "EISDIR":
      return "it is a directory";
    case "EROFS":
      return "the file system is read-only";
    default:
      return (e as Error).message;
  }
}

/**
 * Write a file atomically: a temporary file beside the target, fsync, then rename. An
 * existing file is never replaced without `force`, and only a regular file is ever replaced
 * (never a directory, a device or a symbolic link) — nothing the user had is lost. On any
 * failure the temporary file is removed and the error names the file (exit 3).
 */
export async function writeFileSafe(
  path: string,
  data: string | Uint8Array,
  opts: WriteOptions = {},
): Promise<void> {
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
  const dir = dirname(path);
  const tmp = join(dir, `.racfring-tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const mode = opts.mode ?? 0o644;
  try {
    await mkdir(dir, { recursive: true });
    const fh = await open(tmp, "wx", mode);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await chmod(tmp, mode);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new InputError(`${path}: cannot write (${describeFsError(e)}); nothing was written`);
  }
}

/**
 * Read a text input that may be `-` (standard input) or a file. Only regular files are read
 * (a FIFO or device could block forever or never end), and at most `maxBytes`: logs are
 * pasted or captured text, and a larger input is refused with a clear error (exit 3).
 */
export async function readTextInput(
  path: string,
  cwd: string,
  maxBytes: number,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<Buffer> {
  if (path === "-") {
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
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await stat(resolve(cwd, path));
  } catch {
    throw new InputError(`${path}: cannot read input (no such file)`);
  }
  if (!info.isFile()) throw new InputError(`${path}: cannot read input (not a regular file)`);
  if (info.size > maxBytes)
    throw new InputError(`${path}: cannot read input (${info.size} bytes; the limit is ${maxBytes})`);
  return readInput(path, cwd);
}
