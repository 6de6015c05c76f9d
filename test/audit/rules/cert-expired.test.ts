import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/cert-expired.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "all valid", model: healthySite().build() },
    {
      name: "expired certificate on no ring is not reported",
      model: healthySite()
        .cert(aCert("ID(WEBSRV)", "Old", { notAfter: "2020-01-01T00:00:00Z" }))
        .build(),
    },
    {
      name: "end date unknown: not evaluated",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "NoDates", { notAfter: null });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c]])
          .build();
      })(),
      notEvaluated: [/end date is not in the inputs/],
    },
  ],
  invalid: [
    {
      name: "field case 5: expired server certificate",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Expired", { notAfter: "2026-03-01T23:59:59Z" });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c, { default: true }]])
          .build();
      })(),
      findings: [{ kind: "certificate", id: "ID(WEBSRV):Expired", message: /expired on 2026-03-01.*401/ }],
    },
    {
      name: "expired CA on two rings is reported once",
      model: (() => {
        const ca = aRoot("Old CA", { notAfter: "2026-01-01T00:00:00Z" });
        return healthySite()
          .cert(ca)
          .ring("WEBSRV", "A", [[ca]])
          .ring("WEBSRV", "B", [[ca]])
          .build();
      })(),
      findings: [{ kind: "certificate", id: "CERTAUTH:Old CA", message: /WEBSRV\/A, WEBSRV\/B/ }],
    },
  ],
});

describe("cert-expired: the whole finding", () => {
  const renewWebsrv = (label: string) =>
    `Renew it: RACDCERT ID(WEBSRV) GENREQ(LABEL('${label}')) DSN(...) to write a request from the existing key, ` +
    "then RACDCERT ID(WEBSRV) GENCERT(...) SIGNWITH(CERTAUTH LABEL('Test Root CA')) NOTAFTER(DATE(...)) (or have the external CA sign it and ADD the result); " +
    "ALTER it to TRUST if RACF marked it NOTRUST, then refresh DIGTCERT/DIGTRING and restart or refresh the application.";

  it("names the date, every ring holding it and 401; reported once, on the first ring", () => {
    const c = aCert("ID(WEBSRV)", "Expired", { notAfter: "2026-03-01T23:59:59Z" });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c, { default: true }]])
      .ring("WEBSRV", "R3", [[c]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "certificate ID(WEBSRV):Expired",
          ring: "WEBSRV/R2",
          severity: "error",
          confidence: "ibm",
          message:
            "Certificate 'Expired' (ID(WEBSRV)) expired on 2026-03-01; it is connected to WEBSRV/R2, WEBSRV/R3. " +
            'System SSL returns 401 "Certificate is expired or is not valid yet."',
          fix: { summary: renewWebsrv("Expired"), commands: [] },
          evidence: lines(c, connOf(model, "WEBSRV/R2", "Expired")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("says when the date is only RACF's GENCERT default; a root renews with SIGNWITH(...)", () => {
    const ca = aRoot("Old CA", { notAfter: "2026-01-01T00:00:00Z", datesAssumed: true });
    const model = healthySite()
      .cert(ca)
      .ring("WEBSRV", "A", [[ca]])
      .build();
    const [f] = exact(rule, { model }).findings;
    expect(f?.message).toBe(
      "Certificate 'Old CA' (CERTAUTH) expired on 2026-01-01 (date assumed from RACF's GENCERT default); it is connected to WEBSRV/A. " +
        'System SSL returns 401 "Certificate is expired or is not valid yet."',
    );
    expect(f?.fix?.summary).toBe(
      "Renew it: RACDCERT CERTAUTH GENREQ(LABEL('Old CA')) DSN(...) to write a request from the existing key, " +
        "then RACDCERT CERTAUTH GENCERT(...) SIGNWITH(...) NOTAFTER(DATE(...)) (or have the external CA sign it and ADD the result); " +
        "ALTER it to TRUST if RACF marked it NOTRUST, then refresh DIGTCERT/DIGTRING and restart or refresh the application.",
    );
  });

  it("not evaluated, once per certificate, with the reason: no end date, or no certificate at all", () => {
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
