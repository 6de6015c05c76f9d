import "reflect-metadata";
import { createHash, createPublicKey, X509Certificate as NodeX509 } from "node:crypto";
import {
  KeyUsagesExtension,
  Pkcs10CertificateRequest,
  SubjectAlternativeNameExtension,
  X509Certificate,
  X509Certificates,
} from "@peculiar/x509";
import { normalizeDn } from "../model/dn.js";
import type { AltName, Certificate } from "../model/types.js";
import { normalizeSerial, racfKeyType, racfKeyUsage, racfSignatureAlgorithm } from "./racf-names.js";

/**
 * The adapter between certificate files and racfring's model. All use of @peculiar/x509 stays
 * in src/pki so that the rest of the code sees model facts only (RACF spellings, normalised DNs,
 * upper-case hex), never library objects.
 */

/** What a certificate file tells about one certificate: X.509 facts, no RACF facts. */
export type X509Facts = Pick<
  Certificate,
  | "notBefore"
  | "notAfter"
  | "subject"
  | "issuer"
  | "altNames"
  | "keyType"
  | "keySize"
  | "keyUsage"
  | "signatureAlgorithm"
  | "serial"
  | "fingerprint"
  | "selfSigned"
  | "der"
> & {
  /** Subject CN (or the whole subject when there is no CN), to derive a placeholder label. */
  commonName: string | null;
  /** Line of the PEM block (1 for DER input), for located issues. */
  line: number;
};

export interface PkiProblem {
  line: number;
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
}

export interface ParsedCertificates {
  format: "pem" | "der" | "pkcs7" | "unknown";
  certificates: X509Facts[];
  problems: PkiProblem[];
}

const CERT_LABELS = new Set(["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"]);
const PKCS7_LABELS = new Set(["PKCS7", "PKCS #7 SIGNED DATA", "CMS"]);

/**
 * Line numbers of offsets met in increasing order, counted from the last offset rather than the
 * start of the text: a PEM file of thousands of blocks stays linear (issue 9, item 10).
 */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

function base64Bytes(body: string): Uint8Array | null {
  // PEM headers such as "Proc-Type:" belong to encrypted keys, never to certificates.
  const b64 = body
    .split(/\r?\n/)
    .filter((l) => !l.includes(":"))
    .join("")
    .replace(/\s+/g, "");
  if (b64 === "" || !/^[A-Za-z0-9+/]+=*$/.test(b64)) return null;
  return new Uint8Array(Buffer.from(b64, "base64"));
}

