/**
 * The identity and private-keys steps: what the trace tells the administrator about the user the
 * application runs as (SPECIAL, groups, REVOKED, missing from the inputs) and about each ring
 * entry's private key (returned, not returned and why, unknown and why). Return codes are pinned
 * by the scenario suites; these tests pin the sentences, verdicts, evidence and sources.
 */
import { describe, expect, it } from "vitest";
import { R } from "../../src/sim/checks/rules.js";
import type { SimResult } from "../../src/sim/simulate.js";
import { simulate } from "../../src/sim/simulate.js";
import { aCert, aRoot, healthySite } from "../audit/builders.js";
import { BASE, deck, run, serverCert } from "./builders.js";

function stepOf(r: SimResult, id: string) {
  const s = r.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id} step; steps: ${r.steps.map((x) => x.id).join(", ")}`);
  return s;
}

/** START1 (default group STC, also in MQGRP) owns MqRing with its own certificate and the CA. */
function ownRing(extra = "", cert = serverCert("START1", "MQ Server")): string {
  return `${BASE}
  ADDGROUP STC
  ADDGROUP MQGRP
  ADDUSER START1 DFLTGRP(STC)
  CONNECT START1 GROUP(MQGRP)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
  ${cert}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') -
    RING(MqRing) USAGE(PERSONAL) DEFAULT)
  RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') -
    RING(MqRing) USAGE(CERTAUTH))
  ${extra}
`;
}
const MQ = { owner: "START1", name: "MqRing" };

/** A SITE certificate connected PERSONAL to WEB's ring: its key needs SPECIAL or CONTROL. */
function sitePersonal(extra: string): string {
  return `${BASE}
  ADDUSER WEB DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)
  RACDCERT SITE GENCERT SUBJECTSDN(CN('shared.example.com')) -
    WITHLABEL('Shared TLS') KEYUSAGE(HANDSHAKE) -
    NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
  RACDCERT ID(WEB) ADDRING(WEBRING)
  RACDCERT ID(WEB) CONNECT(SITE LABEL('Shared TLS') RING(WEBRING) -
    USAGE(PERSONAL) DEFAULT)
  ${extra}
