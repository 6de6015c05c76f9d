import { rule } from "../../../src/audit/rules/facility-broad-access.js";
import type { AccessLevel } from "../../../src/model/types.js";
import { aModel, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

const six: [string, AccessLevel][] = ["A", "B", "C", "D", "E", "F"].map((u) => [`USER${u}`, "UPDATE"]);

ruleTester(rule, {
  valid: [
    { name: "READ for one user", model: healthySite().build() },
    {
      name: "ID(*) READ is enough for one's own rings",
      model: aModel()
        .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [["*", "READ"]])
        .build(),
    },
    {
      name: "no FACILITY profiles: not evaluated",
      model: aModel().build(),
      notEvaluated: [/no FACILITY IRR\.DIGTCERT/],
    },
  ],
  invalid: [
    {
      name: "UACC(UPDATE)",
      model: aModel().profile("FACILITY", "IRR.DIGTCERT.LISTRING", "UPDATE").build(),
      findings: [
        {
          kind: "profile",
          id: "FACILITY IRR.DIGTCERT.LISTRING",
          commands: [/^RALTER FACILITY IRR\.DIGTCERT\.LISTRING UACC\(NONE\)$/, /FACILITY/],
        },
      ],
    },
    {
      name: "generic IRR.DIGTCERT.** with ID(*) CONTROL covers LISTRING and LIST once",
      model: aModel()
        .profile("FACILITY", "IRR.DIGTCERT.**", "NONE", [["*", "CONTROL"]])
        .build(),
      findings: [{ kind: "profile", id: "FACILITY IRR.DIGTCERT.**", message: /ID\(\*\) CONTROL/ }],
    },
    {
      name: "six ids with UPDATE",
      model: aModel().profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", six).build(),
      findings: [{ kind: "profile", id: "FACILITY IRR.DIGTCERT.LISTRING", message: /to 6 ids/ }],
    },
  ],
});
