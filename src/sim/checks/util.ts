/**
 * Small helpers the checks share: evidence lists, "(file:line)" suffixes, DN matching,
 * confidence ordering, access descriptions.
 */
import { dnEquals, parseDn } from "../../model/dn.js";
import { formatSource, type ProfileAccess, type RacfModel } from "../../model/model.js";
import type { CertOwner, Confidence, Profile, Source } from "../../model/types.js";

// ---- helpers -----------------------------------------------------------------------------

/** Input text quoted in a message is cut at 200 characters: a runaway token is not echoed whole. */
export function clipText(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export const CONF_ORDER: Confidence[] = ["ibm", "third-party", "unconfirmed"];
export function weakest(...c: Confidence[]): Confidence {
  let w: Confidence = "ibm";
  for (const x of c) if (CONF_ORDER.indexOf(x) > CONF_ORDER.indexOf(w)) w = x;
  return w;
}

/**
 * The sources of `groups` that name a file, each file and line once, in order. Steps quote a
 * handful of lines: those are compared directly; a long list (a virtual ring's every
 * certificate) switches to a set of keys so that the cost stays linear.
 */
export function evidence(...groups: (readonly Source[] | undefined)[]): Source[] {
  const out: Source[] = [];
  let seen: Set<string> | null = null;
  for (const g of groups) {
    if (!g) continue;
    for (const s of g) {
      if (!s.file) continue;
      if (seen) {
        const k = `${s.file}:${s.line}`;
        if (seen.has(k)) continue;
        seen.add(k);
      } else {
        if (listed(out, s)) continue;
        if (out.length >= SCAN_EVIDENCE)
          seen = new Set(out.map((o) => `${o.file}:${o.line}`)).add(`${s.file}:${s.line}`);
      }
      out.push(s);
    }
  }
  return out;
}

/** Up to this many sources a scan finds a repeat faster than a set of string keys. */
const SCAN_EVIDENCE = 16;

/** Is `s`'s file and line already in `out` (the same test as equal `file:line` keys)? */
function listed(out: readonly Source[], s: Source): boolean {
  for (const o of out) {
    if (o.file === s.file && (o.line === s.line || `${o.line}` === `${s.line}`)) return true;
  }
  return false;
}

/**
 * Issuer/subject matching for chain building. Exact RDN order first (RFC 5280 name matching);
 * then, because facts come from different sources (RACF display, IRRDBU00, certificate files)
 * whose RDN order may have been normalised differently, the same RDNs in any order.
 */
export function sameDn(a: string | null, b: string | null): boolean {
  if (dnEquals(a, b)) return true;
  if (a === null || b === null) return false;
  const key = (dn: string): string =>
    parseDn(dn)
      .map((r) => `${r.type}=${r.value.replace(/\s+/g, " ").toLowerCase()}`)
      .sort()
      .join(",");
  return key(a) === key(b);
}

export function at(sources: readonly Source[]): string {
  const real = evidence(sources);
  return real.length > 0 ? ` (${real.map(formatSource).join(", ")})` : "";
}

export function ownerText(owner: CertOwner): string {
  return owner;
}

/** Which entry of an access list gave a user its level (model.accessTo or decideAccess). */
export type FoundAccess = Pick<ProfileAccess, "level" | "via" | "entryId">;

export function accessSources(
  model: RacfModel,
  profile: Profile,
  user: string,
  currentGroup: string | null = null,
): Source[] {
  return foundSources(model, profile, model.accessTo(profile, user, currentGroup));
}

/**
 * The profile's lines and those of the entry that decided. The walk passes the decision it
 * already made (decideAccess reads the list exactly as model.accessTo does), so that a ring's
 * access list is not read again for its evidence.
 */
export function foundSources(model: RacfModel, profile: Profile, a: FoundAccess): Source[] {
  const entry = a.entryId ? model.accessEntry(profile, a.entryId) : undefined;
  return evidence(profile.sources, entry?.sources);
}

export function describeAccess(
  model: RacfModel,
  profile: Profile,
  user: string,
  currentGroup: string | null = null,
): string {
  return describeFound(model.accessTo(profile, user, currentGroup));
}

/** "READ (via group G1)": the level and the entry that gave it. */
export function describeFound(a: FoundAccess): string {
  const via =
    a.via === "user"
      ? `its own access-list entry`
      : a.via === "group"
        ? `group ${a.entryId ?? "?"}`
        : a.via === "all"
          ? "ID(*)"
          : "UACC";
  return `${a.level} (via ${via})`;
}

export function plusYear(d: Date): Date {
  const n = new Date(d.getTime());
  n.setUTCFullYear(n.getUTCFullYear() + 1);
  return n;
}