/** Escape an attribute value for the RFC 4514 string normalizeDn reads. */
function escapeRdnValue(v: string): string {
  return v.replace(/([,+"\\<>;=])/g, "\\$1");
}

/**
 * DN of a @peculiar/x509 Name, most specific RDN first (RFC 4514 order, which is also how RACF
 * displays it), normalised by the model's DN rules so that it compares equal to LIST output.
 */
function dnOf(json: Array<Record<string, string[]>>): string {
  const rdns: string[] = [];
  for (const rdn of [...json].reverse()) {
    for (const [type, values] of Object.entries(rdn)) {
      for (const v of values) rdns.push(`${type}=${escapeRdnValue(v)}`);
    }
  }
  return normalizeDn(rdns.join(","));
}

function commonNameOf(json: Array<Record<string, string[]>>): string | null {
  for (const rdn of [...json].reverse()) {
    const cn = rdn.CN?.[0];
    if (cn) return cn;
  }
  return null;
}

/** Minimal DER walk: the signatureAlgorithm OID of a Certificate (2nd element of the outer SEQUENCE). */
function signatureOid(der: Uint8Array): string | null {
  const tlv = (off: number): { tag: number; start: number; end: number } | null => {
    const tag = der[off];
    let len = der[off + 1];
    if (tag === undefined || len === undefined) return null;
    let start = off + 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + (der[start + i] ?? 0);
      start += n;
    }
    return { tag, start, end: start + len };
  };
  const outer = tlv(0);
  if (outer?.tag !== 0x30) return null;
  const tbs = tlv(outer.start);
  if (!tbs) return null;
  const alg = tlv(tbs.end);
  if (alg?.tag !== 0x30) return null;
  const oid = tlv(alg.start);
  if (oid?.tag !== 0x06) return null;
  const bytes = der.slice(oid.start, oid.end);
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const b of bytes.slice(1)) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

const SAN_TYPES: Record<string, AltName["type"]> = { dns: "DNS", ip: "IP", email: "EMAIL", url: "URI" };

function factsOf(cert: X509Certificate, line: number, problems: PkiProblem[]): X509Facts {
  const der = new Uint8Array(cert.rawData);
  const subjectJson = cert.subjectName.toJSON();
  const issuerJson = cert.issuerName.toJSON();
  const subject = dnOf(subjectJson);
  const issuer = dnOf(issuerJson);

  let altNames: AltName[] = [];
  try {
    const san = cert.getExtension(SubjectAlternativeNameExtension);
    altNames = (san?.names.toJSON() ?? []).flatMap((n) => {
      const type = SAN_TYPES[n.type];
      return type ? [{ type, value: n.value }] : [];
    });
  } catch (e) {
    problems.push({
      line,
      code: "cert-san-unreadable",
      severity: "warning",
      message: `subject alternative names of ${subject} could not be read (${(e as Error).message}); treated as none`,
    });
  }

  let keyUsage: Certificate["keyUsage"] = [];
  try {
    const ku = cert.getExtension(KeyUsagesExtension);
    // No extension: RACF shows no "Key Usage:" line and System SSL allows any use.
    keyUsage = ku ? racfKeyUsage(ku.usages) : [];
  } catch {
    keyUsage = null;
  }

  let key: ReturnType<typeof racfKeyType> = { keyType: null, keySize: null };
  let selfSigned: boolean | null = subject === issuer;
  try {
    const node = new NodeX509(der);
    key = racfKeyType(node.publicKey.asymmetricKeyType, node.publicKey.asymmetricKeyDetails);
    // Self-signed = names chain to itself and its own key verifies the signature (synchronous
    // through Node's OpenSSL, which also covers DSA and MD5 that WebCrypto cannot verify).
    // (checkIssued would also demand keyCertSign, which self-signed end-entity certificates lack)
    selfSigned = node.subject === node.issuer && node.verify(node.publicKey);
  } catch {
    // Key algorithms Node cannot load (e.g. post-quantum): key unknown, names decide.
  }

  return {
    notBefore: cert.notBefore.toISOString().replace(/\.000Z$/, "Z"),
    notAfter: cert.notAfter.toISOString().replace(/\.000Z$/, "Z"),
    subject,
    issuer,
    altNames,
    keyType: key.keyType,
    keySize: key.keySize,
    keyUsage,
    signatureAlgorithm: racfSignatureAlgorithm(signatureOid(der)),
    serial: normalizeSerial(cert.serialNumber),
    fingerprint: createHash("sha256").update(der).digest("hex").toUpperCase(),
    selfSigned,
    der: Buffer.from(der).toString("base64"),
    commonName: commonNameOf(subjectJson) ?? (subject || null),
    line,
  };
}

function fromDer(
  bytes: Uint8Array,
  line: number,
  problems: PkiProblem[],
): { kind: "der" | "pkcs7"; certs: X509Facts[] } | null {
  try {
    const cert = new X509Certificate(bytes);
    return { kind: "der", certs: [factsOf(cert, line, problems)] };
  } catch {
    // not a single certificate; try a PKCS#7 bundle next
  }
  try {
    const bundle = new X509Certificates(bytes);
    const certs: X509Facts[] = [];
    for (const c of bundle) certs.push(factsOf(c, line, problems));
    return { kind: "pkcs7", certs };
  } catch {
    return null;
  }
}

/** Counts the certificate decodes a read performed (tests bound the work with it, not wall time). */
export interface DecodeCounter {
  decoded: number;
}

/**
 * A PEM block decoder that decodes each distinct block once. A bundle often repeats the same
 * chain (one copy per server concatenated into one file; issue 9, item 10: 4,000 copies of a
 * chain) and decoding an X.509 certificate is the costly step; a repeat gets the first decode's
 * facts and problems at its own line. Keyed by the block body as written, so two encodings of
 * the same certificate are still decoded separately (and then merged by fingerprint).
 */
function blockDecoder(
  work: DecodeCounter | undefined,
): (body: string, line: number, problems: PkiProblem[]) => { certs: X509Facts[] } | null {
  const seen = new Map<string, { certs: X509Facts[]; problems: PkiProblem[] } | null>();
  return (body, line, problems) => {
    let known = seen.get(body);
    if (known === undefined) {
      const own: PkiProblem[] = [];
      const bytes = base64Bytes(body);
      if (work && bytes) work.decoded++;
      const read = bytes ? fromDer(bytes, line, own) : null;
      known = read ? { certs: read.certs, problems: own } : null;
      seen.set(body, known);
    }
    if (!known) return null;
    for (const p of known.problems) problems.push({ ...p, line });
    return {
      certs: known.certs.map((c) => ({
        ...c,
        altNames: c.altNames.map((n) => ({ ...n })),
        keyUsage: c.keyUsage ? [...c.keyUsage] : null,
        line,
      })),
    };
  };
}

/**
 * Read every certificate in a file: PEM (one or many `CERTIFICATE` blocks, `PKCS7` blocks),
 * DER, or a DER PKCS#7 bundle (RACDCERT EXPORT FORMAT(CERTDER|CERTB64|PKCS7DER|PKCS7B64)).
 * Never throws: what cannot be read becomes a problem with the line it starts on. Synchronous,
 * so that readers applying commands in order (RACDCERT ADD of a data set) can use it too.
 */
export function parseCertificateDataSync(data: Uint8Array, work?: DecodeCounter): ParsedCertificates {
  const problems: PkiProblem[] = [];
  const decodeOnce = blockDecoder(work);
  const text = Buffer.from(data).toString("latin1");
  if (text.includes("-----BEGIN ")) {
    const certificates: X509Facts[] = [];
    const begin = /-----BEGIN ([A-Z0-9 #]+)-----/g;
    const lineOf = lineCounter(text);
    let m: RegExpExecArray | null = begin.exec(text);
    while (m !== null) {
      const label = m[1] ?? "";
      const line = lineOf(m.index);
      const endMarker = `-----END ${label}-----`;
      const end = text.indexOf(endMarker, begin.lastIndex);
      const nextBegin = text.indexOf("-----BEGIN ", begin.lastIndex);
      if (end < 0 || (nextBegin >= 0 && nextBegin < end)) {
        problems.push({
          line,
          code: "cert-pem-truncated",
          severity: "error",
          message: `PEM block "${label}" has no "${endMarker}" line (truncated file?)`,
        });
        m = begin.exec(text);
        continue;
      }
      const body = text.slice(begin.lastIndex, end);
      begin.lastIndex = end + endMarker.length;
      if (CERT_LABELS.has(label) || PKCS7_LABELS.has(label)) {
        const read = decodeOnce(body, line, problems);
        if (read) certificates.push(...read.certs);
        else
          problems.push({
            line,
            code: "cert-unreadable",
            severity: "error",
            message: `PEM block "${label}" does not contain a readable ${PKCS7_LABELS.has(label) ? "PKCS#7 bundle" : "X.509 certificate"}`,
          });
      } else if (/PRIVATE KEY/.test(label)) {
        problems.push({
          line,
          code: "cert-private-key-ignored",
          severity: "warning",
          message: `PEM block "${label}" is a private key; racfring ignores it (keep private keys out of files you share)`,
        });
      } else {
        problems.push({
          line,
          code: "cert-pem-unsupported",
          severity: "info",
          message: `PEM block "${label}" is not a certificate; ignored`,
        });
      }
      m = begin.exec(text);
    }
    const hasPkcs7 = /-----BEGIN (PKCS7|CMS|PKCS #7 SIGNED DATA)-----/.test(text);
    return {
      format: hasPkcs7 && !/-----BEGIN (X509 |TRUSTED )?CERTIFICATE-----/.test(text) ? "pkcs7" : "pem",
      certificates,
      problems,
    };
  }
  if (data[0] === 0x30) {
    const read = fromDer(data, 1, problems);
    if (read) return { format: read.kind, certificates: read.certs, problems };
    problems.push({
      line: 1,
      code: "cert-unreadable",
      severity: "error",
      message:
        "binary data is neither a DER certificate nor a PKCS#7 bundle (PKCS#12 files are not read: export the certificate with FORMAT(CERTDER) or CERTB64)",
    });
    return { format: "unknown", certificates: [], problems };
  }
  // Base64 without PEM armour (some transfers strip the BEGIN/END lines).
  const bare = base64Bytes(text.trim());
  if (bare && bare[0] === 0x30) {
    const read = fromDer(bare, 1, problems);
    if (read) return { format: read.kind, certificates: read.certs, problems };
  }
  problems.push({
    line: 1,
    code: "cert-unreadable",
    severity: "error",
    message: "no certificate found: expected PEM (-----BEGIN CERTIFICATE-----), DER or PKCS#7",
  });
  return { format: "unknown", certificates: [], problems };
}

/** Promise form of {@link parseCertificateDataSync}, for readers that are async anyway. */
export async function parseCertificateData(data: Uint8Array): Promise<ParsedCertificates> {
  return parseCertificateDataSync(data);
}

/** What RACDCERT GENCERT takes from a PKCS#10 request: subject, alternative names, public key. */
export interface RequestFacts {
  subject: string | null;
  altNames: AltName[];
  keyType: Certificate["keyType"];
  keySize: number | null;
}

/** Read a PKCS#10 certificate request (PEM `CERTIFICATE REQUEST` or DER); null if unreadable. */
export function parseCertificateRequest(data: Uint8Array): RequestFacts | null {
  const text = Buffer.from(data).toString("latin1");
  let bytes: Uint8Array | null = data;
  const pem =
    /-----BEGIN (NEW )?CERTIFICATE REQUEST-----([\s\S]*?)-----END (NEW )?CERTIFICATE REQUEST-----/.exec(text);
  if (pem) bytes = base64Bytes(pem[2] ?? "");
  if (!bytes) return null;
  try {
    const csr = new Pkcs10CertificateRequest(bytes);
    let altNames: AltName[] = [];
    try {
      const ext = csr.getExtension("2.5.29.17");
      const san = ext ? new SubjectAlternativeNameExtension(ext.rawData) : null;
      altNames = (san?.names.toJSON() ?? []).flatMap((n) => {
        const type = SAN_TYPES[n.type];
        return type ? [{ type, value: n.value }] : [];
      });
    } catch {
      altNames = [];
    }
    let key: ReturnType<typeof racfKeyType> = { keyType: null, keySize: null };
    try {
      const spki = createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: "der", type: "spki" });
      key = racfKeyType(spki.asymmetricKeyType, spki.asymmetricKeyDetails);
    } catch {
      // unknown key algorithm
    }
    const subjectJson = csr.subjectName.toJSON();
    return { subject: subjectJson.length > 0 ? dnOf(subjectJson) : null, altNames, ...key };
  } catch {
    return null;
  }
}
