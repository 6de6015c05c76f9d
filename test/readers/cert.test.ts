import { describe, expect, it } from "vitest";
import { RacfModel } from "../../src/model/model.js";
import { readCertificates } from "../../src/readers/cert.js";
import { readListing } from "../../src/readers/listing.js";
import { context, fixture, fixtureBytes } from "./helpers.js";

// Fingerprints computed independently with `openssl x509 -noout -fingerprint -sha256`.
const WEB_FP = "19740AE5729B7AEAFEBDAA773A5357A4B370E3CC74CABFCCE49CAB461C02515D";
const SITE_FP = "70F2C95C742A48F0DC57FD33D68AF2C4E4B02DCAA816FF8AFC91EF1AF4B7450B";
const LEGACY_FP = "37023AB662B6F17A8FF5D2EB2200F46426D7097AEC4C76D3039ACFA9F933169E";

const named = { owner: "ID(WEBSRV)", label: "WebServerCert" };
const unnamed = { owner: null, label: null };

async function readCert(
  file: string,
  spec: { owner: string | null; label: string | null },
  model = new RacfModel(),
) {
  await readCertificates(fixtureBytes(`certs/${file}`), spec, context(file, model));
  return model;
}

const WEB_FACTS = {
  owner: "ID(WEBSRV)",
  label: "WebServerCert",
  notBefore: "2024-03-01T00:00:00Z",
  notAfter: "2025-03-01T23:59:59Z",
  subject: "CN=web01.example.com,OU=Web,O=Example Corp,C=US",
  issuer: "CN=Example Root CA,O=Example Corp,C=US",
  altNames: [
    { type: "DNS", value: "web01.example.com" },
    { type: "IP", value: "10.1.1.1" },
    { type: "EMAIL", value: "web@example.com" },
    { type: "URI", value: "https://web01.example.com/" },
  ],
  keyType: "NISTECC",
  keySize: 256,
  keyUsage: ["HANDSHAKE"],
  signatureAlgorithm: "sha256RSA",
  serial: "01",
  fingerprint: WEB_FP,
  selfSigned: false,
  privateKey: null,
};

