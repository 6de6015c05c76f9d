import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/empty-ring.js";
import { app, healthySite } from "../builders.js";
import { exact, lines, ringOf } from "../exact.js";
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

describe("empty-ring: the whole finding", () => {
  it("nobody named: what fails (6 / 109) and the DELRING to remove it", () => {
    const model = healthySite().ring("WEBSRV", "EmptyRing").build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "ring WEBSRV/EmptyRing",
          ring: "WEBSRV/EmptyRing",
          severity: "warning",
          confidence: "ibm",
          message:
            "Key ring WEBSRV/EmptyRing has no certificates; any application that opens it fails (6 as a server, 109 as a client).",
          fix: {
            summary:
              "Connect the certificates it is meant to hold, or delete it if unused: RACDCERT ID(WEBSRV) DELRING('EmptyRing').",
            commands: [],
          },
          evidence: lines(ringOf(model, "WEBSRV/EmptyRing")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("named applications: who uses it (uses / use), and what to connect", () => {
    const model = healthySite().ring("WEBSRV", "EmptyRing").build();
    const one = exact(rule, { model, apps: [app("WEBSRV", "WEBSRV", "EmptyRing")] }).findings;
    expect(one.map((f) => [f.message, f.fix?.summary])).toEqual([
      [
        "Key ring WEBSRV/EmptyRing has no certificates, yet WEBSRV (--app WEBSRV=WEBSRV/EmptyRing) uses it.",
        "Connect the application's certificate (USAGE(PERSONAL) DEFAULT) and the CA certificates it needs.",
      ],
    ]);
    const two = exact(rule, {
      model,
      apps: [
        app("WEBSRV", "WEBSRV", "EmptyRing"),
        app("FTPD", "WEBSRV", "EmptyRing", { name: "policy rule FTP" }),
      ],
    }).findings;
    expect(two.map((f) => f.message)).toEqual([
      "Key ring WEBSRV/EmptyRing has no certificates, yet WEBSRV (--app WEBSRV=WEBSRV/EmptyRing), FTPD (policy rule FTP) use it.",
    ]);
  });
});
