import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/label-not-on-ring.js";
import { app, healthySite, src } from "../builders.js";
import { exact, lines, ringOf } from "../exact.js";
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

describe("label-not-on-ring: the whole finding", () => {
  const appEv = [src(900, "app.txt")];

  it("a label in another case: 6, the spelling on the ring, and the fix that uses it", () => {
    const model = healthySite().build();
    expect(
      exact(rule, {
        model,
        apps: [app("WEBSRV", "WEBSRV", "WebRing", { label: "WEB SERVER", evidence: appEv })],
      }),
    ).toEqual({
      findings: [
        {
          subject: "application WEBSRV@WEBSRV/WebRing:WEB SERVER",
          ring: "WEBSRV/WebRing",
          severity: "error",
          confidence: "ibm",
          message:
            "WEBSRV uses label 'WEB SERVER' on WEBSRV/WebRing, which holds no certificate with that label (labels are case-sensitive: the ring has 'Web Server'); " +
            'System SSL returns 6 "Key label is not found."',
          fix: { summary: "Configure the label exactly as 'Web Server'.", commands: [] },
          evidence: [...lines(ringOf(model, "WEBSRV/WebRing")), "app.txt:900"],
        },
      ],
      notEvaluated: [],
    });
  });

  it("a label nowhere on the ring: connect it or configure another", () => {
    const found = exact(rule, {
      model: healthySite().build(),
      apps: [app("WEBSRV", "WEBSRV", "WebRing", { label: "Other" })],
    }).findings;
    expect(found.map((f) => [f.message, f.fix?.summary])).toEqual([
      [
        "WEBSRV uses label 'Other' on WEBSRV/WebRing, which holds no certificate with that label; System SSL returns 6 \"Key label is not found.\"",
        "Connect the certificate labelled 'Other' to WEBSRV/WebRing, or configure a label that is on the ring.",
      ],
    ]);
  });

  it("only --app labels: policy labels are policy-label-missing's, a missing ring is reported elsewhere, no label is default-cert-missing's", () => {
    const model = healthySite().build();
    const apps = [
      app("WEBSRV", "WEBSRV", "WebRing", { label: "Other", origin: "policy", name: "policy rule Web" }),
      app("WEBSRV", "WEBSRV", "NoSuchRing", { label: "Other" }),
      app("WEBSRV", "WEBSRV", "WebRing"),
    ];
    expect(exact(rule, { model, apps })).toEqual({ findings: [], notEvaluated: [] });
  });
});
