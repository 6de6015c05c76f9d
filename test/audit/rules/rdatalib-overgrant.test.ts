import { rule } from "../../../src/audit/rules/rdatalib-overgrant.js";
import { aCert, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "READ for the owner of every certificate",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "READ"]])
        .build(),
    },
    {
      name: "UPDATE needed for another user's certificate (field case 6)",
      model: healthySite()
        .user("STCRSE")
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["STCRSE", "UPDATE"]])
        .build(),
    },
  ],
  invalid: [
    {
      name: "UACC(READ) and ID(*)",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "READ", [["*", "READ"]])
        .build(),
      findings: [
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message: /UACC\(READ\)/,
          commands: [/^RALTER RDATALIB WEBSRV\.WEBRING\.LST UACC\(NONE\)$/, /RDATALIB/],
        },
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message: /ID\(\*\) READ/,
          commands: [/ID\(\*\) DELETE$/, /RDATALIB/],
        },
      ],
    },
    {
      name: "UPDATE for the owner of the only PERSONAL certificate",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "UPDATE"]])
        .build(),
      findings: [
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message: /WEBSRV UPDATE, but READ is enough/,
          commands: [/ID\(WEBSRV\) ACCESS\(READ\)$/, /RDATALIB/],
        },
      ],
    },
    {
      name: "CONTROL where UPDATE suffices",
      model: (() => {
        const other = aCert("ID(APPUSR)", "App");
        return healthySite()
          .cert(other)
          .ring("WEBSRV", "WebRing", [[other]])
          .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["STCRSE", "CONTROL"]])
          .build();
      })(),
      findings: [
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message: /STCRSE CONTROL, but UPDATE is enough/,
        },
      ],
    },
  ],
});
