/**
 * `racfring wizard` — asks what the ring is for and writes a plan plus everything
 * `racfring generate` writes for it (same code path: src/gen/generate.ts), after a summary and
 * a confirmation. Without a terminal (or with CI set) it never prompts: flags and --yes must
 * answer every question, otherwise it exits 2 naming the missing flags.
 */
import { join, relative, resolve } from "node:path";
import { type GeneratedFile, generate } from "../../gen/generate.js";
import { shWord } from "../../gen/names.js";
import { formatPlanIssue } from "../../gen/plan.js";
import type { SiteState } from "../../gen/state.js";
import { buildPlan, planYaml } from "../../wizard/build.js";
import { type FlowContext, QUESTION_FLAGS, type QuestionFlag, runFlow } from "../../wizard/flow.js";
import { simulateAnswers, summaryLines } from "../../wizard/preview.js";
import { FlagPrompter, type Prompter, WizardCancelled } from "../../wizard/prompter.js";
import { type CommandSpec, type Io, type OptionSpecs, type ParsedArgs, str } from "../command.js";
import { EXIT } from "../errors.js";
import { INPUT_FLAGS, INPUT_OPTIONS, loadInputs, parseDateOption } from "../inputs.js";
import { jsonText } from "../output.js";
import { checkTargets, loadTemplates, writeAll } from "./generate.js";

/** Exit code when the user cancels with Ctrl-C or Esc (128 + SIGINT, as shells report it). */
export const EXIT_CANCELLED = 130;
export const DEFAULT_WIZARD_DIR = "racfring-out";

type WizardStatus = "written" | "missing-answers" | "invalid-plan" | "refused" | "failed" | "not-written";
interface WizardApplication {
  name: string;
  user: string;
  keyring: string;
  role: string;
  label: string | null;
  rc: number;
  text: string;
  confidence: string;
}

const QUESTION_OPTIONS: Record<QuestionFlag, { arg: string; description: string }> = {
  preset: {
    arg: "NAME",
    description:
      "What the ring is for: ftp, tn3270, liberty, mq, cics, attls-server (default), client, trust-only",
  },
  user: { arg: "USER", description: "The user the task runs as (no default)" },
  "ring-owner": { arg: "USER", description: "The ring's owner (default: --user)" },
  ring: { arg: "NAME", description: "Ring name, case-sensitive (default per preset, e.g. FTPRing)" },
  "cert-source": {
    arg: "SRC",
    description: "new-racf-ca, existing-ca (default when the inputs hold one), external-ca, reuse",
  },
  "ca-label": { arg: "LABEL", description: "existing-ca: the CA's label ([CERTAUTH:|SITE:]label)" },
  "reuse-cert": { arg: "OWNER:LABEL", description: "reuse: the certificate to connect" },
  "client-auth": {
    arg: "yes|no",
    description: "Server: ask clients for certificates; client: present one (default no)",
  },
  host: { arg: "HOST", description: "Host name for the CN and DNS SAN (no default)" },
  ip: { arg: "ADDR", description: "IPv4 address SAN (default none)" },
  subject: { arg: "DN", description: "Subject, e.g. CN=host,O=Example,C=US (default CN=<host>)" },
  key: {
    arg: "KEY",
    description: "RSA-2048 (default), RSA-3072, RSA-4096, NISTECC-256, NISTECC-384, NISTECC-521",
  },
  permissions: { arg: "STRATEGY", description: "rdatalib (default) or facility" },
  days: { arg: "N", description: "Certificate validity in days (default 397)" },
  hlq: { arg: "HLQ", description: "external-ca: transfer data set qualifiers (default <ring owner>.CERTS)" },
  "job-name": { arg: "NAME", description: "Job name prefix, 1-7 characters (default per preset)" },
  accounting: { arg: "ACCT", description: "JOB accounting information (default none)" },
};

