/**
 * The generator's self-check: read the generated setup jobs back through racfring's own RACF
 * command reader into a fresh model, then simulate every application of the plan.
 *
 * Certificates signed off-platform enter RACF through `RACDCERT ADD('dsn')`, and the reader can
 * only know their content when the data set is mapped to a file. When the OpenSSL scripts have
 * already produced the file (a second `generate` run after the workstation steps), the caller
 * maps it and the reader takes the real facts from it. Otherwise racfring supplies the facts the
 * plan guarantees — the OpenSSL configuration it generated writes exactly the plan's subject,
 * SANs, key usage and validity, signed by the plan's CA — and says so in the notes:
 * - CA certificates added from OpenSSL: TRUST (the ADD says TRUST), no private key in RACF;
 * - GENREQ certificates: the signed certificate replaces RACF's placeholder for the same key,
 *   so the private key stays in RACF (IBM KC21 icha400/le-add.htm, renewal by ADD);
 * - PKCS#12 certificates: the package carries the private key, which RACF stores.
 * Facts the reader found that contradict the plan are errors (the JCL would not do what the
 * plan says).
 */
import { dnEquals, normalizeDn } from "../model/dn.js";
import { RacfModel } from "../model/model.js";
import type { AltName, Certificate, KeyUsage } from "../model/types.js";
import { readRacfCommands } from "../racf/reader.js";
import type { DatasetFile, ReadContext } from "../readers/context.js";
import { type SimResult, simulate } from "../sim/simulate.js";
import type { PlanSubject } from "./plan.js";
import { SUBJECT_ORDER } from "./plan.js";
import type { ResolvedApp, ResolvedCa, ResolvedCert, ResolvedPlan } from "./resolved.js";

export interface AppSimulation {
  app: ResolvedApp;
  result: SimResult;
}

export interface ReadBackResult {
  model: RacfModel;
  simulations: AppSimulation[];
  errors: string[];
  warnings: string[];
  notes: string[];
}

