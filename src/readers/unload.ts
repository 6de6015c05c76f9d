import { normalizeDn } from "../model/dn.js";
import { genericMatches, isGenericName } from "../model/profiles.js";
import {
  ACCESS_ORDER,
  type AccessEntry,
  type AccessLevel,
  type CertOwner,
  type CertStatus,
  type Profile,
  type Source,
} from "../model/types.js";
import { canonicalSignatureAlgorithm, normalizeFingerprint, normalizeSerial } from "../pki/racf-names.js";
import { type ReadContext, report, src } from "./context.js";
import { clip, nonTextHint, nonTextKind } from "./guard.js";
import {
  applyProfile,
  applyRingSnapshot,
  type ConnectionFacts,
  emptyFacts,
  mergeCertificate,
} from "./merge.js";
import { cleanLine, describeArtefact, digtcertBlanks, yesNo } from "./text.js";
import { DOCUMENTED_RECORD_TYPES, LAYOUTS } from "./unload-layouts.js";

/**
 * IRRDBU00 text unload reader (formats.md §6; IBM "Record formats produced by the database
 * unload utility", z/OS 3.1). Records are read line by line and joined by profile name:
 * per certificate (DIGTCERT name) and per ring (DIGTRING name) a small state object collects
 * what the 0207/0500/0560/0561/1560 and 0500/0562 records say, and the model is built when the
 * stream ends. Profiles of the classes that matter (FACILITY IRR.DIGTCERT.*, RDATALIB, STARTED)
 * and users go to the model as they come. Memory therefore grows with the number of
 * certificates, rings and relevant profiles, never with the size of the unload.
 *
 * Columns are counted in characters, not bytes (a DIGTCERT name's `¢` is two bytes in UTF-8);
 * a record shorter than its layout has blanks in the missing fields (older releases, stripped
 * trailing blanks).
 */

type FieldMap = Readonly<Record<string, readonly [number, number]>>;

const FIELDS: Readonly<Record<string, FieldMap>> = Object.fromEntries(
  Object.entries(LAYOUTS).map(([type, layout]) => [
    type,
    Object.fromEntries(layout.fields.map((f) => [f.name, [f.start, f.end] as const])),
  ]),
);

/** Value of a field (trimmed), blank when the record is shorter. */
function field(record: string, type: string, name: string): string {
  const range = FIELDS[type]?.[name];
  if (!range) return "";
  return record.slice(range[0] - 1, range[1]).trim();
}

/**
 * How far each record type must reach to be read (formats.md §6, IBM usr.htm/grr.htm). Trailing
 * blanks are stripped on download, so a record may end early, but only where every later field
 * is blank. Each entry names the last field the record must hold in full: one that is followed
 * by a field IRRDBU00 always fills (a YES/NO flag, a date, a count, an access level, a label,
 * CERTN_SIG_ALG), so a record ending before its end column was cut, not stripped. Fields added
 * in later releases (GRCERT_GEN_REQ, CERTN_CERT_FGRPRNT…) come after these and stay optional.
 *   0100 GPBD_NAME        → GPBD_CREATE_DATE follows
 *   0200 USBD_DEFGRP_ID   → USBD_UAUDIT (YES/NO) follows
 *   0205 USCON_GRP_ID     → USCON_CONNECT_DATE follows
 *   0207 USCERT_CERT_NAME → USCERT_CERTLABL follows (RACF always sets a label)
 *   0500 GRBD_UACC        → GRBD_AUDIT_LEVEL follows
 *   0505 GRACC_ACCESS     → GRACC_ACCESS_CNT follows
 *   0540 GRST_GROUP_ID    → GRST_TRUSTED (YES/NO) follows
 *   0560 GRCERT_KEY_SIZE (DIGTCERT; GRCERT_CLASS_NAME otherwise) → GRCERT_LAST_SERIAL, RING_SEQN follow
 *   0561 CERTR_CLASS_NAME → CERTR_RING_NAME follows (required non-blank)
 *   0562 KEYR_CERT_DEFAULT→ KEYR_CERT_LABEL follows (may be blank: last field, optional)
 *   1560 CERTN_SUBJECT_DN → CERTN_SIG_ALG (since V2R1, the release 1560 came with) follows
 * The last field of a record (0207 label, 0561 ring name, 0562 label) can be cut without a trace;
 * nothing in the record tells a cut label from a short one.
 */
