import { rule } from "../../../src/audit/rules/server-cert-no-san.js";
import { aCert, app, healthySite, src } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

function ringWith(over: Parameters<typeof aCert>[2]) {
  const c = aCert("ID(WEBSRV)", "Srv", over);
  return healthySite()
    .cert(c)
    .ring("WEBSRV", "R2", [[c, { default: true }]]);
}

ruleTester(rule, {
  valid: [
    {
      name: "GENCERT with ALTNAME(DOMAIN)",
      model: ringWith({ altNames: [{ type: "DNS", value: "web.example.com" }] }).build(),
    },
    {
      name: "client role: no SAN needed",
      model: ringWith({ altNames: [] }).build(),
      apps: [app("WEBSRV", "WEBSRV", "R2", { role: "client" })],
    },
    {
      name: "unload: SANs are not in the inputs, not evaluated",
      model: ringWith({ altNames: [], sources: [{ file: "u.txt", line: 3, kind: "unload" }] }).build(),
      notEvaluated: [/do not show the certificate's subject alternative names/],
    },
  ],
  invalid: [
    {
      name: "only an EMAIL alternative name",
      model: ringWith({ altNames: [{ type: "EMAIL", value: "a@example.com" }] }).build(),
      findings: [{ kind: "connection", id: "WEBSRV/R2:ID(WEBSRV):Srv" }],
    },
    {
      name: "GENCERT without ALTNAME, the ring's default",
      model: ringWith({ altNames: [], sources: [src(40)] }).build(),
      findings: [
        {
          kind: "connection",
          id: "WEBSRV/R2:ID(WEBSRV):Srv",
          message: /no DNS or IP subject alternative name/,
        },
      ],
    },
  ],
});
