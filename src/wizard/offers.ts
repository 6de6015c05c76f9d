/**
 * What the site's state offers the wizard: users and STARTED profiles, CAs that can sign,
 * labels still free.
 */
import type { SiteState } from "../gen/state.js";
import type { Certificate } from "../model/types.js";
import { startedUser } from "../sim/index.js";
import type { Choice } from "./prompter.js";

/** Users the site has, the STARTED profiles' users first. */
export function usersOffered(state: SiteState | null): Choice<string>[] {
  if (!state) return [];
  const out: Choice<string>[] = [];
  for (const p of state.model.profilesOf("STARTED")) {
    const u = p.stdata?.user;
    if (!u || u === "=MEMBER") continue;
    const started = startedUser(state.model, p.name.replace(/\.\*$/, ""));
    if (started.user && !out.some((c) => c.value === started.user))
      out.push({ value: started.user, name: `${started.user} (STARTED ${p.name} runs as it)` });
  }
  for (const u of state.model.state.users) {
    if (u.implied || out.some((c) => c.value === u.id)) continue;
    out.push({ value: u.id, name: u.id });
  }
  return out.slice(0, 40);
}

/** CA certificates that can sign: RACF holds (or may hold) their private key. */
export function signers(state: SiteState | null): Certificate[] {
  if (!state) return [];
  return state.model.state.certificates.filter(
    (c) => (c.owner === "CERTAUTH" || c.owner === "SITE") && c.privateKey !== false && c.status !== "NOTRUST",
  );
}

/** A label not used yet by that owner: `base YYYY`, then `base YYYY-2`, ... */
export function freeLabel(state: SiteState | null, owner: string, base: string, year: number): string {
  const first = `${base} ${year}`.slice(0, 32);
  if (!state?.model.certificate(owner, first)) return first;
  for (let n = 2; n < 100; n++) {
    const l = `${base} ${year}-${n}`.slice(0, 32);
    if (!state.model.certificate(owner, l)) return l;
  }
  return first;
}
