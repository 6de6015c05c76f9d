import { endOf, REQUIRED_THROUGH } from "../../src/readers/unload.js";
import { LAYOUTS } from "../../src/readers/unload-layouts.js";

/**
 * Render an IRRDBU00 record from the layout table the way IRRDBU00 writes it: Char fields
 * left-justified and blank-padded, Int fields zero-padded, one blank between fields, trailing
 * blanks stripped (as text downloads do). A real record always reaches past the fields the
 * reader requires (a YES/NO flag or a date follows them), so the stripped record is padded back
 * to that column when the test gives no later field.
 */
export function renderRecord(type: string, values: Record<string, string | number>): string {
  const layout = LAYOUTS[type];
  if (!layout) throw new Error(`no layout for ${type}`);
  const width = Math.max(...layout.fields.map((f) => f.end));
  const chars = Array.from({ length: width }, () => " ");
  const put = (start: number, end: number, text: string): void => {
    const len = end - start + 1;
    const clipped = [...text].slice(0, len);
    clipped.forEach((ch, i) => {
      chars[start - 1 + i] = ch;
    });
  };
  put(1, 4, type);
  for (const f of layout.fields) {
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
