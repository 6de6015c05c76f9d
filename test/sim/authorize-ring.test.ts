/**
 * The authorize-ring step (rules §1, IBM KC24 ichd100/dlibauth.htm): a matching RDATALIB profile
 * decides when the class is active and RACLISTed (ring-specific checking), else FACILITY
 * IRR.DIGTCERT.LISTRING (READ for the own ring, UPDATE for another user's). Each case states the
 * whole step (verdict, sentence, evidence lines, source, confidence), the ICH408I RACF logs, and
 * every fix with its exact commands, written out here rather than computed.
 */
import { describe, expect, it } from "vitest";
import { R } from "../../src/sim/checks/rules.js";
import type { SimRequest, SimResult } from "../../src/sim/simulate.js";
import { BASE, deck, run, serverCert } from "./builders.js";

/**
 * START1 owns MqRing with its own certificate as DEFAULT; OTHER is a second defined user.
 * Lines 1-18 of every deck below; `extra` starts at line 19.
 */
const site = (extra: string) => `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  ADDUSER OTHER DFLTGRP(STC)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)

${extra}`;
const RD_ON = "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)";
const MQ = { owner: "START1", name: "MqRing" };

function sim(extra: string, req: Partial<SimRequest> & Pick<SimRequest, "user">): SimResult {
  return run(deck(site(extra)), { ring: MQ, ...req });
}
function authStep(r: SimResult) {
  const s = r.steps.find((x) => x.id === "authorize-ring");
  if (!s) throw new Error(`no authorize-ring step; steps: ${r.steps.map((x) => x.id).join(", ")}`);
  return { ...s, evidence: s.evidence.map((e) => `${e.file}:${e.line}`) };
}

const TITLE = "Authorise the ring read";
const GLOBAL_SOURCE = `${R.dlibauth}; ${R.listring}`;
const RESTART =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";
const RDATALIB_ON_NOTE =
  "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB) switches ring-specific checking on for the whole system: every RDATALIB profile that already exists takes effect at once, for its rings' owners too. List them first (SEARCH CLASS(RDATALIB), RLIST RDATALIB profile AUTHUSER) and make sure each grants what its ring's users need.";
const PARTNER_406 = { rc: 406, text: "Error while reading or writing data.", confidence: "third-party" };
const RC_202 = "Error detected while opening the certificate database.";
const ringSpecificLead = (profile: string, lines: string) =>
  `Ring-specific checking: RDATALIB is active and RACLISTed and ${profile} (${lines}) covers START1.MQRING.LST (ring name folded to upper case).`;

