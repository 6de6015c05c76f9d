import { readFileSync } from "node:fs";
import { join } from "node:path";
import { endOf, REQUIRED_THROUGH } from "../../src/readers/unload.js";

/**
 * Test records are rendered from IBM's published layouts (the reference JSON kept as a fixture),
 * never from the reader's own LAYOUTS table: a wrong offset in the reader then makes the
 * round trip fail instead of agreeing with itself.
 */
interface RefField {
  "field-name": string;
  type: string;
  start: string;
  end: string;
}
const REFERENCE: Map<string, RefField[]> = (() => {
  const file = join(import.meta.dirname, "..", "fixtures", "reference", "irrdbu00-layouts-all.json");
  const all = JSON.parse(readFileSync(file, "utf8")) as Record<
    string,
    { "record-type": string; offsets: RefField[] }
  >;
  return new Map(Object.values(all).map((r) => [r["record-type"], r.offsets]));
})();

/**
 * Render an IRRDBU00 record the way IRRDBU00 writes it: Char fields
 * left-justified and blank-padded, Int fields zero-padded, one blank between fields, trailing
 * blanks stripped (as text downloads do). A real record always reaches past the fields the
 * reader requires (a YES/NO flag or a date follows them), so the stripped record is padded back
 * to that column when the test gives no later field.
 */
export function renderRecord(type: string, values: Record<string, string | number>): string {
  const ref = REFERENCE.get(type);
  if (!ref) throw new Error(`no reference layout for ${type}`);
  const fields = ref.map((f) => ({
    name: f["field-name"],
    type: f.type,
    start: Number(f.start),
    end: Number(f.end),
  }));
  const width = Math.max(...fields.map((f) => f.end));
  const chars = Array.from({ length: width }, () => " ");
  const put = (start: number, end: number, text: string): void => {
    const len = end - start + 1;
    const clipped = [...text].slice(0, len);
    clipped.forEach((ch, i) => {
      chars[start - 1 + i] = ch;
    });
  };
  put(1, 4, type);
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined || f.name.endsWith("_RECORD_TYPE")) continue;
    const len = f.end - f.start + 1;
    const text = f.type === "Int" && typeof v === "number" ? String(v).padStart(len, "0") : String(v);
    put(f.start, f.end, text);
  }
  const stripped = chars.join("").replace(/\s+$/, "");
  const through = REQUIRED_THROUGH[type];
  const certData = type === "0560" && String(values.GRCERT_CLASS_NAME ?? "").toUpperCase() === "DIGTCERT";
  const min = certData ? endOf(type, "GRCERT_KEY_SIZE") : through ? endOf(type, through) : 0;
  return stripped.padEnd(min, " ");
}
