/**
 * What the wizard shows before anything is written: the simulated outcome of the answers
 * (through `generate`, the same code path as `racfring generate`) and the summary lines.
 */
import { type GenerateResult, generate } from "../gen/generate.js";
import type { TemplateSources } from "../gen/render.js";
import type { SiteState } from "../gen/state.js";
import { buildPlan, formatSubject, planYaml, type WizardAnswers } from "./build.js";

/** What a preview needs to know of the site: its state, the instant, and the templates. */
export interface PreviewContext {
  state: SiteState | null;
  /** Validity start and simulation instant. */
  at: Date;
  templates: TemplateSources;
}

/** Simulate the plan the answers make (same path as `racfring generate`): RC and one line. */
export function simulateAnswers(
  a: WizardAnswers,
  ctx: PreviewContext,
): { rc: number | null; line: string; result: GenerateResult } {
  const text = planYaml(buildPlan(a));
  const result = generate(text, "plan.yaml", { templates: ctx.templates, at: ctx.at, state: ctx.state });
  const rc428 = result.planIssues.find((i) => /RC 428/.test(i.message));
  if (rc428)
    return { rc: 428, line: `RC 428: ${rc428.message.split(";")[1]?.trim() ?? rc428.message}`, result };
  const first = result.planIssues[0] ?? null;
  if (first) return { rc: null, line: `not yet valid: ${first.path}: ${first.message}`, result };
  const s = result.simulations[0];
  if (!s) return { rc: null, line: result.refusals[0] ?? result.errors[0] ?? "nothing to simulate", result };
  const r = s.result;
  const why = r.rc === 0 ? "the ring opens and the certificate is usable" : r.text;
  return { rc: r.rc, line: `RC ${r.rc}: ${why} [${r.confidence}]`, result };
}

/** One line per planned object, for the summary before confirming. */
export function summaryLines(a: WizardAnswers): string[] {
  const out: string[] = [];
  const plan = buildPlan(a);
  for (const x of plan.authorities ?? [])
    out.push(
      `create CA        CERTAUTH "${x.label}" (${x.create === "racf" ? "RACF GENCERT" : "OpenSSL, added to RACF"})`,
    );
  for (const x of plan.existing?.authorities ?? [])
    out.push(`use CA           ${x.owner ?? "CERTAUTH"} "${x.label}" (exists)`);
  for (const x of plan.certificates ?? [])
    out.push(
      `create cert      ID(${x.owner}) "${x.label}" ${formatSubject(x.subject)} ${x.key.type} ${x.key.size}, until ${x.validity.notAfter}`,
    );
  for (const x of plan.existing?.certificates ?? [])
    out.push(`use cert         ${x.owner} "${x.label}" (exists)`);
  for (const r of plan.rings ?? [])
    out.push(`${r.existing ? "add to ring     " : "create ring     "} ${r.owner}/${r.name}`);
  out.push(
    `permissions      ${a.permissions === "rdatalib" ? `RDATALIB ${a.ringOwner}.${a.ring.toUpperCase()}.LST` : "FACILITY IRR.DIGTCERT.LISTRING"} for ${a.user}`,
  );
  return out;
}
