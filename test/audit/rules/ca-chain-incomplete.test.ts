import { rule } from "../../../src/audit/rules/ca-chain-incomplete.js";
import { aCert, aRoot, healthySite } from "../builders.js";
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
