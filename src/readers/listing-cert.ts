import { dnEquals, normalizeDn } from "../model/dn.js";
import type { CertOwner, CertStatus, KeyUsage, RingUsage, Source } from "../model/types.js";
import {
  canonicalSignatureAlgorithm,
  keyTypeFromRacfText,
  normalizeFingerprint,
  normalizeSerial,
} from "../pki/racf-names.js";
import { type ReadContext, report, src } from "./context.js";
import { clip } from "./guard.js";
import { type Cursor, isTopLevelHeader, readWrapped } from "./listing-common.js";
import { explainedByMessage } from "./listing-messages.js";
import { emptyFacts, mergeCertificate } from "./merge.js";
import { type CleanLine, existingInstant } from "./text.js";

/**
 * RACDCERT LIST / LISTCHAIN output: one certificate per block with its fields, dates, key usage
 * and "Ring Associations" (formats.md §2).
 */

interface CertInProgress {
  line: number;
  fields: Map<string, { value: string; line: number }>;
  serial: string | null;
  issuer: string | null;
  subject: string | null;
  altNames: Array<{ type: "DNS" | "IP" | "EMAIL" | "URI"; value: string }>;
  altNamesSeen: boolean;
  fingerprint: string | null;
  fingerprintLine: number;
  rings: Array<{ owner: string; name: string; line: number }>;
}

const ALT_TYPES: Record<string, "DNS" | "IP" | "EMAIL" | "URI"> = {
  IP: "IP",
  EMAIL: "EMAIL",
  DOMAIN: "DNS",
  DNS: "DNS",
  URI: "URI",
  URL: "URI",
};

const STATUS: Record<string, CertStatus> = {
  TRUST: "TRUST",
  NOTRUST: "NOTRUST",
  HIGHTRUST: "HIGHTRUST",
  HIGHTRST: "HIGHTRUST",
};

const KEY_USAGE_NAMES: readonly KeyUsage[] = ["HANDSHAKE", "DATAENCRYPT", "DOCSIGN", "CERTSIGN"];