export const REQUIRED_THROUGH: Readonly<Record<string, string>> = {
  "0100": "GPBD_NAME",
  "0200": "USBD_DEFGRP_ID",
  "0205": "USCON_GRP_ID",
  "0207": "USCERT_CERT_NAME",
  "0500": "GRBD_UACC",
  "0505": "GRACC_ACCESS",
  "0540": "GRST_GROUP_ID",
  "0560": "GRCERT_CLASS_NAME",
  "0561": "CERTR_CLASS_NAME",
  "0562": "KEYR_CERT_DEFAULT",
  "1560": "CERTN_SUBJECT_DN",
};

/** Last field of each record type the reader looks at: separators are checked up to there. */
const LAST_READ: Readonly<Record<string, string>> = {
  "0100": "GPBD_NAME",
  "0200": "USBD_DEFGRP_ID",
  "0205": "USCON_GRP_ID",
  "0207": "USCERT_CERTLABL",
  "0500": "GRBD_APPL_DATA",
  "0505": "GRACC_ACCESS",
  "0540": "GRST_GROUP_ID",
  "0560": "GRCERT_KEY_SIZE",
  "0561": "CERTR_RING_NAME",
  "0562": "KEYR_CERT_LABEL",
  "1560": "CERTN_CERT_FGRPRNT",
};

/** End column of a field (0 when unknown). */
export function endOf(type: string, name: string): number {
  return FIELDS[type]?.[name]?.[1] ?? 0;
}

/**
 * IRRDBU00 writes one blank after every field. A non-blank character right after a field's end
 * column means the columns do not line up (a shifted, re-wrapped or hand-edited record): reading
 * it by column would split values in the wrong places. Returns the 1-based column of the first
 * such character, or null.
 */
function misalignedColumn(record: string, type: string): number | null {
  const layout = LAYOUTS[type];
  const last = LAST_READ[type];
  if (!layout || !last) return null;
  const limit = endOf(type, last);
  for (const f of layout.fields) {
    if (f.end > limit) break;
    if (record.length > f.end && record.charAt(f.end) !== " ") return f.end + 1;
  }
  return null;
}

/** Column where a field starts, for located issues. */
function columnOf(type: string, name: string): number {
  return FIELDS[type]?.[name]?.[0] ?? 1;
}

interface CertState {
  name: string;
  firstLine: number;
  owner: CertOwner | null;
  ownerLine: number;
  label: string | null;
  applOwner: CertOwner | null;
  applLine: number;
  uacc: string | null;
  uaccLine: number;
  start: string | null;
  end: string | null;
  dateLine: number;
  keyType: string | null;
  keySize: number | null;
  keyLine: number;
  issuer: string | null;
  subject: string | null;
  sigAlg: string | null;
  fingerprint: string | null;
  /** Rings named by 0561 records (cert → ring). */
  ringRefs: Set<string>;
}

interface RingState {
  name: string;
  profileLine: number;
  connections: Array<{ certName: string; usage: string; default: boolean; label: string; line: number }>;
}

