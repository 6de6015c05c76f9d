/**
 * The key ring field cases (field-cases.md 1–7) through the whole audit: every rule plus the
 * simulator. For each: the rule that names the defect, and the return code predicted for the
 * application that breaks.
 */
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/audit/rules/index.js";
import type { AuditReport } from "../../src/audit/types.js";
import { simulate } from "../../src/sim/simulate.js";
import { aCert, app, aRoot, auditWith, healthySite } from "./builders.js";

/** Rules with findings; the info note about the (unnamed) healthy WebRing is left out. */
function rules(report: AuditReport): string[] {
  const named = report.findings.filter(
    (f) => !(f.rule === "ring-without-known-application" && f.subject.id === "WEBSRV/WebRing"),
  );
  return [...new Set(named.map((f) => f.rule))].sort();
}

function ftpSite() {
  const ftp = aCert("ID(FTPD)", "FTP Server");
  return healthySite()
    .user("FTPD")
    .user("TCPIP")
    .cert(ftp)
    .ring("FTPD", "SERVRING", [[aRoot()], [ftp, { default: true }]]);
}

describe("field cases through the audit", () => {
  it("1: the policy names FTPX/SERVRING, the ring is FTPD's → policy-ring-missing, 202", () => {
    const model = ftpSite()
      .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [
        ["WEBSRV", "READ"],
        ["FTPD", "READ"],
      ])
      .build();
    const report = auditWith(RULES, {
      model,
      policy: [],
      apps: [
        app("FTPD", "FTPX", "SERVRING", { origin: "policy", name: "policy rule FTPServer", role: "server" }),
      ],
      simulate,
    });
    // …and the real FTPD/SERVRING is named by nothing (info): the other half of the typo.
    expect(rules(report)).toEqual([
      "app-predicted-failure",
      "policy-ring-missing",
      "ring-without-known-application",
    ]);
    expect(report.findings.find((f) => f.rule === "policy-ring-missing")?.message).toMatch(/belongs to FTPD/);
    expect(report.applications.find((a) => a.keyring === "FTPX/SERVRING")?.rc).toBe(202);
  });

  it("2: the user has no access to IRR.DIGTCERT.LISTRING → ring-access-denied, 202", () => {
    const model = healthySite()
      .user("CLIENT")
      .ring("CLIENT", "Trust", [[aRoot()]])
      .build();
    const report = auditWith(RULES, {
      model,
      apps: [app("CLIENT", "CLIENT", "Trust", { role: "client" })],
      simulate,
    });
    expect(rules(report)).toEqual(["app-predicted-failure", "ring-access-denied"]);
    expect(report.applications.find((a) => a.user === "CLIENT")?.rc).toBe(202);
  });

  it("3: only the CA on the server's ring, no label → default-cert-missing, 6", () => {
    const model = healthySite()
      .user("FTPD")
      .ring("FTPD", "SERVRING", [[aRoot()]])
      .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [
        ["WEBSRV", "READ"],
        ["FTPD", "READ"],
      ])
      .build();
    const report = auditWith(RULES, {
      model,
      apps: [app("FTPD", "FTPD", "SERVRING", { role: "server" })],
      simulate,
    });
    expect(rules(report)).toEqual(["app-predicted-failure", "default-cert-missing"]);
    expect(report.applications.find((a) => a.user === "FTPD")?.rc).toBe(6);
  });

  it("4: TCPIP runs the FTP server, the certificate is FTPD's → cert-owner-mismatch, 428", () => {
    const model = ftpSite()
      .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [
        ["WEBSRV", "READ"],
        ["TCPIP", "UPDATE"],
      ])
      .build();
    const report = auditWith(RULES, {
      model,
      apps: [app("TCPIP", "FTPD", "SERVRING", { role: "server" })],
      simulate,
    });
    expect(rules(report)).toEqual(["app-predicted-failure", "cert-owner-mismatch"]);
    expect(report.applications.find((a) => a.user === "TCPIP")?.rc).toBe(428);
  });

  it("5: the server certificate has expired → cert-expired, 401", () => {
    const old = aCert("ID(WEBSRV)", "Old Server", { notAfter: "2026-01-31T00:00:00Z" });
    const model = healthySite()
      .cert(old)
      .ring("WEBSRV", "OldRing", [[aRoot()], [old, { default: true }]])
      .build();
    const report = auditWith(RULES, { model, simulate });
    expect(rules(report)).toEqual(["app-predicted-failure", "cert-expired"]);
    expect(report.applications.find((a) => a.keyring === "WEBSRV/OldRing")?.rc).toBe(401);
  });

  it("6: READ on START1.MQRING.LST is not enough for START1's key → 428; UPDATE fixes it → 0", () => {
    const cert = aCert("ID(START1)", "MQ Cert");
    const base = () =>
      healthySite()
        .user("START1")
        .user("STCRSE")
        .cert(cert)
        .ring("START1", "MQRING", [[aRoot()], [cert, { default: true }]])
        .cls("RDATALIB", true);
    const read = auditWith(RULES, {
      model: base()
        .profile("RDATALIB", "START1.MQRING.LST", "NONE", [
          ["STCRSE", "READ"],
          ["START1", "READ"],
        ])
        .build(),
      apps: [app("STCRSE", "START1", "MQRING", { role: "server" })],
      simulate,
    });
    expect(rules(read)).toEqual(["app-predicted-failure", "cert-owner-mismatch"]);
    expect(read.applications[0]?.rc).toBe(428);
    const update = auditWith(RULES, {
      model: base()
        .profile("RDATALIB", "START1.MQRING.LST", "NONE", [
          ["STCRSE", "UPDATE"],
          ["START1", "READ"],
        ])
        .build(),
      apps: [app("STCRSE", "START1", "MQRING", { role: "server" })],
      simulate,
    });
    expect(rules(update)).toEqual([]);
    expect(update.applications[0]?.rc).toBe(0);
  });

  it("7: a working set-up → no findings, 0", () => {
    const report = auditWith(RULES, { model: healthySite().build(), simulate });
    expect(report.findings).toEqual([]);
    expect(report.applications[0]?.rc).toBe(0);
  });
});
