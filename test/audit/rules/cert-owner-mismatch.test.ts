import { rule } from "../../../src/audit/rules/cert-owner-mismatch.js";
import { aCert, aModel, app, aRoot, healthySite } from "../builders.js";
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
      name: "a generic RDATALIB profile is copied FROM, and users it already serves are not permitted again",
      model: fieldCase4()
        .cls("RDATALIB", true)
        .profile("RDATALIB", "FTPD.*.LST", "NONE", [
          ["TCPIP", "READ"],
          ["FTPD", "UPDATE"],
        ])
        .build(),
      apps: [app("TCPIP", "FTPD", "SERVRING")],
      findings: [
        {
          kind: "connection",
          id: "FTPD/SERVRING:ID(FTPD):FTP Server",
          // FTPD holds UPDATE where READ is wanted: enough, no PERMIT for it.
          commands: [
            /^RDEFINE RDATALIB FTPD\.SERVRING\.LST FROM\(FTPD\.\*\.LST\)$/,
            /^PERMIT FTPD\.SERVRING\.LST CLASS\(RDATALIB\) ID\(TCPIP\) ACCESS\(UPDATE\)$/,
            /^SETROPTS RACLIST\(RDATALIB\) REFRESH$/,
          ],
        },
      ],
    },
    {
      name: "a discrete profile without the owner on its list: both permitted; RDATALIB active but not RACLISTed is activated",
      model: fieldCase4()
        .cls("RDATALIB", true, false)
        .profile("RDATALIB", "FTPD.SERVRING.LST", "NONE", [["TCPIP", "READ"]])
        .build(),
      apps: [app("TCPIP", "FTPD", "SERVRING")],
      findings: [
        {
          kind: "connection",
          id: "FTPD/SERVRING:ID(FTPD):FTP Server",
          commands: [
            /^PERMIT FTPD\.SERVRING\.LST CLASS\(RDATALIB\) ID\(TCPIP\) ACCESS\(UPDATE\)$/,
            /^PERMIT FTPD\.SERVRING\.LST CLASS\(RDATALIB\) ID\(FTPD\) ACCESS\(READ\)$/,
            /^SETROPTS CLASSACT\(RDATALIB\) RACLIST\(RDATALIB\)$/,
          ],
        },
      ],
    },
    {
      name: "listings only (no FACILITY or RDATALIB profile shown): a warning that names what decides",
      model: (() => {
        const root = aRoot();
        const ftp = aCert("ID(FTPD)", "FTP Server");
        return aModel()
          .user("FTPD")
          .user("TCPIP")
          .cert(root, ftp)
          .ring("FTPD", "SERVRING", [[root], [ftp, { default: true }]])
          .build();
      })(),
      apps: [app("TCPIP", "FTPD", "SERVRING", { name: "FTP server" })],
      findings: [
        {
          kind: "connection",
          id: "FTPD/SERVRING:ID(FTPD):FTP Server",
          severity: "warning",
          message:
            /^Ring FTPD\/SERVRING holds FTPD's certificate 'FTP Server' as PERSONAL DEFAULT, but TCPIP \(FTP server\) cannot get its private key: .*System SSL returns 428 "Key entry does not contain a private key\." when it selects this certificate — if RDATALIB is not in effect for FTPD\.SERVRING\.LST \(the inputs show neither SETROPTS nor RDATALIB profiles; SETROPTS LIST and RLIST RDATALIB FTPD\.SERVRING\.LST AUTHUSER decide\)\.$/,
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
          message:
            /^Ring WEBSRV\/Other holds APPUSR's certificate 'AppServerCert' as PERSONAL, but WEBSRV \(the ring's owner, assumed to be its user\) cannot get its private key: .*when it selects this certificate\.$/,
        },
      ],
    },
  ],
});
