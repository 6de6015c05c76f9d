/**
 * The handshake simulator: predicts the System SSL return code an application gets when it
 * opens its SAF key ring and shakes hands, with a trace an administrator can follow and the
 * RACF commands that fix it.
 *
 * The checks live one per module in src/sim/checks/ (order: src/sim/checks/index.ts). This
 * driver walks them: System SSL stops at the first failure, and so does the walk. A check whose
 * facts are not in the inputs records a condition instead (the typical setting, or the access
 * the step needs) and the walk goes on, so a certain defect further on is still found; the other
 * branch of each condition becomes an outcome of its own.
 *
 * Pure: no I/O, no clock (the instant is `req.at`).
 */
import type { RacfModel } from "../model/model.js";
import { codeInfo } from "./catalogue.js";
import { CHECKS, type Failure, Simulation } from "./checks/index.js";
import { weakest } from "./checks/util.js";
import type { SimFix, SimOutcome, SimRequest, SimResult, SimStep, Verdict } from "./types.js";

export type {
  PolicyOrigin,
  SimCondition,
  SimFix,
  SimOutcome,
  SimRequest,
  SimResult,
  SimStep,
  Verdict,
} from "./types.js";

/**
 * Activating RDATALIB is not a change to one ring: every RDATALIB profile that already exists
 * takes effect at once for the rings it covers, the owners' included (rules §1). A fix that
 * activates it says so, and what to check first.
 */
const RDATALIB_ACTIVATION_NOTE =
  "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB) switches ring-specific checking on for the whole system: every RDATALIB profile that already exists takes effect at once, for its rings' owners too. List them first (SEARCH CLASS(RDATALIB), RLIST RDATALIB profile AUTHUSER) and make sure each grants what its ring's users need.";

function withActivationNote(fix: SimFix): SimFix {
  if (!fix.commands.some((c) => /CLASSACT\(RDATALIB\)/.test(c))) return fix;
  const notes = fix.notes ?? [];
  return notes.includes(RDATALIB_ACTIVATION_NOTE)
    ? fix
    : { ...fix, notes: [...notes, RDATALIB_ACTIVATION_NOTE] };
}

function verdictOf(s: SimStep): Verdict {
  if (s.ok === false) return "fail";
  return s.ok === null && (s.missing?.length ?? 0) > 0 ? "unknown" : "pass";
}

/** The ordered walk: stops at the first failure, never at an unknown. */
function walk(sim: Simulation): Failure | null {
  for (const check of CHECKS) {
    const failure = check.run(sim);
    if (failure) return failure;
  }
  return null;
}

/**
 * Predict System SSL's return code for `req` against the RACF state in `model`.
 *
 * @example
 *   const r = simulate(model, { user: "TCPIP", ring: { owner: "FTPD", name: "SERVRING" }, at: new Date() });
 *   r.rc; // 428 when the ring's default certificate belongs to FTPD (field case 4)
 */
export function simulate(model: RacfModel, req: SimRequest): SimResult {
  const sim = new Simulation(model, req, simulate);
  const failure = walk(sim);
  for (const s of sim.steps) s.verdict = verdictOf(s);
  // The readers' own assumptions (local time read as UTC, REFRESH implying RACLIST…) matter
  // when the simulation relied on the lines they are about.
  // Most inputs carry none: the index of every step's evidence is built only when one exists.
  if (model.state.assumptions.length > 0) {
    const used = new Set(sim.steps.flatMap((s) => s.evidence.map((e) => `${e.file}:${e.line}`)));
    for (const a of model.state.assumptions) {
      if (a.sources.some((x) => used.has(`${x.file}:${x.line}`))) sim.assume(a.message);
    }
  }
  const rc = failure?.rc ?? 0;
  const info = codeInfo(rc);
  const side = failure?.side ?? sim.role;
  const partnerInfo = failure?.partner ? codeInfo(failure.partner.rc) : null;
  const event =
    rc === 202 ? (req.policy ? "Environment Master Init" : "Environment Init") : "Initial Handshake";
  // A prediction is as sure as the weakest rule it rests on: every step evaluated on the way,
  // and the failure's own rule.
  let confidence = weakest(failure && rc !== 0 ? failure.confidence : "ibm");
  for (const v of sim.verdicts) if (v.ok !== null) confidence = weakest(confidence, v.confidence);
  const messages: string[] = [...sim.racfMessages];
  if (req.policy && rc !== 0) {
    const tail = `RULE: ${req.policy.rule}  USERID: ${sim.user}`;
    if (rc === 202) {
      messages.push(`EZD1287I TTLS Error RC:  202 Environment Master Init  ${tail}`);
      messages.push(`EZD1287I TTLS Error RC:  202 Environment Link  ${tail}`);
      messages.push(`EZD1287I TTLS Error RC: 5006 Initial Handshake  ${tail}`);
    } else if (side === sim.role) {
      messages.push(`EZD1287I TTLS Error RC: ${String(rc).padStart(4)} Initial Handshake  ${tail}`);
    }
  }
  return {
    rc,
    text: info.text,
    confidence,
    event,
    side,
    user: sim.user,
    keyring: sim.ringLabel,
    label: sim.selected?.label ?? req.label ?? null,
    // Empty when no trace was asked for, even if the readers' assumptions made the walk write one.
    steps: req.trace === false ? [] : sim.steps,
    partner:
      failure?.partner && partnerInfo
        ? { rc: failure.partner.rc, text: partnerInfo.text, confidence: failure.partner.confidence }
        : null,
    fix: failure?.fix ? withActivationNote(failure.fix) : null,
    alternatives: (failure?.alternatives ?? []).map(withActivationNote),
    assumptions: sim.assumptions,
    textConfidence: info.textConfidence,
    role: sim.role,
    warnings: sim.warnings,
    messages,
    conditions: sim.conditions,
    outcomes: outcomes(sim, model, req, rc),
  };
}

/**
 * The other branches: a branch with a known return code is taken as it is; one that needs a
 * changed model (RDATALIB in effect with the level the step needs) is walked again. Branches
 * that end where the prediction does add nothing and are left out.
 */
function outcomes(sim: Simulation, model: RacfModel, req: SimRequest, rc: number): SimOutcome[] {
  const out: SimOutcome[] = [];
  for (const b of sim.branches) {
    let branchRc = b.rc;
    let confidence = b.confidence;
    if (branchRc === undefined && b.hypothesis) {
      const r = simulate(b.hypothesis(model), { ...req, assumeDenied: false });
      branchRc = r.rc;
      confidence = weakest(confidence, r.confidence);
    }
    if (branchRc === undefined || branchRc === rc) continue;
    out.push({ rc: branchRc, text: codeInfo(branchRc).text, condition: b.condition, confidence });
  }
  // Failures first, in walk order; the branch that would succeed last (it is the one to aim for).
  return out.sort((a, b) => Number(a.rc === 0) - Number(b.rc === 0));
}
