import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/facility-broad-access.js";
import type { AccessLevel } from "../../../src/model/types.js";
import { aModel, healthySite } from "../builders.js";
import { exact, lines } from "../exact.js";
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

describe("facility-broad-access: the whole finding", () => {
  const base = { severity: "warning", confidence: "ibm", ring: null };

  it("UACC(UPDATE) and ID(*) ALTER on one profile: two findings, each with its own fix", () => {
    const model = aModel()
      .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "UPDATE", [
        ["*", "ALTER"],
        ["WEBSRV", "READ"],
      ])
      .build();
    const p = model.profile("FACILITY", "IRR.DIGTCERT.LISTRING");
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          ...base,
          subject: "profile FACILITY IRR.DIGTCERT.LISTRING",
          message:
            "FACILITY IRR.DIGTCERT.LISTRING has UACC(UPDATE): every user may open every other user's key ring.",
          fix: {
            summary:
              "Set UACC(NONE) and permit READ (own rings) or UPDATE (other users' rings) individually.",
            commands: [
              "RALTER FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
              "SETROPTS RACLIST(FACILITY) REFRESH",
            ],
          },
          evidence: lines(p),
        },
        {
          ...base,
          subject: "profile FACILITY IRR.DIGTCERT.LISTRING",
          message:
            "FACILITY IRR.DIGTCERT.LISTRING permits ID(*) ALTER (1 of 2 access-list entries): every RACF user may open every other user's key ring.",
          fix: {
            summary:
              "Lower ID(*) to READ (enough for one's own rings) and permit UPDATE only to the servers that need other users' rings.",
            commands: [
              "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(*) ACCESS(READ)",
              "SETROPTS RACLIST(FACILITY) REFRESH",
            ],
          },
          evidence: lines(p?.access[0], p),
        },
      ],
      notEvaluated: [],
    });
  });

  it("UACC(READ) and ID(*) READ let a user open only its own rings: nothing to report", () => {
    const model = aModel()
      .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "READ", [["*", "READ"]])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });

  it("more than five ids with UPDATE or more: ten named, the rest counted; ID(*) and READ not counted", () => {
    const ids: [string, AccessLevel][] = Array.from({ length: 12 }, (_, i) => [
      `U${String(i + 1).padStart(2, "0")}`,
      i % 2 === 0 ? "UPDATE" : "CONTROL",
    ]);
    const model = aModel()
      .profile("FACILITY", "IRR.DIGTCERT.LIST", "NONE", [...ids, ["READER", "READ"], ["*", "READ"]])
      .build();
    const p = model.profile("FACILITY", "IRR.DIGTCERT.LIST");
    expect(exact(rule, { model }).findings).toEqual([
      {
        ...base,
        subject: "profile FACILITY IRR.DIGTCERT.LIST",
        message:
          "FACILITY IRR.DIGTCERT.LIST gives UPDATE or more to 12 ids (U01, U02, U03, U04, U05, U06, U07, U08, U09, U10 and 2 more; " +
          "12 of 14 access-list entries); each may open every other user's key ring.",
        fix: {
          summary:
            "Review the list; protect the rings these ids really need with RDATALIB <owner>.<ring>.LST profiles instead of site-wide UPDATE.",
          commands: [],
        },
        evidence: lines(p, ...(p?.access.slice(0, 10) ?? [])),
      },
    ]);
  });

  it("exactly five is not many; six are, and all six are named; counts above 999 are grouped", () => {
    const many = (n: number) =>
      aModel()
        .profile(
          "FACILITY",
          "IRR.DIGTCERT.LISTRING",
          "NONE",
          Array.from({ length: n }, (_, i): [string, AccessLevel] => [`U${i + 1}`, "UPDATE"]),
        )
        .build();
    expect(exact(rule, { model: many(5) }).findings).toEqual([]);
    expect(exact(rule, { model: many(6) }).findings.map((f) => f.message)).toEqual([
      "FACILITY IRR.DIGTCERT.LISTRING gives UPDATE or more to 6 ids (U1, U2, U3, U4, U5, U6; 6 of 6 access-list entries); each may open every other user's key ring.",
    ]);
    expect(exact(rule, { model: many(1234) }).findings.map((f) => f.message)).toEqual([
      "FACILITY IRR.DIGTCERT.LISTRING gives UPDATE or more to 1,234 ids (U1, U2, U3, U4, U5, U6, U7, U8, U9, U10 and 1,224 more; 1,234 of 1,234 access-list entries); each may open every other user's key ring.",
    ]);
  });

  it("ID(*) among 1,500 entries: the count is grouped", () => {
    const entries = Array.from({ length: 1499 }, (_, i): [string, AccessLevel] => [`R${i}`, "READ"]);
    const model = aModel()
      .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [["*", "UPDATE"], ...entries])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.message)).toEqual([
      "FACILITY IRR.DIGTCERT.LISTRING permits ID(*) UPDATE (1 of 1,500 access-list entries): every RACF user may open every other user's key ring.",
    ]);
  });
});

describe("facility-broad-access: counting the broad grants", () => {
  const grants = (n: number, extra: [string, AccessLevel][] = []) =>
    aModel()
      .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [
        ...Array.from({ length: n }, (_, i): [string, AccessLevel] => [`U${i + 1}`, "UPDATE"]),
        ...extra,
      ])
      .build();

  it("exactly ten: all named, no 'and 0 more'", () => {
    expect(exact(rule, { model: grants(10) }).findings.map((f) => f.message)).toEqual([
      "FACILITY IRR.DIGTCERT.LISTRING gives UPDATE or more to 10 ids (U1, U2, U3, U4, U5, U6, U7, U8, U9, U10; 10 of 10 access-list entries); each may open every other user's key ring.",
    ]);
  });

  it("ID(*) UPDATE is its own finding, not one of the many", () => {
    expect(exact(rule, { model: grants(6, [["*", "UPDATE"]]) }).findings.map((f) => f.message)).toEqual([
      "FACILITY IRR.DIGTCERT.LISTRING permits ID(*) UPDATE (1 of 7 access-list entries): every RACF user may open every other user's key ring.",
      "FACILITY IRR.DIGTCERT.LISTRING gives UPDATE or more to 6 ids (U1, U2, U3, U4, U5, U6; 6 of 7 access-list entries); each may open every other user's key ring.",
    ]);
  });
});
