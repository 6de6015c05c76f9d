import { rule } from "../../../src/audit/rules/weak-key.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

function ringWith(
  keyType: "RSA" | "NISTECC" | "BPECC" | "DSA",
  keySize: number,
  usage: "PERSONAL" | "CERTAUTH" = "PERSONAL",
) {
  const c =
    usage === "PERSONAL" ? aCert("ID(WEBSRV)", "K", { keyType, keySize }) : aRoot("K", { keyType, keySize });
  return healthySite()
    .cert(c)
    .ring("WEBSRV", "R2", [[c, { usage }]])
    .build();
}

ruleTester(rule, {
  valid: [
    { name: "RSA 2048", model: healthySite().build() },
    { name: "P-256", model: ringWith("NISTECC", 256) },
    { name: "P-521 CA (not presented as a server key)", model: ringWith("NISTECC", 521, "CERTAUTH") },
    {
      name: "unload: algorithm unknown but 2048 bits cannot be weak",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "U", { keyType: null, keySize: 2048 });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c]])
          .build();
      })(),
    },
    {
      name: "unload: algorithm unknown and an ECC-sized key: not evaluated",
      model: (() => {
        const c = aCert("ID(WEBSRV)", "U", { keyType: null, keySize: 256 });
        return healthySite()
          .cert(c)
          .ring("WEBSRV", "R2", [[c]])
          .build();
      })(),
      notEvaluated: [/size fits an ECC curve/],
    },
  ],
  invalid: [
    {
      name: "site defect 3: RSA 1024 client certificate",
      model: ringWith("RSA", 1024),
      findings: [{ kind: "certificate", id: "ID(WEBSRV):K", message: /1024-bit RSA/ }],
    },
    {
      name: "field case 9: P-521 server certificate",
      model: ringWith("NISTECC", 521),
      findings: [{ kind: "certificate", id: "ID(WEBSRV):K", message: /P-521/ }],
    },
  ],
});
