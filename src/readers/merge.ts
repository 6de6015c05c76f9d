import { dnCompareKey, dnEquals } from "../model/dn.js";
import { formatSource, type RacfModel } from "../model/model.js";
import type {
  AccessEntry,
  AltName,
  Certificate,
  CertOwner,
  CertStatus,
  Connection,
  InputIssue,
  KeyStore,
  KeyType,
  KeyUsage,
  Profile,
  Ring,
  Severity,
  Source,
  StartedData,
} from "../model/types.js";
import { sameSerial } from "../pki/racf-names.js";
import { clipMessage } from "./guard.js";

/**
 * The one place where facts about the same certificate, ring or profile coming from several
 * inputs (RACDCERT LIST, LISTRING, IRRDBU00, certificate files, RACF commands) are combined.
 *
 * Certificates are the same when their SHA-256 fingerprints are equal, or — when a fingerprint
 * is missing on either side — when serial number and issuer DN are equal (RACF itself names a
 * certificate's DIGTCERT profile `<serial>.<issuer DN>`, so that pair is unique in a RACF
 * database; formats.md §6 "Name formats"). Owner + label identify a certificate inside RACF.
 *
 * Which value wins when two sources disagree (every disagreement is a located issue):
 * - X.509 facts (dates, names, serial, key, usage, algorithm, alt names, fingerprint) never
 *   change for one certificate: a certificate file wins (its DER is the certificate itself);
 *   otherwise the value read first stays.
 * - RACF facts (trust status, private key, key store, ICSF label) can change over time: the
 *   input read later wins, as inputs are applied in the order given (src/cli/inputs.ts).
 */

/** Certificate facts as one input gives them; `null` = this input does not say. */
export interface CertFacts {
  owner: CertOwner | null;
  label: string | null;
  status: CertStatus | null;
  notBefore: string | null;
  notAfter: string | null;
  subject: string | null;
  issuer: string | null;
  /** `null` = the input does not show alternative names (an unload); `[]` = it shows none. */
  altNames: AltName[] | null;
  keyType: KeyType | null;
  keySize: number | null;
  privateKey: boolean | null;
  keyStore: KeyStore | null;
  icsfLabel: string | null;
  keyUsage: KeyUsage[] | null;
  signatureAlgorithm: string | null;
  serial: string | null;
  fingerprint: string | null;
  selfSigned: boolean | null;
  der: string | null;
  source: Source;
}

export function emptyFacts(source: Source): CertFacts {
  return {
    owner: null,
    label: null,
    status: null,
    notBefore: null,
    notAfter: null,
    subject: null,
    issuer: null,
    altNames: null,
    keyType: null,
    keySize: null,
    privateKey: null,
    keyStore: null,
    icsfLabel: null,
    keyUsage: null,
    signatureAlgorithm: null,
    serial: null,
    fingerprint: null,
    selfSigned: null,
    der: null,
    source,
  };
}

/**
 * Owner of a certificate whose RACF owner and label are not known (a certificate file given
 * without `=OWNER:LABEL`). Such a certificate is kept under a placeholder label derived from its
 * subject so that a later input (LIST, unload, another file with OWNER:LABEL) can be matched to
 * it; it can never be mistaken for a RACF certificate because RACF owners are `ID(x)`,
 * CERTAUTH or SITE. Later commands may ask the user for the real owner and label.
 */
export const UNKNOWN_OWNER = "";

export function isPlaceholder(cert: Certificate): boolean {
  return cert.owner === UNKNOWN_OWNER;
}

function issue(model: RacfModel, source: Source, code: string, severity: Severity, message: string): void {
  const i: InputIssue = {
    file: source.file,
    line: source.line,
    code,
    severity,
    message: clipMessage(message),
  };
  if (source.column !== undefined) i.column = source.column;
  model.issue(i);
}

function describe(cert: Certificate): string {
  return isPlaceholder(cert)
    ? `certificate "${cert.label}" (owner not known)`
    : `${cert.owner} certificate "${cert.label}"`;
}

function where(cert: Certificate): string {
  const s = cert.sources.find((x) => !isStatusAssumedSource(x));
  return s ? formatSource(s) : "an earlier input";
}

