/**
 * The peer-validation step (rules §3–4): the partner's chain against the ring's CA certificates
 * → 109 (no CA on the ring), 401 (outside its dates), 403 (no client certificate when required),
 * 417 (self-signed, not on the ring), 435 (issuer unknown), 8 (issuing CA without CERTSIGN).
 * Each case states the step's sentence, verdict, evidence lines and confidence, and the fix.
 */
import { describe, expect, it } from "vitest";
import type { Certificate } from "../../src/model/types.js";
import { R } from "../../src/sim/checks/rules.js";
import type { SimRequest, SimResult } from "../../src/sim/simulate.js";
import { BASE, deck, peerCert, run, serverCert } from "./builders.js";

/** START1's ring MqRing: its own certificate (DEFAULT) and the root CA (line 18). */
const OWN = `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)
  RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING(MqRing) USAGE(CERTAUTH))
`;
const NO_CA = OWN.split("\n")
  .filter((l) => !l.includes("USAGE(CERTAUTH)"))
  .join("\n");
const MQ = { owner: "START1", name: "MqRing" };

function sim(req: Partial<SimRequest>, text = OWN): SimResult {
  return run(deck(text), { user: "START1", ring: MQ, ...req });
}
const client = (peers?: Certificate[], extra: Partial<SimRequest> = {}) =>
  sim({ role: "client", ...(peers ? { peerCertificates: peers } : {}), ...extra });
function peerStep(r: SimResult) {
  const s = r.steps.find((x) => x.id === "peer-validation");
  if (!s) throw new Error(`no peer-validation step; steps: ${r.steps.map((x) => x.id).join(", ")}`);
  return { ...s, evidence: s.evidence.map((e) => `${e.file}:${e.line}`) };
}
const TITLE = "Validate the partner";
const AGAINST_ROOT =
  "The server's certificate is validated against the ring's CA certificates: CERTAUTH 'Example Root CA'.";
const LEAF = "Partner leaf: CN=partner.example.net,O=Partner.";
const RESTART =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";
const intermediate = (over: Partial<Certificate> = {}) =>
  peerCert({
    subject: "CN=Issuing CA,O=Example",
    issuer: "CN=Example Root CA,O=Example",
    keyUsage: ["CERTSIGN"],
    sources: [{ file: "partner.pem", line: 30, kind: "cert" }],
    ...over,
  });
const addPartnerCa = (issuer: string) => ({
  summary: `Add the CA that issued CN=partner.example.net,O=Partner (${issuer}) as CERTAUTH and connect it to START1/MqRing.`,
  commands: [
    "RACDCERT CERTAUTH ADD('<CA CERTIFICATE DATA SET>') WITHLABEL('<partner CA>') TRUST",
    "RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('<partner CA>') RING('MqRing') USAGE(CERTAUTH))",
    "SETROPTS RACLIST(DIGTCERT) REFRESH",
    "SETROPTS RACLIST(DIGTRING) REFRESH",
  ],
  notes: [RESTART],
});

