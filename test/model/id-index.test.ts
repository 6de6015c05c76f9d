import { describe, expect, it } from "vitest";
import { IdIndex, type IdIndexParts } from "../../src/model/id-index.js";

describe("IdIndex (ids to numbers in typed arrays)", () => {
  it("finds every id it was given among 50,000, and no other", () => {
    const index = new IdIndex();
    const ids: string[] = [];
    for (let i = 0; i < 50_000; i++) ids.push(`U${i.toString(36).toUpperCase()}`.slice(0, 8));
    for (const [i, id] of ids.entries()) index.set(id, i);
    for (const [i, id] of ids.entries()) expect(index.get(id)).toBe(i);
    // Same characters, other lengths or order: other ids.
    expect(index.get("U")).toBe(-1);
    expect(index.get("U0 ")).toBe(-1);
    expect(index.get("0U")).toBe(-1);
    expect(index.get("u0")).toBe(-1);
  });

  it("tells apart ids that differ only in a trailing NUL, a fifth character or beyond Latin-1", () => {
    const index = new IdIndex();
    const ids = [
      "A",
      "A\u0000",
      "ABCD",
      "ABCDE",
      "ABCDEFGH",
      "ABCDEFGHI",
      "ÅSA",
      "Ω",
      "",
      "\u00ff\u00ff\u00ff\u00ff",
    ];
    for (const [i, id] of ids.entries()) index.set(id, i);
    for (const [i, id] of ids.entries()) expect(index.get(id), JSON.stringify(id)).toBe(i);
    expect(index.get("ABCDEFG")).toBe(-1);
    index.set("ABCDE", 99);
    expect(index.get("ABCDE")).toBe(99);
    expect(index.get("ABCD")).toBe(2);
  });

  it("moves to another thread as plain data and answers the same there", () => {
    const index = new IdIndex();
    for (let i = 0; i < 3000; i++) index.set(`G${i}`, i * 2);
    index.set("NOT-A-RACF-ID", 7);
    const { parts, buffers } = index.parts();
    const copy = IdIndex.fromParts(structuredClone(parts, { transfer: buffers }) as IdIndexParts);
    for (let i = 0; i < 3000; i++) expect(copy.get(`G${i}`)).toBe(i * 2);
    expect(copy.get("NOT-A-RACF-ID")).toBe(7);
    expect(copy.get("G3000")).toBe(-1);
    copy.set("G3000", 1);
    expect(copy.get("G3000")).toBe(1);
  });

  it("refuses parts that do not fit together", () => {
    const { parts } = new IdIndex().parts();
    expect(() => IdIndex.fromParts({ ...parts, value: new Int32Array(3) })).toThrow(/do not fit/);
    expect(() => IdIndex.fromParts({ ...parts, count: parts.len.length })).toThrow(/do not fit/);
  });
});
