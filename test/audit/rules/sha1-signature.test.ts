import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/sha1-signature.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "sha256", model: healthySite().build() },
    {
      name: "self-signed root's own SHA-1 signature is not validated",
      model: healthySite()
        .cert(aRoot("Old Root", { signatureAlgorithm: "sha1RSA" }))
        .ring("WEBSRV", "T", [[aRoot("Old Root")]])
        .build(),
    },
  ],
  invalid: [
    {
      name: "SHA-1 signed server certificate",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Old", { signatureAlgorithm: "sha1RSA" });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c]])
          .build();
      })(),
      findings: [{ kind: "certificate", id: "ID(WEBSRV):Old", message: /sha1RSA/ }],
    },
    {
      name: "self-signed SHA-1 certificate used as a PERSONAL certificate",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Self", {
          signatureAlgorithm: "sha1RSA",
          selfSigned: true,
          issuer: "CN=Self,O=Example,C=US",
          subject: "CN=Self,O=Example,C=US",
        });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R3", [[c]])
          .build();
      })(),
      findings: [{ kind: "certificate", id: "ID(WEBSRV):Self" }],
    },
  ],
});

describe("sha1-signature: the whole finding", () => {
  it("names the algorithm and every ring; first ring is the finding's", () => {
    const c = aCert("ID(WEBSRV)", "Old", { signatureAlgorithm: "sha1RSA" });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c]])
      .ring("WEBSRV", "R3", [[c]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "certificate ID(WEBSRV):Old",
          ring: "WEBSRV/R2",
          severity: "warning",
          confidence: "third-party",
          message:
            "Certificate 'Old' (ID(WEBSRV)) on WEBSRV/R2, WEBSRV/R3 is signed with sha1RSA; clients reject SHA-1 and older signatures.",
          fix: {
            summary:
              "Have it re-issued with a SHA-256 (or stronger) signature (GENREQ from its key, then GENCERT or the external CA) and connect the new certificate.",
            commands: [],
          },
          evidence: lines(c),
        },
      ],
      notEvaluated: [],
    });
  });

  it("MD5 and MD2 in any case count; SHA-256 does not; a certificate on no ring is not looked at", () => {
    const md5 = aCert("ID(WEBSRV)", "Md5", { signatureAlgorithm: "MD5RSA" });
    const md2 = aCert("ID(WEBSRV)", "Md2", { signatureAlgorithm: "md2RSA" });
    const ok = aCert("ID(WEBSRV)", "Ok", { signatureAlgorithm: "sha256RSA" });
    const loose = aCert("ID(WEBSRV)", "Loose", { signatureAlgorithm: "sha1RSA" });
    const model = healthySite()
      .cert(md5, md2, ok, loose)
      .ring("WEBSRV", "R2", [[md5], [md2], [ok]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.subject)).toEqual([
      "certificate ID(WEBSRV):Md2",
      "certificate ID(WEBSRV):Md5",
    ]);
  });

  it("a self-signed root is skipped only while every ring holds it as a CA; an intermediate is not skipped", () => {
    const root = aRoot("Old Root", { signatureAlgorithm: "sha1RSA" });
    const ica = aCert("CERTAUTH", "Old ICA", { signatureAlgorithm: "sha1RSA", keyUsage: ["CERTSIGN"] });
    const anchorEverywhere = healthySite()
      .cert(root, ica)
      .ring("WEBSRV", "WebRing2", [[root], [aCert("ID(WEBSRV)", "Web Server")]])
      .ring("WEBSRV", "R3", [[ica]])
      .build();
    expect(exact(rule, { model: anchorEverywhere }).findings.map((f) => f.subject)).toEqual([
      "certificate CERTAUTH:Old ICA",
    ]);
    const personalSomewhere = healthySite()
      .cert(root)
      .ring("WEBSRV", "R2", [[root]])
      .ring("WEBSRV", "R3", [[root, { usage: "PERSONAL" }]])
      .build();
    expect(exact(rule, { model: personalSomewhere }).findings.map((f) => [f.subject, f.ring])).toEqual([
      ["certificate CERTAUTH:Old Root", "WEBSRV/R2"],
    ]);
  });

  it("not evaluated when the algorithm is not in the inputs", () => {
    const c = aCert("ID(WEBSRV)", "NoAlg", { signatureAlgorithm: null });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "certificate ID(WEBSRV):NoAlg",
          reason: "the certificate's signature algorithm is not in the inputs",
        },
      ],
    });
  });
});

describe("sha1-signature: an algorithm RACF cannot name", () => {
  it("UNKNOWN in any case is not evaluated, never passed", () => {
    // formats.md §2: RACF lists an algorithm its release cannot name as UNKNOWN; it may be SHA-1.
    const c = aCert("ID(WEBSRV)", "Pss", { signatureAlgorithm: "UNKNOWN" });
    const d = aCert("ID(WEBSRV)", "Odd", { signatureAlgorithm: "unknown" });
    const model = healthySite()
      .cert(c, d)
      .ring("WEBSRV", "R2", [[c], [d]])
      .build();
    const reason =
      "RACF lists the certificate's signature algorithm as UNKNOWN (one its release cannot name)";
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        { subject: "certificate ID(WEBSRV):Pss", reason },
        { subject: "certificate ID(WEBSRV):Odd", reason },
      ],
    });
  });
});

describe("sha1-signature: which connections make a self-signed root more than a trust anchor", () => {
  it("PERSONAL beside other certificates on a ring: reported", () => {
    const root = aRoot("Old Root", { signatureAlgorithm: "sha1RSA" });
    const model = healthySite()
      .cert(root)
      .ring("WEBSRV", "R2", [[root]])
      .ring("WEBSRV", "R3", [[aRoot()], [root, { usage: "PERSONAL" }]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.subject)).toEqual(["certificate CERTAUTH:Old Root"]);
  });

  it("another CA certificate, or a user's certificate of the same label, PERSONAL: still only an anchor", () => {
    const root = aRoot("Old Root", { signatureAlgorithm: "sha1RSA" });
    const model = healthySite()
      .cert(root)
      .ring("WEBSRV", "R2", [
        [root],
        [aRoot("Other CA"), { usage: "PERSONAL" }],
        [aCert("ID(WEBSRV)", "Old Root"), { usage: "PERSONAL" }],
      ])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });
});
