import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/ring-access-denied.js";
import { aModel, app, aRoot, healthySite, src } from "../builders.js";
import { exact, lines, ringOf } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "owner with READ on LISTRING", model: healthySite().build() },
    {
      name: "no FACILITY profile in the inputs: not evaluated",
      model: aModel().ring("WEBSRV", "R").build(),
      notEvaluated: [/no FACILITY profile protecting IRR\.DIGTCERT\.LISTRING/],
    },
  ],
  invalid: [
    {
      name: "field case 2: the client user has no access to LISTRING for its own ring",
      model: healthySite()
        .user("CLIENT")
        .ring("CLIENT", "Trust", [[aRoot()]])
        .build(),
      findings: [
        {
          kind: "application",
          id: "CLIENT@CLIENT/Trust",
          message: /CLIENT has NONE to FACILITY IRR\.DIGTCERT\.LISTRING, READ is needed.*202/,
          commands: [
            /^PERMIT IRR\.DIGTCERT\.LISTRING CLASS\(FACILITY\) ID\(CLIENT\) ACCESS\(READ\)$/,
            /FACILITY/,
          ],
        },
      ],
    },
    {
      name: "READ is not enough for another user's ring",
      model: healthySite().build(),
      apps: [app("TCPIP", "WEBSRV", "WebRing")],
      findings: [
        {
          kind: "application",
          id: "TCPIP@WEBSRV/WebRing",
          message: /UPDATE is needed for another user's ring/,
        },
      ],
    },
    {
      name: "ring-specific checking: the .LST profile decides",
      model: healthySite()
        .cls("RDATALIB", true)
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "READ"]])
        .build(),
      apps: [app("TCPIP", "WEBSRV", "WebRing")],
      findings: [
        {
          kind: "application",
          id: "TCPIP@WEBSRV/WebRing",
          commands: [
            /^PERMIT WEBSRV\.WEBRING\.LST CLASS\(RDATALIB\) ID\(TCPIP\) ACCESS\(READ\)$/,
            /RDATALIB/,
          ],
        },
      ],
    },
  ],
});

describe("ring-access-denied: the whole finding", () => {
  it("global checking, the owner assumed: READ for its own ring, or its own RDATALIB profile", () => {
    const model = healthySite()
      .user("CLIENT")
      .ring("CLIENT", "Trust", [[aRoot()]])
      .build();
    expect(
      exact(rule, { model }).findings.map((f) => [
        f.subject,
        f.ring,
        f.severity,
        f.confidence,
        f.message,
        f.fix,
      ]),
    ).toEqual([
      [
        "application CLIENT@CLIENT/Trust",
        "CLIENT/Trust",
        "error",
        "ibm",
        "CLIENT (ring owner, assumed to be its user) cannot open CLIENT/Trust: global checking: CLIENT has NONE to FACILITY IRR.DIGTCERT.LISTRING, READ is needed for its own ring; " +
          "System SSL returns 202 and RACF logs ICH408I for FACILITY IRR.DIGTCERT.LISTRING.",
        {
          summary:
            "Permit CLIENT READ on FACILITY IRR.DIGTCERT.LISTRING (or protect the ring with its own RDATALIB profile).",
          commands: [
            "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(CLIENT) ACCESS(READ)",
            "SETROPTS RACLIST(FACILITY) REFRESH",
          ],
        },
      ],
    ]);
  });

  it("ring-specific checking, a named application: the .LST profile, the evidence of profile, application and ring", () => {
    const model = healthySite()
      .user("TCPIP")
      .cls("RDATALIB", true)
      .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "READ"]])
      .build();
    const ev = [src(77, "policy.conf")];
    expect(exact(rule, { model, apps: [app("TCPIP", "WEBSRV", "WebRing", { evidence: ev })] })).toEqual({
      findings: [
        {
          subject: "application TCPIP@WEBSRV/WebRing",
          ring: "WEBSRV/WebRing",
          severity: "error",
          confidence: "ibm",
          message:
            "TCPIP (--app TCPIP=WEBSRV/WebRing) cannot open WEBSRV/WebRing: ring-specific checking: TCPIP has NONE to RDATALIB WEBSRV.WEBRING.LST, READ is needed; " +
            "System SSL returns 202 and RACF logs ICH408I for RDATALIB WEBSRV.WEBRING.LST.",
          fix: {
            summary: "Permit TCPIP READ on RDATALIB WEBSRV.WEBRING.LST.",
            commands: [
              "PERMIT WEBSRV.WEBRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(READ)",
              "SETROPTS RACLIST(RDATALIB) REFRESH",
            ],
          },
          evidence: [
            ...lines(model.profile("RDATALIB", "WEBSRV.WEBRING.LST")),
            "policy.conf:77",
            ...lines(ringOf(model, "WEBSRV/WebRing")),
          ],
        },
      ],
      notEvaluated: [],
    });
  });

  it("not evaluated when no profile decides, with the command that would tell", () => {
    const model = aModel()
      .user("WEBSRV")
      .profile("FACILITY", "IRR.DIGTCERT.LIST", "NONE")
      .ring("WEBSRV", "R")
      .build();
    expect(exact(rule, { model }).notEvaluated).toEqual([
      {
        subject: "application WEBSRV@WEBSRV/R",
        reason:
          "no FACILITY profile protecting IRR.DIGTCERT.LISTRING is in the inputs (RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER decides)",
      },
    ]);
  });
});
