/**
 * Table-driven scenarios: one RACF command deck per situation, the request, and the return code
 * and failing step the rules (racf-rules.md §1–§4, field cases) call for.
 */
import { describe, expect, it } from "vitest";
import type { SimRequest, SimResult } from "../../src/sim/simulate.js";
import { BASE, deck, failedStep, NOW, peerCert, run, serverCert } from "./builders.js";

interface Scenario {
  name: string;
  deck: string;
  req: Partial<SimRequest> & Pick<SimRequest, "user" | "ring">;
  rc: number;
  /** The step that fails (undefined when rc is 0). */
  step?: string;
  check?: (r: SimResult) => void;
}

/** START1 owns ring MQRING with its own certificate; the usual good start. */
const OWN_RING = `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') -
    RING(MqRing) USAGE(PERSONAL) DEFAULT)
  RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') -
    RING(MqRing) USAGE(CERTAUTH))
`;

const RDATALIB_ON = "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)";

/** A CA-owned (SITE or CERTAUTH) certificate connected PERSONAL to WEB's ring. */
function caPersonal(owner: "SITE" | "CERTAUTH", extra = ""): string {
  return `${BASE}
  ADDUSER WEB DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)
  RACDCERT ${owner} GENCERT SUBJECTSDN(CN('shared.example.com')) -
    WITHLABEL('Shared TLS') KEYUSAGE(HANDSHAKE) -
    NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
  RACDCERT ID(WEB) ADDRING(WEBRING)
  RACDCERT ID(WEB) CONNECT(${owner} LABEL('Shared TLS') RING(WEBRING) -
    USAGE(PERSONAL) DEFAULT)
  ${extra}
`;
}

