/**
 * The audit engine: runs the selected rules over the model (zlint's lifecycle reduced to
 * "requirements met? then check"), runs the simulator for every application, and assembles the
 * report. Pure: the caller passes the time, the applications and the simulator.
 */
import { formatSource, type RacfModel } from "../model/model.js";
import type { Confidence, Severity, Source } from "../model/types.js";
import { startedGroup } from "../sim/started.js";
import { describeApplications } from "./applications.js";
import { RULES, RULES_BY_ID } from "./rules/index.js";
import type { SimulateFn } from "./sim-port.js";
import type {
  Application,
  ApplicationResult,
  AuditContext,
  AuditReport,
  Evidence,
  Finding,
  JclSecret,
  NotEvaluated,
  PolicyApplication,
  Requirement,
  Rule,
} from "./types.js";

const STRENGTH: Record<Confidence, number> = { ibm: 2, "third-party": 1, unconfirmed: 0 };

/** The weaker of two confidences: a finding is only as sure as what it rests on. */
function weaker(a: Confidence, b: Confidence): Confidence {
  return STRENGTH[a] <= STRENGTH[b] ? a : b;
}

export const SEVERITY_ORDER: readonly Severity[] = ["info", "warning", "error"];

export function severityAtLeast(s: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER.indexOf(s) >= SEVERITY_ORDER.indexOf(threshold);
}

/** Include/exclude by id, exclusion winning (zlint FilterOptions). Unknown ids are returned. */
export function selectRules(
  include: readonly string[],
  skip: readonly string[],
): { rules: Rule[]; unknown: string[] } {
  const unknown = [...include, ...skip].filter((id) => !RULES_BY_ID.has(id));
  const base = include.length > 0 ? RULES.filter((r) => include.includes(r.meta.id)) : [...RULES];
  return { rules: base.filter((r) => !skip.includes(r.meta.id)), unknown };
}

export interface AuditOptions {
  at: Date;
  expiryDays: number;
  applications: Application[];
  policy: PolicyApplication[] | null;
  jclSecrets: JclSecret[] | null;
  rules?: readonly Rule[];
  simulate?: SimulateFn | null;
  failOn?: Severity;
  /** Reasons some applications could not be resolved (policy rules without a user). */
  unresolvedApplications?: { rule: string; reason: string }[];
  /**
   * Called after each application is simulated and after each rule has run, for a progress
   * bar. The audit runs synchronously, so the caller draws from inside the call (and throttles).
   */
  onProgress?: (step: AuditProgress) => void;
}

/** How far an audit is: applications simulated, then rules run. */
export interface AuditProgress {
  stage: "applications" | "rules";
  done: number;
  total: number;
}

/** Global requirements (types.ts): null when met, else the reason. */
function unmet(req: Requirement, ctx: AuditContext): string | null {
  const s = ctx.model.state;
  switch (req) {
    case "rings":
      return s.rings.length > 0 ? null : "no key rings in the inputs";
    case "certificates":
      return s.certificates.length > 0 ? null : "no certificates in the inputs";
    case "policy":
      return ctx.policy !== null ? null : "no AT-TLS policy given (--policy)";
    case "jcl-text":
      return ctx.jclSecrets !== null ? null : "no --jcl input to scan";
    case "rdatalib-profiles":
      return ctx.model.profilesOf("RDATALIB").length > 0 ? null : "no RDATALIB profiles in the inputs";
    case "facility-profiles":
      return ctx.model
        .profilesOf("FACILITY")
        .some((p) => p.name.startsWith("IRR.") || p.name === "**" || p.name === "*")
        ? null
        : "no FACILITY IRR.DIGTCERT.* profiles in the inputs";
    case "application-labels":
      return ctx.applications.some((a) => a.origin === "option" && a.label !== null)
        ? null
        : "no --app names a certificate label";
    case "applications":
      return ctx.applications.length > 0 ? null : "no application (and no ring to assume one for)";
    default:
      return null; // per-item requirements are checked by the rules themselves
  }
}

