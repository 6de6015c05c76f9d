/**
 * Which user a started task runs as: RACF checks STARTED class profiles named
 * `membername.jobname` (discrete first, then the best generic such as `FTPD.*` or `**`) and takes
 * the user from the profile's STDATA; `USER(=MEMBER)` means "the member name" (IBM RACF Security
 * Administrator's Guide, "Using the STARTED class"). `S FTPD` without a job name runs job FTPD, so
 * the resource is `FTPD.FTPD`. The ICHRIN03 started procedures table is not modelled.
 */
import type { RacfModel } from "../model/model.js";
import type { Profile } from "../model/types.js";

export interface StartedUser {
  /** The resource RACF checks, `MEMBER.JOBNAME`. */
  resource: string;
  profile: Profile | null;
  user: string | null;
  /** Why no user could be found, when `user` is null. */
  problem: string | null;
}

/**
 * `PROC` or `PROC.JOBNAME`: a member name and a job name, each 1–8 characters of A–Z, 0–9, #, $,
 * @ (z/OS naming rules). Generic characters (`*`, `%`) and further qualifiers are not a started
 * task — they are profile names, and matching them against profiles would give nonsense.
 */
export const STARTED_SPEC_RE = /^[A-Z0-9#$@]{1,8}(?:\.[A-Z0-9#$@]{1,8})?$/;

/** `spec` is `PROC` or `PROC.JOBNAME` (checked against STARTED_SPEC_RE by the caller). */
export function startedUser(model: RacfModel, spec: string): StartedUser {
  const [member = "", job] = spec.toUpperCase().split(".", 2);
  const resource = `${member}.${job ?? member}`;
  const profile = model.protectingProfile("STARTED", resource) ?? null;
  if (!profile) {
    return {
      resource,
      profile: null,
      user: null,
      problem: `no STARTED profile in the inputs matches ${resource} (the ICHRIN03 table is not modelled)`,
    };
  }
  const u = profile.stdata?.user ?? null;
  if (!u) {
    return {
      resource,
      profile,
      user: null,
      problem: `STARTED profile ${profile.name} has no STDATA USER in the inputs`,
    };
  }
  return { resource, profile, user: u === "=MEMBER" ? member : u.toUpperCase(), problem: null };
}

/**
 * The current connect group of an application's task: the STDATA GROUP of the STARTED profile
 * it runs under, or null (the user's default group then counts). Both the simulator
 * (src/sim/checks/context.ts `currentGroup`) and the audit's access checks take it from here,
 * so that they reach the same verdict under NOGRPLIST (IBM RACF Security Administrator's Guide,
 * "Using the STARTED class": STDATA GROUP is the group the task is connected to).
 */
export function startedGroup(model: RacfModel, startedProfile: string | null | undefined): string | null {
  if (!startedProfile) return null;
  const group = model.profile("STARTED", startedProfile)?.stdata?.group;
  return group && group !== "=MEMBER" ? group.toUpperCase() : null;
}
