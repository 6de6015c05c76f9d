/**
 * Check: authorize-ring — may the user read the ring? RDATALIB <owner>.<RING>.LST when it
 * decides, else FACILITY IRR.DIGTCERT.LISTRING (rules §1). When the inputs do not show the
 * profile or the user's access, the walk goes on as if the user had what the step needs, and the
 * 202 branch is recorded as another outcome (`--assume-denied` turns this off).
 */
import { accessAtLeast, RacfModel } from "../../model/model.js";
import type { AccessLevel, Confidence, Profile, Source } from "../../model/types.js";
import { permitCommand, permitResource, refreshCommands } from "../commands.js";
import { ringCheck, ringProtectionShown } from "../ring-check.js";
import type { SimFix } from "../types.js";
import type { Failure, Simulation } from "./context.js";
import { R } from "./rules.js";
import { at, describeFound, evidence, foundSources, weakest } from "./util.js";

export function authorizeRing(s: Simulation): Failure | null {
  const model = s.model;
  const resource = s.ringResource();
  // Which check decides is one rule shared with the audit (src/sim/ring-check.ts).
  const check = ringCheck(model, resource.name);
  const rd = check.rdatalib;
  const rdProfile = check.rdatalibProfile;
  // "in effect" for the explanation below; ring-specific checking needs a matching profile too
  const rdActive = check.ringSpecific || (rd.active && rd.raclisted);
  if (check.classAssumed && rdProfile) {
    s.assume(
      `RDATALIB assumed active and RACLISTed because profile ${rdProfile.name} is defined (no SETROPTS for RDATALIB in the inputs)`,
    );
  } else {
    s.classAssumption("RDATALIB");
    // Inputs that hold no FACILITY or RDATALIB profile at all (listings of rings and
    // certificates) do not show how rings are protected: RDATALIB's state is then a condition
    // with its own branch. Inputs that show the profiles and no SETROPTS for RDATALIB show RACF's
    // default — the class is inactive until activated — and that is a fact, not a condition.
    if (!rdProfile && rd.assumed && !s.virtual && !ringProtectionShown(model))
      rdatalibUnknown(s, resource.name);
  }
  if (rdProfile) {
    if (rdActive) return authorizeRingSpecific(s, resource, rdProfile);
    // The real cause can be that RDATALIB is not RACLISTed (or not active): R_datalib then
    // ignores a profile that would grant the access (IBM KC24 ichd100/dlibauth.htm).
    return authorizeGlobalWithNote(s, resource.name, rdProfile, rd);
  }
  // No RDATALIB profile matches the ring: FACILITY decides whatever the class state.
  const notes = [
    rdActive
      ? `RDATALIB is active and RACLISTed but no profile matches ${resource.name}, so FACILITY decides.`
      : `RDATALIB is not in effect${rd.assumed ? " (assumed)" : at(rd.sources)}, so FACILITY decides.`,
  ];
  return authorizeGlobal(s, resource.name, notes);
}

