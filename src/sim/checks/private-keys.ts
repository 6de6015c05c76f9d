/**
 * Check: private-keys — which private keys R_datalib returns to this caller. The rule itself is
 * the one the audit uses (src/audit/access.ts `personalKeyAccess`); this module applies it to
 * the walk's entries and adds whether RACF holds a key at all.
 */
import { accessAtLeast, isCaOwner, ownerUser } from "../../model/model.js";
import type { Confidence } from "../../model/types.js";
import type { Entry, KeyDecision, Simulation } from "./context.js";
import { R } from "./rules.js";
import { at, evidence, weakest } from "./util.js";

export function keyDecision(s: Simulation, e: Entry): KeyDecision {
  const model = s.model;
  if (e.usage !== "PERSONAL") {
    return {
      returned: false,
      why: `usage ${e.usage}: R_datalib never returns a private key for it`,
      confidence: "ibm",
      cause: "usage",
    };
  }
  const mode = s.mode;
  let allowed: boolean;
  let why: string;
  let confidence: Confidence = "ibm";
  let cause: KeyDecision["cause"] = null;
  if (isCaOwner(e.owner)) {
    if (s.special) {
      allowed = true;
      why = `${e.owner} certificate: ${s.user} is SPECIAL`;
    } else if (mode?.kind === "ring-specific") {
      allowed = accessAtLeast(mode.level, "CONTROL");
      why = `${e.owner} certificate: ${allowed ? "" : "needs "}CONTROL on ${mode.profile.name}${allowed ? "" : ` (has ${mode.level})`}`;
      confidence = "third-party";
    } else {
      const gp = model.protectingProfile("FACILITY", "IRR.DIGTCERT.GENCERT");
      const lvl = gp ? model.accessTo(gp, s.user).level : "NONE";
      allowed = accessAtLeast(lvl, "CONTROL");
      why = `${e.owner} certificate: ${allowed ? "" : "needs SPECIAL or "}CONTROL on FACILITY IRR.DIGTCERT.GENCERT${gp ? `${at(gp.sources)} (has ${lvl})` : " (no profile in the inputs)"}`;
      confidence = "third-party";
    }
    if (!allowed) cause = "ca-authority";
  } else if (ownerUser(e.owner) === s.user) {
    allowed = true;
    why =
      mode?.kind === "ring-specific"
        ? `own certificate, ${mode.level} on ${mode.profile.name}`
        : "own certificate";
  } else if (mode?.kind === "ring-specific") {
    allowed = accessAtLeast(mode.level, "UPDATE");
    why = `another user's certificate: ${allowed ? "" : "needs "}UPDATE on ${mode.profile.name} (has ${mode.level})`;
    if (!allowed) cause = "other-user";
  } else {
    allowed = false;
    why = "another user's certificate under FACILITY checking: never returned";
    cause = "other-user";
  }
  if (!allowed) return { returned: false, why, confidence, cause };
  const c = e.cert;
  if (!c)
    return {
      returned: null,
      why: `${why}; certificate not in the inputs`,
      confidence,
      cause: "unknown-cert",
    };
  if (c.privateKey === false)
    return {
      returned: false,
      why: `${why}; but RACF holds no private key for it`,
      confidence,
      cause: "no-key",
    };
  if (c.privateKey === null)
    return {
      returned: null,
      why: `${why}; whether RACF holds a private key is not known from the inputs`,
      confidence,
      cause: null,
    };
  const icsf = c.keyStore === "PKDS" || c.keyStore === "TKDS";
  return {
    returned: true,
    why: `${why}; key present${icsf ? ` in ICSF ${c.keyStore} (the user also needs access to its CSFKEYS/CRYPTOZ resources — not checked, unconfirmed)` : ""}`,
    confidence,
    cause: null,
  };
}

export function privateKeys(s: Simulation): void {
  const lines = s.entries.map((e) => {
    const d = keyDecision(s, e);
    const mark = d.returned === true ? "key returned" : d.returned === false ? "no key" : "key unknown";
    return `'${e.label}' (${e.owner}): ${mark} — ${d.why}`;
  });
  const unknown = s.entries.some((e) => keyDecision(s, e).returned === null);
  const conf = weakest("ibm", ...s.entries.map((e) => keyDecision(s, e).confidence));
  s.step({
    id: "private-keys",
    ok: s.entries.length === 0 ? true : unknown ? null : true,
    title: "Decide which private keys come back",
    detail: lines.length > 0 ? lines.join(". ") + "." : "No entries.",
    evidence: evidence(...s.entries.map((e) => e.cert?.sources ?? e.sources)),
    source: s.entries.some((e) => isCaOwner(e.owner) && e.usage === "PERSONAL")
      ? `${R.keys}; ${R.caKeys}`
      : R.keys,
    confidence: conf,
  });
}
