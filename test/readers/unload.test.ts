import { describe, expect, it } from "vitest";
import { RacfModel } from "../../src/model/model.js";
import { keyFromType, readUnload, trustFromUacc } from "../../src/readers/unload.js";
import { context, fixture, linesOf, pick, project } from "./helpers.js";
import { renderRecord } from "./unload-render.js";

const SYNTHETIC = "irrdbu00_SYNTHETIC_certs_rings.txt";

async function read(text: string, file = "u.txt", model = new RacfModel()) {
  const ctx = context(file, model);
  await readUnload(linesOf(text), ctx);
  return ctx.model;
}

describe("synthetic unload (IBM z/OS 3.1 layouts, planted defects)", () => {
  it("matches the expected model written from the records", async () => {
    const model = await read(fixture(SYNTHETIC), SYNTHETIC);
    const expected = JSON.parse(fixture("expected/irrdbu00_SYNTHETIC_certs_rings.json")) as object;
    expect(pick(project(model.state), expected)).toEqual(expected);
  });

  it("shows the planted defects", async () => {
    const model = await read(fixture(SYNTHETIC), SYNTHETIC);
    // APPUSR's personal certificate connected PERSONAL in WEBSRV's ring (ownership mismatch)
    const web = model.ring("WEBSRV", "WebRing");
    const app = web?.connections.find((c) => c.label === "AppServerCert");
    expect(app).toMatchObject({ owner: "ID(APPUSR)", usage: "PERSONAL", default: false });
    expect(app?.sources).toEqual([{ file: SYNTHETIC, line: 43, kind: "unload" }]);
    // empty ring: a DIGTRING 0500 without 0562
    expect(model.ring("WEBSRV", "EmptyRing")?.connections).toEqual([]);
    expect(model.ring("WEBSRV", "EmptyRing")?.sources).toEqual([
      { file: SYNTHETIC, line: 17, kind: "unload" },
    ]);
    // NOTRUST, and no private key (blank GRCERT_KEY_TYPE)
    const appCert = model.certificate("ID(APPUSR)", "AppServerCert");
    expect(appCert?.status).toBe("NOTRUST");
    expect(appCert?.privateKey).toBe(false);
    // expired at 2026-01-01
    const webCert = model.certificate("ID(WEBSRV)", "WebServerCert");
    expect(Date.parse(webCert?.notAfter ?? "") < Date.parse("2026-01-01T00:00:00Z")).toBe(true);
    // ownership from 0207 + GRBD_APPL_DATA, never GRBD_OWNER_ID (SECADM/IBMUSER issued the commands)
    expect(model.state.certificates.map((c) => c.owner)).not.toContain("ID(SECADM)");
    expect(model.state.certificates.map((c) => c.owner)).not.toContain("ID(IBMUSER)");
    expect(model.state.issues).toEqual([]);
  });

  it("cites the 0207 record of each certificate", async () => {
    const model = await read(fixture(SYNTHETIC), SYNTHETIC);
    expect(model.certificate("CERTAUTH", "ExampleRootCA")?.sources).toEqual([
      { file: SYNTHETIC, line: 6, kind: "unload" },
    ]);
  });

  it("reads the same with CRLF, tabs for blanks nowhere, and EBCDIC ¢ kept inside names", async () => {
    const crlf = fixture(SYNTHETIC).replace(/\n/g, "\r\n");
    const model = await read(crlf, SYNTHETIC);
    expect(project(model.state).rings).toEqual(
      project((await read(fixture(SYNTHETIC), SYNTHETIC)).state).rings,
    );
    expect(model.state.issues).toEqual([]);
  });
});

