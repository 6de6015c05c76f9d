import { describe, expect, it } from "vitest";
import { readPolicy } from "../../src/policy/reader.js";
import { ruleByName, ruleForJobname, ruleSettings } from "../../src/policy/settings.js";

/** A policy as Configuration Assistant / administrators write it: referenced and inline blocks. */
const POLICY = `# AT-TLS policy for TCPIP
## generated comments and hand comments mixed
TTLSRule                          FTPServerRule     # port 21
{
  LocalAddr                       ALL
  LocalPortRange                  21
  Jobname                         FTPD*
  Direction                       Inbound
  Priority                        255
  TTLSGroupActionRef              gAct1~FTP_Server
  TTLSEnvironmentActionRef        eAct1~FTP_Server
  TTLSConnectionActionRef         cAct1~FTP_Server
}
TTLSRule WebRule
{
  LocalPortRange 443
  Jobname        WEB*
  Direction      Inbound
  Priority       100
  TTLSGroupActionRef gAct1~FTP_Server
  TTLSEnvironmentActionRef eWeb
}
TTLSRule WebRuleSpecial
{
  Jobname WEBSRV1
  Direction Inbound
  Priority 200
  TTLSGroupActionRef gAct1~FTP_Server
  TTLSEnvironmentActionRef eWeb
}
TTLSGroupAction                   gAct1~FTP_Server
{
  TTLSEnabled                     On
  Trace                           2
}
TTLSEnvironmentAction             eAct1~FTP_Server
{
  HandshakeRole                   ServerWithClientAuth
  EnvironmentUserInstance         0
  TTLSKeyringParmsRef             keyR~FTP
  TTLSEnvironmentAdvancedParmsRef eAdv~FTP
  TTLSCipherParmsRef              cipher~TLS13
}
TTLSConnectionAction              cAct1~FTP_Server
{
  HandshakeRole                   ServerWithClientAuth
  TTLSConnectionAdvancedParms
  {
    CertificateLabel              FTPSRV
    ClientAuthType                Full
  }
}
TTLSKeyringParms                  keyR~FTP
{
  Keyring                         FTPD/SERVRING
}
TTLSEnvironmentAdvancedParms      eAdv~FTP
{
  TLSv1.2                         On
  TLSv1.3                         On
  TLSv1                           Off
}
TTLSCipherParms                   cipher~TLS13
{
  V3CipherSuites                  TLS_AES_128_GCM_SHA256
  V3CipherSuites4Char             C02FC030
  V3CipherSuites4Char             009C
}
TTLSEnvironmentAction eWeb
{
  HandshakeRole Server
  TTLSKeyringParms { Keyring WEBRING }
  TTLSEnvironmentAdvancedParms
  {
    CertificateLabel "Web Server 2026"
  }
  TTLSCipherParms
  {
    V3CipherSuites 352F
  }
}
`;

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

