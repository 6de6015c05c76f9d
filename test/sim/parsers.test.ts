/**
 * The small readers the simulator's settings go through: cipher suites and protocols as users
 * write them, the started task's connect group, and the catalogue's answer for codes it lacks.
 * Boundaries and spellings, each with its literal result.
 */
import { describe, expect, it } from "vitest";
import { codeInfo, missingCodeNote } from "../../src/sim/catalogue.js";
import {
  findSuite,
  parseCipherList,
  parseProtocol,
  suiteFitsKey,
  suiteUsableWith,
} from "../../src/sim/ciphers.js";
import { startedGroup, startedUser } from "../../src/sim/started.js";
import { deck } from "./builders.js";

const suite = (code: string) => {
  const s = findSuite(code);
  if (!s) throw new Error(`no suite ${code}`);
  return s;
};
const parsed = (...items: string[]) => {
  const p = parseCipherList(items);
  return { suites: p.suites.map((s) => s.code), unknown: p.unknown };
};

describe("cipher suites", () => {
  it("findSuite: blanks and case ignored; four or two hex digits exactly; SSL_ names read as TLS_", () => {
    expect(findSuite(" c02f ")?.code).toBe("C02F");
    expect(findSuite("C02F1")).toBeUndefined();
    expect(findSuite("035")).toBeUndefined();
    expect(findSuite("35")?.code).toBe("0035");
    expect(findSuite("ssl_rsa_with_aes_128_cbc_sha")?.code).toBe("002F");
    expect(findSuite("XSSL_RSA_WITH_AES_128_CBC_SHA")).toBeUndefined();
  });

  it("parseCipherList: commas and blanks separate, duplicates once, runs of 4-digit codes split, a broken run is unknown", () => {
    expect(parsed("C02F,C02F")).toEqual({ suites: ["C02F"], unknown: [] });
    expect(parsed("C02F  ,,  1301")).toEqual({ suites: ["C02F", "1301"], unknown: [] });
    expect(parsed("c02fc0301301")).toEqual({ suites: ["C02F", "C030", "1301"], unknown: [] });
    expect(parsed("C02FC03")).toEqual({ suites: [], unknown: ["C02FC03"] });
    expect(parsed("002F0035XYZ")).toEqual({ suites: [], unknown: ["002F0035XYZ"] });
    expect(parsed("C02FZZZZ")).toEqual({ suites: [], unknown: ["C02FZZZZ"] });
  });

  it("suiteFitsKey: RSA, ECDSA (NIST or Brainpool), DSS, fixed-DH suites fit no key; unknown key type fits", () => {
    expect(suiteFitsKey(suite("C02F"), "RSA")).toBe(true);
    expect(suiteFitsKey(suite("C02F"), "NISTECC")).toBe(false);
    expect(suiteFitsKey(suite("C02B"), "NISTECC")).toBe(true);
    expect(suiteFitsKey(suite("C02B"), "BPECC")).toBe(true);
    expect(suiteFitsKey(suite("C02B"), "RSA")).toBe(false);
    expect(suiteFitsKey(suite("00A2"), "DSA")).toBe(true);
    expect(suiteFitsKey(suite("00A2"), "RSA")).toBe(false);
    expect(suiteFitsKey(suite("0010"), "RSA")).toBe(false);
    expect(suiteFitsKey(suite("0010"), "DSA")).toBe(false);
    expect(suiteFitsKey(suite("1301"), "RSA")).toBe(true);
    expect(suiteFitsKey(suite("C02F"), null)).toBe(true);
  });

  it("suiteUsableWith: 13xx only with TLSv1.3 and TLSv1.3 only with 13xx", () => {
    expect(suiteUsableWith(suite("1301"), "TLSv1.3")).toBe(true);
    expect(suiteUsableWith(suite("002F"), "TLSv1.3")).toBe(false);
    expect(suiteUsableWith(suite("1301"), "TLSv1.2")).toBe(false);
  });

  it("parseProtocol: the spellings administrators use", () => {
    const cases: [string, string | undefined][] = [
      ["1.0", "TLSv1"],
      ["1", "TLSv1"],
      ["1.1", "TLSv1.1"],
      ["1.2", "TLSv1.2"],
      ["1.3", "TLSv1.3"],
      ["tls1.2", "TLSv1.2"],
      ["TLS 1.2", "TLSv1.2"],
      ["TLSv1", "TLSv1"],
      ["tlsv1.0", "TLSv1"],
      ["TLS1.1", "TLSv1.1"],
      [" TLSv1.3 ", "TLSv1.3"],
      ["ssl3", "SSLv3"],
      ["SSL V3", "SSLv3"],
      ["SSLv3", "SSLv3"],
      ["XTLS1.2", undefined],
      ["XSSL3", undefined],
      ["2.0", undefined],
    ];
    for (const [text, want] of cases) expect([text, parseProtocol(text)]).toEqual([text, want]);
  });
});

describe("started tasks", () => {
  const model = deck(`
    RDEFINE STARTED FTPD.* STDATA(USER(TCPIP) GROUP(tcpgrp))
    RDEFINE STARTED CICS.* STDATA(USER(=MEMBER) GROUP(=MEMBER))
    RDEFINE STARTED NOGRP.* STDATA(USER(X))`);

  it("no STARTED profile matches: the resource checked and why no user is known", () => {
    expect(startedUser(model, "web.web1")).toEqual({
      resource: "WEB.WEB1",
      profile: null,
      user: null,
      problem: "no STARTED profile in the inputs matches WEB.WEB1 (the ICHRIN03 table is not modelled)",
    });
  });

  it("startedGroup: STDATA GROUP in upper case; none for =MEMBER, no GROUP, no profile or no name", () => {
    expect(startedGroup(model, "FTPD.*")).toBe("TCPGRP");
    expect(startedGroup(model, "CICS.*")).toBeNull();
    expect(startedGroup(model, "NOGRP.*")).toBeNull();
    expect(startedGroup(model, "NONE.*")).toBeNull();
    expect(startedGroup(model, null)).toBeNull();
    expect(startedGroup(model, "")).toBeNull();
  });
});

describe("codes the catalogue lacks", () => {
  it("the family: AT-TLS from 5000 up", () => {
    expect(codeInfo(4999).family).toBe("System SSL");
    expect(codeInfo(5000).family).toBe("AT-TLS");
    expect(codeInfo(4999).text).toBe("(text not in racfring's catalogue)");
  });

  it("the note: AT-TLS 5001–5999 and 6001–6999, System SSL otherwise, boundaries included", () => {
    const kind = (code: number) => /^.*? is (?:not|an)/.exec(missingCodeNote(code))?.[0];
    expect(kind(5000)).toBe("System SSL return code 5000 is not");
    expect(kind(5001)).toBe("AT-TLS return code 5001 is not");
    expect(kind(5999)).toBe("AT-TLS return code 5999 is not");
    expect(kind(6000)).toBe("System SSL return code 6000 is not");
    expect(kind(6001)).toBe("AT-TLS return code 6001 is an");
    expect(kind(6999)).toBe("AT-TLS return code 6999 is an");
    expect(kind(7000)).toBe("System SSL return code 7000 is not");
  });
});
