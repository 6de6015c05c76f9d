/**
 * Check: identity — the user id the application runs as (STARTED STDATA or the job's USER),
 * whether it is SPECIAL and in which groups. Never fails the handshake on its own.
 */

import type { Simulation } from "./context.js";
import { evidence } from "./util.js";

export function identity(s: Simulation): void {
  const u = s.model.user(s.user);
  const origin = s.req.userOrigin;
  if (!u) {
    s.assume(`user ${s.user} is not in the inputs: assumed to exist, not SPECIAL, in no groups`);
  } else {
    s.special = u.special;
    if (u.implied)
      s.assume(`user ${s.user} is referred to but never defined in the inputs: assumed not SPECIAL`);
    if (u.revoked)
      s.warnings.push(`${s.user} is REVOKED in the inputs: the application cannot run under it at all.`);
  }
  s.step({ id: "identity", ok: true, confidence: "ibm" }, () => {
    let detail = `The application runs as ${s.user}`;
    if (origin) detail += ` — ${origin.description}`;
    detail += ".";
    if (!u) detail += ` ${s.user} is not defined in the inputs (assumed to exist, not SPECIAL).`;
    else
      detail += ` ${u.special ? "SPECIAL" : "Not SPECIAL"}${u.groups.length > 0 ? `; groups ${u.groups.join(", ")}` : ""}${u.revoked ? "; REVOKED — it cannot even start" : ""}.`;
    return {
      title: "Identity",
      detail,
      evidence: evidence(origin?.sources, u?.sources),
      source:
        "the application's user id is its address space's ACEE: STARTED profile STDATA or the job's USER (IBM RACF Security Administrator's Guide, started procedures)",
    };
  });
}
