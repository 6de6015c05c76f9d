import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/ring-without-known-application.js";
import { app, healthySite } from "../builders.js";
import { exact, lines, ringOf } from "../exact.js";
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

describe("ring-without-known-application: the whole finding", () => {
  it("rings that no application names, by owner and name; the owner's assumed use does not count", () => {
    const model = healthySite().ring("WEBSRV", "Spare").ring("FTPD", "WebRing").build();
    expect(exact(rule, { model, apps: [app("WEBSRV", "WEBSRV", "WebRing")] })).toEqual({
      findings: [
        {
          subject: "ring FTPD/WebRing",
          ring: "FTPD/WebRing",
          severity: "info",
          confidence: "ibm",
          message:
            "No policy rule or --app names FTPD/WebRing; its verdicts assume its owner FTPD opens it as a server.",
          fix: {
            summary:
              "Name the application with --app USER=FTPD/WebRing[:LABEL] to audit it exactly, or delete the ring if nothing uses it (RACDCERT ID(FTPD) DELRING('WebRing')).",
            commands: [],
          },
          evidence: lines(ringOf(model, "FTPD/WebRing")),
        },
        {
          subject: "ring WEBSRV/Spare",
          ring: "WEBSRV/Spare",
          severity: "info",
          confidence: "ibm",
          message:
            "No policy rule or --app names WEBSRV/Spare; its verdicts assume its owner WEBSRV opens it as a server.",
          fix: {
            summary:
              "Name the application with --app USER=WEBSRV/Spare[:LABEL] to audit it exactly, or delete the ring if nothing uses it (RACDCERT ID(WEBSRV) DELRING('Spare')).",
            commands: [],
          },
          evidence: lines(ringOf(model, "WEBSRV/Spare")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("no application named at all: one not-evaluated entry without a subject", () => {
    expect(exact(rule, { model: healthySite().ring("WEBSRV", "Spare").build() })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: null,
          reason: "no --app or --policy names an application; every ring is assumed used by its owner",
        },
      ],
    });
  });
});
