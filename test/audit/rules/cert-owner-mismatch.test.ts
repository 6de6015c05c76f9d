import { rule } from "../../../src/audit/rules/cert-owner-mismatch.js";
import { aCert, app, aRoot, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

// Field case 4: FTPD's ring, FTPD's certificate, server runs as TCPIP (UPDATE on LISTRING).
function fieldCase4(ftpOver: Parameters<typeof aCert>[2] = {}) {
  const root = aRoot();
  const ftp = aCert("ID(FTPD)", "FTP Server", ftpOver);
  return healthySite()
    .user("FTPD")
    .user("TCPIP")
    .cert(ftp)
    .ring("FTPD", "SERVRING", [[root], [ftp, { default: true }]])
    .profile("FACILITY", "IRR.DIGTCERT.LIST", "NONE", [["TCPIP", "UPDATE"]]);
}

ruleTester(rule, {
  valid: [
    { name: "the ring's owner uses its own certificate (field case 7)", model: healthySite().build() },
    {
      name: "another user with UPDATE on the ring's RDATALIB profile (field case 6 fixed)",
      model: fieldCase4()
        .cls("RDATALIB", true)
        .profile("RDATALIB", "FTPD.SERVRING.LST", "NONE", [
          ["TCPIP", "UPDATE"],
          ["FTPD", "READ"],
        ])
        .build(),
      apps: [app("TCPIP", "FTPD", "SERVRING")],
    },
    {
      name: "CERTAUTH certificates are not this rule's business (trust ring used by another user)",
      model: healthySite()
        .ring("WEBSRV", "Trust", [[aRoot()]])
        .build(),
      apps: [app("OTHER", "WEBSRV", "Trust")],
    },
  ],
  invalid: [
    {
      name: "field case 4: TCPIP opens FTPD's ring under FACILITY checking",
      model: fieldCase4().build(),
      apps: [app("TCPIP", "FTPD", "SERVRING")],
      findings: [
        {
          kind: "connection",
          id: "FTPD/SERVRING:ID(FTPD):FTP Server",
          message: /TCPIP.*cannot get its private key.*428/,
          summary:
            /^Any one of: connect a certificate owned by TCPIP instead; run the application as FTPD; or give TCPIP UPDATE on the ring's RDATALIB profile FTPD\.SERVRING\.LST/,
          commands: [
            /^RDEFINE RDATALIB FTPD\.SERVRING\.LST UACC\(NONE\)$/,
            /ID\(TCPIP\) ACCESS\(UPDATE\)/,
            /ID\(FTPD\) ACCESS\(READ\)/,
            /^SETROPTS CLASSACT\(RDATALIB\) RACLIST\(RDATALIB\)$/,
          ],
        },
      ],
    },
    {
      // NOTRUST certificates are not retrieved from the ring (System SSL rc 6 notes): access to
      // the key changes nothing, so no grant may be proposed even though the key exists.
      name: "another user's NOTRUST certificate WITH a private key: no access grant proposed",
      model: fieldCase4({ status: "NOTRUST", privateKey: true }).build(),
      apps: [app("TCPIP", "FTPD", "SERVRING")],
      findings: [
        {
          kind: "connection",
          id: "FTPD/SERVRING:ID(FTPD):FTP Server",
          message: /TCPIP.*cannot get its private key/,
          summary:
            /^Granting access would not help: the certificate is NOTRUST\. .*connect a certificate owned by TCPIP\.$/,
          commands: [],
        },
      ],
    },
    {
      name: "another user's TRUST certificate without a private key: no access grant proposed",
      model: fieldCase4({ privateKey: false }).build(),
      apps: [app("TCPIP", "FTPD", "SERVRING")],
      findings: [
        {
          kind: "connection",
          id: "FTPD/SERVRING:ID(FTPD):FTP Server",
          summary: /^Granting access would not help: the certificate has no private key\./,
          commands: [],
        },
      ],
    },
    {
      name: "field case 6: READ on the .LST profile opens the ring but returns no key",
      model: fieldCase4()
        .cls("RDATALIB", true)
        .profile("RDATALIB", "FTPD.SERVRING.LST", "NONE", [
          ["TCPIP", "READ"],
          ["FTPD", "READ"],
        ])
        .build(),
      apps: [app("TCPIP", "FTPD", "SERVRING")],
      findings: [
        {
          kind: "connection",
          id: "FTPD/SERVRING:ID(FTPD):FTP Server",
          message: /READ to RDATALIB FTPD\.SERVRING\.LST; UPDATE/,
          commands: [
            /^PERMIT FTPD\.SERVRING\.LST CLASS\(RDATALIB\) ID\(TCPIP\) ACCESS\(UPDATE\)$/,
            /REFRESH/,
          ],
        },
      ],
    },
    {
      name: "unload defect: APPUSR's personal certificate in WEBSRV's ring, used by its owner",
      model: (() => {
        const appCert = aCert("ID(APPUSR)", "AppServerCert");
        return healthySite()
          .user("APPUSR")
          .cert(appCert)
          .ring("WEBSRV", "Other", [[appCert]])
          .build();
      })(),
      findings: [
        {
          kind: "connection",
          id: "WEBSRV/Other:ID(APPUSR):AppServerCert",
          message: /WEBSRV \(the ring's owner, assumed/,
        },
      ],
    },
  ],
});
