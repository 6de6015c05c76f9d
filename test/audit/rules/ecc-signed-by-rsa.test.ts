import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/ecc-signed-by-rsa.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "RSA leaf, RSA CA", model: healthySite().build() },
    {
      name: "ECC leaf signed by an ECC CA",
      model: (() => {
        const ca = aRoot("ECC Root", { keyType: "NISTECC", keySize: 384, signatureAlgorithm: "sha384ECDSA" });
        const leaf = aCert("ID(WEBSRV)", "EC", {
          keyType: "NISTECC",
          keySize: 256,
          signatureAlgorithm: "sha384ECDSA",
          issuer: ca.subject,
          signer: { owner: "CERTAUTH", label: "ECC Root" },
        });
        return healthySite()
          .cert(ca, leaf)
          .ring("WEBSRV", "R2", [[ca], [leaf, { default: true }]])
          .build();
      })(),
    },
  ],
  invalid: [
    {
      name: "field case 10: ECC leaf signed by the RSA root",
      model: (() => {
        const leaf = aCert("ID(WEBSRV)", "EC", {
          keyType: "NISTECC",
          keySize: 256,
          signatureAlgorithm: "sha256RSA",
        });
        return healthySite()
          .cert(leaf)
          .ring("WEBSRV", "R2", [[aRoot()], [leaf, { default: true }]])
          .build();
      })(),
      findings: [{ kind: "certificate", id: "ID(WEBSRV):EC", message: /'Test Root CA', CERTAUTH.*Java/ }],
    },
  ],
});

describe("ecc-signed-by-rsa: the whole finding", () => {
  const fix = {
    summary:
      "Sign ECC certificates with an ECC CA (GENCERT ... SIGNWITH an NISTECC CA), or use an RSA certificate with the RSA CA.",
    commands: [],
  };
  const ecc = (label: string, over: Parameters<typeof aCert>[2]) =>
    aCert("ID(WEBSRV)", label, { keyType: "NISTECC", keySize: 256, ...over });
  const onRing = (...certs: ReturnType<typeof aCert>[]) =>
    healthySite()
      .cert(...certs)
      .ring(
        "WEBSRV",
        "R2",
        certs.map((c) => [c]),
      )
      .build();

  it("RSA signature and RSA issuer: both named", () => {
    const leaf = ecc("EC", { signatureAlgorithm: "sha256RSA" });
    const model = onRing(leaf);
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "certificate ID(WEBSRV):EC",
          ring: "WEBSRV/R2",
          severity: "warning",
          confidence: "third-party",
          message:
            "ECC certificate 'EC' (ID(WEBSRV)) is signed by an RSA key ('Test Root CA', CERTAUTH) (sha256RSA); Java and some other clients fail such chains.",
          fix,
          evidence: lines(leaf, model.certificate("CERTAUTH", "Test Root CA")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("either sign is enough: the algorithm alone (issuer unknown, lower case), or the issuer's RSA key alone", () => {
    const bySig = ecc("BySig", {
      keyType: "BPECC",
      signatureAlgorithm: "sha256rsa",
      issuer: "CN=Elsewhere,C=US",
      signer: null,
    });
    const byIssuer = ecc("ByIssuer", { signatureAlgorithm: null });
    expect(exact(rule, { model: onRing(bySig, byIssuer) }).findings.map((f) => f.message)).toEqual([
      "ECC certificate 'ByIssuer' (ID(WEBSRV)) is signed by an RSA key ('Test Root CA', CERTAUTH); Java and some other clients fail such chains.",
      "ECC certificate 'BySig' (ID(WEBSRV)) is signed by an RSA key (sha256rsa); Java and some other clients fail such chains.",
    ]);
  });

  it("an ECDSA signature by an ECC issuer, an RSA certificate, or a certificate on no ring: nothing", () => {
    const eccRoot = aRoot("ECC Root", {
      keyType: "NISTECC",
      keySize: 384,
      signatureAlgorithm: "sha384ECDSA",
    });
    const good = ecc("Good", {
      signatureAlgorithm: "sha384ECDSA",
      issuer: eccRoot.subject,
      signer: { owner: "CERTAUTH", label: "ECC Root" },
    });
    const loose = ecc("Loose", { signatureAlgorithm: "sha256RSA" });
    const model = healthySite()
      .cert(eccRoot, good, loose)
      .ring("WEBSRV", "R2", [[eccRoot], [good]])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });

  it("RACF's UNKNOWN algorithm says nothing about RSA: the issuer's key decides, else not evaluated", () => {
    // formats.md §2: RACF lists an algorithm its release cannot name as UNKNOWN.
    const rsaIssued = ecc("ByRsaCa", { signatureAlgorithm: "UNKNOWN" });
    const orphan = ecc("Orphan", {
      signatureAlgorithm: "UNKNOWN",
      issuer: "CN=Elsewhere,C=US",
      signer: null,
    });
    const result = exact(rule, { model: onRing(rsaIssued, orphan) });
    expect(result.findings.map((f) => f.subject)).toEqual(["certificate ID(WEBSRV):ByRsaCa"]);
    expect(result.notEvaluated).toEqual([
      {
        subject: "certificate ID(WEBSRV):Orphan",
        reason: "neither the signature algorithm nor the issuer's key type is in the inputs",
      },
    ]);
  });

  it("not evaluated: key type unknown; neither the algorithm nor the issuer's key type known", () => {
    const noType = aCert("ID(WEBSRV)", "NoType", { keyType: null });
    const unknown = ecc("Unknown", { signatureAlgorithm: null, issuer: "CN=Elsewhere,C=US", signer: null });
    expect(exact(rule, { model: onRing(noType, unknown) })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "certificate ID(WEBSRV):NoType",
          reason: "the certificate's key type is not in the inputs",
        },
        {
          subject: "certificate ID(WEBSRV):Unknown",
          reason: "neither the signature algorithm nor the issuer's key type is in the inputs",
        },
      ],
    });
  });
});
