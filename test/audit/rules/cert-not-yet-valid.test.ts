import { rule } from "../../../src/audit/rules/cert-not-yet-valid.js";
import { aCert, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [{ name: "valid now", model: healthySite().build() }],
  invalid: [
    {
      name: "starts next year",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Future", {
          notBefore: "2027-01-01T00:00:00Z",
          notAfter: "2028-01-01T00:00:00Z",
        });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c, { default: true }]])
          .build();
      })(),
      findings: [
        { kind: "certificate", id: "ID(WEBSRV):Future", message: /not valid before 2027-01-01.*401/ },
      ],
    },
  ],
});
