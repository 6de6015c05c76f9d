import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/default-cert-missing.js";
import { aCert, app, aRoot, healthySite, src } from "../builders.js";
import { connOf, exact, lines, ringOf } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "ring with a PERSONAL DEFAULT certificate", model: healthySite().build() },
    {
      name: "trust-store ring (only CA certificates) assumed used by its owner",
      model: healthySite()
        .ring("WEBSRV", "TrustRing", [[aRoot()]])
        .build(),
    },
    {
      name: "server names its label, so no default is needed",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Labelled");
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c]])
          .build();
      })(),
      apps: [app("WEBSRV", "WEBSRV", "R2", { label: "Labelled" })],
    },
    {
      name: "client role without label needs no default",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "ClientCert");
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c]])
          .build();
      })(),
      apps: [app("WEBSRV", "WEBSRV", "R2", { role: "client" })],
    },
  ],
  invalid: [
    {
      name: "field case 3: only the CA on the server's ring",
      model: healthySite()
        .ring("FTPD", "SERVRING", [[aRoot()]])
        .build(),
      apps: [app("FTPD", "FTPD", "SERVRING", { role: "server", origin: "policy", name: "policy rule FTP" })],
      findings: [
        {
          kind: "ring",
          id: "FTPD/SERVRING",
          message: /no certificate is marked DEFAULT.*Key label is not found/,
        },
      ],
    },
    {
      name: "one PERSONAL certificate, not default: fix makes it default",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Srv");
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[aRoot()], [c]])
          .build();
      })(),
      findings: [
        {
          kind: "ring",
          id: "WEBSRV/R2",
          commands: [
            /^RACDCERT ID\(WEBSRV\) CONNECT\(ID\(WEBSRV\) LABEL\('Srv'\) RING\('R2'\) USAGE\(PERSONAL\) DEFAULT\)$/,
            /DIGTRING/,
          ],
        },
      ],
    },
    {
      name: "default connected as CERTAUTH",
      model: healthySite()
        .ring("WEBSRV", "R3", [[aRoot(), { default: true }], [aCert("ID(WEBSRV)", "Web Server")]])
        .build(),
      findings: [{ kind: "ring", id: "WEBSRV/R3", message: /connected as CERTAUTH/ }],
    },
  ],
});

