/**
 * The selected-key step (rules §2–3, field cases 4 and 6) and the ICSF key step after it
 * (rules §9): whether the selected certificate's private key comes back, and when it is kept in
 * ICSF, whether CSFKEYS lets the user use it. Each case states the step (verdict, sentence,
 * evidence lines, source, confidence), the conditions and other outcomes an unknown opens, and
 * every fix with its exact commands.
 */
import { describe, expect, it } from "vitest";
import { R } from "../../src/sim/checks/rules.js";
import type { SimRequest, SimResult } from "../../src/sim/simulate.js";
import { BASE, deck, run, serverCert } from "./builders.js";

/** START1 owns MqRing with `cert` (its 'MQ Server') as DEFAULT; `extra` starts at line 20. */
const site = (extra: string, cert = serverCert("START1", "MQ Server")) => `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  ADDUSER OTHER DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
  ${cert}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)

${extra}`;
const MQ = { owner: "START1", name: "MqRing" };
const PKDS_CERT = serverCert("START1", "MQ Server", "PKDS(MQKEY)");

function sim(extra: string, req: Partial<SimRequest> = {}, cert?: string): SimResult {
  return run(deck(site(extra, cert)), { user: "START1", ring: MQ, ...req });
}
function stepOf(r: SimResult, id: string) {
  const s = r.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id} step; steps: ${r.steps.map((x) => x.id).join(", ")}`);
  return { ...s, evidence: s.evidence.map((e) => `${e.file}:${e.line}`) };
}

const RESTART =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";
const RC_428 = "Key entry does not contain a private key.";
const PARTNER_438 = {
  rc: 438,
  text: "Internal error reported by remote partner.",
  confidence: "third-party",
};
const ICSF_TITLE = "Use of the key in ICSF";
const GOES_ON =
  "racfring goes on as if START1 may use it; if CSFKEYS denies it, System SSL cannot use the key (428 predicted, unconfirmed).";
const ICSF_BRANCH = {
  rc: 428,
  text: RC_428,
  condition: "CSFKEYS is active and denies START1 READ on the key's label",
  confidence: "unconfirmed",
};

describe("icsf-key: a key kept in ICSF", () => {
  it("CSFKEYS inactive: passes, ICSF does not check", () => {
    const r = sim("SETROPTS NOCLASSACT(CSFKEYS)", {}, PKDS_CERT);
    expect(stepOf(r, "icsf-key")).toEqual({
      id: "icsf-key",
      ok: true,
      verdict: "pass",
      title: ICSF_TITLE,
      detail: "ID(START1) 'MQ Server': class CSFKEYS is inactive: ICSF does not check access to the key.",
      evidence: ["deck.jcl:20"],
      source: R.icsf,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
    expect(r.conditions).toEqual([]);
  });

  it("CSFKEYS active, no profile covers the label: passes", () => {
    const r = sim("SETROPTS CLASSACT(CSFKEYS) RACLIST(CSFKEYS)", {}, PKDS_CERT);
    expect(stepOf(r, "icsf-key")).toEqual({
      id: "icsf-key",
      ok: true,
      verdict: "pass",
      title: ICSF_TITLE,
      detail:
        "ID(START1) 'MQ Server': no CSFKEYS profile covers key label MQKEY: ICSF grants access to a key no profile protects.",
      evidence: ["deck.jcl:20"],
      source: R.icsf,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
  });

  it("CSFKEYS state not in the inputs: open step, the condition names the RLIST of the label, 428 UNCONFIRMED kept", () => {
    const r = sim("", {}, PKDS_CERT);
    expect(stepOf(r, "icsf-key")).toEqual({
      id: "icsf-key",
      ok: null,
      verdict: "unknown",
      missing: ["whether CSFKEYS is active (SETROPTS LIST)"],
      title: ICSF_TITLE,
      detail: `ID(START1) 'MQ Server': the private key is in ICSF PKDS (label MQKEY); no input says whether class CSFKEYS is active, so whether START1 may use the key is not known. ${GOES_ON}`,
      evidence: ["deck.jcl:11"],
      source: R.icsf,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
    expect(r.conditions).toEqual([
      {
        kind: "configuration",
        text: "START1 may use the ICSF key of ID(START1) 'MQ Server' (whether CSFKEYS is active is not in the inputs)",
        decide: ["SETROPTS LIST", "RLIST CSFKEYS MQKEY AUTHUSER"],
        step: "icsf-key",
      },
    ]);
    expect(r.outcomes).toEqual([ICSF_BRANCH]);
  });

  it("CSFKEYS state and the label both unknown: only SETROPTS LIST decides", () => {
    const r = sim("", {}, serverCert("START1", "MQ Server", "PKDS"));
    expect(r.conditions.map((c) => c.decide)).toEqual([["SETROPTS LIST"]]);
    expect(stepOf(r, "icsf-key").detail).toBe(
      `ID(START1) 'MQ Server': the private key is in ICSF PKDS; no input says whether class CSFKEYS is active, so whether START1 may use the key is not known. ${GOES_ON}`,
    );
    expect(r.outcomes).toEqual([ICSF_BRANCH]);
  });

  it("CSFKEYS active with profiles, the key's label unknown: open step, RACDCERT LIST decides", () => {
    const r = sim(
      "SETROPTS CLASSACT(CSFKEYS) RACLIST(CSFKEYS)\n RDEFINE CSFKEYS MQ* UACC(NONE)",
      {},
      serverCert("START1", "MQ Server", "PKDS"),
    );
    expect(stepOf(r, "icsf-key")).toEqual({
      id: "icsf-key",
      ok: null,
      verdict: "unknown",
      missing: ["the key's PKDS label (RACDCERT LIST)"],
      title: ICSF_TITLE,
      detail: `ID(START1) 'MQ Server': the private key is in ICSF PKDS but its label is not known, so the CSFKEYS profile that protects it cannot be found. ${GOES_ON}`,
      evidence: ["deck.jcl:11"],
      source: R.icsf,
      confidence: "ibm",
    });
    expect(r.conditions).toEqual([
      {
        kind: "configuration",
        text: "START1 may use the ICSF key of ID(START1) 'MQ Server' (its PKDS label, and so its CSFKEYS profile, is not in the inputs)",
        decide: ["RACDCERT ID(START1) LIST(LABEL('MQ Server'))"],
        step: "icsf-key",
      },
    ]);
    expect(r.outcomes).toEqual([ICSF_BRANCH]);
    expect(r.rc).toBe(0);
  });

  it("a generic CSFKEYS profile denies: 428 UNCONFIRMED, the discrete profile is defined from it for the fix", () => {
    const r = sim(
      "SETROPTS CLASSACT(CSFKEYS) RACLIST(CSFKEYS)\n RDEFINE CSFKEYS MQ* UACC(NONE)",
      {},
      PKDS_CERT,
    );
    expect(stepOf(r, "icsf-key")).toEqual({
      id: "icsf-key",
      ok: false,
      verdict: "fail",
      title: ICSF_TITLE,
      detail:
        "ID(START1) 'MQ Server': the private key is in ICSF PKDS under label MQKEY; CSFKEYS is active and generic profile MQ* (deck.jcl:21) protects it: START1 has NONE from the UACC of CSFKEYS MQ*; READ needed. ICSF refuses the key, so System SSL cannot use it (IBM lists an unusable ICSF key among the causes of 428; the return code for this cause is not documented).",
      evidence: ["deck.jcl:11", "deck.jcl:21", "deck.jcl:20"],
      source: R.icsf,
      confidence: "unconfirmed",
    });
    expect(r.rc).toBe(428);
    expect(r.confidence).toBe("unconfirmed");
    expect(r.fix).toEqual({
      summary:
        "Let START1 use the key's ICSF label MQKEY: READ on CSFKEYS MQKEY, then refresh CSFKEYS. MQ* is generic: a PERMIT there would give START1 READ to everything it covers, so the discrete profile MQKEY is defined from it (same UACC and access list) and decides for MQKEY alone from then on; MQ* keeps deciding for the rest.",
      commands: [
        "RDEFINE CSFKEYS MQKEY FROM(MQ*)",
        "PERMIT MQKEY CLASS(CSFKEYS) ID(START1) ACCESS(READ)",
        "SETROPTS RACLIST(CSFKEYS) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([]);
    expect(r.partner).toEqual(PARTNER_438);
  });

  it("a discrete CSFKEYS profile denies a client: 428, a PERMIT on it, no partner code", () => {
    const r = sim(
      "SETROPTS CLASSACT(CSFKEYS) RACLIST(CSFKEYS)\n RDEFINE CSFKEYS MQKEY UACC(NONE)",
      { role: "client", clientAuth: "required" },
      PKDS_CERT,
    );
    expect(stepOf(r, "icsf-key").detail).toBe(
      "ID(START1) 'MQ Server': the private key is in ICSF PKDS under label MQKEY; CSFKEYS is active and discrete profile MQKEY (deck.jcl:21) protects it: START1 has NONE from the UACC of CSFKEYS MQKEY; READ needed. ICSF refuses the key, so System SSL cannot use it (IBM lists an unusable ICSF key among the causes of 428; the return code for this cause is not documented).",
    );
    expect(r.rc).toBe(428);
    expect(r.fix).toEqual({
      summary: "Let START1 use the key's ICSF label MQKEY: READ on CSFKEYS MQKEY, then refresh CSFKEYS.",
      commands: ["PERMIT MQKEY CLASS(CSFKEYS) ID(START1) ACCESS(READ)", "SETROPTS RACLIST(CSFKEYS) REFRESH"],
      notes: [RESTART],
    });
    expect(r.partner).toBeNull();
  });

  it("READ on the discrete profile: passes, IBM, with the profile's and the permit's lines", () => {
    const r = sim(
      `SETROPTS CLASSACT(CSFKEYS) RACLIST(CSFKEYS)
      RDEFINE CSFKEYS MQKEY UACC(NONE)
      PERMIT MQKEY CLASS(CSFKEYS) ID(START1) ACCESS(READ)`,
      {},
      PKDS_CERT,
    );
    expect(stepOf(r, "icsf-key")).toEqual({
      id: "icsf-key",
      ok: true,
      verdict: "pass",
      title: ICSF_TITLE,
      detail:
        "ID(START1) 'MQ Server': the private key is in ICSF PKDS under label MQKEY; CSFKEYS is active and discrete profile MQKEY (deck.jcl:21, deck.jcl:22) protects it: START1 has READ from its own entry in CSFKEYS MQKEY; READ needed.",
      evidence: ["deck.jcl:11", "deck.jcl:21", "deck.jcl:22", "deck.jcl:20"],
      source: R.icsf,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
  });

  it("a key kept outside ICSF: no icsf-key step", () => {
    const r = sim("SETROPTS CLASSACT(CSFKEYS) RACLIST(CSFKEYS)\n RDEFINE CSFKEYS ** UACC(NONE)");
    expect(r.steps.map((s) => s.id)).not.toContain("icsf-key");
    expect(r.rc).toBe(0);
  });
});

describe("selected-key: a key the inputs do not show", () => {
  it("own certificate, key unknown: open step, the fact condition with its RACDCERT LIST, 428 kept (IBM)", () => {
    const model = deck(site(""));
    const cert = model.certificate("ID(START1)", "MQ Server");
    if (!cert) throw new Error("no certificate");
    cert.privateKey = null;
    const r = run(model, { user: "START1", ring: MQ });
    expect(stepOf(r, "selected-key")).toEqual({
      id: "selected-key",
      ok: null,
      verdict: "unknown",
      missing: ["whether RACF holds the private key of 'MQ Server'"],
      title: "Private key of the selected certificate",
      detail:
        "ID(START1) 'MQ Server': own certificate; whether RACF holds a private key is not known from the inputs.",
      evidence: ["deck.jcl:18", "deck.jcl:11", "deck.jcl:4", "deck.jcl:9", "deck.jcl:5"],
      source: R.key428,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
    expect(r.conditions).toEqual([
      {
        kind: "fact",
        text: "RACF holds a private key for ID(START1) 'MQ Server' (not shown in the inputs)",
        decide: ["RACDCERT ID(START1) LIST(LABEL('MQ Server'))"],
        step: "selected-key",
      },
    ]);
    expect(r.outcomes).toEqual([
      {
        rc: 428,
        text: RC_428,
        condition: "RACF holds no private key for ID(START1) 'MQ Server'",
        confidence: "ibm",
      },
    ]);
    expect(r.assumptions).toContain(
      "private key of ID(START1) 'MQ Server' assumed present (the inputs do not say)",
    );
  });
});

const RDATALIB_ON_NOTE =
  "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB) switches ring-specific checking on for the whole system: every RDATALIB profile that already exists takes effect at once, for its rings' owners too. List them first (SEARCH CLASS(RDATALIB), RLIST RDATALIB profile AUTHUSER) and make sure each grants what its ring's users need.";
const WITHHELD =
  'System SSL sees a certificate without a private key. A listing that shows "Private Key: YES" does not contradict this: the key exists but is not returned to this caller.';
const RUN_AS_NOTE = "Restart the started task so it runs under the new user.";
/** OTHER's certificate 'Their' connected PERSONAL to START1's ring (lines 20-26). */
const THEIRS = `${serverCert("OTHER", "Their")}
  RACDCERT ID(START1) CONNECT(ID(OTHER) LABEL('Their') RING(MqRing) USAGE(PERSONAL))`;

describe("selected-key: the fixes for each reason a key is withheld", () => {
  it("own certificate connected USAGE(CERTAUTH): 428, one fix — connect it again PERSONAL", () => {
    const r = sim(
      `${serverCert("START1", "Spare")}
      RACDCERT ID(START1) CONNECT(ID(START1) LABEL('Spare') RING(MqRing) USAGE(CERTAUTH))`,
      { label: "Spare" },
    );
    const s = stepOf(r, "selected-key");
    expect(s.ok).toBe(false);
    expect(s.detail).toBe(
      `ID(START1) 'Spare': usage CERTAUTH: R_datalib never returns a private key for it. ${WITHHELD}`,
    );
    expect(s.source).toBe(R.key428);
    expect(s.confidence).toBe("ibm");
    expect(r.rc).toBe(428);
    expect(r.confidence).toBe("ibm");
    expect(r.fix).toEqual({
      summary:
        "Connect ID(START1) 'Spare' again with USAGE(PERSONAL) (it is connected CERTAUTH), then refresh DIGTRING.",
      commands: [
        "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('Spare') RING('MqRing') USAGE(PERSONAL))",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([]);
    expect(r.partner).toEqual(PARTNER_438);
  });

  it("another user's certificate under FACILITY checking: RDATALIB first, then START1's own certificate, then running as OTHER", () => {
    const r = sim(`${THEIRS}\n PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(READ)`, {
      label: "Their",
    });
    const s = stepOf(r, "selected-key");
    expect(s.detail).toBe(
      `ID(OTHER) 'Their': another user's certificate under FACILITY checking: never returned. ${WITHHELD}`,
    );
    expect(r.rc).toBe(428);
    // START1 owns the ring: its UPDATE covers the READ a ring owner needs, no second PERMIT.
    expect(r.fix).toEqual({
      summary:
        "Switch this ring to ring-specific checking: define START1.MQRING.LST in RDATALIB, give START1 UPDATE (returns another user's key).",
      commands: [
        "RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)",
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(UPDATE)",
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
      ],
      notes: [RESTART, RDATALIB_ON_NOTE],
    });
    expect(r.alternatives).toEqual([
      {
        summary:
          "Use a certificate START1 owns: connect ID(START1) 'MQ Server' (deck.jcl:11) PERSONAL and configure its label instead of 'Their'.",
        commands: [
          "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING('MqRing') USAGE(PERSONAL))",
          "SETROPTS RACLIST(DIGTRING) REFRESH",
        ],
        notes: [RESTART],
      },
      {
        summary:
          "Run the application as OTHER, the certificate's owner (its STARTED profile's STDATA USER or the job's USER); OTHER also needs: Permit OTHER UPDATE to IRR.DIGTCERT.LISTRING (another user's ring), then refresh FACILITY.",
        commands: [
          "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)",
          "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
        notes: [RUN_AS_NOTE],
      },
    ]);
  });

  it("another user's certificate under ring-specific checking with READ: UPDATE on the .LST profile first", () => {
    const r = sim(
      `${THEIRS}
      SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)`,
      { label: "Their" },
    );
    expect(stepOf(r, "selected-key").detail).toBe(
      `ID(OTHER) 'Their': another user's certificate: needs UPDATE on START1.MQRING.LST (has READ). ${WITHHELD}`,
    );
    expect(r.rc).toBe(428);
    expect(r.fix).toEqual({
      summary:
        "Give START1 UPDATE on START1.MQRING.LST in RDATALIB (READ returns only the user's own keys), then refresh RDATALIB.",
      commands: [
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(UPDATE)",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives.map((f) => f.summary)).toEqual([
      "Use a certificate START1 owns: connect ID(START1) 'MQ Server' (deck.jcl:11) PERSONAL and configure its label instead of 'Their'.",
      "Run the application as OTHER, the certificate's owner (its STARTED profile's STDATA USER or the job's USER); OTHER also needs: Permit OTHER READ to START1.MQRING.LST in RDATALIB (opens the ring and returns the user's own keys), then refresh RDATALIB.",
    ]);
    expect(r.alternatives[1]?.commands).toEqual([
      "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(READ)",
      "SETROPTS RACLIST(RDATALIB) REFRESH",
    ]);
  });

  it("a CERTAUTH certificate under ring-specific checking: CONTROL on the .LST profile, or START1's own certificate signed by it", () => {
    const r = sim(
      `RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING(MqRing) USAGE(PERSONAL))
      SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)`,
      { label: "Example Root CA" },
    );
    const s = stepOf(r, "selected-key");
    expect(s.detail).toBe(
      `CERTAUTH 'Example Root CA': CERTAUTH certificate: needs SPECIAL or CONTROL on RDATALIB START1.MQRING.LST (has READ). ${WITHHELD}`,
    );
    expect(s.source).toBe(`${R.key428}; ${R.caKeys}`);
    expect(r.rc).toBe(428);
    expect(r.fix).toEqual({
      summary:
        "Give START1 CONTROL on START1.MQRING.LST in RDATALIB for the CERTAUTH key (IBM R_datalib usage notes).",
      commands: [
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(CONTROL)",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toHaveLength(1);
    expect(r.alternatives[0]?.summary).toBe(
      "Better: issue START1 its own server certificate signed by CERTAUTH 'Example Root CA' (replace <host name> in SUBJECTSDN) and connect it PERSONAL instead of the CERTAUTH certificate.",
    );
    expect(r.alternatives[0]?.commands.slice(1)).toEqual([
      "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('START1 server') RING('MqRing') USAGE(PERSONAL))",
      "SETROPTS RACLIST(DIGTCERT) REFRESH",
      "SETROPTS RACLIST(DIGTRING) REFRESH",
    ]);
    // Not the CA's subject (it would read as self-issued) nor its ten-year term.
    expect(r.alternatives[0]?.commands[0]).toBe(
      "RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('<host name>')) RSA SIZE(2048) NOTAFTER(DATE(2027-01-15)) WITHLABEL('START1 server') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Example Root CA'))",
    );
  });

  it("the CA virtual ring *AUTH*/*: a real ring of START1's own, first with its own certificate, then with the CA's and CONTROL", () => {
    const r = sim("", { ring: { owner: "*AUTH*", name: "*" }, label: "Example Root CA" });
    expect(r.rc).toBe(428);
    const useRing =
      "Configure the application to use START1/TLSRING (AT-TLS Keyring START1/TLSRING, or safkeyring://START1/TLSRING); a virtual ring cannot be connected to.";
    expect(r.fix?.summary).toBe(
      "Use the new ring START1/TLSRING: add it, issue START1 its own server certificate signed by CERTAUTH 'Example Root CA' (replace <host name> in SUBJECTSDN) and connect it PERSONAL DEFAULT.",
    );
    expect(r.fix?.commands[0]).toBe("RACDCERT ID(START1) ADDRING(TLSRING)");
    expect(r.fix?.commands[1]).toBe(
      "RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('<host name>')) RSA SIZE(2048) NOTAFTER(DATE(2027-01-15)) WITHLABEL('START1 server') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Example Root CA'))",
    );
    expect(r.fix?.commands.slice(2)).toEqual([
      "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('START1 server') RING('TLSRING') USAGE(PERSONAL) DEFAULT)",
      "SETROPTS RACLIST(DIGTCERT) REFRESH",
      "SETROPTS RACLIST(DIGTRING) REFRESH",
    ]);
    expect(r.fix?.notes).toEqual([useRing, RESTART]);
    expect(r.alternatives).toEqual([
      {
        summary:
          "Use the new ring START1/TLSRING: add it and connect CERTAUTH 'Example Root CA' PERSONAL DEFAULT; its key also needs CONTROL: Give START1 CONTROL on FACILITY IRR.DIGTCERT.GENCERT for the CERTAUTH key (IBM R_datalib usage notes; CONTROL there also lets the user generate CA certificates — prefer a personal certificate).",
        commands: [
          "RACDCERT ID(START1) ADDRING(TLSRING)",
          "RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING('TLSRING') USAGE(PERSONAL) DEFAULT)",
          "RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)",
          "PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(START1) ACCESS(CONTROL)",
          "SETROPTS RACLIST(DIGTRING) REFRESH",
          "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
        notes: [useRing, RESTART],
      },
    ]);
  });

  it("the new ring's name is not taken: TLSRING exists, so TLSRING2", () => {
    const r = sim("RACDCERT ID(START1) ADDRING(TLSRING)", {
      ring: { owner: "*AUTH*", name: "*" },
      label: "Example Root CA",
    });
    expect(r.fix?.commands[0]).toBe("RACDCERT ID(START1) ADDRING(TLSRING2)");
    expect(r.fix?.summary).toMatch(/^Use the new ring START1\/TLSRING2: /);
  });
});

describe("selected-key: another user's certificate when the user owns none, and a key RACF does not hold", () => {
  const OTHER_UPDATE = "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)";
  const OWN_CERT_FIX = (dflt: boolean) => ({
    summary: `Give OTHER its own certificate: generate one for OTHER like 'MQ Server' (same subject, signed by CERTAUTH 'Example Root CA') and connect it PERSONAL${dflt ? " DEFAULT" : ""}.`,
    commands: [
      "RACDCERT ID(OTHER) GENCERT SUBJECTSDN(CN('start1.example.com')) ALTNAME(DOMAIN('start1.example.com')) RSA SIZE(2048) NOTAFTER(DATE(2027-06-01)) WITHLABEL('MQ Server OTHER') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Example Root CA'))",
      `RACDCERT ID(START1) CONNECT(ID(OTHER) LABEL('MQ Server OTHER') RING('MqRing') USAGE(PERSONAL)${dflt ? " DEFAULT" : ""})`,
      "SETROPTS RACLIST(DIGTCERT) REFRESH",
      "SETROPTS RACLIST(DIGTRING) REFRESH",
    ],
    notes: [RESTART],
  });

  it("no label: a new certificate like START1's, connected DEFAULT; running as START1 needs nothing more", () => {
    const r = sim(OTHER_UPDATE, { user: "OTHER" });
    expect(r.rc).toBe(428);
    expect(r.fix).toEqual({
      summary:
        "Switch this ring to ring-specific checking: define START1.MQRING.LST in RDATALIB, give OTHER UPDATE (returns another user's key) and the ring owner START1 READ (a matching profile decides for the owner too).",
      commands: [
        "RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)",
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)",
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
      ],
      notes: [RESTART, RDATALIB_ON_NOTE],
    });
    expect(r.alternatives).toEqual([
      OWN_CERT_FIX(true),
      {
        summary:
          "Run the application as START1, the certificate's owner (its STARTED profile's STDATA USER or the job's USER): the owner opens its own ring with READ.",
        commands: [],
        notes: [RUN_AS_NOTE],
      },
    ]);
  });

  it("a label and a STARTED profile: connected without DEFAULT; the STDATA change and its refresh; a generic RDATALIB profile is not widened", () => {
    const r = sim(
      `${OTHER_UPDATE}
      RDEFINE RDATALIB START1.* UACC(NONE)
      SETROPTS CLASSACT(RDATALIB)
      RDEFINE STARTED FTPSRV.* STDATA(USER(OTHER))
      SETROPTS RACLIST(STARTED)`,
      {
        user: "OTHER",
        label: "MQ Server",
        userOrigin: { description: "STARTED FTPSRV.*", startedProfile: "FTPSRV.*", sources: [] },
      },
    );
    expect(r.rc).toBe(428);
    expect(r.fix?.summary).toBe(
      "Switch this ring to ring-specific checking: define START1.MQRING.LST in RDATALIB, give OTHER UPDATE (returns another user's key) and the ring owner START1 READ (a matching profile decides for the owner too). START1.* is generic: a PERMIT there would give OTHER UPDATE to everything it covers, so the discrete profile START1.MQRING.LST is defined from it (same UACC and access list) and decides for START1.MQRING.LST alone from then on; START1.* keeps deciding for the rest.",
    );
    expect(r.fix?.commands.slice(0, 3)).toEqual([
      "RDEFINE RDATALIB START1.MQRING.LST FROM(START1.*)",
      "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)",
      "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
    ]);
    expect(r.alternatives).toEqual([
      OWN_CERT_FIX(false),
      {
        summary:
          "Run the application as START1, the certificate's owner (STDATA of STARTED profile FTPSRV.*): the owner opens its own ring with READ.",
        commands: ["RALTER STARTED FTPSRV.* STDATA(USER(START1))", "SETROPTS RACLIST(STARTED) REFRESH"],
        notes: [RUN_AS_NOTE],
      },
    ]);
  });

  it("the new certificate's label fits RACDCERT's 32 characters: the old label is cut before the user id", () => {
    const long = "A label of exactly thirty-two ch";
    const r = run(
      deck(
        site(`${OTHER_UPDATE}
  ${serverCert("START1", long)}
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('${long}') RING(MqRing) USAGE(PERSONAL))`),
      ),
      { user: "OTHER", ring: MQ, label: long },
    );
    const fix = r.alternatives.find((f) => f.summary.startsWith("Give OTHER its own certificate"));
    expect(fix?.commands[1]).toBe(
      "RACDCERT ID(START1) CONNECT(ID(OTHER) LABEL('A label of exactly thirty- OTHER') RING('MqRing') USAGE(PERSONAL))",
    );
  });

  it("a certificate signed from a request: RACF holds no key; import it as PKCS#12, or generate one in RACF", () => {
    const r = run(
      deck(`${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      RACDCERT ID(START1) GENCERT('START1.CSR') WITHLABEL('From CSR') -
        SIGNWITH(CERTAUTH LABEL('Example Root CA')) -
        NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(LABEL('From CSR') RING(KEY) DEFAULT)`),
      { user: "START1", ring: { owner: "START1", name: "KEY" } },
    );
    expect(stepOf(r, "selected-key").detail).toBe(
      `ID(START1) 'From CSR': own certificate; but RACF holds no private key for it. ${WITHHELD}`,
    );
    expect(r.rc).toBe(428);
    expect(r.fix).toEqual({
      summary:
        "RACF holds no private key for ID(START1) 'From CSR' (it was generated from a certificate request; the key stays with the requester): import it with its key (PKCS#12) under the same label, or generate the certificate in RACF.",
      commands: [
        "RACDCERT ID(START1) ADD('<PKCS12 DATA SET>') WITHLABEL('From CSR') PASSWORD('<PKCS12 PASSWORD>') TRUST",
        "SETROPTS RACLIST(DIGTCERT) REFRESH",
      ],
      notes: ["Do not leave the PKCS#12 password in a stored job.", RESTART],
    });
    expect(r.alternatives).toEqual([
      {
        summary: "Or generate a new certificate in RACF (the key is created there) and connect it instead.",
        commands: [
          "RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('<host name>')) RSA SIZE(2048) NOTAFTER(DATE(2027-06-01)) WITHLABEL('From CSR new') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Example Root CA'))",
          "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('From CSR new') RING('KEY') USAGE(PERSONAL) DEFAULT)",
          "SETROPTS RACLIST(DIGTCERT) REFRESH",
          "SETROPTS RACLIST(DIGTRING) REFRESH",
        ],
        notes: [RESTART],
      },
    ]);
  });

  it("a key the inputs say is missing (not from a request): the summary names no request", () => {
    const model = deck(site(""));
    const cert = model.certificate("ID(START1)", "MQ Server");
    if (!cert) throw new Error("no certificate");
    cert.privateKey = false;
    const r = run(model, { user: "START1", ring: MQ });
    expect(r.rc).toBe(428);
    expect(r.fix?.summary).toBe(
      "RACF holds no private key for ID(START1) 'MQ Server': import it with its key (PKCS#12) under the same label, or generate the certificate in RACF.",
    );
    expect(r.alternatives[0]?.commands[1]).toBe(
      "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server new') RING('MqRing') USAGE(PERSONAL) DEFAULT)",
    );
  });
});

describe("selected-key: an intermediate CA's certificate used as the server certificate", () => {
  it("the user's own certificate is signed by that CA itself, not by its issuer", () => {
    const r = run(
      deck(`${BASE}
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Issuing CA') O('Example')) WITHLABEL('Issuing CA') KEYUSAGE(CERTSIGN) SIGNWITH(CERTAUTH LABEL('Example Root CA')) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2030-01-01))
  ADDUSER WEB DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)
  RACDCERT ID(WEB) ADDRING(WEBRING)
  RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Issuing CA') RING(WEBRING) USAGE(PERSONAL) DEFAULT)`),
      { user: "WEB", ring: { owner: "WEB", name: "WEBRING" } },
    );
    expect(r.rc).toBe(428);
    expect(r.alternatives[0]?.summary).toBe(
      "Better: issue WEB its own server certificate signed by CERTAUTH 'Issuing CA' (replace <host name> in SUBJECTSDN) and connect it PERSONAL instead of the CERTAUTH certificate.",
    );
    expect(r.alternatives[0]?.commands[0]).toBe(
      "RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('<host name>')) RSA SIZE(2048) NOTAFTER(DATE(2027-01-15)) WITHLABEL('WEB server') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Issuing CA'))",
    );
    // The CONTROL fix comes first here (the key is withheld for its owner, not its usage), and
    // defines IRR.DIGTCERT.GENCERT, which the inputs do not show.
    expect(r.fix?.commands).toEqual([
      "RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)",
      "PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(WEB) ACCESS(CONTROL)",
      "SETROPTS RACLIST(FACILITY) REFRESH",
    ]);
  });
});

describe("selected-key: the remaining branches", () => {
  it("own certificate with its key: the whole passing step", () => {
    const r = sim("");
    expect(stepOf(r, "selected-key")).toEqual({
      id: "selected-key",
      ok: true,
      verdict: "pass",
      title: "Private key of the selected certificate",
      detail: "ID(START1) 'MQ Server': own certificate; key present.",
      evidence: ["deck.jcl:18", "deck.jcl:11", "deck.jcl:4", "deck.jcl:9", "deck.jcl:5"],
      source: R.key428,
      confidence: "ibm",
    });
  });

  it("a client's withheld key: 428, no partner code", () => {
    const r = sim(
      `${serverCert("START1", "Spare")}
      RACDCERT ID(START1) CONNECT(ID(START1) LABEL('Spare') RING(MqRing) USAGE(CERTAUTH))
      RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING(MqRing) USAGE(CERTAUTH))`,
      { label: "Spare", role: "client", clientAuth: "required" },
    );
    expect(r.rc).toBe(428);
    expect(r.partner).toBeNull();
  });

  it("a key in ICSF TKDS is checked too", () => {
    const r = sim("SETROPTS NOCLASSACT(CSFKEYS)", {}, serverCert("START1", "MQ Server", "TKDS"));
    expect(stepOf(r, "icsf-key").detail).toBe(
      "ID(START1) 'MQ Server': class CSFKEYS is inactive: ICSF does not check access to the key.",
    );
  });

  it("a CA certificate's unknown key: RACDCERT CERTAUTH LIST decides", () => {
    const model = deck(
      site(`ALTUSER START1 SPECIAL
      RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING(MqRing) USAGE(PERSONAL))`),
    );
    const root = model.certificate("CERTAUTH", "Example Root CA");
    if (!root) throw new Error("no root");
    root.privateKey = null;
    const r = run(model, { user: "START1", ring: MQ, label: "Example Root CA" });
    expect(r.conditions.map((c) => c.decide)).toContainEqual([
      "RACDCERT CERTAUTH LIST(LABEL('Example Root CA'))",
    ]);
  });

  it("another user's virtual ring: the other-user fixes, not a new ring", () => {
    const r = sim(
      "ADDUSER WEB2 DFLTGRP(STC)\n PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)",
      {
        user: "OTHER",
        ring: { owner: "START1", name: "*" },
        label: "MQ Server",
      },
    );
    expect(r.rc).toBe(428);
    expect([r.fix, ...r.alternatives].map((f) => f?.summary.slice(0, 24))).toEqual([
      "Switch this ring to ring",
      "Give OTHER its own certi",
      "Run the application as S",
    ]);
    // The virtual ring's own .LST resource, never the generic START1.*.LST over all START1's rings.
    expect(r.fix?.commands.slice(0, 3)).toEqual([
      "RDEFINE RDATALIB START1.IRR_VIRTUAL_KEYRING.LST UACC(NONE)",
      "PERMIT START1.IRR_VIRTUAL_KEYRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)",
      "PERMIT START1.IRR_VIRTUAL_KEYRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
    ]);
  });

  it("an existing discrete .LST profile is not defined again in the other-user fix", () => {
    const r = sim(
      `PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      SETROPTS NOCLASSACT(RDATALIB)`,
      { user: "OTHER" },
    );
    expect(r.rc).toBe(428);
    expect(r.fix?.summary).toBe(
      "Switch this ring to ring-specific checking: START1.MQRING.LST in RDATALIB, give OTHER UPDATE (returns another user's key) and the ring owner START1 READ (a matching profile decides for the owner too).",
    );
    expect(r.fix?.commands.slice(0, 2)).toEqual([
      "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)",
      "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
    ]);
  });

  it("the user's own certificates that are NOTRUST, keyless or expired are not proposed; a usable one is connected DEFAULT", () => {
    const unusable = `PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)
      ${serverCert("OTHER", "Distrusted")}
      RACDCERT ID(OTHER) ALTER(LABEL('Distrusted')) NOTRUST
      ${serverCert("OTHER", "Old", "", "NOTBEFORE(DATE(2023-01-01)) NOTAFTER(DATE(2024-01-01))")}`;
    const none = sim(unusable, { user: "OTHER" });
    expect(none.alternatives[0]?.summary).toMatch(/^Give OTHER its own certificate: /);
    const model = deck(
      site(`${unusable}\n ${serverCert("OTHER", "Keyless")}\n ${serverCert("OTHER", "Good")}`),
    );
    const keyless = model.certificate("ID(OTHER)", "Keyless");
    if (!keyless) throw new Error("no certificate");
    keyless.privateKey = false;
    const r = run(model, { user: "OTHER", ring: MQ });
    expect(r.alternatives[0]?.summary).toMatch(
      /^Use a certificate OTHER owns: connect ID\(OTHER\) 'Good' \(deck\.jcl:\d+\) PERSONAL DEFAULT\.$/,
    );
    expect(r.alternatives[0]?.commands[0]).toBe(
      "RACDCERT ID(START1) CONNECT(ID(OTHER) LABEL('Good') RING('MqRing') USAGE(PERSONAL) DEFAULT)",
    );
  });

  it("no CA to sign the user's new certificate: the summary says to choose one", () => {
    const r = run(
      deck(`
  ADDUSER START1 DFLTGRP(STC)
  ADDUSER OTHER DFLTGRP(STC)
  RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(UPDATE)
  RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('a.example.com')) WITHLABEL('A') NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('A') RING(MqRing) USAGE(PERSONAL) DEFAULT)`),
      { user: "OTHER", ring: MQ },
    );
    const model = deck(`RACDCERT ID(X) GENCERT SUBJECTSDN(CN('x')) WITHLABEL('X')`);
    expect(model.certificate("ID(X)", "X")?.selfSigned).toBe(true);
    expect(r.alternatives[0]?.summary).toBe(
      "Give OTHER its own certificate: generate one for OTHER like 'A' (same subject, self-signed like it) and connect it PERSONAL DEFAULT.",
    );
    const m2 = deck(`
  ADDUSER START1 DFLTGRP(STC)
  ADDUSER OTHER DFLTGRP(STC)
  RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(UPDATE)
  RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('a.example.com')) WITHLABEL('A') NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('A') RING(MqRing) USAGE(PERSONAL) DEFAULT)`);
    const a = m2.certificate("ID(START1)", "A");
    if (!a) throw new Error("no certificate");
    Object.assign(a, { selfSigned: false, issuer: "CN=Unknown CA" });
    expect(run(m2, { user: "OTHER", ring: MQ }).alternatives[0]?.summary).toBe(
      "Give OTHER its own certificate: generate one for OTHER like 'A' (same subject, signed by a CA you choose: replace <CA label> in SIGNWITH) and connect it PERSONAL DEFAULT.",
    );
  });

  it("a CERTAUTH certificate that is no CA, used PERSONAL without a label: its own signer signs the user's copy, connected DEFAULT; GENCERT profile shown, so no RDEFINE", () => {
    const r = run(
      deck(`${BASE}
  ADDUSER WEB DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)
  RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('shared.example.com')) WITHLABEL('Shared TLS') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Example Root CA')) NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
  RACDCERT ID(WEB) ADDRING(WEBRING)
  RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Shared TLS') RING(WEBRING) USAGE(PERSONAL) DEFAULT)`),
      { user: "WEB", ring: { owner: "WEB", name: "WEBRING" } },
    );
    expect(r.rc).toBe(428);
    expect(r.fix?.commands).toEqual([
      "PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(WEB) ACCESS(CONTROL)",
      "SETROPTS RACLIST(FACILITY) REFRESH",
    ]);
    expect(r.alternatives[0]?.summary).toBe(
      "Better: issue WEB its own server certificate signed by the CA that signed it and connect it PERSONAL instead of the CERTAUTH certificate.",
    );
    expect(r.alternatives[0]?.commands.slice(0, 2)).toEqual([
      "RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('shared.example.com')) RSA SIZE(2048) NOTAFTER(DATE(2027-06-01)) WITHLABEL('WEB server') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Example Root CA'))",
      "RACDCERT ID(WEB) CONNECT(ID(WEB) LABEL('WEB server') RING('WEBRING') USAGE(PERSONAL) DEFAULT)",
    ]);
  });

  it("a SPECIAL user on *AUTH*/*: the new ring only, no CONTROL alternative; TLSRING and TLSRING2 taken", () => {
    const r = sim(
      `ALTUSER START1 SPECIAL
      RACDCERT ID(START1) ADDRING(TLSRING)
      RACDCERT ID(START1) ADDRING(TLSRING2)`,
      { ring: { owner: "*AUTH*", name: "*" }, label: "Example Root CA" },
    );
    expect(r.rc).toBe(428);
    expect(r.fix?.commands[0]).toBe("RACDCERT ID(START1) ADDRING(TLSRING3)");
    expect(r.alternatives).toEqual([]);
  });

  it("a long label: the replacement's label is cut to 28 characters before ' new'", () => {
    const long = "A label of exactly thirty-two ch";
    const model = deck(
      site(`${serverCert("START1", long)}
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('${long}') RING(MqRing) USAGE(PERSONAL))`),
    );
    const c = model.certificate("ID(START1)", long);
    if (!c) throw new Error("no certificate");
    c.privateKey = false;
    const r = run(model, { user: "START1", ring: MQ, label: long });
    expect(r.alternatives[0]?.commands[1]).toBe(
      "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('A label of exactly thirty-tw new') RING('MqRing') USAGE(PERSONAL))",
    );
  });
});
