import { describe, expect, it } from "vitest";
import { CATALOGUE, codeInfo, lookupCode, missingCodeNote } from "../../src/sim/catalogue.js";

/** racf-rules.md §5, every row: code, text, confidence mark. */
const SECTION5: [number, string, "ibm" | "third-party" | "unconfirmed"][] = [
  [0, "(success)", "ibm"],
  [1, "Handle is not valid.", "ibm"],
  [3, "An internal error has occurred.", "ibm"],
  [4, "Insufficient storage is available.", "ibm"],
  [5, "Handle is in the incorrect state.", "ibm"],
  [6, "Key label is not found.", "ibm"],
  [7, "No certificates available.", "ibm"],
  [8, "Certificate validation error.", "ibm"],
  [9, "Cryptographic processing error.", "ibm"],
  [10, "ASN processing error.", "ibm"],
  [11, "LDAP processing error.", "ibm"],
  [12, "An unexpected error has occurred.", "ibm"],
  [102, "Error detected while reading key database or SAF key ring.", "ibm"],
  [103, "Incorrect key database record format.", "ibm"],
  [106, "Incorrect key database password.", "ibm"],
  [109, "No certificate authority certificates.", "ibm"],
  [201, "No key database password supplied.", "ibm"],
  [202, "Error detected while opening the certificate database.", "ibm"],
  [203, "Unable to generate temporary key pair.", "ibm"],
  [204, "Key database password is expired.", "ibm"],
  [401, "Certificate is expired or is not valid yet.", "ibm"],
  [402, "No SSL cipher specifications.", "ibm"],
  [403, "No certificate received from partner.", "ibm"],
  [405, "Certificate format is not supported.", "ibm"],
  [406, "Error while reading or writing data.", "unconfirmed"],
  [407, "Key label does not exist.", "ibm"],
  [410, "SSL message format is incorrect.", "unconfirmed"],
  [412, "SSL protocol or certificate type is not supported.", "unconfirmed"],
  [414, "Certificate is not valid.", "unconfirmed"],
  [417, "Self-signed certificate cannot be validated.", "unconfirmed"],
  [420, "Socket closed by remote partner.", "unconfirmed"],
  [422, "SSL V3 cipher is not valid.", "ibm"],
  [428, "Key entry does not contain a private key.", "ibm"],
  [431, "Certificate is revoked.", "third-party"],
  [432, "Session renegotiation is not allowed.", "ibm"],
  [434, "Certificate key is not compatible with cipher suite.", "third-party"],
  // IBM's System SSL return codes (sfrc-1) list 435; racf-rules.md's [3rd] predates that review.
  [435, "Certificate authority is unknown.", "ibm"],
  [437, "Connection closed.", "unconfirmed"],
  [438, "Internal error reported by remote partner.", "unconfirmed"],
  [439, "Unknown alert received from remote partner.", "unconfirmed"],
  [440, "Incorrect key usage.", "ibm"],
  [467, "Signature algorithm not in signature algorithm pairs list.", "ibm"],
];

describe("return-code catalogue", () => {
  it.each(SECTION5)("holds %i with racf-rules.md's text and mark", (code, text, conf) => {
    const info = lookupCode(code);
    expect(info?.text).toBe(text);
    expect(info?.textConfidence).toBe(conf);
    expect(info?.family).toBe("System SSL");
  });

  it("has no code twice and nothing beyond §5 but the two AT-TLS codes", () => {
    const codes = CATALOGUE.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => !SECTION5.some(([n]) => n === c))).toEqual([5003, 5006]);
  });

  it("gives every failure code a meaning, causes, checks and a source", () => {
    for (const c of CATALOGUE.filter((x) => x.code !== 0)) {
      expect(c.meaning.length, `${c.code}`).toBeGreaterThan(10);
      expect(c.causes.length, `${c.code}`).toBeGreaterThan(0);
      expect(c.check.length, `${c.code}`).toBeGreaterThan(0);
      expect(c.source.length, `${c.code}`).toBeGreaterThan(0);
    }
  });

  it("AT-TLS 5003 and 5006 are third-party; other 5xxx codes are not invented", () => {
    expect(lookupCode(5003)?.family).toBe("AT-TLS");
    expect(lookupCode(5006)?.textConfidence).toBe("third-party");
    expect(lookupCode(5001)).toBeUndefined();
    expect(missingCodeNote(5001)).toMatch(/not found/);
    expect(missingCodeNote(6001)).toMatch(/internal AT-TLS error/);
    expect(missingCodeNote(499)).toMatch(/not in racfring's catalogue/);
    expect(codeInfo(499).text).toMatch(/not in racfring's catalogue/);
  });
});
