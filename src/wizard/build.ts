/**
 * The wizard's answers, its presets, and the plan they make. The plan is an ordinary
 * generation plan (src/gen/plan.schema.json): the wizard writes it beside the jobs, and
 * `racfring generate DIR/plan.yaml` makes the same files from it.
 */
import { stringify } from "yaml";
import type { Plan, PlanCertificate, PlanKey, PlanRing, PlanSubject } from "../gen/plan.js";
import { SUBJECT_ORDER } from "../gen/plan.js";

export const PRESETS = {
  ftp: {
    title: "FTP server (z/OS FTP with TLS)",
    role: "server",
    ring: "FTPRing",
    job: "FTPKEY",
    label: "FTP Server",
    app: "FTP server",
  },
  tn3270: {
    title: "TN3270 server",
    role: "server",
    ring: "TN3270Ring",
    job: "TNKEY",
    label: "TN3270 Server",
    app: "TN3270 server",
  },
  liberty: {
    title: "Liberty / z/OSMF",
    role: "server",
    ring: "izuKeyring.IZUDFLT",
    job: "LIBKEY",
    label: "Liberty Server",
    app: "Liberty server",
  },
  mq: {
    title: "IBM MQ queue manager (TLS channels)",
    role: "server",
    ring: "MQRing",
    job: "MQKEY",
    label: "MQ Queue Manager",
    app: "MQ queue manager",
  },
  cics: {
    title: "CICS region (TCPIPSERVICE with SSL)",
    role: "server",
    ring: "CICSRing",
    job: "CICSKEY",
    label: "CICS Server",
    app: "CICS region",
  },
  "attls-server": {
    title: "Generic AT-TLS server",
    role: "server",
    ring: "ATTLSRing",
    job: "TLSKEY",
    label: "TLS Server",
    app: "AT-TLS server",
  },
  client: {
    title: "A client (connects out with TLS)",
    role: "client",
    ring: "ClientRing",
    job: "CLIKEY",
    label: "TLS Client",
    app: "TLS client",
  },
  "trust-only": {
    title: "A trust-only store (CA certificates only)",
    role: "trust",
    ring: "TrustRing",
    job: "TRUSTKY",
    label: "",
    app: "trust store user",
  },
} as const;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export type CertSource = "new-racf-ca" | "existing-ca" | "external-ca" | "reuse";

export const KEY_CHOICES = [
  "RSA-2048",
  "RSA-3072",
  "RSA-4096",
  "NISTECC-256",
  "NISTECC-384",
  "NISTECC-521",
] as const;
export type KeyChoice = (typeof KEY_CHOICES)[number];

export interface WizardAnswers {
  preset: PresetName;
  user: string;
  ringOwner: string;
  ring: string;
  /** The ring exists already (the site's state says so): the plan adds connections to it. */
  ringExisting: boolean;
  /** What the existing ring holds already (not connected again; its DEFAULT is kept). */
  ringHas: { owner: string; label: string; default: boolean }[];
  source: CertSource;
  /** existing-ca: the CERTAUTH/SITE label that signs; new-racf-ca/external-ca: the new CA's label. */
  caLabel: string;
  caOwner: "CERTAUTH" | "SITE";
  /** reuse: the certificate to connect; its CA (when the state knows it) is connected too. */
  reuse: { owner: string; label: string } | null;
  reuseCa: { owner: "CERTAUTH" | "SITE"; label: string } | null;
  /** The user exists in the site's state (or no state was given: then it is assumed). */
  userKnown: boolean;
  host: string;
  ip: string;
  subject: PlanSubject;
  key: KeyChoice;
  clientAuth: boolean;
  permissions: "rdatalib" | "facility";
  days: number;
  jobName: string;
  accounting: string;
  hlq: string;
  /** Label of the new end-entity certificate. */
  label: string;
  /** Validity start and simulation instant. */
  at: Date;
  /** The latest date the signing CA allows (an existing CA's notAfter), if known. */
  caNotAfter: Date | null;
}

