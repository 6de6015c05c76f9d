import { rule } from "../../../src/audit/rules/ca-connected-as-personal.js";
import { aCert, aRoot, healthySite } from "../builders.js";
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
