/**
 * The generic matcher (src/model/generic-match.ts) against the regular-expression translation
 * racfring used before it: the translation is kept here as the reference, and both must give
 * the same answer for every profile and resource name drawn, quirks included (a name that is
 * only `**` also covers `A.`; `.` in the ending `*` stops at a line end).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesGeneric } from "../../src/model/generic-match.js";
import { genericMatches } from "../../src/model/profiles.js";

function escapeRegex(ch: string): string {
  return ch.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&");
}

/** The regular expression racfring built for a generic name until the matcher replaced it. */
function referenceRegex(profile: string): RegExp {
  const qualifiers = profile.split(".");
  let src = "";
  qualifiers.forEach((q, i) => {
    const last = i === qualifiers.length - 1;
    const sep = i === 0 ? "" : "\\.";
    if (q === "**") {
      src += i === 0 ? "(?:[^.]+(?:\\.[^.]+)*\\.?)?" : "(?:\\.[^.]+)*";
      return;
    }
    src += sep;
    if (q === "*" && !last) {
      src += "[^.]+";
      return;
    }
    for (let c = 0; c < q.length; c++) {
      const ch = q.charAt(c);
      if (ch === "%") src += "[^.]";
      else if (ch === "*") src += last && c === q.length - 1 ? ".*" : "[^.]*";
      else src += escapeRegex(ch);
    }
  });
  src = src.replace("\\.?)?\\.", "\\.)?");
  return new RegExp(`^${src}$`);
}

const profilePart = fc.constantFrom("A", "B", "AB", "%", "*", "**", ".", "A*", "*B", "%B", "$");
const resourcePart = fc.constantFrom("A", "B", "AB", "BA", ".", "..", "X", "$", "\n");

describe("generic matcher without regular expressions", () => {
  it("gives the regular expression's answer on random names", () => {
    fc.assert(
      fc.property(
        fc.array(profilePart, { minLength: 1, maxLength: 7 }),
        fc.array(resourcePart, { minLength: 0, maxLength: 8 }),
        (p, r) => {
          const profile = p.join("");
          const resource = r.join("");
          expect(matchesGeneric(profile, resource)).toBe(referenceRegex(profile).test(resource));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("gives it on every pair of short names over the generic alphabet", () => {
    // Exhaustive over names of up to 5 characters of A . * % and resources of up to 5 of A B .
    const names = (alphabet: string, max: number): string[] => {
      const out = [""];
      for (let len = 1; len <= max; len++)
        for (const prefix of out.filter((n) => n.length === len - 1))
          for (const c of alphabet) out.push(prefix + c);
      return out;
    };
    const resources = names("AB.", 5);
    let compared = 0;
    for (const profile of names("A.*%", 5)) {
      if (profile === "") continue;
      const re = referenceRegex(profile);
      for (const resource of resources) {
        const want = re.test(resource);
        if (matchesGeneric(profile, resource) !== want)
          expect({ profile, resource, matches: !want }).toEqual({ profile, resource, matches: want });
        compared++;
      }
    }
    expect(compared).toBe(1364 * 364);
  });

  it("keeps the documented cases through genericMatches", () => {
    expect(genericMatches("S0000001.*", "S0000001.S0000001")).toBe(true);
    expect(genericMatches("S000000*.*", "S0000001.JOB")).toBe(true);
    expect(genericMatches("S000000*.*", "S0000011.JOB")).toBe(false);
    expect(genericMatches("**.LST", "LST")).toBe(true);
    expect(genericMatches("**.**", "A.B")).toBe(true);
    expect(genericMatches("A.*.**", "A")).toBe(false);
  });
});