describe("certificate files", () => {
  it("PEM with OWNER:LABEL: X.509 facts in RACF terms; trust status assumed and said so", async () => {
    const model = await readCert("web.pem", named);
    expect(model.state.certificates).toHaveLength(1);
    const cert = model.certificate("ID(WEBSRV)", "WebServerCert");
    expect(cert).toMatchObject({ ...WEB_FACTS, status: "TRUST" });
    expect(cert?.der).toMatch(/^MII/);
    expect(cert?.sources.map((s) => s.kind)).toEqual(["default", "cert"]);
    expect(model.state.assumptions.map((a) => a.message)).toEqual([expect.stringContaining("assumed TRUST")]);
    expect(model.state.issues).toEqual([]);
  });

  it("DER gives the same facts", async () => {
    const model = await readCert("web.der", named);
    expect(model.certificate("ID(WEBSRV)", "WebServerCert")).toMatchObject(WEB_FACTS);
  });

  it("key usage, signature algorithm and key type mapping", async () => {
    const site = (await readCert("site_p384.pem", { owner: "SITE", label: "SiteSigner" })).certificate(
      "SITE",
      "SiteSigner",
    );
    expect(site).toMatchObject({
      keyType: "NISTECC",
      keySize: 384,
      keyUsage: ["DOCSIGN"],
      signatureAlgorithm: "sha384ECDSA",
      selfSigned: true,
      serial: "7F",
      fingerprint: SITE_FP,
    });
    const old = (await readCert("legacy_sha1_nokeyusage.pem", { owner: "ID(OLD)", label: "L" })).certificate(
      "ID(OLD)",
      "L",
    );
    // no KeyUsage extension: [] (RACF shows no "Key Usage:" line), not null
    expect(old).toMatchObject({
      keyType: "RSA",
      keySize: 1024,
      keyUsage: [],
      signatureAlgorithm: "sha1RSA",
      selfSigned: true,
      serial: "0A1B2C3D4E5F",
      fingerprint: LEGACY_FP,
      // DER order CN, O: RFC 4514 (and RACF) print the last RDN first
      subject: "O=Example Corp,CN=Legacy Box",
    });
    const ca = (await readCert("ca.pem", { owner: "CERTAUTH", label: "Root" })).certificate(
      "CERTAUTH",
      "Root",
    );
    expect(ca).toMatchObject({ keyType: "RSA", keySize: 2048, keyUsage: ["CERTSIGN"], selfSigned: true });
  });

  it("a PEM bundle: OWNER:LABEL names the first certificate, the rest are kept with owner unknown", async () => {
    const model = await readCert("chain.pem", named);
    expect(model.state.certificates.map((c) => [c.owner, c.label])).toEqual([
      ["ID(WEBSRV)", "WebServerCert"],
      ["", "Example Root CA"],
    ]);
    expect(model.state.issues.map((i) => `${i.severity} ${i.code}@${i.line}`)).toEqual([
      "info cert-bundle@19",
      "info cert-owner-unknown@19",
    ]);
    expect(model.state.issues[1]?.message).toContain("FILE=OWNER:LABEL");
  });

  for (const file of ["chain.p7b", "chain.p7c"]) {
    it(`PKCS#7 bundle ${file} without OWNER:LABEL`, async () => {
      const model = await readCert(file, unnamed);
      expect(model.state.certificates.map((c) => [c.owner, c.label, c.fingerprint === WEB_FP])).toEqual([
        ["", "web01.example.com", true],
        ["", "Example Root CA", false],
      ]);
      expect(model.state.issues.map((i) => i.code)).toEqual(["cert-owner-unknown", "cert-owner-unknown"]);
    });
  }

  it("unreadable, truncated and key-only inputs give located issues", async () => {
    const ctx = context("bad.pem");
    const pem = fixture("certs/web.pem");
    const text = `junk\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n${pem.slice(0, 200)}`;
    await readCertificates(new TextEncoder().encode(text), unnamed, ctx);
    expect(ctx.model.state.issues.map((i) => `${i.severity} ${i.code}@${i.line}`)).toEqual([
      "warning cert-private-key-ignored@2",
      "error cert-unreadable@5",
      "error cert-pem-truncated@8",
    ]);
    const bin = context("x.bin");
    await readCertificates(new Uint8Array([0x30, 0x82, 0x01, 0x00, 1, 2, 3]), unnamed, bin);
    expect(bin.model.state.issues.map((i) => `${i.code}@${i.line}`)).toEqual(["cert-unreadable@1"]);
    const empty = context("e.txt");
    await readCertificates(new Uint8Array(), unnamed, empty);
    expect(empty.model.state.issues.map((i) => i.code)).toEqual(["cert-unreadable"]);
  });
});

/** The WEBSRV LIST sample, with its (invented) fingerprint removed so serial+issuer decide. */
function listingWithoutFingerprint(): string {
  return fixture("RECON_list_user_WEBSRV_two_certs.txt").replace(
    / {2}Certificate Fingerprint \(SHA256\):\n\s+4B:5E[^\n]*\n[^\n]*\n/,
    "",
  );
}

/** The same listing edited to say exactly what web.pem says. */
function matchingListing(): string {
  return listingWithoutFingerprint()
    .replace(
      "    IP: 10.1.1.1\n",
      "    IP: 10.1.1.1\n    EMail: web@example.com\n    URI: https://web01.example.com/\n",
    )
    .replace("Key Usage: HANDSHAKE, DATAENCRYPT", "Key Usage: HANDSHAKE")
    .replace("Key Type: RSA\n  Key Size: 2048", "Key Type: NIST ECC\n  Key Size: 256");
}

