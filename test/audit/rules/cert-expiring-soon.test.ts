import { rule } from "../../../src/audit/rules/cert-expiring-soon.js";
import { aCert, healthySite } from "../builders.js";
import { ruleTester } from "../rule-tester.js";

function withEnd(end: string) {
  const c = aCert("ID(WEBSRV)", "Soon", { notAfter: end });
  return healthySite()
    .cert(c)
    .ring("WEBSRV", "R2", [[c, { default: true }]])
    .build();
}

ruleTester(rule, {
  valid: [
    { name: "far from expiry", model: healthySite().build() },
    { name: "31 days away with the default 30", model: withEnd("2026-07-02T00:00:00Z") },
    { name: "already expired is cert-expired's business", model: withEnd("2026-05-01T00:00:00Z") },
  ],
  invalid: [
    {
      name: "10 days away",
      model: withEnd("2026-06-11T00:00:00Z"),
      findings: [{ kind: "certificate", id: "ID(WEBSRV):Soon", message: /in 10 days/ }],
    },
    {
      name: "--expiry-days 90 widens the window",
      model: withEnd("2026-08-01T00:00:00Z"),
      expiryDays: 90,
      findings: [{ kind: "certificate", id: "ID(WEBSRV):Soon", message: /2026-08-01, in 61 days/ }],
    },
  ],
});
