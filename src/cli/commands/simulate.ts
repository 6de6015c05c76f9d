/**
 * `racfring simulate`: predict System SSL's return code when an application opens its key ring
 * and shakes hands. I/O only — the rules live in src/sim (simulate, started) and src/policy.
 */

import { resolve } from "node:path";
import { neutralise } from "../../audit/format/safe-text.js";
import { formatIssue } from "../../model/format-issue.js";
import { formatSource, USERID_RE } from "../../model/model.js";
import type { Certificate, InputIssue, Source } from "../../model/types.js";
import type { AtTlsPolicy } from "../../policy/reader.js";
import { type RuleSettings, ruleByName, ruleForJobname, ruleSettings } from "../../policy/settings.js";
import type { PolicyOrigin, SimRequest } from "../../sim/simulate.js";
import { STARTED_SPEC_RE } from "../../sim/started.js";
import { type CommandSpec, type Io, type ParsedArgs, str, strs } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { readInput, writeFileSafe } from "../files.js";
import { INPUT_FLAGS, INPUT_OPTIONS, loadInputs, parseDateOption, progressFor } from "../inputs.js";
import { jsonText, printText } from "../output.js";

export const spec: CommandSpec = {
  name: "simulate",
  summary: "Predict System SSL's return code when an application opens its key ring",
  usage:
    "racfring simulate <inputs> {--user USERID | --started PROC[.JOB]} --keyring [OWNER/]RING [--label LABEL] [--role server|client] [--client-auth none|passthru|full|required] [--at DATE] [--peer-cert FILE]... [--tls LIST] [--ciphers LIST] [--policy FILE [--rule NAME | --jobname NAME]] [--json | --format text|json|html] [-o FILE] [--force]",
  description: `
Follows System SSL's order: resolve the ring, authorise the read (RDATALIB <owner>.<RING>.LST or
FACILITY IRR.DIGTCERT.LISTRING), load the entries, decide which private keys come back, select the
certificate (label or DEFAULT), check its dates and key usage, protocols and cipher suites, and the
partner's certificate. Prints each step with the input line it relied on, the rule's source and
confidence (IBM, third-party, UNCONFIRMED), the predicted return code for both sides, the RACF
commands that fix it, and every assumption made.

--keyring RING is the user's own ring; OWNER/RING another user's; OWNER/*, *AUTH*/* and *SITE*/*
are virtual rings. With --policy, the key ring, label, role, client authentication, protocols and
ciphers come from the AT-TLS rule chosen by --rule or --jobname (flags given explicitly win).

Partial inputs: a fact the inputs do not show never stops the walk. A setting takes its typical
value (RDATALIB not in effect; a FACILITY profile covers IRR.DIGTCERT.LISTRING) and an access
level is taken as what the step needs; each is printed as a condition with the RLIST, SETROPTS
LIST or RACDCERT LIST command whose output decides it, and the return code of the other branch
is printed beside the prediction ("RC 401 — if TCPIP can read its ring (not shown in the inputs);
otherwise RC 202"). --assume-denied takes unshown access as missing instead.`,
  options: {
    ...INPUT_OPTIONS,
    user: { type: "string", arg: "USERID", description: "User id the application runs as" },
    started: {
      type: "string",
      arg: "PROC[.JOB]",
      description: "Started task: the user comes from the best-matching STARTED profile's STDATA",
    },
    keyring: {
      type: "string",
      arg: "[OWNER/]RING",
      description:
        "Key ring (case-sensitive); OWNER/*, *AUTH*/*, *SITE*/* are virtual; safkeyring://OWNER/RING accepted",
    },
    label: {
      type: "string",
      arg: "LABEL",
      description: "Certificate label (default: the ring's DEFAULT certificate)",
    },
    role: { type: "string", arg: "server|client", description: "Handshake role (default server)" },
    "client-auth": {
      type: "string",
      arg: "none|passthru|full|required",
      description: "Client authentication the server asks for (default none)",
    },
    at: {
      type: "string",
      arg: "DATE",
      description: "Instant for validity checks, YYYY-MM-DD[THH:MM] UTC (default now)",
    },
    "peer-cert": {
      type: "string",
      multiple: true,
      arg: "FILE",
      description: "The partner's certificate chain, leaf first (PEM/DER/PKCS#7)",
    },
    "no-peer-cert": {
      type: "boolean",
      description: "The partner sends no certificate (client authentication cases)",
    },
    tls: { type: "string", arg: "LIST", description: "Enabled protocols, e.g. 1.2,1.3" },
    ciphers: {
      type: "string",
      arg: "LIST",
      description: "Cipher suites: 4-character codes (C02F,1301) or TLS_* names",
    },
    policy: {
      type: "string",
      arg: "FILE",
      description: "AT-TLS policy (Policy Agent configuration) to take the settings from",
    },
    rule: { type: "string", arg: "NAME", description: "The TTLSRule to use from --policy" },
    jobname: {
      type: "string",
      arg: "NAME",
      description: "Choose the --policy rule whose Jobname matches (highest Priority)",
    },
    "assume-denied": {
      type: "boolean",
      description:
        "Pessimistic reading: access or FACILITY profiles the inputs do not show count as missing (the step fails)",
    },
    json: {
      type: "boolean",
      description: "Print the result as JSON (same as --format json; schemas/simulate.schema.json)",
    },
    format: {
      type: "string",
      arg: "FORMAT",
      description: "text (default), json, or html (one self-contained page with the ring's diagram)",
    },
    output: {
      type: "string",
      short: "o",
      arg: "FILE",
      description: "Write the result to FILE instead of standard output",
    },
    force: { type: "boolean", description: "Replace an existing -o file" },
  },
  // Every example runs from the repository root (test/sim/cli-examples.test.ts runs each one).
  examples: [
    "racfring simulate --jcl samples/site/setup.jcl --dataset SECADM.PARTNER.CA.PEM=samples/site/partner-ca.pem --started FTPD --keyring FTPD/FTPRing",
    "racfring simulate --jcl samples/site/setup.jcl --user WEBSRV --keyring WEBSRV/WebRing --label 'Web Server' --json",
    "racfring simulate --jcl samples/site/setup.jcl --policy samples/site/pagent.conf --started FTPD",
    "racfring simulate --unload samples/site/irrdbu00.txt --policy samples/site/pagent.conf --rule WebServer --user WEBSRV",
    "racfring simulate --jcl samples/site/setup.jcl --dataset SECADM.PARTNER.CA.PEM=samples/site/partner-ca.pem --policy samples/site/pagent.conf --rule BatchClient --user BATCHCL",
    "racfring simulate --jcl samples/site/setup.jcl --user BATCHCL --keyring '*AUTH*/*' --role client",
    "racfring simulate --jcl samples/site/setup.jcl --policy samples/site/pagent.conf --started FTPD --format html",
  ],
  exitCodes: {
    0: "System SSL is predicted to succeed (RC 0), resting on nothing the inputs do not show",
    1: "A failure is predicted (any other return code), possibly under conditions the output lists",
    2: "Usage error (missing, malformed or conflicting options, unknown policy rule)",
    3: "An input cannot be read or has errors (the prediction is still printed; the errors follow it on stderr)",
    4: "RC 0 is predicted only under conditions the inputs do not show (listed, with the commands that decide them)",
  },
};

