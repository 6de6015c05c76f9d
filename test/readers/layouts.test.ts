import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LAYOUTS } from "../../src/readers/unload-layouts.js";

/**
 * The layout table in src/readers was copied from racfring's research notes
 * (irrdbu00-layouts.json / irrdbu00-layouts-all.json, transcribed from IBM's z/OS 3.1
 * "Security Server RACF Macros and Interfaces" record formats). The notes are kept as test
 * fixtures (test/fixtures/reference) so that this independent check of every offset runs in
 * every clean clone: a wrong offset in LAYOUTS fails here, not at a customer site.
 */
const REFERENCE = join(import.meta.dirname, "..", "fixtures", "reference");
const subset = join(REFERENCE, "irrdbu00-layouts.json");
const all = join(REFERENCE, "irrdbu00-layouts-all.json");

describe("IRRDBU00 layout table", () => {
  it("has the record types and key fields the reader depends on", () => {
    expect(Object.keys(LAYOUTS).sort()).toEqual([
      "0100",
      "0200",
      "0205",
      "0207",
      "0500",
      "0505",
      "0540",
      "0560",
      "0561",
      "0562",
      "1560",
    ]);
    const at = (type: string, name: string) => LAYOUTS[type]?.fields.find((f) => f.name === name);
    // spot checks against formats.md §6 (IBM grr.htm / usr.htm)
    expect(at("0207", "USCERT_CERT_NAME")).toMatchObject({ start: 15, end: 260 });
    expect(at("0500", "GRBD_UACC")).toMatchObject({ start: 337, end: 344 });
    expect(at("0500", "GRBD_APPL_DATA")).toMatchObject({ start: 754, end: 1008 });
    expect(at("0562", "KEYR_CERT_USAGE")).toMatchObject({ start: 509, end: 516 });
    expect(at("0560", "GRCERT_KEY_TYPE")).toMatchObject({ start: 302, end: 309 });
    expect(at("1560", "CERTN_CERT_FGRPRNT")).toMatchObject({ start: 2329, end: 2392 });
    expect(at("0205", "USCON_GRP_ID")).toMatchObject({ start: 15, end: 22 });
  });

  it("agrees with irrdbu00-layouts.json", () => {
    const ref = JSON.parse(readFileSync(subset, "utf8")) as {
      records: Record<string, { fields: Array<{ name: string; start: number; end: number }> }>;
    };
    for (const [type, rec] of Object.entries(ref.records)) {
      const mine = LAYOUTS[type];
      expect(mine, type).toBeDefined();
      for (const f of rec.fields) {
        expect(
          mine?.fields.find((m) => m.name === f.name),
          `${type} ${f.name}`,
        ).toMatchObject({ start: f.start, end: f.end });
      }
    }
  });

  it("agrees with irrdbu00-layouts-all.json", () => {
    const ref = JSON.parse(readFileSync(all, "utf8")) as Record<
      string,
      { "record-type": string; offsets: Array<{ "field-name": string; start: string; end: string }> }
    >;
    const compared: string[] = [];
    for (const rec of Object.values(ref)) {
      const mine = LAYOUTS[rec["record-type"]];
      if (!mine) continue;
      compared.push(rec["record-type"]);
      expect(mine.fields.map((f) => [f.name, f.start, f.end])).toEqual(
        rec.offsets.map((o) => [o["field-name"], Number(o.start), Number(o.end)]),
      );
    }
    // every record type the reader knows was compared, field by field
    expect(compared.sort()).toEqual(Object.keys(LAYOUTS).sort());
  });
});
