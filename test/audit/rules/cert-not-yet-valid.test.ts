import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/cert-not-yet-valid.js";
import type { Certificate } from "../../../src/model/types.js";
import { aCert, healthySite } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

/** WEBSRV's certificate `label` on ring R2 (and R3 when `twice`), with `over` applied. */
function onRing(label: string, over: Partial<Certificate>, twice = false) {
  const c = aCert("ID(WEBSRV)", label, over);
  const b = healthySite()
    .cert(c)
    .ring("WEBSRV", "R2", [[c, { default: true }]]);
  if (twice) b.ring("WEBSRV", "R3", [[c]]);
  return b.build();
}

ruleTester(rule, {
  valid: [
    { name: "valid now", model: healthySite().build() },
    {
      name: "start date unknown: not evaluated",
      model: onRing("NoStart", { notBefore: null }),
      notEvaluated: [/the certificate's start date is not in the inputs/],
    },
    {
      name: "certificate not in the inputs: not evaluated",
      model: healthySite()
        .ring("WEBSRV", "R2", [[aCert("ID(WEBSRV)", "Ghost")]])
        .build(),
      notEvaluated: [/the certificate itself is not in the inputs/],
    },
  ],
  invalid: [
    {
      name: "starts next year",
      model: onRing("Future", { notBefore: "2027-01-01T00:00:00Z", notAfter: "2028-01-01T00:00:00Z" }),
      findings: [
        {
          kind: "certificate",
          id: "ID(WEBSRV):Future",
          message:
            /^Certificate 'Future' \(ID\(WEBSRV\)\) is not valid before 2027-01-01 00:00:00 UTC; until then System SSL returns 401 "Certificate is expired or is not valid yet\."$/,
          summary: /^Wait until 2027-01-01 before using it, or re-create it with an earlier NOTBEFORE\.$/,
          commands: [],
        },
      ],
    },
    {
      name: "GENCERT default dates are marked assumed; on two rings it is reported once",
      model: onRing("Assumed", { notBefore: "2027-01-01T00:00:00.000Z", datesAssumed: true }, true),
      findings: [
        {
          kind: "certificate",
          id: "ID(WEBSRV):Assumed",
          message: /not valid before 2027-01-01 00:00:00 UTC \(date assumed\); until then/,
        },
      ],
    },
  ],
});

describe("cert-not-yet-valid: the whole finding", () => {
  it("start time to the second in UTC, 401, the wait-or-re-create fix; once for two rings", () => {
    const model = onRing(
      "Future",
      { notBefore: "2027-01-01T08:30:15Z", notAfter: "2028-01-01T00:00:00Z" },
      true,
    );
    const cert = model.certificate("ID(WEBSRV)", "Future");
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "certificate ID(WEBSRV):Future",
          ring: "WEBSRV/R2",
          severity: "error",
          confidence: "ibm",
          message:
            "Certificate 'Future' (ID(WEBSRV)) is not valid before 2027-01-01 08:30:15 UTC; until then System SSL returns 401 \"Certificate is expired or is not valid yet.\"",
          fix: {
            summary: "Wait until 2027-01-01 before using it, or re-create it with an earlier NOTBEFORE.",
            commands: [],
          },
          evidence: lines(cert, connOf(model, "WEBSRV/R2", "Future")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("milliseconds are dropped from the time shown", () => {
    const model = onRing("Millis", {
      notBefore: "2027-03-04T05:06:07.890Z",
      notAfter: "2028-01-01T00:00:00Z",
    });
    expect(exact(rule, { model }).findings.map((f) => f.message)).toEqual([
      "Certificate 'Millis' (ID(WEBSRV)) is not valid before 2027-03-04 05:06:07 UTC; until then System SSL returns 401 \"Certificate is expired or is not valid yet.\"",
    ]);
  });

  it("not evaluated once per certificate, with its reason", () => {
    const c = aCert("ID(WEBSRV)", "NoStart", { notBefore: null });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c], [aCert("ID(WEBSRV)", "Ghost")]])
      .ring("WEBSRV", "R3", [[c]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "certificate ID(WEBSRV):NoStart",
          reason: "the certificate's start date is not in the inputs",
        },
        { subject: "certificate ID(WEBSRV):Ghost", reason: "the certificate itself is not in the inputs" },
      ],
    });
  });
});
