import { randomBytes } from "node:crypto";
import { access, chmod, mkdir, open, readFile, rename, rm } from "node:fs/promises";
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

/**
 * Write a file atomically: a temporary file beside the target, fsync, then rename. An
 * existing file is never replaced without `force` — nothing the user had is lost.
 */
export async function writeFileSafe(
  path: string,
  data: string | Uint8Array,
  opts: WriteOptions = {},
): Promise<void> {
  if (!opts.force && (await exists(path))) {
    throw new InputError(`${path} already exists; use --force to replace it`);
  }
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.racfring-tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const mode = opts.mode ?? 0o644;
  const fh = await open(tmp, "wx", mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await chmod(tmp, mode);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
