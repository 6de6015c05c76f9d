/**
 * Cost and size at real scale: the number of profile look-ups per ring is bounded (no scan of
 * all profiles per ring), and a finding's size does not grow with the access lists or the
 * number of rings it is about.
 */
import { describe, expect, it } from "vitest";
import { ownerApplications } from "../../src/audit/applications.js";
import { runAudit } from "../../src/audit/engine.js";
import { formatJson } from "../../src/audit/format/json.js";
import { formatSarif } from "../../src/audit/format/sarif.js";
import type { AccessLevel } from "../../src/model/types.js";
import { simulate } from "../../src/sim/simulate.js";
import { AT, aCert, aModel, aRoot } from "./builders.js";

const RINGS = 20_000;

function owner(i: number): string {
  return `S${String(i).padStart(7, "0")}`;
}

function bigSite(rings: number) {
  const b = aModel();
  const root = aRoot();
  b.cert(root);
  for (let i = 0; i < rings; i++) {
    const o = owner(i);
    const cert = aCert(`ID(${o})`, `Server ${i}`);
    b.cert(cert).ring(o, `Ring${i}`, [[cert, { default: true }], [root]]);
  }
  // RDATALIB: discrete profiles for a tenth of the rings, generic ones for groups of owners.
  for (let i = 0; i < rings; i += 10)
    b.profile("RDATALIB", `${owner(i)}.RING${i}.LST`, "NONE", [[owner(i), "READ"]]);
  for (let g = 0; g < rings / 100; g++)
    b.profile("RDATALIB", `S${String(g).padStart(5, "0")}*.*.LST`, "NONE", [["SECADM", "READ"]]);
  // STARTED: discrete per owner for half of them, generic per prefix, and `**`.
  for (let i = 0; i < rings; i += 2) b.started(`${owner(i)}.*`, owner(i));
  for (let g = 0; g < rings / 1000; g++) b.started(`S${String(g).padStart(4, "0")}*.*`, "=MEMBER");
  b.started("**", "=MEMBER");
  const entries: [string, AccessLevel][] = [];
  for (let i = 0; i < 5000; i++) entries.push([`U${String(i).padStart(7, "0")}`, "READ"]);
  b.profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", entries);
  return b.build();
}

describe("profile look-ups at 20,000 rings", () => {
  it("every rule together costs a bounded number of profile look-ups and comparisons per ring", () => {
    const model = bigSite(RINGS);
    const profiles = model.state.profiles.length;
    const before = { ...model.lookupStats };
    const apps = ownerApplications(model, []);
    const report = runAudit(model, {
      at: AT,
      expiryDays: 30,
      applications: apps,
      policy: null,
      jclSecrets: null,
      simulate: null,
    });
    expect(report.summary.rings).toBe(RINGS);
    const lookups = model.lookupStats.lookups - before.lookups;
    const compared = model.lookupStats.candidates - before.candidates;
    // A scan would compare each ring's resource with thousands of profiles; the index compares
    // a handful.
    expect(profiles).toBeGreaterThan(12_000);
    // Every ring is resolved through the shared look-up (RDATALIB, STARTED)...
    expect(lookups).toBeGreaterThanOrEqual(RINGS);
    // ...at a cost per ring that does not depend on the number of profiles.
    expect(lookups / RINGS).toBeLessThanOrEqual(20);
    expect(compared / RINGS).toBeLessThanOrEqual(40);
  });
});

describe("report size scales with findings, not inputs", () => {
  it("a finding about a 5,000-entry list or a profile covering 3,000 rings stays small", () => {
    const b = aModel();
    const root = aRoot();
    b.cert(root);
    for (let i = 0; i < 3000; i++) {
      const cert = aCert(`ID(${owner(i)})`, `Server ${i}`);
      b.cert(cert).ring(owner(i), `Ring${i}`, [[cert, { default: true }], [root]]);
    }
    const many: [string, AccessLevel][] = [["*", "UPDATE"]];
    for (let i = 0; i < 5000; i++) many.push([`U${String(i).padStart(7, "0")}`, "UPDATE"]);
    b.profile("FACILITY", "IRR.DIGTCERT.LISTRING", "UPDATE", many);
    b.profile("RDATALIB", "S*.*.LST", "READ", [
      ["*", "UPDATE"],
      ...many.slice(1, 2000).map(([id]) => [id, "CONTROL"] as [string, AccessLevel]),
    ]);
    const model = b.build();
    const report = runAudit(model, {
      at: AT,
      expiryDays: 30,
      applications: ownerApplications(model, []).slice(0, 50),
      policy: null,
      jclSecrets: null,
      simulate,
    });
    const rules = new Set(report.findings.map((f) => f.rule));
    expect(rules).toContain("facility-broad-access");
    expect(rules).toContain("rdatalib-overgrant");
    for (const f of report.findings) {
      expect(JSON.stringify(f).length, `${f.rule} ${f.subject.id}`).toBeLessThan(8000);
      expect(f.evidence.length).toBeLessThanOrEqual(12);
    }
    const broad = report.findings.find((f) => f.rule === "facility-broad-access" && /ids/.test(f.message));
    expect(broad?.message).toMatch(/5,000 of 5,001 access-list entries/);
    const covers = report.findings.find((f) => f.rule === "rdatalib-overgrant");
    expect(covers?.message).toMatch(/and 2,990 more/);
    // The whole report: findings × bounded size, whatever the inputs' size.
    const perFinding = formatJson(report).length / report.findings.length;
    expect(perFinding).toBeLessThan(8000);
    expect(formatSarif(report, "0.0.0").length / report.findings.length).toBeLessThan(12_000);
  });
});