export function parseKey(k: KeyChoice): PlanKey {
  const [type, size] = k.split("-");
  return { type: type as PlanKey["type"], size: Number(size) };
}

/** A CA key of the same family, one step stronger (it outlives the certificates it signs). */
function caKey(k: PlanKey): PlanKey {
  return k.type === "RSA"
    ? { type: "RSA", size: 4096 }
    : { type: "NISTECC", size: k.size === 521 ? 521 : 384 };
}

const DAY = 86_400_000;
/** Plans take dates up to 2049-12-31 (UTCTime range, src/gen/resolve.ts). */
const LAST = new Date("2049-12-31T00:00:00Z");

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function minDate(...ds: (Date | null)[]): Date {
  return new Date(Math.min(...ds.filter((d): d is Date => d !== null).map((d) => d.getTime())));
}

/** `CN=a,O=b,C=US` → subject; the attributes RACF's SUBJECTSDN takes. Error text or a subject. */
export function parseSubject(text: string): PlanSubject | string {
  const out: Record<string, string> = {};
  for (const part of text.split(/,(?=\s*[A-Za-z]{1,2}\s*=)/)) {
    const eq = part.indexOf("=");
    if (eq < 0) return `"${part.trim()}" is not ATTR=value`;
    const attr = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim();
    if (!(SUBJECT_ORDER as readonly string[]).includes(attr))
      return `${attr} is not an attribute RACF writes (use ${SUBJECT_ORDER.join(", ")})`;
    if (out[attr] !== undefined) return `${attr} is given twice`;
    if (value.length === 0 || value.length > 64) return `${attr} must be 1-64 characters`;
    if (attr === "C" && !/^[A-Z]{2}$/.test(value)) return "C must be a two-letter country code, e.g. US";
    out[attr] = value;
  }
  if (out.CN === undefined) return "the subject needs a CN";
  return out as unknown as PlanSubject;
}

export function formatSubject(s: PlanSubject): string {
  return SUBJECT_ORDER.filter((a) => s[a] !== undefined)
    .map((a) => `${a}=${s[a]}`)
    .join(",");
}

/** Does the ring get an end-entity certificate of its own? */
export function needsCertificate(a: Pick<WizardAnswers, "preset" | "clientAuth">): boolean {
  const role = PRESETS[a.preset].role;
  return role === "server" || (role === "client" && a.clientAuth);
}