const options: OptionSpecs = {
  output: {
    type: "string",
    short: "o",
    arg: "DIR",
    description: `Output directory (default ./${DEFAULT_WIZARD_DIR})`,
  },
  force: { type: "boolean", description: "Replace files that already exist in the output directory" },
  yes: {
    type: "boolean",
    short: "y",
    description: "Accept the default of every question no flag answers; do not ask to confirm",
  },
  at: { type: "string", arg: "DATE", description: "Validity start and simulation instant (default now)" },
  json: {
    type: "boolean",
    description: "Never prompt; print the outcome as JSON (schemas/wizard.schema.json)",
  },
};
for (const f of QUESTION_FLAGS) options[f] = { type: "string", ...QUESTION_OPTIONS[f] };
Object.assign(options, INPUT_OPTIONS);

export const spec: CommandSpec = {
  name: "wizard",
  summary: "Create a key ring step by step: questions, simulated RC, plan and JCL",
  usage:
    "racfring wizard [-o DIR] [--jcl|--listing|--unload|--model FILE ...] [--preset NAME] [--yes] [--QUESTION ANSWER ...] [--json]",
  description: `
Asks, in order: what the ring is for, which user runs the task, ring owner and name, where the
certificate comes from, subject and SANs, key, client authentication, who may open the ring,
validity and the job card — each with a one-line help and a default. With the site's state
(--jcl/--listing/--unload/--model) it offers the users, STARTED profiles and CAs found there and
warns about conflicts before they happen. As soon as enough is known it shows System SSL's
simulated return code. At the end: a summary, the plan, a confirmation; then it writes
DIR/plan.yaml and everything \`racfring generate DIR/plan.yaml -o DIR\` writes.
Every question has a flag. Without a terminal, or with CI set, it never prompts: it runs when
the flags and --yes answer everything, and otherwise exits 2 naming the missing flags.
Ctrl-C or Esc at a question exits 130 and writes nothing.
With --json it never prompts either (as without a terminal) and stdout is one document: the
status, the files written, the plan's path and each application's predicted return code.`,
  options,
  examples: [
    "racfring wizard --host zos1.example.com --user TN3270 --yes -o out/tn3270",
    "racfring wizard --preset ftp --user FTPD --host ftp.example.com --yes -o out/ftp",
    "racfring wizard --jcl samples/site/setup.jcl --preset tn3270 --user WEBSRV --host tn.example.com --yes -o out/tn",
    "racfring wizard --preset ftp --user FTPD --host ftp.example.com --yes --json -o out/ftp-json",
  ],
  exitCodes: {
    0: "files written (or the confirmation declined: nothing written)",
    1: "the plan would not get RC 0 or fails racfring's read-back; nothing written",
    2: "usage error, or no terminal and a question without an answer (the missing flags are named)",
    3: "unreadable inputs, an invalid answer in the plan, or a target exists without --force",
    130: "cancelled with Ctrl-C or Esc; nothing written",
  },
};

