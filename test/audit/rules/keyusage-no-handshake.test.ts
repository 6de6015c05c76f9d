import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/keyusage-no-handshake.js";
import { aCert, healthySite } from "../builders.js";
import { connOf, exact, lines } from "../exact.js";
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

describe("keyusage-no-handshake: the whole finding", () => {
  it("lists the usages it has, names 440 and the re-issue", () => {
    const model = ringWith(["DATAENCRYPT", "DOCSIGN"]);
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "connection WEBSRV/R2:ID(WEBSRV):KU",
          ring: "WEBSRV/R2",
          severity: "error",
          confidence: "ibm",
          message:
            "Certificate 'KU' (ID(WEBSRV)) on WEBSRV/R2 is PERSONAL but its key usage is DATAENCRYPT, DOCSIGN without HANDSHAKE; " +
            'System SSL returns 440 "Incorrect key usage." when it is used for TLS.',
          fix: {
            summary:
              "Issue a new certificate with KEYUSAGE(HANDSHAKE) (GENREQ from this key, then GENCERT ... KEYUSAGE(HANDSHAKE)) and connect it in place of this one.",
            commands: [],
          },
          evidence: lines(connOf(model, "WEBSRV/R2", "KU"), model.certificate("ID(WEBSRV)", "KU")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("no key-usage extension (empty list) allows every use; CA-usage connections are not checked", () => {
    expect(exact(rule, { model: ringWith([]) })).toEqual({ findings: [], notEvaluated: [] });
    const ca = aCert("ID(WEBSRV)", "CaUse", { keyUsage: ["CERTSIGN"] });
    const model = healthySite()
      .cert(ca)
      .ring("WEBSRV", "R2", [[ca, { usage: "CERTAUTH" }]])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });

  it("not evaluated with its reason: usage unknown, or certificate unknown", () => {
    const c = aCert("ID(WEBSRV)", "NoKu", { keyUsage: null });
    const model = healthySite()
      .cert(c)
      .ring("WEBSRV", "R2", [[c], [aCert("ID(WEBSRV)", "Ghost")]])
      .build();
    expect(exact(rule, { model }).notEvaluated).toEqual([
      {
        subject: "connection WEBSRV/R2:ID(WEBSRV):NoKu",
        reason: "the certificate's key usage is not in the inputs",
      },
      {
        subject: "connection WEBSRV/R2:ID(WEBSRV):Ghost",
        reason: "the certificate itself is not in the inputs",
      },
    ]);
  });
});
