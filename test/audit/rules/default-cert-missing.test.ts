import { rule } from "../../../src/audit/rules/default-cert-missing.js";
import { aCert, app, aRoot, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "ring with a PERSONAL DEFAULT certificate", model: healthySite().build() },
    {
      name: "trust-store ring (only CA certificates) assumed used by its owner",
      model: healthySite()
        .ring("WEBSRV", "TrustRing", [[aRoot()]])
        .build(),
    },
    {
      name: "server names its label, so no default is needed",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Labelled");
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c]])
          .build();
      })(),
      apps: [app("WEBSRV", "WEBSRV", "R2", { label: "Labelled" })],
    },
    {
      name: "client role without label needs no default",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "ClientCert");
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c]])
          .build();
      })(),
      apps: [app("WEBSRV", "WEBSRV", "R2", { role: "client" })],
    },
  ],
  invalid: [
    {
      name: "field case 3: only the CA on the server's ring",
      model: healthySite()
        .ring("FTPD", "SERVRING", [[aRoot()]])
        .build(),
      apps: [app("FTPD", "FTPD", "SERVRING", { role: "server", origin: "policy", name: "policy rule FTP" })],
      findings: [
        {
          kind: "ring",
          id: "FTPD/SERVRING",
          message: /no certificate is marked DEFAULT.*Key label is not found/,
        },
      ],
    },
    {
      name: "one PERSONAL certificate, not default: fix makes it default",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Srv");
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[aRoot()], [c]])
          .build();
      })(),
      findings: [
        {
          kind: "ring",
          id: "WEBSRV/R2",
          commands: [
            /^RACDCERT ID\(WEBSRV\) CONNECT\(ID\(WEBSRV\) LABEL\('Srv'\) RING\('R2'\) USAGE\(PERSONAL\) DEFAULT\)$/,
            /DIGTRING/,
          ],
        },
      ],
    },
    {
      name: "default connected as CERTAUTH",
      model: healthySite()
        .ring("WEBSRV", "R3", [[aRoot(), { default: true }], [aCert("ID(WEBSRV)", "Web Server")]])
        .build(),
      findings: [{ kind: "ring", id: "WEBSRV/R3", message: /connected as CERTAUTH/ }],
    },
  ],
});