/** Longest piece of user input quoted back in a message. */
const MAX_ECHO = 200;

/** Quote user input in a message without echoing an arbitrarily long value in full. */
function clip(text: string): string {
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

/** RACDCERT ADDRING: a ring name is at most 237 characters (IBM RACDCERT ADDRING). */
const RING_NAME_MAX = 237;
/** RACDCERT WITHLABEL: a certificate label is at most 32 characters (IBM RACDCERT GENCERT/ADD). */
const LABEL_MAX = 32;

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase() as T;
  if (!allowed.includes(v))
    throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}, got "${clip(value)}"`);
  return v;
}

/** `[OWNER/]RING` → owner and name; OWNER defaults to the application's user. */
export function parseKeyring(input: string, user: string): { owner: string; name: string } {
  // Java's form (Liberty, MQ, Zowe): safkeyring://OWNER/RING, or safkeyring:///RING for one's own
  // ring; the hardware/hybrid variants name the same RACF ring.
  const java = /^safkeyring(?:hw|hybrid|jce|jcehw|jcecca|jcehybrid)?:\/\/(.*)$/i.exec(input);
  const text = java ? (java[1] ?? "").replace(/^\//, "") : input;
  const shown = clip(text);
  if (text.trim() === "") throw new UsageError(`--keyring ${clip(input)}: ring name missing`);
  if (text.startsWith("/") || text.startsWith("*TOKEN*")) {
    throw new UsageError(
      `--keyring ${shown}: racfring simulates SAF key rings only (not key database files or PKCS#11 tokens)`,
    );
  }
  const slash = text.indexOf("/");
  const owner = slash < 0 ? user : text.slice(0, slash).toUpperCase();
  const name = slash < 0 ? text : text.slice(slash + 1);
  if (!name) throw new UsageError(`--keyring ${shown}: ring name missing after "/"`);
  // System SSL splits OWNER/RING at the first "/": a second one cannot be meant (review finding).
  if (name.includes("/"))
    throw new UsageError(`--keyring ${shown}: expected [OWNER/]RING, found more than one "/"`);
  if (name.length > RING_NAME_MAX)
    throw new UsageError(
      `--keyring ${shown}: a ring name is at most ${RING_NAME_MAX} characters (this one has ${name.length})`,
    );
  if (slash >= 0 && owner !== "*AUTH*" && owner !== "*SITE*" && !USERID_RE.test(owner)) {
    throw new UsageError(
      `--keyring ${shown}: "${clip(owner)}" is not a user id (1–8 characters), *AUTH* or *SITE*`,
    );
  }
  if (owner.startsWith("*") && name !== "*")
    throw new UsageError(`--keyring ${shown}: ${owner} only has the virtual ring ${owner}/*`);
  return { owner, name };
}