describe("authorize-ring: ring-specific checking (RDATALIB active, RACLISTed, a profile matches)", () => {
  it("discrete profile, the owner has READ: passes, IBM, names the profile, the access and where both were defined", () => {
    const r = sim(
      `${RD_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)`,
      { user: "START1" },
    );
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: true,
      verdict: "pass",
      title: TITLE,
      detail: `${ringSpecificLead("discrete profile START1.MQRING.LST", "deck.jcl:20, deck.jcl:21")} START1 has READ (via its own access-list entry); opening needs READ.`,
      evidence: ["deck.jcl:20", "deck.jcl:21", "deck.jcl:19"],
      source: R.dlibauth,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
    expect(r.messages).toEqual([]);
  });

  it("generic profile, another user without access: 202, ICH408I, the fix defines the discrete profile from the generic one", () => {
    const r = sim(`${RD_ON}\n RDEFINE RDATALIB START1.*.LST UACC(NONE)`, { user: "OTHER" });
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `${ringSpecificLead("generic profile START1.*.LST", "deck.jcl:20")} OTHER has NONE (via UACC); opening needs READ.`,
      evidence: ["deck.jcl:20", "deck.jcl:19"],
      source: R.dlibauth,
      confidence: "ibm",
    });
    expect(r.rc).toBe(202);
    expect(r.confidence).toBe("ibm");
    expect(r.messages).toEqual([
      "ICH408I USER(OTHER) GROUP(STC) START1.MQRING.LST CL(RDATALIB) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
    ]);
    // OTHER will use START1's certificate: UPDATE returns another user's key.
    expect(r.fix).toEqual({
      summary:
        "Permit OTHER UPDATE to START1.MQRING.LST in RDATALIB (opens the ring and returns the key of the certificate another user owns), then refresh RDATALIB. START1.*.LST is generic: a PERMIT there would give OTHER UPDATE to everything it covers, so the discrete profile START1.MQRING.LST is defined from it (same UACC and access list) and decides for START1.MQRING.LST alone from then on; START1.*.LST keeps deciding for the rest.",
      commands: [
        "RDEFINE RDATALIB START1.MQRING.LST FROM(START1.*.LST)",
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([]);
    expect(r.partner).toEqual(PARTNER_406);
  });

  it("the owner locked out of its own ring, SPECIAL too: third-party rule cited, both sentences said, READ for its own keys", () => {
    const r = sim(
      `ALTUSER START1 SPECIAL
      ${RD_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)`,
      { user: "START1" },
    );
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `${ringSpecificLead("discrete profile START1.MQRING.LST", "deck.jcl:21")} START1 has NONE (via UACC); opening needs READ. START1 owns the ring, but a matching RDATALIB profile decides for everyone, the owner included. SPECIAL is not assumed to bypass this check (unconfirmed).`,
      evidence: ["deck.jcl:21", "deck.jcl:20"],
      source: `${R.dlibauth}; ${R.ownerLocked}`,
      confidence: "third-party",
    });
    expect(r.rc).toBe(202);
    expect(r.confidence).toBe("third-party");
    expect(r.fix).toEqual({
      summary:
        "Permit START1 READ to START1.MQRING.LST in RDATALIB (opens the ring and returns the user's own keys), then refresh RDATALIB.",
      commands: [
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("a CERTAUTH certificate used PERSONAL: the fix asks CONTROL (returns a CERTAUTH/SITE key)", () => {
    const r = sim(
      `${RD_ON}
      RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING(MqRing) USAGE(PERSONAL))
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)`,
      { user: "START1", label: "Example Root CA" },
    );
    expect(r.rc).toBe(202);
    expect(authStep(r).detail).toBe(
      `${ringSpecificLead("discrete profile START1.MQRING.LST", "deck.jcl:21")} START1 has NONE (via UACC); opening needs READ. START1 owns the ring, but a matching RDATALIB profile decides for everyone, the owner included.`,
    );
    expect(r.fix).toEqual({
      summary:
        "Permit START1 CONTROL to START1.MQRING.LST in RDATALIB (opens the ring and returns a CERTAUTH/SITE key), then refresh RDATALIB.",
      commands: [
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(CONTROL)",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("a profile in WARNING mode lets the read through: passes, says so, and RACF logs the warning ICH408I", () => {
    const r = sim(`${RD_ON}\n RDEFINE RDATALIB START1.MQRING.LST UACC(NONE) WARNING`, { user: "START1" });
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: true,
      verdict: "pass",
      title: TITLE,
      detail: `${ringSpecificLead("discrete profile START1.MQRING.LST", "deck.jcl:20")} START1 has NONE (via UACC); opening needs READ. START1.MQRING.LST is in WARNING mode: RACF lets the read through and logs ICH408I as a warning.`,
      evidence: ["deck.jcl:20", "deck.jcl:19"],
      source: R.dlibauth,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
    expect(r.messages).toEqual([
      "ICH408I USER(START1) GROUP(STC) START1.MQRING.LST CL(RDATALIB) WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
    ]);
  });

  it("a user the inputs do not define, a possible group on the list with UPDATE: open step, the group condition, 202 kept", () => {
    // SOMEGRP is not defined, so it may be a group; OTHER is a defined user, so it is not.
    const r = sim(
      `${RD_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(SOMEGRP) ACCESS(UPDATE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(ALTER)`,
      { user: "UNDEF" },
    );
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: null,
      verdict: "unknown",
      missing: ["UNDEF's groups (LISTUSER UNDEF)"],
      title: TITLE,
      detail: `${ringSpecificLead("discrete profile START1.MQRING.LST", "deck.jcl:20, deck.jcl:21, deck.jcl:22")} UNDEF has NONE (via UACC); opening needs READ. UNDEF is not defined in the inputs, so its groups are not known; a group on the access list of START1.MQRING.LST has READ or more. racfring goes on as if UNDEF were connected to it; if it is not, the ring cannot be opened (202).`,
      evidence: ["deck.jcl:20", "deck.jcl:21", "deck.jcl:22", "deck.jcl:19"],
      source: R.dlibauth,
      confidence: "ibm",
    });
    expect(r.rc).toBe(0);
    expect(r.conditions).toEqual([
      {
        kind: "access",
        text: "UNDEF is connected to a group with READ on RDATALIB START1.MQRING.LST (its groups are not in the inputs)",
        decide: ["LISTUSER UNDEF", "RLIST RDATALIB START1.MQRING.LST AUTHUSER"],
        step: "authorize-ring",
      },
    ]);
    expect(r.outcomes).toEqual([
      {
        rc: 202,
        text: RC_202,
        condition: "UNDEF is in none of the groups on RDATALIB START1.MQRING.LST's access list",
        confidence: "ibm",
      },
    ]);
    expect(r.messages).toEqual([]);
  });

  it("the group's level is what the walk goes on with: UPDATE from the group returns START1's key", () => {
    const r = sim(
      `${RD_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(SOMEGRP) ACCESS(UPDATE)`,
      { user: "UNDEF" },
    );
    expect(r.rc).toBe(0);
    expect(r.steps.find((s) => s.id === "selected-key")?.ok).toBe(true);
    // With READ only from the group, START1's key is withheld (428).
    const readOnly = sim(
      `${RD_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(SOMEGRP) ACCESS(READ)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(UNDEF) ACCESS(NONE)`,
      { user: "UNDEF" },
    );
    expect(readOnly.rc).toBe(428);
  });

  it("with --assume-denied a possible group does not count: 202", () => {
    const r = sim(
      `${RD_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(SOMEGRP) ACCESS(UPDATE)`,
      { user: "UNDEF", assumeDenied: true },
    );
    expect(r.rc).toBe(202);
    expect(authStep(r).ok).toBe(false);
    expect(r.conditions).toEqual([]);
  });

  it("an unknown user, but only a defined user or a NONE entry on the list: no group condition, 202", () => {
    const r = sim(
      `${RD_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(ALTER)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(SOMEGRP) ACCESS(NONE)`,
      { user: "UNDEF" },
    );
    expect(r.rc).toBe(202);
    expect(authStep(r).ok).toBe(false);
    expect(r.conditions).toEqual([]);
  });
});

const facilityLine = (who: string, has: string, lines: string, needs: string) =>
  `FACILITY IRR.DIGTCERT.LISTRING, discrete profile (${lines}): ${who} has ${has}; ${needs}.`;
const NOT_IN_EFFECT = "Global checking. RDATALIB is not in effect (assumed), so FACILITY decides.";
const rdDefine = (user: string, level: string, ownerToo: boolean, refresh: string) => ({
  summary: `Use ring-specific checking: define START1.MQRING.LST in RDATALIB and permit ${user} ${level}${ownerToo ? " (and the ring owner START1 READ — a matching profile decides for the owner too)" : ""}.`,
  commands: [
    "RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)",
    `PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(${user}) ACCESS(${level})`,
    ...(ownerToo ? ["PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)"] : []),
    refresh,
  ],
  notes: [RESTART],
});

describe("authorize-ring: global checking (FACILITY IRR.DIGTCERT.LISTRING)", () => {
  it("FACILITY not active: 202 UNCONFIRMED, 'not protected' cited, the class's lines as evidence", () => {
    const r = sim("SETROPTS NOCLASSACT(FACILITY)", { user: "START1" });
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `${NOT_IN_EFFECT} FACILITY is not active (deck.jcl:5, deck.jcl:19): RACF answers "not protected" for IRR.DIGTCERT.LISTRING; racfring treats that as not authorised (unconfirmed).`,
      evidence: ["deck.jcl:5", "deck.jcl:19"],
      source: `${R.listring}; ${R.notProtected}`,
      confidence: "unconfirmed",
    });
    expect(r.rc).toBe(202);
    expect(r.confidence).toBe("unconfirmed");
    expect(r.messages).toEqual([]);
    // A PERMIT alone would change nothing while the class is inactive.
    expect(r.fix).toEqual({
      summary:
        "Permit START1 READ to IRR.DIGTCERT.LISTRING (own ring), then activate and RACLIST FACILITY (every FACILITY profile then takes effect: review them first).",
      commands: [
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)",
        "SETROPTS CLASSACT(FACILITY) RACLIST(FACILITY)",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual(
      [rdDefine("START1", "READ", false, "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)")].map((f) => ({
        ...f,
        notes: [RESTART, RDATALIB_ON_NOTE],
      })),
    );
  });

  it("--check-digtcert-list: READ on LISTRING but none on IRR.DIGTCERT.LIST → 202 third-party, both permits in the fix", () => {
    const r = sim(
      `PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      RDEFINE FACILITY IRR.DIGTCERT.LIST UACC(NONE)`,
      { user: "START1", checkDigtcertList: true },
    );
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `${NOT_IN_EFFECT} ${facilityLine("START1", "READ (via its own access-list entry)", "deck.jcl:4, deck.jcl:19", "its own ring needs READ")} FACILITY IRR.DIGTCERT.LIST, discrete profile (deck.jcl:20): START1 has NONE (via UACC); its own ring needs READ.`,
      evidence: ["deck.jcl:4", "deck.jcl:19", "deck.jcl:5", "deck.jcl:20"],
      source: GLOBAL_SOURCE,
      confidence: "third-party",
    });
    expect(r.rc).toBe(202);
    expect(r.messages).toEqual([
      "ICH408I USER(START1) GROUP(STC) IRR.DIGTCERT.LIST CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
    ]);
    expect(r.fix).toEqual({
      summary: "Permit START1 READ to IRR.DIGTCERT.LISTRING (own ring), then refresh FACILITY.",
      commands: [
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)",
        "PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(START1) ACCESS(READ)",
        "SETROPTS RACLIST(FACILITY) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([
      {
        ...rdDefine("START1", "READ", false, "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)"),
        notes: [RESTART, RDATALIB_ON_NOTE],
      },
    ]);
  });

  it("--check-digtcert-list with READ on both: passes, but only third-party (IRR.DIGTCERT.LIST is not IBM's rule)", () => {
    const r = sim(
      `PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      RDEFINE FACILITY IRR.DIGTCERT.LIST UACC(NONE)
      PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(START1) ACCESS(READ)`,
      { user: "START1", checkDigtcertList: true },
    );
    const s = authStep(r);
    expect(s.ok).toBe(true);
    expect(s.confidence).toBe("third-party");
    expect(r.rc).toBe(0);
  });

  it("the CA virtual ring *AUTH*/*: READ assumed enough (unconfirmed); the ring-specific fix names CERTIFAUTH.IRR_VIRTUAL_KEYRING.LST", () => {
    const r = run(deck(site("")), { user: "OTHER", ring: { owner: "*AUTH*", name: "*" }, role: "client" });
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `${NOT_IN_EFFECT} ${facilityLine("OTHER", "NONE (via UACC)", "deck.jcl:4", "*AUTH*/* is assumed to need READ (unconfirmed)")}`,
      evidence: ["deck.jcl:4", "deck.jcl:5"],
      source: GLOBAL_SOURCE,
      confidence: "unconfirmed",
    });
    expect(r.rc).toBe(202);
    expect(r.messages).toEqual([
      "ICH408I USER(OTHER) GROUP(STC) IRR.DIGTCERT.LISTRING CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
    ]);
    expect(r.fix?.summary).toBe(
      "Permit OTHER READ to IRR.DIGTCERT.LISTRING (*AUTH*/*), then refresh FACILITY.",
    );
    expect(r.fix?.commands).toEqual([
      "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(READ)",
      "SETROPTS RACLIST(FACILITY) REFRESH",
    ]);
    // *AUTH* is no user: no READ for "the ring owner" is proposed.
    expect(r.alternatives).toEqual([
      {
        summary:
          "Use ring-specific checking: define CERTIFAUTH.IRR_VIRTUAL_KEYRING.LST in RDATALIB and permit OTHER READ.",
        commands: [
          "RDEFINE RDATALIB CERTIFAUTH.IRR_VIRTUAL_KEYRING.LST UACC(NONE)",
          "PERMIT CERTIFAUTH.IRR_VIRTUAL_KEYRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(READ)",
          "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
        ],
        notes: [RESTART, RDATALIB_ON_NOTE],
      },
    ]);
    expect(r.partner).toBeNull();
  });

  it("a FACILITY profile in WARNING mode lets the read through: passes and says so; RACF logs the warning", () => {
    const r = sim("RALTER FACILITY IRR.DIGTCERT.LISTRING WARNING", { user: "START1" });
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: true,
      verdict: "pass",
      title: TITLE,
      detail: `${NOT_IN_EFFECT} ${facilityLine("START1", "NONE (via UACC) (WARNING mode: RACF lets the request through and logs ICH408I as a warning)", "deck.jcl:4, deck.jcl:19", "its own ring needs READ")}`,
      evidence: ["deck.jcl:4", "deck.jcl:19", "deck.jcl:5"],
      source: GLOBAL_SOURCE,
      confidence: "ibm",
    });
    expect(r.messages).toEqual([
      "ICH408I USER(START1) GROUP(STC) IRR.DIGTCERT.LISTRING CL(FACILITY) WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
    ]);
    expect(r.rc).toBe(0);
  });

  it("RDATALIB active and RACLISTed but no profile for this ring: FACILITY decides, and the RDATALIB fix comes first (the key is START1's)", () => {
    const r = sim(`${RD_ON}\n RDEFINE RDATALIB OTHER.*.LST UACC(NONE)`, { user: "OTHER" });
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `Global checking. RDATALIB is active and RACLISTed but no profile matches START1.MQRING.LST, so FACILITY decides. ${facilityLine("OTHER", "NONE (via UACC)", "deck.jcl:4", "another user's ring (START1) needs UPDATE")}`,
      evidence: ["deck.jcl:4", "deck.jcl:5"],
      source: GLOBAL_SOURCE,
      confidence: "ibm",
    });
    expect(r.messages).toEqual([
      "ICH408I USER(OTHER) GROUP(STC) IRR.DIGTCERT.LISTRING CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(UPDATE) ACCESS ALLOWED(NONE)",
    ]);
    expect(r.fix).toEqual(rdDefine("OTHER", "UPDATE", true, "SETROPTS RACLIST(RDATALIB) REFRESH"));
    expect(r.alternatives).toEqual([
      {
        summary:
          "Permit OTHER UPDATE to IRR.DIGTCERT.LISTRING (another user's ring), then refresh FACILITY. This opens the ring, but the certificate to use belongs to another user: under FACILITY checking its key is never returned (428 would follow).",
        commands: [
          "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)",
          "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
        notes: [RESTART],
      },
    ]);
  });

  it("another user's ring, client without client authentication: UPDATE needed for the ring, READ on .LST enough", () => {
    const r = sim("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(READ)", {
      user: "OTHER",
      role: "client",
    });
    expect(r.rc).toBe(202);
    expect(authStep(r).detail).toBe(
      `${NOT_IN_EFFECT} ${facilityLine("OTHER", "READ (via its own access-list entry)", "deck.jcl:4, deck.jcl:19", "another user's ring (START1) needs UPDATE")}`,
    );
    expect(r.fix).toEqual({
      summary: "Permit OTHER UPDATE to IRR.DIGTCERT.LISTRING (another user's ring), then refresh FACILITY.",
      commands: [
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)",
        "SETROPTS RACLIST(FACILITY) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([
      {
        ...rdDefine("OTHER", "READ", true, "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)"),
        notes: [RESTART, RDATALIB_ON_NOTE],
      },
    ]);
    expect(r.partner).toBeNull();
  });

  it("another user's ring, client asked for its certificate: UPDATE on .LST (it needs the key of START1's certificate)", () => {
    const r = sim("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(READ)", {
      user: "OTHER",
      role: "client",
      clientAuth: "required",
    });
    expect(r.rc).toBe(202);
    expect(r.fix).toEqual({
      ...rdDefine("OTHER", "UPDATE", true, "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)"),
      notes: [RESTART, RDATALIB_ON_NOTE],
    });
  });

  it("a SPECIAL user's CERTAUTH key needs only READ on .LST", () => {
    const r = sim(
      `ALTUSER START1 SPECIAL
      ${RD_ON}
      RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING(MqRing) USAGE(PERSONAL))
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)`,
      { user: "START1", label: "Example Root CA" },
    );
    expect(r.rc).toBe(202);
    expect(r.fix?.commands[0]).toBe("PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)");
  });

  it("the ring owner already has READ on the existing .LST profile: no PERMIT for it in the RDATALIB fix", () => {
    const r = sim(
      `SETROPTS CLASSACT(RDATALIB) NORACLIST(RDATALIB)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)`,
      { user: "OTHER", role: "client" },
    );
    expect(r.rc).toBe(202);
    expect(r.alternatives.find((f) => f.summary.startsWith("Use ring-specific"))).toEqual({
      summary: "Use ring-specific checking: permit OTHER READ on the existing START1.MQRING.LST in RDATALIB.",
      commands: [
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(READ)",
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
      ],
      notes: [RESTART, RDATALIB_ON_NOTE],
    });
  });

  it("a user the inputs do not define, a possible group with UPDATE on LISTRING: open step, the group condition, 202 kept", () => {
    const r = sim("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SOMEGRP) ACCESS(UPDATE)", {
      user: "UNDEF",
      role: "client",
    });
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: null,
      verdict: "unknown",
      missing: ["UNDEF's groups (LISTUSER UNDEF)"],
      title: TITLE,
      detail: `${NOT_IN_EFFECT} ${facilityLine("UNDEF", "NONE (via UACC)", "deck.jcl:4, deck.jcl:19", "another user's ring (START1) needs UPDATE")} UNDEF is not defined in the inputs, so its groups are not known; a group on the access list of IRR.DIGTCERT.LISTRING has UPDATE or more. racfring goes on as if UNDEF were connected to it; if it is not, the ring cannot be opened (202).`,
      evidence: ["deck.jcl:4", "deck.jcl:19", "deck.jcl:5"],
      source: GLOBAL_SOURCE,
      confidence: "ibm",
    });
    // The walk went on past the ring read: the ring holds no CA certificate for the client (109).
    expect(r.rc).toBe(109);
    expect(r.conditions).toEqual([
      {
        kind: "access",
        text: "UNDEF is connected to a group with UPDATE on FACILITY IRR.DIGTCERT.LISTRING (its groups are not in the inputs)",
        decide: ["LISTUSER UNDEF", "RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER"],
        step: "authorize-ring",
      },
    ]);
    expect(r.outcomes).toEqual([
      {
        rc: 202,
        text: RC_202,
        condition: "UNDEF is in none of the groups on FACILITY IRR.DIGTCERT.LISTRING's access list",
        confidence: "ibm",
      },
    ]);
    expect(r.messages).toEqual([]);
  });
});

