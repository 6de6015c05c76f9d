/**
 * `racfring diagnose`: explain a failed handshake from what the systems logged (console, job
 * log, System SSL trace, Java and client errors). I/O only — recognisers, correlation, ranking
 * and the simulator check live in src/diagnose.
 */
import type { InputIssue } from "../../model/types.js";
import type { CommandSpec, Io, ParsedArgs } from "../command.js";
import { str } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { readInput, readTextInput } from "../files.js";
import { INPUT_FLAGS, INPUT_OPTIONS, loadInputs, parseDateOption } from "../inputs.js";

export const spec: CommandSpec = {
  name: "diagnose",
  summary: "Diagnose a failed TLS handshake from console, job log, trace and client messages",
  usage:
    "racfring diagnose FILE|-... [--jcl FILE|--listing FILE|--unload FILE|--model FILE ...] [--policy FILE] [--at DATE] [--json]",
  description: `
Reads the text the systems logged — AT-TLS EZD1281I–EZD1287I, RACF ICH408I, IRR812I and IRRD
messages, IEF695I, System SSL trace lines (record headers decoded as ASCII/EBCDIC), ICSF CSF...
messages with their return/reason codes, CMS status codes (0x0335nnnn), FTP client EZA2897I and
FC trace lines, CICS/MQ/Liberty/Java key ring messages and safkeyring:// URLs, R_datalib return
codes, TLS alerts, OpenSSL errors and vendor "RC = 410: Reason = ..." lines. "-" reads standard
input. Lines of the same connection are put together (CONNID, both ends' addresses, rule, job,
user, time window) and two connections are kept apart. Prints the causes, most likely first,
with the evidence lines, the failing side, what to check (RACF/TSO commands) and the fix, each
with its source and confidence (IBM, third-party, UNCONFIRMED). Lines it does not recognise are
counted and the first few listed; they are never guessed at.

With RACF inputs (--jcl, --listing, --unload, --model) and optionally the AT-TLS --policy, the
simulator is run for the user and ring the messages name (ring from the rule in EZD1287I, user
from USERID, IEF695I or the STARTED profile in IRR812I) and each cause it models is confirmed or
ruled out, quoting the decisive step. When no user is named, it lists who could open the ring.`,
  positionals: true,
  options: {
    ...INPUT_OPTIONS,
    policy: {
      type: "string",
      arg: "FILE",
      description: "AT-TLS policy: the key ring and settings of the rule EZD1287I names",
    },
    at: {
      type: "string",
      arg: "DATE",
      description: "When the failure happened, YYYY-MM-DD[THH:MM] UTC (validity checks; default now)",
    },
    json: { type: "boolean", description: "Print the report as JSON" },
  },
  examples: [
    "racfring diagnose samples/logs/ftps-plaintext.log",
    "racfring diagnose samples/logs/ring-owner.log --jcl samples/diagnose/ring-owner.jcl --policy samples/diagnose/ring-owner.policy",
    "racfring diagnose samples/logs/wrong-owner.log --jcl samples/diagnose/wrong-owner.jcl --policy samples/diagnose/wrong-owner.policy --json",
    "cat samples/logs/ftps-plaintext.log | racfring diagnose -",
  ],
  exitCodes: {
    0: "No failure found in the messages",
    1: "At least one cause diagnosed",
    2: "Usage error (no log given, bad option)",
    3: "A log or RACF input cannot be read (not a regular file, too large, binary), or a RACF input or the policy has errors (the report is still printed; the errors follow on stderr)",
  },
};

/** Largest log read: console and job-log extracts are kilobytes; a trace a few megabytes. */
export const MAX_LOG_BYTES = 64 * 1024 * 1024;

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const files = args.positionals;
  if (files.length === 0) throw new UsageError("give the log file(s) to diagnose, or - for standard input");
  if (files.filter((f) => f === "-").length > 1)
    throw new UsageError('"-" (standard input) can be given once');
  const atText = str(args.values.at);
  const at = atText ? parseDateOption(atText, "at") : io.now();
  const logs: { file: string; text: string }[] = [];
  for (const file of files) {
    const buf = await readTextInput(file, io.cwd, MAX_LOG_BYTES);
    if (buf.includes(0))
      throw new InputError(
        `${file === "-" ? "standard input" : file}: binary data (NUL bytes); give the log as text (EBCDIC → ASCII)`,
      );
    logs.push({ file: file === "-" ? "stdin" : file, text: buf.toString("utf8") });
  }
  // A log line carrying terminal-control or bidi-override characters is shown escaped; say where.
  const { displayControlIssues } = await import("../../readers/display-controls.js");
  const { formatIssue } = await import("../../model/format-issue.js");
  const { neutralise } = await import("../../audit/format/safe-text.js");
  for (const log of logs)
    for (const i of displayControlIssues(log.text, log.file)) io.err(`${neutralise(formatIssue(i))}\n`);
  const hasInputs = args.ordered.some((o) => (INPUT_FLAGS as readonly string[]).includes(o.name));
  const policyFile = str(args.values.policy);
  if (policyFile && !hasInputs)
    throw new UsageError(
      "--policy needs RACF inputs (--jcl, --listing, --unload or --model) to simulate with",
    );
  let inputs = null;
  const issues: InputIssue[] = [];
  if (hasInputs) {
    const { model } = await loadInputs(args, io.cwd, io.now());
    let policy = null;
    if (policyFile) {
      const { readPolicy } = await import("../../policy/reader.js");
      const text = (await readInput(policyFile, io.cwd)).toString("utf8");
      policy = { policy: readPolicy(text, policyFile), file: policyFile };
      issues.push(...policy.policy.issues);
    }
    issues.push(...model.state.issues);
    inputs = { model, policy, at };
  }
  const { diagnoseLogs, formatReport } = await import("../../diagnose/index.js");
  const report = diagnoseLogs(logs, inputs);
  if (args.values.json === true) {
    const { neutraliseDeep } = await import("../../audit/format/safe-text.js");
    const { jsonText } = await import("../output.js");
    // The envelope's version replaces the report's own (both are the document's version, 1).
    const { version: _version, ...body } = report;
    io.out(jsonText("diagnose", neutraliseDeep(body)));
  } else io.out(formatReport(report));
  // As `racfring simulate`: the report is printed even when a RACF input or the policy has
  // errors (what could be read still helps), then the errors, and the exit code says so.
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    for (const i of errors.slice(0, 50))
      io.err(
        neutralise(`${i.file}${i.line > 0 ? `:${i.line}` : ""}: error: ${i.message} [${i.code}]`) + "\n",
      );
    io.err(
      `racfring diagnose: ${errors.length} input error(s); the simulator's confirmations above may rest on incomplete input.\n`,
    );
    return EXIT.input;
  }
  return report.diagnoses.length > 0 ? EXIT.findings : EXIT.ok;
}
