/**
 * The negotiate step (rules §4, field case 8): protocols, cipher suites, the server key against
 * the suites, and the partner's signature algorithms → 402, 434, 467. Each case states the
 * step's sentence, verdict, evidence and confidence, the return code and the fix.
 */
import { describe, expect, it } from "vitest";
import { R } from "../../src/sim/checks/rules.js";
import type { SimRequest, SimResult } from "../../src/sim/simulate.js";
import type { PolicyOrigin } from "../../src/sim/types.js";
import { BASE, deck, run, serverCert } from "./builders.js";

const site = (cert = serverCert("START1", "MQ Server")) => `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
  ${cert}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)
  RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING(MqRing) USAGE(CERTAUTH))
`;
function sim(req: Partial<SimRequest>, cert?: string): SimResult {
  return run(deck(site(cert)), { user: "START1", ring: { owner: "START1", name: "MqRing" }, ...req });
}
function negStep(r: SimResult) {
  const s = r.steps.find((x) => x.id === "negotiate");
  if (!s) throw new Error(`no negotiate step; steps: ${r.steps.map((x) => x.id).join(", ")}`);
  return { ...s, evidence: s.evidence.map((e) => `${e.file}:${e.line}`) };
}
const POLICY: PolicyOrigin = {
  file: "pagent.conf",
  rule: "R1",
  keyring: null,
  label: null,
  role: null,
  clientAuth: null,
  protocols: { file: "pagent.conf", line: 12, kind: "policy" },
  protocolLines: [{ file: "pagent.conf", line: 13, kind: "policy" }],
  ciphers: { file: "pagent.conf", line: 20, kind: "policy" },
  defaultedProtocols: ["TLSv1.3"],
};
const TITLE = "Protocol and cipher agreement";
const RESTART =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";
const POLICY_REFRESH =
  "Running AT-TLS environments keep the ring they read at initialisation: refresh the policy (F PAGENT,REFRESH — use your Policy Agent's procedure name) or restart the application so the ring is read again (rules §6, field case 1).";
const C02F = "C02F TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
const DEFAULT_SUITES = "Cipher suites: System SSL defaults (assumed to cover every protocol enabled).";
const fix = (summary: string, notes = [RESTART]) => ({ summary, commands: [], notes });