/** Same certificate by fingerprint, else by serial + issuer. `null` = cannot tell. */
export function sameCertificate(
  a: Pick<Certificate, "fingerprint" | "serial" | "issuer">,
  b: Pick<CertFacts, "fingerprint" | "serial" | "issuer">,
): boolean | null {
  if (a.fingerprint && b.fingerprint) return a.fingerprint === b.fingerprint;
  if (a.serial && b.serial && a.issuer && b.issuer)
    return sameSerial(a.serial, b.serial) && dnEquals(a.issuer, b.issuer);
  return null;
}

/**
 * Certificates by identity, so that merging a certificate does not compare it with every other
 * one (an unload holds tens of thousands): by fingerprint, and by serial + issuer with the serial
 * and the DN reduced once to the form sameSerial/dnEquals compare. Candidates from the index are
 * confirmed with sameCertificate, and the first in model order wins, as a scan would find it.
 * The index follows the certificates array (rebuilt when it is another array or another length)
 * and is told about identity facts merged into a certificate (`noteIdentity`).
 */
interface IdentityIndex {
  of: Certificate[];
  count: number;
  order: Map<Certificate, number>;
  byFingerprint: Map<string, Certificate[]>;
  bySerialIssuer: Map<string, Certificate[]>;
}

const identityIndexes = new WeakMap<RacfModel, IdentityIndex>();

/** Serial as sameSerial compares it: hex digits, upper case, no leading zeros. */
function serialKey(serial: string): string {
  return serial
    .replace(/[^0-9A-Fa-f]/g, "")
    .toUpperCase()
    .replace(/^0+/, "");
}

function serialIssuerKey(c: Pick<Certificate, "serial" | "issuer">): string | null {
  return c.serial && c.issuer ? `${serialKey(c.serial)}\u0000${dnCompareKey(c.issuer)}` : null;
}

function file<K>(map: Map<K, Certificate[]>, key: K, cert: Certificate): void {
  const list = map.get(key);
  if (!list) map.set(key, [cert]);
  else if (!list.includes(cert)) list.push(cert);
}

function identityIndex(model: RacfModel): IdentityIndex {
  const certs = model.state.certificates;
  const idx = identityIndexes.get(model);
  if (idx && idx.of === certs && idx.count === certs.length) return idx;
  const fresh: IdentityIndex = {
    of: certs,
    count: 0,
    order: new Map(),
    byFingerprint: new Map(),
    bySerialIssuer: new Map(),
  };
  for (const c of certs) noteIdentity(fresh, c);
  fresh.count = certs.length;
  identityIndexes.set(model, fresh);
  return fresh;
}

function noteIdentity(idx: IdentityIndex, cert: Certificate): void {
  if (!idx.order.has(cert)) idx.order.set(cert, idx.order.size);
  if (cert.fingerprint) file(idx.byFingerprint, cert.fingerprint, cert);
  const key = serialIssuerKey(cert);
  if (key) file(idx.bySerialIssuer, key, cert);
}

/** Add a certificate to the model and to the identity index. */
function addIndexed(model: RacfModel, cert: Certificate): Certificate {
  const idx = identityIndex(model);
  model.addCertificate(cert);
  noteIdentity(idx, cert);
  idx.count = model.state.certificates.length;
  return cert;
}

/** Keep the index current after a certificate's identity facts were merged. */
function indexCertificate(model: RacfModel, cert: Certificate): void {
  noteIdentity(identityIndex(model), cert);
}

/** Certificates that may be the same as `facts` (to be confirmed), from the index. */
function identityCandidates(model: RacfModel, facts: Pick<CertFacts, "fingerprint" | "serial" | "issuer">) {
  const idx = identityIndex(model);
  const out: Certificate[] = [];
  if (facts.fingerprint) out.push(...(idx.byFingerprint.get(facts.fingerprint) ?? []));
  const key = serialIssuerKey(facts);
  if (key) out.push(...(idx.bySerialIssuer.get(key) ?? []));
  return { idx, out };
}

function findByIdentity(model: RacfModel, facts: CertFacts, except?: Certificate): Certificate | undefined {
  const { idx, out } = identityCandidates(model, facts);
  let best: Certificate | undefined;
  for (const c of out) {
    if (c === except || sameCertificate(c, facts) !== true) continue;
    if (!best || (idx.order.get(c) ?? 0) < (idx.order.get(best) ?? 0)) best = c;
  }
  return best;
}