describe("malformed unloads give located issues, never exceptions", () => {
  it("counts unknown record types: one info issue per type", async () => {
    const text = ["0999 a", "0999 b", "0200 X", "07Z7 c", "0999 d"].join("\n");
    const model = await read(text);
    const unknown = model.state.issues.filter((i) => i.code === "unload-unknown-record-type");
    expect(unknown.map((i) => [i.line, i.message])).toEqual([
      [1, "3 record(s) of unknown type 0999 ignored (first at line 1)"],
      [4, "1 record(s) of unknown type 07Z7 ignored (first at line 4)"],
    ]);
  });

  it("documented record types racfring does not model are skipped silently", async () => {
    const model = await read(
      `${renderRecord("0200", { USBD_NAME: "A1" })}\n0400 SYS1.PARMLIB\n0404 SYS1.PARMLIB`,
    );
    expect(model.state.issues).toEqual([]);
    expect(model.user("A1")).toBeDefined();
  });

  it("short records: missing key fields are located at the column where the record ends", async () => {
    // Both end inside a key field (KEYR_NAME, USCERT_NAME): cut, not merely short.
    const model = await read("0562 WEBSRV.Ring\n0207 WEBSRV");
    expect(model.state.issues.map((i) => `${i.code}@${i.line}:${i.column}`)).toEqual([
      "unload-truncated-record@1:17",
      "unload-truncated-record@2:12",
    ]);
  });

  it("lines that are not records", async () => {
    const model = await read("hello world\n\nDATA: 12");
    expect(model.state.issues.map((i) => `${i.severity} ${i.code}@${i.line}:${i.column}`)).toEqual([
      "warning unload-bad-record@1:1",
      "warning unload-bad-record@3:1",
      "error unload-empty@1:undefined",
    ]);
  });

  it("a record with a tab is read after tab expansion and reported once", async () => {
    const rec = renderRecord("0200", { USBD_NAME: "TABBY", USBD_SPECIAL: "YES" });
    const model = await read(`${rec}\n${rec.replace("0200 ", "0200\t").replace("TABBY", "TABB2")}`);
    expect(model.user("TABBY")?.special).toBe(true);
    // The tab shifted every field by three columns: the record no longer lines up and is skipped.
    expect(model.user("TABB2")).toBeUndefined();
    expect(model.state.issues.map((i) => i.code)).toEqual(["unload-malformed-record", "unload-tab"]);
  });

  it("no-break spaces from a code-page conversion read as blanks", async () => {
    const rec = renderRecord("0200", {
      USBD_NAME: "NBSP1",
      USBD_SPECIAL: "YES",
      USBD_DEFGRP_ID: "SYS1",
    }).replace(/ /g, "\u00a0");
    const model = await read(rec);
    expect(model.user("NBSP1")).toMatchObject({ special: true, groups: ["SYS1"] });
    expect(model.state.issues.map((i) => `${i.code}@${i.line}`)).toEqual(["unload-nbsp@1"]);
  });

  it("a Latin-1 transfer (¢ decoded as U+FFFD) still joins records and yields the issuer; reported once", async () => {
    const name = "0A.CN=Example\ufffdRoot\ufffdCA.O=Example\ufffdCorp";
    const text = [
      renderRecord("0207", { USCERT_NAME: "U1", USCERT_CERT_NAME: name, USCERT_CERTLABL: "L1" }),
      renderRecord("0500", {
        GRBD_NAME: name,
        GRBD_CLASS_NAME: "DIGTCERT",
        GRBD_UACC: "HIGHTRST",
        GRBD_APPL_DATA: "U1",
      }),
    ].join("\n");
    const model = await read(text);
    expect(model.certificate("ID(U1)", "L1")).toMatchObject({
      status: "HIGHTRUST",
      serial: "0A",
      issuer: "CN=Example Root CA,O=Example Corp",
    });
    expect(model.state.issues.map((i) => `${i.severity} ${i.code}@${i.line}`)).toEqual([
      "info unload-encoding@1",
    ]);
    expect(model.state.issues[0]?.message).toMatch(/^2 record\(s\)/);
  });

  it("an unknown trust spelling and an unknown key type are reported with their columns", async () => {
    const name = "01.CN=X";
    const text = [
      renderRecord("0207", { USCERT_NAME: "U1", USCERT_CERT_NAME: name, USCERT_CERTLABL: "L1" }),
      renderRecord("0500", {
        GRBD_NAME: name,
        GRBD_CLASS_NAME: "DIGTCERT",
        GRBD_UACC: "READ",
        GRBD_APPL_DATA: "U1",
      }),
      renderRecord("0560", { GRCERT_NAME: name, GRCERT_CLASS_NAME: "DIGTCERT", GRCERT_KEY_TYPE: "NEWTHING" }),
    ].join("\n");
    const model = await read(text);
    expect(model.state.issues.map((i) => `${i.code}@${i.line}:${i.column}`)).toEqual([
      "unload-bad-trust@2:337",
      "unload-unknown-key-type@3:302",
    ]);
    // status unknown: the model needs one, TRUST is assumed and marked
    const cert = model.certificate("ID(U1)", "L1");
    expect(cert?.status).toBe("TRUST");
    expect(cert?.sources[0]?.kind).toBe("default");
  });

  it("0207 and DIGTCERT application data disagreeing on the owner: warning, 0207 wins", async () => {
    const name = "01.CN=X";
    const text = [
      renderRecord("0207", { USCERT_NAME: "U1", USCERT_CERT_NAME: name, USCERT_CERTLABL: "L1" }),
      renderRecord("0500", {
        GRBD_NAME: name,
        GRBD_CLASS_NAME: "DIGTCERT",
        GRBD_UACC: "TRUST",
        GRBD_OWNER_ID: "SECADM",
        GRBD_APPL_DATA: "U2",
      }),
    ].join("\n");
    const model = await read(text);
    expect(model.certificate("ID(U1)", "L1")).toBeDefined();
    expect(model.state.issues.map((i) => `${i.code}@${i.line}:${i.column}`)).toEqual([
      "unload-owner-mismatch@2:754",
    ]);
  });

  it("a ring connection to a certificate with no 0207 is skipped with a located warning", async () => {
    const text = [
      renderRecord("0500", { GRBD_NAME: "U1.R1", GRBD_CLASS_NAME: "DIGTRING" }),
      renderRecord("0562", {
        KEYR_NAME: "U1.R1",
        KEYR_CLASS_NAME: "DIGTRING",
        KEYR_CERT_NAME: "05.CN=Nobody",
        KEYR_CERT_USAGE: "PERSONAL",
        KEYR_CERT_DEFAULT: "YES",
        KEYR_CERT_LABEL: "Ghost",
      }),
    ].join("\n");
    const model = await read(text);
    expect(model.ring("U1", "R1")?.connections).toEqual([]);
    expect(model.state.issues.map((i) => `${i.code}@${i.line}:${i.column}`)).toEqual([
      "unload-connection-cert-unknown@2:262",
    ]);
  });

  it("0561 and 0562 that disagree are reported both ways", async () => {
    const name = "01.CN=X";
    const text = [
      renderRecord("0207", { USCERT_NAME: "U1", USCERT_CERT_NAME: name, USCERT_CERTLABL: "L1" }),
      renderRecord("0500", {
        GRBD_NAME: name,
        GRBD_CLASS_NAME: "DIGTCERT",
        GRBD_UACC: "TRUST",
        GRBD_APPL_DATA: "U1",
      }),
      renderRecord("0561", { CERTR_NAME: name, CERTR_CLASS_NAME: "DIGTCERT", CERTR_RING_NAME: "U1.Other" }),
      renderRecord("0500", { GRBD_NAME: "U1.R1", GRBD_CLASS_NAME: "DIGTRING" }),
      renderRecord("0562", {
        KEYR_NAME: "U1.R1",
        KEYR_CLASS_NAME: "DIGTRING",
        KEYR_CERT_NAME: name,
        KEYR_CERT_USAGE: "PERSONAL",
        KEYR_CERT_DEFAULT: "NO",
        KEYR_CERT_LABEL: "L1",
      }),
    ].join("\n");
    const model = await read(text);
    expect(model.ring("U1", "R1")?.connections.map((c) => c.label)).toEqual(["L1"]);
    expect(model.state.issues.map((i) => `${i.code}@${i.line}`)).toEqual([
      "unload-missing-0561@5",
      "unload-missing-0562@1",
    ]);
  });

  it("MULTIID certificates are reported, not modelled", async () => {
    const model = await read(
      renderRecord("0207", { USCERT_NAME: "irrmulti", USCERT_CERT_NAME: "01.CN=M", USCERT_CERTLABL: "Map" }),
    );
    expect(model.state.certificates).toEqual([]);
    expect(model.state.issues.map((i) => i.code)).toEqual(["unload-multiid"]);
  });

  it("an unload describes a later state: a profile's access list is replaced, not appended to", async () => {
    const model = new RacfModel();
    const p = model.defineProfile("RDATALIB", "U1.R1.LST", { file: "old.jcl", line: 3, kind: "jcl" });
    p.access.push({ id: "OLDUSER", level: "UPDATE", sources: [] });
    const text = [
      renderRecord("0505", {
        GRACC_NAME: "U1.R1.LST",
        GRACC_CLASS_NAME: "RDATALIB",
        GRACC_AUTH_ID: "NEWUSER",
        GRACC_ACCESS: "READ",
      }),
      renderRecord("0500", {
        GRBD_NAME: "U1.R1.LST",
        GRBD_CLASS_NAME: "RDATALIB",
        GRBD_GENERIC: "NO",
        GRBD_UACC: "NONE",
      }),
    ].join("\n");
    await read(text, "u.txt", model);
    expect(model.profile("RDATALIB", "U1.R1.LST")?.access.map((a) => `${a.id}:${a.level}`)).toEqual([
      "NEWUSER:READ",
    ]);
  });

  it("unrelated FACILITY profiles are not kept; generic ones covering IRR.DIGTCERT.* are", async () => {
    const text = [
      renderRecord("0500", { GRBD_NAME: "BPX.SUPERUSER", GRBD_CLASS_NAME: "FACILITY", GRBD_UACC: "NONE" }),
      renderRecord("0500", {
        GRBD_NAME: "IRR.**",
        GRBD_CLASS_NAME: "FACILITY",
        GRBD_GENERIC: "YES",
        GRBD_UACC: "READ",
      }),
    ].join("\n");
    const model = await read(text);
    expect(model.state.profiles.map((p) => `${p.name}:${p.generic}:${p.uacc}`)).toEqual(["IRR.**:true:READ"]);
  });
});

