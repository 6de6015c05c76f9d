/**
 * Plans on top of what the site already has.
 *
 * A plan may refer to objects it does not create: an existing CERTAUTH/SITE authority that
 * signs (`existing.authorities`, GENCERT ... SIGNWITH), an existing certificate to connect
 * (`existing.certificates`), an existing user (`users` without `create: true`) and an existing
 * ring to add connections to (`rings[].existing: true`).
 *
 * With the site's state (read from --jcl/--listing/--unload/--model), every reference must be
 * found there, and nothing the plan creates may exist already: RACDCERT GENCERT/ADD fail when
 * the label is taken for that owner and ADDRING fails for an existing ring (IBM RACF Command
 * Language Reference, RACDCERT; messages IRRD107I/IRRD114I). The setup jobs are then read back
 * on top of that state, so every application is simulated against the merged state.
 *
 * Without inputs the references cannot be checked: they are assumed, said so in the output and
 * the runbook, and the read-back starts from a state holding just those assumed objects.
 */
import { buildChain } from "../model/chain.js";
import { blankCertificate, formatSource, RacfModel as Model, type RacfModel } from "../model/model.js";
import type { Source } from "../model/types.js";
import { formatPath, type PlanIssue, type PlanLocator, type PlanPath } from "./plan.js";
import type { ResolvedPlan } from "./resolved.js";

/** The site's current state, as the inputs describe it. */
export interface SiteState {
  model: RacfModel;
  /** The input files, for messages. */
  files: string[];
}

/** One object the plan refers to, and whether it was found or is assumed. */
export interface Reference {
  what: string;
  /** Where the inputs show it; null when assumed (no inputs given). */
  foundAt: string | null;
}

function where(sources: readonly Source[]): string {
  const s = sources.find((x) => x.file);
  return s ? formatSource(s) : "the inputs";
}

function inputsText(state: SiteState): string {
  const f = state.files;
  return f.length === 0 ? "the inputs" : f.length <= 3 ? f.join(", ") : `${f.slice(0, 3).join(", ")}, ...`;
}

/**
 * Check a resolved plan against the site's state. Resolved arrays match the plan's arrays one
 * to one (a plan with any problem is not resolved), so plan paths follow from the indices.
 */
export function checkAgainstState(plan: ResolvedPlan, state: SiteState, locator: PlanLocator): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (path: PlanPath, message: string) => {
    const pos = locator.locate(path);
    issues.push({ file: locator.file, line: pos.line, column: pos.column, path: formatPath(path), message });
  };
  const m = state.model;
  const inputs = inputsText(state);

  plan.existingAuthorities.forEach((a, i) => {
    const cert = m.certificate(a.ownerKeyword, a.label);
    if (!cert) {
      add(
        ["existing", "authorities", i, "label"],
        `${a.ownerKeyword} certificate "${a.label}" is not in ${inputs} (labels are case-sensitive)`,
      );
      return;
    }
    const signs = plan.certificates.some((c) => c.signedBy.existing && c.signedBy.label === a.label);
    if (signs && cert.privateKey === false) {
      add(
        ["existing", "authorities", i, "label"],
        `${a.ownerKeyword} "${a.label}" (${where(cert.sources)}) has no private key in RACF: it cannot sign (GENCERT SIGNWITH needs the key)`,
      );
    }
  });
  plan.existingCertificates.forEach((c, i) => {
    if (!m.certificate(c.ownerKeyword, c.label))
      add(
        ["existing", "certificates", i, "label"],
        `${c.ownerKeyword} certificate "${c.label}" is not in ${inputs} (labels are case-sensitive)`,
      );
  });
  plan.users.forEach((u, i) => {
    const found = m.user(u.id);
    if (u.create && found && !found.implied) {
      add(
        ["users", i, "id"],
        `user ${u.id} exists already (${where(found.sources)}); drop create: true to use it (ADDUSER would fail)`,
      );
    } else if (!u.create && !found) {
      add(["users", i, "id"], `user ${u.id} is not in ${inputs}; add create: true to define it`);
    }
  });
  plan.authorities.forEach((a, i) => {
    a.chain.forEach((ca) => {
      const found = m.certificate("CERTAUTH", ca.label);
      if (!found) return;
      const path: PlanPath =
        ca.level === "root" ? ["authorities", i, "label"] : ["authorities", i, "intermediate", "label"];
      add(
        path,
        `CERTAUTH already has a certificate labelled "${ca.label}" (${where(found.sources)}); choose another label, or list it under existing.authorities to sign with it`,
      );
    });
  });
  plan.certificates.forEach((c, i) => {
    const found = m.certificate(c.ownerKeyword, c.label);
    if (found)
      add(
        ["certificates", i, "label"],
        `${c.ownerKeyword} already has a certificate labelled "${c.label}" (${where(found.sources)}); choose another label, or list it under existing.certificates to connect it`,
      );
  });
  plan.rings.forEach((r, i) => {
    const found = m.ring(r.owner, r.name);
    if (r.existing && !found) {
      add(
        ["rings", i, "name"],
        `ring ${r.owner}/${r.name} is not in ${inputs} (ring names are case-sensitive); drop existing: true to create it`,
      );
      return;
    }
    if (!r.existing && found) {
      add(
        ["rings", i, "name"],
        `ring ${r.owner}/${r.name} exists already (${where(found.sources)}); set existing: true to add the plan's connections to it`,
      );
      return;
    }
    if (!found) return;
    r.connections.forEach((k, j) => {
      const conn = found.connections.find((x) => x.owner === k.ownerKeyword && x.label === k.label);
      if (conn)
        add(
          ["rings", i, "connect", j],
          `"${k.label}" (${k.ownerKeyword}) is already connected to ${r.owner}/${r.name} (${where(conn.sources)}); remove it from the plan`,
        );
    });
  });
  return issues;
}