describe("default-cert-missing: the whole finding", () => {
  const six = 'System SSL returns 6 "Key label is not found."';

  it("field case 3: a policy application on a ring with only its CA", () => {
    const model = healthySite()
      .ring("FTPD", "SERVRING", [[aRoot()]])
      .build();
    const ev = [src(31, "policy.conf")];
    const apps = [
      app("FTPD", "FTPD", "SERVRING", {
        role: "server",
        origin: "policy",
        name: "policy rule FTP",
        evidence: ev,
      }),
    ];
    expect(exact(rule, { model, apps })).toEqual({
      findings: [
        {
          subject: "ring FTPD/SERVRING",
          ring: "FTPD/SERVRING",
          severity: "error",
          confidence: "ibm",
          message: `FTPD (policy rule FTP) opens FTPD/SERVRING without a certificate label, but no certificate is marked DEFAULT; ${six}`,
          fix: {
            summary:
              "Connect the server's own certificate with USAGE(PERSONAL) DEFAULT, then refresh DIGTRING and the AT-TLS policy.",
            commands: [],
          },
          evidence: [...lines(ringOf(model, "FTPD/SERVRING")), "policy.conf:31"],
        },
      ],
      notEvaluated: [],
    });
  });

  it("one usable PERSONAL certificate, the owner assumed: CONNECT it again as DEFAULT", () => {
    const c = aCert("ID(WEBSRV)", "Srv");
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[aRoot()], [c]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.message, f.fix])).toEqual([
      [
        `WEBSRV (ring owner, assumed) opens WEBSRV/R2 without a certificate label, but no certificate is marked DEFAULT; ${six}`,
        {
          summary:
            "Make 'Srv' the ring's default certificate (or configure a certificate label in the application).",
          commands: [
            "RACDCERT ID(WEBSRV) CONNECT(ID(WEBSRV) LABEL('Srv') RING('R2') USAGE(PERSONAL) DEFAULT)",
            "SETROPTS RACLIST(DIGTRING) REFRESH",
          ],
        },
      ],
    ]);
  });

  it("a default connected as CERTAUTH: named with its usage, and quoted as evidence", () => {
    const model = healthySite()
      .ring("WEBSRV", "R3", [[aRoot(), { default: true }], [aCert("ID(WEBSRV)", "Web Server")]])
      .build();
    const [f] = exact(rule, { model }).findings;
    expect(f?.message).toBe(
      `WEBSRV (ring owner, assumed) opens WEBSRV/R3 without a certificate label, but its default 'Test Root CA' is connected as CERTAUTH; ${six}`,
    );
    expect(f?.evidence).toEqual(
      lines(ringOf(model, "WEBSRV/R3"), connOf(model, "WEBSRV/R3", "Test Root CA")),
    );
  });

  it("a NOTRUST default and two other PERSONAL certificates: choose one; two applications open the ring", () => {
    const bad = aCert("ID(WEBSRV)", "Revoked", { status: "NOTRUST" });
    const a = aCert("ID(WEBSRV)", "A");
    const b = aCert("ID(WEBSRV)", "B");
    const model = healthySite()
      .cert(bad, a, b)
      .ring("WEBSRV", "R4", [[bad, { default: true }], [a], [b]])
      .build();
    const apps = [
      app("WEBSRV", "WEBSRV", "R4"),
      app("APPB", "WEBSRV", "R4", { name: "policy rule B", origin: "policy" }),
    ];
    expect(exact(rule, { model, apps }).findings.map((f) => [f.message, f.fix])).toEqual([
      [
        `WEBSRV (--app WEBSRV=WEBSRV/R4), APPB (policy rule B) open WEBSRV/R4 without a certificate label, but its default 'Revoked' is NOTRUST; ${six}`,
        {
          summary:
            "Choose the server certificate among the PERSONAL ones and connect it again with DEFAULT, or configure its label in the application.",
          commands: [],
        },
      ],
    ]);
  });

  it("a NOTRUST certificate is not a candidate: the one TRUST certificate is proposed", () => {
    const bad = aCert("ID(WEBSRV)", "Revoked", { status: "NOTRUST" });
    const good = aCert("ID(WEBSRV)", "Good");
    const model = healthySite()
      .cert(bad, good)
      .ring("WEBSRV", "R5", [[bad], [good]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.fix?.commands[0])).toEqual([
      "RACDCERT ID(WEBSRV) CONNECT(ID(WEBSRV) LABEL('Good') RING('R5') USAGE(PERSONAL) DEFAULT)",
    ]);
  });

  it("an empty ring and a client's ring are not reported; an owner's ring with a PERSONAL certificate is", () => {
    const c = aCert("ID(WEBSRV)", "Srv");
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "Empty")
      .ring("WEBSRV", "Client", [[c]])
      .ring("WEBSRV", "Trust", [[aRoot()], [aRoot("Other CA"), { usage: "PERSONAL" }]])
      .build();
    const apps = [app("WEBSRV", "WEBSRV", "Empty"), app("WEBSRV", "WEBSRV", "Client", { role: "client" })];
    expect(exact(rule, { model, apps }).findings.map((f) => f.subject)).toEqual(["ring WEBSRV/Trust"]);
  });
});

describe("default-cert-missing: certificates the inputs do not describe", () => {
  it("an undescribed DEFAULT is taken as usable; an undescribed PERSONAL one is proposed as the default", () => {
    const model = healthySite()
      .ring("WEBSRV", "R6", [[aCert("ID(WEBSRV)", "Unlisted Default"), { default: true }]])
      .ring("WEBSRV", "R7", [[aRoot()], [aCert("ID(WEBSRV)", "Unlisted")]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "ring WEBSRV/R7",
          ring: "WEBSRV/R7",
          severity: "error",
          confidence: "ibm",
          message:
            'WEBSRV (ring owner, assumed) opens WEBSRV/R7 without a certificate label, but no certificate is marked DEFAULT; System SSL returns 6 "Key label is not found."',
          fix: {
            summary:
              "Make 'Unlisted' the ring's default certificate (or configure a certificate label in the application).",
            commands: [
              "RACDCERT ID(WEBSRV) CONNECT(ID(WEBSRV) LABEL('Unlisted') RING('R7') USAGE(PERSONAL) DEFAULT)",
              "SETROPTS RACLIST(DIGTRING) REFRESH",
            ],
          },
          evidence: lines(ringOf(model, "WEBSRV/R7")),
        },
      ],
      notEvaluated: [],
    });
  });
});
