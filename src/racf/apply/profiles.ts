import { USERID_RE } from "../../model/model.js";
import type { AccessEntry, Profile } from "../../model/types.js";
import { firstValue, hasKeyword, keyword, type ParsedCommand, type Value } from "../parse.js";
import { noteChange } from "./raclist.js";
import type { ApplyState } from "./state.js";

/**
 * General resource profiles: RDEFINE/RALTER (with FROM), RDELETE and PERMIT.
 */

export function classAndProfiles(s: ApplyState, cmd: ParsedCommand): { cls: string; names: Value[] } | null {
  const cls = cmd.positionals[0]?.[0]?.text.toUpperCase();
  const names = cmd.positionals[1] ?? [];
  if (!cls || names.length === 0) {
    s.issue(
      cmd.line,
      "missing-operand",
      `${cmd.verb} needs a class and a profile name; skipped`,
      "error",
      cmd.column,
    );
    return null;
  }
  if (cls === "DIGTCERT" || cls === "DIGTRING" || cls === "DIGTNMAP") {
    s.issue(
      cmd.line,
      "racdcert-only-class",
      `${cmd.verb} ${cls}: profiles in ${cls} are maintained by RACDCERT only (IBM KC21 icha700/digurdc.htm); skipped`,
      "warning",
      cmd.column,
    );
    return null;
  }
  return { cls, names };
}

export function profileDefine(s: ApplyState, cmd: ParsedCommand): void {
  const target = classAndProfiles(s, cmd);
  if (!target) return;
  noteChange(s, target.cls, cmd.line);
  const model = s.ctx.model;
  const kws = cmd.keywords;
  const uacc = keyword(kws, "UACC");
  const level = uacc ? s.accessLevel(uacc.values[0], `${cmd.verb} UACC`) : null;
  for (const v of target.names) {
    const name = v.text.toUpperCase();
    const source = s.source(v.line, v.column);
    let profile = model.profile(target.cls, name);
    if (cmd.verb === "RDEFINE") {
      if (profile) {
        s.issue(
          v.line,
          "profile-exists",
          `RDEFINE: ${target.cls} ${name} is already defined; RACF rejects the command`,
          "warning",
          v.column,
        );
        continue;
      }
      profile = model.defineProfile(target.cls, name, source);
      copyFrom(s, cmd, profile);
    } else {
      if (!profile) {
        s.issue(
          v.line,
          "profile-not-found",
          `RALTER: ${target.cls} ${name} is not defined in the inputs; RACF rejects the command unless it exists; skipped`,
          "warning",
          v.column,
        );
        continue;
      }
      profile.sources.push(source);
    }
    if (level) profile.uacc = level;
    const appl = keyword(kws, "APPLDATA");
    if (appl) profile.applData = appl.values[0]?.text ?? "";
    if (hasKeyword(kws, "NOAPPLDATA")) profile.applData = null;
    // WARNING lets denied requests through with a logged ICH408I (IBM RACF Security
    // Administrator's Guide, "WARNING mode"); RDEFINE without it defines NOWARNING.
    if (hasKeyword(kws, "WARNING")) profile.warning = true;
    if (hasKeyword(kws, "NOWARNING")) profile.warning = false;
    const stdata = keyword(kws, "STDATA");
    if (stdata) {
      if (target.cls !== "STARTED") {
        s.issue(
          stdata.line,
          "stdata-not-started",
          `${cmd.verb}: STDATA applies to the STARTED class only; ignored`,
          "warning",
          stdata.column,
        );
      } else {
        const prev = profile.stdata ?? { user: null, group: null };
        const u = firstValue(stdata.sub, "USER");
        const g = firstValue(stdata.sub, "GROUP");
        const user = u ? u.text.toUpperCase() : prev.user;
        const group = g ? g.text.toUpperCase() : prev.group;
        profile.stdata = { user, group };
        if (u && user !== null && user !== "=MEMBER") {
          if (s.userId(u, `${cmd.verb} STDATA USER`, stdata.line)) s.refer(user, s.source(u.line, u.column));
        }
      }
    }
    if (hasKeyword(kws, "NOSTDATA")) profile.stdata = null;
  }
}

/**
 * RDEFINE ... FROM(model) [FCLASS(class)]: the new profile starts as a copy of the model
 * profile's UACC, access list, WARNING and application data (IBM RACF Command Language
 * Reference, RDEFINE FROM); operands of the RDEFINE itself then apply on top.
 */
export function copyFrom(s: ApplyState, cmd: ParsedCommand, profile: Profile): void {
  const from = firstValue(cmd.keywords, "FROM");
  if (!from) return;
  const cls = (firstValue(cmd.keywords, "FCLASS")?.text ?? profile.class).toUpperCase();
  const model = s.ctx.model.profile(cls, from.text.toUpperCase());
  if (!model) {
    s.issue(
      from.line,
      "from-profile-not-found",
      `RDEFINE FROM(${from.text}): ${cls} ${from.text} is not in the inputs, so the new profile's UACC and access list are not known (RACF rejects the command unless it exists)`,
      "warning",
      from.column,
    );
    return;
  }
  profile.uacc = model.uacc;
  profile.access = model.access.map((a) => ({ ...a, sources: [...a.sources] }));
  profile.applData = model.applData;
  if (model.warning !== undefined) profile.warning = model.warning;
}