async function peerCertificates(files: string[], cwd: string, io: Io): Promise<Certificate[]> {
  if (files.length === 0) return [];
  const { parseCertificateData } = await import("../../pki/x509.js");
  const out: Certificate[] = [];
  for (const file of files) {
    const data = await readInput(file, cwd);
    const parsed = await parseCertificateData(new Uint8Array(data));
    for (const p of parsed.problems) io.err(issueLine({ file, ...p }));
    if (parsed.certificates.length === 0) throw new InputError(`${file}: no certificate found`);
    for (const f of parsed.certificates) {
      out.push({
        owner: "PEER",
        label: f.commonName ?? file,
        status: "TRUST",
        notBefore: f.notBefore,
        notAfter: f.notAfter,
        datesAssumed: false,
        subject: f.subject,
        issuer: f.issuer,
        altNames: f.altNames,
        keyType: f.keyType,
        keySize: f.keySize,
        privateKey: false,
        keyStore: null,
        icsfLabel: null,
        keyUsage: f.keyUsage,
        signatureAlgorithm: f.signatureAlgorithm,
        serial: f.serial,
        fingerprint: f.fingerprint,
        signer: null,
        selfSigned: f.selfSigned,
        fromRequest: false,
        der: f.der,
        sources: [{ file, line: f.line, kind: "cert" }],
      });
    }
  }
  return out;
}

function issueLine(i: InputIssue): string {
  return `${neutralise(formatIssue(i))}\n`;
}

function printIssues(issues: readonly InputIssue[], io: Io, limit = 20): void {
  const shown = issues.slice(0, limit);
  for (const i of shown) io.err(issueLine(i));
  if (issues.length > shown.length) io.err(`… and ${issues.length - shown.length} more input issue(s)\n`);
}

interface PolicyChoice {
  settings: RuleSettings;
  origin: PolicyOrigin;
  others: string[];
  /** The policy file's issues; its errors make the exit code 3, like the RACF inputs' errors. */
  issues: InputIssue[];
}

