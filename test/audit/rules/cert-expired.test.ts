import { rule } from "../../../src/audit/rules/cert-expired.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "all valid", model: healthySite().build() },
    {
      name: "expired certificate on no ring is not reported",
      model: healthySite()
        .cert(aCert("ID(WEBSRV)", "Old", { notAfter: "2020-01-01T00:00:00Z" }))
        .build(),
    },
    {
      name: "end date unknown: not evaluated",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "NoDates", { notAfter: null });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c]])
          .build();
      })(),
      notEvaluated: [/end date is not in the inputs/],
    },
  ],
  invalid: [
    {
      name: "field case 5: expired server certificate",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Expired", { notAfter: "2026-03-01T23:59:59Z" });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c, { default: true }]])
          .build();
      })(),
      findings: [{ kind: "certificate", id: "ID(WEBSRV):Expired", message: /expired on 2026-03-01.*401/ }],
    },
    {
      name: "expired CA on two rings is reported once",
      model: (() => {
        const ca = aRoot("Old CA", { notAfter: "2026-01-01T00:00:00Z" });
        return healthySite()
          .cert(ca)
          .ring("WEBSRV", "A", [[ca]])
          .ring("WEBSRV", "B", [[ca]])
          .build();
      })(),
      findings: [{ kind: "certificate", id: "CERTAUTH:Old CA", message: /WEBSRV\/A, WEBSRV\/B/ }],
    },
  ],
});
