/**
 * Small builders for audit tests: certificates, rings and permissions without hand-typed model
 * JSON (style.md §3, "builders, not fixtures"). Defaults describe a healthy set-up (field case 7):
 * a server certificate signed by a CERTAUTH root, both valid 2025–2030, with a private key.
 */
import { ownerApplications } from "../../src/audit/applications.js";
import { runAudit } from "../../src/audit/engine.js";
import type { SimulateFn } from "../../src/audit/sim-port.js";
import type { Application, AuditReport, JclSecret, PolicyApplication, Rule } from "../../src/audit/types.js";
import { emptyState, RacfModel } from "../../src/model/model.js";
import { isGenericName } from "../../src/model/profiles.js";
import type { AccessLevel, Certificate, Connection, RingUsage, Source } from "../../src/model/types.js";

export const AT = new Date("2026-06-01T00:00:00Z");

export function src(line: number, file = "site.jcl"): Source {
  return { file, line, kind: "jcl" };
}

let line = 1;

export function aCert(owner: string, label: string, over: Partial<Certificate> = {}): Certificate {
  return {
    owner,
    label,
    status: "TRUST",
    notBefore: "2025-01-01T00:00:00Z",
    notAfter: "2030-01-01T00:00:00Z",
    datesAssumed: false,
    subject: `CN=${label},O=Example,C=US`,
    issuer: "CN=Test Root CA,O=Example,C=US",
    altNames: [{ type: "DNS", value: "host.example.com" }],
    keyType: "RSA",
    keySize: 2048,
    privateKey: true,
    keyStore: "software",
    icsfLabel: null,
    keyUsage: ["HANDSHAKE"],
    signatureAlgorithm: "sha256RSA",
    serial: null,
    fingerprint: null,
    signer: { owner: "CERTAUTH", label: "Test Root CA" },
    selfSigned: false,
    fromRequest: false,
    der: null,
    sources: [src(line++)],
    ...over,
  };
}

/** A self-signed CERTAUTH root (`CN=Test Root CA`), valid 2024–2040. */
export function aRoot(label = "Test Root CA", over: Partial<Certificate> = {}): Certificate {
  const dn = `CN=${label},O=Example,C=US`;
  return aCert("CERTAUTH", label, {
    subject: dn,
    issuer: dn,
    selfSigned: true,
    signer: null,
    keyUsage: ["CERTSIGN"],
    notBefore: "2024-01-01T00:00:00Z",
    notAfter: "2040-01-01T00:00:00Z",
    ...over,
  });
}

export interface ConnOpts {
  usage?: RingUsage;
  default?: boolean;
}

export class ModelBuilder {
  readonly model = new RacfModel(emptyState());

  user(id: string, over: { special?: boolean; groups?: string[] } = {}): this {
    const u = this.model.defineUser(id, src(line++));
    u.special = over.special ?? false;
    u.groups = over.groups ?? [];
    return this;
  }

  group(id: string): this {
    this.model.state.groups.push({ id, sources: [src(line++)] });
    return this;
  }

  cert(...certs: Certificate[]): this {
    for (const c of certs) this.model.addCertificate(c);
    return this;
  }

  /** A ring with connections: `[cert, { usage, default }]`; usage defaults from the owner. */
  ring(owner: string, name: string, conns: [Certificate, ConnOpts?][] = []): this {
    const ring = this.model.addRing(owner, name, src(line++));
    for (const [c, o] of conns) {
      const usage: RingUsage =
        o?.usage ?? (c.owner === "CERTAUTH" ? "CERTAUTH" : c.owner === "SITE" ? "SITE" : "PERSONAL");
      const conn: Connection = {
        owner: c.owner,
        label: c.label,
        usage,
        default: o?.default ?? false,
        sources: [src(line++)],
      };
      this.model.connect(ring, conn);
    }
    return this;
  }

  profile(cls: string, name: string, uacc: AccessLevel = "NONE", access: [string, AccessLevel][] = []): this {
    const p = this.model.defineProfile(cls, name, src(line++));
    p.uacc = uacc;
    p.generic = isGenericName(name);
    p.access = access.map(([id, level]) => ({ id, level, sources: [src(line++)] }));
    return this;
  }

  started(name: string, user: string): this {
    const p = this.model.defineProfile("STARTED", name, src(line++));
    p.stdata = { user, group: null };
    return this;
  }

  cls(name: string, active: boolean, raclisted = active): this {
    this.model.setClass(name, { active, raclisted }, src(line++));
    return this;
  }

  build(): RacfModel {
    return this.model;
  }
}

export function aModel(): ModelBuilder {
  return new ModelBuilder();
}

/**
 * The healthy site of field case 7: WEBSRV owns WebRing with its own server certificate
 * (PERSONAL DEFAULT) and the root (CERTAUTH); WEBSRV has READ on IRR.DIGTCERT.LISTRING.
 */
export function healthySite(): ModelBuilder {
  const root = aRoot();
  const server = aCert("ID(WEBSRV)", "Web Server");
  return aModel()
    .user("WEBSRV")
    .cert(root, server)
    .ring("WEBSRV", "WebRing", [[root], [server, { default: true }]])
    .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [["WEBSRV", "READ"]]);
}

export function app(user: string, owner: string, ring: string, over: Partial<Application> = {}): Application {
  return {
    user,
    ring: { owner, name: ring },
    label: null,
    role: null,
    origin: "option",
    name: `--app ${user}=${owner}/${ring}`,
    userFrom: "--app",
    evidence: [],
    ...over,
  };
}

export interface AuditCase {
  model: RacfModel;
  apps?: Application[];
  at?: Date;
  expiryDays?: number;
  policy?: PolicyApplication[] | null;
  jclSecrets?: JclSecret[] | null;
  simulate?: SimulateFn | null;
}

/** Run one rule through the engine, with the applications completed by ring-owner defaults. */
export function auditWith(rule: Rule | readonly Rule[], c: AuditCase): AuditReport {
  const known = c.apps ?? [];
  return runAudit(c.model, {
    at: c.at ?? AT,
    expiryDays: c.expiryDays ?? 30,
    applications: [...known, ...ownerApplications(c.model, known)],
    policy: c.policy ?? null,
    jclSecrets: c.jclSecrets ?? null,
    rules: Array.isArray(rule) ? rule : [rule as Rule],
    simulate: c.simulate ?? null,
  });
}
