import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/cert-owner-mismatch.js";
import { aCert, aModel, app, aRoot, healthySite, src } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
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

describe("cert-owner-mismatch: the whole finding and the grant commands", () => {
  const tail =
    'System SSL returns 428 "Key entry does not contain a private key." when it selects this certificate.';
  const grantSummary =
    "Any one of: connect a certificate owned by TCPIP instead; run the application as FTPD; " +
    "or give TCPIP UPDATE on the ring's RDATALIB profile FTPD.SERVRING.LST (commands below). " +
    "Then restart the application or refresh the AT-TLS policy (F PAGENT,REFRESH): the ring is read when its environment starts.";

  it("field case 4: the finding in full, with the four commands that switch the ring to ring-specific checking", () => {
    const model = fieldCase4().build();
    const ev = [src(5, "policy.conf")];
    expect(exact(rule, { model, apps: [app("TCPIP", "FTPD", "SERVRING", { evidence: ev })] })).toEqual({
      findings: [
        {
          subject: "connection FTPD/SERVRING:ID(FTPD):FTP Server",
          ring: "FTPD/SERVRING",
          severity: "error",
          confidence: "ibm",
          message:
            "Ring FTPD/SERVRING holds FTPD's certificate 'FTP Server' as PERSONAL DEFAULT, but TCPIP (--app TCPIP=FTPD/SERVRING) cannot get its private key: " +
            `under global (FACILITY) checking a private key is returned only to the certificate's owner (FTPD), never to TCPIP. ${tail}`,
          fix: {
            summary: grantSummary,
            commands: [
              "RDEFINE RDATALIB FTPD.SERVRING.LST UACC(NONE)",
              "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)",
              "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(FTPD) ACCESS(READ)",
              "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
            ],
          },
          evidence: [
            ...lines(
              connOf(model, "FTPD/SERVRING", "FTP Server"),
              model.certificate("ID(FTPD)", "FTP Server"),
            ),
            "policy.conf:5",
          ],
        },
      ],
      notEvaluated: [],
    });
  });

  it("users who already hold enough (the level wanted, UPDATE for READ, CONTROL, ALTER) are not permitted again", () => {
    const model = fieldCase4()
      .cls("RDATALIB", true)
      .profile("RDATALIB", "FTPD.SERVRING.LST", "NONE", [
        ["TCPIP", "READ"],
        ["APPB", "ALTER"],
        ["APPC", "CONTROL"],
        ["APPD", "UPDATE"],
        ["FTPD", "CONTROL"],
      ])
      .build();
    const apps = ["TCPIP", "APPB", "APPC", "APPD", "FTPD"].map((u) => app(u, "FTPD", "SERVRING"));
    expect(exact(rule, { model, apps }).findings.map((f) => [f.message, f.fix?.commands])).toEqual([
      [
        "Ring FTPD/SERVRING holds FTPD's certificate 'FTP Server' as PERSONAL DEFAULT, but TCPIP (--app TCPIP=FTPD/SERVRING) cannot get its private key: " +
          `ring-specific checking: TCPIP has READ to RDATALIB FTPD.SERVRING.LST; UPDATE returns another user's private key. ${tail}`,
        [
          "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)",
          "SETROPTS RACLIST(RDATALIB) REFRESH",
        ],
      ],
    ]);
  });

  it("an owner without access on an existing profile is permitted READ; the class state unknown: activated", () => {
    const model = fieldCase4()
      .profile("RDATALIB", "FTPD.SERVRING.LST", "NONE", [["TCPIP", "READ"]])
      .build();
    expect(
      exact(rule, { model, apps: [app("TCPIP", "FTPD", "SERVRING")] }).findings.map((f) => f.fix?.commands),
    ).toEqual([
      [
        "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)",
        "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(FTPD) ACCESS(READ)",
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
      ],
    ]);
  });

  it("NOTRUST or keyless: the full summary says why granting would not help", () => {
    const summary = (over: Parameters<typeof aCert>[2]) =>
      exact(rule, { model: fieldCase4(over).build(), apps: [app("TCPIP", "FTPD", "SERVRING")] }).findings.map(
        (f) => f.fix,
      );
    expect(summary({ status: "NOTRUST" })).toEqual([
      {
        summary:
          "Granting access would not help: the certificate is NOTRUST. Remove it from the ring and connect a certificate owned by TCPIP.",
        commands: [],
      },
    ]);
    expect(summary({ privateKey: false })).toEqual([
      {
        summary:
          "Granting access would not help: the certificate has no private key. Remove it from the ring and connect a certificate owned by TCPIP.",
        commands: [],
      },
    ]);
  });

  it("a certificate the inputs do not describe: the grant is proposed, the connection is the evidence", () => {
    const model = aModel()
      .user("FTPD")
      .user("TCPIP")
      .ring("FTPD", "SERVRING", [[aCert("ID(FTPD)", "Unlisted")]])
      .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [["TCPIP", "UPDATE"]])
      .build();
    const found = exact(rule, { model, apps: [app("TCPIP", "FTPD", "SERVRING")] }).findings;
    expect(found.map((f) => [f.message, f.fix?.summary, f.evidence])).toEqual([
      [
        "Ring FTPD/SERVRING holds FTPD's certificate 'Unlisted' as PERSONAL, but TCPIP (--app TCPIP=FTPD/SERVRING) cannot get its private key: " +
          `under global (FACILITY) checking a private key is returned only to the certificate's owner (FTPD), never to TCPIP. ${tail}`,
        grantSummary,
        lines(connOf(model, "FTPD/SERVRING", "Unlisted")),
      ],
    ]);
  });

  it("not this rule's: the certificate's own user, CA-owned certificates, CERTAUTH usage", () => {
    const site = aCert("SITE", "Site Cert");
    const model = fieldCase4()
      .cert(site)
      .ring("FTPD", "CARING", [
        [site, { usage: "PERSONAL" }],
        [aCert("ID(FTPD)", "FTP Server"), { usage: "CERTAUTH" }],
      ])
      .build();
    const apps = [app("FTPD", "FTPD", "SERVRING"), app("TCPIP", "FTPD", "CARING")];
    expect(exact(rule, { model, apps }).findings).toEqual([]);
  });
});