function inputArgs(args: ParsedArgs): string[] {
  const out: string[] = [];
  for (const o of args.ordered)
    if ((INPUT_FLAGS as readonly string[]).includes(o.name) || o.name === "dataset")
      out.push(`--${o.name} ${shWord(o.value ?? "")}`);
  return out;
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const outArg = str(args.values.output) ?? DEFAULT_WIZARD_DIR;
  const outDir = resolve(io.cwd, outArg);
  const atRaw = str(args.values.at);
  const at = atRaw ? parseDateOption(atRaw, "at") : io.now();
  const yes = args.values.yes === true;
  const force = args.values.force === true;
  const json = args.values.json === true;
  // --json never prompts: the questions would mix with the document on stdout.
  const interactive = !json && io.isTTY && Boolean(process.stdin.isTTY) && !process.env.CI;
  const hasInputs = args.ordered.some((o) => (INPUT_FLAGS as readonly string[]).includes(o.name));
  const loaded = hasInputs ? await loadInputs(args, io.cwd, io.now()) : null;
  const state: SiteState | null = loaded ? { model: loaded.model, files: loaded.files } : null;
  const templates = await loadTemplates();
  const flags: FlowContext["flags"] = {};
  for (const f of QUESTION_FLAGS) {
    const v = str(args.values[f]);
    if (v !== undefined) flags[f] = v;
  }
  const flagPrompter = interactive ? null : new FlagPrompter(yes);
  let prompter: Prompter;
  if (flagPrompter) prompter = flagPrompter;
  else {
    const { terminalPrompter } = await import("../../wizard/terminal.js");
    prompter = await terminalPrompter(io.out);
  }
  const ctx: FlowContext = { state, at, templates, flags };
  const planFile = join(outArg, "plan.yaml");
  // Text lines go to stdout only without --json; with it, the same facts go into one document.
  const say = (text: string): void => {
    if (!json) io.out(text);
  };
  const doc = {
    outputDir: outArg,
    plan: planFile,
    at: at.toISOString(),
    status: "written" as WizardStatus,
    missing: [] as string[],
    notes: [] as string[],
    files: [] as { path: string; bytes: number; mode: string }[],
    applications: [] as WizardApplication[],
    planIssues: [] as string[],
    refusals: [] as string[],
    errors: [] as string[],
    warnings: [] as string[],
  };
  const finish = (code: number, status: WizardStatus): number => {
    doc.status = status;
    if (json) io.out(jsonText("wizard", doc));
    return code;
  };

  try {
    const answers = await runFlow(prompter, ctx);
    if (flagPrompter && flagPrompter.missing.length > 0) {
      const names = flagPrompter.missing.map((m) => `--${m}`).join(", ");
      const none = flagPrompter.noDefault.map((m) => `--${m}`).join(", ");
      io.err(
        `racfring wizard: ${json ? "--json does not prompt" : `no terminal to ask in${process.env.CI ? " (CI is set)" : ""}`}; these questions have no answer: ${names}.${none && !yes ? ` Give ${none} (no default) and --yes to accept the other defaults.` : ""} Nothing written.\n`,
      );
      doc.missing = flagPrompter.missing.map((m) => `--${m}`);
      return finish(EXIT.usage, "missing-answers");
    }
    const notes = flagPrompter?.notes ?? [];
    doc.notes = notes.map((n) => n.trim());
    for (const n of notes) say(`${n}\n`);
    const plan = buildPlan(answers);
    const yaml = planYaml(plan);
    const sim = simulateAnswers(answers, ctx);
    say("\nSummary\n");
    for (const l of summaryLines(answers)) say(`  ${l}\n`);
    say(`  predicted        ${plan.applications?.[0]?.name}: ${sim.line}\n`);
    say(`\nPlan (${planFile}):\n${yaml.replace(/^/gm, "  ")}\n`);
    if (!yes && !flagPrompter) {
      const ok = await prompter.confirm({
        id: "confirm",
        message: `Write the plan and the jobs to ${outArg}?`,
        help: "Nothing is submitted: you review the JCL and run it yourself.",
        default: true,
      });
      if (!ok) {
        io.out("Nothing written.\n");
        return EXIT.ok;
      }
    }
    const result = generate(yaml, planFile, { templates, at, state });
    doc.applications = result.simulations.map((s) => ({
      name: s.app.name,
      user: s.app.user,
      keyring: s.result.keyring,
      role: s.result.role,
      label: s.result.label,
      rc: s.result.rc,
      text: s.result.text,
      confidence: s.result.confidence,
    }));
    doc.planIssues = result.planIssues.map((i) => formatPlanIssue(i));
    doc.refusals = result.refusals;
    doc.errors = result.errors;
    doc.warnings = result.warnings;
    if (result.planIssues.length > 0 || result.refusals.length > 0 || result.errors.length > 0) {
      for (const i of result.planIssues) io.err(`${formatPlanIssue(i)}\n`);
      for (const r of [...result.refusals, ...result.errors]) io.err(`error: ${r}\n`);
      io.err("racfring wizard: nothing written\n");
      if (result.errors.length > 0) return finish(EXIT.findings, "failed");
      return finish(EXIT.input, result.planIssues.length > 0 ? "invalid-plan" : "refused");
    }
    const files: GeneratedFile[] = [{ path: "plan.yaml", contents: yaml, mode: 0o644 }, ...result.files];
    const targets = await checkTargets(outDir, files, force);
    if (targets.refuse.length > 0 || targets.clashes.length > 0) {
      for (const p of targets.refuse) io.err(`racfring wizard: ${p}\n`);
      if (targets.clashes.length > 0)
        io.err(
          `racfring wizard: ${targets.clashes.length} file(s) already exist in ${outArg} (${targets.clashes.slice(0, 3).join(", ")}); use --force to replace them. Nothing written.\n`,
        );
      return finish(EXIT.input, "not-written");
    }
    const written = await writeAll(outDir, files, force);
    if (!written.ok) {
      io.err(`racfring wizard: ${written.message}\n`);
      return finish(EXIT.input, "not-written");
    }
    for (const w of result.warnings) io.err(`warning: ${w}\n`);
    doc.files = files.map((f) => ({
      path: f.path,
      bytes: Buffer.byteLength(f.contents),
      mode: f.mode.toString(8),
    }));
    if (json) return finish(EXIT.ok, "written");
    printDone(io, outArg, outDir, files, result, state, args);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof WizardCancelled) {
      io.err("\nracfring wizard: cancelled; nothing written.\n");
      return EXIT_CANCELLED;
    }
    throw e;
  }
}

