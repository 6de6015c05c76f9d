/**
 * `generate`: plan text → the files to write, checked before anything is written.
 *
 * Pure: the caller (src/cli/commands/generate.ts) supplies the template sources, the instant
 * to simulate at and any certificate files already produced; it writes the files.
 *
 * Self-check before writing: every setup job is read back through the RACF command reader into
 * a fresh model and every application of the plan is simulated (System SSL's ring lookup); each
 * must predict RC 0, otherwise generation fails and says why.
 */

import type { DatasetFile } from "../readers/context.js";
import { computeAccess } from "./access.js";
import { checkRenderedJcl, type JobSpec, jobView, planJobs } from "./jobs.js";
import { opensslViews } from "./openssl.js";
import { formatPlanIssue, loadPlan, type PlanIssue } from "./plan.js";
import { createRenderer, type TemplateSources } from "./render.js";
import { resolvePlan } from "./resolve.js";
import type { ResolvedPlan } from "./resolved.js";
import { runbookView } from "./runbook.js";
import {
  assumedState,
  checkAgainstState,
  connectExistingIssuers,
  existingProfilesOf,
  type Reference,
  referencesOf,
  type SiteState,
} from "./state.js";
import { UnsafeValueError } from "./tso.js";
import { type AppSimulation, type CertificateFileFacts, readBackAndSimulate } from "./verify.js";

export interface GeneratedFile {
  /** Relative to the output directory, `/`-separated. */
  path: string;
  contents: string;
  mode: number;
}

export interface GenerateOptions {
  templates: TemplateSources;
  /** The instant the applications are simulated at. */
  at: Date;
  /** Data set name → certificate file the OpenSSL scripts produced (when they exist). */
  datasets?: ReadonlyMap<string, DatasetFile>;
  /** Facts of those files, parsed by the caller (certificate parsing is asynchronous). */
  fileFacts?: ReadonlyMap<string, CertificateFileFacts>;
  /**
   * The site's current state (from --jcl/--listing/--unload/--model): references are checked
   * against it, and the setup jobs are read back on top of it. Absent: references are assumed.
   */
  state?: SiteState | null;
}

export interface GenerateResult {
  /** Plan errors, located (`file:line:col: path: message`). Non-empty: nothing else was produced. */
  planIssues: PlanIssue[];
  /**
   * Plan values that cannot be written safely into the JCL (the TSO layout refused them).
   * Like `planIssues` these are problems of the plan (exit 3); nothing else was produced.
   */
  refusals: string[];
  /** Other reasons generation failed: the read-back or a simulation predicted a failure (exit 1). */
  errors: string[];
  warnings: string[];
  files: GeneratedFile[];
  jobs: JobSpec[];
  simulations: AppSimulation[];
  /** How the read-back obtained the facts of externally signed certificates. */
  readBackNotes: string[];
  /** Objects the plan relies on without creating them; `foundAt` null = assumed (no state given). */
  references: Reference[];
  resolved: ResolvedPlan | null;
}

function empty(planIssues: PlanIssue[], refusals: string[] = []): GenerateResult {
  return {
    planIssues,
    refusals,
    errors: [],
    warnings: [],
    files: [],
    jobs: [],
    simulations: [],
    readBackNotes: [],
    references: [],
    resolved: null,
  };
}

/** Build every output file of a resolved plan (no checks beyond rendering). */
export function renderPlan(
  resolved: ResolvedPlan,
  planFile: string,
  templates: TemplateSources,
  references: readonly Reference[] = [],
  existingProfiles: ReadonlyMap<string, string> = new Map(),
): { files: GeneratedFile[]; jobs: JobSpec[]; warnings: string[] } {
  const access = computeAccess(resolved, existingProfiles);
  const jobs = planJobs(resolved, access);
  const renderer = createRenderer(templates);
  const files: GeneratedFile[] = [];
  for (const job of jobs) {
    files.push({
      path: job.file,
      contents: renderer.render("jcl/job.jcl.hbs", jobView(resolved, job)),
      mode: 0o644,
    });
  }
  const ossl = opensslViews(resolved);
  for (const a of ossl.authorities) {
    const view = { ...a, planName: resolved.name };
    files.push({ path: a.cnfFile, contents: renderer.render("openssl/ca.cnf.hbs", view), mode: 0o644 });
    files.push({ path: a.scriptFile, contents: renderer.render("openssl/ca.sh.hbs", view), mode: 0o755 });
  }
  for (const c of ossl.certs) {
    const view = { ...c, planName: resolved.name };
    files.push({ path: c.cnfFile, contents: renderer.render("openssl/cert.cnf.hbs", view), mode: 0o644 });
    const tpl = c.method === "pkcs12" ? "openssl/pkcs12.sh.hbs" : "openssl/sign.sh.hbs";
    files.push({ path: c.scriptFile, contents: renderer.render(tpl, view), mode: 0o755 });
  }
  files.push({
    path: "README.md",
    contents: renderer.render(
      "README.md.hbs",
      runbookView(resolved, planFile, jobs, access, ossl, references),
    ),
    mode: 0o644,
  });
  return { files, jobs, warnings: access.warnings };
}

/**
 * Generate from plan text. Never throws on a bad plan: problems come back in `planIssues` /
 * `errors`, and then `files` is empty.
 */
export function generate(planText: string, planFile: string, opts: GenerateOptions): GenerateResult {
  const loaded = loadPlan(planText, planFile);
  if (!loaded.plan) return empty(loaded.issues);
  const { resolved, issues } = resolvePlan(loaded.plan, loaded.locator);
  if (!resolved) return empty(issues);
  const state = opts.state ?? null;
  if (state) {
    const stateIssues = checkAgainstState(resolved, state, loaded.locator);
    if (stateIssues.length > 0) return empty(stateIssues);
  }
  const chains = connectExistingIssuers(resolved, state, opts.at);
  const references = referencesOf(resolved, state);
  let rendered: ReturnType<typeof renderPlan>;
  try {
    rendered = renderPlan(resolved, planFile, opts.templates, references, existingProfilesOf(state));
  } catch (e) {
    if (e instanceof UnsafeValueError) return empty([], [e.message]);
    throw e;
  }
  const errors: string[] = [];
  for (const f of rendered.files)
    if (f.path.endsWith(".jcl")) errors.push(...checkRenderedJcl(f.contents, f.path));
  const setup = rendered.jobs
    .filter((j) => j.kind === "setup")
    .map((j) => ({ file: j.file, text: rendered.files.find((f) => f.path === j.file)?.contents ?? "" }));
  const check = readBackAndSimulate(resolved, setup, {
    at: opts.at,
    datasets: opts.datasets ?? new Map(),
    planFile,
    ...(opts.fileFacts ? { fileFacts: opts.fileFacts } : {}),
    base: state ? state.model : assumedState(resolved, planFile),
  });
  errors.push(...check.errors);
  for (const s of check.simulations) {
    if (s.result.rc !== 0)
      errors.push(
        `application "${s.app.name}" would fail with System SSL RC ${s.result.rc} (${s.result.text})`,
      );
  }
  const result: GenerateResult = {
    planIssues: [],
    refusals: [],
    errors,
    warnings: [...chains.warnings, ...rendered.warnings, ...check.warnings],
    files: errors.length > 0 ? [] : rendered.files,
    jobs: rendered.jobs,
    simulations: check.simulations,
    readBackNotes: [...chains.notes, ...check.notes],
    references,
    resolved,
  };
  return result;
}

export { formatPlanIssue };
