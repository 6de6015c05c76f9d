/**
 * Who may open a ring and whose private keys come back: R_datalib's authorisation as
 * rules §1–2 describes it. The simulator answers "which rc does this application get";
 * the audit needs the same facts per connection to say which certificate is the problem.
 */
import { accessAtLeast, isCaOwner, ownerUser, type RacfModel } from "../model/model.js";
import type { AccessLevel, CertOwner, Confidence, Profile, Ring } from "../model/types.js";
import { keyAccess } from "../sim/key-access.js";
import { rdatalibResource, ringCheck } from "../sim/ring-check.js";
import { startedGroup } from "../sim/started.js";
import type { Application } from "./types.js";

export { rdatalibResource };

export type RingMode =
  | { mode: "rdatalib"; profile: Profile; resource: string; classAssumed: boolean }
  | { mode: "facility"; resource: string; profile: Profile | undefined; classAssumed: boolean };

/**
 * The RDATALIB profile covering a ring, whatever the class state: normal best match against
 * `<OWNER>.<RING>.LST` with the ring name folded to upper case. Profile names are compared as
 * written — a profile spelled in mixed case never matches (rdatalib-profile-unmatchable).
 */
export function rdatalibProfileFor(
  model: RacfModel,
  ring: Pick<Ring, "owner" | "name">,
): Profile | undefined {
  return model.protectingProfile("RDATALIB", rdatalibResource(ring));
}

/**
 * Which check decides access to a ring (rules §1): the simulator's rule, shared
 * (src/sim/ring-check.ts), so the audit and the simulator cannot disagree about it.
 */
export function ringMode(model: RacfModel, ring: Pick<Ring, "owner" | "name">): RingMode {
  const resource = rdatalibResource(ring);
  const check = ringCheck(model, resource);
  if (check.ringSpecific && check.rdatalibProfile) {
    return { mode: "rdatalib", profile: check.rdatalibProfile, resource, classAssumed: check.classAssumed };
  }
  const fac = model.protectingProfile("FACILITY", "IRR.DIGTCERT.LISTRING");
  return {
    mode: "facility",
    resource: "IRR.DIGTCERT.LISTRING",
    profile: fac,
    classAssumed: check.rdatalib.assumed,
  };
}

function assumedNote(m: RingMode): string {
  return m.mode === "rdatalib" && m.classAssumed
    ? ` (RDATALIB assumed active and RACLISTed because ${m.profile.name} is defined; no input says)`
    : "";
}

export interface AccessVerdict {
  /** true: allowed; false: denied; null: the inputs do not say (no protecting profile known). */
  ok: boolean | null;
  have: AccessLevel | null;
  need: AccessLevel;
  /** `FACILITY IRR.DIGTCERT.LISTRING` or `RDATALIB WEBSRV.WEBRING.LST`. */
  resource: string;
  profile: Profile | undefined;
  explanation: string;
  confidence: Confidence;
}

/**
 * Can `user` open `ring`? Global mode: READ for one's own ring, UPDATE for another user's
 * (IBM KC21 icha400/le-listring.htm). Ring-specific mode: READ on the `.LST` profile.
 */
export function canOpenRing(
  model: RacfModel,
  user: string,
  ring: Pick<Ring, "owner" | "name">,
  currentGroup: string | null = null,
): AccessVerdict {
  const v = openVerdict(model, user, ring, currentGroup);
  // As the simulator: a user the inputs do not define has unknown groups; when a group entry
  // would grant the level, the inputs do not decide (not evaluated, never a denial).
  const u = model.user(user.toUpperCase());
  if (v.ok === false && v.profile && (!u || u.implied)) {
    const groupGrants = v.profile.access.some(
      (e) =>
        e.id !== user.toUpperCase() &&
        e.id !== "*" &&
        (model.user(e.id)?.implied ?? true) &&
        accessAtLeast(e.level, v.need),
    );
    if (groupGrants)
      return {
        ...v,
        ok: null,
        explanation: `${user.toUpperCase()} is not defined in the inputs and a group on the access list of ${v.resource} has ${v.need}: its groups (LISTUSER ${user.toUpperCase()}) decide`,
      };
  }
  return v;
}

