import { rule } from "../../../src/audit/rules/no-private-key.js";
import { aCert, aRoot, healthySite } from "../builders.js";
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
