/**
 * RACF's access decision for one user and one profile, with the two facts of the access check
 * that the first version of racfring ignored:
 *
 * - **List-of-groups checking.** With SETROPTS GRPLIST, RACF looks at the access-list entries
 *   of every group the user is connected to and takes the highest; with NOGRPLIST only the
 *   entry of the user's current connect group counts (a job's default group unless it names
 *   another; a started task's STDATA GROUP, else the user's default group). IBM RACF Security
 *   Administrator's Guide, "List-of-groups checking" [ibm]. When no input says which is in
 *   effect, racfring assumes GRPLIST (what most installations run) and says so; a decision that
 *   would differ under NOGRPLIST is flagged `dependsOnGrplist` so that callers can make it a
 *   condition rather than a silent pass.
 * - **WARNING mode.** A profile with the WARNING attribute lets a request through that it would
 *   deny; RACF logs ICH408I marked as a warning (SMF type 80 "access permitted due to warning").
 *   IBM RACF Security Administrator's Guide, "WARNING mode" [ibm]. The request is granted, so
 *   `granted` is true and `byWarning` says why.
 *
 * Also here: the ICSF key check (CSFKEYS), because it is the same RACF decision on another
 * class. ICSF grants access to a key label no CSFKEYS profile covers (IBM ICSF Administrator's
 * Guide, "Setting up profiles in the CSFKEYS general resource class": "The CSFKEYS class grants
 * access to the key if there is no profile") and needs READ otherwise.
 */
import { accessAtLeast, type RacfModel } from "./model.js";
import type { AccessLevel, Confidence, Profile, Source, SystemOption } from "./types.js";

/** GRPLIST when no input says: most installations run with it (rules §9). */
export const DEFAULT_GRPLIST = true;

const DEFAULT_SOURCE: Source = { file: "", line: 0, kind: "default" };

/** The GRPLIST setting racfring uses: from the inputs, else its stated default. */
export function grplistOption(model: RacfModel): SystemOption {
  return model.state.options?.grplist ?? { value: DEFAULT_GRPLIST, assumed: true, sources: [DEFAULT_SOURCE] };
}

/** Record SETROPTS GRPLIST / NOGRPLIST (a command, or a SETROPTS LIST capture). */
export function setGrplist(model: RacfModel, value: boolean, source: Source): void {
  const options = model.state.options ?? {};
  model.state.options = options;
  const current = options.grplist;
  if (current && !current.assumed) {
    current.value = value;
    current.sources.push(source);
    return;
  }
  options.grplist = { value, assumed: false, sources: [source] };
}

/** The sentence racfring writes when it relies on its GRPLIST default. */
export const GRPLIST_ASSUMPTION =
  "SETROPTS GRPLIST (list-of-groups checking) assumed active: no input says; with NOGRPLIST only the current connect group's access counts";

export interface AccessDecision {
  /** The access RACF finds for the user (before WARNING mode). */
  level: AccessLevel;
  via: "user" | "group" | "all" | "uacc";
  entryId: string | null;
  /** Whether the request is let through: level suffices, or the profile is in WARNING mode. */
  granted: boolean;
  /** Granted only because the profile has WARNING (RACF logs ICH408I as a warning). */
  byWarning: boolean;
  /** Groups whose entries were considered. */
  groupsConsidered: string[];
  /** The GRPLIST setting used. */
  grplist: SystemOption;
  /** True when the other GRPLIST reading would give another answer (granted or not). */
  dependsOnGrplist: boolean;
  /** The current connect group used for NOGRPLIST, and where it came from. */
  currentGroup: string | null;
  currentGroupFrom: "given" | "default-group" | "unknown";
  /** Why, in one sentence (for traces and findings). */
  why: string;
  confidence: Confidence;
}

export interface AccessOptions {
  /**
   * The current connect group: a started task's STDATA GROUP, a job's GROUP=. When absent, the
   * user's default group.
   */
  currentGroup?: string | null;
}

interface Found {
  level: AccessLevel;
  via: AccessDecision["via"];
  entryId: string | null;
}

function lookup(model: RacfModel, profile: Profile, userId: string, groups: readonly string[]): Found {
  const own = model.accessEntry(profile, userId);
  if (own) return { level: own.level, via: "user", entryId: own.id };
  let best: Found | undefined;
  for (const g of groups) {
    const e = model.accessEntry(profile, g);
    if (e && (!best || accessAtLeast(e.level, best.level)))
      best = { level: e.level, via: "group", entryId: e.id };
  }
  if (best) return best;
  // ID(*) covers every RACF-defined user; an implied user is defined on the real system.
  const star = model.accessEntry(profile, "*");
  if (star) return { level: star.level, via: "all", entryId: "*" };
  return { level: profile.uacc, via: "uacc", entryId: null };
}

function describe(f: Found, profile: Profile): string {
  const name = `${profile.class} ${profile.name}`;
  switch (f.via) {
    case "user":
      return `${f.level} from its own entry in ${name}`;
    case "group":
      return `${f.level} through group ${f.entryId} in ${name}`;
    case "all":
      return `${f.level} from ID(*) in ${name}`;
    default:
      return `${f.level} from the UACC of ${name}`;
  }
}

/**
 * Decide whether `userId` gets `need` to `profile`, as RACF's access check does: the user's own
 * entry; else the groups' entries (all connected groups with GRPLIST, only the current group
 * with NOGRPLIST); else ID(*); else UACC; and WARNING mode lets a denied request through.
 */