describe("merging certificates across inputs", () => {
  it("LIST then file: matched by serial+issuer, facts combined, sources kept, no conflict", async () => {
    const model = new RacfModel();
    readListing(matchingListing(), context("list.txt", model));
    await readCert("web.pem", unnamed, model);
    expect(model.state.certificates.map((c) => c.label)).toEqual(["WebServerCert", "OldClientCert"]);
    const cert = model.certificate("ID(WEBSRV)", "WebServerCert");
    expect(cert).toMatchObject({ ...WEB_FACTS, status: "TRUST", privateKey: true, keyStore: "software" });
    expect(cert?.der).not.toBeNull();
    expect(cert?.sources.map((s) => `${s.file}:${s.line}:${s.kind}`)).toEqual([
      "list.txt:10:listing",
      "web.pem:1:cert",
    ]);
    expect(model.state.issues).toEqual([]);
  });

  it("file then LIST: the unowned certificate takes the owner and label the LIST gives", async () => {
    const model = await readCert("web.pem", unnamed);
    expect(model.state.certificates.map((c) => [c.owner, c.label])).toEqual([["", "web01.example.com"]]);
    readListing(matchingListing(), context("list.txt", model));
    expect(model.state.certificates.map((c) => [c.owner, c.label])).toEqual([
      ["ID(WEBSRV)", "WebServerCert"],
      ["ID(WEBSRV)", "OldClientCert"],
    ]);
    const cert = model.certificate("ID(WEBSRV)", "WebServerCert");
    // the status now comes from RACF: the "assumed" marker is gone
    expect(cert?.sources.map((s) => s.kind)).toEqual(["cert", "listing"]);
    expect(model.state.issues.map((i) => i.code)).toEqual(["cert-owner-unknown"]);
  });

  it("disagreements are located issues; the file wins for X.509 facts, RACF facts stay", async () => {
    const model = new RacfModel();
    readListing(
      listingWithoutFingerprint().replace(
        "End Date:   2025/03/01 23:59:59",
        "End Date:   2026/03/01 23:59:59",
      ),
      context("list.txt", model),
    );
    await readCert("web.pem", unnamed, model);
    const conflicts = model.state.issues.filter((i) => i.code === "cert-conflict");
    expect(conflicts.map((i) => `${i.file}:${i.line}`)).toEqual(["web.pem:1"]);
    const msg = conflicts[0]?.message ?? "";
    expect(msg).toContain("notAfter 2026-03-01T23:59:59Z (list.txt:10) vs 2025-03-01T23:59:59Z here");
    expect(msg).toContain("keyType RSA");
    expect(msg).toContain("keySize 2048");
    expect(msg).toContain("key usage [HANDSHAKE,DATAENCRYPT]");
    expect(msg).toContain("alternative names");
    const cert = model.certificate("ID(WEBSRV)", "WebServerCert");
    expect(cert).toMatchObject({
      notAfter: "2025-03-01T23:59:59Z",
      keyType: "NISTECC",
      privateKey: true,
      status: "TRUST",
    });
  });

  it("dates a time zone apart are not a conflict (listings print local time without a zone)", async () => {
    const model = new RacfModel();
    readListing(
      matchingListing().replace("End Date:   2025/03/01 23:59:59", "End Date:   2025/03/01 18:59:59"),
      context("l.txt", model),
    );
    await readCert("web.pem", unnamed, model);
    expect(model.state.issues).toEqual([]);
  });

  it("fingerprints decide when both sides have one", async () => {
    const model = new RacfModel();
    // the sample's fingerprint is invented, so it is a different certificate with the same name
    readListing(fixture("RECON_list_user_WEBSRV_two_certs.txt"), context("list.txt", model));
    await readCert("web.pem", named, model);
    expect(model.state.issues.map((i) => i.code)).toEqual(["cert-identity-conflict"]);
    expect(model.certificate("ID(WEBSRV)", "WebServerCert")?.fingerprint).toBe(WEB_FP);
  });

  it("the same file twice merges; the same certificate under another name is reported", async () => {
    const model = await readCert("web.pem", named);
    await readCert("web.pem", named, model);
    expect(model.state.certificates).toHaveLength(1);
    expect(model.state.certificates[0]?.sources.filter((s) => s.kind === "cert")).toHaveLength(2);
    await readCert("web.der", { owner: "ID(OTHER)", label: "Copy" }, model);
    expect(model.state.certificates).toHaveLength(2);
    expect(model.state.issues.map((i) => `${i.code}@${i.file}`)).toEqual(["cert-duplicate@web.der"]);
    expect(model.state.issues[0]?.message).toContain(
      'already known as ID(WEBSRV) certificate "WebServerCert" from web.pem:1',
    );
  });
});
