import { USERID_RE, userOwner } from "../../model/model.js";
import type { CertOwner } from "../../model/types.js";
import { hasKeyword, type Keyword, keyword, type ParsedCommand } from "../parse.js";
import type { ApplyState } from "./state.js";

/**
 * Who a RACDCERT command acts for: the outer ID()/CERTAUTH/SITE (or the job's user) and
 * the certificate owner inside CONNECT(...)/REMOVE(...).
 */

/** Outer owner of a RACDCERT command: ID(user), CERTAUTH, SITE, else the job's user. */
export function racdcertOwner(
  s: ApplyState,
  cmd: ParsedCommand,
  kws: readonly Keyword[],
  what: string,
): CertOwner | null {
  if (hasKeyword(kws, "CERTAUTH")) return "CERTAUTH";
  if (hasKeyword(kws, "SITE")) return "SITE";
  const idKw = keyword(kws, "ID");
  if (idKw) {
    const id = s.userId(idKw.values[0], what, idKw.line);
    if (!id) return null;
    s.ctx.model.referUser(id, s.source(idKw.line, idKw.column));
    return userOwner(id);
  }
  if (s.jobUser && USERID_RE.test(s.jobUser)) {
    s.ctx.model.assume(
      `RACDCERT commands without ID()/CERTAUTH/SITE act for the user who ran the job; racfring took USER=${s.jobUser} from the JOB statement`,
      s.source(cmd.line),
    );
    s.ctx.model.referUser(s.jobUser, s.source(cmd.line));
    return userOwner(s.jobUser);
  }
  s.issue(
    cmd.line,
    "owner-unknown",
    `${what}: no ID(), CERTAUTH or SITE, so RACF acts for the user who runs the job, which this input does not say (no USER= on the JOB statement); command skipped`,
    "warning",
    cmd.column,
  );
  return null;
}

/** Certificate owner inside CONNECT(...)/REMOVE(...): inner ID/CERTAUTH/SITE, else the ring owner. */
export function innerOwner(
  s: ApplyState,
  sub: readonly Keyword[],
  ringOwner: string,
  what: string,
): CertOwner | null {
  if (hasKeyword(sub, "CERTAUTH")) return "CERTAUTH";
  if (hasKeyword(sub, "SITE")) return "SITE";
  const idKw = keyword(sub, "ID");
  if (idKw) {
    const id = s.userId(idKw.values[0], `${what} ID()`, idKw.line);
    if (!id) return null;
    s.ctx.model.referUser(id, s.source(idKw.line, idKw.column));
    return userOwner(id);
  }
  return userOwner(ringOwner);
}
