import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../src/audit/format/json-stream.js";

describe("JSON written as a stream", () => {
  it("is byte for byte JSON.stringify(value, null, 2), whatever is streamed", () => {
    const value = fc.dictionary(
      fc.constantFrom("findings", "runs", "a", "b"),
      fc.oneof(
        fc.jsonValue(),
        fc.array(fc.jsonValue()),
        fc.array(fc.dictionary(fc.string(), fc.jsonValue())),
      ),
    );
    const paths = fc.subarray(["", "findings", "runs", "runs.0", "runs.0.results", "a", "a.0", "b.1"]);
    fc.assert(
      fc.property(value, paths, (v, p) => {
        expect([...jsonChunks(v, new Set(p))].join("")).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 200 },
    );
  });

  it("never builds the streamed array as one string", () => {
    const findings = Array.from({ length: 10_000 }, (_, i) => ({ rule: "r", id: i }));
    const chunks = [...jsonChunks({ findings }, new Set(["findings"]))];
    // Items are stringified a batch at a time: many chunks, none holding more than a batch.
    expect(chunks.length).toBeGreaterThan(30);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(20_000);
  });

  it("batches of items come out at their depth, byte for byte", () => {
    const item = (i: number) => ({ id: i, nested: { list: [i, [i], {}], empty: [], none: null }, s: "a\nb" });
    const value = {
      kind: "x",
      users: Array.from({ length: 700 }, (_, i) => item(i)),
      runs: [{ results: Array.from({ length: 600 }, (_, i) => (i % 7 === 0 ? undefined : item(i))) }],
    };
    for (const streamed of [["users"], ["runs.0.results"], ["users", "runs", "runs.0.results"]]) {
      expect([...jsonChunks(value, new Set(streamed))].join("")).toBe(JSON.stringify(value, null, 2));
    }
  });
});
