import { rule } from "../../../src/audit/rules/app-predicted-failure.js";
import { simulate } from "../../../src/sim/simulate.js";
import { aCert, app, aRoot, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

// The real simulator (src/sim/simulate.ts) decides; these cases are field cases 4 and 7.
ruleTester(rule, {
  valid: [
    { name: "field case 7: a working set-up predicts 0", model: healthySite().build(), simulate },
    {
      name: "without the simulator: not evaluated",
      model: healthySite().build(),
      notEvaluated: [/simulator is not available/],
    },
  ],
  invalid: [
    {
      name: "field case 4: TCPIP on FTPD's ring predicts 428",
      model: (() => {
        const ftp = aCert("ID(FTPD)", "FTP Server");
        return healthySite()
          .user("FTPD")
          .user("TCPIP")
          .cert(ftp)
          .ring("FTPD", "SERVRING", [[aRoot()], [ftp, { default: true }]])
          .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [
            ["WEBSRV", "READ"],
            ["TCPIP", "UPDATE"],
          ])
          .build();
      })(),
      apps: [app("TCPIP", "FTPD", "SERVRING", { name: "policy rule FTP", origin: "policy" })],
      simulate,
      findings: [{ kind: "application", id: "TCPIP@FTPD/SERVRING", message: /predicted rc 428/ }],
    },
  ],
});
