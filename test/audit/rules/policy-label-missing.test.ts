import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/policy-label-missing.js";
import { app, healthySite, src } from "../builders.js";
import { exact, lines, ringOf } from "../exact.js";
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

describe("policy-label-missing: the whole finding", () => {
  const ev = [src(40, "policy.conf")];

  it("a label in another case: the policy rule, the spelling on the ring, and the refresh", () => {
    const model = healthySite().build();
    const apps = [
      app("WEBSRV", "WEBSRV", "WebRing", {
        origin: "policy",
        name: "policy rule WebServer",
        label: "web server",
        evidence: ev,
      }),
    ];
    expect(exact(rule, { model, policy: [], apps })).toEqual({
      findings: [
        {
          subject: "policy WebServer:web server",
          ring: "WEBSRV/WebRing",
          severity: "error",
          confidence: "ibm",
          message:
            "Policy rule WebServer selects certificate label 'web server', which is not on WEBSRV/WebRing (labels are case-sensitive; the ring has 'Web Server'); " +
            'System SSL returns 6 "Key label is not found."',
          fix: {
            summary:
              "Spell the label exactly 'Web Server' in the policy, then refresh it (F PAGENT,REFRESH).",
            commands: [],
          },
          evidence: ["policy.conf:40", ...lines(ringOf(model, "WEBSRV/WebRing"))],
        },
      ],
      notEvaluated: [],
    });
  });

  it("a label nowhere on the ring; --app labels and missing rings are other rules'", () => {
    const model = healthySite().build();
    const apps = [
      policyApp("Web Srv"),
      app("WEBSRV", "WEBSRV", "WebRing", { label: "Other" }),
      app("WEBSRV", "WEBSRV", "Gone", { origin: "policy", name: "policy rule Gone", label: "Other" }),
    ];
    expect(
      exact(rule, { model, policy: [], apps }).findings.map((f) => [f.subject, f.message, f.fix?.summary]),
    ).toEqual([
      [
        "policy WebServer:Web Srv",
        "Policy rule WebServer selects certificate label 'Web Srv', which is not on WEBSRV/WebRing; System SSL returns 6 \"Key label is not found.\"",
        "Connect the certificate 'Web Srv' to WEBSRV/WebRing, or correct the policy's label; then refresh the policy.",
      ],
    ]);
  });
});
