import { dnEquals, normalizeDn } from "../model/dn.js";
import { ownerUser } from "../model/model.js";
import type { CertOwner, CertStatus, KeyUsage, RingUsage, Source } from "../model/types.js";
import {
  canonicalSignatureAlgorithm,
  keyTypeFromRacfText,
  normalizeFingerprint,
  normalizeSerial,
} from "../pki/racf-names.js";
import { type ReadContext, report, src } from "./context.js";
import { clip, nonTextHint, nonTextKind } from "./guard.js";
import {
  CERT_HEADER,
  CHAIN_CERT,
  CHAIN_SUMMARY,
  COMMAND_ECHO,
  type Cursor,
  isTopLevelHeader,
  NAME_LINE,
  OWNER_TOKEN,
  RING_HEADER,
  RLIST_HEADER,
} from "./listing-common.js";
import { readRlistBlock } from "./listing-rlist.js";
import { SetroptsCollector, setroptsKey } from "./listing-setropts.js";
import { applyRingSnapshot, type ConnectionFacts, emptyFacts, mergeCertificate } from "./merge.js";
import { type CleanLine, cleanLines, describeArtefact } from "./text.js";

/**
 * Reader for captured RACF output: RACDCERT LISTRING / LIST / LISTCHAIN, RLIST and SETROPTS
 * LIST, in any number and order in one file (formats.md §1–5). Each output is recognised by
 * its header line; everything between headers belongs to the output above it.
 *
 * Tolerated on purpose (all seen in real captures, formats.md §1–2 and §9): trailing blanks,
 * CRLF, tabs, blank lines anywhere (also between ring rows), the `***` end-of-output line of
 * TSO, message ids present or not (TSO PROFILE NOMSGID), a missing blank line after a header,
 * lines that echo the command, `# ...` annotation lines at column 1 (no RACF output line
 * starts with `#` in column 1).
 */

export function readListing(text: string, ctx: ReadContext): void {
  const kind = nonTextKind(text);
  if (kind) {
    // Undecodable bytes everywhere: parsing it would only echo garbage line by line.
    report(ctx, 1, "listing-not-text", `no listing found; ${nonTextHint(kind)}`, "error");
    return;
  }
  const lines = cleanLines(text);
  reportArtefacts(lines, ctx, "listing");
  const cur: Cursor = { lines, i: 0 };
  /** Owner named by the last echoed RACDCERT command (for captures without a header line). */
  let echoedOwner: CertOwner | null = null;
  const setropts = new SetroptsCollector(ctx);
  let unrecognized: CleanLine[] = [];
  let recognisedAnything = false;

  const flushUnrecognized = (): void => {
    const first = unrecognized[0];
    if (first) {
      report(
        ctx,
        first.no,
        "listing-unrecognized",
        `${unrecognized.length} line(s) not recognised as RACDCERT, RLIST or SETROPTS output; ignored (first: "${clip(first.text.trim(), 60)}")`,
        "info",
      );
    }
    unrecognized = [];
  };

  while (cur.i < lines.length) {
    const line = lines[cur.i] as CleanLine;
    const t = line.text;
    const trimmed = t.trim();
    if (trimmed === "" || trimmed === "***" || /^#/.test(t) || /^(READY|END)$/i.test(trimmed)) {
      cur.i++;
      continue;
    }
    const key = setroptsKey(t);
    if (key !== null) {
      flushUnrecognized();
      recognisedAnything = true;
      setropts.read(cur);
      continue;
    }
    if (setropts.active && !isTopLevelHeader(t) && !COMMAND_ECHO.test(t)) {
      // Other SETROPTS LIST lines (password rules, options…) carry nothing racfring models.
      cur.i++;
      continue;
    }
    setropts.flush();

    const echo = COMMAND_ECHO.exec(t);
    if (echo) {
      flushUnrecognized();
      const verb = (echo[1] ?? "").toUpperCase();
      const rest = echo[2] ?? "";
      if (verb.startsWith("RACDC")) echoedOwner = ownerFromCommand(rest);
      cur.i++;
      continue;
    }
    const ring = RING_HEADER.exec(t);
    if (ring) {
      flushUnrecognized();
      recognisedAnything = true;
      cur.i++;
      readRingBlock(cur, ctx, (ring[1] ?? "").toUpperCase(), line.no);
      continue;
    }
    const cert = CERT_HEADER.exec(t);
    if (cert) {
      flushUnrecognized();
      recognisedAnything = true;
      cur.i++;
      const owner: CertOwner = cert[1] ? `ID(${cert[1].toUpperCase()})` : cert[2] ? "CERTAUTH" : "SITE";
      readCertBlock(cur, ctx, owner, line.no);
      continue;
    }
    if (CHAIN_CERT.test(t)) {
      cur.i++;
      continue;
    }
    if (CHAIN_SUMMARY.test(t)) {
      // LISTCHAIN's closing summary: wording and layout not verified (formats.md §3); the chain
      // is rebuilt from the certificate blocks instead.
      cur.i++;
      while (cur.i < lines.length && !isTopLevelHeader((lines[cur.i] as CleanLine).text)) {
        const l = (lines[cur.i] as CleanLine).text;
        if (l !== "" && !/^\s/.test(l) && !/^Chain\b/i.test(l)) break;
        cur.i++;
      }
      continue;
    }
    if (RLIST_HEADER.test(t)) {
      flushUnrecognized();
      recognisedAnything = true;
      readRlistBlock(cur, ctx);
      continue;
    }
    if (readMessage(trimmed, line, ctx)) {
      flushUnrecognized();
      recognisedAnything = true;
      cur.i++;
      continue;
    }
    if (/^\s{1,3}Ring:\s*$/.test(t)) {
      // A LISTRING capture without its header line (formats.md §1: "don't require the header").
      flushUnrecognized();
      recognisedAnything = true;
      const owner = echoedOwner ? ownerUser(echoedOwner) : null;
      if (!owner) {
        report(
          ctx,
          line.no,
          "listing-ring-owner-unknown",
          'ring listing without its "Digital ring information for user X:" header and no RACDCERT ID(X) command echoed before it; ring owner unknown, ring skipped',
          "warning",
        );
      }
      readRingBlock(cur, ctx, owner, line.no);
      continue;
    }
    if (/^\s{1,3}Label:/.test(t)) {
      flushUnrecognized();
      recognisedAnything = true;
      if (!echoedOwner) {
        report(
          ctx,
          line.no,
          "listing-cert-owner-unknown",
          'certificate listing without its "Digital certificate information for ...:" header and no RACDCERT command echoed before it; certificate owner unknown',
          "warning",
        );
      }
      readCertBlock(cur, ctx, echoedOwner, line.no);
      continue;
    }
    unrecognized.push(line);
    cur.i++;
  }
  setropts.flush();
  flushUnrecognized();
  if (!recognisedAnything) {
    // Nothing read at all: an empty file, an EBCDIC or binary transfer, or not a listing. An
    // error, so that commands exit 3 instead of answering "no findings" about nothing.
    const empty = !lines.some((l) => l.text.trim() !== "");
    report(
      ctx,
      1,
      "listing-empty",
      empty
        ? "no listing found: the file is empty; is this EBCDIC or binary? Capture RACDCERT/RLIST/SETROPTS output as text"
        : `no listing found (no RACDCERT LIST/LISTRING, RLIST or SETROPTS LIST output in this file); ${nonTextHint(null)}`,
      "error",
    );
  }
}