describe("peer-validation: when the partner is not validated", () => {
  it("a server without client authentication", () => {
    expect(peerStep(sim({}))).toEqual({
      id: "peer-validation",
      ok: null,
      verdict: "pass",
      title: TITLE,
      detail: "Server without client authentication: the partner is not validated.",
      evidence: [],
      source: R.peer,
      confidence: "ibm",
    });
  });

  it("ClientAuthType PassThru", () => {
    expect(peerStep(sim({ clientAuth: "passthru" })).detail).toBe(
      "ClientAuthType PassThru: the client's certificate is requested but not validated.",
    );
  });

  it("the partner's chain not given: open step naming --peer-cert", () => {
    const r = client();
    expect(peerStep(r)).toEqual({
      id: "peer-validation",
      ok: null,
      verdict: "unknown",
      missing: ["the partner's certificate chain (--peer-cert)"],
      title: TITLE,
      detail: `${AGAINST_ROOT} No partner certificate supplied (--peer-cert): the chain itself is not checked.`,
      evidence: ["deck.jcl:18"],
      source: R.peer,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
  });
});

describe("peer-validation: a server asking for the client's certificate", () => {
  it("Required, the client sends none: 403 IBM on the server side", () => {
    const r = sim({ clientAuth: "required", peerCertificates: [] });
    expect(peerStep(r)).toEqual({
      id: "peer-validation",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail:
        "The client's certificate is validated against the ring's CA certificates: CERTAUTH 'Example Root CA'. The client sends no certificate and ClientAuthType Required demands one.",
      evidence: ["deck.jcl:18"],
      source: R.peer,
      confidence: "ibm",
    });
    expect(r.rc).toBe(403);
    expect(r.side).toBe("server");
    expect(r.fix).toEqual({
      summary:
        "Give the client a certificate (connected PERSONAL DEFAULT on its ring, or its label configured), signed by a CA on this ring.",
      commands: [],
      notes: [],
    });
  });

  it("Full, the client sends none: accepted, the step passes (the chain was given: it is empty)", () => {
    const r = sim({ clientAuth: "full", peerCertificates: [] });
    expect(peerStep(r)).toEqual({
      id: "peer-validation",
      ok: true,
      verdict: "pass",
      title: TITLE,
      detail:
        "The client's certificate is validated against the ring's CA certificates: CERTAUTH 'Example Root CA'. The client sends no certificate; ClientAuthType Full accepts that.",
      evidence: ["deck.jcl:18"],
      source: R.peer,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
  });

  it("Full, the client sends one from the ring's CA: validated", () => {
    const r = sim({ clientAuth: "full", peerCertificates: [peerCert()] });
    expect(peerStep(r).detail).toBe(
      `The client's certificate is validated against the ring's CA certificates: CERTAUTH 'Example Root CA'. ${LEAF} Issued by CERTAUTH 'Example Root CA' on the ring (deck.jcl:18).`,
    );
    expect(r.rc).toBe(0);
  });
});

describe("peer-validation: no CA certificate on the ring → 109", () => {
  it("RACF has the partner's CA: the fix connects it by its label", () => {
    const r = client([peerCert()], {});
    const r2 = run(deck(NO_CA), { user: "START1", ring: MQ, role: "client", peerCertificates: [peerCert()] });
    expect(r.rc).toBe(0);
    expect(peerStep(r2)).toEqual({
      id: "peer-validation",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail:
        "The server's certificate is validated against the ring's CA certificates: none. No CA certificate on the ring: nothing to validate the partner with.",
      evidence: ["partner.pem:1"],
      source: R.peer,
      confidence: "ibm",
    });
    expect(r2.rc).toBe(109);
    expect(r2.side).toBe("client");
    expect(r2.fix).toEqual({
      summary: "Connect the partner's CA CERTAUTH 'Example Root CA' to START1/MqRing with USAGE(CERTAUTH).",
      commands: [
        "RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING('MqRing') USAGE(CERTAUTH))",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("the partner's CA unknown to RACF: a placeholder label and the ADD hint", () => {
    const r = run(deck(NO_CA), {
      user: "START1",
      ring: MQ,
      role: "client",
      peerCertificates: [peerCert({ issuer: "CN=Other" })],
    });
    expect(r.rc).toBe(109);
    expect(r.fix).toEqual({
      summary:
        "Connect the CA that issued the server's certificate to START1/MqRing with USAGE(CERTAUTH) (add it with RACDCERT CERTAUTH ADD first if RACF does not have it).",
      commands: [
        "RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('<partner CA label>') RING('MqRing') USAGE(CERTAUTH))",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("a user's virtual ring holds only the user's certificates: it can never hold the CA, no command", () => {
    const r = run(deck(NO_CA), { user: "START1", ring: { owner: "START1", name: "*" }, role: "client" });
    expect(r.rc).toBe(109);
    expect(r.fix).toEqual({
      summary:
        "START1/* is the virtual ring of START1's own certificates and can never hold the partner's CA: validate the server with a real ring that has its CA connected USAGE(CERTAUTH), or with the CA virtual ring *AUTH*/*.",
      commands: [],
      notes: [],
    });
    expect(peerStep(r).evidence).toEqual([]);
  });

  it("*SITE*/* with no SITE certificate: add the CA as SITE, or use *AUTH*/* or a real ring", () => {
    const r = run(deck(OWN), {
      user: "START1",
      ring: { owner: "*SITE*", name: "*" },
      role: "client",
      peerCertificates: [peerCert()],
    });
    expect(r.rc).toBe(109);
    expect(r.fix).toEqual({
      summary:
        "*SITE*/* holds only SITE certificates and none is in the inputs: add the server's CA as a trusted SITE certificate (RACDCERT SITE ADD … TRUST), or validate with *AUTH*/* or with a real ring that has the CA connected USAGE(CERTAUTH).",
      commands: [],
      notes: [],
    });
  });

  it("*AUTH*/* with no trusted CERTAUTH certificate: trust the partner's CA when RACF has it NOTRUST", () => {
    const r = run(deck(`${OWN}\n  RACDCERT CERTAUTH ALTER(LABEL('Example Root CA')) NOTRUST`), {
      user: "START1",
      ring: { owner: "*AUTH*", name: "*" },
      role: "client",
      peerCertificates: [peerCert()],
    });
    expect(r.rc).toBe(109);
    expect(r.fix).toEqual({
      summary:
        "Mark the partner's CA CERTAUTH 'Example Root CA' TRUST (*AUTH*/* holds every trusted CERTAUTH certificate).",
      commands: [
        "RACDCERT CERTAUTH ALTER(LABEL('Example Root CA')) TRUST",
        "SETROPTS RACLIST(DIGTCERT) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("*AUTH*/* with no CERTAUTH certificate at all: add the partner's CA, trusted", () => {
    const r = run(deck(`${OWN}\n  RACDCERT CERTAUTH DELETE(LABEL('Example Root CA'))`), {
      user: "START1",
      ring: { owner: "*AUTH*", name: "*" },
      role: "client",
      peerCertificates: [peerCert()],
    });
    expect(r.rc).toBe(109);
    expect(r.fix).toEqual({
      summary:
        "Add the CA that issued the server's certificate as a trusted CERTAUTH certificate (*AUTH*/* holds every trusted CERTAUTH certificate).",
      commands: [
        "RACDCERT CERTAUTH ADD('<CA CERTIFICATE DATA SET>') WITHLABEL('<partner CA>') TRUST",
        "SETROPTS RACLIST(DIGTCERT) REFRESH",
      ],
      notes: [RESTART],
    });
  });
});

describe("peer-validation: the partner's chain", () => {
  it("a leaf issued by the ring's CA: passes, names the CA and where it is connected", () => {
    const r = client([peerCert()]);
    expect(peerStep(r)).toEqual({
      id: "peer-validation",
      ok: true,
      verdict: "pass",
      title: TITLE,
      detail: `${AGAINST_ROOT} ${LEAF} Issued by CERTAUTH 'Example Root CA' on the ring (deck.jcl:18).`,
      evidence: ["deck.jcl:18", "partner.pem:1"],
      source: R.peer,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
  });

  it("leaf → intermediate the partner sends → the ring's root: passes, both certificates as evidence", () => {
    const r = client([peerCert({ issuer: "CN=Issuing CA,O=Example" }), intermediate()]);
    expect(peerStep(r).ok).toBe(true);
    expect(peerStep(r).evidence).toEqual(["deck.jcl:18", "partner.pem:1", "partner.pem:30"]);
    expect(r.rc).toBe(0);
  });

  it("an issuer loop the partner sends (A by B, B by A) is not validated: 435", () => {
    const a = peerCert({ issuer: "CN=Loop CA,O=Partner" });
    const b = intermediate({ subject: "CN=Loop CA,O=Partner", issuer: "CN=partner.example.net,O=Partner" });
    const r = client([a, b]);
    expect(r.rc).toBe(435);
    expect(peerStep(r).ok).toBe(false);
    expect(peerStep(r).detail).toBe(
      `${AGAINST_ROOT} ${LEAF} Issuer CN=partner.example.net,O=Partner of CN=Loop CA,O=Partner is not among the ring's CA certificates.`,
    );
  });

  it("the leaf expired: 401 IBM, the instant and the partner's renewal", () => {
    const r = client([peerCert({ notAfter: "2025-12-31T23:59:59Z" })]);
    expect(peerStep(r)).toEqual({
      id: "peer-validation",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `${AGAINST_ROOT} ${LEAF} CN=partner.example.net,O=Partner is expired 2025-12-31T23:59:59Z at 2026-01-15T12:00:00.000Z.`,
      evidence: ["deck.jcl:18", "partner.pem:1"],
      source: R.peer,
      confidence: "ibm",
    });
    expect(r.rc).toBe(401);
    expect(r.confidence).toBe("ibm");
    expect(r.fix).toEqual({
      summary: "The server must renew its certificate (CN=partner.example.net,O=Partner).",
      commands: [],
      notes: [],
    });
  });

  it("the leaf not yet valid: 401 IBM", () => {
    const r = client([peerCert({ notBefore: "2026-02-01T00:00:00Z" })]);
    expect(peerStep(r).detail).toBe(
      `${AGAINST_ROOT} ${LEAF} CN=partner.example.net,O=Partner is not valid before 2026-02-01T00:00:00Z at 2026-01-15T12:00:00.000Z.`,
    );
    expect(r.rc).toBe(401);
  });

  it("an expired CA the partner sends: 401 UNCONFIRMED, says that this is not documented", () => {
    const r = client([
      peerCert({ issuer: "CN=Issuing CA,O=Example" }),
      intermediate({ notAfter: "2025-12-01T00:00:00Z" }),
    ]);
    expect(peerStep(r).detail).toBe(
      `${AGAINST_ROOT} ${LEAF} CN=Issuing CA,O=Example is expired 2025-12-01T00:00:00Z at 2026-01-15T12:00:00.000Z (a CA in the partner's chain: that System SSL reports it as 401 is not documented).`,
    );
    expect(peerStep(r).confidence).toBe("unconfirmed");
    expect(r.rc).toBe(401);
    expect(r.confidence).toBe("unconfirmed");
    expect(r.fix?.summary).toBe("The server must renew its certificate (CN=Issuing CA,O=Example).");
  });

  it("the ring's issuing CA expired: 401 UNCONFIRMED, renew or replace it", () => {
    const r = client([peerCert({ notAfter: "2037-01-01T00:00:00Z" })], {
      at: new Date("2036-01-01T00:00:00Z"),
    });
    expect(peerStep(r).detail).toBe(
      `${AGAINST_ROOT} ${LEAF} The issuing CA CERTAUTH 'Example Root CA' on the ring is expired 2035-01-01T23:59:59Z (that System SSL reports an expired CA as 401 is not documented).`,
    );
    expect(r.rc).toBe(401);
    expect(r.confidence).toBe("unconfirmed");
    expect(r.fix).toEqual({
      summary: "Renew or replace CA 'Example Root CA' on START1/MqRing.",
      commands: [],
      notes: [RESTART],
    });
  });

  it("the ring's issuing CA without CERTSIGN: 8 IBM", () => {
    const r = client([peerCert({ issuer: "CN=Odd CA" })], {});
    const odd = run(
      deck(`${OWN}
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Odd CA')) WITHLABEL('Odd CA') -
    KEYUSAGE(HANDSHAKE) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2030-01-01))
  RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Odd CA') RING(MqRing) USAGE(CERTAUTH))`),
      { user: "START1", ring: MQ, role: "client", peerCertificates: [peerCert({ issuer: "CN=Odd CA" })] },
    );
    expect(r.rc).toBe(435);
    expect(odd.rc).toBe(8);
    expect(peerStep(odd).detail).toBe(
      "The server's certificate is validated against the ring's CA certificates: CERTAUTH 'Example Root CA', CERTAUTH 'Odd CA'. Partner leaf: CN=partner.example.net,O=Partner. The issuing CA CERTAUTH 'Odd CA' has no CERTSIGN key usage.",
    );
    expect(odd.confidence).toBe("ibm");
    expect(odd.fix).toEqual({
      summary: "Connect the real CA certificate of the server.",
      commands: [],
      notes: [],
    });
  });

  it("self-signed and not on the ring: 417 UNCONFIRMED", () => {
    const r = client([peerCert({ issuer: "CN=partner.example.net,O=Partner", selfSigned: true })]);
    expect(peerStep(r).detail).toBe(
      `${AGAINST_ROOT} ${LEAF} CN=partner.example.net,O=Partner is self-signed and not on the ring as a CA (text of 417 unconfirmed).`,
    );
    expect(peerStep(r).confidence).toBe("unconfirmed");
    expect(r.rc).toBe(417);
    expect(r.fix).toEqual(addPartnerCa("CN=partner.example.net,O=Partner"));
  });

  it("issuer unknown to the ring and to RACF: 435 IBM, add the CA and connect it", () => {
    const r = client([peerCert({ issuer: "CN=Other CA,O=Other" })]);
    expect(peerStep(r)).toEqual({
      id: "peer-validation",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `${AGAINST_ROOT} ${LEAF} Issuer CN=Other CA,O=Other of CN=partner.example.net,O=Partner is not among the ring's CA certificates.`,
      evidence: ["deck.jcl:18", "partner.pem:1"],
      source: R.peer,
      confidence: "ibm",
    });
    expect(r.rc).toBe(435);
    expect(r.fix).toEqual(addPartnerCa("CN=Other CA,O=Other"));
  });

  it("issuer known to RACF (NOTRUST) but not on the ring: 435, the fix trusts and connects it", () => {
    const r = run(
      deck(`${OWN}
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Other CA') O('Other')) WITHLABEL('Other CA') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT CERTAUTH ALTER(LABEL('Other CA')) NOTRUST`),
      {
        user: "START1",
        ring: MQ,
        role: "client",
        peerCertificates: [peerCert({ issuer: "CN=Other CA,O=Other" })],
      },
    );
    expect(r.rc).toBe(435);
    expect(r.fix).toEqual({
      summary:
        "RACF has the CA CERTAUTH 'Other CA' (deck.jcl:20, deck.jcl:21): connect it to START1/MqRing with USAGE(CERTAUTH) and mark it TRUST.",
      commands: [
        "RACDCERT CERTAUTH ALTER(LABEL('Other CA')) TRUST",
        "RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Other CA') RING('MqRing') USAGE(CERTAUTH))",
        "SETROPTS RACLIST(DIGTCERT) REFRESH",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("issuer known to RACF (NOTRUST), the CA virtual ring: trust it, no CONNECT (a virtual ring takes none)", () => {
    const r = run(
      deck(`${OWN}
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Other CA') O('Other')) WITHLABEL('Other CA') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT CERTAUTH ALTER(LABEL('Other CA')) NOTRUST`),
      {
        user: "START1",
        ring: { owner: "*AUTH*", name: "*" },
        role: "client",
        peerCertificates: [peerCert({ issuer: "CN=Other CA,O=Other" })],
      },
    );
    expect(r.rc).toBe(435);
    expect(r.fix).toEqual({
      summary:
        "RACF has the CA CERTAUTH 'Other CA' (deck.jcl:20, deck.jcl:21): mark it TRUST (*AUTH*/* holds every trusted CERTAUTH certificate).",
      commands: [
        "RACDCERT CERTAUTH ALTER(LABEL('Other CA')) TRUST",
        "SETROPTS RACLIST(DIGTCERT) REFRESH",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("435 on the SITE virtual ring: never 'mark it TRUST, this ring holds every CERTAUTH certificate' (only *AUTH*/* does)", () => {
    const caDeck = deck(`${OWN}
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Other CA') O('Other')) WITHLABEL('Other CA') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT CERTAUTH ALTER(LABEL('Other CA')) NOTRUST
  RACDCERT SITE GENCERT SUBJECTSDN(CN('Site CA') O('Example')) WITHLABEL('Site CA') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))`);
    const peer = [peerCert({ issuer: "CN=Other CA,O=Other" })];
    const site = run(caDeck, {
      user: "START1",
      ring: { owner: "*SITE*", name: "*" },
      role: "client",
      peerCertificates: peer,
    });
    expect(site.rc).toBe(435);
    expect(site.fix).toEqual({
      summary:
        "*SITE*/* holds only SITE certificates, and the CA CERTAUTH 'Other CA' (deck.jcl:20, deck.jcl:21) is not one of them: add it as a trusted SITE certificate (RACDCERT SITE ADD … TRUST), or validate the server with *AUTH*/* (RACF has it NOTRUST: mark it TRUST first) or with a real ring that has it connected USAGE(CERTAUTH).",
      commands: [],
      notes: [],
    });
    const unknownCa = run(
      deck(`${OWN}
  RACDCERT SITE GENCERT SUBJECTSDN(CN('Site CA') O('Example')) WITHLABEL('Site CA') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))`),
      {
        user: "START1",
        ring: { owner: "*SITE*", name: "*" },
        role: "client",
        peerCertificates: peer,
      },
    );
    expect(unknownCa.rc).toBe(435);
    expect(unknownCa.fix?.summary).toBe(
      "*SITE*/* holds only SITE certificates, and the CA that issued the server's certificate (CN=Other CA,O=Other) is not one of them: add it as a trusted SITE certificate (RACDCERT SITE ADD … TRUST), or validate the server with *AUTH*/* or with a real ring that has it connected USAGE(CERTAUTH).",
    );
    // A user's virtual ring holds no CA certificate at all: that is 109, with its own fix.
    const own = run(caDeck, {
      user: "START1",
      ring: { owner: "START1", name: "*" },
      role: "client",
      peerCertificates: peer,
    });
    expect(own.rc).toBe(109);
  });

  it("issuer unknown, the CA virtual ring: add the CA, no CONNECT", () => {
    const r = run(deck(OWN), {
      user: "START1",
      ring: { owner: "*AUTH*", name: "*" },
      role: "client",
      peerCertificates: [peerCert({ issuer: "CN=Other CA,O=Other" })],
    });
    expect(r.rc).toBe(435);
    expect(r.fix?.commands).toEqual([
      "RACDCERT CERTAUTH ADD('<CA CERTIFICATE DATA SET>') WITHLABEL('<partner CA>') TRUST",
      "SETROPTS RACLIST(DIGTCERT) REFRESH",
      "SETROPTS RACLIST(DIGTRING) REFRESH",
    ]);
  });
});

describe("peer-validation: details that decide", () => {
  const POLICY = {
    file: "p.conf",
    rule: "R",
    keyring: null,
    label: null,
    role: null,
    clientAuth: { file: "p.conf", line: 9, kind: "policy" as const },
    protocols: null,
    ciphers: null,
    defaultedProtocols: [],
  };

  it("the policy's ClientAuthType line is the evidence when the partner is not validated, and when Full accepts no certificate", () => {
    expect(peerStep(sim({ clientAuth: "passthru", policy: POLICY })).evidence).toEqual(["p.conf:9"]);
    expect(peerStep(sim({ clientAuth: "full", peerCertificates: [], policy: POLICY })).evidence).toEqual([
      "deck.jcl:18",
      "p.conf:9",
    ]);
  });

  it("a client whose server sends no certificate: the chain is not checked (ClientAuthType is a server's setting)", () => {
    const r = client([]);
    expect(peerStep(r).ok).toBeNull();
    expect(peerStep(r).detail).toBe(
      `${AGAINST_ROOT} No partner certificate supplied (--peer-cert): the chain itself is not checked.`,
    );
  });

  it("a CA connected with USAGE(SITE) is a trust anchor too", () => {
    const r = run(
      deck(`${NO_CA}
  RACDCERT SITE GENCERT SUBJECTSDN(CN('Site CA') O('Example')) WITHLABEL('Site CA') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT ID(START1) CONNECT(SITE LABEL('Site CA') RING(MqRing) USAGE(SITE))`),
      {
        user: "START1",
        ring: MQ,
        role: "client",
        peerCertificates: [peerCert({ issuer: "CN=Site CA,O=Example" })],
      },
    );
    expect(r.rc).toBe(0);
    expect(peerStep(r).detail).toBe(
      "The server's certificate is validated against the ring's CA certificates: SITE 'Site CA'. Partner leaf: CN=partner.example.net,O=Partner. Issued by SITE 'Site CA' on the ring (deck.jcl:20).",
    );
  });

  it("no CA on the ring: the fix names the partner's issuer, not the first CA RACF holds", () => {
    const r = run(
      deck(`${NO_CA}
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Partner CA')) WITHLABEL('Partner CA') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))`),
      { user: "START1", ring: MQ, role: "client", peerCertificates: [peerCert({ issuer: "CN=Partner CA" })] },
    );
    expect(r.rc).toBe(109);
    expect(r.fix?.summary).toBe(
      "Connect the partner's CA CERTAUTH 'Partner CA' to START1/MqRing with USAGE(CERTAUTH).",
    );
  });

  it("an issuing CA on the ring with no key usage shown can sign", () => {
    const model = deck(OWN);
    const root = model.certificate("CERTAUTH", "Example Root CA");
    if (!root) throw new Error("no root");
    root.keyUsage = [];
    const r = run(model, { user: "START1", ring: MQ, role: "client", peerCertificates: [peerCert()] });
    expect(r.rc).toBe(0);
  });

  it("an unrelated certificate the partner also sends is not taken for the issuer", () => {
    const r = client([
      peerCert({ issuer: "CN=Other CA,O=Other" }),
      intermediate({ subject: "CN=Unrelated,O=Other", issuer: "CN=Example Root CA,O=Example" }),
    ]);
    expect(r.rc).toBe(435);
    expect(peerStep(r).detail).toBe(
      `${AGAINST_ROOT} ${LEAF} Issuer CN=Other CA,O=Other of CN=partner.example.net,O=Partner is not among the ring's CA certificates.`,
    );
  });

  it("subject equal to issuer is self-signed even when not flagged so: 417", () => {
    const r = client([peerCert({ issuer: "CN=partner.example.net,O=Partner", selfSigned: false })]);
    expect(r.rc).toBe(417);
  });

  it("a user's certificate with the issuer's subject is not the CA to connect; a trusted CERTAUTH one is, without ALTER TRUST", () => {
    const userCert = run(
      deck(`${OWN}
  RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('Other CA') O('Other')) WITHLABEL('Lookalike') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))`),
      {
        user: "START1",
        ring: MQ,
        role: "client",
        peerCertificates: [peerCert({ issuer: "CN=Other CA,O=Other" })],
      },
    );
    expect(userCert.rc).toBe(435);
    expect(userCert.fix).toEqual(addPartnerCa("CN=Other CA,O=Other"));
    const trusted = run(
      deck(`${OWN}
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Other CA') O('Other')) WITHLABEL('Other CA') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))`),
      {
        user: "START1",
        ring: MQ,
        role: "client",
        peerCertificates: [peerCert({ issuer: "CN=Other CA,O=Other" })],
      },
    );
    expect(trusted.rc).toBe(435);
    expect(trusted.fix).toEqual({
      summary:
        "RACF has the CA CERTAUTH 'Other CA' (deck.jcl:20): connect it to START1/MqRing with USAGE(CERTAUTH).",
      commands: [
        "RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Other CA') RING('MqRing') USAGE(CERTAUTH))",
        "SETROPTS RACLIST(DIGTCERT) REFRESH",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("a partner certificate without subject or issuer: the sentences say so", () => {
    const r = client([peerCert({ subject: null, issuer: null })]);
    expect(r.rc).toBe(435);
    expect(peerStep(r).detail).toBe(
      `${AGAINST_ROOT} Partner leaf: partner. Issuer ? of the partner's certificate is not among the ring's CA certificates.`,
    );
    expect(r.fix?.summary).toBe(
      "Add the CA that issued the partner's certificate (?) as CERTAUTH and connect it to START1/MqRing.",
    );
  });
});