const scenarios: Scenario[] = [
  // ---- resolve-ring ----------------------------------------------------------------------
  {
    name: "a correct set-up predicts 0",
    deck: OWN_RING,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" } },
    rc: 0,
  },
  {
    name: "ring names are case-sensitive: MQRING is not MqRing → 202",
    deck: OWN_RING,
    req: { user: "START1", ring: { owner: "START1", name: "MQRING" } },
    rc: 202,
    step: "resolve-ring",
    check: (r) => expect(r.steps[1]?.detail).toMatch(/"MqRing".*case-sensitive/),
  },
  {
    name: "owner without such a ring → 202 naming the real owner",
    deck: OWN_RING,
    req: { user: "START1", ring: { owner: "START2", name: "MqRing" } },
    rc: 202,
    step: "resolve-ring",
    check: (r) => expect(r.fix?.summary).toMatch(/START1\/MqRing/),
  },
  // ---- authorize-ring: global ------------------------------------------------------------
  {
    name: "own ring with READ on IRR.DIGTCERT.LISTRING opens",
    deck: OWN_RING,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" }, label: "MQ Server" },
    rc: 0,
  },
  {
    name: "another user's ring needs UPDATE; READ → 202",
    deck: `${OWN_RING}
      ADDUSER OTHER DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(READ)`,
    req: { user: "OTHER", ring: { owner: "START1", name: "MqRing" } },
    rc: 202,
    step: "authorize-ring",
    check: (r) => {
      // Its key would not come back either (FACILITY mode, another user's certificate): RDATALIB first.
      expect(r.fix?.commands).toContain("PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(UPDATE)");
      expect(r.alternatives[0]?.commands).toContain(
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(UPDATE)",
      );
    },
  },
  {
    name: "access through a group on the FACILITY profile counts",
    deck: `${OWN_RING}
      ADDUSER OTHER DFLTGRP(WEBGRP)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEBGRP) ACCESS(UPDATE)`,
    req: {
      user: "OTHER",
      ring: { owner: "START1", name: "MqRing" },
      label: "Example Root CA",
      role: "client",
    },
    rc: 0,
  },
  {
    name: "no FACILITY profile at all, --assume-denied → 202, labelled unconfirmed",
    deck: `
      ADDUSER START1 DFLTGRP(STC)
      ${serverCert("START1", "MQ Server")}
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') -
        RING(KEY) USAGE(PERSONAL) DEFAULT)`,
    req: { user: "START1", ring: { owner: "START1", name: "KEY" }, assumeDenied: true },
    rc: 202,
    step: "authorize-ring",
    check: (r) => {
      expect(r.conditions.filter((c) => c.kind === "access")).toEqual([]);
      expect(r.confidence).toBe("unconfirmed");
      expect(r.fix?.commands[0]).toBe("RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)");
    },
  },
  {
    name: "SPECIAL is not assumed to bypass the ring-open check",
    deck: `${BASE}
      ADDUSER BOSS DFLTGRP(SYS1) SPECIAL
      RACDCERT ID(BOSS) ADDRING(R1)`,
    req: { user: "BOSS", ring: { owner: "BOSS", name: "R1" }, role: "client" },
    rc: 202,
    step: "authorize-ring",
    check: (r) =>
      expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toMatch(/SPECIAL is not assumed/),
  },
  // ---- authorize-ring: ring-specific -----------------------------------------------------
  {
    name: "RDATALIB locks out the ring owner himself → 202 (third-party rule)",
    deck: `${OWN_RING}
      ${RDATALIB_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(READ)`,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" } },
    rc: 202,
    step: "authorize-ring",
    check: (r) => {
      expect(r.confidence).toBe("third-party");
      expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toMatch(/owner included/);
      expect(r.fix?.commands).toEqual([
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ]);
    },
  },
  {
    name: "ring name folded to upper case for the .LST profile (MqRing → START1.MQRING.LST)",
    deck: `${OWN_RING}
      ${RDATALIB_ON}
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)
      RDEFINE FACILITY IRR.DIGTCERT.** UACC(NONE)`,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" } },
    rc: 0,
    check: (r) =>
      expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toMatch(/START1\.MQRING\.LST/),
  },
  {
    name: "generic RDATALIB profile START1.*.LST decides",
    deck: `${OWN_RING}
      ADDUSER MQSRV DFLTGRP(STC)
      ${RDATALIB_ON}
      RDEFINE RDATALIB START1.*.LST UACC(NONE)
      PERMIT START1.*.LST CLASS(RDATALIB) ID(MQSRV) ACCESS(UPDATE)`,
    req: { user: "MQSRV", ring: { owner: "START1", name: "MqRing" } },
    rc: 0,
    check: (r) =>
      expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toMatch(
        /generic profile START1\.\*\.LST/,
      ),
  },
  {
    name: "generic RDATALIB profile with READ only: 428, and the fix defines the discrete profile from it (never a PERMIT on the generic one)",
    deck: `${OWN_RING}
      ADDUSER MQSRV DFLTGRP(STC)
      ${RDATALIB_ON}
      RDEFINE RDATALIB START1.** UACC(NONE)
      PERMIT START1.** CLASS(RDATALIB) ID(MQSRV) ACCESS(READ)`,
    req: { user: "MQSRV", ring: { owner: "START1", name: "MqRing" } },
    rc: 428,
    step: "selected-key",
    check: (r) => {
      expect(r.fix?.commands.slice(0, 2)).toEqual([
        "RDEFINE RDATALIB START1.MQRING.LST FROM(START1.**)",
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(MQSRV) ACCESS(UPDATE)",
      ]);
      expect(r.fix?.summary).toContain("decides for START1.MQRING.LST alone");
      for (const f of [r.fix, ...r.alternatives])
        for (const c of f?.commands ?? []) expect(c).not.toMatch(/^PERMIT START1\.\*\*/);
    },
  },
  {
    name: "RDATALIB profile ignored when the class is not RACLISTed (explicitly): FACILITY decides",
    deck: `${OWN_RING}
      ADDUSER MQSRV DFLTGRP(STC)
      SETROPTS CLASSACT(RDATALIB) NORACLIST(RDATALIB)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(MQSRV) ACCESS(UPDATE)`,
    req: { user: "MQSRV", ring: { owner: "START1", name: "MqRing" } },
    rc: 202,
    step: "authorize-ring",
    check: (r) => expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toMatch(/not RACLISTed/),
  },
  {
    name: "RDATALIB profile without SETROPTS in the deck: class assumed active, and said so",
    deck: `${OWN_RING}
      ADDUSER MQSRV DFLTGRP(STC)
      RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)
      PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(MQSRV) ACCESS(UPDATE)`,
    req: { user: "MQSRV", ring: { owner: "START1", name: "MqRing" } },
    rc: 0,
    check: (r) =>
      expect(r.assumptions.join("\n")).toMatch(
        /RDATALIB assumed active and RACLISTed because profile START1\.MQRING\.LST/,
      ),
  },
  // ---- load-entries / select-certificate --------------------------------------------------
  {
    name: "label not on the ring → 6",
    deck: OWN_RING,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" }, label: "MQ server" },
    rc: 6,
    step: "select-certificate",
    check: (r) => {
      expect(r.steps.find((s) => s.id === "select-certificate")?.detail).toMatch(
        /'MQ Server'.*case-sensitive/,
      );
      expect(r.partner?.rc).toBe(438);
    },
  },
  {
    name: "NOTRUST entries are invisible (IBM, return code 6): labelled NOTRUST certificate → 6 with ALTER TRUST fix",
    deck: `${OWN_RING}
      RACDCERT ID(START1) ALTER(LABEL('MQ Server')) NOTRUST`,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" }, label: "MQ Server" },
    rc: 6,
    step: "select-certificate",
    check: (r) => {
      expect(r.confidence).toBe("ibm");
      expect(r.fix?.commands[0]).toBe("RACDCERT ID(START1) ALTER(LABEL('MQ Server')) TRUST");
    },
  },
  {
    name: "label exists in RACF but is not connected → 6 with a CONNECT fix",
    deck: `${OWN_RING}
      ${serverCert("START1", "New O'Brien cert")}`,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" }, label: "New O'Brien cert" },
    rc: 6,
    step: "select-certificate",
    check: (r) =>
      expect(r.fix?.commands[0]).toBe(
        "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('New O''Brien cert') RING('MqRing') USAGE(PERSONAL))",
      ),
  },
  {
    // field case 3: "no label given and no usable default personal certificate" → 6, an empty
    // ring included (some other APIs report 7; the field case wins)
    name: "empty ring, no label → 6 (field case 3)",
    deck: `${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      RACDCERT ID(START1) ADDRING(EMPTY)`,
    req: { user: "START1", ring: { owner: "START1", name: "EMPTY" } },
    rc: 6,
    step: "select-certificate",
    check: (r) => {
      expect(r.confidence).toBe("third-party");
      expect(r.partner?.rc).toBe(438);
    },
  },
  {
    // the fix for a NOTRUST default is to trust it again, not a new certificate
    name: "NOTRUST default certificate, no label → 6, fix: ALTER TRUST",
    deck: `${OWN_RING}
      RACDCERT ID(START1) ALTER(LABEL('MQ Server')) NOTRUST`,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" } },
    rc: 6,
    step: "select-certificate",
    check: (r) => {
      expect(r.fix?.commands[0]).toBe("RACDCERT ID(START1) ALTER(LABEL('MQ Server')) TRUST");
      // NOTRUST entries are not retrieved (IBM); "no usable default → 6" is field case 3
      expect(r.confidence).toBe("third-party");
    },
  },
  // ---- private keys -----------------------------------------------------------------------
  {
    name: "certificate connected USAGE(CERTAUTH) used as the server certificate → 428",
    deck: OWN_RING,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" }, label: "Example Root CA" },
    rc: 428,
    step: "selected-key",
    check: (r) => {
      expect(r.steps.find((s) => s.id === "selected-key")?.detail).toMatch(/usage CERTAUTH/);
      // A reconnect alone would still give 428 (a CERTAUTH key needs SPECIAL or CONTROL): the
      // first fix is a certificate of START1's own, signed by the CA; the reconnect comes with
      // the CONTROL it needs.
      expect(r.fix?.commands[0]).toMatch(
        /^RACDCERT ID\(START1\) GENCERT .* SIGNWITH\(CERTAUTH LABEL\('Example Root CA'\)\)$/,
      );
      const reconnect = r.alternatives.find((f) => f.commands[0]?.includes("USAGE(PERSONAL)"));
      expect(reconnect?.commands).toContain(
        "PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(START1) ACCESS(CONTROL)",
      );
    },
  },
  {
    name: "SITE certificate connected PERSONAL, no CONTROL → 428",
    deck: caPersonal("SITE"),
    req: { user: "WEB", ring: { owner: "WEB", name: "WEBRING" } },
    rc: 428,
    step: "selected-key",
    check: (r) =>
      expect(r.fix?.commands).toContain(
        "PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(WEB) ACCESS(CONTROL)",
      ),
  },
  {
    name: "SITE certificate connected PERSONAL with CONTROL on IRR.DIGTCERT.GENCERT → 0 (IBM R_datalib usage notes)",
    deck: caPersonal(
      "SITE",
      `RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)
       PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(WEB) ACCESS(CONTROL)`,
    ),
    req: { user: "WEB", ring: { owner: "WEB", name: "WEBRING" } },
    rc: 0,
    check: (r) => expect(r.steps.find((s) => s.id === "selected-key")?.confidence).toBe("ibm"),
  },
  {
    name: "CERTAUTH certificate connected PERSONAL, no CONTROL → 428",
    deck: caPersonal("CERTAUTH"),
    req: { user: "WEB", ring: { owner: "WEB", name: "WEBRING" } },
    rc: 428,
    step: "selected-key",
  },
  {
    name: "CERTAUTH certificate connected PERSONAL, caller SPECIAL → 0",
    deck: caPersonal("CERTAUTH", "ALTUSER WEB SPECIAL"),
    req: { user: "WEB", ring: { owner: "WEB", name: "WEBRING" } },
    rc: 0,
  },
  {
    name: "CERTAUTH certificate connected PERSONAL, ring-specific with CONTROL on .LST → 0",
    deck: caPersonal(
      "CERTAUTH",
      `${RDATALIB_ON}
       RDEFINE RDATALIB WEB.WEBRING.LST UACC(NONE)
       PERMIT WEB.WEBRING.LST CLASS(RDATALIB) ID(WEB) ACCESS(CONTROL)`,
    ),
    req: { user: "WEB", ring: { owner: "WEB", name: "WEBRING" } },
    rc: 0,
  },
  {
    name: "CERTAUTH certificate connected PERSONAL, ring-specific with UPDATE only → 428",
    deck: caPersonal(
      "CERTAUTH",
      `${RDATALIB_ON}
       RDEFINE RDATALIB WEB.WEBRING.LST UACC(NONE)
       PERMIT WEB.WEBRING.LST CLASS(RDATALIB) ID(WEB) ACCESS(UPDATE)`,
    ),
    req: { user: "WEB", ring: { owner: "WEB", name: "WEBRING" } },
    rc: 428,
    step: "selected-key",
    check: (r) =>
      expect(r.fix?.commands[0]).toBe("PERMIT WEB.WEBRING.LST CLASS(RDATALIB) ID(WEB) ACCESS(CONTROL)"),
  },
  {
    name: "certificate signed from a request: RACF holds no key → 428",
    deck: `${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      RACDCERT ID(START1) GENCERT('START1.CSR') WITHLABEL('From CSR') -
        SIGNWITH(CERTAUTH LABEL('Example Root CA')) -
        NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(LABEL('From CSR') RING(KEY) DEFAULT)`,
    req: { user: "START1", ring: { owner: "START1", name: "KEY" } },
    rc: 428,
    step: "selected-key",
    check: (r) => expect(r.fix?.summary).toMatch(/no private key/),
  },
  {
    name: "key in ICSF PKDS, CSFKEYS state not in the inputs: 0 on a stated condition, 428 the other outcome",
    deck: `${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      ${serverCert("START1", "PKDS cert", "PKDS")}
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(LABEL('PKDS cert') RING(KEY) DEFAULT)`,
    req: { user: "START1", ring: { owner: "START1", name: "KEY" } },
    rc: 0,
    check: (r) => {
      expect(r.steps.find((s) => s.id === "icsf-key")?.ok).toBeNull();
      expect(r.conditions.some((c) => c.step === "icsf-key" && /CSFKEYS/.test(c.text))).toBe(true);
      expect(r.outcomes).toContainEqual(expect.objectContaining({ rc: 428, confidence: "unconfirmed" }));
    },
  },
  // ---- validity -----------------------------------------------------------------------------
  {
    name: "valid at the exact notAfter second (inclusive)",
    deck: `${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      ${serverCert("START1", "Edge", "", "NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2026-01-15) TIME(12:00:00))")}
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(LABEL('Edge') RING(KEY) DEFAULT)`,
    req: { user: "START1", ring: { owner: "START1", name: "KEY" }, at: new Date("2026-01-15T12:00:00Z") },
    rc: 0,
  },
  {
    name: "one second after notAfter → 401 on both sides",
    deck: `${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      ${serverCert("START1", "Edge", "", "NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2026-01-15) TIME(12:00:00))")}
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(LABEL('Edge') RING(KEY) DEFAULT)`,
    req: { user: "START1", ring: { owner: "START1", name: "KEY" }, at: new Date("2026-01-15T12:00:01Z") },
    rc: 401,
    step: "validity",
    check: (r) => expect(r.partner?.rc).toBe(401),
  },
  {
    name: "not yet valid → 401",
    deck: `${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      ${serverCert("START1", "Future", "", "NOTBEFORE(DATE(2026-03-01)) NOTAFTER(DATE(2027-03-01))")}
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(LABEL('Future') RING(KEY) DEFAULT)`,
    req: { user: "START1", ring: { owner: "START1", name: "KEY" } },
    rc: 401,
    step: "validity",
    check: (r) => expect(r.steps.find((s) => s.id === "validity")?.detail).toMatch(/NOT YET VALID/),
  },
  // ---- key usage -----------------------------------------------------------------------------
  {
    name: "certificate without HANDSHAKE key usage → 440",
    deck: `${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('signer')) WITHLABEL('Signer') -
        KEYUSAGE(DOCSIGN) SIGNWITH(CERTAUTH LABEL('Example Root CA')) -
        NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(LABEL('Signer') RING(KEY) DEFAULT)`,
    req: { user: "START1", ring: { owner: "START1", name: "KEY" } },
    rc: 440,
    step: "key-usage",
    check: (r) => expect(r.fix?.commands[0]).toMatch(/KEYUSAGE\(HANDSHAKE\)/),
  },
  // ---- negotiate ----------------------------------------------------------------------------
  {
    name: "TLSv1.3 enabled without any 13xx suite → 402 (field case 8)",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      protocols: ["TLSv1.2", "TLSv1.3"],
      ciphers: ["C02F", "C030"],
    },
    rc: 402,
    step: "negotiate",
  },
  {
    name: "TLSv1.3 with TLS_AES_128_GCM_SHA256 → 0",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      protocols: ["TLSv1.2", "TLSv1.3"],
      ciphers: ["TLS_AES_128_GCM_SHA256", "C02F"],
    },
    rc: 0,
  },
  {
    name: "only TLSv1/TLSv1.1 (AT-TLS V2R1 defaults) with GCM-only suites → 402",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      protocols: ["TLSv1", "TLSv1.1"],
      ciphers: ["C02FC030009C"],
    },
    rc: 402,
    step: "negotiate",
    check: (r) => expect(r.fix?.summary).toMatch(/Enable TLSv1\.2/),
  },
  {
    name: "RSA server key with ECDSA-only suites → 434",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      protocols: ["TLSv1.2"],
      ciphers: ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"],
    },
    rc: 434,
    step: "negotiate",
  },
  {
    name: "NISTECC server key with ECDSA suites → 0",
    deck: `${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      ${serverCert("START1", "EC", "NISTECC SIZE(256)")}
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(LABEL('EC') RING(KEY) DEFAULT)`,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "KEY" },
      protocols: ["TLSv1.2"],
      ciphers: ["C02B"],
    },
    rc: 0,
  },
  {
    name: "partner does not accept the certificate's signature algorithm → 467",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      peerSignatureAlgorithms: ["sha384ECDSA"],
    },
    rc: 467,
    step: "negotiate",
  },
  // ---- peer validation ------------------------------------------------------------------------
  {
    name: "client with no CA certificate on its ring → 109",
    deck: `${BASE}
      ADDUSER CLNT DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(CLNT) ACCESS(READ)
      RACDCERT ID(CLNT) ADDRING(CRING)`,
    req: { user: "CLNT", ring: { owner: "CLNT", name: "CRING" }, role: "client" },
    rc: 109,
    step: "peer-validation",
    check: (r) =>
      expect(r.fix?.commands[0]).toBe(
        "RACDCERT ID(CLNT) CONNECT(CERTAUTH LABEL('<partner CA label>') RING('CRING') USAGE(CERTAUTH))",
      ),
  },
  {
    name: "client validates a server certificate issued by the ring's CA → 0",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      role: "client",
      peerCertificates: [peerCert()],
    },
    rc: 0,
  },
  {
    name: "partner certificate from an unknown CA → 435",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      role: "client",
      peerCertificates: [peerCert({ issuer: "CN=Other CA,O=Other" })],
    },
    rc: 435,
    step: "peer-validation",
    // IBM's System SSL return codes list 435 "Certificate authority is unknown."
    check: (r) => expect(r.confidence).toBe("ibm"),
  },
  {
    name: "partner chain leaf → intermediate (sent) → root on the ring → 0",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      role: "client",
      peerCertificates: [
        peerCert({ issuer: "CN=Issuing CA,O=Example" }),
        peerCert({
          subject: "CN=Issuing CA,O=Example",
          issuer: "CN=Example Root CA,O=Example",
          keyUsage: ["CERTSIGN"],
        }),
      ],
    },
    rc: 0,
  },
  {
    name: "self-signed partner certificate not on the ring → 417 (unconfirmed)",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      role: "client",
      peerCertificates: [peerCert({ issuer: "CN=partner.example.net,O=Partner", selfSigned: true })],
    },
    rc: 417,
    step: "peer-validation",
  },
  {
    name: "expired partner certificate → 401",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      role: "client",
      peerCertificates: [peerCert({ notAfter: "2025-12-31T23:59:59Z" })],
    },
    rc: 401,
    step: "peer-validation",
  },
  {
    name: "issuing CA on the ring without CERTSIGN → 8",
    deck: `${OWN_RING}
      RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Odd CA')) WITHLABEL('Odd CA') -
        KEYUSAGE(HANDSHAKE) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2030-01-01))
      RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Odd CA') RING(MqRing) -
        USAGE(CERTAUTH))`,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      role: "client",
      peerCertificates: [peerCert({ issuer: "CN=Odd CA" })],
    },
    rc: 8,
    step: "peer-validation",
  },
  {
    name: "server requires a client certificate and the client sends none → 403",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      clientAuth: "required",
      peerCertificates: [],
    },
    rc: 403,
    step: "peer-validation",
  },
  {
    name: "ClientAuthType Full: no client certificate is fine → 0",
    deck: OWN_RING,
    req: {
      user: "START1",
      ring: { owner: "START1", name: "MqRing" },
      clientAuth: "full",
      peerCertificates: [],
    },
    rc: 0,
  },
  {
    name: "z/OS client without a certificate, server requires one → 403 logged by the server",
    deck: `${BASE}
      ADDUSER CLNT DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(CLNT) ACCESS(READ)
      RACDCERT ID(CLNT) ADDRING(CRING)
      RACDCERT ID(CLNT) CONNECT(CERTAUTH LABEL('Example Root CA') -
        RING(CRING) USAGE(CERTAUTH))`,
    req: { user: "CLNT", ring: { owner: "CLNT", name: "CRING" }, role: "client", clientAuth: "required" },
    rc: 403,
    step: "select-certificate",
    check: (r) => expect(r.side).toBe("server"),
  },
  // ---- client-checks -----------------------------------------------------------------------
  {
    name: "browser rules: P-521 key, no subjectAltName, ECC signed by an RSA CA → warnings, rc unchanged",
    deck: `${BASE}
      ADDUSER WEB DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)
      RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('web.example.com')) -
        WITHLABEL('P521') NISTECC SIZE(521) KEYUSAGE(HANDSHAKE) -
        SIGNWITH(CERTAUTH LABEL('Example Root CA')) -
        NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
      RACDCERT ID(WEB) ADDRING(WEBRING)
      RACDCERT ID(WEB) CONNECT(LABEL('P521') RING(WEBRING) DEFAULT)`,
    req: { user: "WEB", ring: { owner: "WEB", name: "WEBRING" } },
    rc: 0,
    check: (r) => {
      const w = r.warnings.join("\n");
      expect(w).toMatch(/P-521/);
      expect(w).toMatch(/no DNS\/IP subjectAltName/);
      expect(w).toMatch(/signed by an RSA CA/);
      expect(r.steps.at(-1)?.id).toBe("client-checks");
      expect(r.steps.at(-1)?.ok).toBeNull();
    },
  },
  // ---- virtual rings ------------------------------------------------------------------------
  {
    name: "*AUTH*/* as a client trust store validates the server → 0",
    deck: `${BASE}
      ADDUSER CLNT DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(CLNT) ACCESS(READ)`,
    req: {
      user: "CLNT",
      ring: { owner: "*AUTH*", name: "*" },
      role: "client",
      peerCertificates: [peerCert()],
    },
    rc: 0,
    check: (r) => expect(r.steps.find((s) => s.id === "authorize-ring")?.confidence).toBe("unconfirmed"),
  },
  {
    name: "*AUTH*/* as a server ring: no default, no key → 6",
    deck: `${BASE}
      ADDUSER WEB DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)`,
    req: { user: "WEB", ring: { owner: "*AUTH*", name: "*" } },
    rc: 6,
    step: "select-certificate",
  },
  {
    name: "*AUTH*/* with a label as server certificate → 428 (usage CERTAUTH)",
    deck: `${BASE}
      ADDUSER WEB DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)`,
    req: { user: "WEB", ring: { owner: "*AUTH*", name: "*" }, label: "Example Root CA" },
    rc: 428,
    step: "selected-key",
  },
  {
    name: "user's own virtual ring with a label → 0",
    deck: `${BASE}
      ADDUSER WEB DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)
      ${serverCert("WEB", "Web cert")}`,
    req: { user: "WEB", ring: { owner: "WEB", name: "*" }, label: "Web cert" },
    rc: 0,
  },
  {
    name: "user's virtual ring under ring-specific checking uses <user>.IRR_VIRTUAL_KEYRING.LST (unconfirmed name)",
    deck: `${BASE}
      ADDUSER WEB DFLTGRP(STC)
      ${serverCert("WEB", "Web cert")}
      ${RDATALIB_ON}
      RDEFINE RDATALIB WEB.IRR_VIRTUAL_KEYRING.LST UACC(NONE)`,
    req: { user: "WEB", ring: { owner: "WEB", name: "*" }, label: "Web cert" },
    rc: 202,
    step: "authorize-ring",
    check: (r) => {
      expect(r.confidence).toBe("unconfirmed");
      expect(r.fix?.commands[0]).toBe(
        "PERMIT WEB.IRR_VIRTUAL_KEYRING.LST CLASS(RDATALIB) ID(WEB) ACCESS(READ)",
      );
    },
  },
  {
    name: "IRR.DIGTCERT.LIST checked too when asked (third-party rule): missing access → 202",
    deck: `${OWN_RING}
      RDEFINE FACILITY IRR.DIGTCERT.LIST UACC(NONE)`,
    req: { user: "START1", ring: { owner: "START1", name: "MqRing" }, checkDigtcertList: true },
    rc: 202,
    step: "authorize-ring",
    check: (r) => {
      expect(r.confidence).toBe("third-party");
      expect(r.fix?.commands).toContain("PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(START1) ACCESS(READ)");
    },
  },
];