/** Dates from listings are printed without a zone; allow a time-zone's worth of difference. */
const DATE_TOLERANCE_MS = 14 * 3600 * 1000;

function datesAgree(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a === b;
  return Math.abs(ta - tb) <= DATE_TOLERANCE_MS;
}

function sameSet<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): boolean {
  const ka = new Set(a.map(key));
  const kb = new Set(b.map(key));
  return ka.size === kb.size && [...ka].every((k) => kb.has(k));
}

type X509Field =
  | "notBefore"
  | "notAfter"
  | "subject"
  | "issuer"
  | "keyType"
  | "keySize"
  | "signatureAlgorithm"
  | "serial"
  | "fingerprint"
  | "selfSigned";
type RacfField = "status" | "privateKey" | "keyStore" | "icsfLabel";

function agree(field: X509Field | RacfField, a: unknown, b: unknown): boolean {
  if (field === "notBefore" || field === "notAfter") return datesAgree(String(a), String(b));
  if (field === "subject" || field === "issuer") return dnEquals(String(a), String(b));
  if (field === "serial") return sameSerial(String(a), String(b));
  if (field === "signatureAlgorithm") return String(a).toLowerCase() === String(b).toLowerCase();
  return a === b;
}

/**
 * Fold `facts` into `cert`, reporting disagreements at the incoming source. The incoming X.509
 * facts replace the known ones when they come from a certificate file (`fileWins`, or the
 * source kind is `cert`) or when the label now names another certificate (`identityReplaced`,
 * already reported once, so the individual differences are not listed again).
 */
function mergeInto(
  model: RacfModel,
  cert: Certificate,
  facts: CertFacts,
  how: { fileWins: boolean; identityReplaced: boolean },
): void {
  const conflicts: string[] = [];
  const note = (text: string): void => {
    if (!how.identityReplaced) conflicts.push(text);
  };
  const x509Authoritative = how.fileWins || how.identityReplaced;
  const fromFile = facts.source.kind === "cert";
  const x509Fields: X509Field[] = [
    "notBefore",
    "notAfter",
    "subject",
    "issuer",
    "keyType",
    "keySize",
    "signatureAlgorithm",
    "serial",
    "fingerprint",
    "selfSigned",
  ];
  for (const f of x509Fields) {
    const incoming = facts[f];
    if (incoming === null) continue;
    const have = cert[f];
    if (have === null) {
      (cert as unknown as Record<string, unknown>)[f] = incoming;
      continue;
    }
    if (!agree(f, have, incoming)) note(`${f} ${String(have)} (${where(cert)}) vs ${String(incoming)} here`);
    if (fromFile || x509Authoritative) (cert as unknown as Record<string, unknown>)[f] = incoming;
  }
  if (facts.fingerprint !== null || facts.serial !== null || facts.issuer !== null)
    indexCertificate(model, cert);
  if (facts.keyUsage !== null) {
    if (cert.keyUsage === null || fromFile || x509Authoritative) {
      if (cert.keyUsage !== null && !sameSet(cert.keyUsage, facts.keyUsage, (k) => k))
        note(`key usage [${cert.keyUsage.join(",")}] (${where(cert)}) vs [${facts.keyUsage.join(",")}] here`);
      cert.keyUsage = [...facts.keyUsage];
    } else if (!sameSet(cert.keyUsage, facts.keyUsage, (k) => k)) {
      note(`key usage [${cert.keyUsage.join(",")}] (${where(cert)}) vs [${facts.keyUsage.join(",")}] here`);
    }
  }
  if (facts.altNames !== null && facts.altNames.length > 0) {
    // The model cannot tell "no alternative names" from "not shown" ([] for both), so only two
    // non-empty lists can disagree.
    const key = (n: AltName): string => `${n.type}:${n.value.toLowerCase()}`;
    if (cert.altNames.length > 0 && !sameSet(cert.altNames, facts.altNames, key)) {
      note(
        `alternative names [${cert.altNames.map(key).join(", ")}] (${where(cert)}) vs [${facts.altNames.map(key).join(", ")}] here`,
      );
    }
    if (cert.altNames.length === 0 || fromFile || x509Authoritative)
      cert.altNames = facts.altNames.map((n) => ({ ...n }));
  }
  if (facts.der !== null) cert.der = facts.der;

  const racfFields: RacfField[] = ["status", "privateKey", "keyStore", "icsfLabel"];
  for (const f of racfFields) {
    const incoming = facts[f];
    if (incoming === null) continue;
    const have = cert[f];
    if (have !== null && !agree(f, have, incoming) && !(f === "status" && statusWasAssumed(cert))) {
      conflicts.push(
        `${f} ${String(have)} (${where(cert)}) vs ${String(incoming)} here (the later input is kept)`,
      );
    }
    (cert as unknown as Record<string, unknown>)[f] = incoming;
  }
  if (conflicts.length > 0) {
    issue(
      model,
      facts.source,
      "cert-conflict",
      "warning",
      `${describe(cert)} is described differently by two inputs: ${conflicts.join("; ")}`,
    );
  }
  cert.sources.push(facts.source);
}