describe("value domains", () => {
  it("accepts both documented spellings of DIGTCERT trust (formats.md §6)", () => {
    expect(
      ["TRUST", "ALTER", "NOTRUST", "NONE", "HIGHTRST", "{", "X'C0'", "hightrust", "READ"].map(trustFromUacc),
    ).toEqual([
      "TRUST",
      "TRUST",
      "NOTRUST",
      "NOTRUST",
      "HIGHTRUST",
      "HIGHTRUST",
      "HIGHTRUST",
      "HIGHTRUST",
      null,
    ]);
  });
  it("maps GRCERT_KEY_TYPE to private key and key store", () => {
    expect(keyFromType("")).toMatchObject({ privateKey: false, keyStore: null, known: true });
    expect(keyFromType("PKCSDER")).toMatchObject({ privateKey: true, keyStore: "software" });
    expect(keyFromType("ICSFTOKN")).toMatchObject({ privateKey: true, keyStore: "PKDS" });
    expect(keyFromType("PCICCTKN")).toMatchObject({ privateKey: true, keyStore: "PKDS" });
    expect(keyFromType("PUBTOKEN")).toMatchObject({ privateKey: false, keyStore: null });
    expect(keyFromType("DSA")).toMatchObject({ privateKey: true, dsa: true });
  });
});