/** Ring profiles (RDATALIB) the site has already, as `CLASS PROFILE` → where the inputs show them. */
export function existingProfilesOf(state: SiteState | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!state) return out;
  for (const p of state.model.profilesOf("RDATALIB"))
    if (!p.generic) out.set(`RDATALIB ${p.name.toUpperCase()}`, where(p.sources));
  return out;
}

/** Everything the plan refers to without creating it. */
export function referencesOf(plan: ResolvedPlan, state: SiteState | null): Reference[] {
  const out: Reference[] = [];
  const m = state?.model ?? null;
  for (const a of plan.existingAuthorities) {
    const c = m?.certificate(a.ownerKeyword, a.label);
    out.push({
      what: `${a.ownerKeyword} certificate "${a.label}" (signs)`,
      foundAt: c ? where(c.sources) : null,
    });
  }
  for (const x of plan.existingCertificates) {
    const c = m?.certificate(x.ownerKeyword, x.label);
    out.push({ what: `${x.ownerKeyword} certificate "${x.label}"`, foundAt: c ? where(c.sources) : null });
  }
  for (const u of plan.users.filter((x) => !x.create)) {
    const f = m?.user(u.id);
    out.push({ what: `user ${u.id}`, foundAt: f ? where(f.sources) : null });
  }
  for (const r of plan.rings.filter((x) => x.existing)) {
    const f = m?.ring(r.owner, r.name);
    out.push({ what: `ring ${r.owner}/${r.name}`, foundAt: f ? where(f.sources) : null });
  }
  return out;
}

/**
 * `connect: { authority: ID }` puts the CA's whole chain on the ring. For a CA the plan creates
 * the plan knows the chain; for an existing one only the site's state does: its issuers are
 * found as RACDCERT LISTCHAIN finds them (src/model/chain.ts) and connected with USAGE(CERTAUTH)
 * unless the ring has them already. A partner validating the server's certificate, and System
 * SSL building the chain it sends, need every CA up to the root on the ring (racf-rules §6).
 * Changes `plan` in place; returns what was added and what could not be, for the output.
 */