describe("cert-owner-mismatch: who is permitted what, and who is not this rule's", () => {
  it("the certificate owner opening the ring as well is permitted READ; everyone else UPDATE", () => {
    const model = fieldCase4()
      .cls("RDATALIB", true)
      .profile("RDATALIB", "FTPD.SERVRING.LST", "NONE", [
        ["TCPIP", "READ"],
        ["FTPD", "READ"],
      ])
      .build();
    // FTPD opens its own ring too; it lacks nothing, so only TCPIP's grant is proposed
    const apps = [app("TCPIP", "FTPD", "SERVRING"), app("FTPD", "FTPD", "SERVRING")];
    expect(exact(rule, { model, apps }).findings.map((f) => f.fix?.commands)).toEqual([
      [
        "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
    ]);
    const noOwnerEntry = fieldCase4()
      .cls("RDATALIB", true)
      .profile("RDATALIB", "FTPD.SERVRING.LST", "NONE", [["TCPIP", "READ"]])
      .build();
    expect(exact(rule, { model: noOwnerEntry, apps }).findings.map((f) => f.fix?.commands)).toEqual([
      [
        "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)",
        "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(FTPD) ACCESS(READ)",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
    ]);
  });

  it("a ring owner who does not own the certificate and is not among the applications is permitted UPDATE", () => {
    const appCert = aCert("ID(APPUSR)", "App Cert");
    const model = healthySite()
      .user("APPUSR")
      .user("TCPIP")
      .cert(appCert)
      .ring("FTPD", "SHARED", [[appCert, { default: true }]])
      .build();
    expect(
      exact(rule, { model, apps: [app("TCPIP", "FTPD", "SHARED")] }).findings.map((f) => f.fix?.commands),
    ).toEqual([
      [
        "RDEFINE RDATALIB FTPD.SHARED.LST UACC(NONE)",
        "PERMIT FTPD.SHARED.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)",
        "PERMIT FTPD.SHARED.LST CLASS(RDATALIB) ID(FTPD) ACCESS(UPDATE)",
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
      ],
    ]);
  });

  it("the certificate's owner locked out of its own ring is ring-owner-locked-out's, not a mismatch", () => {
    const model = fieldCase4()
      .cls("RDATALIB", true)
      .profile("RDATALIB", "FTPD.SERVRING.LST", "NONE", [["TCPIP", "UPDATE"]])
      .build();
    expect(exact(rule, { model, apps: [app("FTPD", "FTPD", "SERVRING")] }).findings).toEqual([]);
  });

  it("RDATALIB known inactive and no profile shown: global checking is certain, an error without condition", () => {
    const root = aRoot();
    const ftp = aCert("ID(FTPD)", "FTP Server");
    const model = aModel()
      .user("FTPD")
      .user("TCPIP")
      .cert(root, ftp)
      .ring("FTPD", "SERVRING", [[root], [ftp, { default: true }]])
      .cls("RDATALIB", false)
      .build();
    expect(
      exact(rule, { model, apps: [app("TCPIP", "FTPD", "SERVRING")] }).findings.map((f) => [
        f.severity,
        f.message,
      ]),
    ).toEqual([
      [
        "error",
        "Ring FTPD/SERVRING holds FTPD's certificate 'FTP Server' as PERSONAL DEFAULT, but TCPIP (--app TCPIP=FTPD/SERVRING) cannot get its private key: " +
          "under global (FACILITY) checking a private key is returned only to the certificate's owner (FTPD), never to TCPIP. " +
          'System SSL returns 428 "Key entry does not contain a private key." when it selects this certificate.',
      ],
    ]);
  });
});