/**
 * Input locations a finding quotes. A report must grow with its findings, not with its inputs:
 * a profile read from a 5,000-entry access list must not drag 5,000 lines into every finding
 * about it. Rules list the locations that matter first (the entry, then the profile's own
 * records, where the full list starts); the rest is counted, not listed.
 */
export const MAX_EVIDENCE = 12;

/** Longest message a finding keeps; rules name a few items and count the rest. */
export const MAX_MESSAGE = 4000;

function evidenceOf(sources: Source[]): { evidence: Evidence[]; omitted: number } {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  let omitted = 0;
  for (const s of sources) {
    if (!s.file) continue;
    const key = `${s.line}\u0000${s.file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length < MAX_EVIDENCE) out.push({ file: s.file, line: s.line });
    else omitted++;
  }
  return { evidence: out, omitted };
}

function boundedMessage(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

/** What the simulator (or its absence) says about one application. */
type Verdict = Pick<
  ApplicationResult,
  "rc" | "text" | "confidence" | "fix" | "assumptions" | "conditions" | "outcomes"
>;

function simulateAll(
  model: RacfModel,
  apps: Application[],
  at: Date,
  simulate: SimulateFn | null | undefined,
  onProgress?: (step: AuditProgress) => void,
): ApplicationResult[] {
  return apps.map((app, i) => {
    onProgress?.({ stage: "applications", done: i, total: apps.length });
    const group = startedGroup(model, app.startedProfile);
    // The report says what it assumed about the application when nothing said it.
    const assumed: string[] = [];
    if (!app.role) assumed.push("role server (not given)");
    if (!app.clientAuth && (app.role ?? "server") !== "client")
      assumed.push("no client authentication (not given)");
    // The report's key order; currentGroup only when STDATA names one.
    const head = {
      user: app.user,
      keyring: `${app.ring.owner}/${app.ring.name}`,
      label: app.label,
      role: app.role,
      origin: app.origin,
      name: app.name,
      userFrom: app.userFrom,
    } as Omit<ApplicationResult, keyof Verdict>;
    if (group) head.currentGroup = group;
    head.assumed = assumed;
    return Object.assign(head, verdictOf(model, app, at, simulate));
  });
}

function verdictOf(
  model: RacfModel,
  app: Application,
  at: Date,
  simulate: SimulateFn | null | undefined,
): Verdict {
  if (!simulate)
    return { rc: null, text: "the simulator is not available", confidence: null, fix: null, assumptions: [] };
  try {
    const r = simulate(model, {
      user: app.user,
      ring: app.ring,
      label: app.label,
      role: app.role ?? "server",
      clientAuth: app.clientAuth ?? "none",
      at,
      // The simulator takes the task's current connect group from its STARTED profile.
      userOrigin: app.startedProfile
        ? { description: app.userFrom, startedProfile: app.startedProfile, sources: app.evidence }
        : null,
      // The report keeps the prediction, never the steps: their text is not built.
      trace: false,
    });
    // Notes (policy refresh, restart) are part of the fix an administrator reads.
    const fix = r.fix
      ? { summary: [r.fix.summary, ...(r.fix.notes ?? [])].join(" "), commands: [...r.fix.commands] }
      : null;
    return {
      rc: r.rc,
      text: r.text,
      confidence: r.confidence,
      fix,
      assumptions: r.assumptions,
      conditions: (r.conditions ?? []).map((c) => ({ kind: c.kind, text: c.text, decide: [...c.decide] })),
      outcomes: (r.outcomes ?? []).map((o) => ({ ...o })),
    };
  } catch (e) {
    return {
      rc: null,
      text: `the simulator failed: ${(e as Error).message}`,
      confidence: null,
      fix: null,
      assumptions: [],
    };
  }
}

const SEV_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function runAudit(model: RacfModel, opts: AuditOptions): AuditReport {
  const rules = opts.rules ?? RULES;
  const failOn = opts.failOn ?? "error";
  const simulations = simulateAll(model, opts.applications, opts.at, opts.simulate, opts.onProgress);
  const ctx: AuditContext = {
    model,
    at: opts.at,
    expiryDays: opts.expiryDays,
    applications: opts.applications,
    simulations,
    policy: opts.policy,
    jclSecrets: opts.jclSecrets,
  };
  const findings: Finding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  for (const [i, rule] of rules.entries()) {
    opts.onProgress?.({ stage: "rules", done: i, total: rules.length });
    const missing = rule.meta.requires.map((r) => unmet(r, ctx)).find((r) => r !== null);
    if (missing) {
      notEvaluated.push({ rule: rule.meta.id, subject: null, reason: missing });
      continue;
    }
    let out: ReturnType<Rule["check"]>;
    try {
      out = rule.check(ctx);
    } catch (e) {
      // A broken rule must not hide the others' findings (zlint's "Fatal": the tool failed,
      // not the RACF set-up); it is reported, never counted as passed.
      notEvaluated.push({
        rule: rule.meta.id,
        subject: null,
        reason: `the rule failed: ${(e as Error).message}`,
      });
      continue;
    }
    for (const f of out.findings) {
      const { evidence, omitted } = evidenceOf(f.evidence);
      findings.push({
        rule: rule.meta.id,
        // a finding may lower its rule's severity (it rests on unknowns), never raise it
        severity:
          f.severity && SEV_RANK[f.severity] > SEV_RANK[rule.meta.severity] ? f.severity : rule.meta.severity,
        confidence: weaker(rule.meta.confidence, f.confidence ?? rule.meta.confidence),
        subject: f.subject,
        ring: f.ring,
        message: boundedMessage(f.message),
        evidence,
        ...(omitted > 0 ? { evidenceOmitted: omitted } : {}),
        fix: f.fix,
      });
    }
    for (const n of out.notEvaluated)
      notEvaluated.push({ rule: rule.meta.id, subject: n.subject, reason: n.reason });
  }
  for (const u of opts.unresolvedApplications ?? []) {
    notEvaluated.push({ rule: "applications", subject: { kind: "policy", id: u.rule }, reason: u.reason });
  }
  findings.sort(
    (a, b) =>
      SEV_RANK[a.severity] - SEV_RANK[b.severity] ||
      (a.ring ?? "\uffff").localeCompare(b.ring ?? "\uffff") ||
      a.rule.localeCompare(b.rule) ||
      a.subject.id.localeCompare(b.subject.id),
  );
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const assumptions = [
    ...model.state.assumptions.map(
      (a) => `${a.message}${a.sources.length > 0 ? ` (${a.sources.map(formatSource).join(", ")})` : ""}`,
    ),
    ...Object.entries(model.state.classes)
      .filter(([name, c]) => c.assumed && ["FACILITY", "RDATALIB"].includes(name))
      .map(([name, c]) =>
        name === "RDATALIB" && model.profilesOf("RDATALIB").length > 0
          ? "class RDATALIB: no input says whether it is active; a ring with a matching RDATALIB profile is taken as ring-specific (as if active and RACLISTed), other rings as FACILITY-checked"
          : `class ${name} assumed ${c.active ? "active" : "inactive"}${c.raclisted ? " and RACLISTed" : ""} (no input says)`,
      ),
  ];
  if (opts.applications.some((a) => a.origin === "ring-owner")) {
    assumptions.push("rings with no known application are assumed to be used by their owner");
  }
  return {
    findings,
    applications: simulations,
    notEvaluated,
    summary: {
      at: opts.at.toISOString(),
      rules: rules.length,
      rings: model.state.rings.length,
      certificates: model.state.certificates.length,
      applications: opts.applications.length,
      applicationsFrom: describeApplications(opts.applications),
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
      byRule: Object.fromEntries(
        rules.map((r) => [r.meta.id, findings.filter((f) => f.rule === r.meta.id).length]),
      ),
      notEvaluated: notEvaluated.length,
      failing: findings.filter((f) => severityAtLeast(f.severity, failOn)).length,
      failOn,
    },
    assumptions,
    rules: rules.map((r) => r.meta),
    inputIssues: model.state.issues.map((i) => ({ ...i })),
  };
}
