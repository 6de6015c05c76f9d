/**
 * The private-key rule (R_datalib usage notes item 4, rules §2) that the simulator and the audit
 * share: for each kind of certificate owner, usage and checking mode, whether the key comes back,
 * the level and resource it needs, the clause the trace and findings quote, the confidence and the
 * cause. Every field is stated, so a rule change shows up here and not only in a return code.
 */
import { describe, expect, it } from "vitest";
import type { AccessLevel, CertOwner, RingUsage } from "../../src/model/types.js";
import { type KeyAccess, type KeyMode, keyAccess } from "../../src/sim/key-access.js";

const P = "WEB.WEBRING.LST";
const global = (gencert: AccessLevel | null): KeyMode => ({ kind: "global", gencert });
const ringSpecific = (level: AccessLevel, warning?: boolean): KeyMode => ({
  kind: "ring-specific",
  profile: P,
  level,
  ...(warning === undefined ? {} : { warning }),
});
const WARNING_TEXT =
  "but the profile is in WARNING mode, so RACF lets the check through and logs ICH408I as a warning";

interface Case {
  name: string;
  owner: CertOwner;
  usage?: RingUsage;
  special?: boolean;
  mode: KeyMode;
  want: KeyAccess;
}

const cases: Case[] = [
  {
    name: "CERTAUTH usage: never a key, whoever asks",
    owner: "ID(WEB)",
    usage: "CERTAUTH",
    special: true,
    mode: ringSpecific("ALTER"),
    want: {
      ok: false,
      need: "READ",
      resource: "usage",
      why: "usage CERTAUTH: R_datalib never returns a private key for it",
      confidence: "ibm",
      cause: "usage",
    },
  },
  {
    name: "SITE key, caller SPECIAL (user id given in lower case)",
    owner: "SITE",
    special: true,
    mode: global(null),
    want: {
      ok: true,
      need: "CONTROL",
      resource: "SPECIAL",
      why: "SITE certificate: WEB is SPECIAL",
      confidence: "ibm",
      cause: null,
    },
  },
  {
    name: "CERTAUTH key, CONTROL on GENCERT",
    owner: "CERTAUTH",
    mode: global("CONTROL"),
    want: {
      ok: true,
      need: "CONTROL",
      resource: "FACILITY IRR.DIGTCERT.GENCERT",
      why: "CERTAUTH certificate: CONTROL on FACILITY IRR.DIGTCERT.GENCERT",
      confidence: "ibm",
      cause: null,
    },
  },
  {
    name: "CERTAUTH key, UPDATE on GENCERT: one level short",
    owner: "CERTAUTH",
    mode: global("UPDATE"),
    want: {
      ok: false,
      need: "CONTROL",
      resource: "FACILITY IRR.DIGTCERT.GENCERT",
      why: "CERTAUTH certificate: needs SPECIAL or CONTROL on FACILITY IRR.DIGTCERT.GENCERT (has UPDATE)",
      confidence: "ibm",
      cause: "ca-authority",
    },
  },
  {
    name: "SITE key, no GENCERT profile in the inputs",
    owner: "SITE",
    mode: global(null),
    want: {
      ok: false,
      need: "CONTROL",
      resource: "FACILITY IRR.DIGTCERT.GENCERT",
      why: "SITE certificate: needs SPECIAL or CONTROL on FACILITY IRR.DIGTCERT.GENCERT (no profile in the inputs)",
      confidence: "ibm",
      cause: "ca-authority",
    },
  },
  {
    name: "SITE key, ring-specific, UPDATE on the .LST profile",
    owner: "SITE",
    mode: ringSpecific("UPDATE"),
    want: {
      ok: false,
      need: "CONTROL",
      resource: `RDATALIB ${P}`,
      why: `SITE certificate: needs SPECIAL or CONTROL on RDATALIB ${P} (has UPDATE)`,
      confidence: "ibm",
      cause: "ca-authority",
    },
  },
  {
    name: "SITE key, ring-specific, CONTROL (profile in WARNING mode changes nothing)",
    owner: "SITE",
    mode: ringSpecific("CONTROL", true),
    want: {
      ok: true,
      need: "CONTROL",
      resource: `RDATALIB ${P}`,
      why: `SITE certificate: CONTROL on RDATALIB ${P}`,
      confidence: "ibm",
      cause: null,
    },
  },
  {
    name: "SITE key, ring-specific, READ but WARNING: let through, unconfirmed",
    owner: "SITE",
    mode: ringSpecific("READ", true),
    want: {
      ok: true,
      need: "CONTROL",
      resource: `RDATALIB ${P}`,
      why: `SITE certificate: needs CONTROL on RDATALIB ${P} (has READ), ${WARNING_TEXT}; that R_datalib then returns the key at this level is not documented`,
      confidence: "unconfirmed",
      cause: null,
    },
  },
  {
    name: "own key, global checking",
    owner: "ID(WEB)",
    mode: global(null),
    want: {
      ok: true,
      need: "READ",
      resource: "FACILITY IRR.DIGTCERT.LISTRING",
      why: "own certificate",
      confidence: "ibm",
      cause: null,
    },
  },
  {
    name: "another user's key, global checking: never, even with CONTROL on GENCERT",
    owner: "ID(OTHER)",
    mode: global("CONTROL"),
    want: {
      ok: false,
      need: "UPDATE",
      resource: "FACILITY IRR.DIGTCERT.LISTRING",
      why: "another user's certificate under FACILITY checking: never returned",
      confidence: "ibm",
      cause: "other-user",
    },
  },
  {
    name: "own key, ring-specific, READ",
    owner: "ID(WEB)",
    mode: ringSpecific("READ"),
    want: {
      ok: true,
      need: "READ",
      resource: `RDATALIB ${P}`,
      why: `own certificate, READ on ${P}`,
      confidence: "ibm",
      cause: null,
    },
  },
  {
    name: "another user's key, ring-specific, UPDATE",
    owner: "ID(OTHER)",
    mode: ringSpecific("UPDATE"),
    want: {
      ok: true,
      need: "UPDATE",
      resource: `RDATALIB ${P}`,
      why: `another user's certificate: UPDATE on ${P} (has UPDATE)`,
      confidence: "ibm",
      cause: null,
    },
  },
  {
    name: "another user's key, ring-specific, READ",
    owner: "ID(OTHER)",
    mode: ringSpecific("READ", false),
    want: {
      ok: false,
      need: "UPDATE",
      resource: `RDATALIB ${P}`,
      why: `another user's certificate: needs UPDATE on ${P} (has READ)`,
      confidence: "ibm",
      cause: "other-user",
    },
  },
  {
    name: "another user's key, ring-specific, READ but WARNING: let through, unconfirmed",
    owner: "ID(OTHER)",
    mode: ringSpecific("READ", true),
    want: {
      ok: true,
      need: "UPDATE",
      resource: `RDATALIB ${P}`,
      why: `ID(OTHER) certificate: needs UPDATE on RDATALIB ${P} (has READ), ${WARNING_TEXT}; that R_datalib then returns the key at this level is not documented`,
      confidence: "unconfirmed",
      cause: null,
    },
  },
  {
    name: "own key, ring-specific, NONE but WARNING: the ring-open level itself, so IBM-documented",
    owner: "ID(WEB)",
    mode: ringSpecific("NONE", true),
    want: {
      ok: true,
      need: "READ",
      resource: `RDATALIB ${P}`,
      why: `ID(WEB) certificate: needs READ on RDATALIB ${P} (has NONE), ${WARNING_TEXT}`,
      confidence: "ibm",
      cause: null,
    },
  },
];

describe("keyAccess: the private-key rule", () => {
  it.each(cases)("$name", (c) => {
    expect(
      keyAccess({
        user: "web",
        special: c.special ?? false,
        certOwner: c.owner,
        usage: c.usage ?? "PERSONAL",
        mode: c.mode,
      }),
    ).toEqual(c.want);
  });
});
