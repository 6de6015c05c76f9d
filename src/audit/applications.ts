/**
 * Who opens which ring. Three sources, in order of trust:
 * 1. `--app USER=[OWNER/]RING[:LABEL]` given by the administrator;
 * 2. AT-TLS policy rules (Keyring, CertificateLabel, HandshakeRole) whose Jobname is mapped to
 *    a user id through the STARTED class (profile `<member>.<jobname>`, STDATA USER; IBM RACF
 *    Security Administrator's Guide, "Using the STARTED class");
 * 3. otherwise each ring is assumed to be used by its owner (said so in the report).
 */
import type { RacfModel } from "../model/model.js";
import type { Source } from "../model/types.js";
import type { Application, PolicyApplication } from "./types.js";

export interface AppSpec {
  user: string;
  owner: string | null;
  ring: string;
  label: string | null;
  role?: "server" | "client" | null;
  clientAuth?: "none" | "passthru" | "full" | "required" | null;
}

const ROLES = ["server", "client"] as const;
const CLIENT_AUTH = ["none", "passthru", "full", "required"] as const;

/**
 * Parse `USER=[OWNER/]RING[:LABEL][;role=server|client][;client-auth=none|passthru|full|required]`;
 * returns an error message instead of throwing. Only trailing `;role=` / `;client-auth=` parts
 * are options, so a label that holds a semicolon otherwise is kept whole.
 */
export function parseAppSpec(value: string): AppSpec | string {
  let role: AppSpec["role"] = null;
  let clientAuth: AppSpec["clientAuth"] = null;
  for (;;) {
    const m = /;\s*(role|client-auth)\s*=\s*([A-Za-z]*)\s*$/i.exec(value);
    if (!m) break;
    const key = (m[1] ?? "").toLowerCase();
    const v = (m[2] ?? "").toLowerCase();
    if (key === "role") {
      if (!(ROLES as readonly string[]).includes(v))
        return `--app ${value}: role must be server or client, not "${m[2]}"`;
      role = v as "server" | "client";
    } else {
      if (!(CLIENT_AUTH as readonly string[]).includes(v))
        return `--app ${value}: client-auth must be none, passthru, full or required, not "${m[2]}"`;
      clientAuth = v as (typeof CLIENT_AUTH)[number];
    }
    value = value.slice(0, m.index);
  }
  const parsed = parseAppTarget(value);
  if (typeof parsed === "string") return parsed;
  return { ...parsed, ...(role ? { role } : {}), ...(clientAuth ? { clientAuth } : {}) };
}