async function choosePolicy(
  args: ParsedArgs,
  io: Io,
  startedJob: string | null,
): Promise<PolicyChoice | null> {
  const file = str(args.values.policy);
  const rule = str(args.values.rule);
  const jobname = str(args.values.jobname);
  if (!file) {
    if (rule || jobname) throw new UsageError("--rule and --jobname need --policy FILE");
    return null;
  }
  if (rule && jobname) throw new UsageError("give either --rule or --jobname, not both");
  const { readPolicy } = await import("../../policy/reader.js");
  const text = (await readInput(file, io.cwd)).toString("utf8");
  const policy = readPolicy(text, file);
  // Warnings now; errors after the prediction, with the RACF inputs' errors (see run).
  printIssues(
    policy.issues.filter((i) => i.severity !== "error"),
    io,
  );
  try {
    return choose(policy, file, rule, jobname, startedJob);
  } catch (e) {
    // The rule may be missing because the file is broken: show why before the usage error.
    printIssues(
      policy.issues.filter((i) => i.severity === "error"),
      io,
    );
    throw e;
  }
}

function choose(
  policy: AtTlsPolicy,
  file: string,
  rule: string | undefined,
  jobname: string | undefined,
  startedJob: string | null,
): PolicyChoice | null {
  const rules = policy.statements
    .filter((s) => s.type === "TTLSRule" && s.name !== null)
    .map((s) => clip(s.name ?? ""));
  const ruleList = (): string => clip(rules.join(", ") || "none");
  let chosen = rule ? ruleByName(policy, rule) : undefined;
  let others: string[] = [];
  const job = jobname ?? (rule ? null : startedJob);
  if (rule && !chosen) {
    throw new UsageError(`--rule ${clip(rule)}: no TTLSRule of that name in ${file} (rules: ${ruleList()})`);
  }
  if (!rule) {
    if (!job)
      throw new UsageError(
        "--policy needs --rule NAME or --jobname NAME (or --started PROC to match its job name)",
      );
    const choice = ruleForJobname(policy, job);
    chosen = choice.rule;
    others = choice.others.map((o) => clip(o.name ?? ""));
    if (!chosen)
      throw new UsageError(
        `no TTLSRule in ${file} has a Jobname matching ${clip(job)} (rules: ${ruleList()})`,
      );
  }
  if (!chosen) return null;
  const settings = ruleSettings(policy, chosen);
  const src = (l: { source: Source } | null): Source | null => l?.source ?? null;
  const origin: PolicyOrigin = {
    file,
    rule: settings.rule,
    keyring: src(settings.keyring),
    label: src(settings.label),
    role: settings.role.source,
    clientAuth: settings.clientAuth.source,
    protocols: settings.protocols.source,
    protocolLines: settings.protocols.sources,
    ciphers: src(settings.ciphers),
    defaultedProtocols: settings.protocols.defaulted,
  };
  return { settings, origin, others, issues: policy.issues };
}

