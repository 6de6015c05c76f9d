import { USERID_RE, userOwner } from "../../model/model.js";
import { firstValue, hasKeyword, type ParsedCommand } from "../parse.js";
import type { ApplyState } from "./state.js";

/**
 * ADDUSER/ALTUSER/DELUSER, ADDGROUP/DELGROUP and the TSO CONNECT/REMOVE of group connections.
 */

export function userCommand(s: ApplyState, cmd: ParsedCommand): void {
  const ids = cmd.positionals[0] ?? [];
  const model = s.ctx.model;
  for (const k of cmd.keywords) if (k.sensitive && k.values.length > 0) s.secretFinding(cmd, k);
  if (ids.length === 0) {
    s.issue(cmd.line, "missing-user-id", `${cmd.verb}: no user id given; skipped`, "error", cmd.column);
    return;
  }
  for (const v of ids) {
    const id = s.userId(v, cmd.verb, cmd.line);
    if (!id) continue;
    const source = s.source(v.line, v.column);
    // ALTUSER of a user the inputs never defined: the user exists in RACF (or RACF fails).
    const user = cmd.verb === "ADDUSER" ? model.defineUser(id, source) : model.referUser(id, source);
    if (cmd.verb === "ALTUSER" && !user.sources.includes(source)) user.sources.push(source);
    if (hasKeyword(cmd.keywords, "SPECIAL")) user.special = true;
    if (hasKeyword(cmd.keywords, "NOSPECIAL")) user.special = false;
    if (hasKeyword(cmd.keywords, "REVOKE")) user.revoked = true;
    if (hasKeyword(cmd.keywords, "RESUME")) user.revoked = false;
    const group = firstValue(cmd.keywords, "DFLTGRP");
    if (group) {
      const g = group.text.toUpperCase();
      if (!user.groups.includes(g)) user.groups.push(g);
      user.defaultGroup = g;
    }
  }
}

export function delUser(s: ApplyState, cmd: ParsedCommand): void {
  for (const v of cmd.positionals[0] ?? []) {
    const id = s.userId(v, cmd.verb, cmd.line);
    if (!id) continue;
    const model = s.ctx.model;
    const owned = model.certificatesOf(userOwner(id));
    const rings = model.ringsOf(id);
    if (owned.length + rings.length > 0) {
      // DELUSER also removes the user's certificates and key rings [UNCONFIRMED] (IBM RACF
      // Command Language Reference, DELUSER; not checked against a running system).
      for (const c of owned) model.deleteCertificate(c.owner, c.label);
      for (const r of rings) model.deleteRing(r.owner, r.name);
      model.assume(
        "DELUSER also deletes the user's certificates and key rings [UNCONFIRMED]",
        s.source(v.line, v.column),
      );
    }
    if (!model.deleteUser(id)) {
      s.issue(
        v.line,
        "user-not-found",
        `DELUSER: user ${id} is not defined in the inputs`,
        "warning",
        v.column,
      );
    }
  }
}

export function addGroup(s: ApplyState, cmd: ParsedCommand): void {
  const groups = s.ctx.model.state.groups;
  for (const v of cmd.positionals[0] ?? []) {
    const id = v.text.toUpperCase();
    if (!USERID_RE.test(id)) {
      s.issue(
        v.line,
        "invalid-group",
        `ADDGROUP: ${id} is not a valid RACF group name (1–8 characters); skipped`,
        "error",
        v.column,
      );
      continue;
    }
    const existing = groups.find((g) => g.id === id);
    if (existing) existing.sources.push(s.source(v.line, v.column));
    else groups.push({ id, sources: [s.source(v.line, v.column)] });
  }
}

export function delGroup(s: ApplyState, cmd: ParsedCommand): void {
  const state = s.ctx.model.state;
  for (const v of cmd.positionals[0] ?? []) {
    const id = v.text.toUpperCase();
    const before = state.groups.length;
    state.groups = state.groups.filter((g) => g.id !== id);
    if (state.groups.length === before) {
      s.issue(
        v.line,
        "group-not-found",
        `DELGROUP: group ${id} is not defined in the inputs`,
        "warning",
        v.column,
      );
    }
  }
}

/** TSO CONNECT / REMOVE: a user's group connections (not RACDCERT CONNECT). */
export function groupConnect(s: ApplyState, cmd: ParsedCommand): void {
  const groupValue = firstValue(cmd.keywords, "GROUP");
  if (!groupValue) {
    s.issue(
      cmd.line,
      "group-missing",
      `${cmd.verb} without GROUP(): RACF uses the issuer's current connect group, which this input does not say; skipped`,
      "warning",
      cmd.column,
    );
    return;
  }
  const group = groupValue.text.toUpperCase();
  for (const v of cmd.positionals[0] ?? []) {
    const id = s.userId(v, cmd.verb, cmd.line);
    if (!id) continue;
    const user = s.ctx.model.referUser(id, s.source(v.line, v.column));
    if (cmd.verb === "CONNECT") {
      if (!user.groups.includes(group)) user.groups.push(group);
    } else user.groups = user.groups.filter((g) => g !== group);
  }
}
