/**
 * `racfring simulate`: predict System SSL's return code when an application opens its key ring
 * and shakes hands. I/O only — the rules live in src/sim (simulate, started) and src/policy.
 */

import { formatSource, USERID_RE } from "../../model/model.js";
import type { Certificate, InputIssue, Source } from "../../model/types.js";
import type { RuleSettings } from "../../policy/settings.js";
import type { PolicyOrigin, SimRequest } from "../../sim/simulate.js";
import { type CommandSpec, type Io, type ParsedArgs, str, strs } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { readInput } from "../files.js";
import { INPUT_FLAGS, INPUT_OPTIONS, loadInputs, parseDateOption } from "../inputs.js";

export const spec: CommandSpec = {
  name: "simulate",
  summary: "Predict System SSL's return code when an application opens its key ring",
  usage:
    "racfring simulate <inputs> {--user USERID | --started PROC[.JOB]} --keyring [OWNER/]RING [--label LABEL] [--role server|client] [--client-auth none|passthru|full|required] [--at DATE] [--peer-cert FILE]... [--tls LIST] [--ciphers LIST] [--policy FILE [--rule NAME | --jobname NAME]] [--json]",
  description: `
Follows System SSL's order: resolve the ring, authorise the read (RDATALIB <owner>.<RING>.LST or
FACILITY IRR.DIGTCERT.LISTRING), load the entries, decide which private keys come back, select the
certificate (label or DEFAULT), check its dates and key usage, protocols and cipher suites, and the
partner's certificate. Prints each step with the input line it relied on, the rule's source and
confidence (IBM, third-party, UNCONFIRMED), the predicted return code for both sides, the RACF
commands that fix it, and every assumption made.

--keyring RING is the user's own ring; OWNER/RING another user's; OWNER/*, *AUTH*/* and *SITE*/*
are virtual rings. With --policy, the key ring, label, role, client authentication, protocols and
ciphers come from the AT-TLS rule chosen by --rule or --jobname (flags given explicitly win).`,
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
    json: { type: "boolean", description: "Print the result as JSON" },
  },
  examples: [
    "racfring simulate --jcl setup.jcl --started FTPD --keyring FTPD/SERVRING",
    "racfring simulate --jcl setup.jcl --user TCPIP --keyring FTPD/SERVRING --label 'FTP Server' --json",
    "racfring simulate --unload irrdbu00.txt --policy ftp.policy --rule FTPServerRule --started FTPD",
    "racfring simulate --jcl setup.jcl --user WEBCLNT --keyring '*AUTH*/*' --role client --peer-cert server.pem",
  ],
  exitCodes: {
    0: "System SSL is predicted to succeed (RC 0)",
    1: "A failure is predicted (any other return code)",
    2: "Usage error (missing or conflicting options, unknown policy rule)",
    3: "An input cannot be read or is invalid",
  },
};

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase() as T;
  if (!allowed.includes(v))
    throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  return v;
}