/** Standard output, or -o FILE written atomically (never over an existing file without --force). */
async function emit(text: string, output: string | undefined, force: boolean, io: Io): Promise<void> {
  if (output === undefined) {
    io.out(text);
    return;
  }
  await writeFileSafe(resolve(io.cwd, output), text, { force });
  io.err(`racfring simulate: result written to ${neutralise(output)}\n`);
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const v = args.values;
  const userFlag = str(v.user);
  const startedFlag = str(v.started);
  if (userFlag && startedFlag) throw new UsageError("give either --user or --started, not both");
  const role = oneOf(str(v.role), ["server", "client"] as const, "role");
  const clientAuth = oneOf(
    str(v["client-auth"]),
    ["none", "passthru", "full", "required"] as const,
    "client-auth",
  );
  const atText = str(v.at);
  const now = atText ? parseDateOption(atText, "at") : io.now();
  if (!args.ordered.some((o) => (INPUT_FLAGS as readonly string[]).includes(o.name))) {
    throw new UsageError("no RACF input: give --jcl, --listing, --unload, --cert or --model");
  }
  if (userFlag && !USERID_RE.test(userFlag.toUpperCase()))
    throw new UsageError(`--user ${clip(userFlag)}: not a user id (1–8 characters)`);
  if (startedFlag !== undefined && !STARTED_SPEC_RE.test(startedFlag.toUpperCase()))
    throw new UsageError(
      `--started ${clip(startedFlag)}: expected PROC or PROC.JOB, each 1–8 characters of A–Z, 0–9, #, $, @ (no generic characters)`,
    );
  const labelFlag = str(v.label);
  if (labelFlag !== undefined && labelFlag.length > LABEL_MAX)
    throw new UsageError(
      `--label ${clip(labelFlag)}: a certificate label is at most ${LABEL_MAX} characters (this one has ${labelFlag.length})`,
    );
  // Check the ring's syntax before reading any input; the owner is known only later.
  const keyringFlag = str(v.keyring);
  if (keyringFlag !== undefined) parseKeyring(keyringFlag, "USER");
  if (v["no-peer-cert"] === true && strs(v["peer-cert"]).length > 0)
    throw new UsageError("--no-peer-cert and --peer-cert exclude each other");
  const format =
    oneOf(str(v.format), ["text", "json", "html"] as const, "format") ?? (v.json === true ? "json" : "text");
  if (v.json === true && format !== "json")
    throw new UsageError(`--json and --format ${format} exclude each other`);
  const output = str(v.output);

  const { model } = await loadInputs(args, io.cwd, io.now(), progressFor(io));
  const context: string[] = [];

  let user = userFlag?.toUpperCase() ?? null;
  let userOrigin: SimRequest["userOrigin"] = null;
  let startedJob: string | null = null;
  if (startedFlag) {
    const { startedUser } = await import("../../sim/started.js");
    const su = startedUser(model, startedFlag);
    startedJob = su.resource.split(".")[1] ?? null;
    if (!su.user) throw new InputError(`--started ${clip(startedFlag)}: ${su.problem ?? "no user"}`);
    user = su.user;
    const p = su.profile;
    userOrigin = {
      description: `STARTED profile ${p?.name ?? "?"} matches ${su.resource}${p?.stdata?.user === "=MEMBER" ? " with STDATA USER(=MEMBER)" : ` with STDATA USER(${su.user})`}`,
      startedProfile: p?.name ?? null,
      sources: p?.sources ?? [],
    };
    context.push(
      `Started task ${startedFlag}: ${userOrigin.description}${p ? ` (${p.sources.map(formatSource).join(", ")})` : ""}.`,
    );
  }

  const policy = await choosePolicy(args, io, startedJob);
  if (policy) {
    const s = policy.settings;
    context.push(
      `AT-TLS rule ${clip(s.rule)} (${policy.origin.file}:${s.ruleLine}); policy objects used: ${s.objects.map((o) => `${o.type}${o.name ? ` ${clip(o.name)}` : ""} (${o.how}, line ${o.line})`).join(", ")}.`,
    );
    if (policy.others.length > 0)
      context.push(`Lower-priority rules that also match: ${clip(policy.others.join(", "))}.`);
    for (const n of s.notes) context.push(`Policy note: ${n}.`);
    if (!user && s.userid && !/[*%]/.test(s.userid)) {
      if (!USERID_RE.test(s.userid.toUpperCase()))
        throw new InputError(
          `${policy.origin.file}: Userid ${clip(s.userid)} of rule ${clip(s.rule)} is not a user id (1–8 characters)`,
        );
      user = s.userid.toUpperCase();
      userOrigin = {
        description: `Userid ${s.userid} of rule ${clip(s.rule)}`,
        startedProfile: null,
        sources: [],
      };
    }
  }
  if (!user)
    throw new UsageError("give --user USERID or --started PROC (the user id the application runs as)");

  const policyRing = policy?.settings.keyring ?? null;
  const keyringText = keyringFlag ?? policyRing?.value;
  if (!keyringText)
    throw new UsageError("give --keyring [OWNER/]RING (or a --policy rule with TTLSKeyringParms Keyring)");
  if (keyringFlag && policyRing)
    context.push(`--keyring overrides the policy's Keyring ${clip(policyRing.value)}.`);
  let ring: { owner: string; name: string };
  try {
    ring = parseKeyring(keyringText, user);
  } catch (e) {
    // A Keyring value from the policy file is invalid input, not a usage error: name its line.
    if (keyringFlag || !policyRing || !(e instanceof UsageError)) throw e;
    throw new InputError(
      `${formatSource(policyRing.source)}: Keyring ${e.message.replace(/^--keyring /, "")}`,
    );
  }
  const policyLabel = policy?.settings.label ?? null;
  if (labelFlag === undefined && policyLabel && policyLabel.value.length > LABEL_MAX)
    throw new InputError(
      `${formatSource(policyLabel.source)}: CertificateLabel ${clip(policyLabel.value)} is longer than ${LABEL_MAX} characters, the longest label RACF allows`,
    );

  const tlsText = str(v.tls);
  let protocols: string[] | null = null;
  if (tlsText) {
    const { parseProtocol } = await import("../../sim/ciphers.js");
    protocols = tlsText.split(/[\s,]+/).filter((t) => t !== "");
    const bad = protocols.find((p) => parseProtocol(p) === undefined);
    if (bad !== undefined) throw new UsageError(`--tls: "${clip(bad)}" is not a protocol (use e.g. 1.2,1.3)`);
  } else if (policy) protocols = policy.settings.protocols.enabled;
  const cipherText = str(v.ciphers);
  const ciphers = cipherText ? [cipherText] : (policy?.settings.ciphers?.value ?? null);

  const peerFiles = strs(v["peer-cert"]);
  const peers = await peerCertificates(peerFiles, io.cwd, io);

  const origin = policy
    ? {
        ...policy.origin,
        ...(tlsText ? { protocols: null, protocolLines: [], defaultedProtocols: [] } : {}),
        ...(cipherText ? { ciphers: null } : {}),
        ...(keyringFlag ? { keyring: null } : {}),
        ...(labelFlag !== undefined ? { label: null } : {}),
      }
    : null;
  const req: SimRequest = {
    user,
    ring,
    label: labelFlag ?? policyLabel?.value ?? null,
    role: role ?? policy?.settings.role.value ?? "server",
    clientAuth: clientAuth ?? policy?.settings.clientAuth.value ?? "none",
    at: now,
    protocols,
    ciphers,
    userOrigin,
    policy: origin,
    assumeDenied: v["assume-denied"] === true,
  };
  if (peerFiles.length > 0) req.peerCertificates = peers;
  else if (v["no-peer-cert"] === true) req.peerCertificates = [];

  const { simulate } = await import("../../sim/simulate.js");
  const result = simulate(model, req);
  if (format === "json") {
    const extra = {
      request: { at: now.toISOString(), role: req.role, clientAuth: req.clientAuth, protocols, ciphers },
      identity: userOrigin,
      policy: policy
        ? {
            file: policy.origin.file,
            rule: policy.settings.rule,
            objects: policy.settings.objects,
            notes: policy.settings.notes,
          }
        : null,
      inputIssues: model.state.issues,
    };
    await emit(jsonText("simulate", { ...result, ...extra }), output, v.force === true, io);
  } else if (format === "html") {
    printIssues(
      model.state.issues.filter((i) => i.severity !== "error"),
      io,
    );
    const { formatSimulationHtml } = await import("../../audit/format/html/simulation.js");
    await emit(formatSimulationHtml(result, model, now, context), output, v.force === true, io);
  } else {
    printIssues(
      model.state.issues.filter((i) => i.severity !== "error"),
      io,
    );
    const { formatResult } = await import("../../sim/format.js");
    // On the terminal the output is wrapped once, to its width (printText).
    if (output === undefined)
      printText(io, formatResult(result, { context, width: Number.POSITIVE_INFINITY }));
    else await emit(formatResult(result, { context }), output, v.force === true, io);
  }
  // As `racfring model`: the prediction is printed even when an input has errors (what could be
  // read is still useful), then the errors, and the exit code says the input was not valid.
  const errors = [...(policy?.issues ?? []), ...model.state.issues].filter((i) => i.severity === "error");
  if (errors.length > 0) {
    printIssues(errors, io, 50);
    io.err(
      `racfring simulate: ${errors.length} input error(s); the prediction above may rest on incomplete input.\n`,
    );
    return EXIT.input;
  }
  if (result.rc !== 0) return EXIT.findings;
  return result.conditions.length > 0 ? EXIT_CONDITIONAL : EXIT.ok;
}

/** RC 0 predicted, but only under conditions the inputs do not show (see exitCodes). */
const EXIT_CONDITIONAL = 4;