export function connectExistingIssuers(
  plan: ResolvedPlan,
  state: SiteState | null,
  at: Date,
): { notes: string[]; warnings: string[] } {
  const notes: string[] = [];
  const warnings: string[] = [];
  const existingCa = new Set(plan.existingAuthorities.map((a) => `${a.ownerKeyword}\u0000${a.label}`));
  for (const ring of plan.rings) {
    const cas = ring.connections.filter(
      (k) => k.cert === null && existingCa.has(`${k.ownerKeyword}\u0000${k.label}`),
    );
    for (const k of cas) {
      if (!state) {
        warnings.push(
          `${k.ownerKeyword} "${k.label}" on ${ring.owner}/${ring.name}: without the site's state (--jcl, --listing, --unload, --model) its issuers are not known; if it is not a root, connect them too`,
        );
        continue;
      }
      const m = state.model;
      const cert = m.certificate(k.ownerKeyword, k.label);
      if (!cert) continue; // checkAgainstState has refused the plan already
      const chain = buildChain(m, cert, at);
      const onRing = (owner: string, label: string) =>
        ring.connections.some((c) => c.ownerKeyword === owner && c.label === label) ||
        (ring.existing &&
          (m.ring(ring.owner, ring.name)?.connections ?? []).some(
            (c) => c.owner === owner && c.label === label,
          ));
      for (const issuer of chain.certs.slice(1)) {
        // Model owners are spelled as RACDCERT writes them: CERTAUTH, SITE or ID(user).
        const owner = issuer.owner;
        if (onRing(owner, issuer.label)) continue;
        ring.connections.push({
          ownerKeyword: owner,
          label: issuer.label,
          usage: "CERTAUTH",
          default: false,
          cert: null,
        });
        notes.push(
          `${owner} "${issuer.label}" (${where(issuer.sources)}) issued ${k.ownerKeyword} "${k.label}": connected to ${ring.owner}/${ring.name} with USAGE(CERTAUTH) so that the ring holds the whole chain`,
        );
      }
      if (!chain.complete)
        warnings.push(
          chain.unknown
            ? `the chain above ${k.ownerKeyword} "${k.label}" cannot be followed: the inputs lack its issuer's DN`
            : `the issuer of ${chain.certs.length > 1 ? `"${chain.certs[chain.certs.length - 1]?.label}"` : `${k.ownerKeyword} "${k.label}"`} (${chain.missingIssuer}) is not in ${inputsText(state)}: ${ring.owner}/${ring.name} will hold an incomplete chain unless it is added to RACF and connected`,
        );
    }
  }
  return { notes, warnings };
}

/**
 * The state the read-back starts from when no inputs were given: the referenced objects as
 * the plan describes them — an authority holding its private key, a trusted certificate with
 * a private key when a user owns it, an empty ring, a defined user. Marked as assumptions.
 */
export function assumedState(plan: ResolvedPlan, planFile: string): RacfModel {
  const model = new Model();
  const src: Source = { file: planFile, line: 0, kind: "inferred" };
  const assume = (what: string) =>
    model.assume(`${what} is assumed to exist (no --jcl/--listing/--unload/--model given to check it)`, src);
  for (const a of plan.existingAuthorities) {
    const c = blankCertificate(a.ownerKeyword, a.label, [src]);
    Object.assign(c, { status: "TRUST", privateKey: true, keyUsage: ["CERTSIGN"], selfSigned: true });
    model.addCertificate(c);
    assume(`${a.ownerKeyword} "${a.label}"`);
  }
  for (const x of plan.existingCertificates) {
    const c = blankCertificate(x.ownerKeyword, x.label, [src]);
    const endEntity = x.ownerUser !== null;
    Object.assign(c, {
      status: "TRUST",
      privateKey: endEntity,
      keyUsage: endEntity ? ["HANDSHAKE"] : ["CERTSIGN"],
    });
    model.addCertificate(c);
    assume(`${x.ownerKeyword} "${x.label}"`);
  }
  for (const u of plan.users.filter((x) => !x.create)) {
    model.defineUser(u.id, src);
    assume(`user ${u.id}`);
  }
  for (const r of plan.rings.filter((x) => x.existing)) {
    model.referUser(r.owner, src);
    model.addRing(r.owner, r.name, src);
    assume(`ring ${r.owner}/${r.name}`);
  }
  return model;
}
