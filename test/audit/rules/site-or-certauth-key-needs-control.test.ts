import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/site-or-certauth-key-needs-control.js";
import { aCert, app, healthySite } from "../builders.js";
import { connOf, exact, lines, ringOf } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

function siteRing() {
  const site = aCert("SITE", "Site Server");
  return healthySite()
    .cert(site)
    .ring("WEBSRV", "SiteRing", [[site, { usage: "PERSONAL", default: true }]]);
}

ruleTester(rule, {
  valid: [
    { name: "no CERTAUTH/SITE certificate connected PERSONAL", model: healthySite().build() },
    { name: "SPECIAL user gets SITE keys", model: siteRing().user("WEBSRV", { special: true }).build() },
    {
      name: "CONTROL on IRR.DIGTCERT.GENCERT under global checking",
      model: siteRing()
        .profile("FACILITY", "IRR.DIGTCERT.GENCERT", "NONE", [["WEBSRV", "CONTROL"]])
        .build(),
    },
  ],
  invalid: [
    {
      name: "SITE certificate as server certificate, user without SPECIAL or CONTROL",
      model: siteRing().build(),
      findings: [{ kind: "connection", id: "WEBSRV/SiteRing:SITE:Site Server", message: /SPECIAL.*428/ }],
    },
    {
      name: "ring-specific checking: READ is not CONTROL; fix permits CONTROL on the .LST profile",
      model: siteRing()
        .cls("RDATALIB", true)
        .profile("RDATALIB", "WEBSRV.SITERING.LST", "NONE", [["WEBSRV", "READ"]])
        .build(),
      findings: [
        {
          kind: "connection",
          id: "WEBSRV/SiteRing:SITE:Site Server",
          commands: [
            /^PERMIT WEBSRV\.SITERING\.LST CLASS\(RDATALIB\) ID\(WEBSRV\) ACCESS\(CONTROL\)$/,
            /RDATALIB/,
          ],
        },
      ],
    },
  ],
});

describe("site-or-certauth-key-needs-control: the whole finding", () => {
  const tail = "System SSL returns 428 when it selects it.";

  it("global checking without SPECIAL or a GENCERT profile: connect an own certificate, no command", () => {
    const model = siteRing().build();
    const conn = connOf(model, "WEBSRV/SiteRing", "Site Server");
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "connection WEBSRV/SiteRing:SITE:Site Server",
          ring: "WEBSRV/SiteRing",
          severity: "error",
          confidence: "ibm",
          message:
            "WEBSRV opens WEBSRV/SiteRing, which holds SITE certificate 'Site Server' as PERSONAL DEFAULT, but cannot get its private key: " +
            `WEBSRV is not SPECIAL and no profile granting CONTROL on FACILITY IRR.DIGTCERT.GENCERT is in the inputs. ${tail}`,
          fix: {
            summary:
              "Connect a certificate owned by WEBSRV instead (preferred), or protect the ring with an RDATALIB profile and give WEBSRV CONTROL on it; " +
              "CONTROL on IRR.DIGTCERT.GENCERT would also let the user create CA certificates.",
            commands: [],
          },
          // the ring owner's assumed use rests on the ring's definition
          evidence: lines(conn, model.certificate("SITE", "Site Server"), ringOf(model, "WEBSRV/SiteRing")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("ring-specific checking on the ring's own profile: PERMIT CONTROL on it", () => {
    const model = siteRing()
      .cls("RDATALIB", true)
      .profile("RDATALIB", "WEBSRV.SITERING.LST", "NONE", [["WEBSRV", "READ"]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.message, f.fix])).toEqual([
      [
        "WEBSRV opens WEBSRV/SiteRing, which holds SITE certificate 'Site Server' as PERSONAL DEFAULT, but cannot get its private key: " +
          `SITE keys need SPECIAL or CONTROL on RDATALIB WEBSRV.SITERING.LST; WEBSRV has READ. ${tail}`,
        {
          summary:
            "Give WEBSRV CONTROL on RDATALIB WEBSRV.SITERING.LST, or better connect a certificate owned by WEBSRV.",
          commands: [
            "PERMIT WEBSRV.SITERING.LST CLASS(RDATALIB) ID(WEBSRV) ACCESS(CONTROL)",
            "SETROPTS RACLIST(RDATALIB) REFRESH",
          ],
        },
      ],
    ]);
  });

  it("a generic profile decides: define the ring's own profile FROM it first, never PERMIT on the generic", () => {
    const ca = aCert("CERTAUTH", "CA Server");
    const model = healthySite()
      .cert(ca)
      .ring("WEBSRV", "CaRing", [[ca, { usage: "PERSONAL" }]])
      .cls("RDATALIB", true)
      .profile("RDATALIB", "WEBSRV.*.LST", "NONE", [["WEBSRV", "UPDATE"]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.message, f.fix?.commands])).toEqual([
      [
        "WEBSRV opens WEBSRV/CaRing, which holds CERTAUTH certificate 'CA Server' as PERSONAL, but cannot get its private key: " +
          `CERTAUTH keys need SPECIAL or CONTROL on RDATALIB WEBSRV.*.LST; WEBSRV has UPDATE. ${tail}`,
        [
          "RDEFINE RDATALIB WEBSRV.CARING.LST FROM(WEBSRV.*.LST)",
          "PERMIT WEBSRV.CARING.LST CLASS(RDATALIB) ID(WEBSRV) ACCESS(CONTROL)",
          "SETROPTS RACLIST(RDATALIB) REFRESH",
        ],
      ],
    ]);
  });

  it("one finding per application that cannot get the key; a keyless CA certificate is no-private-key's", () => {
    const keyless = aCert("CERTAUTH", "Keyless CA", { privateKey: false });
    const model = siteRing()
      .cert(keyless)
      .ring("WEBSRV", "Keyless", [[keyless, { usage: "PERSONAL", default: true }]])
      .user("ADMIN", { special: true })
      .build();
    const apps = [
      app("WEBSRV", "WEBSRV", "SiteRing"),
      app("TCPIP", "WEBSRV", "SiteRing"),
      app("ADMIN", "WEBSRV", "SiteRing"),
    ];
    expect(
      exact(rule, { model, apps }).findings.map((f) => f.message.slice(0, f.message.indexOf(","))),
    ).toEqual(["WEBSRV opens WEBSRV/SiteRing", "TCPIP opens WEBSRV/SiteRing"]);
  });
});

describe("site-or-certauth-key-needs-control: a CA certificate the inputs do not describe", () => {
  it("is reported on the connection alone (its key may exist)", () => {
    const model = healthySite()
      .ring("WEBSRV", "R2", [[aCert("SITE", "Unlisted Site"), { usage: "PERSONAL", default: true }]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.subject, f.evidence])).toEqual([
      [
        "connection WEBSRV/R2:SITE:Unlisted Site",
        lines(connOf(model, "WEBSRV/R2", "Unlisted Site"), ringOf(model, "WEBSRV/R2")),
      ],
    ]);
  });
});