export function authorizeRingSpecific(
  s: Simulation,
  resource: { name: string; confidence: Confidence },
  profile: Profile,
): Failure | null {
  const model = s.model;
  const acc = s.decide(profile, "READ", "authorize-ring", 202);
  const unknown = !acc.granted && groupsUnknown(s, profile, "READ");
  const ok = unknown || acc.granted;
  const level = unknown ? bestGroupLevel(s.model, profile, s.user) : acc.level;
  const isOwner = s.ringOwner === s.user;
  const src = foundSources(model, profile, acc);
  const rd = model.classState("RDATALIB");
  s.mode = {
    kind: "ring-specific",
    resource: resource.name,
    profile,
    level,
    sources: src,
    warning: profile.warning === true,
  };
  let confidence: Confidence = weakest("ibm", resource.confidence);
  if (!ok && isOwner) confidence = weakest(confidence, "third-party");
  s.step(
    {
      id: "authorize-ring",
      ok: unknown ? null : ok,
      ...(unknown ? { missing: [`${s.user}'s groups (LISTUSER ${s.user})`] } : {}),
      confidence,
    },
    () => {
      const prof =
        profile.name === resource.name
          ? `discrete profile ${profile.name}`
          : `generic profile ${profile.name}`;
      let detail = `Ring-specific checking: RDATALIB is active and RACLISTed and ${prof}${at(profile.sources)} covers ${resource.name} (ring name folded to upper case). ${s.user} has ${describeFound(acc)}; opening needs READ.`;
      if (acc.byWarning)
        detail += ` ${profile.name} is in WARNING mode: RACF lets the read through and logs ICH408I as a warning.`;
      if (unknown) detail += ` ${groupsLine(s, profile, "READ")}`;
      if (!ok && isOwner)
        detail += ` ${s.user} owns the ring, but a matching RDATALIB profile decides for everyone, the owner included.`;
      if (!ok && s.special) detail += " SPECIAL is not assumed to bypass this check (unconfirmed).";
      return {
        title: "Authorise the ring read",
        detail,
        evidence: evidence(src, rd.assumed ? [] : rd.sources),
        source: !ok && isOwner ? `${R.dlibauth}; ${R.ownerLocked}` : R.dlibauth,
      };
    },
  );
  if (ok) return null;
  s.ich408i(resource.name, "RDATALIB", "READ", acc.level);
  const needed = s.neededLstLevel();
  // Never a PERMIT on a generic profile to fix one ring: it would reach every ring it covers.
  const permit = permitResource(model, "RDATALIB", resource.name, s.user, needed);
  const fix: SimFix = {
    summary: `Permit ${s.user} ${needed} to ${resource.name} in RDATALIB${needed === "READ" ? " (opens the ring and returns the user's own keys)" : needed === "UPDATE" ? " (opens the ring and returns the key of the certificate another user owns)" : " (opens the ring and returns a CERTAUTH/SITE key)"}, then refresh RDATALIB.${permit.note ? ` ${permit.note}` : ""}`,
    commands: [...permit.commands, ...refreshCommands(model, ["RDATALIB"])],
    notes: s.refreshNotes(),
  };
  return { rc: 202, confidence, fix, alternatives: [], partner: s.ringPartner() };
}

