import { rule } from "../../../src/audit/rules/policy-ring-missing.js";
import { app, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

const policyApp = (owner: string, ring: string) =>
  app("FTPD", owner, ring, { origin: "policy", name: "policy rule FTPServer" });

ruleTester(rule, {
  valid: [
    {
      name: "policy ring exists",
      model: healthySite().build(),
      policy: [],
      apps: [policyApp("WEBSRV", "WebRing")],
    },
    { name: "no policy: not evaluated", model: healthySite().build(), notEvaluated: [/no AT-TLS policy/] },
  ],
  invalid: [
    {
      name: "field case 1: owner misspelled",
      model: healthySite().build(),
      policy: [],
      apps: [policyApp("WEBSRX", "WebRing")],
      findings: [
        {
          kind: "policy",
          id: "FTPServer:WEBSRX/WebRing",
          message: /belongs to WEBSRV.*202|202.*belongs to WEBSRV/,
        },
      ],
    },
    {
      name: "ring name in the wrong case",
      model: healthySite().build(),
      policy: [],
      apps: [policyApp("WEBSRV", "WEBRING")],
      findings: [{ kind: "policy", id: "FTPServer:WEBSRV/WEBRING", message: /case-sensitive/ }],
    },
  ],
});
