import { rule } from "../../../src/audit/rules/intermediate-expires-first.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [{ name: "root outlives the server certificate", model: healthySite().build() }],
  invalid: [
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
