import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/ca-chain-incomplete.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

const ICA = "CN=Issuing CA,O=Example,C=US";

function intermediate() {
  return aCert("CERTAUTH", "Issuing CA", {
    subject: ICA,
    keyUsage: ["CERTSIGN"],
    signer: { owner: "CERTAUTH", label: "Test Root CA" },
  });
}

function leafOfIntermediate() {
  return aCert("ID(WEBSRV)", "Leaf", { issuer: ICA, signer: { owner: "CERTAUTH", label: "Issuing CA" } });
}

ruleTester(rule, {
  valid: [
    { name: "leaf and root on the ring", model: healthySite().build() },
    {
      name: "leaf, intermediate and root on the ring",
      model: healthySite()
        .cert(intermediate(), leafOfIntermediate())
        .ring("WEBSRV", "R2", [[aRoot()], [intermediate()], [leafOfIntermediate(), { default: true }]])
        .build(),
    },
    {
      name: "issuer DN in another spelling (RACF dots, other case) still matches",
      model: (() => {
        const leaf = aCert("ID(WEBSRV)", "Dots", { issuer: "CN=test root ca.O=Example.C=US", signer: null });
        return healthySite()
          .cert(leaf)
          .ring("WEBSRV", "R3", [[aRoot()], [leaf]])
          .build();
      })(),
    },
    {
      name: "DNs unknown: not evaluated",
      model: (() => {
        const leaf = aCert("ID(WEBSRV)", "NoDn", { issuer: null, subject: null, selfSigned: null });
        return healthySite()
          .cert(leaf)
          .ring("WEBSRV", "R4", [[leaf]])
          .build();
      })(),
      notEvaluated: [/DN of 'NoDn' is not in the inputs/],
    },
    {
      name: "LISTRING without LIST: an undescribed certificate on the ring may be the issuer",
      model: (() => {
        const leaf = aCert("ID(WEBSRV)", "Leaf2", { signer: null, issuer: "CN=Elsewhere CA,C=US" });
        const ring = healthySite()
          .cert(leaf)
          .ring("WEBSRV", "R6", [[leaf], [aRoot("Not Listed CA")]]);
        return ring.build();
      })(),
      notEvaluated: [/'Not Listed CA' on the ring is not described by the inputs/],
    },
  ],
  invalid: [
    {
      name: "root in RACF but not connected: fix connects it (LISTCHAIN finds it under CERTAUTH)",
      model: (() => {
        const leaf = aCert("ID(WEBSRV)", "Lonely", { signer: null });
        return healthySite()
          .cert(leaf)
          .ring("WEBSRV", "R2", [[leaf, { default: true }]])
          .build();
      })(),
      findings: [
        {
          kind: "connection",
          id: "WEBSRV/R2:ID(WEBSRV):Lonely",
          message: /is in RACF as 'Test Root CA' \(CERTAUTH\) but not connected/,
          commands: [
            /^RACDCERT ID\(WEBSRV\) CONNECT\(CERTAUTH LABEL\('Test Root CA'\) RING\('R2'\) USAGE\(CERTAUTH\)\)$/,
            /DIGTRING/,
          ],
        },
      ],
    },
    {
      name: "intermediate missing from the ring, reported once for leaf and ring",
      model: healthySite()
        .cert(intermediate(), leafOfIntermediate())
        .ring("WEBSRV", "R2", [[aRoot()], [leafOfIntermediate(), { default: true }]])
        .build(),
      findings: [{ kind: "connection", id: "WEBSRV/R2:ID(WEBSRV):Leaf", message: /Issuing CA/ }],
    },
    {
      name: "issuer nowhere in the inputs",
      model: (() => {
        const leaf = aCert("ID(WEBSRV)", "Public", { issuer: "CN=Some Public CA,C=US", signer: null });
        return healthySite()
          .cert(leaf)
          .ring("WEBSRV", "R5", [[leaf]])
          .build();
      })(),
      findings: [
        { kind: "connection", id: "WEBSRV/R5:ID(WEBSRV):Public", message: /not in the RACF inputs/ },
      ],
    },
  ],
});

