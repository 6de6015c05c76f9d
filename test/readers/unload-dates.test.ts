import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/readers/unload-fields.js";

/**
 * IRRDBU00 writes certificate dates as yyyy-mm-dd and times as hh:mm:ss (GRCERT_START_DATE,
 * GRCERT_START_TIME…). A date that does not exist is refused (the reader reports it), never
 * moved to another day.
 */
describe("isoDate", () => {
  it.each([
    ["2026-02-28", "23:59:59", "2026-02-28T23:59:59Z"],
    ["2026-01-01", "", "2026-01-01T00:00:00Z"],
    ["2024-02-29", "12:00:00", "2024-02-29T12:00:00Z"],
    ["2000-02-29", "00:00:00", "2000-02-29T00:00:00Z"],
    ["2026-12-31", "00:00:01", "2026-12-31T00:00:01Z"],
    ["2026-04-30", "10:20:30", "2026-04-30T10:20:30Z"],
  ])("%s %s is %s", (date, time, iso) => {
    expect(isoDate(date, time)).toBe(iso);
  });

  it.each([
    ["2023-02-29", "00:00:00"],
    ["1900-02-29", "00:00:00"],
    ["2026-04-31", "00:00:00"],
    ["2026-13-01", "00:00:00"],
    ["2026-00-10", "00:00:00"],
    ["2026-01-00", "00:00:00"],
    ["2026-01-32", "00:00:00"],
    ["2026-01-10", "24:00:00"],
    ["2026-01-10", "23:60:00"],
    ["2026-01-10", "23:59:60"],
    ["26-01-10", "00:00:00"],
    ["2026/01/10", "00:00:00"],
  ])("%s %s does not exist", (date, time) => {
    expect(isoDate(date, time)).toBeNull();
  });
});
