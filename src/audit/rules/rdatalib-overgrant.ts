/**
 * An RDATALIB .LST profile grants more than the rings it covers need: UACC above NONE, an
 * ID(*) entry, or UPDATE/CONTROL where READ suffices.
 *
 * Ring-specific levels (rules §1–2, IBM KC24 ichd100/dlibauth.htm and the FTP KEYRING
 * page): READ opens the ring and returns the caller's own keys; UPDATE also returns other
 * users' keys; CONTROL also CERTAUTH/SITE keys [3rd]. A higher level than the ring's PERSONAL
 * certificates require hands out private keys nobody needs.
 */

import { accessAtLeast, isCaOwner, ownerUser, type RacfModel } from "../../model/model.js";
import { ACCESS_ORDER, type AccessLevel, type Profile, type Ring } from "../../model/types.js";
import { profileName, userId } from "../../racf/write.js";
import { rdatalibProfileFor } from "../access.js";
import { refresh, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

/** The level `id` needs on a ring to get every key the ring offers it. */
function neededLevel(model: RacfModel, ring: Ring, id: string): AccessLevel {
  let need: AccessLevel = "READ";
  const isGroup = model.group(id) !== undefined && !model.user(id);
  for (const c of ring.connections) {
    if (c.usage !== "PERSONAL") continue;
    if (isCaOwner(c.owner)) return "CONTROL";
    // A group's members are unknown: any PERSONAL certificate may be another member's.
    if (isGroup || ownerUser(c.owner) !== id) need = "UPDATE";
  }
  return need;
}

function max(a: AccessLevel, b: AccessLevel): AccessLevel {
  return ACCESS_ORDER.indexOf(a) >= ACCESS_ORDER.indexOf(b) ? a : b;
}

/**
 * The rings each RDATALIB profile governs: one lookup per ring (the shared, indexed
 * rdatalibProfileFor), not a pass over all rings per profile.
 */
function governedRings(model: RacfModel): Map<Profile, Ring[]> {
  const out = new Map<Profile, Ring[]>();
  for (const r of model.state.rings) {
    const p = rdatalibProfileFor(model, r);
    if (!p) continue;
    const list = out.get(p);
    if (list) list.push(r);
    else out.set(p, [r]);
  }
  return out;
}

/** How many rings a message names before it says "and N more". */
const RINGS_NAMED = 10;

function ringList(rings: readonly Ring[]): string {
  const named = rings.slice(0, RINGS_NAMED).map((r) => `${r.owner}/${r.name}`);
  const more = rings.length - named.length;
  return more > 0 ? `${named.join(", ")} and ${more.toLocaleString("en-US")} more` : named.join(", ");
}

export const rule: Rule = {
  meta: {
    id: "rdatalib-overgrant",
    severity: "warning",
    description:
      "An RDATALIB ring profile has UACC above NONE, an ID(*) entry, or grants UPDATE/CONTROL where READ suffices.",
    rationale:
      "On a ring-specific profile UPDATE hands out other users' private keys and CONTROL hands out CERTAUTH/SITE keys. Levels above what the ring's PERSONAL certificates need, or access for everybody, expose private keys.",
    source: "rules §1–2 (IBM KC24 ichd100/dlibauth.htm; CONTROL: third-party, Zowe ZWEIKRR1)",
    confidence: "ibm",
    requires: ["rdatalib-profiles"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    const governed = governedRings(ctx.model);
    for (const profile of ctx.model.profilesOf("RDATALIB")) {
      if (!/\.LST$/i.test(profile.name) && !profile.generic) continue;
      const subject = { kind: "profile" as const, id: `RDATALIB ${profile.name}` };
      const rings = governed.get(profile) ?? [];
      const ringNote = rings.length > 0 ? ` (covers ${ringList(rings)})` : "";
      if (profile.uacc !== "NONE") {
        findings.push({
          subject,
          ring: null,
          message: `RDATALIB ${profile.name}${ringNote} has UACC(${profile.uacc}): every user may open the ring${accessAtLeast(profile.uacc, "UPDATE") ? " and take other users' private keys" : ""}.`,
          evidence: sourcesOf(profile.sources),
          fix: {
            summary: "Set UACC(NONE) and permit the ring's users individually.",
            commands: [`RALTER RDATALIB ${profile.name} UACC(NONE)`, refresh("RDATALIB")],
          },
        });
      }
      for (const entry of profile.access) {
        if (entry.level === "NONE") continue;
        if (entry.id === "*") {
          findings.push({
            subject,
            ring: null,
            message: `RDATALIB ${profile.name}${ringNote} permits ID(*) ${entry.level} (1 of ${profile.access.length.toLocaleString("en-US")} access-list entries): every RACF user may open the ring${accessAtLeast(entry.level, "UPDATE") ? " and take other users' private keys" : ""}.`,
            evidence: sourcesOf(entry.sources, profile.sources),
            fix: {
              summary: "Remove the ID(*) entry and permit the ring's users individually.",
              commands: [
                `PERMIT ${profileName(profile.name)} CLASS(RDATALIB) ID(*) DELETE`,
                refresh("RDATALIB"),
              ],
            },
          });
          continue;
        }
        if (!accessAtLeast(entry.level, "UPDATE")) continue;
        if (rings.length === 0) {
          notEvaluated.push({
            subject,
            reason: `no ring covered by this profile is in the inputs, so whether ${entry.id} needs ${entry.level} cannot be told`,
          });
          continue;
        }
        const need = rings.map((r) => neededLevel(ctx.model, r, entry.id)).reduce(max, "READ");
        if (accessAtLeast(need, entry.level)) continue;
        findings.push({
          subject,
          ring: rings.length === 1 && rings[0] ? `${rings[0].owner}/${rings[0].name}` : null,
          message:
            `RDATALIB ${profile.name}${ringNote} gives ${entry.id} ${entry.level}, but ${need} is enough for the certificates on the ring` +
            `${need === "READ" ? ` (every PERSONAL certificate there belongs to ${entry.id}, or there is none)` : ""}.`,
          evidence: sourcesOf(entry.sources, profile.sources),
          fix: {
            summary: `Lower ${entry.id}'s access to ${need}.`,
            commands: [
              `PERMIT ${profileName(profile.name)} CLASS(RDATALIB) ID(${userId(entry.id)}) ACCESS(${need})`,
              refresh("RDATALIB"),
            ],
          },
        });
      }
    }
    return { findings, notEvaluated };
  },
};