describe("negotiate: settings that agree", () => {
  it("no settings given: not evaluated, open", () => {
    const r = sim({});
    expect(negStep(r)).toEqual({
      id: "negotiate",
      ok: null,
      verdict: "unknown",
      missing: ["protocol and cipher settings (--tls, --ciphers or --policy)"],
      title: TITLE,
      detail:
        "No protocol or cipher settings given (--tls / --ciphers / a policy): System SSL defaults apply; not evaluated.",
      evidence: [],
      source: R.negotiate,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
  });

  it("TLSv1.2 with C02F and an RSA key: passes, counts the suites that fit the key", () => {
    const r = sim({ protocols: ["TLSv1.2"], ciphers: ["C02F"] });
    expect(negStep(r)).toEqual({
      id: "negotiate",
      ok: true,
      verdict: "pass",
      title: TITLE,
      detail: `Protocols enabled: TLSv1.2. Cipher suites: ${C02F}. Server key RSA: 1 of 1 usable suites fit it. A common protocol and suite exist on this side.`,
      evidence: [],
      source: R.negotiate,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
  });

  it("from a policy: its protocol and cipher lines are the evidence, unknown suites are named, defaulted protocols assumed", () => {
    const r = sim({ protocols: ["TLSv1.2"], ciphers: ["C02F", "ZZZZ"], policy: POLICY });
    expect(negStep(r).detail).toBe(
      `Protocols enabled: TLSv1.2. Cipher suites: ${C02F}; not recognised (ignored): ZZZZ. Server key RSA: 1 of 1 usable suites fit it. A common protocol and suite exist on this side.`,
    );
    expect(negStep(r).evidence).toEqual(["pagent.conf:12", "pagent.conf:13", "pagent.conf:20"]);
    expect(r.assumptions).toContain(
      "AT-TLS protocol defaults assumed for TLSv1.3 (z/OS V2R1: TLSv1 and TLSv1.1 On, TLSv1.2 Off, TLSv1.3 Off unless the policy says otherwise; check your release)",
    );
  });

  it("protocols without a cipher list: System SSL's defaults assumed to cover them", () => {
    expect(negStep(sim({ protocols: ["TLSv1.2"] })).detail).toBe(
      `Protocols enabled: TLSv1.2. ${DEFAULT_SUITES} A common protocol and suite exist on this side.`,
    );
  });

  it("the partner accepts the certificate's signature algorithm (any case): passes and says so", () => {
    const r = sim({ peerSignatureAlgorithms: ["SHA256RSA"] });
    expect(negStep(r).detail).toBe(
      `${DEFAULT_SUITES} Partner accepts signature algorithms SHA256RSA; 'MQ Server' is signed sha256RSA. A common protocol and suite exist on this side.`,
    );
    expect(r.rc).toBe(0);
  });

  it("a client not asked for a certificate: the partner's signature algorithms do not matter", () => {
    const r = sim({ role: "client", peerSignatureAlgorithms: ["sha384ECDSA"] });
    expect(negStep(r).detail).toBe(`${DEFAULT_SUITES} A common protocol and suite exist on this side.`);
    expect(r.rc).toBe(0);
    // Asked for one (client authentication), it does.
    expect(sim({ role: "client", clientAuth: "required", peerSignatureAlgorithms: ["sha384ECDSA"] }).rc).toBe(
      467,
    );
  });
});

describe("negotiate: settings that cannot agree", () => {
  it("no protocol enabled: 402 UNCONFIRMED, enable TLSv1.2", () => {
    const r = sim({ protocols: [], ciphers: ["C02F"] });
    expect(negStep(r)).toEqual({
      id: "negotiate",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `Protocols enabled: none. Cipher suites: ${C02F}. No protocol version is enabled.`,
      evidence: [],
      source: R.negotiate,
      confidence: "unconfirmed",
    });
    expect(r.rc).toBe(402);
    expect(r.confidence).toBe("unconfirmed");
    expect(r.fix).toEqual(fix("Enable TLSv1.2 (TTLSEnvironmentAdvancedParms: TLSv1.2 On)."));
  });

  it("no protocol enabled in a policy: the fix points at the policy line and refreshes the policy", () => {
    const r = sim({ protocols: [], ciphers: ["C02F"], policy: POLICY });
    expect(r.fix).toEqual(
      fix("Enable TLSv1.2 (TTLSEnvironmentAdvancedParms: TLSv1.2 On (pagent.conf:12)).", [POLICY_REFRESH]),
    );
  });

  it("no recognised suite: 402 IBM", () => {
    const r = sim({ protocols: ["TLSv1.2"], ciphers: ["ZZZZ"] });
    expect(negStep(r).detail).toBe(
      "Protocols enabled: TLSv1.2. Cipher suites: none; not recognised (ignored): ZZZZ. No usable cipher suite is configured.",
    );
    expect(negStep(r).confidence).toBe("ibm");
    expect(r.rc).toBe(402);
    expect(r.fix).toEqual(
      fix("Configure valid cipher suites, e.g. V3CipherSuites4Char C02FC030009C009D13011302."),
    );
    const inPolicy = sim({ protocols: ["TLSv1.2"], ciphers: ["ZZZZ"], policy: POLICY });
    expect(inPolicy.fix?.summary).toBe(
      "Configure valid cipher suites, e.g. V3CipherSuites4Char C02FC030009C009D13011302 (pagent.conf:20).",
    );
  });

  it("TLSv1.3 on without a 13xx suite: 402 third-party (field case 8)", () => {
    const r = sim({ protocols: ["TLSv1.2", "TLSv1.3"], ciphers: ["C02F"] });
    expect(negStep(r).detail).toBe(
      `Protocols enabled: TLSv1.2, TLSv1.3. Cipher suites: ${C02F}. TLSv1.3 is enabled but none of the TLS 1.3 suites (1301 TLS_AES_128_GCM_SHA256, 1302 TLS_AES_256_GCM_SHA384, 1303 TLS_CHACHA20_POLY1305_SHA256) is in the list: System SSL reports no cipher specs for TLS V1.3 (field case 8).`,
    );
    expect(negStep(r).confidence).toBe("third-party");
    expect(r.rc).toBe(402);
    expect(r.confidence).toBe("third-party");
    expect(r.fix).toEqual(
      fix(
        "Add TLS 1.3 suites to the cipher list (V3CipherSuites TLS_AES_128_GCM_SHA256 and TLS_AES_256_GCM_SHA384), or set TLSv1.3 Off.",
      ),
    );
    expect(sim({ protocols: ["TLSv1.2", "TLSv1.3"], ciphers: ["C02F"], policy: POLICY }).fix?.summary).toBe(
      "Add TLS 1.3 suites to the cipher list (V3CipherSuites TLS_AES_128_GCM_SHA256 and TLS_AES_256_GCM_SHA384) (pagent.conf:20), or set TLSv1.3 Off (pagent.conf:12).",
    );
  });

  it("TLSv1.3 on with a 13xx suite: passes", () => {
    expect(sim({ protocols: ["TLSv1.2", "TLSv1.3"], ciphers: ["C02F", "1301"] }).rc).toBe(0);
  });

  it("GCM suites with TLSv1.1 only: 402 IBM, enable TLSv1.2", () => {
    const r = sim({ protocols: ["TLSv1.1"], ciphers: ["C02F"] });
    expect(negStep(r).detail).toBe(
      `Protocols enabled: TLSv1.1. Cipher suites: ${C02F}. None of the suites can be used with TLSv1.1 (GCM and SHA-256/384 suites need TLSv1.2; 13xx suites need TLSv1.3).`,
    );
    expect(r.rc).toBe(402);
    expect(r.confidence).toBe("ibm");
    expect(r.fix).toEqual(
      fix("Enable TLSv1.2 (AT-TLS V2R1 leaves it Off by default), or add suites for the enabled protocols."),
    );
  });

  it("an RSA key with ECDSA suites only: 434 third-party, RSA suites proposed", () => {
    const r = sim({ protocols: ["TLSv1.2"], ciphers: ["C02B"] });
    expect(negStep(r).detail).toBe(
      "Protocols enabled: TLSv1.2. Cipher suites: C02B TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256. Server key RSA: 0 of 1 usable suites fit it. The server certificate's RSA key cannot be used with any of them (only ECDSA/DSS suites).",
    );
    expect(negStep(r).confidence).toBe("third-party");
    expect(r.rc).toBe(434);
    expect(r.confidence).toBe("third-party");
    expect(r.fix).toEqual(
      fix(
        "Add suites for an RSA key (C02F TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, C030 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, 009C TLS_RSA_WITH_AES_128_GCM_SHA256), or use a certificate whose key type fits the suites.",
      ),
    );
  });

  it("an ECC key with RSA suites only: 434, ECDSA suites proposed, the key size named", () => {
    const r = sim(
      { protocols: ["TLSv1.2"], ciphers: ["C02F"] },
      serverCert("START1", "MQ Server", "NISTECC SIZE(256)"),
    );
    expect(negStep(r).detail).toBe(
      `Protocols enabled: TLSv1.2. Cipher suites: ${C02F}. Server key NISTECC 256: 0 of 1 usable suites fit it. The server certificate's NISTECC key cannot be used with any of them (only RSA suites).`,
    );
    expect(r.rc).toBe(434);
    expect(r.fix?.summary).toBe(
      "Add suites for a NISTECC key (C02B TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, C02C TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, C009 TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA), or use a certificate whose key type fits the suites.",
    );
  });

  it("a DSA key with RSA suites only: 434, DSS suites proposed", () => {
    const r = sim(
      { protocols: ["TLSv1.2"], ciphers: ["C02F"] },
      serverCert("START1", "MQ Server", "DSA SIZE(2048)"),
    );
    expect(r.rc).toBe(434);
    expect(r.fix?.summary).toBe(
      "Add suites for a DSA key (00A2 TLS_DHE_DSS_WITH_AES_128_GCM_SHA256, 0032 TLS_DHE_DSS_WITH_AES_128_CBC_SHA), or use a certificate whose key type fits the suites.",
    );
  });

  it("a client's key is not matched against the suites (the server's key decides)", () => {
    const r = sim({ role: "client", protocols: ["TLSv1.2"], ciphers: ["C02B"] });
    expect(negStep(r).detail).toBe(
      "Protocols enabled: TLSv1.2. Cipher suites: C02B TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256. A common protocol and suite exist on this side.",
    );
  });

  it("the partner does not accept the certificate's signature algorithm: 467 IBM, re-issue it", () => {
    const r = sim({ peerSignatureAlgorithms: ["sha384ECDSA"] });
    expect(negStep(r)).toEqual({
      id: "negotiate",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `${DEFAULT_SUITES} Partner accepts signature algorithms sha384ECDSA; 'MQ Server' is signed sha256RSA. The local certificate's signature algorithm is not in the partner's list.`,
      evidence: [],
      source: R.negotiate,
      confidence: "ibm",
    });
    expect(r.rc).toBe(467);
    expect(r.fix).toEqual(
      fix(
        "Re-issue 'MQ Server' signed with an algorithm the partner accepts (e.g. sha256RSA / sha256ECDSA).",
      ),
    );
  });
});

describe("negotiate: lists and partial settings", () => {
  it("several protocols, suites, unknown entries and signature algorithms are listed comma-separated; an unknown protocol is dropped", () => {
    const r = sim({
      protocols: ["TLSv1.2", "bogus", "1.3"],
      ciphers: ["C02F 1301", "ZZZZ,YYYY"],
      peerSignatureAlgorithms: ["sha384ECDSA", "sha256RSA"],
    });
    expect(negStep(r).detail).toBe(
      `Protocols enabled: TLSv1.2, TLSv1.3. Cipher suites: ${C02F}, 1301 TLS_AES_128_GCM_SHA256; not recognised (ignored): ZZZZ, YYYY. Server key RSA: 2 of 2 usable suites fit it. Partner accepts signature algorithms sha384ECDSA, sha256RSA; 'MQ Server' is signed sha256RSA. A common protocol and suite exist on this side.`,
    );
    expect(r.rc).toBe(0);
  });

  it("suites without protocols: every suite counts as usable, the step is evaluated", () => {
    const r = sim({ ciphers: ["C02F"] });
    expect(negStep(r).detail).toBe(
      `Cipher suites: ${C02F}. Server key RSA: 1 of 1 usable suites fit it. A common protocol and suite exist on this side.`,
    );
    expect(r.rc).toBe(0);
  });

  it("two protocols none of the suites can use are both named", () => {
    expect(negStep(sim({ protocols: ["TLSv1", "TLSv1.1"], ciphers: ["C02F"] })).detail).toBe(
      `Protocols enabled: TLSv1, TLSv1.1. Cipher suites: ${C02F}. None of the suites can be used with TLSv1, TLSv1.1 (GCM and SHA-256/384 suites need TLSv1.2; 13xx suites need TLSv1.3).`,
    );
  });

  it("a policy that sets every protocol: no defaults assumed; two defaulted protocols are both named", () => {
    const set = sim({
      protocols: ["TLSv1.2"],
      ciphers: ["C02F"],
      policy: { ...POLICY, defaultedProtocols: [] },
    });
    expect(set.assumptions.filter((a) => a.startsWith("AT-TLS protocol defaults"))).toEqual([]);
    const two = sim({
      protocols: ["TLSv1.2"],
      ciphers: ["C02F"],
      policy: { ...POLICY, defaultedProtocols: ["TLSv1", "TLSv1.1"] },
    });
    expect(two.assumptions).toContain(
      "AT-TLS protocol defaults assumed for TLSv1, TLSv1.1 (z/OS V2R1: TLSv1 and TLSv1.1 On, TLSv1.2 Off, TLSv1.3 Off unless the policy says otherwise; check your release)",
    );
  });

  it("a client that sends its certificate: its key is not matched against the suites (no 434)", () => {
    const r = sim({ role: "client", clientAuth: "required", protocols: ["TLSv1.2"], ciphers: ["C02B"] });
    expect(negStep(r).detail).toBe(
      "Protocols enabled: TLSv1.2. Cipher suites: C02B TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256. A common protocol and suite exist on this side.",
    );
    expect(r.rc).not.toBe(434);
  });
});
