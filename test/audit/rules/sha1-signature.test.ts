import { rule } from "../../../src/audit/rules/sha1-signature.js";
import { aCert, aRoot, healthySite } from "../builders.js";
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
