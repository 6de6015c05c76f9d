import { rule } from "../../../src/audit/rules/ring-access-denied.js";
import { aModel, app, aRoot, healthySite } from "../builders.js";
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