/** Owners RACF uses for CERTAUTH, SITE and MULTIID certificates (rules §6; IBM irrids.htm). */
function ownerFromId(id: string): CertOwner | "MULTIID" | null {
  const v = id.trim();
  if (v === "") return null;
  const low = v.toLowerCase();
  if (low === "irrcerta") return "CERTAUTH";
  if (low === "irrsitec") return "SITE";
  if (low === "irrmulti") return "MULTIID";
  if (!/^[A-Za-z#$@][A-Za-z0-9#$@]{0,7}$/.test(v)) return null;
  return `ID(${v.toUpperCase()})`;
}

/**
 * DIGTCERT `GRBD_UACC` is the trust status. IBM documents TRUST, NOTRUST and HIGHTRST; IBM's
 * older DBSYNC maps ALTER→TRUST, NONE→NOTRUST and X'C0'→HIGHTRUST (formats.md §6, "Value domains").
 * X'C0' arrives as `{` after an IBM-1047 text transfer.
 */
export function trustFromUacc(uacc: string): CertStatus | null {
  const v = uacc.trim().toUpperCase();
  if (v === "TRUST" || v === "ALTER") return "TRUST";
  if (v === "NOTRUST" || v === "NONE") return "NOTRUST";
  if (v === "HIGHTRST" || v === "HIGHTRUST" || v === "{" || v === "X'C0'" || v === "C0") return "HIGHTRUST";
  return null;
}

/**
 * GRCERT_KEY_TYPE (0560; formats.md §6): blank = no private key, PKCSDER = key in the RACF
 * database, ICSFTOKN/PCICCTKN = key in the ICSF PKDS, PUBTOKEN = only the public key in ICSF,
 * DSA = DSA key in the database. Newer releases add ECC/TKDS literals that were not retrieved;
 * those are read by their words and reported.
 */
export function keyFromType(keyType: string): {
  privateKey: boolean | null;
  keyStore: "software" | "PKDS" | "TKDS" | null;
  dsa: boolean;
  known: boolean;
} {
  const v = keyType.trim().toUpperCase();
  if (v === "") return { privateKey: false, keyStore: null, dsa: false, known: true };
  if (v === "PKCSDER") return { privateKey: true, keyStore: "software", dsa: false, known: true };
  if (v === "DSA") return { privateKey: true, keyStore: "software", dsa: true, known: true };
  if (v === "ICSFTOKN" || v === "PCICCTKN")
    return { privateKey: true, keyStore: "PKDS", dsa: false, known: true };
  if (v === "PUBTOKEN") return { privateKey: false, keyStore: null, dsa: false, known: true };
  if (v.includes("TKDS")) return { privateKey: true, keyStore: "TKDS", dsa: false, known: false };
  if (v.includes("PKDS") || v.includes("ICSF") || v.includes("TOKN"))
    return { privateKey: true, keyStore: "PKDS", dsa: false, known: false };
  return { privateKey: true, keyStore: null, dsa: false, known: false };
}

/**
 * FACILITY profiles that can protect IRR.DIGTCERT.* resources (the ones ring access and
 * RACDCERT authority depend on, rules §1 and §6). Other FACILITY profiles are not kept,
 * so that a large unload does not fill the model with unrelated profiles.
 */
const DIGTCERT_RESOURCES = [
  "IRR.DIGTCERT.LISTRING",
  "IRR.DIGTCERT.LIST",
  "IRR.DIGTCERT.GENCERT",
  "IRR.DIGTCERT.ADD",
  "IRR.DIGTCERT.CONNECT",
  "IRR.DIGTCERT.ALTER",
];

function keepProfile(cls: string, name: string): boolean {
  // CSFKEYS/CSFSERV protect keys kept in ICSF (the PKDS key of a certificate).
  if (cls === "RDATALIB" || cls === "STARTED" || cls === "CSFKEYS" || cls === "CSFSERV") return true;
  if (cls !== "FACILITY") return false;
  if (name.startsWith("IRR.DIGTCERT")) return true;
  return isGenericName(name) && DIGTCERT_RESOURCES.some((r) => genericMatches(name, r));
}

function isoDate(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return null;
  const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time) ?? [null, "00", "00", "00"];
  const iso = `${d[1]}-${d[2]}-${d[3]}T${t[1]}:${t[2]}:${t[3]}Z`;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso.slice(0, 10)
    ? null
    : iso;
}

/** Cap on per-line warnings of one kind; the rest are counted in a summary issue. */
const MAX_LINE_ISSUES = 20;

export async function readUnload(lines: AsyncIterable<string>, ctx: ReadContext): Promise<void> {
  const certs = new Map<string, CertState>();
  const rings = new Map<string, RingState>();
  /** Profiles this unload has started to describe (class\0name), with their model profile. */
  const profilesSeen = new Map<string, Profile>();
  const unknownTypes = new Map<string, { first: number; count: number }>();
  const artefacts = new Map<string, { first: number; count: number }>();
  const lineIssues = new Map<string, number>();
  let any0561 = false;
  let records = 0;
  let no = 0;
  /** The first 64 KiB of the input, to name an EBCDIC or binary file when no record is found. */
  let sample = "";

  const lineIssue = (line: number, code: string, message: string, column?: number): void => {
    const n = (lineIssues.get(code) ?? 0) + 1;
    lineIssues.set(code, n);
    if (n <= MAX_LINE_ISSUES) report(ctx, line, code, message, "warning", column);
  };

  const certState = (name: string, line: number): CertState => {
    let s = certs.get(name);
    if (!s) {
      s = {
        name,
        firstLine: line,
        owner: null,
        ownerLine: 0,
        label: null,
        applOwner: null,
        applLine: 0,
        uacc: null,
        uaccLine: 0,
        start: null,
        end: null,
        dateLine: 0,
        keyType: null,
        keySize: null,
        keyLine: 0,
        issuer: null,
        subject: null,
        sigAlg: null,
        fingerprint: null,
        ringRefs: new Set(),
      };
      certs.set(name, s);
    }
    return s;
  };
  const ringState = (name: string): RingState => {
    let r = rings.get(name);
    if (!r) {
      r = { name, profileLine: 0, connections: [] };
      rings.set(name, r);
    }
    return r;
  };

  const profileFor = (cls: string, name: string, line: number, entry = false) => {
    const key = `${cls}\u0000${name}`;
    const seen = profilesSeen.get(key);
    // Access-list records (0505: thousands on a big FACILITY list) carry their own sources; the
    // profile keeps the sources of its other records only, so that its evidence stays a line or
    // two however long the access list is.
    if (seen) {
      if (!entry) seen.sources.push(src(ctx, "unload", line));
      return seen;
    }
    const source = src(ctx, "unload", line);
    // The first record of a profile in this unload replaces its access list (a later input
    // describes a later state); further records add to it.
    const p = applyProfile(ctx.model, {
      class: cls,
      name,
      generic: null,
      uacc: null,
      access: [],
      stdata: null,
      applData: null,
      source,
    });
    profilesSeen.set(key, p);
    return p;
  };
  /** Access entries of the profiles read so far, by id (a scan per 0505 is quadratic). */
  const entriesOf = new Map<Profile, Map<string, AccessEntry>>();

  for await (const raw of lines) {
    no++;
    if (sample.length < 65536) sample += `${raw.slice(0, 65536)}\n`;
    const cleaned = cleanLine(raw, no);
    for (const a of cleaned.artefacts) {
      const s = artefacts.get(a);
      if (s) s.count++;
      else artefacts.set(a, { first: no, count: 1 });
    }
    const rec = cleaned.text;
    if (rec.trim() === "" || rec.startsWith("#")) continue;
    const type = rec.slice(0, 4);
    if (!/^[0-9A-Z]{4}$/.test(type) || (rec.length > 4 && rec.charAt(4) !== " ")) {
      lineIssue(
        no,
        "unload-bad-record",
        `not an IRRDBU00 record (expected a 4-character record type and a blank): "${clip(rec, 30)}"`,
        1,
      );
      continue;
    }
    records++;
    if (!DOCUMENTED_RECORD_TYPES.has(type)) {
      const s = unknownTypes.get(type);
      if (s) s.count++;
      else unknownTypes.set(type, { first: no, count: 1 });
      continue;
    }
    if (!LAYOUTS[type]) continue; // documented, but nothing racfring models
    const badColumn = misalignedColumn(rec, type);
    if (badColumn !== null) {
      lineIssue(
        no,
        "unload-malformed-record",
        `${type} record: column ${badColumn} should be the blank between two fields but is "${rec.charAt(badColumn - 1)}" (fields do not line up with the IRRDBU00 layout); record skipped`,
        badColumn,
      );
      continue;
    }
    // DIGTCERT 0560 records are read up to the key size; other 0560 (DIGTRING) only to the class.
    const through =
      type === "0560" && field(rec, type, "GRCERT_CLASS_NAME").toUpperCase() === "DIGTCERT"
        ? "GRCERT_KEY_SIZE"
        : REQUIRED_THROUGH[type];
    // cleanLine drops trailing blanks; a record that came with blanks through the column was
    // not cut there (its fields are blank), so the length before clean-up counts too.
    const reach = Math.max(rec.length, raw.endsWith("\r") ? raw.length - 1 : raw.length);
    if (through && reach < endOf(type, through)) {
      const cut = LAYOUTS[type]?.fields.find((f) => f.end > reach && f.start > 4);
      lineIssue(
        no,
        "unload-truncated-record",
        `truncated record: ${type} record ends at column ${reach}${cut ? `, inside ${cut.name} (columns ${cut.start}–${cut.end})` : ""}; IRRDBU00 writes this record through column ${endOf(type, through)} at least; record skipped`,
        reach + 1,
      );
      continue;
    }
    const source = (column?: number): Source => src(ctx, "unload", no, column);
    const need = (name: string): string | null => {
      const v = field(rec, type, name);
      if (v === "") {
        lineIssue(
          no,
          "unload-short-record",
          `${type} record without ${name} (record ends at column ${rec.length}); skipped`,
          Math.min(columnOf(type, name), rec.length + 1),
        );
        return null;
      }
      return v;
    };

    switch (type) {
      case "0100": {
        const id = need("GPBD_NAME");
        if (id) ctx.model.defineGroup(id, source());
        break;
      }
      case "0200": {
        const id = need("USBD_NAME");
        if (!id) break;
        const user = ctx.model.defineUser(id, source());
        user.special = yesNo(field(rec, type, "USBD_SPECIAL")) === true;
        user.revoked = yesNo(field(rec, type, "USBD_REVOKE")) === true;
        const dflt = field(rec, type, "USBD_DEFGRP_ID").toUpperCase();
        if (dflt && !user.groups.includes(dflt)) user.groups.push(dflt);
        if (dflt) user.defaultGroup = dflt;
        break;
      }
      case "0205": {
        const id = need("USCON_NAME");
        const group = need("USCON_GRP_ID");
        if (!id || !group) break;
        const user = ctx.model.referUser(id, source());
        if (!user.groups.includes(group.toUpperCase())) user.groups.push(group.toUpperCase());
        break;
      }
      case "0207": {
        const id = need("USCERT_NAME");
        const certName = need("USCERT_CERT_NAME");
        // RACF always gives a certificate a label (LABELnnnnnnnn when none was asked for), so a
        // 0207 without one was cut after the certificate name.
        const label = need("USCERT_CERTLABL");
        if (!id || !certName || !label) break;
        const s = certState(certName, no);
        const owner = ownerFromId(id);
        if (owner === null) {
          lineIssue(
            no,
            "unload-bad-owner",
            `0207 owner "${id}" is not a user id`,
            columnOf(type, "USCERT_NAME"),
          );
          break;
        }
        s.owner = owner;
        s.ownerLine = no;
        s.label = label;
        break;
      }
      case "0500": {
        const name = need("GRBD_NAME");
        const cls = need("GRBD_CLASS_NAME")?.toUpperCase();
        if (!name || !cls) break;
        if (cls === "DIGTCERT") {
          const s = certState(name, no);
          // GRBD_APPL_DATA holds the certificate owner; GRBD_OWNER_ID is whoever issued the
          // RACDCERT command and means nothing for ownership (IBM digtown.htm, formats.md §6).
          const appl = field(rec, type, "GRBD_APPL_DATA");
          s.applOwner = ownerFromId(appl);
          s.applLine = no;
          const uacc = field(rec, type, "GRBD_UACC");
          if (uacc) {
            s.uacc = uacc;
            s.uaccLine = no;
          }
        } else if (cls === "DIGTRING") {
          ringState(name).profileLine = no;
        } else if (keepProfile(cls, name)) {
          const p = profileFor(cls, name, no);
          const generic = yesNo(field(rec, type, "GRBD_GENERIC"));
          p.generic = generic ?? isGenericName(name);
          const uacc = field(rec, type, "GRBD_UACC").toUpperCase();
          if ((ACCESS_ORDER as readonly string[]).includes(uacc)) p.uacc = uacc as AccessLevel;
          else
            lineIssue(
              no,
              "unload-bad-uacc",
              `UACC "${uacc}" of ${cls} ${clip(name)} is not an access level`,
              columnOf(type, "GRBD_UACC"),
            );
          const appl = field(rec, type, "GRBD_APPL_DATA");
          if (appl) p.applData = appl;
          // GRBD_WARNING: "Does this resource have the WARNING attribute?" (YES/NO).
          const warning = yesNo(field(rec, type, "GRBD_WARNING"));
          if (warning !== null) p.warning = warning;
        }
        break;
      }
      case "0505": {
        const name = need("GRACC_NAME");
        const cls = need("GRACC_CLASS_NAME")?.toUpperCase();
        if (!name || !cls || !keepProfile(cls, name)) break;
        const id = need("GRACC_AUTH_ID")?.toUpperCase();
        const level = field(rec, type, "GRACC_ACCESS").toUpperCase();
        if (!id) break;
        if (!(ACCESS_ORDER as readonly string[]).includes(level)) {
          lineIssue(
            no,
            "unload-bad-access",
            `access "${level}" for ${id} on ${cls} ${clip(name)} is not an access level`,
            columnOf(type, "GRACC_ACCESS"),
          );
          break;
        }
        const p = profileFor(cls, name, no, true);
        let byId = entriesOf.get(p);
        if (!byId) {
          byId = new Map(p.access.map((a) => [a.id, a]));
          entriesOf.set(p, byId);
        }
        const entry = byId.get(id);
        if (entry) {
          entry.level = level as AccessLevel;
          entry.sources.push(source());
        } else {
          const added = { id, level: level as AccessLevel, sources: [source()] };
          p.access.push(added);
          byId.set(id, added);
        }
        break;
      }
      case "0540": {
        const name = need("GRST_NAME");
        const cls = field(rec, type, "GRST_CLASS_NAME").toUpperCase() || "STARTED";
        if (!name) break;
        const p = profileFor(cls, name, no);
        const user = field(rec, type, "GRST_USER_ID").toUpperCase();
        const group = field(rec, type, "GRST_GROUP_ID").toUpperCase();
        p.stdata = { user: user || null, group: group || null };
        break;
      }
      case "0560": {
        const name = need("GRCERT_NAME");
        const cls = field(rec, type, "GRCERT_CLASS_NAME").toUpperCase();
        // DIGTRING profiles carry a CERTDATA segment too (ring sequence number only).
        if (!name || cls !== "DIGTCERT") break;
        const s = certState(name, no);
        s.dateLine = no;
        const start = field(rec, type, "GRCERT_START_DATE");
        const end = field(rec, type, "GRCERT_END_DATE");
        s.start = start ? isoDate(start, field(rec, type, "GRCERT_START_TIME")) : null;
        s.end = end ? isoDate(end, field(rec, type, "GRCERT_END_TIME")) : null;
        if (start && !s.start)
          lineIssue(
            no,
            "unload-bad-date",
            `start date "${start}" is not yyyy-mm-dd`,
            columnOf(type, "GRCERT_START_DATE"),
          );
        if (end && !s.end)
          lineIssue(
            no,
            "unload-bad-date",
            `end date "${end}" is not yyyy-mm-dd`,
            columnOf(type, "GRCERT_END_DATE"),
          );
        s.keyType = field(rec, type, "GRCERT_KEY_TYPE");
        s.keyLine = no;
        const size = field(rec, type, "GRCERT_KEY_SIZE");
        s.keySize = /^\d+$/.test(size) && Number(size) > 0 ? Number(size) : null;
        break;
      }
      case "0561": {
        const name = need("CERTR_NAME");
        const ring = need("CERTR_RING_NAME");
        if (!name || !ring) break;
        any0561 = true;
        certState(name, no).ringRefs.add(ring);
        break;
      }
      case "0562": {
        const ringName = need("KEYR_NAME");
        const certName = need("KEYR_CERT_NAME");
        if (!ringName || !certName) break;
        ringState(ringName).connections.push({
          certName,
          usage: field(rec, type, "KEYR_CERT_USAGE").toUpperCase(),
          default: yesNo(field(rec, type, "KEYR_CERT_DEFAULT")) === true,
          label: field(rec, type, "KEYR_CERT_LABEL"),
          line: no,
        });
        break;
      }
      case "1560": {
        const name = need("CERTN_NAME");
        if (!name) break;
        const s = certState(name, no);
        const issuer = field(rec, type, "CERTN_ISSUER_DN");
        const subject = field(rec, type, "CERTN_SUBJECT_DN");
        // The DN syntax of 1560 (RACF `.` style or RFC `,`) is not verified; normalizeDn reads both.
        if (issuer) s.issuer = normalizeDn(issuer);
        if (subject) s.subject = normalizeDn(subject);
        const alg = field(rec, type, "CERTN_SIG_ALG");
        if (alg) s.sigAlg = canonicalSignatureAlgorithm(alg);
        const fp = field(rec, type, "CERTN_CERT_FGRPRNT");
        if (fp) {
          s.fingerprint = normalizeFingerprint(fp);
          if (!s.fingerprint)
            lineIssue(
              no,
              "unload-bad-fingerprint",
              "CERTN_CERT_FGRPRNT is not 64 hex digits; ignored",
              columnOf(type, "CERTN_CERT_FGRPRNT"),
            );
        }
        break;
      }
    }
  }

  // ---- end of stream: build certificates, then rings --------------------------------------------
  for (const [a, s] of artefacts) {
    report(
      ctx,
      s.first,
      `unload-${a}`,
      `${s.count} record(s) contain ${describeArtefact(a as Parameters<typeof describeArtefact>[0])}`,
      "info",
    );
  }
  for (const [code, n] of lineIssues) {
    if (n > MAX_LINE_ISSUES)
      report(ctx, 0, code, `${n - MAX_LINE_ISSUES} more "${code}" issue(s) not listed`, "warning");
  }
  for (const [type, s] of unknownTypes) {
    report(
      ctx,
      s.first,
      "unload-unknown-record-type",
      `${s.count} record(s) of unknown type ${type} ignored (first at line ${s.first})`,
      "info",
    );
  }

  const placed = new Map<string, { owner: CertOwner; label: string }>();
  for (const s of certs.values()) {
    const result = finishCertificate(s, ctx);
    if (result) placed.set(s.name, result);
  }
  for (const r of rings.values()) finishRing(r, ctx, certs, placed, any0561);
  // 0561 (certificate → ring) without the matching 0562 (ring → certificate).
  for (const s of certs.values()) {
    for (const ringName of s.ringRefs) {
      const ring = rings.get(ringName);
      if (ring?.connections.some((c) => c.certName === s.name)) continue;
      const cert = placed.get(s.name);
      report(
        ctx,
        s.firstLine,
        "unload-missing-0562",
        `a 0561 record says certificate ${cert ? `"${cert.label}"` : clip(digtcertBlanks(s.name))} is in ring ${clip(ringName)}, but no 0562 record of that ring holds it (0561/0562 disagree)`,
        "info",
      );
    }
  }
  if (records === 0) {
    // An unload without a single record is not an unload (empty, EBCDIC or binary transfer):
    // an error, so that commands exit 3 instead of reporting "no findings" on nothing.
    const kind = nonTextKind(sample);
    report(
      ctx,
      1,
      "unload-empty",
      no === 0 || sample.trim() === ""
        ? "no IRRDBU00 records found: the file is empty; is this EBCDIC or binary? Transfer the unload as text (EBCDIC → ASCII)"
        : `no IRRDBU00 records found; ${nonTextHint(kind)}`,
      "error",
    );
  }
}

function finishCertificate(s: CertState, ctx: ReadContext): { owner: CertOwner; label: string } | null {
  const line = s.ownerLine || s.applLine || s.firstLine;
  if (s.owner && s.applOwner && s.owner !== s.applOwner) {
    report(
      ctx,
      s.applLine,
      "unload-owner-mismatch",
      `certificate ${clip(digtcertBlanks(s.name))}: 0207 (line ${s.ownerLine}) says owner ${s.owner}, DIGTCERT application data says ${s.applOwner}; 0207 is used`,
      "warning",
      754,
    );
  }
  const owner = s.owner ?? s.applOwner;
  if (owner === "MULTIID") {
    report(
      ctx,
      line,
      "unload-multiid",
      `certificate ${clip(digtcertBlanks(s.name))} is a MULTIID certificate (certificate name filtering to several user ids); it cannot be used from a key ring and is not modelled`,
      "info",
    );
    return null;
  }
  const facts = emptyFacts(src(ctx, "unload", line));
  facts.owner = owner;
  facts.label = s.label;
  if (s.uacc !== null) {
    facts.status = trustFromUacc(s.uacc);
    if (facts.status === null) {
      report(
        ctx,
        s.uaccLine,
        "unload-bad-trust",
        `DIGTCERT UACC "${s.uacc}" is not a trust status (TRUST, NOTRUST, HIGHTRST or ALTER, NONE, X'C0'); status unknown`,
        "warning",
        337,
      );
    }
  } else if (s.applLine === 0) {
    report(
      ctx,
      line,
      "unload-missing-0500",
      `certificate ${clip(digtcertBlanks(s.name))} has no DIGTCERT 0500 record; trust status unknown`,
      "warning",
    );
  }
  const dot = s.name.indexOf(".");
  facts.serial = dot > 0 ? normalizeSerial(s.name.slice(0, dot)) : null;
  // Issuer from the profile name only when it cannot have been shortened (IBM le-add.htm: names
  // over 246 characters keep the two ends of the DN around a hash).
  facts.issuer =
    s.issuer ?? (dot > 0 && s.name.length < 246 ? normalizeDn(digtcertBlanks(s.name.slice(dot + 1))) : null);
  facts.subject = s.subject;
  facts.signatureAlgorithm = s.sigAlg;
  facts.fingerprint = s.fingerprint;
  if (facts.subject && facts.issuer) facts.selfSigned = facts.subject === facts.issuer;
  facts.notBefore = s.start;
  facts.notAfter = s.end;
  if (s.keyType !== null) {
    const key = keyFromType(s.keyType);
    facts.privateKey = key.privateKey;
    facts.keyStore = key.keyStore;
    if (key.dsa) facts.keyType = "DSA";
    if (!key.known) {
      report(
        ctx,
        s.keyLine,
        "unload-unknown-key-type",
        `GRCERT_KEY_TYPE "${s.keyType}" not known; read as a private key${key.keyStore ? ` in ${key.keyStore}` : ""}`,
        "info",
        302,
      );
    }
  }
  facts.keySize = s.keySize;
  if (facts.owner === null) {
    report(
      ctx,
      line,
      "unload-cert-owner-unknown",
      `certificate ${clip(digtcertBlanks(s.name))} has no 0207 record and no owner in its DIGTCERT application data`,
      "warning",
    );
  }
  if (facts.label === null && facts.owner !== null) {
    report(
      ctx,
      line,
      "unload-cert-no-label",
      `certificate ${clip(digtcertBlanks(s.name))} has no 0207 record (label unknown)`,
      "warning",
    );
    facts.owner = null;
  }
  const cert = mergeCertificate(ctx.model, facts, { placeholderLabel: s.subject ?? digtcertBlanks(s.name) });
  return { owner: cert.owner, label: cert.label };
}

function finishRing(
  r: RingState,
  ctx: ReadContext,
  certs: ReadonlyMap<string, CertState>,
  placed: ReadonlyMap<string, { owner: CertOwner; label: string }>,
  any0561: boolean,
): void {
  const line = r.profileLine || r.connections[0]?.line || 0;
  // DIGTRING profile names are <ring owner>.<ring name>; ring names may contain dots, user ids
  // cannot, so split at the first dot (formats.md §6 "Name formats").
  const dot = r.name.indexOf(".");
  if (dot <= 0 || dot === r.name.length - 1) {
    report(
      ctx,
      line,
      "unload-bad-ring-name",
      `DIGTRING name "${r.name}" is not <owner>.<ring>; skipped`,
      "warning",
    );
    return;
  }
  const owner = r.name.slice(0, dot).toUpperCase();
  const name = r.name.slice(dot + 1);
  if (r.profileLine === 0) {
    report(
      ctx,
      line,
      "unload-ring-no-profile",
      `ring ${owner}/${clip(name)} has 0562 records but no DIGTRING 0500 record`,
      "warning",
    );
  }
  const connections: ConnectionFacts[] = [];
  for (const c of r.connections) {
    const cert = placed.get(c.certName);
    if (!cert || cert.owner === "") {
      report(
        ctx,
        c.line,
        "unload-connection-cert-unknown",
        `ring ${owner}/${clip(name)} holds certificate "${c.label}" (${clip(digtcertBlanks(c.certName))}) whose owner the unload does not give (no 0207); connection skipped`,
        "warning",
        262,
      );
      continue;
    }
    if (c.label && c.label !== cert.label) {
      report(
        ctx,
        c.line,
        "unload-label-mismatch",
        `0562 label "${c.label}" differs from the certificate's 0207 label "${cert.label}"`,
        "warning",
        523,
      );
    }
    if (!/^(PERSONAL|CERTAUTH|SITE)$/.test(c.usage)) {
      report(
        ctx,
        c.line,
        "unload-bad-usage",
        `usage "${c.usage}" is not PERSONAL, CERTAUTH or SITE; connection skipped`,
        "warning",
        509,
      );
      continue;
    }
    if (any0561 && !certs.get(c.certName)?.ringRefs.has(r.name)) {
      report(
        ctx,
        c.line,
        "unload-missing-0561",
        `no 0561 record says certificate "${cert.label}" is in ring ${clip(r.name)} (0561/0562 disagree)`,
        "info",
      );
    }
    connections.push({
      owner: cert.owner,
      label: cert.label,
      usage: c.usage as ConnectionFacts["usage"],
      default: c.default,
      source: src(ctx, "unload", c.line),
    });
  }
  applyRingSnapshot(ctx.model, owner, name, connections, src(ctx, "unload", line));
}
