import { rule } from "../../../src/audit/rules/policy-label-missing.js";
import { app, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

const policyApp = (label: string) =>
  app("WEBSRV", "WEBSRV", "WebRing", { origin: "policy", name: "policy rule WebServer", label });

ruleTester(rule, {
  valid: [
    { name: "label on the ring", model: healthySite().build(), policy: [], apps: [policyApp("Web Server")] },
  ],
  invalid: [
    {
      name: "label not on the ring",
      model: healthySite().build(),
      policy: [],
      apps: [policyApp("Web Srv")],
      findings: [
        {
          kind: "policy",
          id: "WebServer:Web Srv",
          message: /not on WEBSRV\/WebRing.*Key label is not found/,
        },
      ],
    },
  ],
});
