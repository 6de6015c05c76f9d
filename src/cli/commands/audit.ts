/**
 * `racfring audit`: read the inputs, work out who opens which ring, run the rules and the
 * simulator, and write the report (text, JSON, SARIF, Markdown or HTML) and optionally a fix job.
 * I/O only; the audit itself is src/audit/engine.ts.
 */
import { realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import {
  applicationFromSpec,
  applicationsFromPolicy,
  ownerApplications,
  parseAppSpec,
} from "../../audit/applications.js";
import { rulesJson, rulesMarkdown, rulesText } from "../../audit/docs.js";
import { type AuditProgress, runAudit, selectRules } from "../../audit/engine.js";
import { buildFixJcl } from "../../audit/fix-jcl.js";
import { formatJsonChunks } from "../../audit/format/json.js";
import { formatMarkdown } from "../../audit/format/markdown.js";
import { escapeJsonChunks, neutralise } from "../../audit/format/safe-text.js";
import { formatSarifChunks } from "../../audit/format/sarif.js";
import { formatText } from "../../audit/format/text.js";
import { scanJclSecrets } from "../../audit/jcl-secrets.js";
import { readPolicyApplications } from "../../audit/policy.js";
import { RULES } from "../../audit/rules/index.js";
import type { Application, JclSecret, PolicyApplication } from "../../audit/types.js";
import { formatIssue } from "../../model/format-issue.js";
import type { Severity } from "../../model/types.js";
import { UnsafeValueError } from "../../racf/write.js";
import { simulate } from "../../sim/simulate.js";
import { type CommandSpec, type Io, type ParsedArgs, str, strs } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { checkTarget, readInput, writeFileSafe } from "../files.js";
import { INPUT_OPTIONS, loadInputs, parseDateOption, progressFor } from "../inputs.js";
import { printText } from "../output.js";

const VERSION = "0.1.0";
const FORMATS = ["text", "json", "sarif", "markdown", "html"] as const;
type Format = (typeof FORMATS)[number];
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

export const spec: CommandSpec = {
  name: "audit",
  summary: "Audit key rings and permissions; report defects with fixes",
  usage:
    "racfring audit {--jcl FILE | --listing FILE | --unload FILE | --model FILE}... [--app USER=[OWNER/]RING[:LABEL][;role=R][;client-auth=A]]... " +
    "[--policy FILE] [--at DATE] [--expiry-days N] [--format text|json|sarif|markdown|html] [--fail-on error|warning|info] " +
    "[--rule ID]... [--skip ID]... [-o FILE] [--fix-jcl FILE] [--force] [--json] [--quiet]",
  description: `
Reads RACF commands, listings, unloads or a model, finds key ring defects (ownership
mismatches, missing keys or defaults, expired or untrusted certificates, incomplete chains,
over-broad permissions, passwords in JCL...) and predicts, with the simulator, the System SSL
return code of every application that opens a ring. Applications come from --app, from an
AT-TLS policy (--policy: Keyring/CertificateLabel per rule, the user from the STARTED profile
of the rule's Jobname), and otherwise each ring is assumed to be used by its owner, or by the
user the STARTED class gives the owner's started task (a ring FTPD owns, opened by the FTPD task
running as TCPIP); the report says which. A prediction that rests on facts the inputs do not show
(who may read IRR.DIGTCERT.LISTRING, RDATALIB's state) is given with those conditions and the other
outcomes, and a failure that an unknown could turn into success is a warning, not an error. Rules that lack the data they need are listed as "not evaluated", never as passed.

Reads and audits that take more than a second show their progress on standard
error when it is a terminal (not under CI, not with --quiet); the report itself
is never touched.

Rules (--list-rules describes them):
${wrap(RULES.map((r) => r.meta.id).join(", "), 92)}.`,
  options: {
    ...INPUT_OPTIONS,
    app: {
      type: "string",
      multiple: true,
      arg: "SPEC",
      description:
        "An application, USER=[OWNER/]RING[:LABEL] then optionally ;role=server|client and ;client-auth=none|passthru|full|required: the user it runs as, its ring (owner defaults to USER), certificate label, role and client authentication (default: server, none; the report says when it assumed them)",
    },
    policy: {
      type: "string",
      multiple: true,
      arg: "FILE",
      description: "AT-TLS policy (Policy Agent configuration) naming rings and labels",
    },
    at: {
      type: "string",
      arg: "DATE",
      description: "Audit as of this date (YYYY-MM-DD[THH:MM[:SS]], UTC); default now",
    },
    "expiry-days": {
      type: "string",
      arg: "N",
      description: "Warn about certificates expiring within N days (default 30)",
    },
    format: {
      type: "string",
      arg: "FORMAT",
      description:
        "text (default), json (schemas/audit.schema.json), sarif (SARIF 2.1.0), markdown, or html (one self-contained page with a diagram of every ring)",
    },
    json: { type: "boolean", description: "Same as --format json" },
    "fail-on": {
      type: "string",
      arg: "SEVERITY",
      description: "Exit 1 when a finding is at or above: error (default), warning, info",
    },
    rule: { type: "string", multiple: true, arg: "ID", description: "Run only this rule" },
    skip: {
      type: "string",
      multiple: true,
      arg: "ID",
      description: "Do not run this rule (wins over --rule)",
    },
    output: {
      type: "string",
      short: "o",
      arg: "FILE",
      description: "Write the report to FILE instead of standard output",
    },
    "fix-jcl": {
      type: "string",
      arg: "FILE",
      description: "Write one reviewable batch job with the fixes, in a safe order",
    },
    force: { type: "boolean", description: "Replace existing -o / --fix-jcl files" },
    quiet: {
      type: "boolean",
      description:
        'Nothing on standard error but failures: no progress bar, no summary of input issues (the report still lists them), no "written to" lines',
    },
    "list-rules": {
      type: "boolean",
      description:
        "List the rules (id, severity, confidence, what they find, source) and exit; --format markdown or json for a table",
    },
  },
  examples: [
    "racfring audit --jcl samples/site/setup.jcl --policy samples/site/pagent.conf",
    "racfring audit --unload samples/site/irrdbu00.txt --format sarif -o audit.sarif",
    "racfring audit --jcl samples/site/setup.jcl --policy samples/site/pagent.conf --format html -o report.html",
    "racfring audit --jcl samples/site/setup.jcl --app TCPIP=FTPD/FTPRing --fail-on warning --json",
    "racfring audit --jcl samples/site/setup.jcl --fix-jcl fix.jcl --skip weak-key",
  ],
  exitCodes: {
    0: "no finding at or above --fail-on",
    1: "findings at or above --fail-on",
    2: "usage error (bad option, unknown rule id)",
    3: "an input cannot be read or is invalid; or -o / --fix-jcl names a file that exists and --force was not given (nothing is replaced)",
  },
};

interface AuditFlags {
  format: Format;
  failOn: Severity;
  at: Date | null;
  expiryDays: number;
  include: string[];
  skip: string[];
  apps: Application[];
}

/**
 * The path a file name will be written to, symbolic links in its directory resolved, so that
 * `-o x` and `--fix-jcl ./dir/../x` are recognised as one file.
 */
function targetPath(file: string, cwd: string): string {
  const abs = resolve(cwd, file);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** --format, with --json as the spelling every racfring command shares for --format json. */
function formatOf(args: ParsedArgs): string {
  const given = str(args.values.format)?.toLowerCase();
  if (args.values.json === true) {
    if (given !== undefined && given !== "json")
      throw new UsageError(`--json and --format ${given} ask for two formats; give one`);
    return "json";
  }
  return given ?? "text";
}

/** Check every flag before any input is read, so usage errors come first (exit 2). */
function parseFlags(args: ParsedArgs, cwd: string): AuditFlags {
  const format = formatOf(args);
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${format}"`);
  const failOn = (str(args.values["fail-on"]) ?? "error").toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(failOn))
    throw new UsageError(`--fail-on must be error, warning or info, got "${failOn}"`);
  const atRaw = str(args.values.at);
  const at = atRaw ? parseDateOption(atRaw, "at") : null;
  const daysRaw = str(args.values["expiry-days"]);
  let expiryDays = 30;
  if (daysRaw !== undefined) {
    if (!/^\d{1,5}$/.test(daysRaw.trim()))
      throw new UsageError(`--expiry-days expects a whole number of days, got "${daysRaw}"`);
    expiryDays = Number(daysRaw);
  }
  const include = strs(args.values.rule);
  const skip = strs(args.values.skip);
  const { unknown, rules } = selectRules(include, skip);
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown rule id${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}; rules: ${RULES.map((r) => r.meta.id).join(", ")}`,
    );
  }
  // An audit that runs no rule would report "no findings" and exit 0: a false all-clear.
  if (rules.length === 0) {
    throw new UsageError(
      include.length > 0
        ? "--skip removes every rule --rule selected; nothing would be audited"
        : "--skip removes every rule; nothing would be audited",
    );
  }
  const output = str(args.values.output);
  const fixFile = str(args.values["fix-jcl"]);
  if (output && fixFile && targetPath(output, cwd) === targetPath(fixFile, cwd)) {
    throw new UsageError(`-o and --fix-jcl name the same file (${output}); give two different files`);
  }
  const apps: Application[] = [];
  for (const raw of strs(args.values.app)) {
    const parsed = parseAppSpec(raw);
    if (typeof parsed === "string") throw new UsageError(parsed);
    apps.push(applicationFromSpec(parsed, raw));
  }
  const inputs = ["jcl", "listing", "unload", "cert", "model"].some((k) => strs(args.values[k]).length > 0);
  if (!inputs) throw new UsageError("give at least one input: --jcl, --listing, --unload, --cert or --model");
  return { format: format as Format, failOn: failOn as Severity, at, expiryDays, include, skip, apps };
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.values["list-rules"] === true) {
    const format = formatOf(args);
    if (!["text", "markdown", "json"].includes(format))
      throw new UsageError(`--list-rules prints text, markdown or json, not "${format}"`);
    io.out(format === "markdown" ? rulesMarkdown() : format === "json" ? rulesJson() : rulesText());
    return EXIT.ok;
  }
  const flags = parseFlags(args, io.cwd);
  const at = flags.at ?? io.now();
  // The JCL ran "now" (or --ran-at), whatever date the audit is for.
  const quiet = args.values.quiet === true;
  const progress = progressFor(io, quiet);
  const { model } = await loadInputs(args, io.cwd, io.now(), progress);

  // Secrets are not in the model: re-read the JCL inputs for PASSWORD literals.
  const jclFiles = strs(args.values.jcl);
  let jclSecrets: JclSecret[] | null = null;
  if (jclFiles.length > 0) {
    jclSecrets = [];
    for (const f of jclFiles)
      jclSecrets.push(...scanJclSecrets((await readInput(f, io.cwd)).toString("utf8"), f));
  }

  let policy: PolicyApplication[] | null = null;
  const policyFiles = strs(args.values.policy);
  if (policyFiles.length > 0) {
    policy = [];
    for (const f of policyFiles) {
      const { apps, issues } = readPolicyApplications((await readInput(f, io.cwd)).toString("utf8"), f);
      policy.push(...apps);
      for (const i of issues) model.issue(i);
    }
  }
  const fromPolicy = policy ? applicationsFromPolicy(model, policy) : { apps: [], unresolved: [] };
  const known = [...flags.apps, ...fromPolicy.apps];
  const applications = [...known, ...ownerApplications(model, known)];

  const { rules } = selectRules(flags.include, flags.skip);
  const task = progress.start("audit: applications", "applications", applications.length);
  let stage: AuditProgress["stage"] = "applications";
  let stepsDone = 0;
  const report = runAudit(model, {
    at,
    expiryDays: flags.expiryDays,
    applications,
    policy,
    jclSecrets,
    rules,
    simulate,
    failOn: flags.failOn,
    unresolvedApplications: fromPolicy.unresolved,
    // One line: the applications simulated, then the rules run, each with its own rate.
    onProgress: (step) => {
      if (step.stage !== stage) {
        stage = step.stage;
        stepsDone = 0;
        task.stage(`audit: ${stage}`, stage, step.total);
      }
      task.advance(step.done - stepsDone);
      stepsDone = step.done;
    },
  });
  task.done();

  const issues = model.state.issues;
  const inputErrors = issues.filter((x) => x.severity === "error").length;
  // A text or Markdown report on the terminal lists the input issues itself (issue 13: the
  // hint on stderr pointed to what the report already showed). Otherwise — a report written
  // to a file, JSON, SARIF — stderr says what the person at the terminal would not see.
  const reportShowsIssues =
    (flags.format === "text" || flags.format === "markdown") && str(args.values.output) === undefined;
  if (issues.length > 0 && !reportShowsIssues && !quiet) {
    // Errors and policy issues are shown here (`racfring model` does not read policies);
    // the rest is one `racfring model` away. The report carries all of them (inputIssues).
    const relevant = issues.filter((x) => x.severity === "error" || policyFiles.includes(x.file));
    const shown = relevant.slice(0, 10);
    const what = `${issues.length} input issue(s)${inputErrors > 0 ? `, ${inputErrors} error(s)` : ""}`;
    const tail =
      shown.length === issues.length
        ? ""
        : shown.length === 0
          ? "; none is an error; run `racfring model` on the same inputs to see them"
          : `; ${shown.length} shown below${relevant.length > shown.length ? ` (of ${relevant.length} errors and policy issues)` : ""}; run \`racfring model\` on the same inputs to see the others`;
    io.err(`racfring audit: ${what}${tail}.\n`);
    for (const i of shown) io.err(`${neutralise(`  ${formatIssue(i)}`)}\n`);
  }

  // JSON and SARIF are written as streams of chunks: their size grows with the findings.
  const chunks: Iterable<string> =
    flags.format === "html"
      ? [(await import("../../audit/format/html/page.js")).formatHtml(report, model)]
      : flags.format === "json"
        ? escapeJsonChunks(formatJsonChunks(report))
        : flags.format === "sarif"
          ? escapeJsonChunks(formatSarifChunks(report, VERSION))
          : flags.format === "markdown"
            ? [formatMarkdown(report)]
            : [
                formatText(report, {
                  colour: (io.colour ?? io.isTTY) && str(args.values.output) === undefined,
                }),
              ];
  const force = args.values.force === true;
  const output = str(args.values.output);
  const fixFile = str(args.values["fix-jcl"]);
  // Both targets are checked, and the fix job built, before either file is written: a refused
  // fix job must not leave a report behind that says it was written.
  const outputPath = output ? resolve(io.cwd, output) : null;
  const fixPath = fixFile ? resolve(io.cwd, fixFile) : null;
  if (outputPath && fixPath && outputPath === fixPath)
    throw new UsageError("--output and --fix-jcl name the same file");
  if (outputPath) await checkTarget(outputPath, { force });
  if (fixPath) await checkTarget(fixPath, { force });
  let job: ReturnType<typeof buildFixJcl> | null = null;
  if (fixPath) {
    try {
      job = buildFixJcl(report.findings, { at });
    } catch (e) {
      if (e instanceof UnsafeValueError)
        throw new InputError(`${neutralise(e.message)}; no fix job was written`);
      throw e;
    }
  }
  if (outputPath && output) {
    await writeFileSafe(outputPath, chunks, { force });
    if (!quiet) io.err(`racfring audit: report written to ${neutralise(output)}\n`);
  } else if (flags.format === "text") {
    // Text for a person: wrapped to the terminal's width (one chunk, the report is bounded).
    printText(io, [...chunks].join(""));
  } else {
    let pending: string[] = [];
    let size = 0;
    for (const c of chunks) {
      pending.push(c);
      size += c.length;
      if (size >= 1 << 20) {
        io.out(pending.join(""));
        pending = [];
        size = 0;
      }
    }
    if (pending.length > 0) io.out(pending.join(""));
  }

  if (fixPath && fixFile && job) {
    await writeFileSafe(fixPath, job.text, { force });
    if (!quiet)
      io.err(
        `racfring audit: fix job written to ${neutralise(fixFile)} (${job.commands.length} command(s); ${job.suggested.length} simulator suggestion(s) commented out; ${job.manual.length} finding(s) need a manual decision). Review it before submitting.\n`,
      );
  }
  if (inputErrors > 0) {
    // As `racfring model`: the report was written from what could be read, but an input is
    // invalid, so a clean result would be a false all-clear.
    io.err(`racfring audit: ${inputErrors} input error(s); the audit is incomplete.\n`);
    return EXIT.input;
  }
  return report.summary.failing > 0 ? EXIT.findings : EXIT.ok;
}
