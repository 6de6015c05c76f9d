/**
 * With RACF inputs, check each cause against the simulator: run it for the user and ring the
 * messages name — the ring from the AT-TLS rule named in EZD1287I (or a Java URL / RDATALIB
 * resource), the user from USERID, IEF695I or the STARTED profile IRR812I names — and confirm or
 * rule out each cause the simulator models, quoting the step that decided. When the messages do
 * not name the user, list the users the inputs allow to open that ring.
 */
import { type RacfModel, USERID_RE } from "../model/model.js";
import type { AtTlsPolicy } from "../policy/reader.js";
import { ruleByName, ruleSettings } from "../policy/settings.js";
import { type PolicyOrigin, type SimRequest, type SimResult, simulate, startedUser } from "../sim/index.js";
import { type CauseContext, causeDef } from "./causes.js";
import { sortDiagnoses } from "./diagnose.js";
import { rcSignals } from "./fields.js";
import type { CauseId, DiagnoseReport, Diagnosis, LogMessage, SimCheck } from "./types.js";

/** The trace step that fails names the cause more precisely than the code (202 is two causes). */
const STEP_CAUSE: Record<string, CauseId> = {
  "resolve-ring": "ring-not-found",
  "authorize-ring": "ring-not-authorised",
  "load-entries": "no-default-certificate",
  "select-certificate": "no-default-certificate",
  "private-keys": "private-key-not-returned",
  "selected-key": "private-key-not-returned",
  validity: "certificate-expired",
  "peer-validation": "partner-ca-not-trusted",
};

/** Bound on the users tried when the messages name none (a large unload has thousands). */
const MAX_CANDIDATES = 500;

export interface ConfirmInputs {
  model: RacfModel;
  policy: { policy: AtTlsPolicy; file: string } | null;
  at: Date;
}

interface Target {
  user: string | null;
  userFrom: string;
  ring: { owner: string; name: string } | null;
  ringFrom: string;
  request: Omit<SimRequest, "user" | "ring">;
}

function splitRing(text: string, user: string | null): { owner: string; name: string } | null {
  const t = text.replace(/^safkeyring[a-z]*:\/\/\/?/i, "");
  const slash = t.indexOf("/");
  if (slash < 0) return user ? { owner: user, name: t } : null;
  const owner = t.slice(0, slash).toUpperCase();
  const name = t.slice(slash + 1);
  if (!name || (!USERID_RE.test(owner) && owner !== "*AUTH*" && owner !== "*SITE*")) return null;
  return { owner, name };
}

function target(ctx: CauseContext, msgs: LogMessage[], inputs: ConfirmInputs): Target {
  let user = ctx.user;
  let userFrom = user ? "the user id in the messages" : "";
  if (!user) {
    const started = msgs.find((m) => m.id === "IRR812I");
    const proc = started?.facts.notes?.[0]?.replace(/^procedure /, "");
    if (started && proc) {
      const su = startedUser(inputs.model, `${proc}.${started.facts.jobname ?? proc}`);
      if (su.user) {
        user = su.user;
        userFrom = `STARTED profile ${su.profile?.name ?? "?"} (IRR812I) with STDATA USER(${su.user})`;
      }
    }
  }
  const request: Target["request"] = { role: "server", clientAuth: "none", at: inputs.at };
  let ring: Target["ring"] = null;
  let ringFrom = "";
  if (ctx.rule && inputs.policy) {
    const rule = ruleByName(inputs.policy.policy, ctx.rule);
    if (rule) {
      const s = ruleSettings(inputs.policy.policy, rule);
      if (!user && s.userid && USERID_RE.test(s.userid.toUpperCase())) {
        user = s.userid.toUpperCase();
        userFrom = `Userid of rule ${s.rule}`;
      }
      if (s.keyring) {
        ring = splitRing(s.keyring.value, user);
        ringFrom = `Keyring of rule ${s.rule} (${inputs.policy.file}:${s.keyring.source.line})`;
      }
      const origin: PolicyOrigin = {
        file: inputs.policy.file,
        rule: s.rule,
        keyring: s.keyring?.source ?? null,
        label: s.label?.source ?? null,
        role: s.role.source,
        clientAuth: s.clientAuth.source,
        protocols: s.protocols.source,
        protocolLines: s.protocols.sources,
        ciphers: s.ciphers?.source ?? null,
        defaultedProtocols: s.protocols.defaulted,
      };
      Object.assign(request, {
        label: s.label?.value ?? null,
        role: s.role.value,
        clientAuth: s.clientAuth.value,
        protocols: s.protocols.enabled,
        ciphers: s.ciphers?.value ?? null,
        policy: origin,
      });
    }
  }
  if (!ring && ctx.ring) {
    ring = splitRing(ctx.ringOwner ? `${ctx.ringOwner}/${ctx.ring}` : ctx.ring, user);
    ringFrom = "the key ring named in the messages";
  }
  return { user, userFrom, ring, ringFrom, request };
}

