/**
 * AT-TLS policy rules as applications: the policy reader and rule resolution are the
 * simulator's (src/policy/: readPolicy, ruleSettings); this adapter keeps what the audit needs
 * per TTLSRule — Jobname/Userid, key ring, certificate label, handshake role, and the
 * protocols and ciphers the simulator checks.
 */
import type { InputIssue } from "../model/types.js";
import { namedStatements, readPolicy, ruleSettings } from "../policy/index.js";
import type { PolicyApplication } from "./types.js";

export interface PolicyRead {
  apps: PolicyApplication[];
  issues: InputIssue[];
}

/** Read the rules of an AT-TLS policy file; rules with TTLSEnabled Off are left out. */
export function readPolicyApplications(text: string, file: string): PolicyRead {
  const policy = readPolicy(text, file);
  const apps: PolicyApplication[] = [];
  for (const rule of namedStatements(policy, "TTLSRule")) {
    const s = ruleSettings(policy, rule);
    if (s.ttlsEnabled && !s.ttlsEnabled.value) continue;
    const evidence = [
      { file, line: s.ruleLine, kind: "policy" as const },
      ...[s.keyring?.source, s.label?.source].flatMap((x) => (x ? [x] : [])),
    ];
    apps.push({
      rule: s.rule,
      jobname: s.jobname,
      userid: s.userid,
      keyring: s.keyring?.value ?? null,
      label: s.label?.value ?? null,
      role: s.role.value,
      evidence,
      protocols: s.protocols.enabled.length > 0 || s.protocols.source ? [...s.protocols.enabled] : null,
      ciphers: s.ciphers?.value ?? null,
    });
  }
  return { apps, issues: policy.issues };
}