function escapeDnValue(v: string): string {
  return v.replace(/([,+"\\<>;])/g, "\\$1");
}

/** The plan subject as racfring's canonical DN (`CN=a,OU=b,O=c,C=US`). */
export function planDn(s: PlanSubject): string {
  const parts: string[] = [];
  for (const attr of SUBJECT_ORDER) {
    const v = s[attr];
    if (v !== undefined) parts.push(`${attr}=${escapeDnValue(v)}`);
  }
  return normalizeDn(parts.join(","));
}

function altNamesOf(c: ResolvedCert): AltName[] {
  return [
    ...c.altNames.dns.map((value) => ({ type: "DNS" as const, value })),
    ...c.altNames.ip.map((value) => ({ type: "IP" as const, value })),
    ...c.altNames.email.map((value) => ({ type: "EMAIL" as const, value })),
    ...c.altNames.uri.map((value) => ({ type: "URI" as const, value })),
  ];
}

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** What the plan guarantees about a certificate once the setup jobs have run. */
export function expectedCertificate(x: ResolvedCa | ResolvedCert, planFile: string): Certificate {
  const isCa = "authorityId" in x;
  const issuer: ResolvedCa | null = isCa ? x.issuer : (x.authority?.signer ?? null);
  // Signed by an existing authority: its subject is whatever the site's state says (the reader
  // takes it from there when it knows it); the plan does not fix it.
  const existingSigner = !isCa && x.authority === null ? x.signedBy : null;
  const owner = isCa ? "CERTAUTH" : x.ownerKeyword;
  const keyUsage: KeyUsage[] = isCa ? ["CERTSIGN"] : [...x.keyUsage];
  return {
    owner,
    label: x.label,
    status: "TRUST",
    notBefore: iso(x.notBefore),
    notAfter: iso(x.notAfter),
    datesAssumed: false,
    subject: planDn(x.subject),
    issuer: existingSigner ? null : planDn((issuer ?? x).subject),
    altNames: isCa ? [] : altNamesOf(x),
    keyType: x.key.type,
    keySize: x.key.size,
    // RACF holds the key when RACF generated it, or when it came in a PKCS#12 package.
    privateKey: isCa ? x.create === "racf" : true,
    keyStore: "software",
    icsfLabel: null,
    keyUsage,
    signatureAlgorithm: null,
    serial: null,
    fingerprint: null,
    signer: existingSigner
      ? { owner: existingSigner.ownerKeyword, label: existingSigner.label }
      : issuer
        ? { owner: "CERTAUTH", label: issuer.label }
        : null,
    selfSigned: issuer === null && existingSigner === null,
    fromRequest: false,
    der: null,
    sources: [{ file: planFile, line: 0, kind: "inferred" }],
  };
}

/** What a certificate file says about a certificate (the subset the plan fixes). */
export type CertificateFileFacts = Pick<
  Certificate,
  "subject" | "issuer" | "notBefore" | "notAfter" | "altNames" | "keyUsage" | "keyType" | "keySize"
>;

/** Differences between a certificate file and the plan, as messages (empty = they agree). */
export function compareFacts(got: CertificateFileFacts, want: Certificate): string[] {
  const out: string[] = [];
  if (!dnEquals(got.subject, want.subject))
    out.push(`subject is "${got.subject}", the plan says "${want.subject}"`);
  if (want.issuer !== null && !dnEquals(got.issuer, want.issuer))
    out.push(`issuer is "${got.issuer}", the plan says "${want.issuer}"`);
  if (got.notBefore !== want.notBefore)
    out.push(`notBefore is ${got.notBefore}, the plan says ${want.notBefore}`);
  if (got.notAfter !== want.notAfter) out.push(`notAfter is ${got.notAfter}, the plan says ${want.notAfter}`);
  if (!sameAltNames(got.altNames, want.altNames)) out.push("subject alternative names differ from the plan");
  if ([...(got.keyUsage ?? [])].sort().join() !== [...(want.keyUsage ?? [])].sort().join()) {
    out.push(
      `key usage is ${(got.keyUsage ?? []).join(" ") || "(none)"}, the plan says ${(want.keyUsage ?? []).join(" ")}`,
    );
  }
  return out;
}

function sameAltNames(a: AltName[], b: AltName[]): boolean {
  const key = (x: AltName) =>
    `${x.type}:${x.type === "DNS" || x.type === "EMAIL" ? x.value.toLowerCase() : x.value}`;
  const sa = a.map(key).sort();
  const sb = b.map(key).sort();
  return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
}

/**
 * Compare what the reader built with what the plan guarantees; fill in what the reader could
 * not know (unmapped data sets), report contradictions.
 */
function reconcile(
  model: RacfModel,
  expected: Certificate,
  external: boolean,
  errors: string[],
  notes: string[],
  renewal: { file: string; facts: CertificateFileFacts | null } | null = null,
): void {
  const where = `${expected.owner} "${expected.label}"`;
  const got = model.certificate(expected.owner, expected.label);
  if (got && renewal) {
    // RACDCERT ADD of a certificate whose public key matches an existing certificate that has a
    // private key replaces that certificate and keeps the key (renewal; the CA Top Secret and
    // RACF renewal procedures describe it) [UNCONFIRMED: exact label handling on ADD]. The
    // reader still holds GENCERT's self-signed placeholder, so the signed certificate's facts
    // are the plan's.
    const keep = { sources: got.sources };
    if (renewal.facts) {
      // The signed certificate exists already: it must say what the plan says.
      for (const problem of compareFacts(renewal.facts, expected)) errors.push(`${renewal.file}: ${problem}`);
      Object.assign(got, expected, renewal.facts, { sources: [...keep.sources, ...expected.sources] });
      notes.push(`${where}: the CA-signed certificate in ${renewal.file} replaces the GENREQ placeholder`);
      return;
    }
    Object.assign(got, expected, { sources: [...keep.sources, ...expected.sources] });
    notes.push(
      `${where}: the CA-signed certificate added back replaces the GENREQ placeholder; its facts are the plan's`,
    );
    return;
  }
  if (!got) {
    if (external) {
      model.addCertificate(expected);
      notes.push(
        `${where}: its data set was not mapped to a file yet; simulated with the facts the plan's OpenSSL configuration guarantees`,
      );
    } else {
      errors.push(`read-back: the setup jobs do not create ${where}`);
    }
    return;
  }
  const filled: string[] = [];
  if (got.subject === null) {
    got.subject = expected.subject;
    filled.push("subject");
  } else if (!dnEquals(got.subject, expected.subject)) {
    errors.push(`read-back: ${where} has subject "${got.subject}", the plan says "${expected.subject}"`);
  }
  if (got.issuer === null) {
    if (expected.issuer !== null) {
      got.issuer = expected.issuer;
      filled.push("issuer");
    }
  } else if (external && expected.issuer !== null && !dnEquals(got.issuer, expected.issuer)) {
    errors.push(`read-back: ${where} was issued by "${got.issuer}", the plan says "${expected.issuer}"`);
  }
  if (got.altNames.length === 0 && expected.altNames.length > 0) {
    got.altNames = expected.altNames;
    filled.push("subject alternative names");
  } else if (!sameAltNames(got.altNames, expected.altNames) && (external || got.altNames.length > 0)) {
    errors.push(
      `read-back: ${where} has SANs ${got.altNames.map((a) => `${a.type}:${a.value}`).join(", ") || "(none)"}, the plan says ${expected.altNames.map((a) => `${a.type}:${a.value}`).join(", ") || "(none)"}`,
    );
  }
  for (const k of ["notBefore", "notAfter"] as const) {
    if (got[k] === null || got.datesAssumed) {
      got[k] = expected[k];
      filled.push(k);
    } else if (got[k] !== expected[k]) {
      errors.push(`read-back: ${where} ${k} is ${got[k]}, the plan says ${expected[k]}`);
    }
  }
  if (got.datesAssumed && filled.includes("notBefore")) got.datesAssumed = false;
  if (got.keyUsage === null) {
    got.keyUsage = expected.keyUsage;
    filled.push("key usage");
  } else if (expected.keyUsage && [...got.keyUsage].sort().join() !== [...expected.keyUsage].sort().join()) {
    errors.push(
      `read-back: ${where} key usage is ${got.keyUsage.join(" ") || "(none)"}, the plan says ${expected.keyUsage.join(" ")}`,
    );
  }
  if (got.keyType === null) {
    got.keyType = expected.keyType;
    got.keySize = expected.keySize;
  }
  if (got.signer === null && expected.signer) got.signer = expected.signer;
  if (got.selfSigned === null) got.selfSigned = expected.selfSigned;
  if (got.status !== "TRUST") {
    errors.push(`read-back: ${where} would be ${got.status}; the setup must leave it TRUST`);
  }
  if (expected.privateKey && got.privateKey !== true) {
    if (external) {
      got.privateKey = true;
      filled.push("private key (kept from GENREQ's key pair or carried by the PKCS#12 package)");
    } else {
      errors.push(`read-back: ${where} would have no private key in RACF`);
    }
  }
  if (filled.length > 0)
    notes.push(
      `${where}: ${filled.join(", ")} taken from the plan (the reader could not know them from the JCL alone)`,
    );
}

/** A deep copy of a model: its state is plain data. */
export function copyModel(m: RacfModel): RacfModel {
  return new RacfModel(structuredClone(m.state));
}

export interface ReadBackOptions {
  at: Date;
  datasets: ReadonlyMap<string, DatasetFile>;
  planFile: string;
  /** Facts of the mapped certificate files, by data set name (the caller parses them). */
  fileFacts?: ReadonlyMap<string, CertificateFileFacts>;
  /**
   * The state the setup jobs are applied to: the site's current state (read from the inputs)
   * or the objects the plan assumes to exist. Not modified (a copy is used). Default: empty.
   */
  base?: RacfModel;
}

/** Read the setup jobs back, reconcile certificate facts, simulate every application. */
export function readBackAndSimulate(
  plan: ResolvedPlan,
  setupJobs: { file: string; text: string }[],
  opts: ReadBackOptions,
): ReadBackResult {
  const model = opts.base ? copyModel(opts.base) : new RacfModel();
  // Issues of the current state were reported when it was read; judge only the setup jobs.
  const known = model.state.issues.length;
  const errors: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  for (const job of setupJobs) {
    const ctx: ReadContext = {
      model,
      file: job.file,
      datasets: opts.datasets,
      ranAt: opts.at,
      ranAtGiven: true,
    };
    readRacfCommands(job.text, ctx);
  }
  const genreqLabels = plan.certificates.filter((c) => c.method === "genreq").map((c) => c.label);
  // The reader judges each job on its own; with split: per-phase the SETROPTS RACLIST(cls)
  // REFRESH comes in a later job (08-refresh), which the runbook submits after this one.
  const refreshedLater = (file: string, cls: string): boolean => {
    const at = setupJobs.findIndex((j) => j.file === file);
    if (at < 0) return false;
    return setupJobs
      .slice(at + 1)
      .some((j) =>
        [...j.text.matchAll(/^SETROPTS\s+RACLIST\(([^)]*)\)\s+REFRESH\s*$/gm)].some((m) =>
          (m[1] ?? "").split(/\s+/).includes(cls),
        ),
      );
  };
  for (const issue of model.state.issues.slice(known)) {
    if (issue.code === "refresh-missing") {
      const cls = /^(\S+) is RACLISTed/.exec(issue.message)?.[1];
      if (cls && refreshedLater(issue.file, cls)) continue;
    }
    const text = `${issue.file}:${issue.line}${issue.column ? `:${issue.column}` : ""}: ${issue.code}: ${issue.message}`;
    // Data sets that are not mapped yet are expected (the OpenSSL side runs later).
    if (/dataset|data set/i.test(issue.code) || /not mapped|--dataset/i.test(issue.message)) continue;
    // The ADD of a GENREQ certificate renews the placeholder under the same label; without the
    // signed certificate at hand the reader cannot see that it is the same key (handled below).
    if (issue.code === "label-in-use" && genreqLabels.some((l) => issue.message.includes(`'${l}'`))) continue;
    if (issue.severity === "error") errors.push(`read-back: ${text}`);
    else if (issue.severity === "warning") warnings.push(`read-back: ${text}`);
  }
  for (const a of plan.authorities) {
    for (const ca of a.chain)
      reconcile(model, expectedCertificate(ca, opts.planFile), ca.create === "openssl", errors, notes);
  }
  for (const c of plan.certificates) {
    const renewal =
      c.method === "genreq"
        ? {
            file: opts.datasets.get(c.certDsn ?? "")?.file ?? "",
            facts: opts.fileFacts?.get(c.certDsn ?? "") ?? null,
          }
        : null;
    reconcile(model, expectedCertificate(c, opts.planFile), c.method !== "racf", errors, notes, renewal);
  }
  for (const r of plan.rings) {
    const ring = model.ring(r.owner, r.name);
    if (!ring) {
      errors.push(`read-back: the setup jobs do not create ring ${r.owner}/${r.name}`);
      continue;
    }
    for (const k of r.connections) {
      const conn = ring.connections.find((x) => x.owner === k.ownerKeyword && x.label === k.label);
      if (!conn)
        errors.push(`read-back: "${k.label}" (${k.ownerKeyword}) is not connected to ${r.owner}/${r.name}`);
      else if (conn.usage !== k.usage || conn.default !== k.default) {
        errors.push(
          `read-back: "${k.label}" on ${r.owner}/${r.name} is ${conn.usage}${conn.default ? " DEFAULT" : ""}, the plan says ${k.usage}${k.default ? " DEFAULT" : ""}`,
        );
      }
    }
  }
  const simulations: AppSimulation[] = plan.apps.map((app) => ({
    app,
    result: simulate(model, {
      user: app.user,
      ring: { owner: app.ring.owner, name: app.ring.name },
      label: app.labelGiven && app.cert ? app.cert.label : null,
      role: app.role,
      at: opts.at,
    }),
  }));
  return { model, simulations, errors, warnings, notes };
}
