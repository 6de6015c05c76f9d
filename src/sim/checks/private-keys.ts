/**
 * Check: private-keys — which private keys R_datalib returns to this caller. The rule itself is
 * the one the audit uses (src/audit/access.ts `personalKeyAccess`); this module applies it to
 * the walk's entries and adds whether RACF holds a key at all.
 */
import { isCaOwner } from "../../model/model.js";
import type { Confidence } from "../../model/types.js";
import { keyAccess } from "../key-access.js";
import type { Entry, KeyDecision, Simulation } from "./context.js";
import { R } from "./rules.js";
import { at, evidence, weakest } from "./util.js";

/**
 * Whether R_datalib returns `e`'s private key to this caller. Asked several times per entry
 * (the private-keys step, its verdict, the selected key, the fixes): decided once per entry and
 * checking mode (s.mode and s.special are set by earlier checks and do not change afterwards),
 * kept on the entry, which belongs to this walk.
 */
export function keyDecision(s: Simulation, e: Entry): KeyDecision {
  const hit = e.keyDecision;
  if (hit && hit.walk === s && hit.mode === s.mode && hit.special === s.special) return hit.decision;
  const decision = decideKey(s, e);
  e.keyDecision = { walk: s, mode: s.mode, special: s.special, decision };
  return decision;
}

function decideKey(s: Simulation, e: Entry): KeyDecision {
  const mode = s.mode;
  const gp = s.gencertProfile();
  const k = keyAccess({
    user: s.user,
    special: s.special,
    certOwner: e.owner,
    usage: e.usage,
    mode:
      mode?.kind === "ring-specific"
        ? {
            kind: "ring-specific",
            profile: mode.profile.name,
            level: mode.level,
            warning: mode.warning === true,
          }
        : { kind: "global", gencert: s.gencertLevel() },
  });
  const allowed = k.ok;
  const confidence: Confidence = k.confidence;
  const cause: KeyDecision["cause"] = k.cause;
  const why = k.why + (gp && k.resource === "FACILITY IRR.DIGTCERT.GENCERT" && !k.ok ? at(gp.sources) : "");
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
    why: `${why}; key present${icsf ? ` in ICSF ${c.keyStore}${c.icsfLabel ? ` (label ${c.icsfLabel})` : ""}` : ""}`,
    confidence,
    cause: null,
  };
}

export function privateKeys(s: Simulation): void {
  const unknown = s.entries.some((e) => keyDecision(s, e).returned === null);
  const conf = weakest("ibm", ...s.entries.map((e) => keyDecision(s, e).confidence));
  s.step(
    { id: "private-keys", ok: s.entries.length === 0 ? true : unknown ? null : true, confidence: conf },
    () => {
      const lines = s.entries.map((e) => {
        const d = keyDecision(s, e);
        const mark = d.returned === true ? "key returned" : d.returned === false ? "no key" : "key unknown";
        return `'${e.label}' (${e.owner}): ${mark} — ${d.why}`;
      });
      return {
        title: "Decide which private keys come back",
        detail: lines.length > 0 ? lines.join(". ") + "." : "No entries.",
        evidence: evidence(...s.entries.map((e) => e.cert?.sources ?? e.sources)),
        source: s.entries.some((e) => isCaOwner(e.owner) && e.usage === "PERSONAL")
          ? `${R.keys}; ${R.caKeys}`
          : R.keys,
      };
    },
  );
}