export function authorizeGlobal(s: Simulation, lstResource: string, notes: string[]): Failure | null {
  const model = s.model;
  const fac = model.classState("FACILITY");
  s.classAssumption("FACILITY");
  const own = s.ringOwner === s.user;
  // *AUTH*/* and *SITE*/* belong to no user; READ is assumed enough for them (unconfirmed).
  const caVirtual = s.virtual && s.ringOwner.startsWith("*");
  const need: AccessLevel = own || caVirtual ? "READ" : "UPDATE";
  const resources = ["IRR.DIGTCERT.LISTRING", ...(s.req.checkDigtcertList ? ["IRR.DIGTCERT.LIST"] : [])];
  const lines: string[] = [...notes];
  let ok = true;
  let confidence: Confidence = caVirtual ? "unconfirmed" : "ibm";
  const ev: Source[] = [];
  const missingProfiles: string[] = [];
  const missing: string[] = [];
  let unknown = false;
  // Inputs that hold no FACILITY profile at all (only listings of rings, certificates) do not
  // show whether IRR.DIGTCERT.LISTRING is protected: its absence is an assumption, not a fact
  // read from the inputs (review finding: 202 was reported as if the profile were known).
  const facilityShown = model.hasProfiles("FACILITY");
  if (!fac.active) {
    ok = false;
    confidence = "unconfirmed";
    lines.push(
      `FACILITY is not active${at(fac.sources)}: RACF answers "not protected" for ${resources.join(" and ")}; racfring treats that as not authorised (unconfirmed).`,
    );
    ev.push(...evidence(fac.sources));
  } else {
    for (const res of resources) {
      const p = model.protectingProfile("FACILITY", res);
      if (!p) {
        if (!facilityShown && !s.assumeDenied) {
          // The typical setting: R_datalib needs the profile, so an installation that uses rings
          // has it; who may read it is not shown. The walk goes on as if the user had what it
          // needs, so a certain defect further on is still found; the 202 branch is kept.
          unknown = true;
          lines.push(
            `The inputs contain no FACILITY profiles, so they do not show who may read ${res}. racfring takes the typical setting — a profile covers it (R_datalib needs one) — and goes on as if ${s.user} had ${need} (${own ? "its own ring" : caVirtual ? `${s.ringOwner}/*` : `another user's ring`}); if it has not, the ring cannot be opened (202).`,
          );
          s.condition({
            kind: "configuration",
            text: `a FACILITY profile covers ${res} (typical: R_datalib needs it; the inputs contain no FACILITY profiles)`,
            decide: [`RLIST FACILITY ${res} AUTHUSER`],
            step: "authorize-ring",
          });
          s.condition(
            {
              kind: "access",
              text: `${s.user} can read ${own ? "its" : "the"} ring (${need} to FACILITY ${res}; not shown in the inputs)`,
              decide: [`RLIST FACILITY ${res} AUTHUSER`],
              step: "authorize-ring",
            },
            {
              condition: `${s.user} has no ${need} to FACILITY ${res} (not in the inputs)`,
              rc: 202,
              confidence: caVirtual ? "unconfirmed" : "ibm",
            },
          );
          missing.push(`who may read FACILITY ${res} (RLIST FACILITY ${res} AUTHUSER)`);
          continue;
        }
        ok = false;
        missingProfiles.push(res);
        confidence = "unconfirmed";
        if (facilityShown) {
          lines.push(
            `No FACILITY profile in the inputs covers ${res}: RACF answers "not protected"; R_datalib's handling of that is not documented and racfring treats it as not authorised (unconfirmed).`,
          );
          s.assume(`no FACILITY profile covers ${res} (none among the FACILITY profiles in the inputs)`);
        } else {
          lines.push(
            `The inputs contain no FACILITY profiles, so they do not show whether a profile covers ${res} or who may read it. With --assume-denied racfring assumes none does: RACF would then answer "not protected", whose handling by R_datalib is not documented, and racfring treats it as not authorised (unconfirmed). Give an RLIST FACILITY ${res} AUTHUSER listing or an IRRDBU00 unload to decide.`,
          );
          s.assume(
            `no FACILITY profile covers ${res}: the inputs contain no FACILITY profiles, so this is not known (--assume-denied)`,
          );
        }
        continue;
      }
      const acc = s.decide(p, need, "authorize-ring", 202);
      const enough = acc.granted;
      // The sentence every ring checked through FACILITY gets: written only for a trace.
      if (s.traced) {
        const prof = p.name === res ? "discrete profile" : `generic profile ${p.name}`;
        lines.push(
          `FACILITY ${res}, ${prof}${at(p.sources)}: ${s.user} has ${describeFound(acc)}${acc.byWarning ? ` (WARNING mode: RACF lets the request through and logs ICH408I as a warning)` : ""}; ${own ? "its own ring needs READ" : caVirtual ? `${s.ringOwner}/* is assumed to need READ (unconfirmed)` : `another user's ring (${s.ringOwner}) needs UPDATE`}.`,
        );
      }
      if (res === "IRR.DIGTCERT.LIST") confidence = weakest(confidence, "third-party");
      ev.push(...foundSources(model, p, acc));
      if (!fac.assumed) ev.push(...fac.sources);
      if (!enough && groupsUnknown(s, p, need)) {
        unknown = true;
        lines.push(groupsLine(s, p, need));
        missing.push(`${s.user}'s groups (LISTUSER ${s.user})`);
      } else if (!enough) {
        ok = false;
        s.ich408i(res, "FACILITY", need, acc.level);
      }
    }
  }
  if (!ok && s.special) lines.push("SPECIAL is not assumed to bypass this check (unconfirmed).");
  s.mode = { kind: "global", sources: ev };
  s.step(
    {
      id: "authorize-ring",
      ok: ok ? (unknown ? null : true) : false,
      ...(ok && unknown ? { missing } : {}),
      confidence,
    },
    () => ({
      title: "Authorise the ring read",
      detail: `Global checking. ${lines.join(" ")}`,
      evidence: evidence(ev),
      source:
        missingProfiles.length > 0 || !fac.active
          ? `${R.listring}; ${R.notProtected}`
          : `${R.dlibauth}; ${R.listring}`,
    }),
  );
  if (ok) return null;
  // Fixes: FACILITY permit (field case 2), or a ring-specific RDATALIB profile.
  const lstLevel = s.neededLstLevel();
  const unknownProfiles = missingProfiles.length > 0 && !facilityShown;
  // With FACILITY inactive a PERMIT alone changes nothing (RACF still answers "not protected"):
  // the class has to be activated, which makes every FACILITY profile take effect.
  const facFix: SimFix = {
    summary: `Permit ${s.user} ${need} to IRR.DIGTCERT.LISTRING (${own ? "own ring" : caVirtual ? `${s.ringOwner}/*` : "another user's ring"}), then ${fac.active ? "refresh FACILITY" : "activate and RACLIST FACILITY (every FACILITY profile then takes effect: review them first)"}.${unknownProfiles ? " The inputs do not show whether the profile exists: the RDEFINE is needed only if it does not (it fails harmlessly if it does)." : ""}`,
    commands: [
      ...missingProfiles.map((r) => `RDEFINE FACILITY ${r} UACC(NONE)`),
      ...resources.map((r) => permitCommand(r, "FACILITY", s.user, need)),
      ...(fac.active
        ? refreshCommands(model, ["FACILITY"])
        : ["SETROPTS CLASSACT(FACILITY) RACLIST(FACILITY)"]),
    ],
    notes: s.refreshNotes(),
  };
  // An existing profile is never defined again (RACF rejects the RDEFINE); a generic one is
  // not widened (permitResource).
  const permit = permitResource(model, "RDATALIB", lstResource, s.user, lstLevel);
  const ownerToo =
    s.ringOwner !== s.user &&
    !s.ringOwner.startsWith("*") &&
    !accessAtLeast(
      model.protectingProfile("RDATALIB", lstResource)?.access.find((a) => a.id === s.ringOwner)?.level ??
        "NONE",
      "READ",
    );
  const rdFix: SimFix = {
    summary: `Use ring-specific checking: ${model.profile("RDATALIB", lstResource) ? `permit ${s.user} ${lstLevel} on the existing` : "define"} ${lstResource} in RDATALIB${model.profile("RDATALIB", lstResource) ? "" : ` and permit ${s.user} ${lstLevel}`}${ownerToo ? ` (and the ring owner ${s.ringOwner} READ — a matching profile decides for the owner too)` : ""}.${permit.note ? ` ${permit.note}` : ""}`,
    commands: [
      ...permit.commands,
      ...(ownerToo ? [permitCommand(lstResource, "RDATALIB", s.ringOwner, "READ")] : []),
      ...refreshCommands(model, ["RDATALIB"]),
    ],
    notes: s.refreshNotes(),
  };
  // When the certificate to use belongs to another user, FACILITY access would only lead to
  // 428 (no key for another user's certificate in global mode): RDATALIB is the real fix.
  const otherUsersKey = lstLevel === "UPDATE";
  if (otherUsersKey) {
    facFix.summary += ` This opens the ring, but the certificate to use belongs to another user: under FACILITY checking its key is never returned (428 would follow).`;
    return { rc: 202, confidence, fix: rdFix, alternatives: [facFix], partner: s.ringPartner() };
  }
  return { rc: 202, confidence, fix: facFix, alternatives: [rdFix], partner: s.ringPartner() };
}

/**
 * The inputs show neither SETROPTS nor any RDATALIB profile: the typical setting is taken —
 * RDATALIB not in effect, FACILITY decides (rules §1) — and the other branch is walked again
 * with a ring-specific profile granting what the application needs.
 */
function rdatalibUnknown(s: Simulation, lst: string): void {
  const level = s.neededLstLevel();
  const user = s.user;
  const owner = s.ringOwner;
  s.condition(
    {
      kind: "configuration",
      text: `RDATALIB is not in effect for ${lst} (typical; the inputs show neither SETROPTS nor RDATALIB profiles)`,
      decide: ["SETROPTS LIST", `RLIST RDATALIB ${lst} AUTHUSER`],
      step: "authorize-ring",
    },
    {
      condition: `RDATALIB is active and RACLISTed and ${user} has ${level} on ${lst}`,
      confidence: "ibm",
      hypothesis: (model) => {
        // A shallow copy is enough: only the profile list and RDATALIB's class state change,
        // and copying them leaves the caller's model untouched (a deep copy of a large model per
        // application would make audits slow).
        const rdatalib = model.classState("RDATALIB");
        const m = new RacfModel({
          ...model.state,
          profiles: [...model.state.profiles],
          classes: { ...model.state.classes, RDATALIB: { ...rdatalib, sources: [...rdatalib.sources] } },
        });
        const src = { file: "", line: 0, kind: "default" as const };
        m.setClass("RDATALIB", { active: true, raclisted: true }, src);
        const p = m.defineProfile("RDATALIB", lst, src);
        p.access.push({ id: user, level, sources: [] });
        if (owner !== user) p.access.push({ id: owner, level: "READ", sources: [] });
        return m;
      },
    },
  );
}

/**
 * The highest level an entry that may be a group grants on `profile`: not the user's own, not
 * ID(*), not another user the inputs define (an id only referred to may be a group).
 */
function bestGroupLevel(model: RacfModel, profile: Profile, user: string): AccessLevel {
  let best: AccessLevel = profile.uacc;
  for (const e of profile.access) {
    const defined = model.user(e.id);
    const mayBeGroup = !defined || defined.implied;
    if (e.id !== user && e.id !== "*" && mayBeGroup && accessAtLeast(e.level, best)) best = e.level;
  }
  return best;
}

/**
 * The user's groups are not in the inputs (user not defined there) and a group entry on the
 * access list would grant `need`: whether the user is connected to it decides, and nothing shows
 * it. Taken as granted (what the step needs) unless --assume-denied; the 202 branch is kept.
 */
function groupsUnknown(s: Simulation, profile: Profile, need: AccessLevel): boolean {
  if (s.assumeDenied) return false;
  const u = s.model.user(s.user);
  if (u && !u.implied) return false;
  if (!accessAtLeast(bestGroupLevel(s.model, profile, s.user), need)) return false;
  const res = `${profile.class} ${profile.name}`;
  s.condition(
    {
      kind: "access",
      text: `${s.user} is connected to a group with ${need} on ${res} (its groups are not in the inputs)`,
      decide: [`LISTUSER ${s.user}`, `RLIST ${res} AUTHUSER`],
      step: "authorize-ring",
    },
    { condition: `${s.user} is in none of the groups on ${res}'s access list`, rc: 202, confidence: "ibm" },
  );
  return true;
}

function groupsLine(s: Simulation, profile: Profile, need: AccessLevel): string {
  return `${s.user} is not defined in the inputs, so its groups are not known; a group on the access list of ${profile.name} has ${need} or more. racfring goes on as if ${s.user} were connected to it; if it is not, the ring cannot be opened (202).`;
}

/**
 * FACILITY decides because RDATALIB is active but not RACLISTed (or not active) although an
 * RDATALIB profile matches the ring. When that profile would grant what the application needs,
 * the real cause is the class state: the first fix says so and RACLISTs (activates) the class.
 */
function authorizeGlobalWithNote(
  s: Simulation,
  lst: string,
  rdProfile: Profile,
  rd: { active: boolean; raclisted: boolean; sources: Source[] },
): Failure | null {
  const notes = [
    `RDATALIB profile ${rdProfile.name}${at(rdProfile.sources)} matches but RDATALIB is ${rd.active ? "not RACLISTed" : "not active"}${at(rd.sources)}: R_datalib ignores it.`,
  ];
  const failure = authorizeGlobal(s, lst, notes);
  if (!failure) return null;
  const need = s.neededLstLevel();
  if (
    !accessAtLeast(s.model.accessTo(rdProfile, s.user, s.currentGroup).level, need) &&
    rdProfile.warning !== true
  )
    return failure;
  const cmd = refreshCommands(s.model, ["RDATALIB"]);
  const real: SimFix = {
    summary: `The cause is the class, not the profile: RDATALIB is ${rd.active ? "active but not RACLISTed" : "not active"}, so R_datalib ignores ${rdProfile.name}, which would let ${s.user} read the ring (${need}). ${rd.active ? "RACLIST" : "Activate and RACLIST"} RDATALIB.`,
    commands: cmd,
    notes: [
      ...s.refreshNotes(),
      "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB) switches ring-specific checking on for the whole system: every RDATALIB profile that already exists takes effect at once, for its rings' owners too. List them first (SEARCH CLASS(RDATALIB), RLIST RDATALIB profile AUTHUSER) and make sure each grants what its ring's users need.",
    ],
  };
  return {
    ...failure,
    fix: real,
    alternatives: [failure.fix, ...(failure.alternatives ?? [])].filter((f): f is SimFix => f !== null),
  };
}