function decisive(result: SimResult): string | null {
  const step = result.steps.find((s) => s.ok === false) ?? result.steps[result.steps.length - 1];
  return step ? `${step.title}: ${step.detail}` : null;
}

function simCause(result: SimResult): CauseId | null {
  if (result.rc === 0) return null;
  const failed = result.steps.find((s) => s.ok === false);
  const byStep = failed ? STEP_CAUSE[failed.id] : undefined;
  if (byStep) return byStep;
  const sig = rcSignals(result.rc).sort((a, b) => b.weight - a.weight)[0];
  return sig?.cause ?? null;
}

/** Confirm or rule out the diagnoses of each connection; adds candidates and notes to the report. */
export function confirm(
  report: DiagnoseReport,
  contexts: Map<string | null, CauseContext>,
  inputs: ConfirmInputs,
): void {
  const added: Diagnosis[] = [];
  for (const [connId, ctx] of contexts) {
    const msgs = report.messages.filter((m) => m.connection === connId);
    const t = target(ctx, msgs, inputs);
    const mine = report.diagnoses.filter((d) => d.connection === connId);
    const where = connId ? `connection ${connId}` : "the unattached messages";
    if (!t.ring) {
      if (mine.some((d) => causeDef(d.cause).simulated))
        report.notes.push(
          `${where}: the messages name no key ring${ctx.rule && !inputs.policy ? ` (rule ${ctx.rule} names one: give --policy)` : ""}; the simulator was not run.`,
        );
      continue;
    }
    const ringText = `${t.ring.owner}/${t.ring.name}`;
    // The checks and fixes can now name the ring (and user) the inputs resolved.
    const named: CauseContext = {
      ...ctx,
      ringOwner: t.ring.owner,
      ring: t.ring.name,
      user: t.user ?? ctx.user,
    };
    contexts.set(connId, named);
    for (const d of mine) {
      const def = causeDef(d.cause);
      d.checks = def.checks(named);
      d.fix = def.fix(named);
    }
    if (!t.user) {
      report.candidates.push(candidates(ringText, t, inputs));
      report.notes.push(`${where}: the messages name no user; see which users could open ${ringText} below.`);
      continue;
    }
    const req: SimRequest = { ...t.request, user: t.user, ring: t.ring };
    const result = simulate(inputs.model, req);
    const cause = simCause(result);
    const step = decisive(result);
    const request = `user ${t.user} (${t.userFrom}), ring ${ringText} (${t.ringFrom}), role ${req.role}`;
    for (const d of mine) {
      if (!causeDef(d.cause).simulated) {
        d.simulation = {
          verdict: "not-checked",
          request,
          rc: result.rc,
          step: null,
          note: "the simulator does not model this cause",
        };
        continue;
      }
      const confirmed = cause === d.cause;
      d.simulation = {
        verdict: confirmed ? "confirmed" : "ruled-out",
        request,
        rc: result.rc,
        step,
        note: confirmed
          ? `the simulator predicts ${result.rc} (${result.text}) for the same reason`
          : result.rc === 0
            ? "the simulator predicts success (0) for this user and ring"
            : `the simulator predicts ${result.rc} (${result.text}) for another reason`,
      };
      if (confirmed) {
        d.score += 20;
        if (result.fix) d.fix = [result.fix.summary, ...result.fix.commands, ...(result.fix.notes ?? [])];
      } else d.score = Math.round((d.score / 4) * 10) / 10;
    }
    if (cause && !mine.some((d) => d.cause === cause)) {
      const def = causeDef(cause);
      const check: SimCheck = {
        verdict: "confirmed",
        request,
        rc: result.rc,
        step,
        note: `not in the messages; the simulator predicts ${result.rc} (${result.text}) from the inputs`,
      };
      added.push({
        cause,
        title: def.title,
        connection: connId,
        side: result.side,
        confidence: result.confidence,
        source: def.source,
        score: 6,
        evidence: [],
        checks: def.checks(named),
        fix: result.fix
          ? [result.fix.summary, ...result.fix.commands, ...(result.fix.notes ?? [])]
          : def.fix(named),
        simulation: check,
      });
    }
  }
  report.diagnoses.push(...added);
  sortDiagnoses(report.diagnoses);
}

function candidates(ring: string, t: Target, inputs: ConfirmInputs): DiagnoseReport["candidates"][number] {
  const users = inputs.model.state.users.slice(0, MAX_CANDIDATES);
  const ok: string[] = [];
  for (const u of users) {
    if (!t.ring) break;
    const r = simulate(inputs.model, { ...t.request, user: u.id, ring: t.ring });
    const auth = r.steps.find((s) => s.id === "authorize-ring");
    if (auth?.ok === true) ok.push(u.id);
  }
  const capped = inputs.model.state.users.length > MAX_CANDIDATES;
  return {
    ring,
    users: ok,
    note: `users in the inputs the simulator lets open ${ring}${capped ? ` (first ${MAX_CANDIDATES} users tried)` : ""}`,
  };
}