describe("ca-chain-incomplete: the whole finding", () => {
  const ROOT = "CN=Test Root CA,O=Example,C=US";

  it("the root in RACF but not on the ring: CONNECT it as CERTAUTH", () => {
    const leaf = aCert("ID(WEBSRV)", "Lonely", { signer: null });
    const model = healthySite()
      .cert(leaf)
      .ring("WEBSRV", "R2", [[leaf, { default: true }]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "connection WEBSRV/R2:ID(WEBSRV):Lonely",
          ring: "WEBSRV/R2",
          severity: "warning",
          confidence: "ibm",
          message: `The chain of 'Lonely' (ID(WEBSRV)) on WEBSRV/R2 is incomplete: the issuer of 'Lonely', ${ROOT}, is in RACF as 'Test Root CA' (CERTAUTH) but not connected to the ring.`,
          fix: {
            summary: "Connect the issuer 'Test Root CA' to the ring with USAGE(CERTAUTH).",
            commands: [
              "RACDCERT ID(WEBSRV) CONNECT(CERTAUTH LABEL('Test Root CA') RING('R2') USAGE(CERTAUTH))",
              "SETROPTS RACLIST(DIGTRING) REFRESH",
            ],
          },
          evidence: lines(
            connOf(model, "WEBSRV/R2", "Lonely"),
            leaf,
            model.certificate("CERTAUTH", "Test Root CA"),
          ),
        },
      ],
      notEvaluated: [],
    });
  });

  it("a NOTRUST issuer in RACF: trust it first if genuine, no command", () => {
    const bad = aRoot("Bad Root", { status: "NOTRUST" });
    const leaf = aCert("ID(WEBSRV)", "Leaf", {
      issuer: bad.subject,
      signer: { owner: "CERTAUTH", label: "Bad Root" },
    });
    const model = healthySite()
      .cert(bad, leaf)
      .ring("WEBSRV", "R2", [[leaf]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.message, f.fix])).toEqual([
      [
        "The chain of 'Leaf' (ID(WEBSRV)) on WEBSRV/R2 is incomplete: the issuer of 'Leaf', CN=Bad Root,O=Example,C=US, is in RACF as 'Bad Root' (CERTAUTH, NOTRUST) but not connected to the ring.",
        {
          summary:
            "Mark the issuer 'Bad Root' TRUST if it is genuine, then connect it to the ring with USAGE(CERTAUTH).",
          commands: [],
        },
      ],
    ]);
  });

  it("an issuer nowhere in the inputs: obtain and ADD it", () => {
    const leaf = aCert("ID(WEBSRV)", "Public", { issuer: "CN=Some Public CA,C=US", signer: null });
    const model = healthySite()
      .cert(leaf)
      .ring("WEBSRV", "R5", [[leaf]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.message, f.fix, f.evidence])).toEqual([
      [
        "The chain of 'Public' (ID(WEBSRV)) on WEBSRV/R5 is incomplete: the issuer of 'Public', CN=Some Public CA,C=US, is not connected to the ring and not in the RACF inputs.",
        {
          summary:
            "Obtain the CA certificate CN=Some Public CA,C=US, RACDCERT CERTAUTH ADD it with TRUST, and connect it to the ring with USAGE(CERTAUTH).",
          commands: [],
        },
        lines(connOf(model, "WEBSRV/R5", "Public"), leaf),
      ],
    ]);
  });

  it("the chain is followed through the ring: an intermediate on it, its root missing; once per ring, again on another", () => {
    const ica = aCert("CERTAUTH", "Issuing CA", {
      subject: "CN=Issuing CA,O=Example,C=US",
      keyUsage: ["CERTSIGN"],
      signer: { owner: "CERTAUTH", label: "Test Root CA" },
    });
    const leaf = (label: string) =>
      aCert("ID(WEBSRV)", label, {
        issuer: "CN=Issuing CA,O=Example,C=US",
        signer: { owner: "CERTAUTH", label: "Issuing CA" },
      });
    const a = leaf("A");
    const b = leaf("B");
    const model = healthySite()
      .cert(ica, a, b)
      .ring("WEBSRV", "R2", [[a], [ica], [b]])
      .ring("WEBSRV", "R3", [[b], [ica]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.subject, f.message])).toEqual([
      [
        "connection WEBSRV/R2:ID(WEBSRV):A",
        `The chain of 'A' (ID(WEBSRV)) on WEBSRV/R2 is incomplete: the issuer of 'Issuing CA', ${ROOT}, is in RACF as 'Test Root CA' (CERTAUTH) but not connected to the ring.`,
      ],
      [
        "connection WEBSRV/R3:ID(WEBSRV):B",
        `The chain of 'B' (ID(WEBSRV)) on WEBSRV/R3 is incomplete: the issuer of 'Issuing CA', ${ROOT}, is in RACF as 'Test Root CA' (CERTAUTH) but not connected to the ring.`,
      ],
    ]);
  });

  it("a NOTRUST connection is not followed (cert-notrust-on-ring reports it)", () => {
    const leaf = aCert("ID(WEBSRV)", "Ignored", {
      status: "NOTRUST",
      issuer: "CN=Nowhere,C=US",
      signer: null,
    });
    const model = healthySite()
      .cert(leaf)
      .ring("WEBSRV", "R2", [[leaf]])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });

  it("not evaluated: the certificate unknown; several undescribed certificates on the ring", () => {
    const leaf = aCert("ID(WEBSRV)", "Leaf2", { signer: null, issuer: "CN=Elsewhere CA,C=US" });
    const model = healthySite()
      .cert(leaf)
      .ring("WEBSRV", "R6", [[leaf], [aRoot("Not Listed CA")], [aRoot("Nor This")]])
      .build();
    expect(exact(rule, { model }).notEvaluated).toEqual([
      {
        subject: "connection WEBSRV/R6:ID(WEBSRV):Leaf2",
        reason:
          "the issuer CN=Elsewhere CA,C=US is not among the ring's known certificates, and 'Not Listed CA', 'Nor This' on the ring are not described by the inputs",
      },
      {
        subject: "connection WEBSRV/R6:CERTAUTH:Not Listed CA",
        reason: "the certificate itself is not in the inputs",
      },
      {
        subject: "connection WEBSRV/R6:CERTAUTH:Nor This",
        reason: "the certificate itself is not in the inputs",
      },
    ]);
  });
});

