import { describe, expect, it } from "vitest";
import { scanJclSecrets } from "../../src/audit/jcl-secrets.js";

const JOB = [
  "//EXP      JOB (ACCT),'X',CLASS=A",
  "//STEP1    EXEC PGM=IKJEFT01",
  "//SYSTSPRT DD SYSOUT=*",
  "//SYSTSIN  DD *",
  "  RACDCERT ID(WEBSRV) EXPORT(LABEL('Web Server')) -",
  "    DSN('SECADM.WEBSRV.P12') FORMAT(PKCS12DER) PASSWORD('s3cret')",
  "  RACDCERT CERTAUTH ADD('SECADM.CA.P12') WITHLABEL('CA') -",
  "    PASSWORD('other') TRUST",
  "  RACDCERT ID(WEBSRV) EXPORT(LABEL('Web Server')) -",
  "    DSN('SECADM.WEBSRV.DER') FORMAT(CERTDER)",
  "  ADDUSER X NOPASSWORD",
  "/*",
].join("\n");

describe("password literals in RACF jobs", () => {
  const found = scanJclSecrets(JOB, "exp.jcl");

  it("finds EXPORT and ADD with PASSWORD, at the PASSWORD's line, and nothing else", () => {
    expect(found).toEqual([
      { file: "exp.jcl", line: 6, func: "EXPORT", target: "ID(WEBSRV):Web Server", dsn: "SECADM.WEBSRV.P12" },
      { file: "exp.jcl", line: 8, func: "ADD", target: "CERTAUTH:CA", dsn: "SECADM.CA.P12" },
    ]);
  });

  it("keeps no password value", () => {
    expect(JSON.stringify(found)).not.toMatch(/s3cret|other/);
  });

  it("reads a plain command deck too", () => {
    expect(scanJclSecrets("RACDCERT EXPORT(LABEL('A')) DSN('X.P12') PASSWORD('p')\n", "deck.txt")).toEqual([
      { file: "deck.txt", line: 1, func: "EXPORT", target: "A", dsn: "X.P12" },
    ]);
  });
});
