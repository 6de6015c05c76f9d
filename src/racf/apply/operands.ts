import type { AltName, KeyStore, KeyType } from "../../model/types.js";
import { firstValue, hasKeyword, type Keyword, keyword } from "../parse.js";

/**
 * Pure helpers that turn RACDCERT operands into model values (DN, alternate names, key
 * store, signature algorithm).
 */

function escapeRdnValue(v: string): string {
  return v
    .replace(/([,+"\\<>;])/g, "\\$1")
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ");
}

/**
 * SUBJECTSDN(CN() T() OU() O() L() SP() C()) → the model's canonical DN (src/model/dn.ts):
 * RACF orders the attributes CN, T, OU…, O, L, SP, C whatever the order written (IBM
 * le-gencert.htm); OU may hold several values, most specific first.
 */
export function subjectDn(sub: readonly Keyword[]): string {
  const order = ["CN", "T", "OU", "O", "L", "SP", "C"];
  const parts: string[] = [];
  for (const attr of order) {
    const k = keyword(sub, attr);
    if (!k) continue;
    for (const v of k.values) parts.push(`${attr}=${escapeRdnValue(v.text)}`);
  }
  return parts.join(",");
}

const ALTNAME_TYPES: Record<string, AltName["type"]> = {
  IP: "IP",
  DOMAIN: "DNS",
  EMAIL: "EMAIL",
  URI: "URI",
};

export function altNames(sub: readonly Keyword[]): AltName[] {
  const out: AltName[] = [];
  for (const k of sub) {
    const type = ALTNAME_TYPES[k.name];
    if (!type) continue;
    for (const v of k.values) out.push({ type, value: v.text });
  }
  return out;
}

/**
 * Where GENCERT/ADD put the private key: RACF database, ICSF PKDS or TKDS, and the ICSF label.
 * `PKDS(label)`, `ICSF(label)` and `PCICC(label)` name the PKDS label; `(*)` means "the
 * WITHLABEL value" (IBM message IRRD160I); without a value RACF makes a label up, which the
 * inputs do not show (null).
 */
export function keyStore(
  kws: readonly Keyword[],
  withLabel: string | null = null,
): { store: KeyStore; label: string | null } {
  for (const t of ["RSA", "NISTECC", "BPECC"]) {
    const k = keyword(kws, t);
    if (!k) continue;
    const pkds = keyword(k.sub, "PKDS");
    if (pkds) return { store: "PKDS", label: pkdsLabel(pkds, withLabel) };
    if (keyword(k.sub, "TOKEN")) return { store: "TKDS", label: firstValue(k.sub, "TOKEN")?.text ?? null };
  }
  for (const name of ["PKDS", "ICSF", "PCICC"]) {
    const k = keyword(kws, name);
    if (k) return { store: "PKDS", label: pkdsLabel(k, withLabel) };
  }
  const tkds = keyword(kws, "TKDS");
  if (tkds) return { store: "TKDS", label: tkds.values[0]?.text ?? null };
  return { store: "software", label: null };
}

function pkdsLabel(k: Keyword, withLabel: string | null): string | null {
  const v = k.values[0]?.text;
  if (v === "*") return withLabel ? withLabel.toUpperCase() : null;
  // ICSF labels are upper case (IBM IRRD160I: alphanumeric, national or period).
  return v ? v.toUpperCase() : null;
}

/** RACF spelling of the SHA-256 signature made with a key of this type (formats.md §2 list). */
export function signatureAlgorithmFor(keyType: KeyType | null): string | null {
  switch (keyType) {
    case "RSA":
      return "sha256RSA";
    case "NISTECC":
    case "BPECC":
      return "sha256ECDSA";
    case "DSA":
      return "sha256DSA";
    default:
      return null;
  }
}

/** The trust status a RACDCERT ADD or ALTER names (HIGHTRUST, NOTRUST, TRUST), or null. */
export function trustOperand(kws: readonly Keyword[]): "HIGHTRUST" | "NOTRUST" | "TRUST" | null {
  if (hasKeyword(kws, "HIGHTRUST")) return "HIGHTRUST";
  if (hasKeyword(kws, "NOTRUST")) return "NOTRUST";
  if (hasKeyword(kws, "TRUST")) return "TRUST";
  return null;
}
