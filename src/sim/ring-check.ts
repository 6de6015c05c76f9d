/**
 * Which check decides access to a key ring — R_datalib's first question, asked by both the
 * simulator and the audit, so it is answered here once (rules §1, IBM KC24
 * ichd100/dlibauth.htm):
 * - ring-specific: class RDATALIB active and RACLISTed and a profile covers the ring's
 *   `<OWNER>.<RING>.LST` resource (ring name upper-cased) — that profile alone decides;
 * - global: otherwise FACILITY IRR.DIGTCERT.LISTRING.
 * When no input says whether RDATALIB is active, a matching profile is taken as meant to be
 * used: an installation defines .LST profiles to use them (field cases 6 and 7 are written that
 * way). Callers say so as an assumption (`classAssumed`).
 */
import type { RacfModel } from "../model/model.js";
import type { ClassState, Profile, Ring } from "../model/types.js";

/** RDATALIB resource of a real ring: `<OWNER>.<RING>.LST`, the ring name folded to upper case. */
export function rdatalibResource(ring: Pick<Ring, "owner" | "name">): string {
  return `${ring.owner.toUpperCase()}.${ring.name.toUpperCase()}.LST`;
}

export interface RingCheck {
  /** The RDATALIB profile that matches the resource, in effect or not. */
  rdatalibProfile: Profile | undefined;
  /** True when that profile decides (ring-specific checking). */
  ringSpecific: boolean;
  /** RDATALIB's state as the inputs give it. */
  rdatalib: ClassState;
  /** True when ring-specific checking rests on the assumption that RDATALIB is in effect. */
  classAssumed: boolean;
}

/** The check R_datalib applies to the RDATALIB resource `resource` (a real or virtual ring's). */
export function ringCheck(model: RacfModel, resource: string): RingCheck {
  const rdatalib = model.classState("RDATALIB");
  const rdatalibProfile = model.protectingProfile("RDATALIB", resource);
  const inEffect = rdatalib.active && rdatalib.raclisted;
  const classAssumed = rdatalib.assumed && rdatalibProfile !== undefined;
  return {
    rdatalibProfile,
    ringSpecific: rdatalibProfile !== undefined && (inEffect || classAssumed),
    rdatalib,
    classAssumed,
  };
}

/**
 * Do the inputs show how rings are protected at all (any FACILITY or RDATALIB profile)? Listings
 * of rings and certificates alone do not: RDATALIB's state and the FACILITY access list are then
 * unknowns the simulator states as conditions, and the audit does not report as errors.
 */
export function ringProtectionShown(model: RacfModel): boolean {
  return model.hasProfiles("FACILITY") || model.hasProfiles("RDATALIB");
}
