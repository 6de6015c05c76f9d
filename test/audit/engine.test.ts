import { describe, expect, it } from "vitest";
import { runAudit, selectRules } from "../../src/audit/engine.js";
import { RULES } from "../../src/audit/rules/index.js";
import type { Rule } from "../../src/audit/types.js";
import { emptyState, RacfModel } from "../../src/model/model.js";
import { AT, auditWith, healthySite } from "./builders.js";
import { defectiveReport } from "./sample-report.js";

describe("audit engine", () => {
  it("reports rules whose data is missing as not evaluated, never as passed", () => {
    const report = auditWith(RULES, { model: new RacfModel(emptyState()) });
    expect(report.findings).toEqual([]);
    const byRule = Object.fromEntries(
      report.notEvaluated.filter((n) => n.subject === null).map((n) => [n.rule, n.reason]),
    );
    expect(byRule["cert-expired"]).toBe("no key rings in the inputs");
    expect(byRule["policy-ring-missing"]).toBe("no AT-TLS policy given (--policy)");
    expect(byRule["rdatalib-overgrant"]).toBe("no RDATALIB profiles in the inputs");
    // Every rule is accounted for: either it ran or it says why not.
    expect(Object.keys(byRule).length).toBe(RULES.length);
  });

  it("a rule that throws is reported, and the others still run", () => {
    const broken: Rule = {
      meta: { ...(RULES[0] as Rule).meta, id: "broken", requires: ["rings"] },
      check: () => {
        throw new Error("boom");
      },
    };
    const report = auditWith([broken, ...RULES], { model: healthySite().ring("WEBSRV", "Empty").build() });
    expect(report.notEvaluated).toContainEqual({
      rule: "broken",
      subject: null,
      reason: "the rule failed: boom",
    });
    expect(report.findings.some((f) => f.rule === "empty-ring")).toBe(true);
  });

  it("sorts errors first, and counts findings at or above --fail-on", () => {
    const report = defectiveReport();
    const sev = report.findings.map((f) => f.severity);
    expect(sev.indexOf("warning")).toBeGreaterThan(sev.lastIndexOf("error"));
    expect(report.summary.failing).toBe(report.summary.errors);
    const all = runAudit(healthySite().ring("WEBSRV", "Empty").build(), {
      at: AT,
      expiryDays: 30,
      applications: [],
      policy: null,
      jclSecrets: null,
      failOn: "warning",
    });
    expect(all.summary.failing).toBe(all.summary.errors + all.summary.warnings);
    expect(all.summary.byRule["empty-ring"]).toBe(1);
  });

  it("selects rules by --rule and --skip, and names unknown ids", () => {
    expect(selectRules(["weak-key", "empty-ring"], ["empty-ring"]).rules.map((r) => r.meta.id)).toEqual([
      "weak-key",
    ]);
    expect(selectRules([], ["weak-key"]).rules.length).toBe(RULES.length - 1);
    expect(selectRules(["nope"], ["also-nope"]).unknown).toEqual(["nope", "also-nope"]);
  });

  it("a healthy site (field case 7) has no findings and predicts 0", async () => {
    const { simulate } = await import("../../src/sim/simulate.js");
    const report = auditWith(RULES, { model: healthySite().build(), simulate });
    expect(report.findings).toEqual([]);
    expect(report.applications.map((a) => a.rc)).toEqual([0]);
  });
});
