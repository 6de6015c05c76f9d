import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/intermediate-expires-first.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

/** A leaf ending 2030-01-01 signed by a root ending `rootEnd`, both on WEBSRV/R2. */
function leafUnder(rootEnd: string | null, usage?: "CERTAUTH" | "PERSONAL") {
  const root = aRoot("Short Root", { notAfter: rootEnd });
  const leaf = aCert("ID(WEBSRV)", "Long", {
    issuer: root.subject,
    signer: { owner: "CERTAUTH", label: "Short Root" },
  });
  return healthySite()
    .cert(root, leaf)
    .ring("WEBSRV", "R2", [[root], [leaf, { default: true, ...(usage ? { usage } : {}) }]])
    .build();
}

ruleTester(rule, {
  valid: [
    { name: "root outlives the server certificate", model: healthySite().build() },
    // Both end at the same second: the CA is valid for as long as the leaf (notAfter inclusive).
    { name: "root ends exactly when the server certificate ends", model: leafUnder("2030-01-01T00:00:00Z") },
    { name: "root end date unknown: nothing to compare", model: leafUnder(null) },
    { name: "a CA-usage connection is not a leaf", model: leafUnder("2028-01-01T00:00:00Z", "CERTAUTH") },
    {
      name: "leaf end date unknown: not evaluated",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "NoEnd", { notAfter: null });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R3", [[c, { default: true }]])
          .build();
      })(),
      notEvaluated: [/end date is not in the inputs/],
    },
    {
      name: "leaf not in the inputs: not evaluated",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "Ghost");
        const m = healthySite()
          .ring("WEBSRV", "R3", [[c, { default: true }]])
          .build();
        return m;
      })(),
      notEvaluated: [/certificate itself is not in the inputs/],
    },
  ],
  invalid: [
    {
      name: "root ends one second before the server certificate",
      model: leafUnder("2029-12-31T23:59:59Z"),
      findings: [
        {
          kind: "certificate",
          id: "ID(WEBSRV):Long",
          message:
            /^Certificate 'Long' \(ID\(WEBSRV\)\) is valid until 2030-01-01.*, but its issuing CA 'Short Root' \(CERTAUTH\) expires on 2029-12-31.*; from then on partners cannot validate the chain\.$/,
          summary:
            /^Renew the CA certificate 'Short Root' before 2029-12-31.*, or re-issue 'Long' from a CA that outlives it\.$/,
        },
      ],
    },
    {
      name: "root expires in 2028, server certificate in 2030",
      model: (() => {
        const root = aRoot("Short Root", { notAfter: "2028-01-01T00:00:00Z" });
        const leaf = aCert("ID(WEBSRV)", "Long", {
          issuer: root.subject,
          signer: { owner: "CERTAUTH", label: "Short Root" },
        });
        return healthySite()
          .cert(root, leaf)
          .ring("WEBSRV", "R2", [[root], [leaf, { default: true }]])
          .build();
      })(),
      findings: [
        {
          kind: "certificate",
          id: "ID(WEBSRV):Long",
          message: /'Short Root' \(CERTAUTH\) expires on 2028-01-01/,
        },
      ],
    },
  ],
});

describe("intermediate-expires-first: the whole finding", () => {
  it("names both end dates, the CA, and the renewal; a certificate on two rings once", () => {
    const root = aRoot("Short Root", { notAfter: "2028-01-01T00:00:00Z" });
    const leaf = aCert("ID(WEBSRV)", "Long", {
      issuer: root.subject,
      signer: { owner: "CERTAUTH", label: "Short Root" },
    });
    const model = healthySite()
      .cert(root, leaf)
      .ring("WEBSRV", "R2", [[root], [leaf, { default: true }]])
      .ring("WEBSRV", "R3", [[leaf]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "certificate ID(WEBSRV):Long",
          ring: "WEBSRV/R2",
          severity: "warning",
          confidence: "third-party",
          message:
            "Certificate 'Long' (ID(WEBSRV)) is valid until 2030-01-01, but its issuing CA 'Short Root' (CERTAUTH) " +
            "expires on 2028-01-01; from then on partners cannot validate the chain.",
          fix: {
            summary:
              "Renew the CA certificate 'Short Root' before 2028-01-01 (re-using its key keeps the chain), or re-issue 'Long' from a CA that outlives it.",
            commands: [],
          },
          evidence: lines(leaf, root),
        },
      ],
      notEvaluated: [],
    });
  });

  it("one second before the leaf's end is earlier; a CA whose end is unknown is passed over for the next", () => {
    const root = aRoot("Root", { notAfter: "2029-12-31T23:59:59Z" });
    const ica = aCert("CERTAUTH", "Issuing CA", {
      subject: "CN=Issuing CA,O=Example,C=US",
      issuer: root.subject,
      keyUsage: ["CERTSIGN"],
      signer: { owner: "CERTAUTH", label: "Root" },
      notAfter: null,
    });
    const leaf = aCert("ID(WEBSRV)", "Leaf", {
      issuer: "CN=Issuing CA,O=Example,C=US",
      signer: { owner: "CERTAUTH", label: "Issuing CA" },
    });
    const model = healthySite()
      .cert(root, ica, leaf)
      .ring("WEBSRV", "R2", [[root], [ica], [leaf, { default: true }]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.message)).toEqual([
      "Certificate 'Leaf' (ID(WEBSRV)) is valid until 2030-01-01, but its issuing CA 'Root' (CERTAUTH) " +
        "expires on 2029-12-31; from then on partners cannot validate the chain.",
    ]);
  });

  it("not evaluated once per PERSONAL certificate, with its reason; CA-usage connections are not leaves", () => {
    const noEnd = aCert("ID(WEBSRV)", "NoEnd", { notAfter: null });
    const model = healthySite()
      .cert(noEnd)
      .ring("WEBSRV", "R2", [
        [noEnd],
        [aCert("ID(WEBSRV)", "Ghost")],
        [aCert("ID(WEBSRV)", "GhostCA"), { usage: "CERTAUTH" }],
      ])
      .ring("WEBSRV", "R3", [[noEnd]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "certificate ID(WEBSRV):NoEnd",
          reason: "the certificate's end date is not in the inputs",
        },
        { subject: "certificate ID(WEBSRV):Ghost", reason: "the certificate itself is not in the inputs" },
      ],
    });
  });
});