function parseAppTarget(value: string): AppSpec | string {
  const eq = value.indexOf("=");
  if (eq <= 0)
    return `--app ${value}: expected USER=[OWNER/]RING[:LABEL], e.g. TCPIP=FTPD/FTPRing:FTP Server`;
  const user = value.slice(0, eq).trim().toUpperCase();
  if (!/^[A-Z#$@][A-Z0-9#$@]{0,7}$/.test(user))
    return `--app ${value}: "${user}" is not a valid user id (1–8 characters)`;
  let rest = value.slice(eq + 1);
  let label: string | null = null;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    label = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (label.length < 1 || label.length > 32) return `--app ${value}: the label must be 1–32 characters`;
  }
  const slash = rest.indexOf("/");
  const owner = slash >= 0 ? rest.slice(0, slash).trim().toUpperCase() : null;
  const ring = (slash >= 0 ? rest.slice(slash + 1) : rest).trim();
  // Virtual rings (rules §1): `*AUTH*/*`, `*SITE*/*`, `<user>/*`.
  const virtualOwner = owner === "*AUTH*" || owner === "*SITE*";
  if (owner !== null && !virtualOwner && !/^[A-Z#$@][A-Z0-9#$@]{0,7}$/.test(owner)) {
    return `--app ${value}: "${owner}" is not a valid ring owner`;
  }
  if (virtualOwner && ring !== "*")
    return `--app ${value}: ${owner} is only a virtual ring owner: use ${owner}/*`;
  if (ring.length < 1 || ring.length > 237) return `--app ${value}: the ring name must be 1–237 characters`;
  return { user, owner, ring, label };
}

export function applicationFromSpec(spec: AppSpec, raw: string): Application {
  return {
    user: spec.user,
    ring: { owner: spec.owner ?? spec.user, name: spec.ring },
    label: spec.label,
    role: spec.role ?? null,
    clientAuth: spec.clientAuth ?? null,
    origin: "option",
    name: `--app ${raw}`,
    userFrom: "--app",
    evidence: [],
  };
}

/**
 * The user a job runs as, from the STARTED class: resource `<member>.<jobname>`; AT-TLS jobname
 * patterns (`FTPD*`) are reduced to their fixed prefix, taken as both procedure and job name.
 */
export function startedUser(
  model: RacfModel,
  jobname: string,
): { user: string; via: string; profile: string; sources: Source[] } | null {
  const job = jobname.replace(/[*%?].*$/, "").toUpperCase();
  if (job === "") return null;
  const p = model.protectingProfile("STARTED", `${job}.${job}`);
  const u = p?.stdata?.user;
  if (!p || !u) return null;
  const user = u === "=MEMBER" ? job : u.toUpperCase();
  return { user, via: `STARTED ${p.name} STDATA(USER(${u}))`, profile: p.name, sources: p.sources };
}

/** Resolve policy rules to applications; unresolvable ones come back as reasons. */
export function applicationsFromPolicy(
  model: RacfModel,
  policy: readonly PolicyApplication[],
): { apps: Application[]; unresolved: { rule: string; reason: string }[] } {
  const apps: Application[] = [];
  const unresolved: { rule: string; reason: string }[] = [];
  for (const p of policy) {
    if (!p.keyring) {
      unresolved.push({ rule: p.rule, reason: `policy rule ${p.rule} names no Keyring` });
      continue;
    }
    if (p.keyring.startsWith("/") || /\.kdb$/i.test(p.keyring)) {
      unresolved.push({
        rule: p.rule,
        reason: `policy rule ${p.rule} uses the key database file ${p.keyring}, not a RACF key ring`,
      });
      continue;
    }
    const slash = p.keyring.indexOf("/");
    const ringOwner = slash >= 0 ? p.keyring.slice(0, slash).toUpperCase() : null;
    const ringName = slash >= 0 ? p.keyring.slice(slash + 1) : p.keyring;
    let user: string | null = null;
    let userFrom = "";
    let startedProfile: string | null = null;
    const evidence = [...p.evidence];
    if (p.userid) {
      user = p.userid.toUpperCase();
      userFrom = "policy Userid";
    } else if (p.jobname) {
      const st = startedUser(model, p.jobname);
      if (st) {
        user = st.user;
        userFrom = st.via;
        startedProfile = st.profile;
        evidence.push(...st.sources);
      } else {
        const same = p.jobname.replace(/[*%?].*$/, "").toUpperCase();
        if (same && model.user(same)) {
          user = same;
          userFrom = `assumed: no STARTED profile for ${p.jobname}; user ${same} has the job's name`;
        } else if (ringOwner) {
          user = ringOwner;
          userFrom = `assumed: no STARTED profile for ${p.jobname}; the ring's owner`;
        }
      }
    } else if (ringOwner) {
      user = ringOwner;
      userFrom = "assumed: the policy rule names no Jobname or Userid; the ring's owner";
    }
    if (!user) {
      unresolved.push({
        rule: p.rule,
        reason: `the user of policy rule ${p.rule} (Jobname ${p.jobname ?? "none"}) cannot be told from the inputs`,
      });
      continue;
    }
    apps.push({
      user,
      ring: { owner: ringOwner ?? user, name: ringName },
      label: p.label,
      role: p.role,
      origin: "policy",
      name: `policy rule ${p.rule}`,
      userFrom,
      ...(startedProfile ? { startedProfile } : {}),
      evidence,
      ...(p.protocols !== undefined ? { protocols: p.protocols } : {}),
      ...(p.ciphers !== undefined ? { ciphers: p.ciphers } : {}),
    });
  }
  return { apps, unresolved };
}

/**
 * Every ring no application was given for is assumed to be used by its owner — or, when a
 * started task named like the owner is assigned another user by the STARTED class, by that
 * started task's user: a ring FTPD owns is usually opened by the FTPD started task, and field
 * case 4 is exactly that task running as TCPIP. Both are assumptions and the report says which.
 */
export function ownerApplications(model: RacfModel, known: readonly Application[]): Application[] {
  const out: Application[] = [];
  for (const ring of model.state.rings) {
    if (known.some((a) => a.ring.owner === ring.owner && a.ring.name === ring.name)) continue;
    const started = startedUser(model, ring.owner);
    const other = started !== null && started.user !== ring.owner ? started : null;
    out.push({
      user: other ? other.user : ring.owner,
      ring: { owner: ring.owner, name: ring.name },
      label: null,
      role: null,
      origin: "ring-owner",
      name: other
        ? `started task ${ring.owner}, on its owner's ring ${ring.owner}/${ring.name}`
        : `owner of ${ring.owner}/${ring.name}`,
      userFrom: other
        ? `assumed: the started task ${ring.owner} uses its owner's ring; it runs as ${other.user} (${other.via})`
        : "assumed: a ring is used by its owner",
      // A started task named like the owner runs under its STARTED profile either way; its
      // STDATA GROUP is then the current connect group.
      ...(started ? { startedProfile: started.profile } : {}),
      evidence: other ? [...ring.sources, ...other.sources] : ring.sources,
    });
  }
  return out;
}

export function describeApplications(apps: readonly Application[]): string {
  const count = (o: Application["origin"]) => apps.filter((a) => a.origin === o).length;
  const parts: string[] = [];
  if (count("option") > 0) parts.push(`--app (${count("option")})`);
  if (count("policy") > 0) parts.push(`AT-TLS policy + STARTED profiles (${count("policy")})`);
  if (count("ring-owner") > 0) parts.push(`ring owners, assumed (${count("ring-owner")})`);
  return parts.length > 0 ? parts.join(", ") : "none";
}
