/**
 * The worker thread that reads an unload's clean user records (src/readers/unload.ts
 * ParallelUsers) while the main thread reads the rest of the same file. It reads through the
 * descriptor the main thread opened and checked (threads share descriptors), at explicit
 * positions, so neither reading moves the other's place in the file.
 */
import { read } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { readCleanUserRecords } from "../readers/unload.js";
import { reusedChunks } from "./files.js";

const { fd, file } = workerData as { fd: number; file: string };
const chunks = reusedChunks(
  (buffer, position) =>
    new Promise((done, fail) =>
      read(fd, buffer, 0, buffer.length, position, (e, bytesRead) => (e ? fail(e) : done({ bytesRead }))),
    ),
);
const { table, tally } = await readCleanUserRecords(chunks, file);
const { parts, buffers } = table.parts();
parentPort?.postMessage({ parts, tally }, buffers);
