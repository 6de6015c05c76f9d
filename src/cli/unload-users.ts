import { Worker } from "node:worker_threads";
import { UserTable, type UserTableParts } from "../model/user-table.js";
import type { CleanUsers, Tally } from "../readers/unload.js";

/**
 * The user records of an unload read on the machine's other core (src/cli/unload-worker.ts),
 * for src/readers/unload.ts ParallelUsers. A worker that cannot start, fails or ends without a
 * table gives null: the reader then reads the users itself, so the answer never depends on it.
 */
export interface UserWorker {
  table: Promise<CleanUsers | null>;
  /** Ends the worker (it must not read the descriptor once it is closed). */
  stop(): Promise<void>;
  /** Why the worker gave no table, when it gave none. */
  failure(): string | null;
}

/**
 * Below this size the file is read on one thread: a worker takes tens of milliseconds to start,
 * longer than reading a few megabytes.
 */
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;

/**
 * `RACFRING_UNLOAD_WORKER`: `off` never starts the worker; `require` starts it whatever the
 * file's size and makes its failure an error (the tests that check it is used and agrees).
 */
export type WorkerUse = "auto" | "off" | "require";

export function workerUse(env: NodeJS.ProcessEnv): WorkerUse {
  const v = env.RACFRING_UNLOAD_WORKER;
  return v === "off" || v === "require" ? v : "auto";
}

export function readUsersInWorker(fd: number, file: string): UserWorker {
  let failure: string | null = null;
  let worker: Worker;
  try {
    worker = new Worker(new URL("./unload-worker.js", import.meta.url), { workerData: { fd, file } });
  } catch (e) {
    failure = (e as Error).message;
    return { table: Promise.resolve(null), stop: async () => {}, failure: () => failure };
  }
  const table = new Promise<CleanUsers | null>((resolve) => {
    let settled = false;
    const done = (t: CleanUsers | null, why: string | null) => {
      if (settled) return;
      settled = true;
      failure = why;
      resolve(t);
    };
    worker.once("message", ({ parts, tally }: { parts: UserTableParts; tally: Tally }) => {
      try {
        done({ table: UserTable.fromParts(file, parts), tally }, null);
      } catch (e) {
        done(null, (e as Error).message);
      }
    });
    worker.once("error", (e) => done(null, e.message));
    worker.once("exit", (code) => done(null, `the worker ended (exit ${code}) without a table`));
  });
  return {
    table,
    stop: async () => {
      await worker.terminate();
    },
    failure: () => failure,
  };
}
