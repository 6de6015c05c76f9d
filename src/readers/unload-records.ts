import { normalizeDn } from "../model/dn.js";
import { isGenericName } from "../model/profiles.js";
import {
  ACCESS_ORDER,
  type AccessEntry,
  type AccessLevel,
  type CertOwner,
  type Profile,
  type Source,
} from "../model/types.js";
import { UserTable } from "../model/user-table.js";
import { canonicalSignatureAlgorithm, normalizeFingerprint } from "../pki/racf-names.js";
import { type ReadContext, src } from "./context.js";
import { clip } from "./guard.js";
import { applyProfile } from "./merge.js";
import { yesNo } from "./text.js";
import {
  columnOf,
  endOf,
  field,
  isoDate,
  keepProfile,
  misalignedColumn,
  ownerFromId,
  REQUIRED_THROUGH,
} from "./unload-fields.js";
import type { UnloadIssues } from "./unload-issues.js";
import { LAYOUTS } from "./unload-layouts.js";

/**
 * The records of one unload, read one at a time and joined by profile name: per certificate
 * (DIGTCERT name) and per ring (DIGTRING name) a small state object collects what the
 * 0207/0500/0560/0561/1560 and 0500/0562 records say; the model is built from them when the
 * stream ends (unload-finish.ts). Groups, users and the profiles of the classes that matter go
 * to the model as they come.
 */

export interface CertState {
  name: string;
  firstLine: number;
  owner: CertOwner | "MULTIID" | null;
  ownerLine: number;
  label: string | null;
  applOwner: CertOwner | "MULTIID" | null;
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

export interface RingState {
  name: string;
  profileLine: number;
  connections: Array<{ certName: string; usage: string; default: boolean; label: string; line: number }>;
}

const ACCESS_LEVELS: ReadonlySet<string> = new Set(ACCESS_ORDER);

export class UnloadRecords {
  readonly certs = new Map<string, CertState>();
  readonly rings = new Map<string, RingState>();
  /** Users and their connect groups (0200, 0205), handed to the model when the stream ends. */
  readonly users: UserTable;
  /** True once any 0561 record was read: only then is a missing 0561 worth a word. */
  any0561 = false;
  readonly #ctx: ReadContext;
  readonly #issues: UnloadIssues;
  /** Profiles this unload has started to describe (class\0name), with their model profile. */
  readonly #profilesSeen = new Map<string, Profile>();
  /** Access entries of the profiles read so far, by id (a scan per 0505 is quadratic). */
  readonly #entriesOf = new Map<Profile, Map<string, AccessEntry>>();
  /**
   * One string per distinct group id, access level and usage: a site's 300,000 users name the
   * same few thousand groups, and a string per record would be kept for each of them.
   */
  readonly #interned = new Map<string, string>();

  constructor(ctx: ReadContext, issues: UnloadIssues) {
    this.#ctx = ctx;
    this.#issues = issues;
    this.users = new UserTable(ctx.file);
  }

  #intern(value: string): string {
    const known = this.#interned.get(value);
    if (known !== undefined) return known;
    this.#interned.set(value, value);
    return value;
  }

