import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/no-private-key.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "server certificate with its key", model: healthySite().build() },
    {
      name: "a CA certificate without key connected as CERTAUTH needs none",
      model: healthySite()
        .cert(aRoot("Partner CA", { privateKey: false }))
        .ring("WEBSRV", "Trust", [[aRoot("Partner CA")]])
        .build(),
    },
    {
      name: "key presence unknown: not evaluated, not passed",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Unknown Key", { privateKey: null });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c, { default: true }]])
          .build();
      })(),
      notEvaluated: [/do not say whether RACF holds its private key/],
    },
  ],
  invalid: [
    {
      name: "personal certificate added without its key",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "NoKey", { privateKey: false });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c, { default: true }]])
          .build();
      })(),
      findings: [{ kind: "connection", id: "WEBSRV/R2:ID(WEBSRV):NoKey", message: /no private key.*428/ }],
    },
    {
      name: "certificate generated from a request says why",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "FromReq", { privateKey: false, fromRequest: true });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R3", [[c]])
          .build();
      })(),
      findings: [{ kind: "connection", id: "WEBSRV/R3:ID(WEBSRV):FromReq", message: /PKCS#10 request/ }],
    },
  ],
});

describe("no-private-key: the whole finding", () => {
  it("PERSONAL DEFAULT, generated from a request: says where the key is, 428, and both ways out", () => {
    const c = aCert("ID(WEBSRV)", "FromReq", { privateKey: false, fromRequest: true });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c, { default: true }]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "connection WEBSRV/R2:ID(WEBSRV):FromReq",
          ring: "WEBSRV/R2",
          severity: "error",
          confidence: "ibm",
          message:
            "Certificate 'FromReq' (ID(WEBSRV)) is connected to WEBSRV/R2 as PERSONAL DEFAULT but RACF holds no private key for it " +
            "(it was generated from a PKCS#10 request, so the key stays with the requester); System SSL returns 428 when it selects it.",
          fix: {
            summary:
              "Connect a certificate whose private key RACF holds (GENCERT in RACF, or ADD a PKCS#12 package with its key), or, if this certificate is only a trusted partner certificate, remove it and connect its CA with USAGE(CERTAUTH).",
            commands: [],
          },
          evidence: lines(connOf(model, "WEBSRV/R2", "FromReq"), c),
        },
      ],
      notEvaluated: [],
    });
  });

  it("a plain PERSONAL partner certificate: no DEFAULT, no request clause", () => {
    const c = aCert("ID(WEBSRV)", "Partner", { privateKey: false });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.message)).toEqual([
      "Certificate 'Partner' (ID(WEBSRV)) is connected to WEBSRV/R2 as PERSONAL but RACF holds no private key for it; System SSL returns 428 when it selects it.",
    ]);
  });

  it("not evaluated with its reason: key unknown, or certificate unknown; CA usage needs no key", () => {
    const c = aCert("ID(WEBSRV)", "KeyUnknown", { privateKey: null });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [
        [c],
        [aCert("ID(WEBSRV)", "Ghost")],
        [aCert("ID(WEBSRV)", "GhostCA"), { usage: "CERTAUTH" }],
      ])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "connection WEBSRV/R2:ID(WEBSRV):KeyUnknown",
          reason: "the inputs do not say whether RACF holds its private key",
        },
        {
          subject: "connection WEBSRV/R2:ID(WEBSRV):Ghost",
          reason: "the certificate itself is not in the inputs",
        },
      ],
    });
  });
});
