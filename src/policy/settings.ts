/**
 * From an AT-TLS policy to the settings System SSL gets for one rule: key ring, certificate
 * label, handshake role, client authentication, protocol versions and cipher suites, each with
 * the file:line it came from.
 *
 * Precedence (IBM IP Configuration Reference, TTLSConnectionAction and
 * TTLSConnectionAdvancedParms statements): a value on the connection action / connection advanced
 * parms is used instead of the one on the environment action / environment advanced parms that
 * the same rule references.
 *
 * Defaults: HandshakeRole Server; ClientAuthType Required (only with ServerWithClientAuth);
 * TLSv1 On, TLSv1.1 On, TLSv1.2 Off, TLSv1.3 Off, SSLv2/SSLv3 Off — z/OS V2R1
 * TTLSEnvironmentAdvancedParms (KC21 halz001/ttlsenvironmentadvancedparms.htm). Later releases
 * may differ; every protocol taken from a default is reported so that the simulator lists it as
 * an assumption.
 */

import { genericMatches } from "../model/profiles.js";
import type { Source } from "../model/types.js";
import type { Protocol } from "../sim/ciphers.js";
import { type AtTlsPolicy, clip, findStatement, type PolicyParam, type PolicyStatement } from "./reader.js";

export interface Located<T> {
  value: T;
  source: Source;
}

export interface PolicyObjectRef {
  type: string;
  name: string | null;
  line: number;
  /** "referenced" by name from another statement, or "inline". */
  how: "rule" | "referenced" | "inline";
}

export interface RuleSettings {
  rule: string;
  ruleLine: number;
  /** Every statement that contributed, in the order they were consulted. */
  objects: PolicyObjectRef[];
  ttlsEnabled: Located<boolean> | null;
  keyring: Located<string> | null;
  label: Located<string> | null;
  role: Located<"server" | "client">;
  clientAuth: Located<"none" | "passthru" | "full" | "required">;
  /** `source` is the first protocol switch; `sources` every switch the policy sets. */
  protocols: { enabled: Protocol[]; source: Source | null; sources: Source[]; defaulted: string[] };
  ciphers: Located<string[]> | null;
  jobname: string | null;
  userid: string | null;
  direction: string | null;
  priority: number | null;
  notes: string[];
}

const V2R1_DEFAULTS: Record<string, boolean> = {
  SSLv3: false,
  TLSv1: true,
  "TLSv1.1": true,
  "TLSv1.2": false,
  "TLSv1.3": false,
};

function param(s: PolicyStatement | undefined, name: string): PolicyParam | undefined {
  if (!s) return undefined;
  const lower = name.toLowerCase();
  let found: PolicyParam | undefined;
  // The last occurrence wins for single-valued parameters.
  for (const p of s.params) if (p.name.toLowerCase() === lower) found = p;
  return found;
}

function params(s: PolicyStatement | undefined, name: string): PolicyParam[] {
  const lower = name.toLowerCase();
  return s ? s.params.filter((p) => p.name.toLowerCase() === lower) : [];
}

/**
 * Rule conditions: a TTLSRule matches a job name when its Jobname (which may end in `*`, or use
 * `*`/`%` as generic characters) matches.
 */
export function jobnameMatches(pattern: string, jobname: string): boolean {
  const p = pattern.toUpperCase();
  const j = jobname.toUpperCase();
  if (!/[*%]/.test(p)) return p === j;
  return genericMatches(p, j);
}

export interface RuleChoice {
  rule: PolicyStatement | undefined;
  /** Other rules that also matched, lower in priority. */
  others: PolicyStatement[];
}

function priorityOf(rule: PolicyStatement): number {
  const v = param(rule, "Priority")?.values[0];
  const n = v === undefined ? Number.NaN : Number(v);
  return Number.isFinite(n) ? n : 0;
}

/**
 * Pick the rule for a job: highest Priority first, then alphabetical within a priority (IBM:
 * "Policy Agent orders rules in alphabetical order within priority", AT-TLS rules, V2R2 halz002/
 * attls_rules.htm).
 */
