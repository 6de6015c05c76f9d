import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { LAYOUTS } from "../../src/readers/unload-layouts.js";

/**
 * The layout table in src/readers was copied from racfring's research notes
 * (irrdbu00-layouts.json / irrdbu00-layouts-all.json, IBM z/OS 3.1 record formats). When the
 * notes are available (the project's shared/ folder sits beside the checkout, on developers'
 * machines and in CI), check that every copied field still agrees with them.
 */
const REFERENCE = resolve(process.cwd(), "..", "shared", "reference");
const subset = `${REFERENCE}/irrdbu00-layouts.json`;
const all = `${REFERENCE}/irrdbu00-layouts-all.json`;

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

  it.skipIf(!existsSync(subset))("agrees with irrdbu00-layouts.json", () => {
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

  it.skipIf(!existsSync(all))("agrees with irrdbu00-layouts-all.json", () => {
    const ref = JSON.parse(readFileSync(all, "utf8")) as Record<
      string,
      { "record-type": string; offsets: Array<{ "field-name": string; start: string; end: string }> }
    >;
    for (const rec of Object.values(ref)) {
      const mine = LAYOUTS[rec["record-type"]];
      if (!mine) continue;
      expect(mine.fields.map((f) => [f.name, f.start, f.end])).toEqual(
        rec.offsets.map((o) => [o["field-name"], Number(o.start), Number(o.end)]),
      );
    }
  });
});