function openVerdict(
  model: RacfModel,
  user: string,
  ring: Pick<Ring, "owner" | "name">,
  currentGroup: string | null,
): AccessVerdict {
  const m = ringMode(model, ring);
  const u = user.toUpperCase();
  if (m.mode === "rdatalib") {
    const have = model.accessTo(m.profile, u, currentGroup).level;
    return {
      ok: accessAtLeast(have, "READ"),
      have,
      need: "READ",
      resource: `RDATALIB ${m.profile.name}`,
      profile: m.profile,
      explanation: `ring-specific checking${assumedNote(m)}: ${u} has ${have} to RDATALIB ${m.profile.name}, READ is needed`,
      confidence: "ibm",
    };
  }
  const need: AccessLevel = u === ring.owner.toUpperCase() ? "READ" : "UPDATE";
  if (!m.profile) {
    return {
      ok: null,
      have: null,
      need,
      resource: "FACILITY IRR.DIGTCERT.LISTRING",
      profile: undefined,
      explanation:
        "no FACILITY profile protecting IRR.DIGTCERT.LISTRING is in the inputs (RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER decides)",
      confidence: "ibm",
    };
  }
  const have = model.accessTo(m.profile, u, currentGroup).level;
  return {
    ok: accessAtLeast(have, need),
    have,
    need,
    resource: `FACILITY ${m.profile.name}`,
    profile: m.profile,
    explanation: `global checking: ${u} has ${have} to FACILITY ${m.profile.name}, ${need} is needed for ${need === "READ" ? "its own" : "another user's"} ring`,
    confidence: "ibm",
  };
}

/**
 * Would R_datalib return the private key of a certificate connected with USAGE(PERSONAL) to
 * `user`? The rule is the simulator's (src/sim/key-access.ts), applied to the checking mode the
 * model gives the ring. Only the authorisation is decided here; whether a key exists at all is
 * `privateKey`.
 */
export function personalKeyAccess(
  model: RacfModel,
  user: string,
  ring: Pick<Ring, "owner" | "name">,
  certOwner: string,
  currentGroup: string | null = null,
): AccessVerdict {
  const u = user.toUpperCase();
  const m = ringMode(model, ring);
  const gencert = model.protectingProfile("FACILITY", "IRR.DIGTCERT.GENCERT");
  const k = keyAccess({
    user: u,
    special: model.user(u)?.special === true,
    certOwner: certOwner as CertOwner,
    usage: "PERSONAL",
    mode:
      m.mode === "rdatalib"
        ? {
            kind: "ring-specific",
            profile: m.profile.name,
            level: model.accessTo(m.profile, u, currentGroup).level,
          }
        : { kind: "global", gencert: gencert ? model.accessTo(gencert, u, currentGroup).level : null },
  });
  const profile =
    k.resource === `RDATALIB ${m.profile?.name}`
      ? m.profile
      : k.resource === "FACILITY IRR.DIGTCERT.GENCERT"
        ? gencert
        : undefined;
  const have =
    k.resource === "SPECIAL" || (m.mode === "facility" && !isCaOwner(certOwner))
      ? null
      : profile
        ? model.accessTo(profile, u, currentGroup).level
        : "NONE";
  const ownerId = ownerUser(certOwner);
  const explanation =
    m.mode === "facility" && !isCaOwner(certOwner)
      ? k.ok
        ? `${u} owns the certificate`
        : `under global (FACILITY) checking a private key is returned only to the certificate's owner (${ownerId ?? certOwner}), never to ${u}`
      : m.mode === "rdatalib" && !isCaOwner(certOwner)
        ? `ring-specific checking${assumedNote(m)}: ${u} has ${have} to RDATALIB ${m.profile.name}; ${k.need} returns ${k.need === "READ" ? "its own" : "another user's"} private key`
        : k.resource === "SPECIAL"
          ? `${u} has SPECIAL, which returns ${certOwner} private keys`
          : profile
            ? `${certOwner} keys need SPECIAL or CONTROL on ${k.resource}; ${u} has ${have}`
            : `${u} is not SPECIAL and no profile granting CONTROL on ${k.resource} is in the inputs`;
  return {
    ok: k.ok,
    have,
    need: k.need,
    resource:
      m.mode === "facility" && !isCaOwner(certOwner) ? `RDATALIB ${rdatalibResource(ring)}` : k.resource,
    profile,
    explanation,
    confidence: k.confidence,
  };
}

/**
 * The two questions above for an application: its user, in its task's current connect group
 * (a STARTED profile's STDATA GROUP, as the simulator takes it; src/sim/started.ts).
 */
export function appCanOpenRing(
  model: RacfModel,
  app: Pick<Application, "user" | "startedProfile">,
  ring: Pick<Ring, "owner" | "name">,
): AccessVerdict {
  return canOpenRing(model, app.user, ring, startedGroup(model, app.startedProfile));
}

export function appKeyAccess(
  model: RacfModel,
  app: Pick<Application, "user" | "startedProfile">,
  ring: Pick<Ring, "owner" | "name">,
  certOwner: string,
): AccessVerdict {
  return personalKeyAccess(model, app.user, ring, certOwner, startedGroup(model, app.startedProfile));
}
