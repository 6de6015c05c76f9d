/**
 * A RuleTester in the manner of typescript-eslint's: valid cases must produce no finding,
 * invalid cases exactly the expected findings (subject and message), every finding at the
 * rule's fixed severity. Models are deep-frozen first, so a rule that modifies the model fails
 * (except when the real simulator runs, which records assumptions).
 */
import { describe, expect, it } from "vitest";
import type { Rule, SubjectKind } from "../../src/audit/types.js";
import { type AuditCase, auditWith } from "./builders.js";

export interface ValidCase extends AuditCase {
  name: string;
  /** Expect these not-evaluated reasons (substring match), e.g. data missing. */
  notEvaluated?: RegExp[];
}

export interface ExpectedFinding {
  kind: SubjectKind;
  id: string;
  message?: RegExp;
  /** Expect a fix with commands matching these, in order (`[]`: a fix without commands). */
  commands?: RegExp[];
  /** Expect the fix's summary to match. */
  summary?: RegExp;
  /** Expect this severity instead of the rule's own (a finding that rests on an unknown). */
  severity?: "error" | "warning" | "info";
}

export interface InvalidCase extends AuditCase {
  name: string;
  findings: ExpectedFinding[];
}

/** What every report must hold whatever the case: each "not evaluated" names its reason. */
function expectWellFormed(report: ReturnType<typeof auditWith>): void {
  for (const n of report.notEvaluated) {
    expect(typeof n.reason, JSON.stringify(n)).toBe("string");
    expect(n.reason.length).toBeGreaterThan(0);
  }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  describe(`rule ${rule.meta.id}`, () => {
    it("has unique case names and at least one valid and one invalid case", () => {
      expect(new Set(names).size).toBe(names.length);
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        if (!c.simulate) deepFreeze(c.model.state);
        const report = auditWith(rule, c);
        expectWellFormed(report);
        expect(report.findings).toEqual([]);
        for (const re of c.notEvaluated ?? []) {
          expect(report.notEvaluated.map((n) => n.reason).some((r) => re.test(r))).toBe(true);
        }
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        expect(c.findings.length).toBeGreaterThan(0);
        if (!c.simulate) deepFreeze(c.model.state);
        const report = auditWith(rule, c);
        expectWellFormed(report);
        expect(report.findings.map((f) => `${f.subject.kind} ${f.subject.id}`)).toEqual(
          c.findings.map((f) => `${f.kind} ${f.id}`),
        );
        report.findings.forEach((f, i) => {
          const want = c.findings[i];
          expect(f.rule).toBe(rule.meta.id);
          expect(f.severity).toBe(want?.severity ?? rule.meta.severity);
          expect(f.confidence).toBe(rule.meta.confidence);
          if (want?.message) expect(f.message).toMatch(want.message);
          if (want?.summary) expect(f.fix?.summary).toMatch(want.summary);
          if (want?.commands) {
            expect(f.fix?.commands.length).toBe(want.commands.length);
            want.commands.forEach((re, j) => {
              expect(f.fix?.commands[j]).toMatch(re);
            });
          }
        });
      });
    }
  });
}
