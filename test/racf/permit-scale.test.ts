/**
 * Issue 9, item 10: a deck of many PERMITs to one profile is read in time proportional to its
 * size. The work is bounded by counting reads of the access list, not by wall time.
 */
import { describe, expect, it } from "vitest";
import { RacfModel } from "../../src/model/model.js";
import type { AccessEntry } from "../../src/model/types.js";
import { readRacfCommands } from "../../src/racf/reader.js";

function countingArray(): { list: AccessEntry[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy<AccessEntry[]>([], {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list, reads: () => reads };
}

describe("PERMIT to one profile, thousands of times", () => {
  it("reads the access list a bounded number of times per PERMIT, and keeps one entry per id", () => {
    const n = 5000;
    const model = new RacfModel();
    const profile = model.defineProfile("FACILITY", "IRR.DIGTCERT.LISTRING", {
      file: "x",
      line: 0,
      kind: "jcl",
    });
    const counter = countingArray();
    profile.access = counter.list;
    const lines = ["//J JOB", "//S EXEC PGM=IKJEFT01", "//SYSTSIN DD *"];
    for (let i = 0; i < n; i++)
      lines.push(
        ` PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(U${String(i).padStart(5, "0")}) ACCESS(READ)`,
      );
    // a second PERMIT for the first id changes its level, not the number of entries
    lines.push(" PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(U00000) ACCESS(UPDATE)", "/*");
    readRacfCommands(`${lines.join("\n")}\n`, {
      model,
      file: "permits.jcl",
      datasets: new Map(),
      ranAt: new Date("2026-06-01T00:00:00Z"),
      ranAtGiven: true,
    });
    const p = model.profile("FACILITY", "IRR.DIGTCERT.LISTRING");
    expect(p?.access).toHaveLength(n);
    expect(p?.access[0]).toMatchObject({ id: "U00000", level: "UPDATE" });
    expect(p?.access[0]?.sources).toHaveLength(2);
    // a scan per PERMIT reads about n²/2 = 12.5 million entries; the index a few per PERMIT
    expect(counter.reads()).toBeLessThan(10 * n);
  });
});
