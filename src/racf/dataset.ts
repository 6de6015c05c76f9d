import "reflect-metadata";
import { createHash, createPublicKey, X509Certificate as NodeX509 } from "node:crypto";
import {
  KeyUsagesExtension,
  Pkcs10CertificateRequest,
  SubjectAlternativeNameExtension,
  X509Certificate,
} from "@peculiar/x509";
import { dnEquals, normalizeDn } from "../model/dn.js";
import type { AltName, Certificate } from "../model/types.js";
import { normalizeSerial, racfKeyType, racfKeyUsage } from "../pki/racf-names.js";

/**
 * Reading the data sets RACDCERT ADD and GENCERT name, from the files the user mapped to them
 * (`--dataset NAME=FILE`). Synchronous on purpose: the command reader applies commands in order
 * and must not interleave. Only what RACF itself would take from the data set is returned.
 */

export type CertFacts = Pick<
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
  /** The file also held a private key (PEM `PRIVATE KEY` block). */
  privateKeyInFile: boolean;
};

export interface RequestFacts {
  subject: string | null;
  altNames: AltName[];
  keyType: Certificate["keyType"];
  keySize: number | null;
}

const SAN_TYPES: Record<string, AltName["type"]> = { dns: "DNS", ip: "IP", email: "EMAIL", url: "URI" };

function pemBlocks(text: string): Array<{ label: string; der: Uint8Array }> {
  const out: Array<{ label: string; der: Uint8Array }> = [];
  const re = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const body = (m[2] ?? "")
      .split(/\r?\n/)
      .filter((l) => !l.includes(":"))
      .join("")
      .replace(/\s+/g, "");
    out.push({ label: m[1] ?? "", der: new Uint8Array(Buffer.from(body, "base64")) });
  }
  return out;
}

function escapeRdn(v: string): string {
  return v.replace(/([,+"\\<>;=])/g, "\\$1");
}

function dnOf(json: Array<Record<string, string[]>>): string {
  const rdns: string[] = [];
  for (const rdn of [...json].reverse()) {
    for (const [type, values] of Object.entries(rdn))
      for (const v of values) rdns.push(`${type}=${escapeRdn(v)}`);
  }
  return normalizeDn(rdns.join(","));
}

function keyOf(spki: ArrayBuffer): { keyType: Certificate["keyType"]; keySize: number | null } {
  try {
    const key = createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
    return racfKeyType(key.asymmetricKeyType, key.asymmetricKeyDetails);
  } catch {
    return { keyType: null, keySize: null };
  }
}

/** RACF spelling of a signature algorithm from WebCrypto-style names (formats.md §2 list). */
function racfSignatureName(alg: { name?: string; hash?: unknown }): string {
  const hashName =
    typeof alg.hash === "object" && alg.hash !== null
      ? String((alg.hash as { name?: string }).name ?? "")
      : "";
  const hash = hashName.replace("-", "").toLowerCase();
  const name = alg.name ?? "";
  if (name === "RSASSA-PKCS1-v1_5" && hash) return `${hash}RSA`;
  if (name === "RSA-PSS") return "RSASSA-PSS";
  if (name === "ECDSA" && hash) return `${hash}ECDSA`;
  return "UNKNOWN";
}

function altNamesOf(ext: SubjectAlternativeNameExtension | null): AltName[] {
  return (ext?.names.toJSON() ?? []).flatMap((n) => {
    const type = SAN_TYPES[n.type];
    return type ? [{ type, value: n.value }] : [];
  });
}

/** Read one certificate (PEM or DER) from a data set's bytes; null if there is none. */
export function readCertificateFile(data: Uint8Array): CertFacts | null {
  const text = Buffer.from(data).toString("latin1");
  let der: Uint8Array | null = null;
  let privateKeyInFile = false;
  if (text.includes("-----BEGIN ")) {
    for (const b of pemBlocks(text)) {
      if (/PRIVATE KEY/.test(b.label)) privateKeyInFile = true;
      if (!der && /^(X509 |TRUSTED )?CERTIFICATE$/.test(b.label)) der = b.der;
    }
  } else if (data[0] === 0x30) der = data;
  if (!der) return null;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    return null;
  }
  const subject = dnOf(cert.subjectName.toJSON());
  const issuer = dnOf(cert.issuerName.toJSON());
  let keyUsage: Certificate["keyUsage"];
  try {
    const ku = cert.getExtension(KeyUsagesExtension);
    keyUsage = ku ? racfKeyUsage(ku.usages) : [];
  } catch {
    keyUsage = null;
  }
  let altNames: AltName[] = [];
  try {
    altNames = altNamesOf(cert.getExtension(SubjectAlternativeNameExtension));
  } catch {
    altNames = [];
  }
  let key: { keyType: Certificate["keyType"]; keySize: number | null } = { keyType: null, keySize: null };
  try {
    const node = new NodeX509(der);
    key = racfKeyType(node.publicKey.asymmetricKeyType, node.publicKey.asymmetricKeyDetails);
  } catch {
    key = keyOf(cert.publicKey.rawData);
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
    signatureAlgorithm: racfSignatureName(cert.signatureAlgorithm as { name?: string; hash?: unknown }),
    serial: normalizeSerial(cert.serialNumber),
    fingerprint: createHash("sha256").update(der).digest("hex").toUpperCase(),
    // Verifying the signature needs WebCrypto (asynchronous); equal names is what LISTCHAIN uses.
    selfSigned: dnEquals(subject, issuer),
    der: Buffer.from(der).toString("base64"),
    privateKeyInFile,
  };
}

/** Read a PKCS#10 request (PEM or DER); null if the data is not one. */
export function readRequestFile(data: Uint8Array): RequestFacts | null {
  const text = Buffer.from(data).toString("latin1");
  let der: Uint8Array | null = null;
  if (text.includes("-----BEGIN ")) {
    der = pemBlocks(text).find((b) => /CERTIFICATE REQUEST$/.test(b.label))?.der ?? null;
  } else if (data[0] === 0x30) der = data;
  if (!der) return null;
  try {
    const csr = new Pkcs10CertificateRequest(der);
    let altNames: AltName[] = [];
    try {
      const san = csr.extensions.find((e) => e instanceof SubjectAlternativeNameExtension);
      altNames = altNamesOf(san instanceof SubjectAlternativeNameExtension ? san : null);
    } catch {
      altNames = [];
    }
    const key = keyOf(csr.publicKey.rawData);
    return { subject: dnOf(csr.subjectName.toJSON()), altNames, keyType: key.keyType, keySize: key.keySize };
  } catch {
    return null;
  }
}