function printDone(
  io: Io,
  outArg: string,
  outDir: string,
  files: GeneratedFile[],
  result: ReturnType<typeof generate>,
  state: SiteState | null,
  args: ParsedArgs,
): void {
  const rel = (f: string) => relative(io.cwd, join(outDir, f)) || f;
  io.out(`\n✔ Wrote ${files.length} file(s) to ${outArg}:\n`);
  for (const f of files) io.out(`  ${rel(f.path)}\n`);
  for (const s of result.simulations)
    io.out(
      `✔ ${s.app.name}: ${s.app.user} on ${s.result.keyring}: simulated System SSL RC ${s.result.rc} [${s.result.confidence}]\n`,
    );
  const fps: string[] = [];
  for (const r of result.references) {
    const m = /^(\S+) certificate "(.*)"/.exec(r.what);
    const c = m && state ? state.model.certificate(m[1] ?? "", m[2] ?? "") : undefined;
    if (c?.fingerprint) fps.push(`  ${r.what}: ${c.fingerprint}`);
  }
  io.out("Fingerprints:\n");
  if (fps.length > 0) io.out(`${fps.join("\n")}\n`);
  io.out("  new certificates get theirs when the setup job runs (the verify job lists them)\n");
  // The runbook's own steps, in its order (workstation, transfer and z/OS steps interleaved).
  const runbook = files.find((f) => f.path === "README.md")?.contents ?? "";
  const steps = [...runbook.matchAll(/^### (\d+)\. (.*)$/gm)].map((m) => `  ${m[1]}. ${m[2]}`);
  io.out("Next steps (z/OS steps by a RACF administrator with RACDCERT and PERMIT authority):\n");
  for (const s of steps) io.out(`${s}\n`);
  const backout = result.jobs.find((x) => x.kind === "backout");
  if (backout) io.out(`  to undo: submit ${rel(backout.file)}\n`);
  io.out(`  each step in detail: ${rel("README.md")}\n`);
  const inputs = inputArgs(args);
  io.out(
    `Same files without the questions: racfring generate ${shWord(join(outArg, "plan.yaml"))} -o ${shWord(outArg)}${inputs.length > 0 ? ` ${inputs.join(" ")}` : ""} --force\n`,
  );
}
