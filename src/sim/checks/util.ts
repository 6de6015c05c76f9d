/**
 * Small helpers the checks share: evidence lists, "(file:line)" suffixes, DN matching,
 * confidence ordering, access descriptions.
 */
import { dnEquals, parseDn } from "../../model/dn.js";
import { formatSource, type RacfModel } from "../../model/model.js";
import type { CertOwner, Confidence, Profile, Source } from "../../model/types.js";

// ---- helpers -----------------------------------------------------------------------------

/** Input text quoted in a message is cut at 200 characters: a runaway token is not echoed whole. */
export function clipText(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export const CONF_ORDER: Confidence[] = ["ibm", "third-party", "unconfirmed"];
export function weakest(...c: Confidence[]): Confidence {
  return c.reduce((a, b) => (CONF_ORDER.indexOf(b) > CONF_ORDER.indexOf(a) ? b : a), "ibm" as Confidence);
}

export function evidence(...groups: (readonly Source[] | undefined)[]): Source[] {
  const out: Source[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    for (const s of g ?? []) {
      if (!s.file) continue;
      const k = `${s.file}:${s.line}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(s);
    }
  }
  return out;
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

export function accessSources(
  model: RacfModel,
  profile: Profile,
  user: string,
  currentGroup: string | null = null,
): Source[] {
  const a = model.accessTo(profile, user, currentGroup);
  const entry = a.entryId ? model.accessEntry(profile, a.entryId) : undefined;
  return evidence(profile.sources, entry?.sources);
}

export function describeAccess(
  model: RacfModel,
  profile: Profile,
  user: string,
  currentGroup: string | null = null,
): string {
  const a = model.accessTo(profile, user, currentGroup);
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
