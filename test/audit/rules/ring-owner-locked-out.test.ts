import { rule } from "../../../src/audit/rules/ring-owner-locked-out.js";
import { healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "owner has READ on its .LST profile",
      model: healthySite()
        .cls("RDATALIB", true)
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "READ"]])
        .build(),
    },
    {
      name: "RDATALIB known inactive: the profile is inert",
      model: healthySite()
        .cls("RDATALIB", false)
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["APPUSR", "READ"]])
        .build(),
    },
    {
      name: "no RDATALIB profiles: not evaluated",
      model: healthySite().build(),
      notEvaluated: [/no RDATALIB profiles/],
    },
  ],
  invalid: [
    {
      name: "profile permits only another user",
      model: healthySite()
        .cls("RDATALIB", true)
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["APPUSR", "READ"]])
        .build(),
      findings: [
        {
          kind: "ring",
          id: "WEBSRV/WebRing",
          message: /gives its owner WEBSRV NONE \(via UACC\)/,
          commands: [
            /^PERMIT WEBSRV\.WEBRING\.LST CLASS\(RDATALIB\) ID\(WEBSRV\) ACCESS\(READ\)$/,
            /RDATALIB/,
          ],
        },
      ],
    },
    {
      name: "generic profile, class state unknown: reported with the condition",
      model: healthySite().profile("RDATALIB", "WEBSRV.*.LST", "NONE").build(),
      findings: [
        {
          kind: "ring",
          id: "WEBSRV/WebRing",
          message: /do not say whether RDATALIB is active.*takes effect as soon as it is/,
        },
      ],
    },
  ],
});
