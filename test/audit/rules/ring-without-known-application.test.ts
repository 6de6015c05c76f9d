import { rule } from "../../../src/audit/rules/ring-without-known-application.js";
import { app, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "the only ring is named by --app",
      model: healthySite().build(),
      apps: [app("WEBSRV", "WEBSRV", "WebRing")],
    },
    {
      name: "no application named at all: not evaluated",
      model: healthySite().build(),
      notEvaluated: [/no --app or --policy names an application/],
    },
  ],
  invalid: [
    {
      name: "a second ring nobody names",
      model: healthySite().ring("WEBSRV", "Spare").build(),
      apps: [app("WEBSRV", "WEBSRV", "WebRing")],
      findings: [{ kind: "ring", id: "WEBSRV/Spare", message: /assume its owner WEBSRV/ }],
    },
  ],
});
