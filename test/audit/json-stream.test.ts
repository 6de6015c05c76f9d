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
    const findings = Array.from({ length: 1000 }, (_, i) => ({ rule: "r", id: i }));
    const chunks = [...jsonChunks({ findings }, new Set(["findings"]))];
    expect(chunks.length).toBeGreaterThan(1000);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(100);
  });
});
