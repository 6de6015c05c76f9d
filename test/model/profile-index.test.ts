import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RacfModel } from "../../src/model/model.js";
import { bestMatch, ProfileIndex } from "../../src/model/profiles.js";

const src = { file: "t.jcl", line: 1, kind: "jcl" as const };

function index(names: string[]) {
  return new ProfileIndex(names.map((name) => ({ name, generic: /[*%]/.test(name) })));
}

describe("compiled profile matcher (RACF generic rules for general resources)", () => {
  it("discrete beats every generic, even `**`", () => {
    expect(index(["**", "WEBSRV.*", "WEBSRV.RING.LST"]).best("WEBSRV.RING.LST")?.name).toBe(
      "WEBSRV.RING.LST",
    );
  });

  it("a literal character is more specific than %, % than *, * than **", () => {
    const idx = index(["**", "WEBSRV.*", "WEBSRV.%ING.LST", "WEBSRV.R*.LST", "WEBSRV.RING.*"]);
    expect(idx.best("WEBSRV.RING.LST")?.name).toBe("WEBSRV.RING.*");
    const noLiteral = index(["**", "WEBSRV.*", "WEBSRV.%ING.LST", "WEBSRV.R*.LST"]);
    expect(noLiteral.best("WEBSRV.RING.LST")?.name).toBe("WEBSRV.R*.LST");
    expect(index(["**", "WEBSRV.*", "WEBSRV.%ING.LST"]).best("WEBSRV.RING.LST")?.name).toBe(
      "WEBSRV.%ING.LST",
    );
    expect(index(["**", "WEBSRV.*"]).best("WEBSRV.RING.LST")?.name).toBe("WEBSRV.*");
    expect(index(["**"]).best("WEBSRV.RING.LST")?.name).toBe("**");
  });

  it("`%` is one character (never a period), a middle `*` one qualifier, an ending `*` the rest", () => {
    const idx = index(["A%C", "X.*.LST", "P.*"]);
    expect(idx.best("ABC")?.name).toBe("A%C");
    expect(idx.best("A.C")).toBeUndefined();
    expect(idx.best("X.RING.LST")?.name).toBe("X.*.LST");
    expect(idx.best("X.A.B.LST")).toBeUndefined();
    expect(idx.best("P.A.B")?.name).toBe("P.*");
  });

  it("`**` stands for any number of qualifiers, none included", () => {
    const idx = index(["A.**.B"]);
    expect(idx.best("A.B")?.name).toBe("A.**.B");
    expect(idx.best("A.X.Y.B")?.name).toBe("A.**.B");
    expect(idx.best("A.X.Y.C")).toBeUndefined();
  });

  it("gives the same answer as a scan with bestMatch, for any profiles and resources", () => {
    const qualifier = fc.constantFrom("A", "B", "AB", "*", "%", "A*", "%B", "**");
    const name = fc.array(qualifier, { minLength: 1, maxLength: 4 }).map((q) => q.join("."));
    const resource = fc
      .array(fc.constantFrom("A", "B", "AB", "BB", "ABC"), { minLength: 1, maxLength: 4 })
      .map((q) => q.join("."));
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 12 }),
        fc.array(resource, { maxLength: 8 }),
        (names, resources) => {
          const profiles = names.map((n) => ({ name: n, generic: /[*%]/.test(n) }));
          const idx = new ProfileIndex(profiles);
          for (const r of resources) expect(idx.best(r)).toBe(bestMatch(profiles, r));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("the model's lookup follows profiles defined, deleted or flagged after a lookup", () => {
    const model = new RacfModel();
    model.defineProfile("STARTED", "**", src).stdata = { user: "=MEMBER", group: null };
    expect(model.protectingProfile("STARTED", "FTPD.FTPD")?.name).toBe("**");
    model.defineProfile("STARTED", "FTPD.*", src);
    expect(model.protectingProfile("STARTED", "FTPD.FTPD")?.name).toBe("FTPD.*");
    model.defineProfile("STARTED", "FTPD.FTPD", src);
    expect(model.protectingProfile("STARTED", "FTPD.FTPD")?.name).toBe("FTPD.FTPD");
    model.deleteProfile("STARTED", "FTPD.FTPD");
    expect(model.protectingProfile("STARTED", "FTPD.FTPD")?.name).toBe("FTPD.*");
    // a profile pushed into the state array directly (a model JSON read back) is found too
    model.state.profiles.push({
      class: "STARTED",
      name: "FTPD.FTPD",
      generic: false,
      uacc: "NONE",
      access: [],
      stdata: null,
      applData: null,
      sources: [],
    });
    expect(model.protectingProfile("STARTED", "FTPD.FTPD")?.name).toBe("FTPD.FTPD");
  });
});