export function ruleForJobname(policy: AtTlsPolicy, jobname: string): RuleChoice {
  const rules = policy.statements.filter((s) => s.type === "TTLSRule" && s.name !== null);
  const matching = rules.filter((r) => {
    const j = param(r, "Jobname")?.values[0];
    return j !== undefined && jobnameMatches(j, jobname);
  });
  matching.sort((a, b) => priorityOf(b) - priorityOf(a) || (a.name ?? "").localeCompare(b.name ?? ""));
  const [rule, ...others] = matching;
  return { rule, others };
}

export function ruleByName(policy: AtTlsPolicy, name: string): PolicyStatement | undefined {
  return findStatement(policy, "TTLSRule", name);
}

/**
 * The statement a rule or action uses for `type`: an inline block, or the named one its `<type>Ref`
 * parameter points at. Unresolved references were reported by the reader.
 */
function sub(
  policy: AtTlsPolicy,
  owner: PolicyStatement | undefined,
  type: string,
  objects: PolicyObjectRef[],
): PolicyStatement | undefined {
  if (!owner) return undefined;
  const inline = owner.children.find((c) => c.type === type);
  if (inline) {
    objects.push({ type, name: inline.name, line: inline.line, how: "inline" });
    return inline;
  }
  // References are named after their target: TTLSKeyringParmsRef → TTLSKeyringParms.
  const ref = param(owner, `${type}Ref`)?.values[0];
  if (ref === undefined) return undefined;
  const target = findStatement(policy, type, ref);
  if (target) objects.push({ type, name: target.name, line: target.line, how: "referenced" });
  return target;
}

