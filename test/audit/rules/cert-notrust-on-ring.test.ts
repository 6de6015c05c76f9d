import { rule } from "../../../src/audit/rules/cert-notrust-on-ring.js";
import { aCert, aRoot, healthySite } from "../builders.js";
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