`;
}
const WEBRING = { owner: "WEB", name: "WEBRING" };

describe("identity step", () => {
  it("names the user, where the id comes from, SPECIAL and every group", () => {
    const r = run(deck(ownRing()), {
      user: "START1",
      ring: MQ,
      userOrigin: {
        description: "STARTED profile MQ.* STDATA USER(START1)",
        startedProfile: "MQ.*",
        sources: [{ file: "started.txt", line: 3, kind: "listing" }],
      },
    });
    const s = stepOf(r, "identity");
    expect(s.title).toBe("Identity");
    expect(s.ok).toBe(true);
    expect(s.detail).toBe(
      "The application runs as START1 — STARTED profile MQ.* STDATA USER(START1). Not SPECIAL; groups STC, MQGRP.",
    );
    expect(s.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(["started.txt:3", "deck.jcl:9"]);
    expect(s.confidence).toBe("ibm");
    expect(s.source).toMatch(/^the application's user id is its address space's ACEE/);
    expect(r.warnings).toEqual([]);
    expect(r.assumptions.join("\n")).not.toMatch(/START1/);
  });

  it("SPECIAL and REVOKED are stated, and REVOKED is also a warning", () => {
    const r = run(deck(ownRing("ALTUSER START1 SPECIAL REVOKE")), { user: "START1", ring: MQ });
    expect(stepOf(r, "identity").detail).toBe(
      "The application runs as START1. SPECIAL; groups STC, MQGRP; REVOKED — it cannot even start.",
    );
    expect(r.warnings).toEqual([
      "START1 is REVOKED in the inputs: the application cannot run under it at all.",
    ]);
  });

  it("a user missing from the inputs: assumed to exist, not SPECIAL, in no groups — said twice", () => {
    const r = run(deck(ownRing()), { user: "GHOST", ring: MQ });
    const s = stepOf(r, "identity");
    expect(s.ok).toBe(true);
    expect(s.detail).toBe(
      "The application runs as GHOST. GHOST is not defined in the inputs (assumed to exist, not SPECIAL).",
    );
    expect(s.evidence).toEqual([]);
    expect(r.assumptions).toContain(
      "user GHOST is not in the inputs: assumed to exist, not SPECIAL, in no groups",
    );
  });

  it("a user only referred to (PERMIT without ADDUSER): assumed not SPECIAL", () => {
    const r = run(deck(ownRing("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(MQUSER) ACCESS(UPDATE)")), {
      user: "MQUSER",
      ring: MQ,
    });
    expect(r.assumptions).toContain(
      "user MQUSER is referred to but never defined in the inputs: assumed not SPECIAL",
    );
    expect(stepOf(r, "identity").detail).toBe("The application runs as MQUSER. Not SPECIAL.");
  });
});

describe("private-keys step", () => {
  it("own certificate returned with its key, the CA's usage keeps its key back", () => {
    const r = run(deck(ownRing()), { user: "START1", ring: MQ });
    const s = stepOf(r, "private-keys");
    expect(s.title).toBe("Decide which private keys come back");
    expect(s.ok).toBe(true);
    expect(s.detail).toBe(
      "'MQ Server' (ID(START1)): key returned — own certificate; key present. " +
        "'Example Root CA' (CERTAUTH): no key — usage CERTAUTH: R_datalib never returns a private key for it.",
    );
    // the certificates' own definitions, not the connections
    expect(s.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(["deck.jcl:13", "deck.jcl:1"]);
    // no CA certificate connected PERSONAL: only the general rule
    expect(s.source).toBe(R.keys);
    expect(s.confidence).toBe("ibm");
  });

  it("a key in ICSF PKDS names the store and the ICSF label", () => {
    const r = run(deck(ownRing("", serverCert("START1", "MQ Server", "PKDS(MQKEY)"))), {
      user: "START1",
      ring: MQ,
    });
    expect(stepOf(r, "private-keys").detail).toMatch(
      /^'MQ Server' \(ID\(START1\)\): key returned — own certificate; key present in ICSF PKDS \(label MQKEY\)\. /,
    );
  });

  it("a key in ICSF TKDS without a label names the store only", () => {
    const r = run(deck(ownRing("", serverCert("START1", "MQ Server", "TKDS"))), { user: "START1", ring: MQ });
    expect(stepOf(r, "private-keys").detail).toMatch(
      /^'MQ Server' \(ID\(START1\)\): key returned — own certificate; key present in ICSF TKDS\. /,
    );
  });

  it("SITE key without CONTROL on GENCERT: not returned, the profile's definition and PERMIT cited, CA-key rule added to the source", () => {
    const r = run(
      deck(
        sitePersonal(`RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)
  PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(WEB) ACCESS(READ)
  SETROPTS RACLIST(FACILITY) REFRESH`),
      ),
      { user: "WEB", ring: WEBRING },
    );
    const s = stepOf(r, "private-keys");
    expect(s.detail).toBe(
      "'Shared TLS' (SITE): no key — SITE certificate: needs SPECIAL or CONTROL on FACILITY IRR.DIGTCERT.GENCERT (has READ) (deck.jcl:15, deck.jcl:16).",
    );
    expect(s.ok).toBe(true);
    expect(s.source).toBe(`${R.keys}; ${R.caKeys}`);
    expect(r.rc).toBe(428);
  });

  it("a GENCERT profile is cited only for the key it withholds, and the CA-key rule is added when any entry needs it", () => {
    const r = run(
      deck(
        sitePersonal(`RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Example Root CA') RING(WEBRING) USAGE(CERTAUTH))
  RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)
  SETROPTS RACLIST(FACILITY) REFRESH`),
      ),
      { user: "WEB", ring: WEBRING },
    );
    const s = stepOf(r, "private-keys");
    expect(s.detail).toBe(
      "'Shared TLS' (SITE): no key — SITE certificate: needs SPECIAL or CONTROL on FACILITY IRR.DIGTCERT.GENCERT (has NONE) (deck.jcl:16). " +
        "'Example Root CA' (CERTAUTH): no key — usage CERTAUTH: R_datalib never returns a private key for it.",
    );
    expect(s.source).toBe(`${R.keys}; ${R.caKeys}`);
  });

  it("SITE key, no GENCERT profile: no key, and no location to cite", () => {
    const r = run(deck(sitePersonal("")), { user: "WEB", ring: WEBRING });
    expect(stepOf(r, "private-keys").detail).toBe(
      "'Shared TLS' (SITE): no key — SITE certificate: needs SPECIAL or CONTROL on FACILITY IRR.DIGTCERT.GENCERT (no profile in the inputs).",
    );
  });

  it("SITE key under a ring-specific profile in WARNING mode: returned, with the warning and an unconfirmed confidence", () => {
    const r = run(
      deck(
        sitePersonal(`SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)
  RDEFINE RDATALIB WEB.WEBRING.LST UACC(NONE) WARNING
  PERMIT WEB.WEBRING.LST CLASS(RDATALIB) ID(WEB) ACCESS(READ)
  SETROPTS RACLIST(RDATALIB) REFRESH`),
      ),
      { user: "WEB", ring: WEBRING },
    );
    const s = stepOf(r, "private-keys");
    expect(s.detail).toBe(
      "'Shared TLS' (SITE): key returned — SITE certificate: needs CONTROL on RDATALIB WEB.WEBRING.LST (has READ), but the profile is in WARNING mode, so RACF lets the check through and logs ICH408I as a warning; that R_datalib then returns the key at this level is not documented; key present.",
    );
    expect(s.confidence).toBe("unconfirmed");
    expect(r.rc).toBe(0);
  });

  const AT = new Date("2026-06-01T00:00:00Z");
  const MIXED = { owner: "WEBSRV", name: "Mixed" };

  it("RACF holds no key for the certificate: 'no key', and the step still passes", () => {
    const web = aCert("ID(WEBSRV)", "Web", { privateKey: false });
    const r = simulate(
      healthySite()
        .cert(web)
        .ring("WEBSRV", "Mixed", [[aRoot()], [web, { default: true }]])
        .build(),
      {
        user: "WEBSRV",
        ring: MIXED,
        at: AT,
      },
    );
    const s = stepOf(r, "private-keys");
    expect(s.detail).toMatch(
      / 'Web' \(ID\(WEBSRV\)\): no key — own certificate; but RACF holds no private key for it\.$/,
    );
    expect(s.ok).toBe(true);
  });

  it("whether RACF holds the key is not known: 'key unknown', verdict unknown", () => {
    const web = aCert("ID(WEBSRV)", "Web", { privateKey: null });
    const r = simulate(
      healthySite()
        .cert(web)
        .ring("WEBSRV", "Mixed", [[aRoot()], [web, { default: true }]])
        .build(),
      {
        user: "WEBSRV",
        ring: MIXED,
        at: AT,
      },
    );
    const s = stepOf(r, "private-keys");
    expect(s.detail).toMatch(
      / 'Web' \(ID\(WEBSRV\)\): key unknown — own certificate; whether RACF holds a private key is not known from the inputs\.$/,
    );
    expect(s.ok).toBeNull();
    expect(r.assumptions).toContain(
      "private key of ID(WEBSRV) 'Web' assumed present (the inputs do not say)",
    );
  });

  it("the DEFAULT certificate is missing from the inputs: its key is assumed, and the assumption says why", () => {
    const ghost = aCert("ID(WEBSRV)", "Ghost");
    const r = simulate(
      healthySite()
        .ring("WEBSRV", "Mixed", [[aRoot()], [ghost, { default: true }]])
        .build(),
      {
        user: "WEBSRV",
        ring: MIXED,
        at: AT,
      },
    );
    expect(stepOf(r, "private-keys").detail).toMatch(
      / 'Ghost' \(ID\(WEBSRV\)\): key unknown — own certificate; certificate not in the inputs\.$/,
    );
    expect(r.assumptions).toContain(
      "certificate ID(WEBSRV) 'Ghost' is not in the inputs: assumed to have a private key",
    );
    expect(r.assumptions.join("\n")).not.toContain("assumed present (the inputs do not say)");
  });

  it("one entry known, one certificate missing from the inputs: verdict unknown, evidence is the definition and the connection", () => {
    const web = aCert("ID(WEBSRV)", "Web");
    const ghost = aCert("ID(WEBSRV)", "Ghost");
    const model = healthySite()
      .cert(web)
      .ring("WEBSRV", "Mixed", [[web, { default: true }], [ghost]])
      .build();
    const r = simulate(model, { user: "WEBSRV", ring: MIXED, at: AT });
    const s = stepOf(r, "private-keys");
    expect(s.detail).toBe(
      "'Web' (ID(WEBSRV)): key returned — own certificate; key present. " +
        "'Ghost' (ID(WEBSRV)): key unknown — own certificate; certificate not in the inputs.",
    );
    expect(s.ok).toBeNull();
    const ring = model.ring("WEBSRV", "Mixed");
    const ghostConn = ring?.connections.find((c) => c.label === "Ghost");
    const webCert = model.certificate("ID(WEBSRV)", "Web");
    expect(webCert?.sources[0]).not.toEqual(ghostConn?.sources[0]);
    expect(s.evidence).toEqual([webCert?.sources[0], ghostConn?.sources[0]]);
  });

  it("an empty ring: 'No entries.' and the step passes (rc 6 comes from certificate selection)", () => {
    const r = simulate(healthySite().ring("WEBSRV", "Mixed", []).build(), {
      user: "WEBSRV",
      ring: MIXED,
      at: AT,
    });
    const s = stepOf(r, "private-keys");
    expect(s.detail).toBe("No entries.");
    expect(s.ok).toBe(true);
    expect(s.evidence).toEqual([]);
    expect(r.rc).toBe(6);
  });
});
