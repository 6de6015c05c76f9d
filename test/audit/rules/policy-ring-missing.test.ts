import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/policy-ring-missing.js";
import { app, healthySite, src } from "../builders.js";
import { exact } from "../exact.js";
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

describe("policy-ring-missing: the whole finding", () => {
  it("owner misspelled: 202, the owner of a ring of that name, and the Keyring to use", () => {
    const ev = [src(12, "policy.conf")];
    const apps = [
      app("FTPD", "WEBSRX", "WebRing", { origin: "policy", name: "policy rule FTPServer", evidence: ev }),
    ];
    expect(exact(rule, { model: healthySite().build(), policy: [], apps })).toEqual({
      findings: [
        {
          subject: "policy FTPServer:WEBSRX/WebRing",
          ring: "WEBSRX/WebRing",
          severity: "error",
          confidence: "ibm",
          message:
            "Policy rule FTPServer uses key ring WEBSRX/WebRing, which is not defined in the inputs; AT-TLS reports 202 and the connection fails. A ring of that name belongs to WEBSRV.",
          fix: {
            summary:
              "Change the policy's Keyring to WEBSRV/WebRing and refresh the policy (F PAGENT,REFRESH).",
            commands: [],
          },
          evidence: ["policy.conf:12"],
        },
      ],
      notEvaluated: [],
    });
  });

  it("ring name in another case: the owner's ring is named, before another owner's of the same name", () => {
    const model = healthySite().ring("FTPD", "WEBRING").build();
    const found = exact(rule, { model, policy: [], apps: [policyApp("WEBSRV", "WEBRING")] }).findings;
    expect(found.map((f) => [f.message, f.fix?.summary])).toEqual([
      [
        "Policy rule FTPServer uses key ring WEBSRV/WEBRING, which is not defined in the inputs; AT-TLS reports 202 and the connection fails. WEBSRV has 'WebRing' (ring names are case-sensitive).",
        "Change the policy's Keyring to WEBSRV/WebRing and refresh the policy (F PAGENT,REFRESH).",
      ],
    ]);
  });

  it("nothing like it: create the ring or correct the policy; --app rings and '*' are not this rule's", () => {
    const apps = [
      policyApp("FTPD", "Nowhere"),
      app("FTPD", "FTPD", "Other"),
      app("FTPD", "FTPD", "*", { origin: "policy", name: "policy rule Virtual" }),
    ];
    const found = exact(rule, { model: healthySite().build(), policy: [], apps }).findings;
    expect(found.map((f) => [f.subject, f.message, f.fix?.summary])).toEqual([
      [
        "policy FTPServer:FTPD/Nowhere",
        "Policy rule FTPServer uses key ring FTPD/Nowhere, which is not defined in the inputs; AT-TLS reports 202 and the connection fails.",
        "Create the ring (RACDCERT ID(FTPD) ADDRING('Nowhere')) and connect its certificates, or correct the policy's Keyring; then refresh the policy.",
      ],
    ]);
  });
});

describe("policy-ring-missing: the owner's other rings are no hint", () => {
  it("a ring of the owner with another name is not offered", () => {
    const found = exact(rule, {
      model: healthySite().build(),
      policy: [],
      apps: [policyApp("WEBSRV", "Other")],
    }).findings;
    expect(found.map((f) => f.message)).toEqual([
      "Policy rule FTPServer uses key ring WEBSRV/Other, which is not defined in the inputs; AT-TLS reports 202 and the connection fails.",
    ]);
  });
});