describe("ca-chain-incomplete: chains that do not end at a root", () => {
  it("two CA certificates that name each other as issuer: the walk stops, nothing is reported", () => {
    const a = aCert("CERTAUTH", "Loop A", {
      subject: "CN=Loop A,C=US",
      issuer: "CN=Loop B,C=US",
      signer: null,
      selfSigned: false,
    });
    const b = aCert("CERTAUTH", "Loop B", {
      subject: "CN=Loop B,C=US",
      issuer: "CN=Loop A,C=US",
      signer: null,
      selfSigned: false,
    });
    const model = healthySite()
      .cert(a, b)
      .ring("WEBSRV", "R2", [[a], [b]])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });

  it("known not to be self-signed, issuer DN unknown: not evaluated", () => {
    const leaf = aCert("ID(WEBSRV)", "NoIssuer", { issuer: null, selfSigned: false });
    const model = healthySite()
      .cert(leaf)
      .ring("WEBSRV", "R2", [[leaf]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "connection WEBSRV/R2:ID(WEBSRV):NoIssuer",
          reason: "the subject or issuer DN of 'NoIssuer' is not in the inputs",
        },
      ],
    });
  });

  it("self-issued but not self-signed (a CA's new key under its old name): its issuer is looked for, not itself", () => {
    const renewed = aCert("CERTAUTH", "Renewed CA", {
      subject: "CN=Renewed CA,C=US",
      issuer: "CN=Renewed CA,C=US",
      signer: null,
      selfSigned: false,
    });
    const model = healthySite()
      .cert(renewed)
      .ring("WEBSRV", "R2", [[renewed]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.message)).toEqual([
      "The chain of 'Renewed CA' (CERTAUTH) on WEBSRV/R2 is incomplete: the issuer of 'Renewed CA', CN=Renewed CA,C=US, is not connected to the ring and not in the RACF inputs.",
    ]);
  });
});

describe("ca-chain-incomplete: a certificate whose own subject is unknown", () => {
  it("may be a root itself: not evaluated, even with its issuer on the ring", () => {
    const leaf = aCert("ID(WEBSRV)", "NoSubject", { subject: null, selfSigned: null, signer: null });
    const model = healthySite()
      .cert(leaf)
      .ring("WEBSRV", "R2", [[aRoot()], [leaf]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "connection WEBSRV/R2:ID(WEBSRV):NoSubject",
          reason: "the subject or issuer DN of 'NoSubject' is not in the inputs",
        },
      ],
    });
  });
});
