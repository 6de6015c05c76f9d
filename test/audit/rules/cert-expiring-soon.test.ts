import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/cert-expiring-soon.js";
import { aCert, healthySite } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

function withEnd(end: string) {
  const c = aCert("ID(WEBSRV)", "Soon", { notAfter: end });
  return healthySite()
    .cert(c)
    .ring("WEBSRV", "R2", [[c, { default: true }]])
    .build();
}

ruleTester(rule, {
  valid: [
    { name: "far from expiry", model: healthySite().build() },
    { name: "31 days away with the default 30", model: withEnd("2026-07-02T00:00:00Z") },
    { name: "already expired is cert-expired's business", model: withEnd("2026-05-01T00:00:00Z") },
  ],
  invalid: [
    {
      name: "10 days away",
      model: withEnd("2026-06-11T00:00:00Z"),
      findings: [{ kind: "certificate", id: "ID(WEBSRV):Soon", message: /in 10 days/ }],
    },
    {
      name: "--expiry-days 90 widens the window",
      model: withEnd("2026-08-01T00:00:00Z"),
      expiryDays: 90,
      findings: [{ kind: "certificate", id: "ID(WEBSRV):Soon", message: /2026-08-01, in 61 days/ }],
    },
  ],
});

describe("cert-expiring-soon: the whole finding", () => {
  it("counts whole days, names every ring and proposes the renewal that keeps key and label", () => {
    const c = aCert("ID(WEBSRV)", "Soon", { notAfter: "2026-06-11T12:00:00Z" });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c, { default: true }]])
      .ring("WEBSRV", "R3", [[c]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "certificate ID(WEBSRV):Soon",
          ring: "WEBSRV/R2",
          severity: "warning",
          confidence: "ibm",
          message:
            "Certificate 'Soon' (ID(WEBSRV)) expires on 2026-06-11, in 10 days; connected to WEBSRV/R2, WEBSRV/R3.",
          fix: {
            summary:
              "Renew it: RACDCERT ID(WEBSRV) GENREQ(LABEL('Soon')) DSN(...) to write a request from the existing key, " +
              "then RACDCERT ID(WEBSRV) GENCERT(...) SIGNWITH(CERTAUTH LABEL('Test Root CA')) NOTAFTER(DATE(...)) (or have the external CA sign it and ADD the result); " +
              "ALTER it to TRUST if RACF marked it NOTRUST, then refresh DIGTCERT/DIGTRING and restart or refresh the application.",
            commands: [],
          },
          evidence: lines(c, connOf(model, "WEBSRV/R2", "Soon")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("one day (singular) and an assumed date", () => {
    const c = aCert("ID(WEBSRV)", "Tomorrow", { notAfter: "2026-06-02T06:00:00Z", datesAssumed: true });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.message)).toEqual([
      "Certificate 'Tomorrow' (ID(WEBSRV)) expires on 2026-06-02, in 1 day (date assumed from RACF's GENCERT default); connected to WEBSRV/R2.",
    ]);
  });

  it("the window ends exactly --expiry-days after the audit time: at the limit it is not reported", () => {
    const at = (end: string) => {
      const c = aCert("ID(WEBSRV)", "Edge", { notAfter: end });
      const model = healthySite()
        .cert(c)
        .ring("WEBSRV", "R2", [[c]])
        .build();
      return exact(rule, { model, expiryDays: 30 }).findings.map((f) => f.message);
    };
    expect(at("2026-07-01T00:00:00Z")).toEqual([]);
    expect(at("2026-06-30T23:59:59Z")).toEqual([
      "Certificate 'Edge' (ID(WEBSRV)) expires on 2026-06-30, in 29 days; connected to WEBSRV/R2.",
    ]);
  });

  it("not evaluated, once per certificate: no end date, or no certificate at all", () => {
    const noEnd = aCert("ID(WEBSRV)", "NoEnd", { notAfter: null });
    const model = healthySite()
      .cert(noEnd)
      .ring("WEBSRV", "R2", [[noEnd], [aCert("ID(WEBSRV)", "Ghost")]])
      .ring("WEBSRV", "R3", [[noEnd]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "certificate ID(WEBSRV):NoEnd",
          reason: "the certificate's end date is not in the inputs",
        },
        { subject: "certificate ID(WEBSRV):Ghost", reason: "the certificate itself is not in the inputs" },
      ],
    });
  });
});
