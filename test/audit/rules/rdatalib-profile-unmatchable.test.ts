import { rule } from "../../../src/audit/rules/rdatalib-profile-unmatchable.js";
import { healthySite } from "../builders.js";
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
