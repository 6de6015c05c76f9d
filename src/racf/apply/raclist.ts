import type { Profile } from "../../model/types.js";
import { notRefreshed, refreshReading } from "../refresh.js";
import type { ApplyState } from "./state.js";

/**
 * RACLISTed classes changed without a SETROPTS RACLIST(class) REFRESH afterwards.
 */

/**
 * RACF checks a RACLISTed class against its in-storage profiles, which change only with
 * SETROPTS RACLIST(class) REFRESH (IBM RACF Command Language Reference, SETROPTS RACLIST).
 * DIGTCERT/DIGTRING are left out: R_datalib reads rings from the database (rules §6 asks for
 * their refresh as good practice; lint-jcl warns about it).
 */
export function noteChange(s: ApplyState, cls: string, line: number): void {
  if (cls === "DIGTCERT" || cls === "DIGTRING") return;
  if (!s.ctx.model.classState(cls).raclisted || s.unrefreshed.has(cls)) return;
  s.unrefreshed.set(cls, line);
  if (s.ctx.assumeRefreshed === false) s.inStorage.set(cls, structuredClone(s.ctx.model.profilesOf(cls)));
}

/** Called once the whole input is read: say which changes RACF does not see yet. */
export function finishRaclist(s: ApplyState): void {
  const assumeRefreshed = s.ctx.assumeRefreshed !== false;
  for (const [cls, line] of s.unrefreshed) {
    s.issue(
      line,
      "refresh-missing",
      `${cls} is RACLISTed and changed from this line on, but ${notRefreshed(cls)}; ${refreshReading(assumeRefreshed)}`,
      "warning",
    );
    s.ctx.model.assume(
      assumeRefreshed
        ? `Changes to RACLISTed ${cls} without a later SETROPTS RACLIST(${cls}) REFRESH are treated as refreshed`
        : `Changes to RACLISTed ${cls} without a later SETROPTS RACLIST(${cls}) REFRESH are treated as not in effect`,
      s.source(line),
    );
    const before = s.inStorage.get(cls);
    if (!assumeRefreshed && before) restoreInStorage(s, cls, before);
  }
}

/** Put a class's profiles back as they were at its last refresh (`--assume-refreshed no`). */
export function restoreInStorage(s: ApplyState, cls: string, before: Profile[]): void {
  const model = s.ctx.model;
  const kept = new Set(before.map((p) => p.name));
  for (const p of model.profilesOf(cls)) {
    if (kept.has(p.name)) continue;
    if (s.assumedProfiles.has(`${cls}|${p.name}`)) {
      // Defined before this input, with an access list the inputs do not show.
      p.access = [];
      continue;
    }
    model.deleteProfile(cls, p.name);
  }
  for (const old of before) {
    const now = model.profile(cls, old.name);
    if (now) Object.assign(now, { ...old, sources: now.sources });
    else Object.assign(model.defineProfile(cls, old.name, old.sources[0] ?? s.source(0)), old);
  }
}
