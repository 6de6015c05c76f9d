/**
 * Whose private keys R_datalib returns — the one rule, used by the simulator's private-keys
 * check and by the audit (src/audit/access.ts `personalKeyAccess`), so the two cannot disagree
 * (rules §2; IBM R_datalib usage notes item 4, KC24 ichd100/usgntrdata.htm):
 * - a certificate connected with a usage other than PERSONAL: never;
 * - the caller's own certificate: yes (global checking, or READ on the ring's .LST profile);
 * - another user's certificate: only under ring-specific checking with UPDATE on the .LST profile;
 * - a CERTAUTH/SITE certificate: the caller is SPECIAL, or has CONTROL on the .LST profile
 *   (ring-specific) or on FACILITY IRR.DIGTCERT.GENCERT (global) — the usage notes' "CERTAUTH and
 *   SITE certificates" item [IBM].
 * A .LST profile in WARNING mode lets RACF's check through (IBM RACF Security Administrator's
 * Guide, "WARNING mode"); that R_datalib then returns the key at the UPDATE and CONTROL levels is
 * not documented, so such a key is returned with confidence "unconfirmed".
 * Whether RACF holds a key at all is a separate fact (the certificate's `privateKey`).
 */
import { accessAtLeast, isCaOwner, ownerUser } from "../model/model.js";
import type { AccessLevel, CertOwner, Confidence, RingUsage } from "../model/types.js";

/** How the ring is checked, as far as keys are concerned. */
export type KeyMode =
  | {
      kind: "ring-specific";
      profile: string;
      level: AccessLevel;
      /** The .LST profile is in WARNING mode (see keyAccess). */
      warning?: boolean;
    }
  | {
      kind: "global";
      /** The caller's level on FACILITY IRR.DIGTCERT.GENCERT; null when no profile covers it. */
      gencert: AccessLevel | null;
    };

export interface KeyAccess {
  ok: boolean;
  /** Level the caller needs (on `resource`). */
  need: AccessLevel;
  /** Where it is needed: `RDATALIB <profile>`, `FACILITY IRR.DIGTCERT.GENCERT`, `SPECIAL`, `usage`. */
  resource: string;
  /** One clause saying why, for traces and findings. */
  why: string;
  confidence: Confidence;
  /** Why the key is withheld, when it is. */
  cause: "usage" | "other-user" | "ca-authority" | null;
}

export function keyAccess(a: {
  user: string;
  special: boolean;
  certOwner: CertOwner;
  usage: RingUsage;
  mode: KeyMode;
}): KeyAccess {
  const user = a.user.toUpperCase();
  const m = a.mode;
  if (a.usage !== "PERSONAL") {
    return {
      ok: false,
      need: "READ",
      resource: "usage",
      why: `usage ${a.usage}: R_datalib never returns a private key for it`,
      confidence: "ibm",
      cause: "usage",
    };
  }
  if (isCaOwner(a.certOwner)) {
    if (a.special)
      return {
        ok: true,
        need: "CONTROL",
        resource: "SPECIAL",
        why: `${a.certOwner} certificate: ${user} is SPECIAL`,
        confidence: "ibm",
        cause: null,
      };
    const level = m.kind === "ring-specific" ? m.level : (m.gencert ?? "NONE");
    const resource = m.kind === "ring-specific" ? `RDATALIB ${m.profile}` : "FACILITY IRR.DIGTCERT.GENCERT";
    const enough = accessAtLeast(level, "CONTROL");
    if (!enough && m.kind === "ring-specific" && m.warning)
      return byWarning("CONTROL", resource, a.certOwner, level);
    const has = m.kind === "global" && m.gencert === null ? "no profile in the inputs" : `has ${level}`;
    return {
      ok: enough,
      need: "CONTROL",
      resource,
      why: `${a.certOwner} certificate: ${enough ? "" : "needs SPECIAL or "}CONTROL on ${resource}${enough ? "" : ` (${has})`}`,
      confidence: "ibm",
      cause: enough ? null : "ca-authority",
    };
  }
  const own = ownerUser(a.certOwner) === user;
  if (m.kind === "global") {
    return {
      ok: own,
      need: own ? "READ" : "UPDATE",
      resource: "FACILITY IRR.DIGTCERT.LISTRING",
      why: own ? "own certificate" : "another user's certificate under FACILITY checking: never returned",
      confidence: "ibm",
      cause: own ? null : "other-user",
    };
  }
  const need: AccessLevel = own ? "READ" : "UPDATE";
  const ok = accessAtLeast(m.level, need);
  if (!ok && m.warning) return byWarning(need, `RDATALIB ${m.profile}`, a.certOwner, m.level);
  return {
    ok,
    need,
    resource: `RDATALIB ${m.profile}`,
    why: own
      ? `own certificate, ${m.level} on ${m.profile}`
      : `another user's certificate: ${ok ? "" : "needs "}UPDATE on ${m.profile} (has ${m.level})`,
    confidence: "ibm",
    cause: ok ? null : "other-user",
  };
}

/** A key check RACF lets through because the .LST profile is in WARNING mode. */
function byWarning(need: AccessLevel, resource: string, certOwner: CertOwner, level: AccessLevel): KeyAccess {
  return {
    ok: true,
    need,
    resource,
    why: `${certOwner} certificate: needs ${need} on ${resource} (has ${level}), but the profile is in WARNING mode, so RACF lets the check through and logs ICH408I as a warning${need === "READ" ? "" : "; that R_datalib then returns the key at this level is not documented"}`,
    // READ is the level of the ring-open check itself; the higher levels are R_datalib's own use.
    confidence: need === "READ" ? "ibm" : "unconfirmed",
    cause: null,
  };
}
