import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestMatch, compareSpecificity, genericMatches } from "../../src/model/profiles.js";

describe("generic profile matching (RACF general-resource rules)", () => {
  it.each([
    ["IZUSVR.*.LST", "IZUSVR.RING.LST", true],
    ["IZUSVR.*.LST", "IZUSVR.A.B.LST", false], // a middle * is exactly one qualifier
    ["FTPD.*", "FTPD.FTPD", true],
    ["FTPD.*", "FTPD", false],
    ["FTPT*.*", "FTPTSRV.FTPTSRV", true],
    ["WEBSRV.*", "WEBSRV.A.B", true], // an ending * takes the rest, periods included
    ["A.**", "A", true],
    ["A.**.B", "A.X.Y.B", true],
    ["A.**.B", "A.B", true],
    ["**.LST", "OWNER.RING.LST", true],
    ["A%C", "ABC", true],
    ["A%C", "A.C", false], // % never matches a period
    ["A%C", "ABBC", false],
    ["IRR.DIGTCERT.LISTRING", "IRR.DIGTCERT.LISTRING", true],
    ["IRR.DIGTCERT.LISTRING", "IRR.DIGTCERT.LIST", false],
  ])("%s matches %s: %s", (profile, resource, expected) => {
    expect(genericMatches(profile, resource)).toBe(expected);
  });

  it("prefers the discrete profile over any generic one", () => {
    const profiles = [
      { name: "**", generic: true },
      { name: "WEBSRV.*.LST", generic: true },
      { name: "WEBSRV.WEBRING.LST", generic: false },
    ];
    expect(bestMatch(profiles, "WEBSRV.WEBRING.LST")?.name).toBe("WEBSRV.WEBRING.LST");
  });

  it("picks the most specific generic profile", () => {
    const profiles = [
      { name: "**", generic: true },
      { name: "WEBSRV.*", generic: true },
      { name: "WEBSRV.*.LST", generic: true },
      { name: "WEBSRV.W%BRING.LST", generic: true },
    ];
    expect(bestMatch(profiles, "WEBSRV.WEBRING.LST")?.name).toBe("WEBSRV.W%BRING.LST");
    expect(bestMatch(profiles, "WEBSRV.OTHER.LST")?.name).toBe("WEBSRV.*.LST");
    expect(bestMatch(profiles, "WEBSRV.OTHER.UPD")?.name).toBe("WEBSRV.*");
    expect(bestMatch(profiles, "FTPD.RING.LST")?.name).toBe("**");
    expect(bestMatch([{ name: "WEBSRV.*", generic: true }], "FTPD.X")).toBeUndefined();
  });

  it("specificity is a strict order on literal < % < * < **", () => {
    expect(compareSpecificity("A.B.C", "A.B.%")).toBeLessThan(0);
    expect(compareSpecificity("A.B.%", "A.B.*")).toBeLessThan(0);
    expect(compareSpecificity("A.B.*", "A.B.**")).toBeLessThan(0);
    expect(compareSpecificity("A.**", "A.B.*")).toBeGreaterThan(0);
  });

  it("a profile without generic characters matches only itself", () => {
    const qualifier = fc.stringMatching(/^[A-Z0-9#$@]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(qualifier, { minLength: 1, maxLength: 4 }),
        fc.array(qualifier, { minLength: 1, maxLength: 4 }),
        (a, b) => {
          const p = a.join(".");
          const r = b.join(".");
          expect(genericMatches(p, r)).toBe(p === r);
        },
      ),
    );
  });

  it("** matches every resource name", () => {
    const qualifier = fc.stringMatching(/^[A-Za-z0-9#$@]{1,8}$/);
    fc.assert(
      fc.property(fc.array(qualifier, { minLength: 1, maxLength: 5 }), (q) =>
        genericMatches("**", q.join(".")),
      ),
    );
  });
});
