/**
 * The text an administrator reads for a simulation (`racfring simulate`) and a return code
 * (`racfring explain`): every section, its order, its wording and its wrapping, written out here
 * as reviewed text rather than a snapshot.
 */
import { describe, expect, it } from "vitest";
import { codeInfo } from "../../src/sim/catalogue.js";
import { formatCode, formatResult, wrap } from "../../src/sim/format.js";
import { BASE, deck, run, serverCert } from "./builders.js";

/** START1's own ring; FACILITY made inactive (line 17), so the ring read fails UNCONFIRMED. */
const FACILITY_OFF = `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)
  SETROPTS NOCLASSACT(FACILITY)
`;
/** Only a ring listing: the ring read rests on conditions; a P-521 key without SAN. */
const LISTING_ONLY = `
  ADDUSER WEB DFLTGRP(STC)
  RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('web.example.com')) WITHLABEL('Web') NISTECC SIZE(521) KEYUSAGE(HANDSHAKE) NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
  RACDCERT ID(WEB) ADDRING(WebRing)
  RACDCERT ID(WEB) CONNECT(ID(WEB) LABEL('Web') RING(WebRing) USAGE(PERSONAL) DEFAULT)`;

const RESTART =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";

describe("formatResult", () => {
  it("a failing client: headline, partner, trace with evidence and rules (a rule's own tag not repeated), fix and alternative in deck form", () => {
    const r = run(deck(FACILITY_OFF), {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      role: "client",
    });
    r.partner = { rc: 420, text: "Socket closed by remote partner.", confidence: "unconfirmed" };
    expect(
      formatResult(r, { width: Number.POSITIVE_INFINITY, context: ["Settings from policy rule R1."] }),
    ).toBe(
      [
        "Simulating a TLS client running as START1 with key ring START1/MqRing.",
        "  Settings from policy rule R1.",
        "",
        'Prediction: RC 202 "Error detected while opening the certificate database." on the client side at "Environment Init". [text: IBM; prediction: UNCONFIRMED]',
        'Partner (server): RC 420 "Socket closed by remote partner.". [UNCONFIRMED]',
        "",
        "Trace:",
        "   1. [ok  ] Identity (identity)",
        "        The application runs as START1. Not SPECIAL; groups STC.",
        "        evidence: deck.jcl:7",
        "        rule: the application's user id is its address space's ACEE: STARTED profile STDATA or the job's USER (IBM RACF Security Administrator's Guide, started procedures) [IBM]",
        "   2. [ok  ] Resolve the key ring (resolve-ring)",
        "        Ring MqRing owned by START1 exists (deck.jcl:15) with 1 connected certificate(s).",
        "        evidence: deck.jcl:15",
        "        rule: ring names are case-sensitive, owned by users only — IBM KC21 icha700/tringp.htm (rules §1) [IBM]",
        "   3. [FAIL] Authorise the ring read (authorize-ring)",
        '        Global checking. RDATALIB is not in effect (assumed), so FACILITY decides. FACILITY is not active (deck.jcl:5, deck.jcl:17): RACF answers "not protected" for IRR.DIGTCERT.LISTRING; racfring treats that as not authorised (unconfirmed).',
        "        evidence: deck.jcl:5, deck.jcl:17",
        "        rule: FACILITY IRR.DIGTCERT.LISTRING: READ own ring, UPDATE another user's — IBM KC21 icha400/le-listring.htm (rules §1); no profile protects the resource: RACF answers 'not protected'; R_datalib's handling of that is not documented — racfring treats it as not authorised [UNCONFIRMED]",
        "",
        "Fix:",
        "  Permit START1 READ to IRR.DIGTCERT.LISTRING (own ring), then activate and RACLIST FACILITY (every FACILITY profile then takes effect: review them first).",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)",
        "SETROPTS CLASSACT(FACILITY) RACLIST(FACILITY)",
        `    Note: ${RESTART}`,
        "",
        "Alternative:",
        "  1) Use ring-specific checking: define START1.MQRING.LST in RDATALIB and permit START1 READ.",
        "RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)",
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
        `       Note: ${RESTART}`,
        "       Note: SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB) switches ring-specific checking on for the whole system: every RDATALIB profile that already exists takes effect at once, for its rings' owners too. List them first (SEARCH CLASS(RDATALIB), RLIST RDATALIB profile AUTHUSER) and make sure each grants what its ring's users need.",
        "",
        "Assumptions:",
        "  - RDATALIB assumed inactive (no SETROPTS for it in the inputs)",
        "  - SETROPTS RACLIST(FACILITY) REFRESH implies FACILITY is active and RACLISTed",
        "",
      ].join("\n"),
    );
  });

  it("no partner code: says it is not predicted; two alternatives are numbered under 'Alternatives:'", () => {
    const r = run(deck(FACILITY_OFF), {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      role: "client",
    });
    r.alternatives.push({ summary: "Second way.", commands: ["SETROPTS LIST"] });
    const text = formatResult(r, { width: Number.POSITIVE_INFINITY });
    expect(text).toContain(
      "[text: IBM; prediction: UNCONFIRMED]\nPartner: not predicted (no source says what the other side logs here).\n",
    );
    expect(text).toContain("\nAlternatives:\n  1) Use ring-specific checking:");
    expect(text).toContain("\n  2) Second way.\nSETROPTS LIST\n\nAssumptions:\n");
  });

  it("a prediction on conditions: the headline says them and the other code, wrapped at the width; conditions, outcomes, the commands that decide, client warnings", () => {
    const r = run(deck(LISTING_ONLY), { user: "WEB", ring: { owner: "WEB", name: "WebRing" } });
    const text = formatResult(r, { width: 80 });
    const lines = text.split("\n");
    expect(lines.slice(0, 20)).toEqual([
      "Simulating a TLS server running as WEB with key ring WEB/WebRing, certificate 'Web'.",
      "",
      "Prediction: RC 0 — the handshake succeeds on this side — if WEB can read its",
      "  ring (READ to FACILITY IRR.DIGTCERT.LISTRING; not shown in the inputs);",
      "  otherwise RC 202. [prediction: IBM]",
      "",
      "Conditions (the inputs do not show these; the prediction assumes them):",
      "  - RDATALIB is not in effect for WEB.WEBRING.LST (typical; the inputs show",
      "    neither SETROPTS nor RDATALIB profiles)",
      "  - a FACILITY profile covers IRR.DIGTCERT.LISTRING (typical: R_datalib needs",
      "    it; the inputs contain no FACILITY profiles)",
      "  - WEB can read its ring (READ to FACILITY IRR.DIGTCERT.LISTRING; not shown in",
      "    the inputs)",
      "",
      "Other outcomes:",
      '  - RC 202 "Error detected while opening the certificate database." if WEB has',
      "    no READ to FACILITY IRR.DIGTCERT.LISTRING (not in the inputs) [IBM]",
      "",
      "Trace:",
      "   1. [ok  ] Identity (identity)",
    ]);
    // An open step is marked "--", a step with no evidence has no evidence line.
    expect(text).toContain(
      "   3. [--  ] Authorise the ring read (authorize-ring)\n        Global checking. RDATALIB is not in effect (assumed), so FACILITY\n",
    );
    expect(text).toContain("        (rules §1) [IBM]\n   4. [ok  ] Load the ring's entries (load-entries)\n");
    expect(text).toContain(
      [
        "",
        "Check what the inputs do not show (each command's output decides a condition):",
        "  SETROPTS LIST",
        "  RLIST RDATALIB WEB.WEBRING.LST AUTHUSER",
        "  RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER",
        "",
        "Clients outside z/OS:",
        "  - 'Web' has no DNS/IP subjectAltName: browsers (Chrome) ignore the CN and will",
        "    reject the host name.",
        "  - 'Web' uses curve P-521: Chrome and Firefox do not support it for ECDSA",
        "    (field case 9) — use NISTECC SIZE(256) or SIZE(384).",
        "",
        "Assumptions:",
        "  - RDATALIB assumed inactive (no SETROPTS for it in the inputs)",
      ].join("\n"),
    );
    expect(text.endsWith("    (RACF's current default) [UNCONFIRMED]\n")).toBe(true);
  });

  it("conditions and a fix: the commands that decide come 'Then'", () => {
    const r = run(deck(LISTING_ONLY), {
      user: "WEB",
      ring: { owner: "WEB", name: "WebRing" },
      label: "Nope",
    });
    expect(r.rc).toBe(6);
    const text = formatResult(r);
    expect(text).toContain(
      "\n\nThen check what the inputs do not show (each command's output decides a condition):\n  SETROPTS LIST\n",
    );
    // A failing prediction on conditions wraps its headline too (default width 100).
    expect(text.split("\n").slice(2, 5)).toEqual([
      'Prediction: RC 6 "Key label is not found." on the server side at "Initial Handshake" — if WEB can',
      "  read its ring (READ to FACILITY IRR.DIGTCERT.LISTRING; not shown in the inputs); otherwise RC 202.",
      "  [text: IBM; prediction: IBM]",
    ]);
  });

  it("only configuration conditions: the headline names them all", () => {
    const r = run(deck(LISTING_ONLY), { user: "WEB", ring: { owner: "WEB", name: "WebRing" } });
    r.conditions = r.conditions.filter((c) => c.kind === "configuration");
    r.outcomes = [];
    expect(formatResult(r, { width: Number.POSITIVE_INFINITY }).split("\n")[2]).toBe(
      "Prediction: RC 0 — the handshake succeeds on this side — if RDATALIB is not in effect for WEB.WEBRING.LST (typical; the inputs show neither SETROPTS nor RDATALIB profiles) and a FACILITY profile covers IRR.DIGTCERT.LISTRING (typical: R_datalib needs it; the inputs contain no FACILITY profiles). [prediction: IBM]",
    );
  });
});

