import { describe, expect, it } from "vitest";
import {
  canonicalSignatureAlgorithm,
  X509_KEY_USAGE as KU,
  keyTypeFromRacfText,
  normalizeFingerprint,
  normalizeSerial,
  racfKeyType,
  racfKeyUsage,
  racfSignatureAlgorithm,
  sameSerial,
} from "../../src/pki/index.js";

describe("RACF names for X.509 facts", () => {
  it("key usage bits → RACF KEYUSAGE names (le-gencert.htm pairs)", () => {
    expect(racfKeyUsage(KU.digitalSignature)).toEqual(["HANDSHAKE"]);
    expect(racfKeyUsage(KU.keyEncipherment)).toEqual(["HANDSHAKE"]);
    expect(racfKeyUsage(KU.dataEncipherment)).toEqual(["DATAENCRYPT"]);
    expect(racfKeyUsage(KU.nonRepudiation)).toEqual(["DOCSIGN"]);
    expect(racfKeyUsage(KU.keyCertSign)).toEqual(["CERTSIGN"]);
    expect(racfKeyUsage(KU.cRLSign)).toEqual(["CERTSIGN"]);
    expect(racfKeyUsage(KU.keyAgreement)).toEqual([]);
    expect(racfKeyUsage(KU.cRLSign | KU.digitalSignature | KU.nonRepudiation | KU.dataEncipherment)).toEqual([
      "HANDSHAKE",
      "DATAENCRYPT",
      "DOCSIGN",
      "CERTSIGN",
    ]);
  });

  it("signature algorithm OIDs in RACF spelling", () => {
    expect(racfSignatureAlgorithm("1.2.840.113549.1.1.11")).toBe("sha256RSA");
    expect(racfSignatureAlgorithm("1.2.840.113549.1.1.5")).toBe("sha1RSA");
    expect(racfSignatureAlgorithm("1.2.840.10045.4.3.2")).toBe("sha256ECDSA");
    expect(racfSignatureAlgorithm("1.2.840.10045.4.3.4")).toBe("sha512ECDSA");
    expect(racfSignatureAlgorithm("2.16.840.1.101.3.4.3.2")).toBe("sha256DSA");
    expect(racfSignatureAlgorithm("1.3.101.112")).toBe("UNKNOWN");
    expect(racfSignatureAlgorithm(null)).toBe("UNKNOWN");
    expect(canonicalSignatureAlgorithm("SHA256rsa")).toBe("sha256RSA");
  });

  it("key types", () => {
    expect(racfKeyType("rsa", { modulusLength: 4096 })).toEqual({ keyType: "RSA", keySize: 4096 });
    expect(racfKeyType("ec", { namedCurve: "prime256v1" })).toEqual({ keyType: "NISTECC", keySize: 256 });
    expect(racfKeyType("ec", { namedCurve: "secp521r1" })).toEqual({ keyType: "NISTECC", keySize: 521 });
    expect(racfKeyType("ec", { namedCurve: "brainpoolP384r1" })).toEqual({ keyType: "BPECC", keySize: 384 });
    expect(racfKeyType("ed25519", undefined)).toEqual({ keyType: null, keySize: null });
    expect(
      ["RSA", "RSA Mod-Exp", "NIST ECC", "Brainpool ECC", "DSA", "Quantum"].map(keyTypeFromRacfText),
    ).toEqual(["RSA", "RSA", "NISTECC", "BPECC", "DSA", null]);
  });

  it("serials and fingerprints", () => {
    expect(normalizeSerial("00")).toBe("00");
    expect(normalizeSerial("0")).toBe("00");
    expect(normalizeSerial("00c3ff")).toBe("C3FF");
    expect(normalizeSerial("0a:1b")).toBe("0A1B");
    expect(sameSerial("00C3", "c3")).toBe(true);
    expect(sameSerial("01", "10")).toBe(false);
    expect(normalizeFingerprint("4a:17 ".repeat(16))).toBe("4A17".repeat(16));
    expect(normalizeFingerprint("4A:17")).toBeNull();
  });
});