/** The plan the answers describe. */
export function buildPlan(a: WizardAnswers): Plan {
  const preset = PRESETS[a.preset];
  const key = parseKey(a.key);
  const start = new Date(`${ymd(a.at)}T00:00:00Z`);
  const caEnd = minDate(new Date(start.getTime() + 10 * 365 * DAY), LAST);
  const signerEnd = a.source === "existing-ca" ? minDate(a.caNotAfter, LAST) : caEnd;
  const certEnd = minDate(new Date(start.getTime() + a.days * DAY), signerEnd);
  const withCert = needsCertificate(a) && a.source !== "reuse";
  const plan: Plan = {
    racfringPlan: 1,
    name: `${a.preset}-${a.ringOwner.toLowerCase().replace(/[^a-z0-9]/g, "x")}`.slice(0, 40),
    description: `${preset.title}: ring ${a.ringOwner}/${a.ring} for ${a.user}, made with racfring wizard.${a.clientAuth && preset.role === "server" ? " The server asks clients for certificates: their CA must be on the ring." : ""}`,
    job: {
      name: a.jobName,
      ...(a.accounting ? { accounting: a.accounting } : {}),
      notify: "&SYSUID",
    },
  };
  if (a.source === "external-ca") plan.datasets = { hlq: a.hlq };
  const existingAuthorities: NonNullable<Plan["existing"]>["authorities"] = [];
  const existingCertificates: NonNullable<Plan["existing"]>["certificates"] = [];
  if (a.source === "existing-ca") existingAuthorities.push({ id: "CA", owner: a.caOwner, label: a.caLabel });
  if (a.source === "reuse" && a.reuse) {
    existingCertificates.push({ id: "CERT", owner: a.reuse.owner, label: a.reuse.label });
    if (a.reuseCa) existingAuthorities.push({ id: "CA", owner: a.reuseCa.owner, label: a.reuseCa.label });
  }
  if (existingAuthorities.length + existingCertificates.length > 0) {
    plan.existing = {
      ...(existingAuthorities.length > 0 ? { authorities: existingAuthorities } : {}),
      ...(existingCertificates.length > 0 ? { certificates: existingCertificates } : {}),
    };
  }
  if (a.userKnown) plan.users = [{ id: a.user }];
  if (a.source === "new-racf-ca" || a.source === "external-ca") {
    plan.authorities = [
      {
        id: "CA",
        create: a.source === "new-racf-ca" ? "racf" : "openssl",
        label: a.caLabel,
        subject: {
          CN: a.caLabel,
          ...(a.subject.O ? { O: a.subject.O } : {}),
          ...(a.subject.C ? { C: a.subject.C } : {}),
        },
        key: caKey(key),
        validity: { notBefore: ymd(start), notAfter: ymd(caEnd) },
      },
    ];
  }
  if (withCert) {
    const cert: PlanCertificate = {
      id: "CERT",
      owner: a.ringOwner,
      label: a.label,
      subject: a.subject,
      altNames: { dns: [a.host], ...(a.ip ? { ip: [a.ip] } : {}) },
      key,
      validity: { notBefore: ymd(start), notAfter: ymd(certEnd) },
      keyUsage: ["HANDSHAKE"],
      signer: { authority: "CA", ...(a.source === "external-ca" ? { method: "genreq" as const } : {}) },
    };
    plan.certificates = [cert];
  }
  const connect: PlanRing["connect"] = [];
  const hasCert = withCert || (a.source === "reuse" && a.reuse !== null);
  // On an existing ring with a default, another application may rely on it: the new
  // certificate is connected without DEFAULT and the application names it instead.
  const keepDefault = a.ringHas.some((k) => k.default);
  const on = (owner: string, label: string) => a.ringHas.some((k) => k.owner === owner && k.label === label);
  const reuseKw = a.reuse ? (a.reuse.owner === "SITE" ? "SITE" : `ID(${a.reuse.owner})`) : "";
  const certOnRing = a.source === "reuse" && a.reuse !== null && on(reuseKw, a.reuse.label);
  if (hasCert && !certOnRing)
    connect.push({
      certificate: "CERT",
      ...(preset.role === "server" && !keepDefault ? { default: true } : {}),
    });
  const caRef =
    a.source === "existing-ca"
      ? { owner: a.caOwner, label: a.caLabel }
      : a.source === "reuse"
        ? a.reuseCa
        : { owner: "CERTAUTH", label: a.caLabel };
  if (caRef && !on(caRef.owner, caRef.label)) connect.push({ authority: "CA" });
  plan.rings = [{ owner: a.ringOwner, name: a.ring, ...(a.ringExisting ? { existing: true } : {}), connect }];
  const role = preset.role === "server" ? "server" : "client";
  plan.applications = [
    {
      name: preset.app,
      user: a.user,
      ring: `${a.ringOwner}/${a.ring}`,
      ...(hasCert && (role === "client" || keepDefault) ? { certificate: "CERT" } : {}),
      role,
    },
  ];
  plan.permissions = { strategy: a.permissions };
  return plan;
}

export function planYaml(plan: Plan): string {
  return `# Made by racfring wizard. Regenerate the jobs with: racfring generate <this file> -o <dir>\n${stringify(plan, { lineWidth: 0 })}`;
}
