/**
 * What the HTML report shows, reduced from the audit report and the model: only the rings, the
 * certificates connected to them and their issuer chains, the applications and the findings.
 * Users, groups and unrelated profiles of a large unload never reach the page, so its size grows
 * with rings and findings, not with the unload. Diagram data uses short keys because it is
 * embedded once per ring and drawn in the browser (diagram.ts).
 */
import type { RacfModel } from "../../../model/model.js";
import type { Certificate, Confidence, Ring, Severity } from "../../../model/types.js";
import { canOpenRing, personalKeyAccess } from "../../access.js";
import { findIssuer, isSelfSigned } from "../../chain.js";
import { certId, ringId } from "../../subjects.js";
import type { ApplicationResult, AuditReport, Finding } from "../../types.js";

/** A certificate as the diagram draws it. */
export interface CertView {
  /** Owner (`ID(X)`, CERTAUTH, SITE) and label. */
  o: string;
  l: string;
  /** TRUST, NOTRUST, HIGHTRUST. */
  s: string;
  /** Validity, ISO 8601; null when unknown. */
  nb: string | null;
  na: string | null;
  sj: string | null;
  /** RACF holds a private key: 1, 0, or null (unknown). */
  k: 1 | 0 | null;
  /** Key type and size, e.g. "RSA 2048". */
  kt: string | null;
  /** Issuer: index into the certificate table, -1 when not found (see `mi`) or a root. */
  p: number;
  /** 1 when the certificate is its own issuer (a root). */
  r: 1 | 0;
  /** Issuer DN the inputs do not hold (the missing link); null when found or a root. */
  mi: string | null;
  /** 1 when the chain cannot be followed: subject or issuer DN unknown. */
  u: 1 | 0;
}

/** An application that opens the ring, with the access that decides. */
export interface AppView {
  /** Index into ReportData.apps. */
  i: number;
  n: string;
  u: string;
  rc: number | null;
  /** Deciding resource (`RDATALIB WEBSRV.WEBRING.LST`, `FACILITY IRR.DIGTCERT.LISTRING`). */
  res: string;
  have: string | null;
  need: string;
  /** 1 allowed, 0 denied, null unknown. */
  ok: 1 | 0 | null;
  /**
   * Per connection, whether the private key comes back to this application: "r" returned,
   * "w" withheld (authorisation), "n" RACF holds none, "?" unknown, "" not PERSONAL.
   */
  keys: string[];
}

export interface RingView {
  o: string;
  n: string;
  /** Connections: certificate index, usage, DEFAULT (1/0). */
  x: [number, string, 1 | 0][];
  a: AppView[];
  /** Findings on this ring: finding index and where: "r" ring, "c<cert>", "a<app>". */
  f: [number, string][];
}

export interface FindingView {
  i: number;
  severity: Severity;
  rule: string;
  confidence: Confidence;
  subject: string;
  ring: string | null;
  /** Index into ReportData.rings, or -1. */
  ringIndex: number;
  /** The ring owner, else the user the subject names; "" when none (the owner filter). */
  owner: string;
  message: string;
  evidence: string[];
  fix: { summary: string; commands: string[] } | null;
}

export interface AppRow {
  name: string;
  user: string;
  keyring: string;
  label: string | null;
  rc: number | null;
  text: string;
  confidence: Confidence | null;
  userFrom: string;
  ringIndex: number;
  access: string;
}

export interface ExpiryRow {
  cert: number;
  owner: string;
  label: string;
  notAfter: string;
  days: number;
  rings: string[];
}

export interface ReportData {
  at: string;
  certs: CertView[];
  rings: RingView[];
  findings: FindingView[];
  apps: AppRow[];
  /** Certificates of the inputs with an expiry date, for the timeline: notAfter only. */
  expiries: string[];
  /** Certificates expiring within 90 days (not yet expired), soonest first. */
  expiring: ExpiryRow[];
}

const DAY = 86_400_000;

