/**
 * The small helpers every check uses (src/sim/checks/util.ts): how input text is clipped, which
 * confidence is the weakest, how evidence is listed, how distinguished names are compared, how
 * access is described.
 */
import { describe, expect, it } from "vitest";
import {
  accessSources,
  at,
  clipText,
  describeAccess,
  evidence,
  plusYear,
  sameDn,
  weakest,
} from "../../src/sim/checks/util.js";
import { deck } from "./builders.js";

describe("util", () => {
  it("clipText keeps 200 characters and marks a longer text as cut", () => {
    expect(clipText("a".repeat(200))).toBe("a".repeat(200));
    expect(clipText("a".repeat(201))).toBe(`${"a".repeat(200)}…`);
  });

  it("weakest: unconfirmed < third-party < ibm, whatever the order; nothing given is ibm", () => {
    expect(weakest()).toBe("ibm");
    expect(weakest("ibm", "third-party")).toBe("third-party");
    expect(weakest("third-party", "ibm")).toBe("third-party");
    expect(weakest("unconfirmed", "ibm", "third-party")).toBe("unconfirmed");
  });

  it("evidence: in order, each file:line once, sources without a file left out", () => {
    expect(
      evidence(
        [
          { file: "a", line: 1, kind: "jcl" },
          { file: "", line: 2, kind: "default" },
          { file: "a", line: 1, kind: "jcl" },
        ],
        undefined,
        [{ file: "b", line: 1, kind: "jcl" }],
      ),
    ).toEqual([
      { file: "a", line: 1, kind: "jcl" },
      { file: "b", line: 1, kind: "jcl" },
    ]);
  });

  it("at: ' (file:line, …)' for real sources, nothing otherwise", () => {
    expect(at([])).toBe("");
    expect(at([{ file: "", line: 3, kind: "default" }])).toBe("");
    expect(
      at([
        { file: "f", line: 3, kind: "jcl" },
        { file: "g", line: 4, kind: "jcl" },
      ]),
    ).toBe(" (f:3, g:4)");
  });

  it("sameDn: RDNs in any order, case and runs of blanks ignored in values; null matches nothing", () => {
    expect(sameDn("CN=a,O=b", "O=b,CN=a")).toBe(true);
    expect(sameDn("CN=A  B,O=x", "cn=a b,o=X")).toBe(true);
    expect(sameDn("CN=a", "CN=b")).toBe(false);
    expect(sameDn("CN=a", null)).toBe(false);
    expect(sameDn(null, "CN=a")).toBe(false);
  });

  it("plusYear: one calendar year later in UTC (29 February → 1 March)", () => {
    expect(plusYear(new Date("2026-01-15T12:00:00Z")).toISOString()).toBe("2027-01-15T12:00:00.000Z");
    expect(plusYear(new Date("2024-02-29T10:00:00Z")).toISOString()).toBe("2025-03-01T10:00:00.000Z");
  });

  it("describeAccess and accessSources: own entry, group, ID(*), UACC, with the profile's lines", () => {
    const m = deck(`
      ADDUSER U1 DFLTGRP(G1)
      ADDUSER U2 DFLTGRP(G2)
      ADDUSER U3 DFLTGRP(G3)
      RDEFINE FACILITY P1 UACC(NONE)
      PERMIT P1 CLASS(FACILITY) ID(U1) ACCESS(UPDATE)
      PERMIT P1 CLASS(FACILITY) ID(G2) ACCESS(READ)
      RDEFINE FACILITY P2 UACC(READ)
      RDEFINE FACILITY P3 UACC(NONE)
      PERMIT P3 CLASS(FACILITY) ID(*) ACCESS(READ)`);
    const p = (name: string) => {
      const x = m.profile("FACILITY", name);
      if (!x) throw new Error(name);
      return x;
    };
    expect(describeAccess(m, p("P1"), "U1")).toBe("UPDATE (via its own access-list entry)");
    expect(describeAccess(m, p("P1"), "U2")).toBe("READ (via group G2)");
    expect(describeAccess(m, p("P1"), "U3")).toBe("NONE (via UACC)");
    expect(describeAccess(m, p("P2"), "U3")).toBe("READ (via UACC)");
    expect(describeAccess(m, p("P3"), "U3")).toBe("READ (via ID(*))");
    const lines = (u: string, name: string) => accessSources(m, p(name), u).map((s) => s.line);
    // A PERMIT is part of the profile's history: its line is among the profile's own sources.
    expect(lines("U1", "P1")).toEqual([4, 5, 6]);
    expect(lines("U3", "P2")).toEqual([7]);
    expect(lines("U3", "P3")).toEqual([8, 9]);
  });
});
