import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/ca-connected-as-personal.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [{ name: "CA connected as CERTAUTH", model: healthySite().build() }],
  invalid: [
    {
      name: "CERTAUTH root connected PERSONAL",
      model: healthySite()
        .ring("WEBSRV", "R2", [[aRoot(), { usage: "PERSONAL" }]])
        .build(),
      findings: [
        {
          kind: "connection",
          id: "WEBSRV/R2:CERTAUTH:Test Root CA",
          commands: [
            /^RACDCERT ID\(WEBSRV\) CONNECT\(CERTAUTH LABEL\('Test Root CA'\) RING\('R2'\) USAGE\(CERTAUTH\)\)$/,
            /DIGTRING/,
          ],
        },
      ],
    },
    {
      name: "user-owned CA certificate (CERTSIGN only) connected PERSONAL",
      model: (() => {
        const ca = aCert("ID(WEBSRV)", "My CA", { keyUsage: ["CERTSIGN"] });
        return healthySite()
          .cert(ca)
          .ring("WEBSRV", "R3", [[ca]])
          .build();
      })(),
      findings: [{ kind: "connection", id: "WEBSRV/R3:ID(WEBSRV):My CA", message: /CERTSIGN only/ }],
    },
  ],
});

describe("ca-connected-as-personal: the whole finding", () => {
  const reconnect = (label: string, owner = "CERTAUTH") => [
    `RACDCERT ID(WEBSRV) CONNECT(${owner} LABEL('${label}') RING('R2') USAGE(CERTAUTH))`,
    "SETROPTS RACLIST(DIGTRING) REFRESH",
  ];
  const summary =
    "Connect it again with USAGE(CERTAUTH) (the ring's own certificate should be a PERSONAL end-entity certificate).";

  it("a CERTAUTH root connected PERSONAL DEFAULT: by owner and by key usage", () => {
    const model = healthySite()
      .ring("WEBSRV", "R2", [[aRoot(), { usage: "PERSONAL", default: true }]])
      .build();
    const conn = connOf(model, "WEBSRV/R2", "Test Root CA");
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "connection WEBSRV/R2:CERTAUTH:Test Root CA",
          ring: "WEBSRV/R2",
          severity: "warning",
          confidence: "ibm",
          message:
            "CA certificate 'Test Root CA' (CERTAUTH, key usage CERTSIGN only) is connected to WEBSRV/R2 with USAGE(PERSONAL) DEFAULT; on this ring it is not a trust anchor.",
          fix: { summary, commands: reconnect("Test Root CA") },
          evidence: lines(conn, model.certificate("CERTAUTH", "Test Root CA")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("by owner alone (a CERTAUTH certificate with HANDSHAKE, or not in the inputs)", () => {
    const hs = aRoot("Handshake CA", { keyUsage: ["CERTSIGN", "HANDSHAKE"] });
    const model = healthySite()
      .cert(hs)
      .ring("WEBSRV", "R2", [
        [hs, { usage: "PERSONAL" }],
        [aRoot("Unlisted CA"), { usage: "PERSONAL" }],
      ])
      .build();
    const found = exact(rule, { model }).findings;
    expect(found.map((f) => f.message)).toEqual([
      "CA certificate 'Handshake CA' (CERTAUTH) is connected to WEBSRV/R2 with USAGE(PERSONAL); on this ring it is not a trust anchor.",
      "CA certificate 'Unlisted CA' (CERTAUTH) is connected to WEBSRV/R2 with USAGE(PERSONAL); on this ring it is not a trust anchor.",
    ]);
    expect(found[1]?.evidence).toEqual(lines(connOf(model, "WEBSRV/R2", "Unlisted CA")));
  });

  it("by key usage alone: a user's CERTSIGN-only certificate; CERTSIGN with HANDSHAKE is an end entity", () => {
    const ca = aCert("ID(WEBSRV)", "My CA", { keyUsage: ["CERTSIGN"] });
    const both = aCert("ID(WEBSRV)", "Both", { keyUsage: ["CERTSIGN", "HANDSHAKE"] });
    const model = healthySite()
      .cert(ca, both)
      .ring("WEBSRV", "R2", [[ca], [both, { default: true }]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.message, f.fix?.commands])).toEqual([
      [
        "CA certificate 'My CA' (ID(WEBSRV), key usage CERTSIGN only) is connected to WEBSRV/R2 with USAGE(PERSONAL); on this ring it is not a trust anchor.",
        reconnect("My CA", "ID(WEBSRV)"),
      ],
    ]);
  });
});