describe("certificate files through the adapter", () => {
  it("sync and async readers agree; a PKCS#10 request gives subject, names and key", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseCertificateData, parseCertificateDataSync, parseCertificateRequest } = await import(
      "../../src/pki/index.js"
    );
    const pem = new Uint8Array(readFileSync(new URL("../fixtures/readers/certs/chain.pem", import.meta.url)));
    expect(parseCertificateDataSync(pem)).toEqual(await parseCertificateData(pem));
    const csr = new Uint8Array(readFileSync(new URL("../fixtures/readers/certs/app.csr", import.meta.url)));
    expect(parseCertificateRequest(csr)).toEqual({
      subject: "CN=app01.example.com,O=Example Corp,C=US",
      altNames: [
        { type: "DNS", value: "app01.example.com" },
        { type: "IP", value: "10.1.1.2" },
      ],
      keyType: "RSA",
      keySize: 2048,
    });
    expect(parseCertificateRequest(new TextEncoder().encode("nonsense"))).toBeNull();
  });
});

describe("PEM blocks in a long file", () => {
  // Line numbers are counted incrementally from block to block (a file of thousands of blocks
  // stays linear); each block must still be located on its own line.
  it("locates every block and a truncated last block on the right line", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseCertificateDataSync } = await import("../../src/pki/index.js");
    const chain = readFileSync(new URL("../fixtures/readers/certs/chain.pem", import.meta.url), "utf8");
    const perCopy = chain.split("\n").length - (chain.endsWith("\n") ? 1 : 0);
    const text = `${chain.repeat(3)}-----BEGIN CERTIFICATE-----\nAAAA\n`;
    const r = parseCertificateDataSync(new TextEncoder().encode(text));
    const starts = chain.split("\n").flatMap((l, i) => (l.startsWith("-----BEGIN") ? [i + 1] : []));
    const expected = [0, 1, 2].flatMap((k) => starts.map((s) => s + k * perCopy));
    expect(r.certificates.map((c) => c.line)).toEqual(expected);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([["cert-pem-truncated", 3 * perCopy + 1]]);
  });
});

describe("a PEM file repeating one chain thousands of times (issue 9, item 10)", () => {
  // Decoding an X.509 certificate is the costly step (the merge is indexed by identity): a
  // repeated block is decoded once. The work is bounded by counting decodes, not by wall time.
  it("decodes each distinct block once and still reports every copy at its own line", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseCertificateDataSync } = await import("../../src/pki/index.js");
    const { RacfModel } = await import("../../src/model/model.js");
    const { readCertificates } = await import("../../src/readers/cert.js");
    const { context } = await import("./helpers.js");
    const chain = readFileSync(new URL("../fixtures/readers/certs/chain.pem", import.meta.url), "utf8");
    const blocks = chain.split("-----BEGIN CERTIFICATE-----").length - 1;
    const perCopy = chain.split("\n").length - (chain.endsWith("\n") ? 1 : 0);
    const copies = 4000;
    const data = new TextEncoder().encode(chain.repeat(copies));
    const work = { decoded: 0 };
    const r = parseCertificateDataSync(data, work);
    expect(work.decoded).toBe(blocks);
    expect(r.certificates).toHaveLength(copies * blocks);
    const firstBegin = chain.split("\n").findIndex((l) => l.startsWith("-----BEGIN")) + 1;
    expect(r.certificates[blocks * 2500]?.line).toBe(2500 * perCopy + firstBegin);
    // every copy carries the same facts as the first
    const first = JSON.stringify({ ...r.certificates[0], line: 0 });
    expect(
      r.certificates
        .filter((_, i) => i % blocks === 0)
        .every((c) => JSON.stringify({ ...c, line: 0 }) === first),
    ).toBe(true);
    // a copy is not the same object: a reader changing one cannot change the others
    expect(r.certificates[blocks]).not.toBe(r.certificates[0]);
    // and the model holds each certificate once, with every copy as a source
    const model = new RacfModel();
    await readCertificates(data, { owner: null, label: null }, context("chains.pem", model));
    expect(model.state.certificates).toHaveLength(blocks);
    for (const c of model.state.certificates)
      expect(c.sources.filter((s) => s.file === "chains.pem")).toHaveLength(copies);
  });

  it("a block that does not decode is refused at every copy's line, decoded once", async () => {
    const { parseCertificateDataSync } = await import("../../src/pki/index.js");
    const bad = "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n";
    const work = { decoded: 0 };
    const r = parseCertificateDataSync(new TextEncoder().encode(bad.repeat(3)), work);
    expect(work.decoded).toBe(1);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ["cert-unreadable", 1],
      ["cert-unreadable", 4],
      ["cert-unreadable", 7],
    ]);
  });
});
