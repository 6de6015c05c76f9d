import { rule } from "../../../src/audit/rules/label-not-on-ring.js";
import { app, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "label present",
      model: healthySite().build(),
      apps: [app("WEBSRV", "WEBSRV", "WebRing", { label: "Web Server" })],
    },
    {
      name: "no application names a label: not evaluated",
      model: healthySite().build(),
      notEvaluated: [/no --app names a certificate label/],
    },
  ],
  invalid: [
    {
      name: "label in the wrong case",
      model: healthySite().build(),
      apps: [app("WEBSRV", "WEBSRV", "WebRing", { label: "WEB SERVER" })],
      findings: [
        {
          kind: "application",
          id: "WEBSRV@WEBSRV/WebRing:WEB SERVER",
          message: /case-sensitive.*'Web Server'.*Key label is not found/,
        },
      ],
    },
    {
      name: "label not connected at all",
      model: healthySite().build(),
      apps: [app("WEBSRV", "WEBSRV", "WebRing", { label: "Other" })],
      findings: [{ kind: "application", id: "WEBSRV@WEBSRV/WebRing:Other" }],
    },
  ],
});
