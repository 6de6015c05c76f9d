import { rule } from "../../../src/audit/rules/site-or-certauth-key-needs-control.js";
import { aCert, healthySite } from "../builders.js";
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