describe("wrap", () => {
  it("fills lines up to the width, the first with its indent, the rest with the hang", () => {
    expect(wrap("aaa bbb ccc ddd", "> ", 9, "  ")).toEqual(["> aaa bbb", "  ccc ddd"]);
    expect(wrap("aaa bbb ccc", "", 7)).toEqual(["aaa bbb", "ccc"]);
  });
  it("collapses blanks, keeps a word longer than the width whole, returns nothing for no words", () => {
    expect(wrap("  one   two  ", "", 100)).toEqual(["one two"]);
    expect(wrap("abcdefghijkl mn", "", 5)).toEqual(["abcdefghijkl", "mn"]);
    expect(wrap("", "x", 10)).toEqual([]);
  });
});

describe("formatCode", () => {
  it("202: text, meaning, causes, what to check and the source, wrapped", () => {
    expect(formatCode(codeInfo(202), 60)).toBe(
      [
        "System SSL return code 202: Error detected while opening the certificate database. [text: IBM]",
        "",
        "  System SSL could not open the key ring: R_datalib refused",
        "  it (not authorised) or the ring does not exist under that",
        '  owner (older releases say "…key database.").',
        "",
        "Likely causes:",
        "  - ring owner or ring name misspelled — ring names are",
        "    case-sensitive (field case 1)",
        "  - the user has no READ (own ring) / UPDATE (another user's",
        "    ring) to FACILITY IRR.DIGTCERT.LISTRING (field case 2)",
        "  - a matching RDATALIB <owner>.<ring>.LST profile denies",
        "    the user — the ring owner included",
        "  - permissions changed but SETROPTS",
        "    RACLIST(FACILITY|RDATALIB) REFRESH not done",
        "",
        "What to check:",
        "  - ICH408I messages for IRR.DIGTCERT.LISTRING or *.LST at",
        "    the time of the failure",
        "  - RACDCERT ID(owner) LISTRING(*) for the exact ring name",
        "  - RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER and RLIST",
        "    RDATALIB owner.ring.LST AUTHUSER",
        "",
        "Source: IBM z/OS Cryptographic Services System SSL",
        "Programming, return codes",
        "(https://www.ibm.com/docs/en/zos/latest?topic=sfrc-1; KC21",
        "com.ibm.zos.v2r1.e0zh300/sslfrc.htm); field cases 1, 2 [IBM]",
        "",
      ].join("\n"),
    );
  });

  it("a code not in the catalogue: only the headline and the UNCONFIRMED source", () => {
    expect(formatCode(codeInfo(9999))).toBe(
      "AT-TLS return code 9999: (text not in racfring's catalogue) [text: UNCONFIRMED]\n\nSource: [UNCONFIRMED]\n",
    );
  });
});

