import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lookupKeyword, RACDCERT_TABLE } from "../../src/racf/keywords.js";
import { quoteTso } from "../../src/racf/tokenizer.js";
import { read } from "./helpers.js";

/** The shortest prefix of `name` that still resolves to it in the table, and every longer one. */
function abbreviations(name: string): string[] {
  const out: string[] = [];
  for (let n = 1; n <= name.length; n++) {
    const p = name.slice(0, n);
    const r = lookupKeyword(RACDCERT_TABLE, p);
    if (r.kind === "found" && r.name === name) out.push(p);
  }
  return out;
}

const spelling = (name: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...abbreviations(name)), fc.boolean())
    .map(([abbr, lower]) => (lower ? abbr.toLowerCase() : abbr));

/** Split a rendered command at blanks into continuation lines (`-` keeps, `+` drops indentation). */
function continued(parts: string[], breaks: boolean[]): string {
  let out = "";
  parts.forEach((p, i) => {
    out += p;
    if (i === parts.length - 1) return;
    out += breaks[i] ? " -\n    " : " ";
  });
  return out;
}

describe("RACDCERT CONNECT, whatever the spelling", () => {
  it("gives the same connection for any case, abbreviation, order and line splitting", () => {
    const label = fc.stringMatching(/^[ -~]{1,32}$/);
    const ring = fc.stringMatching(/^[A-Za-z0-9_.#$@-]{1,40}$/).filter((r) => !/[-+]$/.test(r));
    fc.assert(
      fc.property(
        label,
        ring,
        fc.constantFrom("PERSONAL", "CERTAUTH", "SITE"),
        fc.boolean(),
        fc.record({
          connect: spelling("CONNECT"),
          gencert: spelling("GENCERT"),
          withlabel: spelling("WITHLABEL"),
          subject: spelling("SUBJECTSDN"),
          addring: spelling("ADDRING"),
        }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        (lbl, ringName, usage, isDefault, kw, breaks, reorder) => {
          const inner = [
            `LABEL(${quoteTso(lbl)})`,
            `RING(${ringName})`,
            `USAGE(${usage})`,
            ...(isDefault ? ["DEFAULT"] : []),
          ];
          if (reorder) inner.reverse();
          // A workstation deck (a line over 80 characters): every column is command text, so
          // generated lines of 73–80 characters are read whole (src/racf/jcl.ts splitDeck).
          const deck = [
            `/* ${"variable-length deck ".padEnd(80, "-")} */`,
            continued(
              [
                "RACDCERT",
                "ID(OWNER1)",
                `${kw.gencert}`,
                `${kw.subject}(CN('x'))`,
                `${kw.withlabel}(${quoteTso(lbl)})`,
              ],
              breaks,
            ),
            `RACDCERT ID(OWNER1) ${kw.addring}(${ringName})`,
            continued(["RACDCERT", `${kw.connect}(${inner.join(" ")})`, "ID(OWNER1)"], breaks.slice(3)),
          ].join("\n");
          const m = read(deck);
          expect(m.state.issues).toEqual([]);
          expect(
            m.ring("OWNER1", ringName)?.connections.map((c) => [c.owner, c.label, c.usage, c.default]),
          ).toEqual([["ID(OWNER1)", lbl, usage, isDefault]]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