  /**
   * Read one record of a type with a layout. `rec` is the record without trailing blanks (it
   * may stop after the last column the type's reader looks at, see DECODE_THROUGH); `length`
   * is its full length and `reach` how far the line went before its trailing blanks were
   * dropped.
   */
  read(type: string, rec: string, length: number, reach: number, no: number): void {
    const badColumn = misalignedColumn(rec, type);
    if (badColumn !== null) {
      this.#issues.line(
        no,
        "unload-malformed-record",
        `${type} record: column ${badColumn} should be the blank between two fields but is "${rec.charAt(badColumn - 1)}" (fields do not line up with the IRRDBU00 layout); record skipped`,
        badColumn,
      );
      return;
    }
    // DIGTCERT 0560 records are read up to the key size; other 0560 (DIGTRING) only to the class.
    const through =
      type === "0560" && field(rec, type, "GRCERT_CLASS_NAME").toUpperCase() === "DIGTCERT"
        ? "GRCERT_KEY_SIZE"
        : REQUIRED_THROUGH[type];
    if (through && reach < endOf(type, through)) {
      const cut = LAYOUTS[type]?.fields.find((f) => f.end > reach && f.start > 4);
      this.#issues.line(
        no,
        "unload-truncated-record",
        `truncated record: ${type} record ends at column ${reach}${cut ? `, inside ${cut.name} (columns ${cut.start}–${cut.end})` : ""}; IRRDBU00 writes this record through column ${endOf(type, through)} at least; record skipped`,
        reach + 1,
      );
      return;
    }
    const r: Rec = { type, text: rec, length, no };
    switch (type) {
      case "0100": {
        const id = this.#need(r, "GPBD_NAME");
        if (id) this.#ctx.model.defineGroup(id, this.#source(no));
        break;
      }
      case "0200":
        this.#user(r);
        break;
      case "0205":
        this.#connect(r);
        break;
      case "0207":
        this.#certName(r);
        break;
      case "0500":
        this.#basic(r);
        break;
      case "0505":
        this.#accessEntry(r);
        break;
      case "0540": {
        const name = this.#need(r, "GRST_NAME");
        if (!name) break;
        const cls = field(rec, type, "GRST_CLASS_NAME").toUpperCase() || "STARTED";
        const p = this.#profileFor(cls, name, no);
        const user = field(rec, type, "GRST_USER_ID").toUpperCase();
        const group = field(rec, type, "GRST_GROUP_ID").toUpperCase();
        p.stdata = { user: user || null, group: group || null };
        break;
      }
      case "0560":
        this.#certData(r);
        break;
      case "0561": {
        const name = this.#need(r, "CERTR_NAME");
        const ring = this.#need(r, "CERTR_RING_NAME");
        if (!name || !ring) break;
        this.any0561 = true;
        this.#certState(name, no).ringRefs.add(ring);
        break;
      }
      case "0562": {
        const ringName = this.#need(r, "KEYR_NAME");
        const certName = this.#need(r, "KEYR_CERT_NAME");
        if (!ringName || !certName) break;
        this.#ringState(ringName).connections.push({
          certName,
          usage: this.#intern(field(rec, type, "KEYR_CERT_USAGE").toUpperCase()),
          default: yesNo(field(rec, type, "KEYR_CERT_DEFAULT")) === true,
          label: field(rec, type, "KEYR_CERT_LABEL"),
          line: no,
        });
        break;
      }
      case "1560":
        this.#certNames(r);
        break;
    }
  }

  #source(line: number, column?: number): Source {
    return src(this.#ctx, "unload", line, column);
  }

  /** A field the record must have; blank → a located warning and null (record skipped). */
  #need(r: Rec, name: string): string | null {
    const v = field(r.text, r.type, name);
    if (v === "") {
      this.#issues.line(
        r.no,
        "unload-short-record",
        `${r.type} record without ${name} (record ends at column ${r.length}); skipped`,
        Math.min(columnOf(r.type, name), r.length + 1),
      );
      return null;
    }
    return v;
  }

  /**
   * A user's groups grow one record at a time. A new array of the exact size each time
   * (concat): an array grown by push, or built by spreading, keeps room for 16 to 36 more, on
   * each of 300,000 users.
   */
  #user(r: Rec): void {
    const id = this.#need(r, "USBD_NAME");
    if (!id) return;
    this.users.define(
      id.toUpperCase(),
      r.no,
      yesNo(field(r.text, r.type, "USBD_SPECIAL")) === true,
      yesNo(field(r.text, r.type, "USBD_REVOKE")) === true,
      field(r.text, r.type, "USBD_DEFGRP_ID").toUpperCase(),
    );
  }

  #connect(r: Rec): void {
    const id = this.#need(r, "USCON_NAME");
    const group = this.#need(r, "USCON_GRP_ID");
    if (!id || !group) return;
    this.users.connect(id.toUpperCase(), group.toUpperCase(), r.no);
  }

  #certName(r: Rec): void {
    const id = this.#need(r, "USCERT_NAME");
    const certName = this.#need(r, "USCERT_CERT_NAME");
    // RACF always gives a certificate a label (LABELnnnnnnnn when none was asked for), so a
    // 0207 without one was cut after the certificate name.
    const label = this.#need(r, "USCERT_CERTLABL");
    if (!id || !certName || !label) return;
    const s = this.#certState(certName, r.no);
    const owner = ownerFromId(id);
    if (owner === null) {
      this.#issues.line(
        r.no,
        "unload-bad-owner",
        `0207 owner "${id}" is not a user id`,
        columnOf(r.type, "USCERT_NAME"),
      );
      return;
    }
    s.owner = owner;
    s.ownerLine = r.no;
    s.label = label;
  }

  #basic(r: Rec): void {
    const { text: rec, type, no } = r;
    const name = this.#need(r, "GRBD_NAME");
    const cls = this.#need(r, "GRBD_CLASS_NAME")?.toUpperCase();
    if (!name || !cls) return;
    if (cls === "DIGTCERT") {
      const s = this.#certState(name, no);
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
      this.#ringState(name).profileLine = no;
    } else if (keepProfile(cls, name)) {
      const p = this.#profileFor(cls, name, no);
      const generic = yesNo(field(rec, type, "GRBD_GENERIC"));
      p.generic = generic ?? isGenericName(name);
      const uacc = field(rec, type, "GRBD_UACC").toUpperCase();
      if (ACCESS_LEVELS.has(uacc)) p.uacc = uacc as AccessLevel;
      else
        this.#issues.line(
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
  }

  #accessEntry(r: Rec): void {
    const { text: rec, type, no } = r;
    const name = this.#need(r, "GRACC_NAME");
    const cls = this.#need(r, "GRACC_CLASS_NAME")?.toUpperCase();
    if (!name || !cls || !keepProfile(cls, name)) return;
    const id = this.#need(r, "GRACC_AUTH_ID")?.toUpperCase();
    const level = field(rec, type, "GRACC_ACCESS").toUpperCase();
    if (!id) return;
    if (!ACCESS_LEVELS.has(level)) {
      this.#issues.line(
        no,
        "unload-bad-access",
        `access "${level}" for ${id} on ${cls} ${clip(name)} is not an access level`,
        columnOf(type, "GRACC_ACCESS"),
      );
      return;
    }
    const access = this.#intern(level) as AccessLevel;
    const p = this.#profileFor(cls, name, no, true);
    let byId = this.#entriesOf.get(p);
    if (!byId) {
      byId = new Map(p.access.map((a) => [a.id, a]));
      this.#entriesOf.set(p, byId);
    }
    const entry = byId.get(id);
    if (entry) {
      entry.level = access;
      entry.sources.push(this.#source(no));
    } else {
      const added = { id, level: access, sources: [this.#source(no)] };
      p.access.push(added);
      byId.set(id, added);
    }
  }

  #certData(r: Rec): void {
    const { text: rec, type, no } = r;
    const name = this.#need(r, "GRCERT_NAME");
    const cls = field(rec, type, "GRCERT_CLASS_NAME").toUpperCase();
    // DIGTRING profiles carry a CERTDATA segment too (ring sequence number only).
    if (!name || cls !== "DIGTCERT") return;
    const s = this.#certState(name, no);
    s.dateLine = no;
    const start = field(rec, type, "GRCERT_START_DATE");
    const end = field(rec, type, "GRCERT_END_DATE");
    s.start = start ? isoDate(start, field(rec, type, "GRCERT_START_TIME")) : null;
    s.end = end ? isoDate(end, field(rec, type, "GRCERT_END_TIME")) : null;
    if (start && !s.start)
      this.#issues.line(
        no,
        "unload-bad-date",
        `start date "${start}" is not yyyy-mm-dd`,
        columnOf(type, "GRCERT_START_DATE"),
      );
    if (end && !s.end)
      this.#issues.line(
        no,
        "unload-bad-date",
        `end date "${end}" is not yyyy-mm-dd`,
        columnOf(type, "GRCERT_END_DATE"),
      );
    s.keyType = field(rec, type, "GRCERT_KEY_TYPE");
    s.keyLine = no;
    const size = field(rec, type, "GRCERT_KEY_SIZE");
    s.keySize = /^\d+$/.test(size) && Number(size) > 0 ? Number(size) : null;
  }

  #certNames(r: Rec): void {
    const { text: rec, type, no } = r;
    const name = this.#need(r, "CERTN_NAME");
    if (!name) return;
    const s = this.#certState(name, no);
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
        this.#issues.line(
          no,
          "unload-bad-fingerprint",
          "CERTN_CERT_FGRPRNT is not 64 hex digits; ignored",
          columnOf(type, "CERTN_CERT_FGRPRNT"),
        );
    }
  }

  #certState(name: string, line: number): CertState {
    let s = this.certs.get(name);
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
      this.certs.set(name, s);
    }
    return s;
  }

  #ringState(name: string): RingState {
    let r = this.rings.get(name);
    if (!r) {
      r = { name, profileLine: 0, connections: [] };
      this.rings.set(name, r);
    }
    return r;
  }

  #profileFor(cls: string, name: string, line: number, entry = false): Profile {
    const key = `${cls}\u0000${name}`;
    const seen = this.#profilesSeen.get(key);
    // Access-list records (0505: thousands on a big FACILITY list) carry their own sources; the
    // profile keeps the sources of its other records only, so that its evidence stays a line or
    // two however long the access list is.
    if (seen) {
      if (!entry) seen.sources.push(this.#source(line));
      return seen;
    }
    // The first record of a profile in this unload replaces its access list (a later input
    // describes a later state); further records add to it.
    const p = applyProfile(this.#ctx.model, {
      class: cls,
      name,
      generic: null,
      uacc: null,
      access: [],
      stdata: null,
      applData: null,
      source: this.#source(line),
    });
    this.#profilesSeen.set(key, p);
    return p;
  }
}

interface Rec {
  type: string;
  text: string;
  /** Length of the whole record without trailing blanks (`text` may stop earlier). */
  length: number;
  no: number;
}