/**
 * A certificate's status is non-nullable in the model; when no input said it, racfring set TRUST
 * and marked the certificate's first source as `default`. A real status later replaces it
 * without a conflict.
 */
function statusWasAssumed(cert: Certificate): boolean {
  return cert.sources.some(isStatusAssumedSource);
}

/** Marks a certificate whose trust status no input stated (racfring set TRUST). */
export const STATUS_ASSUMED_FILE = "(trust status not stated: TRUST assumed)";

function isStatusAssumedSource(s: Source): boolean {
  return s.kind === "default" && s.file === STATUS_ASSUMED_FILE;
}

function uniquePlaceholderLabel(model: RacfModel, base: string): string {
  const stem = (base.trim() || "certificate").slice(0, 32);
  let label = stem;
  for (let n = 2; model.certificate(UNKNOWN_OWNER, label); n++) {
    const suffix = ` #${n}`;
    label = stem.slice(0, 32 - suffix.length) + suffix;
  }
  return label;
}

function newCertificate(facts: CertFacts, owner: CertOwner, label: string): Certificate {
  return {
    owner,
    label,
    status: facts.status ?? "TRUST",
    notBefore: facts.notBefore,
    notAfter: facts.notAfter,
    datesAssumed: false,
    subject: facts.subject,
    issuer: facts.issuer,
    altNames: facts.altNames ? facts.altNames.map((n) => ({ ...n })) : [],
    keyType: facts.keyType,
    keySize: facts.keySize,
    privateKey: facts.privateKey,
    keyStore: facts.keyStore,
    icsfLabel: facts.icsfLabel,
    keyUsage: facts.keyUsage ? [...facts.keyUsage] : null,
    signatureAlgorithm: facts.signatureAlgorithm,
    serial: facts.serial,
    fingerprint: facts.fingerprint,
    signer: null,
    selfSigned: facts.selfSigned,
    fromRequest: false,
    der: facts.der,
    // A status nobody stated is marked by a `default` source first (see statusWasAssumed).
    sources:
      facts.status === null
        ? [{ file: STATUS_ASSUMED_FILE, line: 0, kind: "default" }, facts.source]
        : [facts.source],
  };
}

export interface MergeOptions {
  /** Base for a placeholder label when owner/label are unknown (e.g. the subject CN). */
  placeholderLabel?: string;
}

/**
 * Add what an input says about a certificate to the model: merge into the certificate it
 * describes, or add a new one (under a placeholder label when owner or label is unknown).
 * Returns the certificate the facts ended up in.
 */
