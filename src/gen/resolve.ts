/**
 * From a schema-valid plan to the resolved entities the generators work on: every reference
 * followed, every default applied, every RACF/OpenSSL limit the schema cannot express checked
 * and located in the plan file. A plan with any issue produces no output at all.
 */

import { datasetProblem, labelProblem } from "./names.js";
import type {
  Plan,
  PlanAltNames,
  PlanApplication,
  PlanCa,
  PlanIssue,
  PlanLocator,
  PlanPath,
  SignMethod,
} from "./plan.js";
import { formatPath } from "./plan.js";
import { Checker, checkKey, checkSubject, checkValidity, within } from "./plan-checks.js";
import type {
  CertRef,
  ExistingAuthority,
  ResolvedApp,
  ResolvedAuthority,
  ResolvedCa,
  ResolvedCert,
  ResolvedConnection,
  ResolvedPlan,
  ResolvedRing,
} from "./resolved.js";
import { zoneProblem } from "./zos-time.js";

/** Resolve and check everything the schema could not. */
export function resolvePlan(
  plan: Plan,
  locator: PlanLocator,
): { resolved: ResolvedPlan | null; issues: PlanIssue[] } {
  const c = new Checker(locator);
  const hlq = plan.datasets?.hlq.toUpperCase() ?? null;
  let zone = plan.zosTimeZone ?? null;
  const zp = zone === null ? null : zoneProblem(zone);
  if (zp) {
    c.add(["zosTimeZone"], `zosTimeZone ${zp}`);
    zone = null;
  }
  const labelsByOwner = new Map<string, Map<string, PlanPath>>();
  const claimLabel = (owner: string, label: string, path: PlanPath) => {
    const p = labelProblem(label);
    if (p) c.add(path, `label ${p}`);
    let m = labelsByOwner.get(owner);
    if (!m) {
      m = new Map();
      labelsByOwner.set(owner, m);
    }
    const prev = m.get(label);
    if (prev)
      c.add(
        path,
        `label "${label}" is already used for ${owner} at ${formatPath(prev)} (labels are unique per owner)`,
      );
    else m.set(label, path);
  };
  const ids = new Map<string, PlanPath>();
  const claimId = (id: string, path: PlanPath) => {
    const up = id.toUpperCase();
    const prev = ids.get(up);
    if (prev) c.add(path, `id "${id}" is already used at ${formatPath(prev)}`);
    else ids.set(up, path);
  };
  const dsn = (...quals: string[]): string | null => {
    if (!hlq) return null;
    const name = [hlq, ...quals].join(".");
    return name;
  };

  // ---- job card ---------------------------------------------------------------------------
  // `//NAMEn    JOB acct,'programmer',` must end by column 71 (JCL); apostrophes are doubled.
  const programmer = plan.job.programmer ?? "RACFRING";
  const cardLength =
    2 + 8 + 5 + (plan.job.accounting?.length ?? 0) + 1 + programmer.replace(/'/g, "''").length + 2 + 1;
  if (cardLength > 71) {
    c.add(
      ["job", plan.job.programmer !== undefined ? "programmer" : "accounting"],
      `the JOB statement would be ${cardLength} columns long; shorten the accounting information or the programmer name (JCL ends at column 71)`,
    );
  }

  // ---- users ------------------------------------------------------------------------------
  const users = (plan.users ?? []).map((u) => ({
    id: u.id.toUpperCase(),
    create: u.create === true,
    defaultGroup: u.defaultGroup?.toUpperCase() ?? null,
    name: u.name ?? null,
  }));
  users.forEach((u, i) => {
    if (users.findIndex((x) => x.id === u.id) !== i)
      c.add(["users", i, "id"], `user ${u.id} is listed twice`);
    if (u.create && !u.defaultGroup)
      c.add(["users", i], "a user to create needs defaultGroup (ADDUSER DFLTGRP)");
  });

  // ---- authorities --------------------------------------------------------------------------
  const authorities: ResolvedAuthority[] = [];
  (plan.authorities ?? []).forEach((a, i) => {
    const path: PlanPath = ["authorities", i];
    claimId(a.id, [...path, "id"]);
    const id = a.id.toUpperCase();
    claimLabel("CERTAUTH", a.label, [...path, "label"]);
    checkSubject(c, [...path, "subject"], a.subject);
    checkKey(c, [...path, "key"], a.key);
    const v = checkValidity(c, [...path, "validity"], a.validity, zone);
    if (a.create === "racf" && a.intermediate) {
      c.add(
        [...path, "intermediate"],
        "an intermediate CA is only generated on the OpenSSL side; create it as a separate authority or use create: openssl",
      );
    }
    if (a.create === "openssl" && !hlq) {
      c.add(
        path,
        "an OpenSSL authority needs datasets.hlq: its certificate is transferred to a data set for RACDCERT ADD",
      );
    }
    const makeCa = (
      ca: PlanCa,
      level: "root" | "intermediate",
      issuer: ResolvedCa | null,
      vv: { notBefore: Date; notAfter: Date },
    ): ResolvedCa => ({
      authorityId: id,
      level,
      create: a.create,
      label: ca.label,
      subject: ca.subject,
      key: ca.key,
      notBefore: vv.notBefore,
      notAfter: vv.notAfter,
      issuer,
      dsn: a.create === "openssl" ? dsn(id, level === "root" ? "ROOT" : "INTER") : null,
      pemFile:
        a.create === "openssl"
          ? `pki/${id.toLowerCase()}/${level === "root" ? "root" : "intermediate"}.pem`
          : null,
    });
    if (!v) return;
    const root = makeCa(a, "root", null, v);
    let intermediate: ResolvedCa | null = null;
    if (a.intermediate && a.create === "openssl") {
      const ip: PlanPath = [...path, "intermediate"];
      claimLabel("CERTAUTH", a.intermediate.label, [...ip, "label"]);
      checkSubject(c, [...ip, "subject"], a.intermediate.subject);
      checkKey(c, [...ip, "key"], a.intermediate.key);
      const iv = checkValidity(c, [...ip, "validity"], a.intermediate.validity, zone);
      if (iv && !within(iv, v))
        c.add([...ip, "validity"], "the intermediate's validity must lie within the root's validity");
      if (iv) intermediate = makeCa(a.intermediate, "intermediate", root, iv);
    }
    const signer = intermediate ?? root;
    authorities.push({
      id,
      create: a.create,
      root,
      intermediate,
      signer,
      chain: intermediate ? [root, intermediate] : [root],
    });
  });
  const authority = (id: string) => authorities.find((a) => a.id === id.toUpperCase());

  // ---- existing objects -----------------------------------------------------------------------
  const existingAuthorities: ExistingAuthority[] = [];
  (plan.existing?.authorities ?? []).forEach((a, i) => {
    const path: PlanPath = ["existing", "authorities", i];
    claimId(a.id, [...path, "id"]);
    const p = labelProblem(a.label);
    if (p) c.add([...path, "label"], `label ${p}`);
    existingAuthorities.push({ id: a.id.toUpperCase(), ownerKeyword: a.owner ?? "CERTAUTH", label: a.label });
  });
  const existingCertificates: CertRef[] = [];
  (plan.existing?.certificates ?? []).forEach((x, i) => {
    const path: PlanPath = ["existing", "certificates", i];
    claimId(x.id, [...path, "id"]);
    const p = labelProblem(x.label);
    if (p) c.add([...path, "label"], `label ${p}`);
    const owner = x.owner.toUpperCase();
    const ownerKeyword = owner === "SITE" || owner === "CERTAUTH" ? owner : `ID(${owner})`;
    existingCertificates.push({
      id: x.id.toUpperCase(),
      ownerKeyword,
      ownerUser: ownerKeyword.startsWith("ID(") ? owner : null,
      label: x.label,
      existing: true,
    });
  });
  const existingAuthority = (id: string) => existingAuthorities.find((a) => a.id === id.toUpperCase());

  // ---- certificates -------------------------------------------------------------------------
  const certificates: ResolvedCert[] = [];
  (plan.certificates ?? []).forEach((p, i) => {
    const path: PlanPath = ["certificates", i];
    claimId(p.id, [...path, "id"]);
    const id = p.id.toUpperCase();
    const owner = p.owner.toUpperCase();
    if (owner === "CERTAUTH") {
      c.add([...path, "owner"], "CA certificates belong under authorities, not certificates");
      return;
    }
    const ownerKeyword = owner === "SITE" ? "SITE" : `ID(${owner})`;
    claimLabel(ownerKeyword, p.label, [...path, "label"]);
    checkSubject(c, [...path, "subject"], p.subject);
    checkKey(c, [...path, "key"], p.key);
    const v = checkValidity(c, [...path, "validity"], p.validity, zone);
    const auth = authority(p.signer.authority);
    const existingAuth = auth ? undefined : existingAuthority(p.signer.authority);
    if (!auth && !existingAuth) {
      if (!(plan.authorities ?? []).some((a) => a.id.toUpperCase() === p.signer.authority.toUpperCase())) {
        c.add(
          [...path, "signer", "authority"],
          `no authority with id "${p.signer.authority}" in the plan (authorities or existing.authorities)`,
        );
      }
      return;
    }
    // An existing RACF authority signs in RACF, like a RACF CA the plan creates.
    const racfSigned = existingAuth !== undefined || auth?.create === "racf";
    const method: SignMethod = p.signer.method ?? (racfSigned ? "racf" : "genreq");
    if (racfSigned && method !== "racf") {
      c.add(
        [...path, "signer", "method"],
        `authority ${(auth ?? existingAuth)?.id} is a RACF CA: method must be racf (GENCERT SIGNWITH), got ${method}`,
      );
    }
    if (auth?.create === "openssl" && method === "racf") {
      c.add(
        [...path, "signer", "method"],
        `authority ${auth?.id} is an OpenSSL CA: method must be genreq or pkcs12, got racf`,
      );
    }
    const alt: Required<PlanAltNames> = {
      dns: p.altNames?.dns ?? [],
      ip: p.altNames?.ip ?? [],
      email: p.altNames?.email ?? [],
      uri: p.altNames?.uri ?? [],
    };
    if (method === "racf") {
      // GENCERT ALTNAME takes one IP, one DOMAIN, one EMAIL and one URI (IBM KC21 le-gencert.htm).
      for (const k of ["dns", "ip", "email", "uri"] as const) {
        if (alt[k].length > 1) {
          c.add(
            [...path, "altNames", k],
            `RACF GENCERT ALTNAME takes one ${k} value; ${alt[k].length} given — use an OpenSSL CA for more`,
          );
        }
      }
      if (p.extendedKeyUsage) {
        c.add(
          [...path, "extendedKeyUsage"],
          "RACF GENCERT cannot write an extended key usage extension; use an OpenSSL CA or drop it",
        );
      }
    }
    alt.ip.forEach((ip, j) => {
      if (!/^(\d{1,3})(\.\d{1,3}){3}$/.test(ip) && !ip.includes(":"))
        c.add([...path, "altNames", "ip", j], `"${ip}" is not an IP address`);
      if (/^\d/.test(ip) && ip.split(".").some((o) => Number(o) > 255))
        c.add([...path, "altNames", "ip", j], `"${ip}" is not an IPv4 address`);
    });
    // An existing authority's validity is known only from the site's state (checked there).
    if (auth && v && !within(v, { notBefore: auth.signer.notBefore, notAfter: auth.signer.notAfter })) {
      c.add(
        [...path, "validity"],
        `the certificate's validity must lie within its signing CA's validity (${auth.signer.label})`,
      );
    }
    const keyUsage = p.keyUsage ?? ["HANDSHAKE"];
    if (!v) return;
    certificates.push({
      id,
      ownerKeyword,
      ownerUser: owner === "SITE" ? null : owner,
      label: p.label,
      subject: p.subject,
      altNames: alt,
      key: p.key,
      notBefore: v.notBefore,
      notAfter: v.notAfter,
      keyUsage,
      extendedKeyUsage: p.extendedKeyUsage ?? [],
      authority: auth ?? null,
      signedBy: auth
        ? { ownerKeyword: "CERTAUTH", label: auth.signer.label, existing: false }
        : {
            ownerKeyword: existingAuth?.ownerKeyword ?? "CERTAUTH",
            label: existingAuth?.label ?? "",
            existing: true,
          },
      existing: false,
      method,
      csrDsn: method === "genreq" ? dsn(id, "CSR") : null,
      certDsn: method === "genreq" ? dsn(id, "CRT") : null,
      p12Dsn: method === "pkcs12" ? dsn(id, "P12") : null,
    });
  });
  for (const cert of certificates) {
    for (const d of [cert.csrDsn, cert.certDsn, cert.p12Dsn]) {
      const p = d ? datasetProblem(d) : null;
      if (p) c.add(["datasets", "hlq"], `data set ${d} ${p}`);
    }
  }
  const certificate = (id: string): CertRef | undefined =>
    certificates.find((x) => x.id === id.toUpperCase()) ??
    existingCertificates.find((x) => x.id === id.toUpperCase());

  // ---- rings ----------------------------------------------------------------------------------
  const rings: ResolvedRing[] = [];
  // Rings with a connection that could not be resolved (already reported): the applications
  // that use them are not checked again, to report one problem rather than a cascade.
  const incomplete = new Set<ResolvedRing>();
  (plan.rings ?? []).forEach((r, i) => {
    const path: PlanPath = ["rings", i];
    const owner = r.owner.toUpperCase();
    if (owner === "CERTAUTH" || owner === "SITE") {
      c.add([...path, "owner"], "only users own key rings, never CERTAUTH or SITE (IBM message IRRD120I)");
      return;
    }
    if (rings.some((x) => x.owner === owner && x.name === r.name))
      c.add([...path, "name"], `ring ${owner}/${r.name} is listed twice`);
    // General-resource profile names are at most 246 characters (IBM RACF Command Language
    // Reference, RDEFINE): <owner>.<RING>.LST must fit.
    const profileLength = owner.length + r.name.length + 5;
    if ((plan.permissions?.strategy ?? "rdatalib") === "rdatalib" && profileLength > 246) {
      c.add(
        [...path, "name"],
        `the RDATALIB profile ${owner}.<ring>.LST would be ${profileLength} characters; profile names are at most 246 (shorten the ring name or use permissions.strategy: facility)`,
      );
    }
    const conns: ResolvedConnection[] = [];
    let defaults = 0;
    let resolvedEntries = 0;
    r.connect.forEach((k, j) => {
      const cp: PlanPath = [...path, "connect", j];
      if ((k.certificate === undefined) === (k.authority === undefined)) {
        c.add(cp, "give exactly one of certificate or authority");
        return;
      }
      if (k.default) defaults++;
      if (k.certificate !== undefined) {
        const cert = certificate(k.certificate);
        if (!cert) {
          if (!(plan.certificates ?? []).some((x) => x.id.toUpperCase() === k.certificate?.toUpperCase())) {
            c.add(
              [...cp, "certificate"],
              `no certificate with id "${k.certificate}" in the plan (certificates or existing.certificates)`,
            );
          }
          return;
        }
        const usage =
          k.usage ??
          (cert.ownerKeyword === "SITE"
            ? "SITE"
            : cert.ownerKeyword === "CERTAUTH"
              ? "CERTAUTH"
              : "PERSONAL");
        conns.push({
          ownerKeyword: cert.ownerKeyword,
          label: cert.label,
          usage,
          default: k.default === true,
          cert,
        });
        resolvedEntries++;
        return;
      }
      const existingCa = existingAuthority(k.authority ?? "");
      if (existingCa) {
        if (k.default)
          c.add(
            [...cp, "default"],
            "a CA certificate cannot be the ring's default: the application needs its own key",
          );
        if (k.usage && k.usage !== "CERTAUTH")
          c.add([...cp, "usage"], "connect CA certificates with usage CERTAUTH");
        conns.push({
          ownerKeyword: existingCa.ownerKeyword,
          label: existingCa.label,
          usage: "CERTAUTH",
          default: false,
          cert: null,
        });
        resolvedEntries++;
        return;
      }
      const auth = authority(k.authority ?? "");
      if (!auth) {
        if (!(plan.authorities ?? []).some((x) => x.id.toUpperCase() === k.authority?.toUpperCase())) {
          c.add([...cp, "authority"], `no authority with id "${k.authority}" in the plan`);
        }
        return;
      }
      if (k.default)
        c.add(
          [...cp, "default"],
          "a CA certificate cannot be the ring's default: it has no private key for the application",
        );
      if (k.usage && k.usage !== "CERTAUTH")
        c.add([...cp, "usage"], "connect CA certificates with usage CERTAUTH");
      // The whole chain goes on the ring: partners and LISTCHAIN need the intermediate too.
      for (const ca of auth.chain)
        conns.push({
          ownerKeyword: "CERTAUTH",
          label: ca.label,
          usage: "CERTAUTH",
          default: false,
          cert: null,
        });
      resolvedEntries++;
    });
    if (defaults > 1) c.add([...path, "connect"], "only one connection can be the ring's default");
    const ring: ResolvedRing = { owner, name: r.name, existing: r.existing === true, connections: conns };
    if (resolvedEntries < r.connect.length) incomplete.add(ring);
    rings.push(ring);
  });

  // ---- applications ---------------------------------------------------------------------------
  const strategy = plan.permissions?.strategy ?? "rdatalib";
  const apps: ResolvedApp[] = [];
  (plan.applications ?? []).forEach((a: PlanApplication, i) => {
    const path: PlanPath = ["applications", i];
    const slash = a.ring.indexOf("/");
    const owner = a.ring.slice(0, slash).toUpperCase();
    const name = a.ring.slice(slash + 1);
    const ring = rings.find((r) => r.owner === owner && r.name === name);
    if (!ring) {
      c.add(
        [...path, "ring"],
        `ring ${owner}/${name} is not in the plan's rings (ring names are case-sensitive)`,
      );
      return;
    }
    if (incomplete.has(ring)) return;
    const role = a.role ?? "server";
    const user = a.user.toUpperCase();
    let cert: CertRef | null = null;
    if (a.certificate !== undefined) {
      const conn = ring.connections.find((k) => k.cert?.id === a.certificate?.toUpperCase());
      if (!conn?.cert) {
        c.add(
          [...path, "certificate"],
          `certificate "${a.certificate}" is not connected to ring ${owner}/${name}`,
        );
        return;
      }
      if (conn.usage !== "PERSONAL") {
        c.add(
          [...path, "certificate"],
          `"${conn.label}" is connected with USAGE(${conn.usage}); a private key is returned only for USAGE(PERSONAL) (rules §2)`,
        );
        return;
      }
      cert = conn.cert;
    } else if (role === "client") {
      // A client without a named certificate sends none (the server does not ask for one):
      // the ring is its trust store only.
      cert = null;
    } else {
      const def = ring.connections.find((k) => k.default);
      if (def && def.usage !== "PERSONAL") {
        c.add(
          [...path, "ring"],
          `the default certificate of ${owner}/${name} is connected with USAGE(${def.usage}); it needs USAGE(PERSONAL) to return a private key`,
        );
        return;
      }
      if (!def && ring.existing) {
        // The ring's own default (if any) is in the site's state, not in the plan: the
        // simulation against that state decides.
        apps.push({ name: a.name, user: a.user.toUpperCase(), ring, cert: null, labelGiven: false, role });
        return;
      }
      if (!def) {
        c.add(
          [...path],
          `the server has no certificate: name one (certificate) or mark a PERSONAL connection of ${owner}/${name} default (System SSL RC 6 otherwise, field case 3)`,
        );
        return;
      }
      cert = def?.cert ?? null;
    }
    if (cert && strategy === "facility" && cert.ownerUser !== null && cert.ownerUser !== user) {
      c.add(
        [...path, "user"],
        `${user} would use ${cert.ownerUser}'s private key; under FACILITY checking a private key is only returned to the certificate's own user (rules §2, field case 4, RC 428) — use permissions.strategy: rdatalib, or let ${cert.ownerUser} run the application`,
      );
      return;
    }
    apps.push({ name: a.name, user, ring, cert, labelGiven: a.certificate !== undefined, role });
  });

  if (c.issues.length > 0) return { resolved: null, issues: c.issues };
  return {
    resolved: {
      plan,
      name: plan.name,
      jobPrefix: plan.job.name.toUpperCase(),
      split: plan.job.split ?? "single",
      hlq,
      users,
      authorities,
      certificates,
      rings,
      apps,
      existingAuthorities,
      existingCertificates,
      strategy,
      activateRdatalib: plan.permissions?.activateRdatalib ?? true,
    },
    issues: [],
  };
}
