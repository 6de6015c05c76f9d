/** Issue #9 item 7: numbers and dates are validated, never silently misread. */
import { describe, expect, it } from "vitest";
import { lintJcl } from "../../src/lint/lint.js";
import { RacfModel } from "../../src/model/model.js";
import { readRacfCommands } from "../../src/racf/reader.js";

function read(text: string) {
  const model = new RacfModel();
  readRacfCommands(text, {
    model,
    file: "d.jcl",
    datasets: new Map(),
    ranAt: new Date("2026-06-01T00:00:00Z"),
    ranAtGiven: true,
  } as never);
  return model;
}

describe("issue 9.7: numbers and dates", () => {
  it("SIZE(1e308) is a located warning and the key size stays unknown (not 1)", () => {
    const m = read("RACDCERT ID(A) GENCERT SUBJECTSDN(CN('x')) SIZE(1e308) WITHLABEL('a')\n");
    const i = m.state.issues.find((x) => x.code === "invalid-size");
    expect(i?.line).toBe(1);
    expect(i?.message).toMatch(/SIZE\(1e308\) is not a key size in bits/);
    expect(m.state.certificates.find((c) => c.label === "a")?.keySize ?? null).toBeNull();
  });

  it("30 February and TIME(24:00:00) are located errors; the command is skipped, not rolled over", () => {
    const m = read(
      "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('x')) WITHLABEL('a') NOTBEFORE(DATE(2026-02-30))\n" +
        "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('y')) WITHLABEL('b') NOTAFTER(DATE(2027-01-01) TIME(24:00:00))\n" +
        "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('z')) WITHLABEL('c') NOTAFTER(DATE(2028-02-29) TIME(23:59:59))\n",
    );
    const errs = m.state.issues.filter((x) => x.severity === "error");
    expect(errs.map((e) => [e.line, e.code])).toEqual([
      [1, "invalid-date"],
      [2, "invalid-time"],
    ]);
    expect(errs[0]?.message).toMatch(/DATE\(2026-02-30\) is not a calendar date \(that month has 28 days\)/);
    expect(m.state.certificates.map((c) => c.label)).toEqual(["c"]);
    expect(m.state.certificates[0]?.notAfter).toBe("2028-02-29T23:59:59Z");
  });

  it("years outside 1950–2049 are a located warning marked UNCONFIRMED; the date is read as written", () => {
    const m = read(
      "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('x')) WITHLABEL('a') NOTBEFORE(DATE(1900-01-01)) NOTAFTER(DATE(9999-12-31))\n" +
        "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('y')) WITHLABEL('b') NOTBEFORE(DATE(1950-01-01)) NOTAFTER(DATE(2049-12-31))\n",
    );
    const warnings = m.state.issues.filter((x) => x.code === "date-out-of-range");
    expect(
      warnings.map((w) => [w.line, w.severity, /DATE\((\d{4}-\d{2}-\d{2})\)/.exec(w.message)?.[1]]),
    ).toEqual([
      [1, "warning", "1900-01-01"],
      [1, "warning", "9999-12-31"],
    ]);
    for (const w of warnings) {
      expect(w.column).toBeGreaterThan(1);
      expect(w.message).toMatch(/\[UNCONFIRMED\]/);
      expect(w.message).toMatch(/\[third-party\]/);
    }
    const a = m.state.certificates.find((c) => c.label === "a");
    expect([a?.notBefore, a?.notAfter]).toEqual(["1900-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]);
    expect(m.state.certificates.find((c) => c.label === "b")).toBeDefined();
  });

  it("lint-jcl gives the reader's date and time verdicts (item 8: one verdict for both)", () => {
    const deck =
      "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('x')) WITHLABEL('a') NOTBEFORE(DATE(2026-02-30))\n" +
      "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('y')) WITHLABEL('b') NOTAFTER(DATE(2027-01-01) TIME(24:00:00))\n" +
      "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('z')) WITHLABEL('c') NOTAFTER(DATE(2050-01-01))\n";
    const pick = (issues: readonly { line: number; code: string; severity: string }[]) =>
      issues
        .filter((i) => ["invalid-date", "invalid-time", "date-out-of-range"].includes(i.code))
        .map((i) => [i.line, i.code, i.severity]);
    const fromReader = pick(read(deck).state.issues);
    expect(fromReader).toEqual([
      [1, "invalid-date", "error"],
      [2, "invalid-time", "error"],
      [3, "date-out-of-range", "warning"],
    ]);
    expect(pick(lintJcl(deck, "d.jcl").issues)).toEqual(fromReader);
  });
});