export function profileDelete(s: ApplyState, cmd: ParsedCommand): void {
  const target = classAndProfiles(s, cmd);
  if (!target) return;
  noteChange(s, target.cls, cmd.line);
  for (const v of target.names) {
    const name = v.text.toUpperCase();
    if (!s.ctx.model.deleteProfile(target.cls, name)) {
      s.issue(
        v.line,
        "profile-not-found",
        `RDELETE: ${target.cls} ${name} is not defined in the inputs`,
        "warning",
        v.column,
      );
    }
  }
}

/**
 * Access-list entries by id, so that a deck of many PERMITs to one profile (100,000 users
 * permitted to FACILITY IRR.DIGTCERT.LISTRING) is read in linear time, not by scanning the
 * list for each PERMIT (issue 9, item 10: a 300k-line deck took 445 s). The index follows the
 * access array: rebuilt when the profile holds another array or the length changed elsewhere.
 */
interface AccessIndex {
  of: AccessEntry[];
  count: number;
  byId: Map<string, AccessEntry>;
}
const accessIndexes = new WeakMap<Profile, AccessIndex>();

function accessIndex(profile: Profile): AccessIndex {
  const list = profile.access;
  let idx = accessIndexes.get(profile);
  if (!idx || idx.of !== list || idx.count !== list.length) {
    idx = { of: list, count: list.length, byId: new Map() };
    // the first entry for an id wins, as Array.find would return it
    for (const a of list) if (!idx.byId.has(a.id)) idx.byId.set(a.id, a);
    accessIndexes.set(profile, idx);
  }
  return idx;
}

function accessEntry(profile: Profile, id: string): AccessEntry | undefined {
  return accessIndex(profile).byId.get(id);
}

function addAccessEntry(profile: Profile, entry: AccessEntry): void {
  const idx = accessIndex(profile);
  profile.access.push(entry);
  idx.count = profile.access.length;
  if (!idx.byId.has(entry.id)) idx.byId.set(entry.id, entry);
}

export function permit(s: ApplyState, cmd: ParsedCommand): void {
  const names = cmd.positionals[0] ?? [];
  const kws = cmd.keywords;
  const clsValue = firstValue(kws, "CLASS");
  if (names.length === 0) {
    s.issue(cmd.line, "missing-operand", "PERMIT needs a profile name; skipped", "error", cmd.column);
    return;
  }
  if (!clsValue) {
    s.issue(
      cmd.line,
      "not-modelled",
      "PERMIT without CLASS() is for a data set profile; not modelled",
      "info",
      cmd.column,
    );
    return;
  }
  const cls = clsValue.text.toUpperCase();
  if (cls === "DIGTCERT" || cls === "DIGTRING") {
    s.issue(
      cmd.line,
      "racdcert-only-class",
      `PERMIT ${cls}: these profiles are maintained by RACDCERT only; skipped`,
      "warning",
      cmd.column,
    );
    return;
  }
  const model = s.ctx.model;
  const accessKw = keyword(kws, "ACCESS");
  // ACCESS defaults to READ (IBM RACF Command Language Reference, PERMIT).
  const level = accessKw ? s.accessLevel(accessKw.values[0], "PERMIT ACCESS") : "READ";
  if (level === null) return;
  const del = hasKeyword(kws, "DELETE");
  const reset = hasKeyword(kws, "RESET");
  const idKw = keyword(kws, "ID");
  if (!idKw && !reset) {
    s.issue(
      cmd.line,
      "missing-operand",
      "PERMIT without ID() or RESET changes nothing; skipped",
      "warning",
      cmd.column,
    );
    return;
  }
  noteChange(s, cls, cmd.line);
  const ids: string[] = [];
  for (const v of idKw?.values ?? []) {
    const id = v.text.toUpperCase();
    if (id !== "*" && !USERID_RE.test(id)) {
      s.issue(
        v.line,
        id.length > 8 ? "user-id-too-long" : "invalid-user-id",
        `PERMIT ID(${id}): not a valid user or group id (1–8 characters); ignored`,
        "error",
        v.column,
      );
      continue;
    }
    ids.push(id);
  }
  for (const v of names) {
    const name = v.text.toUpperCase();
    const source = s.source(v.line, v.column);
    let profile = model.profile(cls, name);
    if (!profile) {
      if (del || (reset && ids.length === 0)) {
        s.issue(
          v.line,
          "profile-not-found",
          `PERMIT: ${cls} ${name} is not defined in the inputs`,
          "warning",
          v.column,
        );
        continue;
      }
      // Commonly the profile was defined long before this job: keep the permission.
      profile = model.defineProfile(cls, name, source);
      s.assumedProfiles.add(`${cls}|${name}`);
      s.issue(
        v.line,
        "profile-assumed",
        `PERMIT: ${cls} ${name} is not defined in the inputs; racfring assumes it exists with UACC(NONE) (RACF rejects the PERMIT otherwise, ICH06004I)`,
        "warning",
        v.column,
      );
      model.assume(
        `${cls} ${name} exists (PERMIT names it but no input defines it); UACC assumed NONE`,
        source,
      );
    } else profile.sources.push(source);
    if (reset) profile.access = [];
    for (const id of ids) {
      if (del) {
        profile.access = profile.access.filter((a) => a.id !== id);
        continue;
      }
      const entry = accessEntry(profile, id);
      if (entry) {
        entry.level = level;
        entry.sources.push(source);
      } else addAccessEntry(profile, { id, level, sources: [source] });
      s.refer(id, source);
    }
  }
}
