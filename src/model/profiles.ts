/**
 * RACF general-resource profile matching.
 *
 * RACF resolves a resource name to at most one profile: a discrete profile of exactly that
 * name wins; otherwise the most specific matching generic profile. Generic characters for
 * general resources (IBM z/OS Security Server RACF Security Administrator's Guide, "Generic
 * profile rules for general resource profiles"):
 * - `%` matches exactly one character (not a period);
 * - `*` at the end of a name matches zero or more characters to the end of the resource name,
 *   periods included;
 * - `*` as a whole qualifier elsewhere matches exactly one qualifier; inside a qualifier it
 *   matches zero or more characters of that qualifier;
 * - `**` matches zero or more qualifiers.
 * Specificity: comparing names left to right, a literal character is more specific than `%`,
 * which is more specific than `*`, which is more specific than `**`.
 */
import { matchesGeneric } from "./generic-match.js";

export function isGenericName(name: string): boolean {
  return /[*%]/.test(name);
}

export function genericMatches(profile: string, resource: string): boolean {
  if (!isGenericName(profile)) return profile === resource;
  return matchesGeneric(profile, resource);
}

function rank(name: string, i: number): number {
  const ch = name.charAt(i);
  if (ch === "*") return name.charAt(i + 1) === "*" ? 3 : 2;
  if (ch === "%") return 1;
  return 0;
}

/**
 * Negative when `a` is more specific than `b`. Used to pick the best generic match the way
 * RACF does: compare position by position; literal < % < * < **; on a tie, the longer name.
 */
export function compareSpecificity(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ra = rank(a, i);
    const rb = rank(b, i);
    if (ra !== rb) return ra - rb;
  }
  return b.length - a.length;
}

/**
 * Pick the profile RACF would use for `resource` among `candidates` (all of one class).
 * Discrete first, then the most specific generic. Returns undefined when nothing matches.
 */
export function bestMatch<T extends { name: string; generic: boolean }>(
  candidates: readonly T[],
  resource: string,
): T | undefined {
  const discrete = candidates.find((p) => !p.generic && p.name === resource);
  if (discrete) return discrete;
  let best: T | undefined;
  for (const p of candidates) {
    if (!p.generic || !genericMatches(p.name, resource)) continue;
    if (!best || compareSpecificity(p.name, best.name) < 0) best = p;
  }
  return best;
}

/**
 * Characters every resource a profile covers starts with: the name up to its first generic
 * character (the whole name if none). A `**` qualifier also stands for no qualifier at all,
 * period included (`A.**` covers `A`), so the period before it is not part of the prefix.
 */
export function literalPrefix(name: string): string {
  const star = name.indexOf("*");
  const pct = name.indexOf("%");
  const cut = star < 0 ? pct : pct < 0 ? star : Math.min(star, pct);
  if (cut < 0) return name;
  const prefix = name.slice(0, cut);
  return name.startsWith("**", cut) && prefix.endsWith(".") ? prefix.slice(0, -1) : prefix;
}

/** Counters of an index's work, for tests that bound the cost of lookups. */
export interface LookupStats {
  /** `best()` calls. */
  lookups: number;
  /** Profiles compared with a resource name (generic matches and name checks). */
  candidates: number;
}

/**
 * The profiles of one class, compiled once for lookups: a discrete profile by its name (a Map),
 * generic profiles ranked once by RACF's specificity (compareSpecificity, ties in input order)
 * and filed under their literal prefix — the characters before the first `*` or `%`, which every
 * resource a generic covers must start with. A lookup probes the prefixes of the resource name
 * (one Map read for each prefix length the class has, up to the name's length), tests only those
 * few candidates (generic-match.ts; each name compiled once), and keeps the
 * best-ranked match: the same answer as `bestMatch` over the whole class, without a scan.
 * Results are memoised per resource name.
 *
 * The `generic` flag is read at lookup time, not at build time, so a profile whose flag a reader
 * sets after defining it is still judged by its current flag.
 */
export class ProfileIndex<T extends { name: string; generic: boolean }> {
  readonly #discrete = new Map<string, T[]>();
  readonly #byPrefix = new Map<string, Array<{ profile: T; rank: number }>>();
  /** The lengths of those prefixes, ascending: a lookup probes only these. */
  readonly #prefixLengths: number[];
  readonly #memo = new Map<string, T | undefined>();
  readonly stats: LookupStats;

  constructor(profiles: readonly T[], stats: LookupStats = { lookups: 0, candidates: 0 }) {
    this.stats = stats;
    for (const p of profiles) {
      const same = this.#discrete.get(p.name);
      if (same) same.push(p);
      else this.#discrete.set(p.name, [p]);
    }
    const ranked = profiles
      .map((profile, order) => ({ profile, order }))
      .sort((a, b) => compareSpecificity(a.profile.name, b.profile.name) || a.order - b.order);
    ranked.forEach(({ profile }, rank) => {
      const key = literalPrefix(profile.name);
      const bucket = this.#byPrefix.get(key);
      if (bucket) bucket.push({ profile, rank });
      else this.#byPrefix.set(key, [{ profile, rank }]);
    });
    this.#prefixLengths = [...new Set([...this.#byPrefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  }

  /** The profile RACF uses for `resource`: discrete first, else the most specific generic. */
  best(resource: string): T | undefined {
    this.stats.lookups++;
    if (this.#memo.has(resource)) return this.#memo.get(resource);
    let found: T | undefined;
    for (const p of this.#discrete.get(resource) ?? []) {
      this.stats.candidates++;
      if (!p.generic) {
        found = p;
        break;
      }
    }
    if (!found) {
      let bestRank = Number.POSITIVE_INFINITY;
      for (const k of this.#prefixLengths) {
        if (k > resource.length) break;
        const bucket = this.#byPrefix.get(k === resource.length ? resource : resource.slice(0, k));
        if (!bucket) continue;
        for (const { profile, rank } of bucket) {
          if (rank >= bestRank || !profile.generic) continue;
          this.stats.candidates++;
          if (genericMatches(profile.name, resource)) {
            bestRank = rank;
            found = profile;
          }
        }
      }
    }
    this.#memo.set(resource, found);
    return found;
  }
}
