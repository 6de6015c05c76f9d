/**
 * Stable subject ids and small lookups shared by the rules. Ids are meant to be read by
 * administrators and to stay stable between runs (SARIF baselines, CI diffs).
 */
import type { CertOwner, Connection, Ring, Source } from "../model/types.js";
import type { AuditContext, Subject } from "./types.js";

export function ringId(ring: Pick<Ring, "owner" | "name">): string {
  return `${ring.owner}/${ring.name}`;
}

export function certId(c: { owner: CertOwner; label: string }): string {
  return `${c.owner}:${c.label}`;
}

export function ringSubject(ring: Ring): Subject {
  return { kind: "ring", id: ringId(ring) };
}

export function certSubject(c: { owner: CertOwner; label: string }): Subject {
  return { kind: "certificate", id: certId(c) };
}

export function connectionSubject(ring: Ring, conn: Connection): Subject {
  return { kind: "connection", id: `${ringId(ring)}:${certId(conn)}` };
}

/** RACDCERT operands come from the one shared writer (src/racf/write.ts). */
export { ownerOperand, racfQuote as quote } from "../racf/write.js";

export function sourcesOf(...lists: (Source[] | undefined)[]): Source[] {
  const out: Source[] = [];
  for (const l of lists) {
    for (const s of l ?? []) {
      if (!out.some((o) => o.file === s.file && o.line === s.line)) out.push(s);
    }
  }
  return out;
}

const appsByRing = new WeakMap<AuditContext["applications"], Map<string, AuditContext["applications"]>>();

/**
 * Applications that open a ring, in the order given. Indexed once per audit: every ring has an
 * application (its owner, assumed), so a filter per ring would be quadratic in rings.
 */
export function applicationsOf(ctx: AuditContext, ring: Ring) {
  let index = appsByRing.get(ctx.applications);
  if (!index) {
    index = new Map();
    for (const a of ctx.applications) {
      const key = `${a.ring.owner}\u0000${a.ring.name}`;
      const list = index.get(key);
      if (list) list.push(a);
      else index.set(key, [a]);
    }
    appsByRing.set(ctx.applications, index);
  }
  return index.get(`${ring.owner}\u0000${ring.name}`) ?? [];
}

export function refresh(...classes: string[]): string {
  return `SETROPTS RACLIST(${classes.join(" ")}) REFRESH`;
}

export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}