describe("authorize-ring: an RDATALIB profile the class state makes RACF ignore", () => {
  it("active, not RACLISTed, the profile would grant: the first fix RACLISTs the class, the others follow", () => {
    const r = sim(
      `SETROPTS CLASSACT(RDATALIB) NORACLIST(RDATALIB)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)`,
      { user: "OTHER" },
    );
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: false,
      verdict: "fail",
      title: TITLE,
      detail: `Global checking. RDATALIB profile START1.MQRING.LST (deck.jcl:20, deck.jcl:21) matches but RDATALIB is not RACLISTed (deck.jcl:19): R_datalib ignores it. ${facilityLine("OTHER", "NONE (via UACC)", "deck.jcl:4", "another user's ring (START1) needs UPDATE")}`,
      evidence: ["deck.jcl:4", "deck.jcl:5"],
      source: GLOBAL_SOURCE,
      confidence: "ibm",
    });
    expect(r.rc).toBe(202);
    expect(r.fix).toEqual({
      summary:
        "The cause is the class, not the profile: RDATALIB is active but not RACLISTed, so R_datalib ignores START1.MQRING.LST, which would let OTHER read the ring (UPDATE). RACLIST RDATALIB.",
      commands: ["SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)"],
      notes: [RESTART, RDATALIB_ON_NOTE],
    });
    expect(r.alternatives).toEqual([
      {
        summary:
          "Use ring-specific checking: permit OTHER UPDATE on the existing START1.MQRING.LST in RDATALIB (and the ring owner START1 READ — a matching profile decides for the owner too).",
        commands: [
          "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)",
          "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
          "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
        ],
        notes: [RESTART, RDATALIB_ON_NOTE],
      },
      {
        summary:
          "Permit OTHER UPDATE to IRR.DIGTCERT.LISTRING (another user's ring), then refresh FACILITY. This opens the ring, but the certificate to use belongs to another user: under FACILITY checking its key is never returned (428 would follow).",
        commands: [
          "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)",
          "SETROPTS RACLIST(FACILITY) REFRESH",
        ],
        notes: [RESTART],
      },
    ]);
  });

  it("not active, a WARNING profile: the first fix activates and RACLISTs the class", () => {
    const r = sim(
      `SETROPTS NOCLASSACT(RDATALIB)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE) WARNING`,
      { user: "OTHER" },
    );
    expect(authStep(r).detail).toBe(
      `Global checking. RDATALIB profile START1.MQRING.LST (deck.jcl:20) matches but RDATALIB is not active (deck.jcl:19): R_datalib ignores it. ${facilityLine("OTHER", "NONE (via UACC)", "deck.jcl:4", "another user's ring (START1) needs UPDATE")}`,
    );
    expect(r.fix?.summary).toBe(
      "The cause is the class, not the profile: RDATALIB is not active, so R_datalib ignores START1.MQRING.LST, which would let OTHER read the ring (UPDATE). Activate and RACLIST RDATALIB.",
    );
    expect(r.fix?.commands).toEqual(["SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)"]);
    expect(r.alternatives.map((f) => f.summary.slice(0, 30))).toEqual([
      "Use ring-specific checking: pe",
      "Permit OTHER UPDATE to IRR.DIG",
    ]);
  });

  it("the ignored profile would not grant either: no class fix, the FACILITY and RDATALIB fixes as usual", () => {
    const r = sim(
      `SETROPTS CLASSACT(RDATALIB) NORACLIST(RDATALIB)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(READ)`,
      { user: "OTHER" },
    );
    expect(r.rc).toBe(202);
    expect([r.fix, ...r.alternatives].map((f) => f?.summary.slice(0, 30))).toEqual([
      "Use ring-specific checking: pe",
      "Permit OTHER UPDATE to IRR.DIG",
    ]);
  });
});

