import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCommandArgs } from "../../src/cli/command.js";
import { spec } from "../../src/cli/commands/model.js";
import { loadInputs } from "../../src/cli/inputs.js";
import { runCli } from "../../src/cli/main.js";
import { formatAmount, type ProgressSink, progressLine, progressSink } from "../../src/cli/progress.js";
import { captureIo } from "../helpers/io.js";

describe("progress on stderr", () => {
  it("shows nothing before a second, then amount, rate and ETA, and erases itself", () => {
    let t = 0;
    const written: string[] = [];
    const sink = progressSink({ write: (s) => written.push(s), isTTY: true, columns: 100, clock: () => t });
    const task = sink.start("reading big.txt", "bytes", 10 * 1024 * 1024);
    task.advance(1024 * 1024);
    t = 500;
    task.advance(1024 * 1024);
    expect(written).toEqual([]);
    t = 2000;
    task.advance(2 * 1024 * 1024);
    expect(written).toHaveLength(1);
    const line = written[0] ?? "";
    expect(line).toMatch(/^\rreading big\.txt \[#+-+\] {2}40% 4\.0 MiB\/10\.0 MiB 2\.0 MiB\/s ETA 3s/);
    expect(line.length).toBeLessThan(100 + 4);
    t = 2050; // redrawn at most every 100 ms
    task.advance(1);
    expect(written).toHaveLength(1);
    task.done();
    expect(written[1]).toBe("\r\u001b[K");
  });

  it("never draws when stderr is not a terminal", () => {
    let t = 0;
    const written: string[] = [];
    const task = progressSink({ write: (s) => written.push(s), isTTY: false, clock: () => t }).start(
      "x",
      "records",
    );
    t = 10_000;
    task.advance(5);
    task.done();
    expect(written).toEqual([]);
  });

  it("a quick task leaves no trace", () => {
    const written: string[] = [];
    const task = progressSink({ write: (s) => written.push(s), isTTY: true, clock: () => 0 }).start(
      "x",
      "bytes",
      10,
    );
    task.advance(10);
    task.done();
    expect(written).toEqual([]);
  });

  it("formats amounts and lines without a total", () => {
    expect(formatAmount(512, "bytes")).toBe("512 B");
    expect(formatAmount(3 * 1024 * 1024 * 1024, "bytes")).toBe("3.00 GiB");
    expect(formatAmount(25_000, "records")).toBe("25k records");
    expect(progressLine("reading", "records", 5000, undefined, 2000, 80)).toBe(
      "reading 5000 records 2500 records/s",
    );
  });

  it("the unload reader feeds it the bytes it reads, then ends it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-progress-"));
    const line = "0200 WEBSRV   2023-01-15 SECADM   NO   NO   NO   NO   NO   186\n";
    writeFileSync(join(dir, "u.txt"), line.repeat(2000));
    const seen = { label: "", total: 0, advanced: 0, done: 0 };
    const sink: ProgressSink = {
      start(label, _unit, total) {
        seen.label = label;
        seen.total = total ?? -1;
        return {
          advance: (n) => {
            seen.advanced += n;
          },
          stage: () => undefined,
          done: () => {
            seen.done++;
          },
        };
      },
    };
    const args = parseCommandArgs(spec, ["--unload", "u.txt"]);
    await loadInputs(args, dir, new Date(), sink);
    expect(seen).toEqual({
      label: "reading u.txt",
      total: line.length * 2000,
      advanced: line.length * 2000,
      done: 1,
    });
    // and through the CLI, with stderr not a terminal: nothing on it
    const c = captureIo({ cwd: dir });
    expect(await runCli(["model", "--unload", "u.txt", "--json"], c.io)).toBe(0);
    expect(c.err.join("")).toBe("");
  });
});
