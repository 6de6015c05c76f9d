import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/weak-key.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { exact, lines } from "../exact.js";
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

describe("weak-key: the whole finding, at each size boundary", () => {
  const reRsa =
    "Re-create it with RSA SIZE(2048) or larger (or NISTECC SIZE(256)) and connect the new certificate in its place.";
  const messages = (model: ReturnType<typeof ringWith>) =>
    exact(rule, { model }).findings.map((f) => f.message);

  it("RSA 2047 is weak, 2048 is not; the finding in full", () => {
    const model = ringWith("RSA", 2047);
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "certificate ID(WEBSRV):K",
          ring: "WEBSRV/R2",
          severity: "warning",
          confidence: "third-party",
          message:
            "Certificate 'K' (ID(WEBSRV)) on WEBSRV/R2 has a 2047-bit RSA key; clients require at least 2048 bits.",
          fix: { summary: reRsa, commands: [] },
          evidence: lines(model.certificate("ID(WEBSRV)", "K")),
        },
      ],
      notEvaluated: [],
    });
    expect(messages(ringWith("RSA", 2048))).toEqual([]);
  });

  it("DSA below 2048; ECC below 256 (NIST and Brainpool), 256 is enough", () => {
    expect(messages(ringWith("DSA", 1024))).toEqual([
      "Certificate 'K' (ID(WEBSRV)) on WEBSRV/R2 has a 1024-bit DSA key; clients require at least 2048 bits.",
    ]);
    expect(messages(ringWith("DSA", 2048))).toEqual([]);
    expect(messages(ringWith("BPECC", 224))).toEqual([
      "Certificate 'K' (ID(WEBSRV)) on WEBSRV/R2 has a 224-bit BPECC key; at least 256 bits are expected.",
    ]);
    expect(messages(ringWith("NISTECC", 255))).toEqual([
      "Certificate 'K' (ID(WEBSRV)) on WEBSRV/R2 has a 255-bit NISTECC key; at least 256 bits are expected.",
    ]);
    expect(messages(ringWith("NISTECC", 256))).toEqual([]);
    expect(messages(ringWith("BPECC", 256))).toEqual([]);
  });

  it("P-521 presented as a server key: its own message and fix; Brainpool 512 and a P-521 CA are fine", () => {
    expect(
      exact(rule, { model: ringWith("NISTECC", 521) }).findings.map((f) => [f.message, f.fix?.summary]),
    ).toEqual([
      [
        "Certificate 'K' (ID(WEBSRV)) on WEBSRV/R2 has a P-521 key (NISTECC SIZE(521)); browsers (Chrome, Firefox) do not support it for ECDSA, so browser-facing handshakes fail.",
        "Re-create it with NISTECC SIZE(256) or SIZE(384) and connect the new certificate in its place.",
      ],
    ]);
    expect(messages(ringWith("BPECC", 512))).toEqual([]);
    // another certificate PERSONAL on the same ring does not make the CA a server key
    const ca = aRoot("P521 CA", { keyType: "NISTECC", keySize: 521 });
    const model = healthySite()
      .cert(ca)
      .ring("WEBSRV", "R2", [[ca], [aCert("ID(WEBSRV)", "Web Server"), { default: true }]])
      .build();
    expect(messages(model)).toEqual([]);
  });

  it("algorithm unknown (unloads): every ECC size is not evaluated, other sizes below 2048 are weak", () => {
    const unknown = (keySize: number) => {
      const c = aCert("ID(WEBSRV)", `U${keySize}`, { keyType: null, keySize });
      return healthySite()
        .cert(c)
        .ring("WEBSRV", "R2", [[c]])
        .build();
    };
    for (const size of [160, 192, 224, 256, 320, 384, 512, 521]) {
      expect(exact(rule, { model: unknown(size) }), String(size)).toEqual({
        findings: [],
        notEvaluated: [
          {
            subject: `certificate ID(WEBSRV):U${size}`,
            reason: "the key's algorithm is not in the inputs and its size fits an ECC curve",
          },
        ],
      });
    }
    expect(exact(rule, { model: unknown(1024) }).findings.map((f) => [f.message, f.fix?.summary])).toEqual([
      [
        "Certificate 'U1024' (ID(WEBSRV)) on WEBSRV/R2 has a 1024-bit key (an RSA or DSA size); clients require at least 2048 bits.",
        reRsa,
      ],
    ]);
    expect(exact(rule, { model: unknown(2047) }).findings.length).toBe(1);
    expect(exact(rule, { model: unknown(2048) })).toEqual({ findings: [], notEvaluated: [] });
  });

  it("size unknown: not evaluated; a certificate on no ring: not looked at", () => {
    const c = aCert("ID(WEBSRV)", "NoSize", { keySize: null });
    const model = healthySite()
      .cert(c, aCert("ID(WEBSRV)", "Loose", { keySize: 512 }))
      .ring("WEBSRV", "R2", [[c]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "certificate ID(WEBSRV):NoSize",
          reason: "the certificate's key size is not in the inputs",
        },
      ],
    });
  });
});

describe("weak-key: a P-521 key counts as a server key where any ring holds that very certificate PERSONAL", () => {
  const p521 = (label: string) => aRoot(label, { keyType: "NISTECC", keySize: 521 });

  it("PERSONAL on one ring among others, beside other certificates: reported", () => {
    const ca = p521("P521 Server");
    const model = healthySite()
      .cert(ca)
      .ring("WEBSRV", "R2", [[ca]])
      .ring("WEBSRV", "R3", [[aRoot()], [ca, { usage: "PERSONAL" }]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.ring, f.message])).toEqual([
      [
        "WEBSRV/R2",
        "Certificate 'P521 Server' (CERTAUTH) on WEBSRV/R2, WEBSRV/R3 has a P-521 key (NISTECC SIZE(521)); browsers (Chrome, Firefox) do not support it for ECDSA, so browser-facing handshakes fail.",
      ],
    ]);
  });

  it("another certificate of the same owner, or with the same label, PERSONAL on its ring: not reported", () => {
    const ca = p521("P521 CA");
    const model = healthySite()
      .cert(ca)
      .ring("WEBSRV", "R2", [
        [ca],
        [aRoot("Other CA"), { usage: "PERSONAL" }],
        [aCert("ID(WEBSRV)", "P521 CA"), { usage: "PERSONAL" }],
      ])
      .build();
    expect(exact(rule, { model }).findings).toEqual([]);
  });
});

describe("weak-key: the P-521 fix only for a P-521 key", () => {
  it("a small NIST key and a 521-bit RSA key get the general fix", () => {
    expect(exact(rule, { model: ringWith("NISTECC", 255) }).findings.map((f) => f.fix?.summary)).toEqual([
      "Re-create it with RSA SIZE(2048) or larger (or NISTECC SIZE(256)) and connect the new certificate in its place.",
    ]);
    expect(
      exact(rule, { model: ringWith("RSA", 521) }).findings.map((f) => [f.message, f.fix?.summary]),
    ).toEqual([
      [
        "Certificate 'K' (ID(WEBSRV)) on WEBSRV/R2 has a 521-bit RSA key; clients require at least 2048 bits.",
        "Re-create it with RSA SIZE(2048) or larger (or NISTECC SIZE(256)) and connect the new certificate in its place.",
      ],
    ]);
  });
});