export function mergeCertificate(
  model: RacfModel,
  facts: CertFacts,
  options: MergeOptions = {},
): Certificate {
  const known = facts.owner !== null && facts.label !== null;
  const byLabel = known ? model.certificate(facts.owner ?? "", facts.label ?? "") : undefined;

  if (byLabel) {
    const identity = sameCertificate(byLabel, facts);
    if (identity === false) {
      issue(
        model,
        facts.source,
        "cert-identity-conflict",
        "warning",
        `${describe(byLabel)} (${where(byLabel)}) is a different certificate here (other serial/issuer or fingerprint); the later input is kept — was the certificate replaced?`,
      );
    }
    // A placeholder from a certificate file that turns out to be this certificate: fold it in.
    const placeholder = findByIdentity(model, facts, byLabel);
    if (placeholder && isPlaceholder(placeholder)) absorbPlaceholder(model, byLabel, placeholder);
    mergeInto(model, byLabel, facts, { fileWins: false, identityReplaced: identity === false });
    if (facts.status !== null) dropDefaultSource(byLabel);
    return byLabel;
  }

  const byIdentity = findByIdentity(model, facts);
  if (byIdentity) {
    if (!known || isPlaceholder(byIdentity)) {
      if (known && facts.owner !== null && facts.label !== null) {
        model.relabelCertificate(byIdentity, facts.label);
        model.setCertificateOwner(byIdentity, facts.owner);
      }
      mergeInto(model, byIdentity, facts, { fileWins: false, identityReplaced: false });
      if (facts.status !== null) dropDefaultSource(byIdentity);
      return byIdentity;
    }
    issue(
      model,
      facts.source,
      "cert-duplicate",
      "warning",
      `this certificate (same ${facts.fingerprint && byIdentity.fingerprint ? "fingerprint" : "serial number and issuer"}) is already known as ${describe(byIdentity)} from ${where(byIdentity)}; RACF holds a certificate only once (one DIGTCERT profile per serial number and issuer), so one of the inputs is out of date`,
    );
  }

  // Same RACF name (serial + issuer) but another fingerprint: not the certificate RACF holds.
  const namesake =
    facts.fingerprint === null
      ? undefined
      : identityCandidates(model, { fingerprint: null, serial: facts.serial, issuer: facts.issuer }).out.find(
          (c) =>
            c.fingerprint !== null &&
            c.fingerprint !== facts.fingerprint &&
            sameSerial(c.serial, facts.serial) &&
            dnEquals(c.issuer, facts.issuer),
        );
  if (namesake) {
    issue(
      model,
      facts.source,
      "cert-fingerprint-mismatch",
      "warning",
      `serial ${facts.serial ?? ""} from issuer ${facts.issuer ?? ""} is ${describe(namesake)} (${where(namesake)}), but the SHA-256 fingerprints differ: this is not the certificate RACF holds (reissued with the same serial number?)`,
    );
  }

  if (known && facts.owner !== null && facts.label !== null) {
    return addIndexed(model, newCertificate(facts, facts.owner, facts.label));
  }
  const label = uniquePlaceholderLabel(model, options.placeholderLabel ?? facts.subject ?? "certificate");
  issue(
    model,
    facts.source,
    "cert-owner-unknown",
    "info",
    `certificate ${facts.subject ?? ""} has no RACF owner and label; kept as "${label}" with owner unknown. Give them as FILE=OWNER:LABEL (e.g. --cert '${facts.source.file}=ID(USER):Label'), or read a LIST or unload that shows it`,
  );
  return addIndexed(model, newCertificate(facts, UNKNOWN_OWNER, label));
}

function dropDefaultSource(cert: Certificate): void {
  cert.sources = cert.sources.filter((s) => !isStatusAssumedSource(s));
}

function absorbPlaceholder(model: RacfModel, into: Certificate, placeholder: Certificate): void {
  const primary = placeholder.sources.find((s) => !isStatusAssumedSource(s)) ?? {
    file: "",
    line: 0,
    kind: "cert",
  };
  const facts: CertFacts = {
    ...emptyFacts(primary),
    notBefore: placeholder.notBefore,
    notAfter: placeholder.notAfter,
    subject: placeholder.subject,
    issuer: placeholder.issuer,
    altNames: placeholder.altNames,
    keyType: placeholder.keyType,
    keySize: placeholder.keySize,
    keyUsage: placeholder.keyUsage,
    signatureAlgorithm: placeholder.signatureAlgorithm,
    serial: placeholder.serial,
    fingerprint: placeholder.fingerprint,
    selfSigned: placeholder.selfSigned,
    der: placeholder.der,
  };
  mergeInto(model, into, facts, {
    fileWins: placeholder.sources.some((s) => s.kind === "cert"),
    identityReplaced: false,
  });
  into.sources.push(...placeholder.sources.filter((s) => s !== primary && !isStatusAssumedSource(s)));
  model.state.certificates = model.state.certificates.filter((c) => c !== placeholder);
}

