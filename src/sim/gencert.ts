/**
 * RACDCERT GENCERT / GENREQ command text for fixes that need a new or renewed certificate
 * (rules §6; IBM KC21 icha400/le-gencert.htm, le-genreq.htm). Pure string building.
 */
import { parseDn } from "../model/dn.js";
import type { AltName, Certificate, CertificateRef, CertOwner, KeyType } from "../model/types.js";
import { quote } from "./commands.js";

/** SUBJECTSDN keywords RACDCERT accepts (IBM le-gencert.htm). */
const SDN_KEYWORDS = ["CN", "T", "OU", "O", "L", "SP", "C"] as const;

export function subjectsdn(dn: string | null): string {
  const rdns = dn ? parseDn(dn) : [];
  const parts = rdns
    .filter((r) => (SDN_KEYWORDS as readonly string[]).includes(r.type))
    .map((r) => `${r.type}(${quote(r.value)})`);
  return `SUBJECTSDN(${parts.length > 0 ? parts.join(" ") : "CN('<host name>')"})`;
}

export function altname(names: readonly AltName[]): string | null {
  const kw: Record<AltName["type"], string> = { DNS: "DOMAIN", IP: "IP", EMAIL: "EMAIL", URI: "URI" };
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const n of names) {
    // RACDCERT takes one value per ALTNAME type.
    if (seen.has(n.type)) continue;
    seen.add(n.type);
    parts.push(n.type === "IP" ? `IP(${n.value})` : `${kw[n.type]}(${quote(n.value)})`);
  }
  return parts.length > 0 ? `ALTNAME(${parts.join(" ")})` : null;
}

export function keyAlgorithm(type: KeyType | null, size: number | null): string {
  if (type === "NISTECC" || type === "BPECC") return `${type} SIZE(${size ?? 256})`;
  if (type === "DSA") return `DSA SIZE(${size ?? 2048})`;
  return `RSA SIZE(${size !== null && size >= 2048 ? size : 2048})`;
}

export function signwith(signer: CertificateRef | null): string | null {
  return signer ? `SIGNWITH(${signer.owner} LABEL(${quote(signer.label)}))` : null;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A new certificate for `owner` modelled on `model` (same subject, names, key type, signer). */
export function gencertLike(
  owner: CertOwner,
  label: string,
  model: Certificate | null,
  notAfter: Date,
): string {
  const parts = [`RACDCERT ${owner} GENCERT`, subjectsdn(model?.subject ?? null)];
  const alt = model ? altname(model.altNames) : null;
  if (alt) parts.push(alt);
  parts.push(keyAlgorithm(model?.keyType ?? null, model?.keySize ?? null));
  parts.push(`NOTAFTER(DATE(${isoDate(notAfter)}))`);
  parts.push(`WITHLABEL(${quote(label)})`);
  parts.push("KEYUSAGE(HANDSHAKE)");
  const sw = signwith(model?.signer ?? null);
  if (sw) parts.push(sw);
  return parts.join(" ");
}

/** Data set name for a renewal request: the owner's high-level qualifier where there is one. */
export function requestDataset(owner: CertOwner): string {
  const m = /^ID\((.+)\)$/.exec(owner);
  return `${m?.[1] ?? owner}.CERTREQ.RENEW`;
}

/** GENREQ from the existing certificate, then GENCERT the request: same key, same label, same rings. */
export function renewCommands(cert: Certificate, notAfter: Date): string[] {
  const dsn = requestDataset(cert.owner);
  const gen = [`RACDCERT ${cert.owner} GENCERT(${quote(dsn)})`];
  const sw = signwith(cert.signer);
  if (sw) gen.push(sw);
  gen.push(`NOTAFTER(DATE(${isoDate(notAfter)}))`);
  return [`RACDCERT ${cert.owner} GENREQ(LABEL(${quote(cert.label)})) DSN(${quote(dsn)})`, gen.join(" ")];
}
