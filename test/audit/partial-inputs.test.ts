/**
 * The audit on partial inputs: the same field-case decks as test/sim/partial-inputs.test.ts,
 * from the RACDCERT commands alone (what listings show) and in full, audited with every rule and
 * the real simulator. Whatever the inputs: no ERROR rests only on facts the inputs do not show,
 * and the findings about one application never disagree about its return code.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAppSpec } from "../../src/audit/applications.js";
import { RULES } from "../../src/audit/rules/index.js";
import type { AuditReport } from "../../src/audit/types.js";
import { simulate } from "../../src/sim/simulate.js";
import { deck } from "../sim/builders.js";
import { app, auditWith } from "./builders.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/sim");
const AT = new Date("2026-01-15T12:00:00Z");

function commands(file: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const line of readFileSync(resolve(FIXTURES, file), "utf8").split("\n")) {
    if (line.startsWith("//") || line.startsWith("/*") || line.trim() === "") continue;
    const t = line.trim();
    cur += `${cur ? " " : ""}${t.replace(/-$/, "").trim()}`;
    if (!t.endsWith("-")) {
      out.push(cur);
      cur = "";
    }
  }
  return out;
}

const CASES = [
  { file: "case3.jcl", user: "WEBSRV", owner: "WEBSRV", ring: "WEBRING" },
  { file: "case4.jcl", user: "TCPIP", owner: "FTPD", ring: "SERVRING" },
  { file: "case5.jcl", user: "WEBSRV", owner: "WEBSRV", ring: "WEBRING" },
  { file: "case6.jcl", user: "STCRSE", owner: "START1", ring: "MQRING" },
  { file: "case7.jcl", user: "START1", owner: "START1", ring: "KEY" },
];

function audit(file: string, listingsOnly: boolean, c: (typeof CASES)[number]): AuditReport {
  const cmds = commands(file).filter((x) => !listingsOnly || /^RACDCERT\b/.test(x));
  return auditWith(RULES, {
    model: deck(cmds.join("\n")),
    apps: [app(c.user, c.owner, c.ring)],
    at: AT,
    simulate,
  });
}

function checkConsistent(report: AuditReport): void {
  for (const a of report.applications) {
    const id = `${a.user}@${a.keyring}${a.label ? `:${a.label}` : ""}`;
    const predicted = report.findings.filter(
      (f) => f.rule === "app-predicted-failure" && f.subject.id === id,
    );
    if (a.rc === 0) expect(predicted).toEqual([]);
    else {
      expect(predicted).toHaveLength(1);
      expect(predicted[0]?.message).toContain(`predicted rc ${a.rc} `);
      // An ERROR never rests only on an unknown: no branch of the prediction succeeds.
      if (predicted[0]?.severity === "error") expect((a.outcomes ?? []).some((o) => o.rc === 0)).toBe(false);
      else expect((a.outcomes ?? []).some((o) => o.rc === 0)).toBe(true);
    }
    // ring-access-denied says 202: the simulator must say so too.
    const denied = report.findings.filter(
      (f) => f.rule === "ring-access-denied" && f.subject.id === `${a.user}@${a.keyring}`,
    );
    if (denied.length > 0) expect(a.rc).toBe(202);
    // cert-owner-mismatch says 428 for the certificate the application uses: agreed unless the
    // application fails earlier (its ring cannot be opened).
    const mismatch = report.findings.filter((f) => f.rule === "cert-owner-mismatch");
    for (const f of mismatch) {
      if (a.rc === 0) throw new Error(`cert-owner-mismatch (${f.message}) while ${id} is predicted rc 0`);
      if (a.rc !== 202) expect(a.rc).toBe(428);
      // Resting on RDATALIB's unknown state it is a warning, as the prediction is.
      if ((a.outcomes ?? []).some((o) => o.rc === 0)) expect(f.severity).toBe("warning");
    }
  }
}

describe("audit on field cases: findings agree, no ERROR rests on unknowns", () => {
  for (const c of CASES) {
    for (const listingsOnly of [true, false]) {
      it(`${c.file} ${listingsOnly ? "from listings only" : "in full"}`, () => {
        const report = audit(c.file, listingsOnly, c);
        checkConsistent(report);
        const mine = report.applications.find((a) => a.user === c.user);
        if (listingsOnly) expect((mine?.conditions ?? []).length).toBeGreaterThan(0);
        else expect(mine?.conditions ?? []).toEqual([]);
      });
    }
  }

  it("field case 4 from listings: 428 as a warning with its conditions, 202 and 0 as other outcomes", () => {
    const report = audit("case4.jcl", true, CASES[1] as (typeof CASES)[number]);
    const f = report.findings.find(
      (x) => x.rule === "app-predicted-failure" && x.subject.id.startsWith("TCPIP@"),
    );
    expect(f?.severity).toBe("warning");
    expect(f?.message).toMatch(/predicted rc 428 .* — if .*TCPIP can read the ring/);
    expect(f?.message).toMatch(/otherwise rc 202 if TCPIP has no UPDATE .*; rc 0 if RDATALIB is active/);
    expect(f?.message).toMatch(/RLIST FACILITY IRR\.DIGTCERT\.LISTRING AUTHUSER/);
    // ring-access-denied cannot decide: not evaluated, with what is missing.
    expect(report.findings.some((x) => x.rule === "ring-access-denied")).toBe(false);
    expect(report.notEvaluated.find((n) => n.rule === "ring-access-denied")?.reason).toMatch(
      /no FACILITY profile .*RLIST FACILITY IRR\.DIGTCERT\.LISTRING AUTHUSER/,
    );
  });

  it("field case 5 from listings: the expiry is an ERROR (it fails whichever way the unknown goes)", () => {
    const report = audit("case5.jcl", true, CASES[2] as (typeof CASES)[number]);
    const f = report.findings.find((x) => x.rule === "app-predicted-failure");
    expect(f?.severity).toBe("error");
    expect(f?.message).toMatch(/predicted rc 401 .* otherwise rc 202/);
  });
});

describe("--app role and client authentication", () => {
  it("parses ;role= and ;client-auth= and keeps a label with semicolons", () => {
    expect(parseAppSpec("BATCHU=CLIENTRING:My;Label;role=client;client-auth=required")).toEqual({
      user: "BATCHU",
      owner: null,
      ring: "CLIENTRING",
      label: "My;Label",
      role: "client",
      clientAuth: "required",
    });
    expect(parseAppSpec("X=R;role=proxy")).toMatch(/role must be server or client/);
    expect(parseAppSpec("X=R;client-auth=maybe")).toMatch(/client-auth must be none, passthru/);
  });

  it("the report says what it assumed when the role is not given, and nothing when it is", () => {
    const model = deck(commands("case2.jcl").join("\n"));
    const given = auditWith(RULES, {
      model,
      apps: [app("BATCHU", "BATCHU", "CLIENTRING", { role: "client", clientAuth: "none" })],
      at: AT,
      simulate,
    });
    expect(given.applications.find((a) => a.user === "BATCHU")?.assumed).toEqual([]);
    const assumed = auditWith(RULES, {
      model,
      apps: [app("BATCHU", "BATCHU", "CLIENTRING")],
      at: AT,
      simulate,
    });
    expect(assumed.applications.find((a) => a.user === "BATCHU")?.assumed).toEqual([
      "role server (not given)",
      "no client authentication (not given)",
    ]);
  });
});
