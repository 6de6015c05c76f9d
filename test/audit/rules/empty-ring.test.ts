import { rule } from "../../../src/audit/rules/empty-ring.js";
import { app, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [{ name: "ring with certificates", model: healthySite().build() }],
  invalid: [
    {
      name: "unload defect: WEBSRV.EmptyRing",
      model: healthySite().ring("WEBSRV", "EmptyRing").build(),
      findings: [{ kind: "ring", id: "WEBSRV/EmptyRing", message: /no certificates; any application/ }],
    },
    {
      name: "an application uses the empty ring",
      model: healthySite().ring("WEBSRV", "EmptyRing").build(),
      apps: [app("WEBSRV", "WEBSRV", "EmptyRing")],
      findings: [{ kind: "ring", id: "WEBSRV/EmptyRing", message: /yet WEBSRV/ }],
    },
  ],
});
