/**
 * The worker thread that reads an unload's clean user records (src/readers/unload.ts
 * ParallelUsers) while the main thread reads the rest of the same file. It reads through the
 * descriptor the main thread opened and checked (threads share descriptors), at explicit
 * positions, so neither reading moves the other's place in the file.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readCleanUserRecords } from "../readers/unload.js";
import { reusedChunks } from "./files.js";

const { fd, file } = workerData as { fd: number; file: string };
const { table, tally } = await readCleanUserRecords(reusedChunks(fd), file);
const { parts, buffers } = table.parts();
parentPort?.postMessage({ parts, tally }, buffers);
