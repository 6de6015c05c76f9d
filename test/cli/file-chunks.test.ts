/**
 * How the CLI reads an unload's bytes (src/cli/files.ts reusedChunks): synchronously, at
 * explicit positions, into one reused buffer, with a turn of the event loop now and then.
 */
import { closeSync, openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reusedChunks } from "../../src/cli/files.js";
import { tempDir } from "../helpers/cli.js";

function fileOf(bytes: Buffer): number {
  const path = join(tempDir(), "chunks.bin");
  writeFileSync(path, bytes);
  return openSync(path, "r");
}

describe("reading a file a chunk at a time", () => {
  const bytes = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7) % 251));

  it("gives every byte once, in order, whatever the chunk size", async () => {
    const fd = fileOf(bytes);
    try {
      for (const size of [7, 4095, 4096, 99_999, 1 << 20]) {
        const got: Buffer[] = [];
        // Each chunk is copied: the buffer is the same one each time.
        for await (const chunk of reusedChunks(fd, size)) got.push(Buffer.from(chunk));
        expect(Buffer.concat(got).equals(bytes), `chunks of ${size}`).toBe(true);
      }
    } finally {
      closeSync(fd);
    }
  });

  it("lets the event loop run while it reads (timers, signals, a worker's messages)", async () => {
    const fd = fileOf(bytes);
    try {
      let turns = 0;
      let chunks = 0;
      const tick = () => {
        turns++;
        if (chunks < 90) setImmediate(tick);
      };
      setImmediate(tick);
      // 100,000 bytes in chunks of 1,000: a hundred synchronous reads.
      for await (const _ of reusedChunks(fd, 1000)) chunks++;
      expect(chunks).toBe(100);
      // A turn every 32 chunks: at least three before the last chunk.
      expect(turns).toBeGreaterThanOrEqual(3);
    } finally {
      closeSync(fd);
    }
  });
});
