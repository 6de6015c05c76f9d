import { rule } from "../../../src/audit/rules/ecc-signed-by-rsa.js";
import { aCert, aRoot, healthySite } from "../builders.js";
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
