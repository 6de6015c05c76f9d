import { describe, expect, it } from "vitest";
import { RacfModel } from "../../src/model/model.js";
import { readCertificates } from "../../src/readers/cert.js";
import { readListing } from "../../src/readers/listing.js";
import { emptyFacts, mergeCertificate, UNKNOWN_OWNER } from "../../src/readers/merge.js";
import { readUnload } from "../../src/readers/unload.js";
import { context, fixture, fixtureBytes, linesOf } from "./helpers.js";

describe("one certificate described by an unload and a LIST", () => {
  it("merges by owner+label, confirms serial+issuer, reports RACF facts that disagree", async () => {
    const model = new RacfModel();
    await readUnload(linesOf(fixture("irrdbu00_SYNTHETIC_certs_rings.txt")), context("u.txt", model));
    readListing(fixture("RECON_listchain_user_WEBSRV_SUMMARY_UNVERIFIED.txt"), context("chain.txt", model));
    const web = model.certificate("ID(WEBSRV)", "WebServerCert");
    // the unload does not show key type or usage; the LIST fills them in
    expect(web).toMatchObject({ keyType: "RSA", keyUsage: ["HANDSHAKE"], keySize: 2048, privateKey: true });
    expect(web?.sources.map((s) => `${s.file}:${s.line}`)).toEqual(["u.txt:8", "chain.txt:10"]);
    // the two samples disagree about the root CA's private key: later input kept, reported
    expect(model.state.issues.map((i) => `${i.file}:${i.line} ${i.code}`)).toEqual([
      "chain.txt:34 cert-conflict",
    ]);
    expect(model.state.issues[0]?.message).toContain("privateKey true (u.txt:6) vs false here");
    expect(model.certificate("CERTAUTH", "ExampleRootCA")?.privateKey).toBe(false);
    // still one certificate each
    expect(model.state.certificates).toHaveLength(5);
  });
});

describe("mergeCertificate", () => {
  const src = (line: number) => ({ file: "t", line, kind: "listing" as const });

  it("placeholder and labelled certificate both known: the placeholder is folded in", async () => {
    const model = new RacfModel();
    // the listing knows the label but shows no serial/issuer; the file adds the identity later
    const labelled = emptyFacts(src(1));
    labelled.owner = "ID(WEBSRV)";
    labelled.label = "Web";
    labelled.status = "TRUST";
    mergeCertificate(model, labelled);
    await readCertificates(
      fixtureBytes("certs/web.pem"),
      { owner: null, label: null },
      context("web.pem", model),
    );
    expect(model.state.certificates.map((c) => c.owner)).toEqual(["ID(WEBSRV)", UNKNOWN_OWNER]);
    // now a source that has both label and identity
    const both = emptyFacts(src(9));
    both.owner = "ID(WEBSRV)";
    both.label = "Web";
    both.serial = "01";
    both.issuer = "CN=Example Root CA,O=Example Corp,C=US";
    mergeCertificate(model, both);
    expect(model.state.certificates.map((c) => `${c.owner}:${c.label}`)).toEqual(["ID(WEBSRV):Web"]);
    expect(model.state.certificates[0]?.der).not.toBeNull();
    expect(model.state.certificates[0]?.sources.map((s) => s.line)).toEqual([1, 1, 9]);
  });

  it("placeholder labels are unique and at most 32 characters", () => {
    const model = new RacfModel();
    for (let i = 0; i < 3; i++) {
      const f = emptyFacts({ file: "f", line: i + 1, kind: "cert" });
      f.serial = `0${i}`;
      f.issuer = "CN=A";
      mergeCertificate(model, f, {
        placeholderLabel: "a very long common name that does not fit into a label",
      });
    }
    const labels = model.state.certificates.map((c) => c.label);
    expect(new Set(labels).size).toBe(3);
    expect(labels.every((l) => l.length <= 32)).toBe(true);
    expect(labels[1]).toMatch(/ #2$/);
  });
});

describe("same serial and issuer, different fingerprint", () => {
  it("says the file is not the certificate RACF holds", async () => {
    const model = new RacfModel();
    await readUnload(linesOf(fixture("irrdbu00_SYNTHETIC_certs_rings.txt")), context("u.txt", model));
    await readCertificates(
      fixtureBytes("certs/web.pem"),
      { owner: null, label: null },
      context("web.pem", model),
    );
    expect(model.state.issues.map((i) => `${i.severity} ${i.code}@${i.file}:${i.line}`)).toEqual([
      "warning cert-fingerprint-mismatch@web.pem:1",
      "info cert-owner-unknown@web.pem:1",
    ]);
    expect(model.state.issues[0]?.message).toContain('ID(WEBSRV) certificate "WebServerCert" (u.txt:8)');
  });
});