describe("simulate: scenarios", () => {
  it.each(scenarios.map((s) => [s.name, s] as const))("%s", (_name, s) => {
    const model = deck(s.deck);
    const r = run(model, s.req);
    expect(r.rc).toBe(s.rc);
    expect(failedStep(r)).toBe(s.step);
    if (s.rc !== 0) expect(r.fix).not.toBeNull();
    // Every failing step cites input lines, a rule and a confidence.
    for (const step of r.steps) {
      expect(step.source.length).toBeGreaterThan(0);
      expect(["ibm", "third-party", "unconfirmed"]).toContain(step.confidence);
    }
    s.check?.(r);
  });

  it("covers every return code the issue asks for", () => {
    const codes = new Set(scenarios.map((s) => s.rc));
    // 7 "No certificates available" is asked for "where the rules support it": they do not (an
    // empty ring without a label is 6 by field case 3's conclusion), so 7 stays in the catalogue
    // for `explain` and no scenario predicts it.
    for (const rc of [0, 6, 8, 109, 202, 401, 402, 403, 428, 434, 435, 440, 467]) expect(codes).toContain(rc);
  });

  it("is pure: the model is not changed by a simulation", () => {
    const model = deck(OWN_RING);
    const before = JSON.stringify(model.state);
    run(model, { user: "START1", ring: { owner: "START1", name: "MqRing" }, label: "nope" });
    // Class-state lookups may add a default entry for an unknown class; nothing else changes.
    const after = JSON.parse(JSON.stringify(model.state)) as typeof model.state;
    const b = JSON.parse(before) as typeof model.state;
    expect(after.certificates).toEqual(b.certificates);
    expect(after.rings).toEqual(b.rings);
    expect(after.profiles).toEqual(b.profiles);
  });

  it("lists assumed class states among the assumptions", () => {
    const model = deck(`
      ADDUSER START1 DFLTGRP(STC)
      RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(READ)
      RACDCERT ID(START1) ADDRING(KEY)`);
    const r = run(model, { user: "START1", ring: { owner: "START1", name: "KEY" }, role: "client", at: NOW });
    expect(r.assumptions).toContain(
      "FACILITY assumed active and RACLISTed (no SETROPTS for it in the inputs)",
    );
    expect(r.assumptions).toContain("RDATALIB assumed inactive (no SETROPTS for it in the inputs)");
  });
});

