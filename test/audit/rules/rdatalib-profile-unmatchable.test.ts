import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/rdatalib-profile-unmatchable.js";
import { healthySite } from "../builders.js";
import { exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "upper-case profile",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "READ"]])
        .build(),
    },
  ],
  invalid: [
    {
      name: "unload: WEBSRV.WebRing.LST spelled in the ring's case",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WebRing.LST", "NONE", [["APPUSR", "READ"]])
        .build(),
      findings: [
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WebRing.LST",
          message: /checks WEBSRV\.WEBRING\.LST.*APPUSR READ/,
        },
      ],
    },
  ],
});

describe("rdatalib-profile-unmatchable: the whole finding", () => {
  it("with an access list, and no upper-case profile yet: define it, then delete this one", () => {
    const model = healthySite()
      .profile("RDATALIB", "WEBSRV.WebRing.LST", "NONE", [
        ["APPUSR", "READ"],
        ["OTHER", "UPDATE"],
      ])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "profile RDATALIB WEBSRV.WebRing.LST",
          ring: null,
          severity: "warning",
          confidence: "ibm",
          message:
            "RDATALIB profile WEBSRV.WebRing.LST has lower-case letters; R_datalib checks WEBSRV.WEBRING.LST, so this profile never applies " +
            "and its access list (APPUSR READ, OTHER UPDATE) has no effect.",
          fix: {
            summary:
              "Define WEBSRV.WEBRING.LST with the same access list (RDEFINE RDATALIB WEBSRV.WEBRING.LST UACC(NONE), PERMIT for each entry, the ring owner included), then delete WEBSRV.WebRing.LST.",
            commands: [],
          },
          evidence: lines(model.profile("RDATALIB", "WEBSRV.WebRing.LST")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("without an access list, the upper-case profile already defined", () => {
    const model = healthySite()
      .profile("RDATALIB", "WEBSRV.WebRing.LST")
      .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "READ"]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.message, f.fix?.summary])).toEqual([
      [
        "RDATALIB profile WEBSRV.WebRing.LST has lower-case letters; R_datalib checks WEBSRV.WEBRING.LST, so this profile never applies.",
        "WEBSRV.WEBRING.LST already exists; delete the mixed-case profile after checking its access list is reflected there.",
      ],
    ]);
  });
});