export function decideAccess(
  model: RacfModel,
  profile: Profile,
  userId: string,
  need: AccessLevel,
  options: AccessOptions = {},
): AccessDecision {
  const id = userId.toUpperCase();
  const user = model.user(id);
  const grplist = grplistOption(model);
  const all = user?.groups ?? [];
  const given = options.currentGroup ? options.currentGroup.toUpperCase() : null;
  const current = given ?? user?.defaultGroup ?? null;
  const currentGroupFrom: AccessDecision["currentGroupFrom"] = given
    ? "given"
    : user?.defaultGroup
      ? "default-group"
      : "unknown";
  // NOGRPLIST with an unknown current group: no group entry can be relied on.
  const onlyCurrent = current ? [current] : [];
  const withList = lookup(model, profile, id, all);
  const withoutList = lookup(model, profile, id, onlyCurrent);
  const found = grplist.value ? withList : withoutList;
  const other = grplist.value ? withoutList : withList;
  const okHere = accessAtLeast(found.level, need);
  const okOther = accessAtLeast(other.level, need);
  const warning = profile.warning === true;
  const granted = okHere || warning;
  const byWarning = !okHere && warning;
  const dependsOnGrplist = !warning && okHere !== okOther;
  let why = `${id} has ${describe(found, profile)}; ${need} needed`;
  if (found.via === "group" || dependsOnGrplist) {
    why += grplist.value
      ? ` (list-of-groups checking${grplist.assumed ? " assumed active" : " active"}: all ${all.length} connected group(s) count)`
      : ` (NOGRPLIST: only the current connect group ${current ?? "(unknown)"} counts)`;
  }
  if (byWarning)
    why += `; ${profile.class} ${profile.name} is in WARNING mode, so RACF lets the request through and logs ICH408I with "WARNING"`;
  return {
    level: found.level,
    via: found.via,
    entryId: found.entryId,
    granted,
    byWarning,
    groupsConsidered: grplist.value ? [...all] : onlyCurrent,
    grplist,
    dependsOnGrplist,
    currentGroup: current,
    currentGroupFrom,
    why,
    confidence: "ibm",
  };
}

// ---- ICSF keys ------------------------------------------------------------------------------

/** Classes that protect ICSF key labels; CSFKEYS is the one racfring reads (GCSFKEYS/XCSFKEY are not modelled). */
export const ICSF_KEY_CLASS = "CSFKEYS";

export type IcsfKeyVerdict =
  /** The key is not in ICSF: nothing to check. */
  | "not-icsf"
  /** CSFKEYS inactive (an input says so): ICSF does not check key labels. */
  | "class-inactive"
  /** No input says whether CSFKEYS is active. */
  | "class-unknown"
  /** The key's PKDS label is not known, so its profile cannot be found. */
  | "label-unknown"
  /** Active, and no profile covers the label: ICSF grants access. */
  | "no-profile"
  | "granted"
  | "denied";

export interface IcsfKeyAccess {
  verdict: IcsfKeyVerdict;
  label: string | null;
  profile: Profile | null;
  decision: AccessDecision | null;
  why: string;
  confidence: Confidence;
  sources: Source[];
}

/**
 * May `userId` use the ICSF-stored private key of a certificate? ICSF checks READ on the
 * CSFKEYS profile covering the key's PKDS label when the class is active (IBM ICSF
 * Administrator's Guide, ctlkey.htm) [ibm]. What System SSL then reports (428) is not stated by
 * IBM for this cause: callers mark that step's confidence themselves.
 */
export function icsfKeyAccess(
  model: RacfModel,
  key: { keyStore: string | null; icsfLabel: string | null },
  userId: string,
  options: AccessOptions = {},
): IcsfKeyAccess {
  const label = key.icsfLabel;
  if (key.keyStore !== "PKDS" && key.keyStore !== "TKDS") {
    return {
      verdict: "not-icsf",
      label,
      profile: null,
      decision: null,
      why: "key not in ICSF",
      confidence: "ibm",
      sources: [],
    };
  }
  const cls = model.classState(ICSF_KEY_CLASS);
  if (cls.assumed) {
    return {
      verdict: "class-unknown",
      label,
      profile: null,
      decision: null,
      why: `the private key is in ICSF ${key.keyStore}${label ? ` (label ${label})` : ""}; no input says whether class ${ICSF_KEY_CLASS} is active, so whether ${userId} may use the key is not known`,
      confidence: "ibm",
      sources: cls.sources,
    };
  }
  if (!cls.active) {
    return {
      verdict: "class-inactive",
      label,
      profile: null,
      decision: null,
      why: `class ${ICSF_KEY_CLASS} is inactive: ICSF does not check access to the key`,
      confidence: "ibm",
      sources: cls.sources,
    };
  }
  if (!label) {
    return {
      verdict: "label-unknown",
      label,
      profile: null,
      decision: null,
      why: `the private key is in ICSF ${key.keyStore} but its label is not known, so the ${ICSF_KEY_CLASS} profile that protects it cannot be found`,
      confidence: "ibm",
      sources: cls.sources,
    };
  }
  const profile = model.protectingProfile(ICSF_KEY_CLASS, label) ?? null;
  if (!profile) {
    return {
      verdict: "no-profile",
      label,
      profile: null,
      decision: null,
      why: `no ${ICSF_KEY_CLASS} profile covers key label ${label}: ICSF grants access to a key no profile protects`,
      confidence: "ibm",
      sources: cls.sources,
    };
  }
  const decision = decideAccess(model, profile, userId, "READ", options);
  return {
    verdict: decision.granted ? "granted" : "denied",
    label,
    profile,
    decision,
    why: `ICSF key label ${label}: ${decision.why}`,
    confidence: "ibm",
    sources: profile.sources,
  };
}