describe("fixes that switch on RDATALIB", () => {
  it("say that every existing RDATALIB profile takes effect, and what to check first", () => {
    // Field case 4 without any RDATALIB in the inputs: the ring-specific fix activates the class.
    const model = deck(`
      ADDUSER FTPD
      ADDUSER TCPIP
      RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('CA')
      RACDCERT ID(FTPD) GENCERT SUBJECTSDN(CN('ftp')) WITHLABEL('FTP') SIGNWITH(CERTAUTH LABEL('CA'))
      RACDCERT ID(FTPD) ADDRING(R)
      RACDCERT ID(FTPD) CONNECT(LABEL('FTP') RING(R) DEFAULT)
      RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) ACCESS(UPDATE)
      SETROPTS RACLIST(FACILITY) REFRESH`);
    const r = run(model, { user: "TCPIP", ring: { owner: "FTPD", name: "R" } });
    expect(r.rc).toBe(428);
    const activating = [r.fix, ...r.alternatives].filter((f) =>
      f?.commands.some((c) => c.includes("CLASSACT(RDATALIB)")),
    );
    expect(activating.length).toBeGreaterThan(0);
    for (const f of activating)
      expect(f?.notes?.join(" ")).toMatch(/every RDATALIB profile that already exists takes effect/);
    const others = [r.fix, ...r.alternatives].filter(
      (f) => f && !f.commands.some((c) => c.includes("CLASSACT(RDATALIB)")),
    );
    for (const f of others) expect(f?.notes?.join(" ") ?? "").not.toMatch(/every RDATALIB profile/);
  });
});
