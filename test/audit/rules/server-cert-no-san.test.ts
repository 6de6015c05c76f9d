import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/server-cert-no-san.js";
import { aCert, app, aRoot, healthySite, src } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

function ringWith(over: Parameters<typeof aCert>[2]) {
  const c = aCert("ID(WEBSRV)", "Srv", over);
  return healthySite()
    .cert(c)
    .ring("WEBSRV", "R2", [[c, { default: true }]]);
}

ruleTester(rule, {
  valid: [
    {
      name: "GENCERT with ALTNAME(DOMAIN)",
      model: ringWith({ altNames: [{ type: "DNS", value: "web.example.com" }] }).build(),
    },
    {
      name: "client role: no SAN needed",
      model: ringWith({ altNames: [] }).build(),
      apps: [app("WEBSRV", "WEBSRV", "R2", { role: "client" })],
    },
    {
      name: "unload: SANs are not in the inputs, not evaluated",
      model: ringWith({ altNames: [], sources: [{ file: "u.txt", line: 3, kind: "unload" }] }).build(),
      notEvaluated: [/do not show the certificate's subject alternative names/],
    },
  ],
  invalid: [
    {
      name: "only an EMAIL alternative name",
      model: ringWith({ altNames: [{ type: "EMAIL", value: "a@example.com" }] }).build(),
      findings: [{ kind: "connection", id: "WEBSRV/R2:ID(WEBSRV):Srv" }],
    },
    {
      name: "GENCERT without ALTNAME, the ring's default",
      model: ringWith({ altNames: [], sources: [src(40)] }).build(),
      findings: [
        {
          kind: "connection",
          id: "WEBSRV/R2:ID(WEBSRV):Srv",
          message: /no DNS or IP subject alternative name/,
        },
      ],
    },
  ],
});

describe("server-cert-no-san: the whole finding", () => {
  it("the ring owner's default certificate from a GENCERT without ALTNAME", () => {
    const model = ringWith({ altNames: [], sources: [src(40)] }).build();
    const cert = model.certificate("ID(WEBSRV)", "Srv");
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "connection WEBSRV/R2:ID(WEBSRV):Srv",
          ring: "WEBSRV/R2",
          severity: "warning",
          confidence: "third-party",
          message:
            "'Srv' (ID(WEBSRV)), the certificate the ring's owner presents from WEBSRV/R2, has no DNS or IP subject alternative name " +
            "(subject CN=Srv,O=Example,C=US); browsers and modern clients will reject it.",
          fix: {
            summary:
              "Issue a new certificate with ALTNAME(DOMAIN('host.name') IP(a.b.c.d)) for every name clients use, and connect it in place of this one.",
            commands: [],
          },
          evidence: lines(cert, connOf(model, "WEBSRV/R2", "Srv")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("a named application's label picks the certificate; two applications presenting it: one finding", () => {
    const c = aCert("ID(WEBSRV)", "Named", { altNames: [], der: "MIIB", subject: null });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c], [aCert("ID(WEBSRV)", "Web Server"), { default: true }]])
      .build();
    const apps = [
      app("APPA", "WEBSRV", "R2", { label: "Named" }),
      app("APPB", "WEBSRV", "R2", { label: "Named" }),
      app("APPC", "WEBSRV", "R2", { label: "Not There" }),
    ];
    expect(exact(rule, { model, apps }).findings.map((f) => f.message)).toEqual([
      "'Named' (ID(WEBSRV)), the certificate APPA presents from WEBSRV/R2, has no DNS or IP subject alternative name " +
        "(subject unknown); browsers and modern clients will reject it.",
    ]);
  });

  it("an IP name is enough; so is a DNS name; an e-mail name is not", () => {
    expect(
      exact(rule, { model: ringWith({ altNames: [{ type: "IP", value: "10.1.1.1" }] }).build() }).findings,
    ).toEqual([]);
    expect(
      exact(rule, {
        model: ringWith({ altNames: [{ type: "EMAIL", value: "a@example.com" }], der: "MIIB" }).build(),
      }).findings.length,
    ).toBe(1);
  });

  it("not evaluated: the SANs are unknown (unload, a request-generated or DN-less GENCERT), or the certificate is", () => {
    const from = (label: string, over: Parameters<typeof aCert>[2]) =>
      aCert("ID(WEBSRV)", label, { altNames: [], sources: [src(50)], ...over });
    const req = from("Req", { fromRequest: true });
    const noDn = from("NoDn", { subject: null });
    const model = healthySite()
      .cert(req, noDn)
      .ring("WEBSRV", "R2", [[req, { default: true }]])
      .ring("WEBSRV", "R3", [[noDn, { default: true }]])
      .ring("WEBSRV", "R4", [[aCert("ID(WEBSRV)", "Ghost"), { default: true }]])
      .build();
    expect(exact(rule, { model }).notEvaluated).toEqual([
      {
        subject: "connection WEBSRV/R2:ID(WEBSRV):Req",
        reason: "the inputs do not show the certificate's subject alternative names",
      },
      {
        subject: "connection WEBSRV/R3:ID(WEBSRV):NoDn",
        reason: "the inputs do not show the certificate's subject alternative names",
      },
      {
        subject: "connection WEBSRV/R4:ID(WEBSRV):Ghost",
        reason: "the certificate itself is not in the inputs",
      },
    ]);
  });
});

describe("server-cert-no-san: what racfring read of the certificate", () => {
  it("an unloaded certificate that a GENCERT in the JCL also describes: its SANs are known", () => {
    const model = ringWith({
      altNames: [],
      sources: [{ file: "u.txt", line: 3, kind: "unload" }, src(41)],
    }).build();
    expect(exact(rule, { model }).findings.map((f) => f.subject)).toEqual([
      "connection WEBSRV/R2:ID(WEBSRV):Srv",
    ]);
  });
});

describe("server-cert-no-san: which connection is the server certificate", () => {
  it("the label picks its connection even when another PERSONAL one comes first", () => {
    const named = aCert("ID(WEBSRV)", "Named", { altNames: [], sources: [src(60)] });
    const model = healthySite()
      .cert(named)
      .ring("WEBSRV", "R2", [[aCert("ID(WEBSRV)", "Web Server"), { default: true }], [named]])
      .build();
    expect(
      exact(rule, { model, apps: [app("APPA", "WEBSRV", "R2", { label: "Named" })] }).findings.map(
        (f) => f.subject,
      ),
    ).toEqual(["connection WEBSRV/R2:ID(WEBSRV):Named"]);
  });

  it("a DEFAULT connected as CERTAUTH is not the server certificate", () => {
    const root = aRoot("No SAN Root", { altNames: [] });
    const model = healthySite()
      .cert(root)
      .ring("WEBSRV", "R2", [[root, { default: true }]])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });
});