describe("formatResult: sections that appear only when they have content", () => {
  const OTHER_RING = `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  ADDUSER OTHER DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(READ)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)`;

  it("a server's failure: the partner is the client; RACF's messages are listed; the unconditional headline stays one line at width 100", () => {
    const r = run(deck(OTHER_RING), { user: "OTHER", ring: { owner: "START1", name: "MqRing" } });
    const text = formatResult(r);
    expect(text.split("\n").slice(2, 8)).toEqual([
      'Prediction: RC 202 "Error detected while opening the certificate database." on the server side at "Environment Init". [text: IBM; prediction: IBM]',
      'Partner (client): RC 406 "Error while reading or writing data.". [third-party]',
      "",
      "Expected messages:",
      "  ICH408I USER(OTHER) GROUP(STC) IRR.DIGTCERT.LISTRING CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(UPDATE) ACCESS ALLOWED(READ)",
      "",
    ]);
  });

  it("no alternatives, no assumptions, no evidence: no header and no empty line for them", () => {
    const r = run(deck(OTHER_RING), { user: "OTHER", ring: { owner: "START1", name: "MqRing" } });
    r.alternatives = [];
    r.assumptions = [];
    for (const step of r.steps) step.evidence = [];
    const text = formatResult(r, { width: Number.POSITIVE_INFINITY });
    expect(text).not.toContain("Alternative");
    expect(text).not.toContain("Assumptions:");
    expect(text).not.toContain("evidence:");
    expect(text.endsWith("make sure each grants what its ring's users need.\n")).toBe(true);
  });

  it("several other codes: 'otherwise RC a or RC b'", () => {
    const r = run(deck(LISTING_ONLY), { user: "WEB", ring: { owner: "WEB", name: "WebRing" } });
    r.outcomes.push({
      rc: 428,
      text: "Key entry does not contain a private key.",
      condition: "x",
      confidence: "ibm",
    });
    expect(formatResult(r, { width: Number.POSITIVE_INFINITY }).split("\n")[2]).toBe(
      "Prediction: RC 0 — the handshake succeeds on this side — if WEB can read its ring (READ to FACILITY IRR.DIGTCERT.LISTRING; not shown in the inputs); otherwise RC 202 or RC 428. [prediction: IBM]",
    );
  });
});
