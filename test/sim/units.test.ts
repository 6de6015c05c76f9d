import { describe, expect, it } from "vitest";
import {
  findSuite,
  parseCipherList,
  parseProtocol,
  suiteFitsKey,
  suiteUsableWith,
} from "../../src/sim/ciphers.js";
import { connectCommand, quote, refreshCommands } from "../../src/sim/commands.js";
import { altname, renewCommands, subjectsdn } from "../../src/sim/gencert.js";
import { startedUser } from "../../src/sim/started.js";
import { deck, peerCert } from "./builders.js";

describe("cipher suites", () => {
  it("finds suites by 4-char code, 2-char code and name", () => {
    expect(findSuite("c02f")?.name).toBe("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    expect(findSuite("35")?.code).toBe("0035");
    expect(findSuite("TLS_AES_256_GCM_SHA384")?.tls13).toBe(true);
    expect(findSuite("FFFF")).toBeUndefined();
  });

  it("parses runs of 4-char codes and reports unknown entries", () => {
    const p = parseCipherList(["C02FC030", "1301, BOGUS"]);
    expect(p.suites.map((s) => s.code)).toEqual(["C02F", "C030", "1301"]);
    expect(p.unknown).toEqual(["BOGUS"]);
  });

  it("knows which protocol and key type a suite needs", () => {
    const gcm = findSuite("009C");
    const cbc = findSuite("002F");
    const ecdsa = findSuite("C02B");
    const tls13 = findSuite("1301");
    if (!gcm || !cbc || !ecdsa || !tls13) throw new Error("suite table incomplete");
    expect(suiteUsableWith(gcm, "TLSv1.1")).toBe(false);
    expect(suiteUsableWith(gcm, "TLSv1.2")).toBe(true);
    expect(suiteUsableWith(cbc, "TLSv1")).toBe(true);
    expect(suiteUsableWith(tls13, "TLSv1.2")).toBe(false);
    expect(suiteFitsKey(ecdsa, "RSA")).toBe(false);
    expect(suiteFitsKey(ecdsa, "NISTECC")).toBe(true);
    expect(suiteFitsKey(tls13, "DSA")).toBe(true);
  });

  it("normalises protocol spellings", () => {
    expect(parseProtocol("1.2")).toBe("TLSv1.2");
    expect(parseProtocol("TLSv1.3")).toBe("TLSv1.3");
    expect(parseProtocol("tls1.0")).toBe("TLSv1");
    expect(parseProtocol("1.4")).toBeUndefined();
  });
});

describe("RACF command text", () => {
  it("quotes labels and doubles apostrophes", () => {
    expect(quote("O'Brien's cert")).toBe("'O''Brien''s cert'");
    expect(connectCommand("FTPD", "Ring1", "SITE", "A'B", "PERSONAL", true)).toBe(
      "RACDCERT ID(FTPD) CONNECT(SITE LABEL('A''B') RING('Ring1') USAGE(PERSONAL) DEFAULT)",
    );
  });

  it("refreshes only RACLISTed classes; activates RDATALIB when needed", () => {
    const m = deck(`
      SETROPTS NORACLIST(DIGTCERT)
      SETROPTS RACLIST(FACILITY)`);
    expect(refreshCommands(m, ["DIGTCERT", "FACILITY", "RDATALIB"])).toEqual([
      "SETROPTS RACLIST(FACILITY) REFRESH",
      "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
    ]);
  });

  it("builds SUBJECTSDN and ALTNAME from a certificate", () => {
    expect(subjectsdn("CN=ftp.example.com,OU=IT,O=Example Corp,C=US")).toBe(
      "SUBJECTSDN(CN('ftp.example.com') OU('IT') O('Example Corp') C('US'))",
    );
    expect(
      altname([
        { type: "DNS", value: "a.example.com" },
        { type: "DNS", value: "b.example.com" },
        { type: "IP", value: "10.1.1.1" },
      ]),
    ).toBe("ALTNAME(DOMAIN('a.example.com') IP(10.1.1.1))");
  });

  it("renews with GENREQ then GENCERT of the request, keeping the signer", () => {
    const c = peerCert({
      owner: "ID(FTPD)",
      label: "FTP Server",
      signer: { owner: "CERTAUTH", label: "Root" },
    });
    expect(renewCommands(c, new Date("2027-08-01T00:00:00Z"))).toEqual([
      "RACDCERT ID(FTPD) GENREQ(LABEL('FTP Server')) DSN('FTPD.CERTREQ.RENEW')",
      "RACDCERT ID(FTPD) GENCERT('FTPD.CERTREQ.RENEW') SIGNWITH(CERTAUTH LABEL('Root')) NOTAFTER(DATE(2027-08-01))",
    ]);
  });

  it("never shortens a certificate's validity: the renewal ends no earlier than the old one", () => {
    const c = peerCert({ owner: "ID(FTPD)", label: "FTP Server", notAfter: "2027-06-01T00:00:00Z" });
    expect(renewCommands(c, new Date("2027-02-01T00:00:00Z"))[1]).toContain("NOTAFTER(DATE(2027-06-01))");
  });
});

describe("started task user", () => {
  const model = deck(`
    RDEFINE STARTED FTPD.* STDATA(USER(TCPIP))
    RDEFINE STARTED FTPD.FTPD1 STDATA(USER(FTPUSR))
    RDEFINE STARTED ** STDATA(USER(=MEMBER))
    RDEFINE STARTED NOUSER.*`);

  it("uses the discrete profile before generic ones", () => {
    expect(startedUser(model, "FTPD.FTPD1")).toMatchObject({ resource: "FTPD.FTPD1", user: "FTPUSR" });
  });

  it("takes PROC as PROC.PROC and matches PROC.*", () => {
    const s = startedUser(model, "ftpd");
    expect(s.resource).toBe("FTPD.FTPD");
    expect(s.profile?.name).toBe("FTPD.*");
    expect(s.user).toBe("TCPIP");
  });

  it("resolves =MEMBER to the member name", () => {
    expect(startedUser(model, "CICSA").user).toBe("CICSA");
  });

  it("explains a profile without STDATA USER", () => {
    expect(startedUser(model, "NOUSER").problem).toMatch(/no STDATA USER/);
  });
});