export function readCertBlock(
  cur: Cursor,
  ctx: ReadContext,
  owner: CertOwner | null,
  headerLine: number,
): void {
  let cert: CertInProgress | null = null;
  let certs = 0;

  const finish = (): void => {
    if (!cert) return;
    certs++;
    finishCert(cert, owner, ctx);
    cert = null;
  };

  while (cur.i < cur.lines.length) {
    const l = cur.lines[cur.i] as CleanLine;
    const t = l.text;
    const trimmed = t.trim();
    if (trimmed === "" || trimmed === "***") {
      cur.i++;
      continue;
    }
    if (!/^\s/.test(t) || isTopLevelHeader(t)) break;
    const field = /^\s*([A-Za-z][A-Za-z' ()0-9]*?):\s*(.*)$/.exec(t);
    const name = field ? (field[1] ?? "").trim() : "";
    const value = field ? (field[2] ?? "").trim() : "";
    if (name === "Label") {
      finish();
      cert = {
        line: l.no,
        fields: new Map([["Label", { value: (field?.[2] ?? "").trimEnd(), line: l.no }]]),
        serial: null,
        issuer: null,
        subject: null,
        altNames: [],
        altNamesSeen: false,
        fingerprint: null,
        fingerprintLine: 0,
        rings: [],
      };
      cur.i++;
      continue;
    }
    if (!cert) {
      report(
        ctx,
        l.no,
        "listing-field-outside-cert",
        `"${clip(trimmed, 60)}" before any "Label:" line; ignored`,
        "warning",
      );
      cur.i++;
      continue;
    }
    const c: CertInProgress = cert;
    cur.i++;
    switch (name) {
      case "Serial Number":
      case "Issuer's Name":
      case "Subject's Name": {
        const wrapped =
          value !== "" ? { value: value.replace(/^>|<$/g, ""), line: l.no } : readWrapped(cur, ctx, name);
        if (!wrapped) {
          report(
            ctx,
            l.no,
            "listing-missing-value",
            `"${name}:" is not followed by a >...< value`,
            "warning",
          );
          break;
        }
        if (name === "Serial Number") c.serial = normalizeSerial(wrapped.value);
        else if (name === "Issuer's Name") c.issuer = normalizeDn(wrapped.value);
        else c.subject = normalizeDn(wrapped.value);
        break;
      }
      case "Subject's AltNames":
      case "Subject's Alternate Names": {
        c.altNamesSeen = true;
        while (cur.i < cur.lines.length) {
          const a = cur.lines[cur.i] as CleanLine;
          const am = /^\s{2,}(IP|EMail|Email|Domain|DNS|URI|URL)\s*:\s*(.+)$/i.exec(a.text);
          if (!am) break;
          const type = ALT_TYPES[(am[1] ?? "").toUpperCase()];
          if (type) c.altNames.push({ type, value: (am[2] ?? "").trim() });
          cur.i++;
        }
        break;
      }
      case "Certificate Fingerprint (SHA256)":
      case "Certificate Fingerprint (SHA-256)": {
        let hex = value;
        c.fingerprintLine = l.no;
        while (
          cur.i < cur.lines.length &&
          /^\s+[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})*:?$/.test((cur.lines[cur.i] as CleanLine).text)
        ) {
          hex += (cur.lines[cur.i] as CleanLine).text.trim();
          cur.i++;
        }
        c.fingerprint = normalizeFingerprint(hex);
        if (c.fingerprint === null) {
          report(
            ctx,
            l.no,
            "listing-bad-fingerprint",
            "SHA-256 fingerprint is not 32 hex bytes (truncated?); ignored",
            "warning",
          );
        }
        break;
      }
      case "Ring Associations": {
        readRingAssociations(cur, ctx, c);
        break;
      }
      default: {
        if (!field) {
          if (/No rings associated/i.test(trimmed)) break;
          report(
            ctx,
            l.no,
            "listing-unrecognized-field",
            `line not recognised in a certificate listing: "${clip(trimmed, 60)}"`,
            "info",
          );
          break;
        }
        c.fields.set(name, { value, line: l.no });
      }
    }
  }
  finish();
  if (certs === 0 && !explainedByMessage(cur)) {
    report(
      ctx,
      headerLine,
      "listing-cert-block-empty",
      'certificate listing header without any "Label:" block',
      "warning",
    );
  }
}

function readRingAssociations(cur: Cursor, ctx: ReadContext, c: CertInProgress): void {
  let ringOwner: string | null = null;
  while (cur.i < cur.lines.length) {
    const l = cur.lines[cur.i] as CleanLine;
    const o = /^\s+Ring Owner:\s*(\S+)\s*$/.exec(l.text);
    if (o) {
      ringOwner = (o[1] ?? "").toUpperCase();
      cur.i++;
      continue;
    }
    if (/^\s+Ring:\s*$/.test(l.text)) {
      cur.i++;
      const name = readWrapped(cur, ctx, "ring name");
      if (name && ringOwner) c.rings.push({ owner: ringOwner, name: name.value, line: l.no });
      else
        report(
          ctx,
          l.no,
          "listing-bad-ring-association",
          "ring association without ring owner or ring name; ignored",
          "warning",
        );
      continue;
    }
    if (/^\s*\*\*\*/.test(l.text) || /No rings associated/i.test(l.text)) {
      cur.i++;
      continue;
    }
    break;
  }
}

/** `2024/03/01 00:00:00` → `2024-03-01T00:00:00Z` (read as UTC; RACF prints no zone). */
function listingDate(text: string): string | null {
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})(?:\s+(\d{2}):(\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  return existingInstant(m[1] ?? "", m[2] ?? "", m[3] ?? "", m[4], m[5], m[6]);
}

function finishCert(c: CertInProgress, owner: CertOwner | null, ctx: ReadContext): void {
  const get = (k: string): { value: string; line: number } | undefined => c.fields.get(k);
  const label = get("Label")?.value ?? "";
  if (label === "") {
    report(ctx, c.line, "listing-cert-no-label", "certificate block with an empty label; skipped", "warning");
    return;
  }
  if (label.length > 32)
    report(ctx, c.line, "listing-label-too-long", `label "${label}" is longer than 32 characters`, "warning");
  const facts = emptyFacts(src(ctx, "listing", c.line));
  facts.owner = owner;
  facts.label = label;

  const status = get("Status");
  if (status) {
    const s = STATUS[status.value.toUpperCase()];
    if (s) facts.status = s;
    else
      report(
        ctx,
        status.line,
        "listing-bad-status",
        `unknown status "${status.value}" (expected TRUST, NOTRUST or HIGHTRUST)`,
        "warning",
      );
  }
  for (const [k, prop] of [
    ["Start Date", "notBefore"],
    ["End Date", "notAfter"],
  ] as const) {
    const f = get(k);
    if (!f) continue;
    const d = listingDate(f.value);
    if (d) facts[prop] = d;
    else
      report(
        ctx,
        f.line,
        "listing-bad-date",
        `"${k}: ${f.value}" is not a date (expected yyyy/mm/dd hh:mm:ss)`,
        "warning",
      );
  }
  facts.serial = c.serial;
  facts.issuer = c.issuer;
  facts.subject = c.subject;
  if (c.subject !== null && c.issuer !== null) facts.selfSigned = dnEquals(c.subject, c.issuer);
  const sig = get("Signing Algorithm");
  if (sig) facts.signatureAlgorithm = canonicalSignatureAlgorithm(sig.value);
  const keyType = get("Key Type");
  if (keyType) {
    facts.keyType = keyTypeFromRacfText(keyType.value);
    if (facts.keyType === null)
      report(ctx, keyType.line, "listing-bad-key-type", `unknown key type "${keyType.value}"`, "info");
  }
  const keySize = get("Key Size");
  if (keySize) {
    const n = Number.parseInt(keySize.value, 10);
    if (Number.isFinite(n) && /^\d+/.test(keySize.value)) facts.keySize = n;
    else
      report(
        ctx,
        keySize.line,
        "listing-bad-key-size",
        `"Key Size: ${keySize.value}" is not a number`,
        "warning",
      );
  }
  const ku = get("Key Usage");
  if (ku) {
    const names = ku.value
      .split(/[\s,]+/)
      .filter((x) => x !== "")
      .map((x) => x.toUpperCase());
    const bad = names.filter((n) => !(KEY_USAGE_NAMES as readonly string[]).includes(n));
    if (bad.length > 0)
      report(ctx, ku.line, "listing-bad-key-usage", `unknown key usage ${bad.join(", ")}`, "info");
    facts.keyUsage = KEY_USAGE_NAMES.filter((k) => names.includes(k));
  } else if (sig || keyType) {
    // A complete block without "Key Usage:" is a certificate without the extension (formats.md §2).
    facts.keyUsage = [];
  }
  const pk = get("Private Key");
  const pkds = get("PKDS Label");
  const tkds = get("TKDS Label") ?? get("Token Name") ?? get("TKDS Token");
  if (pk) {
    const v = pk.value.toUpperCase();
    // IBM's documentation example prints "Yes"; real output "YES" (formats.md §9).
    if (v === "YES") facts.privateKey = true;
    else if (v === "NO") facts.privateKey = false;
    else
      report(
        ctx,
        pk.line,
        "listing-bad-private-key",
        `"Private Key: ${pk.value}" (expected YES or NO)`,
        "warning",
      );
  }
  // keyStore says where the *private* key lives; a PKDS label next to "Private Key: NO" names
  // a public-key token only (IRRDBU00's PUBTOKEN), so the label is kept but no store is set.
  // Some releases mark a key kept in ICSF in the key type itself ("RSA ICSF", "NIST ECC PKDS")
  // without a label line: the store is known, the label is not.
  const typeSaysIcsf = keyType !== undefined && /\b(ICSF|PKDS|PCICC)\b/i.test(keyType.value);
  const icsf = pkds
    ? { store: "PKDS" as const, label: pkds.value.toUpperCase() }
    : tkds
      ? { store: "TKDS" as const, label: tkds.value }
      : typeSaysIcsf
        ? { store: "PKDS" as const, label: null }
        : null;
  if (icsf?.label) facts.icsfLabel = icsf.label;
  if (facts.privateKey === true) facts.keyStore = icsf ? icsf.store : "software";
  else if (facts.privateKey === null && icsf) facts.keyStore = icsf.store;
  facts.fingerprint = c.fingerprint;
  facts.altNames = c.altNamesSeen ? c.altNames : sig || keyType ? [] : null;

  if (owner === null) return;
  const cert = mergeCertificate(ctx.model, facts);
  for (const r of c.rings) applyRingAssociation(ctx, cert.owner, cert.label, r);
}

/**
 * LIST's "Ring Associations" say the certificate is in ring owner/name, without usage or
 * default flag. When no LISTRING (or other input) has described that ring, racfring records
 * the connection as *inferred*: usage as RACDCERT CONNECT would default it from the owner
 * (PERSONAL for a user's certificate, CERTAUTH, SITE — rules §6 [3rd]) and not the
 * default; an assumption says so. A later LISTRING of the ring replaces inferred connections.
 */
function applyRingAssociation(
  ctx: ReadContext,
  certOwner: CertOwner,
  label: string,
  assoc: { owner: string; name: string; line: number },
): void {
  const source: Source = { ...src(ctx, "listing", assoc.line), kind: "inferred" };
  let ring = ctx.model.ring(assoc.owner, assoc.name);
  if (ring?.connections.some((c) => c.owner === certOwner && c.label === label)) {
    const conn = ring.connections.find((c) => c.owner === certOwner && c.label === label);
    conn?.sources.push(src(ctx, "listing", assoc.line));
    return;
  }
  const onlyInferred = !ring || ring.sources.every((s) => s.kind === "inferred");
  if (!onlyInferred && ring) {
    report(
      ctx,
      assoc.line,
      "listing-ring-association-mismatch",
      `LIST says ${certOwner} "${label}" is connected to ring ${ring.owner}/${ring.name}, but the ring as read from ${ring.sources[0]?.file ?? "an earlier input"} does not hold it; the inputs are from different moments`,
      "warning",
    );
    return;
  }
  if (!ring) ring = ctx.model.addRing(assoc.owner, assoc.name, source);
  const usage: RingUsage = certOwner === "CERTAUTH" ? "CERTAUTH" : certOwner === "SITE" ? "SITE" : "PERSONAL";
  ctx.model.connect(ring, { owner: certOwner, label, usage, default: false, sources: [source] });
  ctx.model.assume(
    `Ring ${ring.owner}/${ring.name} is known only from RACDCERT LIST "Ring Associations": usage assumed from the certificate owner (PERSONAL/CERTAUTH/SITE) and no DEFAULT; list it with RACDCERT ID(${ring.owner}) LISTRING(${ring.name}) for the real values`,
    source,
  );
}