describe("authorize-ring: inputs that show no FACILITY or RDATALIB profile (listings of rings only)", () => {
  const RINGS_ONLY = `
  ADDUSER START1 DFLTGRP(STC)
  ADDUSER OTHER DFLTGRP(STC)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)`;

  it("another user's ring: goes on with UPDATE, states both conditions, and walks the RDATALIB branch (0 there)", () => {
    const r = run(deck(RINGS_ONLY), { user: "OTHER", ring: MQ });
    expect(authStep(r)).toEqual({
      id: "authorize-ring",
      ok: null,
      verdict: "unknown",
      missing: [
        "who may read FACILITY IRR.DIGTCERT.LISTRING (RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER)",
      ],
      title: TITLE,
      detail: `${NOT_IN_EFFECT} The inputs contain no FACILITY profiles, so they do not show who may read IRR.DIGTCERT.LISTRING. racfring takes the typical setting — a profile covers it (R_datalib needs one) — and goes on as if OTHER had UPDATE (another user's ring); if it has not, the ring cannot be opened (202).`,
      evidence: [],
      source: GLOBAL_SOURCE,
      confidence: "ibm",
    });
    expect(r.conditions.filter((c) => c.step === "authorize-ring")).toEqual([
      {
        kind: "configuration",
        text: "RDATALIB is not in effect for START1.MQRING.LST (typical; the inputs show neither SETROPTS nor RDATALIB profiles)",
        decide: ["SETROPTS LIST", "RLIST RDATALIB START1.MQRING.LST AUTHUSER"],
        step: "authorize-ring",
      },
      {
        kind: "configuration",
        text: "a FACILITY profile covers IRR.DIGTCERT.LISTRING (typical: R_datalib needs it; the inputs contain no FACILITY profiles)",
        decide: ["RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER"],
        step: "authorize-ring",
      },
      {
        kind: "access",
        text: "OTHER can read the ring (UPDATE to FACILITY IRR.DIGTCERT.LISTRING; not shown in the inputs)",
        decide: ["RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER"],
        step: "authorize-ring",
      },
    ]);
    // The prediction is 428 (FACILITY mode never returns START1's key to OTHER); with a
    // ring-specific profile granting OTHER UPDATE (and START1 READ) the key comes back: 0.
    expect(r.rc).toBe(428);
    expect(r.outcomes).toEqual([
      {
        rc: 202,
        text: RC_202,
        condition: "OTHER has no UPDATE to FACILITY IRR.DIGTCERT.LISTRING (not in the inputs)",
        confidence: "ibm",
      },
      {
        rc: 0,
        text: "(success)",
        condition: "RDATALIB is active and RACLISTed and OTHER has UPDATE on START1.MQRING.LST",
        confidence: "ibm",
      },
    ]);
    expect(r.assumptions.slice(0, 2)).toEqual([
      "RDATALIB assumed inactive (no SETROPTS for it in the inputs)",
      "FACILITY assumed active and RACLISTed (no SETROPTS for it in the inputs)",
    ]);
  });

  it("the hypothesis leaves the caller's model untouched", () => {
    const model = deck(RINGS_ONLY);
    const before = JSON.stringify([model.state.profiles, model.classState("RDATALIB")]);
    run(model, { user: "OTHER", ring: MQ });
    expect(JSON.stringify([model.state.profiles, model.classState("RDATALIB")])).toBe(before);
    expect(model.hasProfiles("RDATALIB")).toBe(false);
  });

  it("the CA virtual ring: READ taken, the 202 branch UNCONFIRMED", () => {
    const r = run(deck(RINGS_ONLY), { user: "OTHER", ring: { owner: "*AUTH*", name: "*" }, role: "client" });
    expect(authStep(r).detail).toBe(
      `${NOT_IN_EFFECT} The inputs contain no FACILITY profiles, so they do not show who may read IRR.DIGTCERT.LISTRING. racfring takes the typical setting — a profile covers it (R_datalib needs one) — and goes on as if OTHER had READ (*AUTH*/*); if it has not, the ring cannot be opened (202).`,
    );
    expect(authStep(r).confidence).toBe("unconfirmed");
    expect(r.outcomes).toEqual([
      {
        rc: 202,
        text: RC_202,
        condition: "OTHER has no READ to FACILITY IRR.DIGTCERT.LISTRING (not in the inputs)",
        confidence: "unconfirmed",
      },
    ]);
    // A virtual ring states no RDATALIB condition of its own.
    expect(r.conditions.map((c) => c.text)).not.toContainEqual(
      expect.stringMatching(/^RDATALIB is not in effect/),
    );
  });

  it("the own ring: 'its ring' and READ", () => {
    const r = run(deck(RINGS_ONLY), { user: "START1", ring: MQ });
    expect(r.conditions.find((c) => c.kind === "access")?.text).toBe(
      "START1 can read its ring (READ to FACILITY IRR.DIGTCERT.LISTRING; not shown in the inputs)",
    );
    expect(authStep(r).detail).toContain("goes on as if START1 had READ (its own ring);");
  });
});