function ownerOfSubject(f: Finding): string {
  if (f.ring) return f.ring.slice(0, f.ring.indexOf("/"));
  const m = /^ID\(([^)]+)\)/.exec(f.subject.id) ?? /^([A-Z#$@][A-Z0-9#$@]{0,7})@/.exec(f.subject.id);
  return m?.[1] ?? "";
}

/** Index of certificates and their issuer chains, built once (the model's lookups are linear). */
class CertTable {
  readonly views: CertView[] = [];
  private readonly index = new Map<Certificate, number>();
  private readonly byName = new Map<string, Certificate>();

  constructor(
    private readonly model: RacfModel,
    private readonly at: Date,
  ) {
    for (const c of model.state.certificates) this.byName.set(certId(c), c);
  }

  lookup(owner: string, label: string): Certificate | undefined {
    return this.byName.get(certId({ owner, label }));
  }

  /** Index of `cert`, adding it and its issuers (RACDCERT LISTCHAIN order, chain.ts). */
  add(cert: Certificate): number {
    const known = this.index.get(cert);
    if (known !== undefined) return known;
    const i = this.views.length;
    this.index.set(cert, i);
    const self = isSelfSigned(cert);
    const view: CertView = {
      o: cert.owner,
      l: cert.label,
      s: cert.status,
      nb: cert.notBefore,
      na: cert.notAfter,
      sj: cert.subject,
      k: cert.privateKey === null ? null : cert.privateKey ? 1 : 0,
      kt: cert.keyType ? `${cert.keyType}${cert.keySize ? ` ${cert.keySize}` : ""}` : null,
      p: -1,
      r: self === true ? 1 : 0,
      mi: null,
      u: self === null ? 1 : 0,
    };
    this.views.push(view);
    if (self === false) {
      const issuer = findIssuer(this.model, cert, this.at);
      if (issuer) view.p = this.add(issuer);
      else view.mi = cert.issuer;
    }
    return i;
  }

  /** A connection whose certificate is not in the inputs still gets a box, marked unknown. */
  placeholder(owner: string, label: string): number {
    const i = this.views.length;
    this.views.push({
      o: owner,
      l: label,
      s: "?",
      nb: null,
      na: null,
      sj: null,
      k: null,
      kt: null,
      p: -1,
      r: 0,
      mi: null,
      u: 1,
    });
    return i;
  }
}

function keyState(
  model: RacfModel,
  user: string,
  currentGroup: string | null,
  ring: Ring,
  cert: Certificate | undefined,
  usage: string,
): string {
  if (usage !== "PERSONAL") return "";
  if (!cert || cert.privateKey === null) return "?";
  if (!cert.privateKey) return "n";
  const v = personalKeyAccess(model, user, ring, cert.owner, currentGroup);
  return v.ok === true ? "r" : v.ok === false ? "w" : "?";
}

function flag(v: boolean | null): 1 | 0 | null {
  return v === null ? null : v ? 1 : 0;
}

function splitRing(keyring: string): { owner: string; name: string } | null {
  const slash = keyring.indexOf("/");
  return slash > 0 ? { owner: keyring.slice(0, slash), name: keyring.slice(slash + 1) } : null;
}

/**
 * Which diagram element a finding is drawn on: the connection or certificate it names, the
 * application, else the ring itself.
 */
function target(f: Finding, ring: Ring, view: RingView, table: CertTable, apps: ApplicationResult[]): string {
  const rid = ringId(ring);
  if (f.subject.kind === "connection" || f.subject.kind === "certificate") {
    const id = f.subject.kind === "connection" ? f.subject.id.slice(rid.length + 1) : f.subject.id;
    const c = ring.connections.find((x) => certId(x) === id);
    if (c) {
      const cert = table.lookup(c.owner, c.label);
      const at = view.x.find(([ci]) => table.views[ci]?.o === c.owner && table.views[ci]?.l === c.label);
      if (cert || at) return `c${at ? at[0] : -1}`;
    }
    const inChain = table.views.findIndex((v) => certId({ owner: v.o, label: v.l }) === id);
    if (inChain >= 0) return `c${inChain}`;
  }
  if (f.subject.kind === "application") {
    const k = view.a.findIndex((a) => {
      const app = apps[a.i];
      return (
        app !== undefined &&
        (f.subject.id === `${app.user}@${rid}` || f.subject.id.startsWith(`${app.user}@${rid}:`))
      );
    });
    if (k >= 0) return `a${k}`;
  }
  return "r";
}

/** What the page is built from: the audit report, or one simulation dressed as one. */
export type ReportInput = Pick<AuditReport, "findings" | "applications">;

/**
 * `onlyRings` (ids `OWNER/NAME`) limits the diagrams and the expiry list to those rings (the
 * simulate command shows the one ring it simulated).
 */
export function buildReportData(
  report: ReportInput,
  model: RacfModel,
  at: Date,
  onlyRings?: ReadonlySet<string>,
): ReportData {
  const table = new CertTable(model, at);
  const ringIndex = new Map<string, number>();
  const rings: RingView[] = [];
  const ringObjs: Ring[] = [];
  const shown = onlyRings ? model.state.rings.filter((r) => onlyRings.has(ringId(r))) : model.state.rings;
  for (const ring of shown) {
    const view: RingView = { o: ring.owner, n: ring.name, x: [], a: [], f: [] };
    for (const c of ring.connections) {
      const cert = table.lookup(c.owner, c.label);
      view.x.push([cert ? table.add(cert) : table.placeholder(c.owner, c.label), c.usage, c.default ? 1 : 0]);
    }
    ringIndex.set(ringId(ring), rings.length);
    rings.push(view);
    ringObjs.push(ring);
  }

  const apps: AppRow[] = report.applications.map((a, i) => {
    const r = splitRing(a.keyring);
    const ri = ringIndex.get(a.keyring) ?? -1;
    const ring = ri >= 0 ? ringObjs[ri] : undefined;
    const view = ri >= 0 ? rings[ri] : undefined;
    let access = "";
    if (r && ring && view) {
      const v = canOpenRing(model, a.user, ring, a.currentGroup ?? null);
      access = `${v.resource}: ${v.have ?? "unknown"} (needs ${v.need})`;
      view.a.push({
        i,
        n: a.name,
        u: a.user,
        rc: a.rc,
        res: v.resource,
        have: v.have,
        need: v.need,
        ok: flag(v.ok),
        keys: ring.connections.map((c) =>
          keyState(model, a.user, a.currentGroup ?? null, ring, table.lookup(c.owner, c.label), c.usage),
        ),
      });
    }
    return {
      name: a.name,
      user: a.user,
      keyring: a.keyring,
      label: a.label,
      rc: a.rc,
      text: a.text,
      confidence: a.confidence,
      userFrom: a.userFrom,
      ringIndex: ri,
      access,
    };
  });

  const findings: FindingView[] = report.findings.map((f, i) => {
    const ri = f.ring ? (ringIndex.get(f.ring) ?? -1) : -1;
    const ring = ringObjs[ri];
    const view = rings[ri];
    if (ring && view) view.f.push([i, target(f, ring, view, table, report.applications)]);
    return {
      i,
      severity: f.severity,
      rule: f.rule,
      confidence: f.confidence,
      subject: f.subject.id,
      ring: f.ring,
      ringIndex: ri,
      owner: ownerOfSubject(f),
      message: f.message,
      evidence: f.evidence.map((e) => (e.line > 0 ? `${e.file}:${e.line}` : e.file)),
      fix: f.fix ? { summary: f.fix.summary, commands: f.fix.commands } : null,
    };
  });

  const expiries: string[] = [];
  const expiring: ExpiryRow[] = [];
  const holders = new Map<string, string[]>();
  for (const ring of shown)
    for (const c of ring.connections) {
      const k = certId(c);
      const list = holders.get(k) ?? [];
      list.push(ringId(ring));
      holders.set(k, list);
    }
  const certs = onlyRings
    ? model.state.certificates.filter((c) => holders.has(certId(c)))
    : model.state.certificates;
  for (const c of certs) {
    if (!c.notAfter) continue;
    expiries.push(c.notAfter);
    const days = (Date.parse(c.notAfter) - at.getTime()) / DAY;
    if (days >= 0 && days <= 90) {
      expiring.push({
        cert: table.add(c),
        owner: c.owner,
        label: c.label,
        notAfter: c.notAfter,
        days: Math.floor(days),
        rings: holders.get(certId(c)) ?? [],
      });
    }
  }
  expiring.sort((a, b) => a.notAfter.localeCompare(b.notAfter));
  return { at: at.toISOString(), certs: table.views, rings, findings, apps, expiries, expiring };
}