/** `[OWNER/]RING` → owner and name; OWNER defaults to the application's user. */
export function parseKeyring(input: string, user: string): { owner: string; name: string } {
  // Java's form (Liberty, MQ, Zowe): safkeyring://OWNER/RING, or safkeyring:///RING for one's own
  // ring; the hardware/hybrid variants name the same RACF ring.
  const java = /^safkeyring(?:hw|hybrid|jce|jcehw|jcecca|jcehybrid)?:\/\/(.*)$/i.exec(input);
  const text = java ? (java[1] ?? "").replace(/^\//, "") : input;
  if (java && text === "") throw new UsageError(`--keyring ${input}: ring name missing`);
  if (text.startsWith("/") || text.startsWith("*TOKEN*")) {
    throw new UsageError(
      `--keyring ${text}: racfring simulates SAF key rings only (not key database files or PKCS#11 tokens)`,
    );
  }
  const slash = text.indexOf("/");
  if (slash < 0) return { owner: user, name: text };
  const owner = text.slice(0, slash).toUpperCase();
  const name = text.slice(slash + 1);
  if (!name) throw new UsageError(`--keyring ${text}: ring name missing after "/"`);
  if (owner !== "*AUTH*" && owner !== "*SITE*" && !USERID_RE.test(owner)) {
    throw new UsageError(`--keyring ${text}: "${owner}" is not a user id (1–8 characters), *AUTH* or *SITE*`);
  }
  if (owner.startsWith("*") && name !== "*")
    throw new UsageError(`--keyring ${text}: ${owner} only has the virtual ring ${owner}/*`);
  return { owner, name };
}

async function peerCertificates(files: string[], cwd: string, io: Io): Promise<Certificate[]> {
  if (files.length === 0) return [];
  const { parseCertificateData } = await import("../../pki/x509.js");
  const out: Certificate[] = [];
  for (const file of files) {
    const data = await readInput(file, cwd);
    const parsed = await parseCertificateData(new Uint8Array(data));
    for (const p of parsed.problems) io.err(`${file}:${p.line}: ${p.severity}: ${p.message}\n`);
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

function printIssues(issues: readonly InputIssue[], io: Io): void {
  const shown = issues.slice(0, 20);
  for (const i of shown)
    io.err(`${i.file}:${i.line}${i.column ? `:${i.column}` : ""}: ${i.severity}: ${i.message} [${i.code}]\n`);
  if (issues.length > shown.length) io.err(`… and ${issues.length - shown.length} more input issue(s)\n`);
}

interface PolicyChoice {
  settings: RuleSettings;
  origin: PolicyOrigin;
  others: string[];
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
  const { ruleByName, ruleForJobname, ruleSettings } = await import("../../policy/settings.js");
  const text = (await readInput(file, io.cwd)).toString("utf8");
  const policy = readPolicy(text, file);
  printIssues(policy.issues, io);
  const rules = policy.statements
    .filter((s) => s.type === "TTLSRule" && s.name !== null)
    .map((s) => s.name ?? "");
  let chosen = rule ? ruleByName(policy, rule) : undefined;
  let others: string[] = [];
  const job = jobname ?? (rule ? null : startedJob);
  if (rule && !chosen) {
    throw new UsageError(
      `--rule ${rule}: no TTLSRule of that name in ${file} (rules: ${rules.join(", ") || "none"})`,
    );
  }
  if (!rule) {
    if (!job)
      throw new UsageError(
        "--policy needs --rule NAME or --jobname NAME (or --started PROC to match its job name)",
      );
    const choice = ruleForJobname(policy, job);
    chosen = choice.rule;
    others = choice.others.map((o) => o.name ?? "");
    if (!chosen)
      throw new UsageError(
        `no TTLSRule in ${file} has a Jobname matching ${job} (rules: ${rules.join(", ") || "none"})`,
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
  return { settings, origin, others };
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
    throw new UsageError(`--user ${userFlag}: not a user id (1–8 characters)`);
  if (v["no-peer-cert"] === true && strs(v["peer-cert"]).length > 0)
    throw new UsageError("--no-peer-cert and --peer-cert exclude each other");

  const { model } = await loadInputs(args, io.cwd, io.now());
  const context: string[] = [];

  let user = userFlag?.toUpperCase() ?? null;
  let userOrigin: SimRequest["userOrigin"] = null;
  let startedJob: string | null = null;
  if (startedFlag) {
    const { startedUser } = await import("../../sim/started.js");
    const su = startedUser(model, startedFlag);
    startedJob = su.resource.split(".")[1] ?? null;
    if (!su.user) throw new InputError(`--started ${startedFlag}: ${su.problem ?? "no user"}`);
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
      `AT-TLS rule ${s.rule} (${policy.origin.file}:${s.ruleLine}); policy objects used: ${s.objects.map((o) => `${o.type}${o.name ? ` ${o.name}` : ""} (${o.how}, line ${o.line})`).join(", ")}.`,
    );
    if (policy.others.length > 0)
      context.push(`Lower-priority rules that also match: ${policy.others.join(", ")}.`);
    for (const n of s.notes) context.push(`Policy note: ${n}.`);
    if (!user && s.userid && !/[*%]/.test(s.userid)) {
      user = s.userid.toUpperCase();
      userOrigin = { description: `Userid ${s.userid} of rule ${s.rule}`, startedProfile: null, sources: [] };
    }
  }
  if (!user)
    throw new UsageError("give --user USERID or --started PROC (the user id the application runs as)");

  const keyringText = str(v.keyring) ?? policy?.settings.keyring?.value;
  if (!keyringText)
    throw new UsageError("give --keyring [OWNER/]RING (or a --policy rule with TTLSKeyringParms Keyring)");
  if (str(v.keyring) && policy?.settings.keyring)
    context.push(`--keyring overrides the policy's Keyring ${policy.settings.keyring.value}.`);
  const ring = parseKeyring(keyringText, user);

  const tlsText = str(v.tls);
  let protocols: string[] | null = null;
  if (tlsText) {
    const { parseProtocol } = await import("../../sim/ciphers.js");
    protocols = tlsText.split(/[\s,]+/).filter((t) => t !== "");
    const bad = protocols.find((p) => parseProtocol(p) === undefined);
    if (bad) throw new UsageError(`--tls: "${bad}" is not a protocol (use e.g. 1.2,1.3)`);
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
        ...(str(v.keyring) ? { keyring: null } : {}),
        ...(str(v.label) !== undefined ? { label: null } : {}),
      }
    : null;
  const req: SimRequest = {
    user,
    ring,
    label: str(v.label) ?? policy?.settings.label?.value ?? null,
    role: role ?? policy?.settings.role.value ?? "server",
    clientAuth: clientAuth ?? policy?.settings.clientAuth.value ?? "none",
    at: now,
    protocols,
    ciphers,
    userOrigin,
    policy: origin,
  };
  if (peerFiles.length > 0) req.peerCertificates = peers;
  else if (v["no-peer-cert"] === true) req.peerCertificates = [];

  const { simulate } = await import("../../sim/simulate.js");
  const result = simulate(model, req);
  if (v.json === true) {
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
    io.out(`${JSON.stringify({ ...result, ...extra }, null, 2)}\n`);
  } else {
    printIssues(model.state.issues, io);
    const { formatResult } = await import("../../sim/format.js");
    io.out(formatResult(result, { context }));
  }
  return result.rc === 0 ? EXIT.ok : EXIT.findings;
}