describe("authorize-ring: RDATALIB explicitly inactive and no profile for the ring", () => {
  it("says where the class state was read, and FACILITY decides", () => {
    const r = sim(
      `SETROPTS NOCLASSACT(RDATALIB)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)`,
      { user: "START1" },
    );
    expect(authStep(r).detail).toBe(
      `Global checking. RDATALIB is not in effect (deck.jcl:19), so FACILITY decides. ${facilityLine("START1", "READ (via its own access-list entry)", "deck.jcl:4, deck.jcl:20", "its own ring needs READ")}`,
    );
    expect(r.rc).toBe(0);
    expect(r.assumptions).not.toContainEqual(expect.stringMatching(/^RDATALIB assumed/));
  });
});

describe("authorize-ring: details that decide", () => {
  it("GRPLIST not in the inputs under ring-specific checking: the condition names this step", () => {
    const r = sim(
      `${RD_ON}
      ADDGROUP WEBGRP
      CONNECT START1 GROUP(WEBGRP)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(WEBGRP) ACCESS(READ)`,
      { user: "START1" },
    );
    expect(r.rc).toBe(0);
    expect(r.conditions.map((c) => [c.step, c.decide])).toEqual([["authorize-ring", ["SETROPTS LIST"]]]);
  });

  it("another user's virtual ring needs UPDATE, like any other user's ring", () => {
    const r = run(deck(site("")), { user: "OTHER", ring: { owner: "START1", name: "*" }, role: "client" });
    expect(r.rc).toBe(202);
    expect(r.fix?.summary).toBe(
      "Permit OTHER UPDATE to IRR.DIGTCERT.LISTRING (another user's ring), then refresh FACILITY.",
    );
  });

  it("FACILITY inactive with --check-digtcert-list: both resources named", () => {
    const r = sim("SETROPTS NOCLASSACT(FACILITY)", { user: "START1", checkDigtcertList: true });
    expect(authStep(r).detail).toBe(
      `${NOT_IN_EFFECT} FACILITY is not active (deck.jcl:5, deck.jcl:19): RACF answers "not protected" for IRR.DIGTCERT.LISTRING and IRR.DIGTCERT.LIST; racfring treats that as not authorised (unconfirmed).`,
    );
  });

  it("a generic FACILITY profile is named as such", () => {
    const r = sim(
      `PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      RDEFINE FACILITY IRR.DIGTCERT.* UACC(READ)`,
      { user: "START1", checkDigtcertList: true },
    );
    expect(r.rc).toBe(0);
    expect(authStep(r).detail).toBe(
      `${NOT_IN_EFFECT} ${facilityLine("START1", "READ (via its own access-list entry)", "deck.jcl:4, deck.jcl:19", "its own ring needs READ")} FACILITY IRR.DIGTCERT.LIST, generic profile IRR.DIGTCERT.* (deck.jcl:20): START1 has READ (via UACC); its own ring needs READ.`,
    );
  });

  it("other FACILITY profiles shown, none for LISTRING: 'not protected' cited, the RDEFINE proposed without the 'inputs do not show' caveat", () => {
    const text = `
  ADDUSER START1 DFLTGRP(STC)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)
  RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)
  SETROPTS RACLIST(FACILITY) REFRESH`;
    const r = run(deck(text), { user: "START1", ring: MQ });
    expect(r.rc).toBe(202);
    expect(authStep(r).source).toBe(`${R.listring}; ${R.notProtected}`);
    expect(r.fix).toEqual({
      summary: "Permit START1 READ to IRR.DIGTCERT.LISTRING (own ring), then refresh FACILITY.",
      commands: [
        "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)",
        "SETROPTS RACLIST(FACILITY) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("a defined user's entry on the .LST list is no group: READ from a possible group only, START1's key withheld (428)", () => {
    const r = sim(
      `${RD_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(SOMEGRP) ACCESS(READ)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)`,
      { user: "UNDEF" },
    );
    expect(authStep(r).ok).toBeNull();
    expect(r.rc).toBe(428);
  });
});
