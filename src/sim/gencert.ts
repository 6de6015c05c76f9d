/**
 * RACDCERT GENCERT / GENREQ command text for fixes that need a new or renewed certificate
 * (rules §6; IBM KC21 icha400/le-gencert.htm, le-genreq.htm). Pure string building.
 */
import { dnEquals, parseDn } from "../model/dn.js";
import type { RacfModel } from "../model/model.js";
import type { AltName, Certificate, CertificateRef, CertOwner, KeyType } from "../model/types.js";
import { quote } from "./commands.js";

/** SUBJECTSDN keywords RACDCERT accepts (IBM le-gencert.htm). */
const SDN_KEYWORDS = ["CN", "T", "OU", "O", "L", "SP", "C"] as const;

/** The subject written when it is the administrator's to fill in. */
export const HOST_PLACEHOLDER = "<host name>";

export function subjectsdn(dn: string | null): string {
  const rdns = dn ? parseDn(dn) : [];
  const parts = rdns
    .filter((r) => (SDN_KEYWORDS as readonly string[]).includes(r.type))
    .map((r) => `${r.type}(${quote(r.value)})`);
  return `SUBJECTSDN(${parts.length > 0 ? parts.join(" ") : `CN('${HOST_PLACEHOLDER}')`})`;
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

/** The label written when no CA in the inputs can sign: the administrator must fill it in. */
export const SIGNER_PLACEHOLDER = "<CA label>";

/**
 * A certificate can sign others only when it is a CA: key usage CERTSIGN, or no key usage shown
 * for a CERTAUTH certificate (RACF gives CERTAUTH certificates CERTSIGN by default, rules §6).
 * A leaf (key usage without CERTSIGN) never signs a new certificate in a fix.
 */
export function isCa(c: Certificate): boolean {
  if (c.keyUsage === null || c.keyUsage.length === 0) return c.owner === "CERTAUTH";
  return c.keyUsage.includes("CERTSIGN");
}

/**
 * Who signs a certificate that replaces or imitates `like`: its own signer when that is a CA;
 * else a CERTAUTH/SITE CA of the inputs whose subject is `like`'s issuer; else a CA connected
 * (usage CERTAUTH) to the ring the new certificate goes on; else, for a certificate that was not
 * self-signed, a placeholder the administrator must fill in; a self-signed one stays self-signed
 * (null). Never a leaf.
 */
export function signerFor(
  racf: RacfModel,
  like: Certificate | null,
  ring: { owner: string; name: string } | null = null,
): { ref: CertificateRef | null; placeholder: boolean } {
  const onRing = ring
    ? racf
        .ring(ring.owner, ring.name)
        ?.connections.filter((c) => c.usage === "CERTAUTH")
        .map((c) => racf.certificate(c.owner, c.label))
        .find((c): c is Certificate => c !== undefined && isCa(c) && c.privateKey !== false)
    : undefined;
  const ringCa = onRing ? { ref: { owner: onRing.owner, label: onRing.label }, placeholder: false } : null;
  if (!like) return ringCa ?? { ref: { owner: "CERTAUTH", label: SIGNER_PLACEHOLDER }, placeholder: true };
  const own = like.signer ? racf.certificate(like.signer.owner, like.signer.label) : undefined;
  if (like.signer && own && isCa(own) && !(own.owner === like.owner && own.label === like.label))
    return { ref: like.signer, placeholder: false };
  const byIssuer = caByIssuer(racf, like.issuer);
  if (byIssuer) return { ref: { owner: byIssuer.owner, label: byIssuer.label }, placeholder: false };
  if (like.selfSigned === true && !like.signer) return { ref: null, placeholder: false };
  return ringCa ?? { ref: { owner: "CERTAUTH", label: SIGNER_PLACEHOLDER }, placeholder: true };
}

/**
 * The first CERTAUTH or SITE certificate, in input order, that is a CA with `issuer` as its
 * subject and may hold its key. Only the CA owners' certificates are read (the model indexes
 * certificates by owner): a renewal fix is written for every expired certificate of a site, and a
 * scan of all its certificates for each one is quadratic.
 */
function caByIssuer(racf: RacfModel, issuer: string | null): Certificate | undefined {
  if (issuer === null) return undefined;
  const fits = (c: Certificate) => isCa(c) && dnEquals(c.subject, issuer) && c.privateKey !== false;
  const auth = racf.certificatesOf("CERTAUTH").find(fits);
  const site = racf.certificatesOf("SITE").find(fits);
  if (!auth || !site) return auth ?? site;
  // Both owners have one: the earlier in the inputs wins, as one scan of every certificate finds.
  const order = racf.state.certificates;
  return order.indexOf(auth) < order.indexOf(site) ? auth : site;
}

/** A replacement never ends before the certificate it replaces (renewals keep or extend validity). */
export function laterOf(notAfter: Date, like: Certificate | null): Date {
  const old = like?.notAfter ? Date.parse(like.notAfter) : Number.NaN;
  return Number.isFinite(old) && old > notAfter.getTime() ? new Date(old) : notAfter;
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
  racf: RacfModel | null = null,
  ring: { owner: string; name: string } | null = null,
): string {
  const parts = [`RACDCERT ${owner} GENCERT`, subjectsdn(model?.subject ?? null)];
  const alt = model ? altname(model.altNames) : null;
  if (alt) parts.push(alt);
  parts.push(keyAlgorithm(model?.keyType ?? null, model?.keySize ?? null));
  parts.push(`NOTAFTER(DATE(${isoDate(laterOf(notAfter, model))}))`);
  parts.push(`WITHLABEL(${quote(label)})`);
  parts.push("KEYUSAGE(HANDSHAKE)");
  const signer = racf ? signerFor(racf, model, ring).ref : (model?.signer ?? null);
  const sw = signwith(signer);
  if (sw) parts.push(sw);
  return parts.join(" ");
}

/** Data set name for a renewal request: the owner's high-level qualifier where there is one. */
export function requestDataset(owner: CertOwner): string {
  const m = /^ID\((.+)\)$/.exec(owner);
  return `${m?.[1] ?? owner}.CERTREQ.RENEW`;
}

/** GENREQ from the existing certificate, then GENCERT the request: same key, same label, same rings. */
export function renewCommands(cert: Certificate, notAfter: Date, racf: RacfModel | null = null): string[] {
  const dsn = requestDataset(cert.owner);
  const gen = [`RACDCERT ${cert.owner} GENCERT(${quote(dsn)})`];
  const sw = signwith(racf ? signerFor(racf, cert).ref : cert.signer);
  if (sw) gen.push(sw);
  gen.push(`NOTAFTER(DATE(${isoDate(laterOf(notAfter, cert))}))`);
  return [`RACDCERT ${cert.owner} GENREQ(LABEL(${quote(cert.label)})) DSN(${quote(dsn)})`, gen.join(" ")];
}
