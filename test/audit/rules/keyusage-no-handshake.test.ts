import { rule } from "../../../src/audit/rules/keyusage-no-handshake.js";
import { aCert, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

function ringWith(usage: ("HANDSHAKE" | "DATAENCRYPT" | "DOCSIGN" | "CERTSIGN")[] | null) {
  const c = aCert("ID(WEBSRV)", "KU", { keyUsage: usage });
  return healthySite()
    .cert(c)
    .ring("WEBSRV", "R2", [[c, { default: true }]])
    .build();
}

ruleTester(rule, {
  valid: [
    { name: "HANDSHAKE present", model: healthySite().build() },
    { name: "no key usage extension at all", model: ringWith([]) },
    {
      name: "key usage unknown: not evaluated",
      model: ringWith(null),
      notEvaluated: [/key usage is not in the inputs/],
    },
  ],
  invalid: [
    {
      name: "DOCSIGN only",
      model: ringWith(["DOCSIGN"]),
      findings: [
        { kind: "connection", id: "WEBSRV/R2:ID(WEBSRV):KU", message: /DOCSIGN without HANDSHAKE.*440/ },
      ],
    },
  ],
});
