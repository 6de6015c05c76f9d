/**
 * RACF command text for fixes. Labels are always quoted with an embedded apostrophe doubled
 * (rules §6: labels are mixed case and may contain blanks). Refresh commands are added
 * only for classes that are RACLISTed (or assumed to be): refreshing a class that is not
 * RACLISTed fails with ICH14070I.
 */

import type { RacfModel } from "../model/model.js";
import type { AccessLevel, CertOwner, RingUsage } from "../model/types.js";
import { labelOperand, ownerOperand, profileName, ringOperand, userId } from "../racf/write.js";

export { racfQuote as quote } from "../racf/write.js";

/** `ID(FTPD)`, `CERTAUTH` or `SITE` — the owner keyword as RACDCERT wants it (shared writer). */
export function ownerKeyword(owner: CertOwner): string {
  return ownerOperand(owner);
}

export function connectCommand(
  ringOwner: string,
  ring: string,
  certOwner: CertOwner,
  label: string,
  usage: RingUsage,
  makeDefault: boolean,
): string {
  return `RACDCERT ID(${userId(ringOwner)}) CONNECT(${ownerKeyword(certOwner)} ${labelOperand(label)} ${ringOperand(ring)} USAGE(${usage})${makeDefault ? " DEFAULT" : ""})`;
}

export function permitCommand(profile: string, cls: string, id: string, access: AccessLevel): string {
  return `PERMIT ${profileName(profile)} CLASS(${cls}) ID(${userId(id)}) ACCESS(${access})`;
}

export function alterTrustCommand(owner: CertOwner, label: string): string {
  return `RACDCERT ${ownerKeyword(owner)} ALTER(${labelOperand(label)}) TRUST`;
}

/**
 * `SETROPTS RACLIST(cls) REFRESH` when the class is RACLISTed (assumed or known); for RDATALIB
 * not yet active/RACLISTed, the activation command instead (ring-specific checking needs both,
 * rules §1).
 */
export function refreshCommands(model: RacfModel, classes: readonly string[]): string[] {
  const out: string[] = [];
  for (const cls of classes) {
    const st = model.classState(cls);
    if (cls === "RDATALIB" && (!st.active || !st.raclisted)) {
      out.push("SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)");
      continue;
    }
    if (st.raclisted) out.push(`SETROPTS RACLIST(${cls}) REFRESH`);
  }
  return out;
}

/** The AT-TLS / application note that a running environment keeps its old view of the ring. */
export const POLICY_REFRESH_NOTE =
  "Running AT-TLS environments keep the ring they read at initialisation: refresh the policy (F PAGENT,REFRESH — use your Policy Agent's procedure name) or restart the application so the ring is read again (rules §6, field case 1).";
export const APPLICATION_RESTART_NOTE =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";

/**
 * Access to one resource (a ring's `.LST`, an ICSF key label) without widening a generic
 * profile. When the profile that protects `resource` is the discrete one, a PERMIT on it. When
 * it is generic (`FTPD.*.LST`, `**`), a PERMIT there would reach every resource it covers, so the
 * discrete profile is defined FROM the generic one (same UACC and access list; IBM RACF Command
 * Language Reference, RDEFINE FROM) and the PERMIT goes on that: the discrete profile then
 * decides for this resource alone, the generic one for the rest. With no profile, a new discrete
 * one with UACC(NONE).
 */
export function permitResource(
  model: RacfModel,
  cls: string,
  resource: string,
  id: string,
  access: AccessLevel,
): { commands: string[]; note: string | null } {
  const matched = model.protectingProfile(cls, resource);
  if (matched && !matched.generic)
    return { commands: [permitCommand(resource, cls, id, access)], note: null };
  if (!matched)
    return {
      commands: [`RDEFINE ${cls} ${resource} UACC(NONE)`, permitCommand(resource, cls, id, access)],
      note: null,
    };
  return {
    commands: [`RDEFINE ${cls} ${resource} FROM(${matched.name})`, permitCommand(resource, cls, id, access)],
    note: `${matched.name} is generic: a PERMIT there would give ${id} ${access} to everything it covers, so the discrete profile ${resource} is defined from it (same UACC and access list) and decides for ${resource} alone from then on; ${matched.name} keeps deciding for the rest.`,
  };
}