/** One issue per kind of artefact per file, at its first line. */
export function reportArtefacts(lines: readonly CleanLine[], ctx: ReadContext, what: string): void {
  const seen = new Map<string, { first: number; count: number }>();
  for (const l of lines) {
    for (const a of l.artefacts) {
      const s = seen.get(a);
      if (s) s.count++;
      else seen.set(a, { first: l.no, count: 1 });
    }
  }
  for (const [a, s] of seen) {
    report(
      ctx,
      s.first,
      `${what}-${a}`,
      `${s.count} line(s) contain ${describeArtefact(a as Parameters<typeof describeArtefact>[0])}`,
      "info",
    );
  }
}

function ownerFromCommand(rest: string): CertOwner | null {
  const id = /\bID\(\s*([A-Za-z0-9#$@]{1,8})\s*\)/i.exec(rest);
  if (id?.[1]) return `ID(${id[1].toUpperCase()})`;
  if (/\bCERTAUTH\b/i.test(rest)) return "CERTAUTH";
  if (/\bSITE\b/i.test(rest)) return "SITE";
  return null;
}

/** RACF messages that may appear instead of (or between) listings. True when handled. */
function readMessage(trimmed: string, line: CleanLine, ctx: ReadContext): boolean {
  const noRings = /^(?:IRRD115I\s+)?User (\S+) has no rings\.?$/i.exec(trimmed);
  if (noRings) {
    const user = (noRings[1] ?? "").toUpperCase();
    const known = ctx.model.ringsOf(user);
    report(
      ctx,
      line.no,
      "listing-no-rings",
      `RACF says user ${user} has no rings (IRRD115I)${known.length > 0 ? `, but earlier inputs define ${known.map((r) => `${r.owner}/${r.name}`).join(", ")}; the inputs are from different moments` : ""}`,
      known.length > 0 ? "warning" : "info",
    );
    return true;
  }
  const noRing = /^(?:IRRD114I\s+)?Ring (.+) does not exist\.?$/i.exec(trimmed);
  if (noRing) {
    report(
      ctx,
      line.no,
      "listing-ring-not-found",
      `RACF says ring ${noRing[1] ?? ""} does not exist (IRRD114I)`,
      "info",
    );
    return true;
  }
  if (/^(?:IRRD120I\s+)?Incorrect use of (CERTAUTH|SITE)/i.test(trimmed)) {
    report(ctx, line.no, "listing-message", `${trimmed} — only users own key rings (IRRD120I)`, "info");
    return true;
  }
  const msg = /^((?:IRRD|ICH)\d{3,5}[IEW])\s+(.*)$/.exec(trimmed);
  if (msg) {
    const notAuthorized = /not authorized/i.test(msg[2] ?? "");
    report(
      ctx,
      line.no,
      notAuthorized ? "listing-not-authorized" : "listing-message",
      notAuthorized ? `${trimmed} — the listing is incomplete: the command was not authorised` : trimmed,
      notAuthorized ? "warning" : "info",
    );
    return true;
  }
  return false;
}

/** The next non-blank line is a RACF message (e.g. IRRD115I "has no rings") explaining an empty output. */
function explainedByMessage(cur: Cursor): boolean {
  for (let k = cur.i; k < cur.lines.length; k++) {
    const t = (cur.lines[k] as CleanLine).text.trim();
    if (t === "") continue;
    return /^(IRRD\d{3}I|ICH\d{5}I)\b/.test(t) || /^(User \S+ has no rings|Ring .* does not exist)/i.test(t);
  }
  return false;
}

// ---- wrapped values -----------------------------------------------------------------------------

/**
 * Read consecutive `>...<` lines (ring names, serials, DNs) and concatenate their contents
 * without separators (formats.md §1–2: RACF splits long values at a fixed width).
 */
function readWrapped(cur: Cursor, ctx: ReadContext, what: string): { value: string; line: number } | null {
  let value = "";
  let first = 0;
  while (cur.i < cur.lines.length) {
    const l = cur.lines[cur.i] as CleanLine;
    const m = NAME_LINE.exec(l.text);
    if (!m) break;
    const body = m[1] ?? "";
    if (first === 0) first = l.no;
    if (body.endsWith("<")) value += body.slice(0, -1);
    else {
      value += body;
      report(
        ctx,
        l.no,
        "listing-unterminated-value",
        `${what} line has no closing "<" (line truncated?); read as is`,
        "warning",
        l.text.indexOf(">") + 1,
      );
    }
    cur.i++;
  }
  return first === 0 ? null : { value, line: first };
}

// ---- RACDCERT LISTRING ----------------------------------------------------------------------------

interface RingInProgress {
  name: string | null;
  line: number;
  rows: ConnectionFacts[];
  /** Line of the table's column header (or dashes), 0 when none was seen. */
  tableSeen: number;
  emptyMarker: boolean;
  /** Rows that could not be read (reported each). */
  badRows: number;
}

const ROW_RE =
  /^\s*(.+?)\s+(ID\([A-Za-z0-9#$@]{1,8}\)|CERTAUTH|SITE)\s+(PERSONAL|CERTAUTH|SITE)\s+(YES|NO)\s*$/i;

/** One LISTRING row: label at 3–34, owner 38–49, usage 53–60, default 66–68 (formats.md §1). */
export function parseRingRow(
  text: string,
): { label: string; owner: CertOwner; usage: RingUsage; isDefault: boolean } | null {
  // Columns first: labels may contain blanks and words that look like owners.
  if (text.length >= 66) {
    const owner = text.slice(37, 49).trim();
    const usage = text.slice(52, 60).trim().toUpperCase();
    const dflt = text.slice(60).trim().toUpperCase();
    const label = text.slice(2, 34).trimEnd();
    if (
      OWNER_TOKEN.test(owner) &&
      /^(PERSONAL|CERTAUTH|SITE)$/.test(usage) &&
      /^(YES|NO)$/.test(dflt) &&
      label.trim() !== ""
    ) {
      return {
        label: label.trimStart(),
        owner: owner.toUpperCase(),
        usage: usage as RingUsage,
        isDefault: dflt === "YES",
      };
    }
  }
  // Captures whose indentation was edited: read from the right.
  const m = ROW_RE.exec(text);
  if (!m) return null;
  return {
    label: (m[1] ?? "").trim(),
    owner: (m[2] ?? "").toUpperCase(),
    usage: (m[3] ?? "").toUpperCase() as RingUsage,
    isDefault: (m[4] ?? "").toUpperCase() === "YES",
  };
}

function readRingBlock(cur: Cursor, ctx: ReadContext, owner: string | null, headerLine: number): void {
  let ring: RingInProgress | null = null;
  let ringsSeen = 0;

  const finish = (): void => {
    if (!ring) return;
    const r = ring;
    ring = null;
    if (!r.name) {
      report(
        ctx,
        r.line,
        "listing-ring-no-name",
        'a "Ring:" line is not followed by the ring name in >...<; ring skipped',
        "warning",
      );
      return;
    }
    if (!owner) return;
    if (r.name.length > 237) {
      report(
        ctx,
        r.line,
        "listing-ring-name-too-long",
        `ring name of ${r.name.length} characters; RACF allows 1–237`,
        "warning",
      );
    }
    const source = src(ctx, "listing", r.line);
    if (!r.tableSeen && !r.emptyMarker && r.rows.length === 0) {
      report(
        ctx,
        r.line,
        "listing-ring-truncated",
        `ring ${owner}/${r.name} is listed without its certificate table (truncated capture?); its contents are not known`,
        "warning",
      );
      if (!ctx.model.ring(owner, r.name)) ctx.model.addRing(owner, r.name, source);
      return;
    }
    if (r.rows.length === 0 && !r.emptyMarker) {
      // RACF prints "*** No certificates connected ***" under the table of an empty ring
      // (formats.md §1). A table with neither rows nor that line was cut off, or its rows could
      // not be read: the ring's connections are not known, so what other inputs say stands.
      if (r.badRows === 0)
        report(
          ctx,
          r.tableSeen || r.line,
          "listing-ring-table-empty",
          `ring ${owner}/${clip(r.name)}: LISTRING table has no rows and no 'No certificates connected' line: the capture may be truncated; its connections are not known`,
          "warning",
        );
      if (!ctx.model.ring(owner, r.name)) ctx.model.addRing(owner, r.name, source);
      return;
    }
    applyRingSnapshot(ctx.model, owner, r.name, r.rows, source);
  };

  while (cur.i < cur.lines.length) {
    const l = cur.lines[cur.i] as CleanLine;
    const t = l.text;
    const trimmed = t.trim();
    if (trimmed === "" || trimmed === "***") {
      // An indented "***" right under an empty table is the empty-ring line of some captures
      // (formats.md §1, racfadm); "***" in column 1 is TSO's end-of-output marker.
      if (trimmed === "***" && /^\s/.test(t) && ring && ring.tableSeen > 0 && ring.rows.length === 0)
        ring.emptyMarker = true;
      cur.i++;
      continue;
    }
    if (/^\s*Ring:\s*$/.test(t)) {
      finish();
      ringsSeen++;
      cur.i++;
      const name = readWrapped(cur, ctx, "ring name");
      ring = {
        name: name ? name.value : null,
        line: l.no,
        rows: [],
        tableSeen: 0,
        emptyMarker: false,
        badRows: 0,
      };
      continue;
    }
    if (
      !/^\s/.test(t) ||
      isTopLevelHeader(t) ||
      /^\s?(User \S+ has no rings|Ring .* does not exist)/i.test(t)
    )
      break;
    if (/^\s*Certificate Label Name\b/i.test(t) || /^\s*-{5,}/.test(t)) {
      if (ring && ring.tableSeen === 0) ring.tableSeen = l.no;
      cur.i++;
      continue;
    }
    if (/No certificates connected/i.test(t) || /^\s*\*\*\*/.test(t)) {
      if (ring) ring.emptyMarker = true;
      cur.i++;
      continue;
    }
    const row = parseRingRow(t);
    if (row && ring) {
      if (row.label.length > 32) {
        report(
          ctx,
          l.no,
          "listing-label-too-long",
          `label "${row.label}" is longer than 32 characters`,
          "warning",
          3,
        );
      }
      ring.rows.push({
        owner: row.owner,
        label: row.label,
        usage: row.usage,
        default: row.isDefault,
        source: src(ctx, "listing", l.no, 3),
      });
    } else if (row) {
      report(
        ctx,
        l.no,
        "listing-row-outside-ring",
        'certificate row before any "Ring:" line; ignored',
        "warning",
        3,
      );
    } else {
      if (ring) ring.badRows++;
      report(
        ctx,
        l.no,
        "listing-bad-ring-row",
        `cannot read this LISTRING row (expected label, ID(user)|CERTAUTH|SITE, PERSONAL|CERTAUTH|SITE, YES|NO): "${clip(trimmed, 70)}"`,
        "warning",
        t.length - t.trimStart().length + 1,
      );
    }
    cur.i++;
  }
  finish();
  if (ringsSeen === 0 && !explainedByMessage(cur)) {
    report(ctx, headerLine, "listing-ring-block-empty", "ring listing header without any ring", "warning");
  }
}

// ---- RACDCERT LIST / LISTCHAIN ----------------------------------------------------------------------

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

function readCertBlock(cur: Cursor, ctx: ReadContext, owner: CertOwner | null, headerLine: number): void {
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
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? "00"}:${m[5] ?? "00"}:${m[6] ?? "00"}Z`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso.slice(0, 10) ? null : iso;
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