// ---- rings ------------------------------------------------------------------------------------

export interface ConnectionFacts {
  owner: CertOwner;
  label: string;
  usage: Connection["usage"];
  default: boolean;
  source: Source;
}

/**
 * A listing or an unload shows a ring's complete contents at one moment. Inputs are applied in
 * order, so the snapshot replaces what earlier inputs said the ring held; connections that
 * disappear are reported (info), unless racfring had only inferred them.
 */
export function applyRingSnapshot(
  model: RacfModel,
  owner: string,
  name: string,
  connections: readonly ConnectionFacts[],
  source: Source,
): Ring {
  let ring = model.ring(owner, name);
  if (!ring) ring = model.addRing(owner, name, source);
  else {
    // A ring inferred from LIST's "Ring Associations" is now listed for real: the inference and
    // the assumption that announced it no longer hold, so neither is shown again.
    if (ring.sources.some((s) => s.kind === "inferred")) {
      ring.sources = ring.sources.filter((s) => s.kind !== "inferred");
      const known = `Ring ${ring.owner}/${ring.name} is known only from RACDCERT LIST "Ring Associations"`;
      const at = model.state.assumptions.findIndex((a) => a.message.startsWith(known));
      if (at >= 0) model.state.assumptions.splice(at, 1);
    }
    ring.sources.push(source);
  }
  const kept = new Set(connections.map((c) => `${c.owner}\u0000${c.label}`));
  const dropped = ring.connections.filter(
    (c) => !kept.has(`${c.owner}\u0000${c.label}`) && c.sources.some((s) => s.kind !== "inferred"),
  );
  if (dropped.length > 0) {
    issue(
      model,
      source,
      "ring-connection-dropped",
      "info",
      `ring ${ring.owner}/${ring.name} as listed here no longer holds ${dropped.map((c) => `${c.owner} "${c.label}" (${formatSource(c.sources[0] ?? source)})`).join(", ")}`,
    );
  }
  const previous = new Map(ring.connections.map((c) => [`${c.owner}\u0000${c.label}`, c]));
  ring.connections = [];
  let defaults = 0;
  for (const c of connections) {
    if (c.default) defaults++;
    const before = previous.get(`${c.owner}\u0000${c.label}`);
    const sources = [...(before?.sources.filter((s) => s.kind !== "inferred") ?? []), c.source];
    model.connect(ring, { owner: c.owner, label: c.label, usage: c.usage, default: c.default, sources });
  }
  if (defaults > 1) {
    issue(
      model,
      source,
      "ring-several-defaults",
      "warning",
      `ring ${ring.owner}/${ring.name} shows ${defaults} DEFAULT certificates; RACF keeps one default per ring, racfring keeps the last`,
    );
  }
  return ring;
}

// ---- profiles ---------------------------------------------------------------------------------

export interface ProfileFacts {
  class: string;
  name: string;
  generic: boolean | null;
  uacc: Profile["uacc"] | null;
  /** `null` = the input does not show the access list. */
  access: Array<{ id: string; level: AccessEntry["level"]; source: Source }> | null;
  stdata: StartedData | null;
  applData: string | null;
  /** The WARNING attribute; absent or null = the input does not show it. */
  warning?: boolean | null;
  source: Source;
}

/** Record what an RLIST or an unload shows about a profile (the later input wins). */
export function applyProfile(model: RacfModel, facts: ProfileFacts): Profile {
  const p = model.defineProfile(facts.class, facts.name, facts.source);
  if (facts.generic !== null) p.generic = facts.generic;
  if (facts.uacc !== null) p.uacc = facts.uacc;
  if (facts.access !== null) {
    p.access = facts.access.map((a) => ({ id: a.id, level: a.level, sources: [a.source] }));
  }
  if (facts.stdata !== null) p.stdata = { ...facts.stdata };
  if (facts.applData !== null) p.applData = facts.applData;
  if (facts.warning !== undefined && facts.warning !== null) p.warning = facts.warning;
  return p;
}
