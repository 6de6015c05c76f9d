import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/cert-notrust-on-ring.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "all TRUST", model: healthySite().build() },
    {
      name: "NOTRUST certificate on no ring",
      model: healthySite()
        .cert(aCert("ID(WEBSRV)", "X", { status: "NOTRUST" }))
        .build(),
    },
  ],
  invalid: [
    {
      name: "NOTRUST default, valid with a key: fix marks it TRUST",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Srv", { status: "NOTRUST" });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c, { default: true }]])
          .build();
      })(),
      findings: [
        {
          kind: "connection",
          id: "WEBSRV/R2:ID(WEBSRV):Srv",
          message: /ring's default/,
          commands: [/^RACDCERT ID\(WEBSRV\) ALTER\(LABEL\('Srv'\)\) TRUST$/, /DIGTCERT/],
        },
      ],
    },
    {
      name: "unload defect: NOTRUST personal certificate without key is removed, not trusted",
      model: (() => {
        const c = aCert("ID(APPUSR)", "AppServerCert", { status: "NOTRUST", privateKey: false });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "WebRing", [[c]])
          .build();
      })(),
      findings: [
        {
          kind: "connection",
          id: "WEBSRV/WebRing:ID(APPUSR):AppServerCert",
          commands: [
            /^RACDCERT ID\(WEBSRV\) REMOVE\(ID\(APPUSR\) LABEL\('AppServerCert'\) RING\('WebRing'\)\)$/,
            /DIGTRING/,
          ],
        },
      ],
    },
    {
      name: "NOTRUST CA",
      model: healthySite()
        .cert(aRoot("Bad CA", { status: "NOTRUST" }))
        .ring("WEBSRV", "T", [[aRoot("Bad CA")]])
        .build(),
      findings: [{ kind: "connection", id: "WEBSRV/T:CERTAUTH:Bad CA" }],
    },
  ],
});

describe("cert-notrust-on-ring: the whole finding and which fix", () => {
  const base = {
    severity: "warning",
    confidence: "ibm",
  };

  it("a genuine-looking NOTRUST default: ALTER TRUST (DIGTCERT refresh), and the ring has no usable default", () => {
    const c = aCert("ID(WEBSRV)", "Untrusted", { status: "NOTRUST" });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c, { default: true }]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          ...base,
          subject: "connection WEBSRV/R2:ID(WEBSRV):Untrusted",
          ring: "WEBSRV/R2",
          message:
            "Certificate 'Untrusted' (ID(WEBSRV)) on WEBSRV/R2 is NOTRUST, so System SSL ignores it; it is the ring's default, so the ring has no usable default.",
          fix: {
            summary:
              "If the certificate is genuine and should be used, mark it TRUST; otherwise remove it from the ring.",
            commands: [
              "RACDCERT ID(WEBSRV) ALTER(LABEL('Untrusted')) TRUST",
              "SETROPTS RACLIST(DIGTCERT) REFRESH",
            ],
          },
          evidence: lines(connOf(model, "WEBSRV/R2", "Untrusted"), c),
        },
      ],
      notEvaluated: [],
    });
  });

  it("expired, or PERSONAL without a key: REMOVE from the ring (DIGTRING refresh)", () => {
    const old = aRoot("Old CA", { status: "NOTRUST", notAfter: "2026-01-01T00:00:00Z" });
    const keyless = aCert("ID(WEBSRV)", "Keyless", { status: "NOTRUST", privateKey: false });
    const model = healthySite()
      .cert(old, keyless)
      .ring("WEBSRV", "R2", [[old], [keyless]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.message, f.fix])).toEqual([
      [
        "Certificate 'Old CA' (CERTAUTH) on WEBSRV/R2 is NOTRUST, so System SSL ignores it.",
        {
          summary: "Remove it from the ring (it is expired, so trusting it would not help).",
          commands: [
            "RACDCERT ID(WEBSRV) REMOVE(CERTAUTH LABEL('Old CA') RING('R2'))",
            "SETROPTS RACLIST(DIGTRING) REFRESH",
          ],
        },
      ],
      [
        "Certificate 'Keyless' (ID(WEBSRV)) on WEBSRV/R2 is NOTRUST, so System SSL ignores it.",
        {
          summary: "Remove it from the ring (it is without a private key, so trusting it would not help).",
          commands: [
            "RACDCERT ID(WEBSRV) REMOVE(ID(WEBSRV) LABEL('Keyless') RING('R2'))",
            "SETROPTS RACLIST(DIGTRING) REFRESH",
          ],
        },
      ],
    ]);
  });

  it("a keyless NOTRUST CA certificate needs no key: the TRUST fix, not removal", () => {
    const ca = aRoot("Partner CA", { status: "NOTRUST", privateKey: false });
    const model = healthySite()
      .cert(ca)
      .ring("WEBSRV", "R2", [[ca]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.fix?.commands)).toEqual([
      ["RACDCERT CERTAUTH ALTER(LABEL('Partner CA')) TRUST", "SETROPTS RACLIST(DIGTCERT) REFRESH"],
    ]);
  });
});

describe("cert-notrust-on-ring: a connected certificate the inputs do not describe", () => {
  it("is not known to be NOTRUST: nothing reported", () => {
    const model = healthySite()
      .ring("WEBSRV", "R2", [[aCert("ID(WEBSRV)", "Unlisted")]])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });
});