/** Everything System SSL gets from one rule. */
export function ruleSettings(policy: AtTlsPolicy, rule: PolicyStatement): RuleSettings {
  const file = policy.file;
  const src = (line: number): Source => ({ file, line, kind: "policy" });
  const objects: PolicyObjectRef[] = [{ type: "TTLSRule", name: rule.name, line: rule.line, how: "rule" }];
  const notes: string[] = [];
  const ref = (type: string, refParam: string): PolicyStatement | undefined => {
    const name = param(rule, refParam)?.values[0];
    if (name === undefined) return undefined;
    const s = findStatement(policy, type, name);
    if (s) objects.push({ type, name, line: s.line, how: "referenced" });
    return s;
  };
  const group = ref("TTLSGroupAction", "TTLSGroupActionRef");
  const env = ref("TTLSEnvironmentAction", "TTLSEnvironmentActionRef");
  const conn = ref("TTLSConnectionAction", "TTLSConnectionActionRef");
  const keyringParms = sub(policy, env, "TTLSKeyringParms", objects);
  const envAdv = sub(policy, env, "TTLSEnvironmentAdvancedParms", objects);
  const connAdv = sub(policy, conn, "TTLSConnectionAdvancedParms", objects);
  const envCiphers = sub(policy, env, "TTLSCipherParms", objects);
  const connCiphers = sub(policy, conn, "TTLSCipherParms", objects);

  const enabledParam = param(group, "TTLSEnabled");
  const ttlsEnabled = enabledParam
    ? { value: (enabledParam.values[0] ?? "").toLowerCase() === "on", source: src(enabledParam.line) }
    : null;
  if (!group)
    notes.push(`rule ${clip(rule.name ?? "?")} has no TTLSGroupAction: AT-TLS does not apply to it`);
  else if (ttlsEnabled && !ttlsEnabled.value)
    notes.push(
      `TTLSEnabled Off in TTLSGroupAction ${clip(group.name ?? "")}: the connection is not protected by AT-TLS`,
    );

  const kr = param(keyringParms, "Keyring");
  const keyring = kr?.values[0] !== undefined ? { value: kr.values[0], source: src(kr.line) } : null;

  // Label: the connection's advanced parms win over the environment's. ServerCertificateLabel
  // (a list of labels a server may choose from) is taken when no CertificateLabel is set; its
  // first label is used.
  let label: Located<string> | null = null;
  for (const s of [connAdv, envAdv]) {
    const p = param(s, "CertificateLabel") ?? param(s, "ServerCertificateLabel");
    if (p && p.values.length > 0) {
      label = { value: p.values.join(" "), source: src(p.line) };
      if (
        p.name.toLowerCase() === "servercertificatelabel" &&
        params(s, "ServerCertificateLabel").length > 1
      ) {
        notes.push("several ServerCertificateLabel values: racfring simulates the first");
      }
      break;
    }
  }

  const roleParam = param(conn, "HandshakeRole") ?? param(env, "HandshakeRole");
  const roleText = (roleParam?.values[0] ?? "Server").toLowerCase();
  const role: Located<"server" | "client"> = {
    value: roleText === "client" ? "client" : "server",
    source: roleParam ? src(roleParam.line) : src(env?.line ?? rule.line),
  };

  let clientAuth: Located<"none" | "passthru" | "full" | "required"> = { value: "none", source: role.source };
  if (roleText === "serverwithclientauth") {
    const cat = param(connAdv, "ClientAuthType") ?? param(envAdv, "ClientAuthType");
    const v = (cat?.values[0] ?? "Required").toLowerCase();
    // SAFCheck validates like Required and then maps the certificate to a user id.
    const value = v === "passthru" ? "passthru" : v === "full" ? "full" : "required";
    if (v === "safcheck")
      notes.push(
        "ClientAuthType SAFCheck: simulated as Required (the certificate-to-user mapping is not checked)",
      );
    clientAuth = { value, source: cat ? src(cat.line) : roleParam ? src(roleParam.line) : role.source };
  }

  const enabled: Protocol[] = [];
  const defaulted: string[] = [];
  let protoLine: number | null = null;
  const protoSources: Source[] = [];
  for (const proto of ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"] as const) {
    const p = param(connAdv, proto) ?? param(envAdv, proto);
    let on: boolean;
    if (p) {
      on = (p.values[0] ?? "").toLowerCase() === "on";
      protoLine ??= p.line;
      protoSources.push(src(p.line));
    } else {
      on = V2R1_DEFAULTS[proto] ?? false;
      defaulted.push(`${proto} ${on ? "On" : "Off"}`);
    }
    if (on) enabled.push(proto);
  }

  let ciphers: Located<string[]> | null = null;
  const cipherStmt = connCiphers ?? envCiphers;
  if (cipherStmt) {
    const list: string[] = [];
    let first: number | null = null;
    for (const p of cipherStmt.params) {
      const n = p.name.toLowerCase();
      if (n === "v3ciphersuites4char") {
        list.push(...(p.values.join("").match(/.{1,4}/g) ?? []));
      } else if (n === "v3ciphersuites") {
        for (const v of p.values) {
          // A constant name, or a run of 2-character System SSL codes (V3CipherSuites "352F0A").
          if (/^TLS_|^SSL_/i.test(v)) list.push(v);
          else list.push(...(v.match(/.{1,2}/g) ?? []));
        }
      } else continue;
      first ??= p.line;
    }
    if (first !== null) ciphers = { value: list, source: src(first) };
  }

  const cond = (name: string): string | null => param(rule, name)?.values[0] ?? null;
  const prio = cond("Priority");
  return {
    rule: rule.name ?? "",
    ruleLine: rule.line,
    objects,
    ttlsEnabled,
    keyring,
    label,
    role,
    clientAuth,
    protocols: {
      enabled,
      source: protoLine !== null ? src(protoLine) : null,
      sources: protoSources,
      defaulted,
    },
    ciphers,
    jobname: cond("Jobname"),
    userid: cond("Userid"),
    direction: cond("Direction"),
    priority: prio !== null && Number.isFinite(Number(prio)) ? Number(prio) : null,
    notes,
  };
}