describe("readPolicy", () => {
  it("reads referenced and nested blocks without issues", () => {
    const p = readPolicy(POLICY, "ttls.policy");
    expect(p.issues).toEqual([]);
    expect(p.statements.map((s) => `${s.type} ${s.name}`)).toEqual([
      "TTLSRule FTPServerRule",
      "TTLSRule WebRule",
      "TTLSRule WebRuleSpecial",
      "TTLSGroupAction gAct1~FTP_Server",
      "TTLSEnvironmentAction eAct1~FTP_Server",
      "TTLSConnectionAction cAct1~FTP_Server",
      "TTLSKeyringParms keyR~FTP",
      "TTLSEnvironmentAdvancedParms eAdv~FTP",
      "TTLSCipherParms cipher~TLS13",
      "TTLSEnvironmentAction eWeb",
    ]);
    const web = p.statements.find((s) => s.name === "eWeb");
    expect(web?.children.map((c) => c.type)).toEqual([
      "TTLSKeyringParms",
      "TTLSEnvironmentAdvancedParms",
      "TTLSCipherParms",
    ]);
    expect(web?.children[0]?.params[0]).toEqual({
      name: "Keyring",
      values: ["WEBRING"],
      line: lineOf(POLICY, "{ Keyring WEBRING }"),
    });
  });

  it("derives the settings of a rule: connection values win over environment values", () => {
    const p = readPolicy(POLICY, "ttls.policy");
    const rule = ruleByName(p, "FTPServerRule");
    expect(rule).toBeDefined();
    if (!rule) return;
    const s = ruleSettings(p, rule);
    expect(s.keyring).toEqual({
      value: "FTPD/SERVRING",
      source: {
        file: "ttls.policy",
        line: lineOf(POLICY, "Keyring                         FTPD/SERVRING"),
        kind: "policy",
      },
    });
    // CertificateLabel on the connection's advanced parms.
    expect(s.label?.value).toBe("FTPSRV");
    expect(s.label?.source.line).toBe(lineOf(POLICY, "CertificateLabel              FTPSRV"));
    expect(s.role.value).toBe("server");
    // ServerWithClientAuth + ClientAuthType Full on the connection.
    expect(s.clientAuth.value).toBe("full");
    expect(s.protocols.enabled).toEqual(["TLSv1.1", "TLSv1.2", "TLSv1.3"]);
    // TLSv1.1 and SSLv3 were not stated: they are reported as defaults.
    expect(s.protocols.defaulted).toEqual(["SSLv3 Off", "TLSv1.1 On"]);
    // Repeated V3CipherSuites4Char values are concatenated.
    expect(s.ciphers?.value).toEqual(["TLS_AES_128_GCM_SHA256", "C02F", "C030", "009C"]);
    expect(s.objects.map((o) => `${o.type}:${o.how}`)).toEqual([
      "TTLSRule:rule",
      "TTLSGroupAction:referenced",
      "TTLSEnvironmentAction:referenced",
      "TTLSConnectionAction:referenced",
      "TTLSKeyringParms:referenced",
      "TTLSEnvironmentAdvancedParms:referenced",
      "TTLSConnectionAdvancedParms:inline",
      "TTLSCipherParms:referenced",
    ]);
  });

  it("reads inline blocks on one line, quoted labels with blanks and 2-character cipher codes", () => {
    const p = readPolicy(POLICY, "ttls.policy");
    const rule = ruleByName(p, "WebRule");
    if (!rule) throw new Error("WebRule missing");
    const s = ruleSettings(p, rule);
    expect(s.keyring?.value).toBe("WEBRING");
    expect(s.label?.value).toBe("Web Server 2026");
    expect(s.ciphers?.value).toEqual(["35", "2F"]);
    // Nothing about protocols: all from the V2R1 defaults (TLSv1.2 Off!).
    expect(s.protocols.enabled).toEqual(["TLSv1", "TLSv1.1"]);
    expect(s.protocols.defaulted).toHaveLength(5);
  });

  it("chooses the rule for a job name by priority, then name", () => {
    const p = readPolicy(POLICY, "ttls.policy");
    expect(ruleForJobname(p, "FTPD1").rule?.name).toBe("FTPServerRule");
    const web = ruleForJobname(p, "WEBSRV1");
    expect(web.rule?.name).toBe("WebRuleSpecial");
    expect(web.others.map((o) => o.name)).toEqual(["WebRule"]);
    expect(ruleForJobname(p, "CICS1").rule).toBeUndefined();
  });

  it("reports an unknown statement with its line and carries on", () => {
    const p = readPolicy(
      `TTLSRule r1
{
  TTLSGroupActionRef g
}
TTLSGroupActon g
{
  TTLSEnabled On
}
TTLSGroupAction g
{
  TTLSEnabled On
}`,
      "bad.policy",
    );
    expect(p.issues).toContainEqual(
      expect.objectContaining({ file: "bad.policy", line: 5, code: "unknown-statement", severity: "error" }),
    );
    // The real TTLSGroupAction g is still read and the reference resolves.
    expect(p.issues.filter((i) => i.code === "unresolved-reference")).toEqual([]);
  });

  it("reports a missing closing brace at the line of the statement it belongs to", () => {
    const p = readPolicy(
      `TTLSKeyringParms k1
{
  Keyring FTPD/SERVRING
TTLSEnvironmentAction e1
{
  TTLSKeyringParmsRef k1
}
`,
      "brace.policy",
    );
    expect(p.issues).toContainEqual(
      expect.objectContaining({ line: 1, code: "missing-brace", severity: "error" }),
    );
  });

  it("reports a missing opening brace and skips the broken statement up to the next one", () => {
    const p = readPolicy(
      `TTLSGroupAction g1
  TTLSEnabled On
}
TTLSGroupAction g2
{
  TTLSEnabled On
}`,
      "open.policy",
    );
    expect(p.issues).toContainEqual(expect.objectContaining({ line: 1, code: "missing-brace" }));
    expect(p.issues).toHaveLength(1);
    expect(p.statements.map((s) => s.name)).toContain("g2");
  });

  it("reports unresolved references, unknown parameters and missing values with file:line", () => {
    const p = readPolicy(
      `TTLSRule r1
{
  Jobname FTPD
  TTLSGroupActionRef nothere
  TTLSEnviromentActionRef e1
}
TTLSKeyringParms k
{
  Keyring
}`,
      "refs.policy",
    );
    expect(p.issues).toContainEqual(expect.objectContaining({ line: 4, code: "unresolved-reference" }));
    expect(p.issues).toContainEqual(
      expect.objectContaining({ line: 5, code: "unknown-parameter", severity: "warning" }),
    );
    expect(p.issues).toContainEqual(expect.objectContaining({ line: 9, code: "missing-value" }));
  });

  it("reports a closing brace with no block open", () => {
    const p = readPolicy("}\nTTLSGroupAction g\n{\n TTLSEnabled On\n}\n", "close.policy");
    expect(p.issues).toEqual([expect.objectContaining({ line: 1, column: 1, code: "unmatched-brace" })]);
  });

  it("never throws on garbage", () => {
    for (const text of ["}}}{{{", '"unclosed', "{", "TTLSRule", "# only a comment", ""]) {
      expect(() => readPolicy(text, "x")).not.toThrow();
    }
    expect(readPolicy('TTLSRule r\n{\n Jobname "FTPD\n}', "q").issues).toContainEqual(
      expect.objectContaining({ code: "unbalanced-quote", line: 3 }),
    );
  });
});
