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
import { endOf, isoDate, keepProfile, ownerFromId, REQUIRED_THROUGH } from "./unload-fields.js";
import type { UnloadIssues } from "./unload-issues.js";
import { LAYOUTS } from "./unload-layouts.js";
import { type Column, columnsOf, misalignedColumn, type RecordView } from "./unload-view.js";

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

// The fields read, per record type (formats.md §6), looked up once.
const GROUP = columnsOf("0100", ["GPBD_NAME"]);
const USER = columnsOf("0200", ["USBD_NAME", "USBD_SPECIAL", "USBD_REVOKE", "USBD_DEFGRP_ID"]);
const CONNECT = columnsOf("0205", ["USCON_NAME", "USCON_GRP_ID"]);
const USER_CERT = columnsOf("0207", ["USCERT_NAME", "USCERT_CERT_NAME", "USCERT_CERTLABL"]);
const BASIC = columnsOf("0500", [
  "GRBD_NAME",
  "GRBD_CLASS_NAME",
  "GRBD_APPL_DATA",
  "GRBD_UACC",
  "GRBD_GENERIC",
  "GRBD_WARNING",
]);
const ACCESS = columnsOf("0505", ["GRACC_NAME", "GRACC_CLASS_NAME", "GRACC_AUTH_ID", "GRACC_ACCESS"]);
const STARTED = columnsOf("0540", ["GRST_NAME", "GRST_CLASS_NAME", "GRST_USER_ID", "GRST_GROUP_ID"]);
const CERT_DATA = columnsOf("0560", [
  "GRCERT_NAME",
  "GRCERT_CLASS_NAME",
  "GRCERT_START_DATE",
  "GRCERT_START_TIME",
  "GRCERT_END_DATE",
  "GRCERT_END_TIME",
  "GRCERT_KEY_TYPE",
  "GRCERT_KEY_SIZE",
]);
const CERT_RING = columnsOf("0561", ["CERTR_NAME", "CERTR_RING_NAME"]);
const RING_CERT = columnsOf("0562", [
  "KEYR_NAME",
  "KEYR_CERT_NAME",
  "KEYR_CERT_USAGE",
  "KEYR_CERT_DEFAULT",
  "KEYR_CERT_LABEL",
]);
const CERT_NAMES = columnsOf("1560", [
  "CERTN_NAME",
  "CERTN_ISSUER_DN",
  "CERTN_SUBJECT_DN",
  "CERTN_SIG_ALG",
  "CERTN_CERT_FGRPRNT",
]);

/** The column each record type must reach (REQUIRED_THROUGH's field's end), by type. */
const REQUIRED_END: ReadonlyMap<string, { name: string; end: number }> = new Map(
  Object.entries(REQUIRED_THROUGH).map(([type, name]) => [type, { name, end: endOf(type, name) }]),
);
/** A DIGTCERT 0560 must reach its key size; a DIGTRING 0560 only its class. */
const DIGTCERT_0560_END = { name: "GRCERT_KEY_SIZE", end: endOf("0560", "GRCERT_KEY_SIZE") };

export class UnloadRecords {
  readonly certs = new Map<string, CertState>();
  readonly rings = new Map<string, RingState>();
  /** Users and their connect groups (0200, 0205), handed to the model when the stream ends. */
  users: UserTable;
  /** True once any 0561 record was read: only then is a missing 0561 worth a word. */
  any0561 = false;
  readonly #ctx: ReadContext;
  readonly #issues: UnloadIssues;
  /** Profiles this unload has started to describe (class\0name), with their model profile. */
  readonly #profilesSeen = new Map<string, Profile>();
  /** The profile of the last record, by the class and name that record gave. */
  #lastProfile: Profile | null = null;
  #lastCert: CertState | null = null;
  #lastRing: RingState | null = null;
  #lastClass = "";
  #lastName = "";
  #keptClass = "";
  #keptName = "";
  #kept = false;
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
   * Read one record of a type with a layout. `reach` is how far the line went before its
   * trailing blanks were dropped (the view's length is without them).
   */
  read(r: RecordView, reach: number): void {
    const { type, no } = r;
    const badColumn = misalignedColumn(r);
    if (badColumn !== null) {
      this.#issues.line(
        no,
        "unload-malformed-record",
        `${type} record: column ${badColumn} should be the blank between two fields but is "${r.char(badColumn - 1)}" (fields do not line up with the IRRDBU00 layout); record skipped`,
        badColumn,
      );
      return;
    }
    // DIGTCERT 0560 records are read up to the key size; other 0560 (DIGTRING) only to the class.
    const through =
      type === "0560" && r.upperShared(CERT_DATA.GRCERT_CLASS_NAME) === "DIGTCERT"
        ? DIGTCERT_0560_END
        : REQUIRED_END.get(type);
    if (through && reach < through.end) {
      const cut = LAYOUTS[type]?.fields.find((f) => f.end > reach && f.start > 4);
      this.#issues.line(
        no,
        "unload-truncated-record",
        `truncated record: ${type} record ends at column ${reach}${cut ? `, inside ${cut.name} (columns ${cut.start}–${cut.end})` : ""}; IRRDBU00 writes this record through column ${through.end} at least; record skipped`,
        reach + 1,
      );
      return;
    }
    switch (type) {
      case "0100": {
        const id = this.#need(r, GROUP.GPBD_NAME);
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
        const name = this.#need(r, STARTED.GRST_NAME);
        if (!name) break;
        const cls = r.upperShared(STARTED.GRST_CLASS_NAME) || "STARTED";
        const p = this.#profileFor(cls, name, no);
        const user = r.upper(STARTED.GRST_USER_ID);
        const group = r.upperShared(STARTED.GRST_GROUP_ID);
        p.stdata = { user: user || null, group: group || null };
        break;
      }
      case "0560":
        this.#certData(r);
        break;
      case "0561": {
        const name = this.#needName(r, CERT_RING.CERTR_NAME, this.#lastCert?.name);
        const ring = this.#need(r, CERT_RING.CERTR_RING_NAME);
        if (!name || !ring) break;
        this.any0561 = true;
        this.#certState(name, no).ringRefs.add(ring);
        break;
      }
      case "0562": {
        const ringName = this.#needName(r, RING_CERT.KEYR_NAME, this.#lastRing?.name);
        const certName = this.#need(r, RING_CERT.KEYR_CERT_NAME);
        if (!ringName || !certName) break;
        this.#ringState(ringName).connections.push({
          certName,
          usage: this.#intern(r.upperShared(RING_CERT.KEYR_CERT_USAGE)),
          default: yesNo(r.text(RING_CERT.KEYR_CERT_DEFAULT)) === true,
          label: r.text(RING_CERT.KEYR_CERT_LABEL),
          line: no,
        });
        break;
      }
      case "1560":
        this.#certNames(r);
        break;
    }
  }

  /**
   * Is this a user record (0200, 0205) that `read` takes without a word: lined up, as long as
   * IRRDBU00 writes it, naming its user (and for a 0205 its group)? Such a record means the
   * same wherever it is read (unload.ts ParallelUsers).
   */
  cleanUser(r: RecordView, reach: number): boolean {
    if (misalignedColumn(r) !== null) return false;
    const through = REQUIRED_END.get(r.type);
    if (!through || reach < through.end) return false;
    if (r.type === "0200") return r.filled(USER.USBD_NAME);
    return r.type === "0205" && r.filled(CONNECT.USCON_NAME) && r.filled(CONNECT.USCON_GRP_ID);
  }

  #source(line: number, column?: number): Source {
    return src(this.#ctx, "unload", line, column);
  }

  /** A field the record must have; blank → a located warning and null (record skipped). */
  #need(r: RecordView, c: Column, upper: false | "upper" | "shared" = false): string | null {
    const v = upper === "shared" ? r.upperShared(c) : upper ? r.upper(c) : r.text(c);
    if (v === "") {
      this.#issues.line(
        r.no,
        "unload-short-record",
        `${r.type} record without ${c.name} (record ends at column ${r.length}); skipped`,
        Math.min(c.from + 1, r.length + 1),
      );
      return null;
    }
    return v;
  }

  /**
   * `#need` for a profile name, given the name of the last record's profile: the records of a
   * profile come together, so most of the time the name is that one and no string is made.
   */
  #needName(r: RecordView, c: Column, last: string | undefined): string | null {
    return last !== undefined && last !== "" && r.textIs(c, last) ? last : this.#need(r, c);
  }

  /** `#need`, upper case. */
  #needUpper(r: RecordView, c: Column): string | null {
    return this.#need(r, c, "upper");
  }

  /**
   * A user's groups grow one record at a time. A new array of the exact size each time
   * (concat): an array grown by push, or built by spreading, keeps room for 16 to 36 more, on
   * each of 300,000 users.
   */
  #user(r: RecordView): void {
    const id = this.#needUpper(r, USER.USBD_NAME);
    if (!id) return;
    this.users.define(
      id,
      r.no,
      yesNo(r.text(USER.USBD_SPECIAL)) === true,
      yesNo(r.text(USER.USBD_REVOKE)) === true,
      r.upperShared(USER.USBD_DEFGRP_ID),
    );
  }

  #connect(r: RecordView): void {
    const id = this.#needUpper(r, CONNECT.USCON_NAME);
    const group = this.#need(r, CONNECT.USCON_GRP_ID, "shared");
    if (!id || !group) return;
    this.users.connect(id, group, r.no);
  }

  #certName(r: RecordView): void {
    const id = this.#need(r, USER_CERT.USCERT_NAME);
    const certName = this.#need(r, USER_CERT.USCERT_CERT_NAME);
    // RACF always gives a certificate a label (LABELnnnnnnnn when none was asked for), so a
    // 0207 without one was cut after the certificate name.
    const label = this.#need(r, USER_CERT.USCERT_CERTLABL);
    if (!id || !certName || !label) return;
    const s = this.#certState(certName, r.no);
    const owner = ownerFromId(id);
    if (owner === null) {
      this.#issues.line(
        r.no,
        "unload-bad-owner",
        `0207 owner "${id}" is not a user id`,
        USER_CERT.USCERT_NAME.from + 1,
      );
      return;
    }
    s.owner = owner;
    s.ownerLine = r.no;
    s.label = label;
  }

  #basic(r: RecordView): void {
    const { no } = r;
    const name = this.#needName(r, BASIC.GRBD_NAME, this.#lastCert?.name);
    const cls = this.#need(r, BASIC.GRBD_CLASS_NAME, "shared");
    if (!name || !cls) return;
    if (cls === "DIGTCERT") {
      const s = this.#certState(name, no);
      // GRBD_APPL_DATA holds the certificate owner; GRBD_OWNER_ID is whoever issued the
      // RACDCERT command and means nothing for ownership (IBM digtown.htm, formats.md §6).
      const appl = r.text(BASIC.GRBD_APPL_DATA);
      s.applOwner = ownerFromId(appl);
      s.applLine = no;
      const uacc = r.text(BASIC.GRBD_UACC);
      if (uacc) {
        s.uacc = uacc;
        s.uaccLine = no;
      }
    } else if (cls === "DIGTRING") {
      this.#ringState(name).profileLine = no;
    } else if (this.#keep(cls, name)) {
      const p = this.#profileFor(cls, name, no);
      const generic = yesNo(r.text(BASIC.GRBD_GENERIC));
      p.generic = generic ?? isGenericName(name);
      const uacc = r.upperShared(BASIC.GRBD_UACC);
      if (ACCESS_LEVELS.has(uacc)) p.uacc = uacc as AccessLevel;
      else
        this.#issues.line(
          no,
          "unload-bad-uacc",
          `UACC "${uacc}" of ${cls} ${clip(name)} is not an access level`,
          BASIC.GRBD_UACC.from + 1,
        );
      const appl = r.text(BASIC.GRBD_APPL_DATA);
      if (appl) p.applData = appl;
      // GRBD_WARNING: "Does this resource have the WARNING attribute?" (YES/NO).
      const warning = yesNo(r.text(BASIC.GRBD_WARNING));
      if (warning !== null) p.warning = warning;
    }
  }

  #accessEntry(r: RecordView): void {
    const { no } = r;
    const name = this.#needName(r, ACCESS.GRACC_NAME, this.#lastName);
    const cls = this.#need(r, ACCESS.GRACC_CLASS_NAME, "shared");
    if (!name || !cls || !this.#keep(cls, name)) return;
    const id = this.#needUpper(r, ACCESS.GRACC_AUTH_ID);
    const level = r.upperShared(ACCESS.GRACC_ACCESS);
    if (!id) return;
    if (!ACCESS_LEVELS.has(level)) {
      this.#issues.line(
        no,
        "unload-bad-access",
        `access "${level}" for ${id} on ${cls} ${clip(name)} is not an access level`,
        ACCESS.GRACC_ACCESS.from + 1,
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

  #certData(r: RecordView): void {
    const { no } = r;
    const name = this.#needName(r, CERT_DATA.GRCERT_NAME, this.#lastCert?.name);
    const cls = r.upperShared(CERT_DATA.GRCERT_CLASS_NAME);
    // DIGTRING profiles carry a CERTDATA segment too (ring sequence number only).
    if (!name || cls !== "DIGTCERT") return;
    const s = this.#certState(name, no);
    s.dateLine = no;
    const start = r.text(CERT_DATA.GRCERT_START_DATE);
    const end = r.text(CERT_DATA.GRCERT_END_DATE);
    s.start = start ? isoDate(start, r.text(CERT_DATA.GRCERT_START_TIME)) : null;
    s.end = end ? isoDate(end, r.text(CERT_DATA.GRCERT_END_TIME)) : null;
    if (start && !s.start)
      this.#issues.line(
        no,
        "unload-bad-date",
        `start date "${start}" is not yyyy-mm-dd`,
        CERT_DATA.GRCERT_START_DATE.from + 1,
      );
    if (end && !s.end)
      this.#issues.line(
        no,
        "unload-bad-date",
        `end date "${end}" is not yyyy-mm-dd`,
        CERT_DATA.GRCERT_END_DATE.from + 1,
      );
    s.keyType = r.text(CERT_DATA.GRCERT_KEY_TYPE);
    s.keyLine = no;
    const size = r.text(CERT_DATA.GRCERT_KEY_SIZE);
    s.keySize = /^\d+$/.test(size) && Number(size) > 0 ? Number(size) : null;
  }

  #certNames(r: RecordView): void {
    const { no } = r;
    const name = this.#needName(r, CERT_NAMES.CERTN_NAME, this.#lastCert?.name);
    if (!name) return;
    const s = this.#certState(name, no);
    const issuer = r.text(CERT_NAMES.CERTN_ISSUER_DN);
    const subject = r.text(CERT_NAMES.CERTN_SUBJECT_DN);
    // The DN syntax of 1560 (RACF `.` style or RFC `,`) is not verified; normalizeDn reads both.
    if (issuer) s.issuer = normalizeDn(issuer);
    if (subject) s.subject = normalizeDn(subject);
    const alg = r.text(CERT_NAMES.CERTN_SIG_ALG);
    if (alg) s.sigAlg = canonicalSignatureAlgorithm(alg);
    const fp = r.text(CERT_NAMES.CERTN_CERT_FGRPRNT);
    if (fp) {
      s.fingerprint = normalizeFingerprint(fp);
      if (!s.fingerprint)
        this.#issues.line(
          no,
          "unload-bad-fingerprint",
          "CERTN_CERT_FGRPRNT is not 64 hex digits; ignored",
          CERT_NAMES.CERTN_CERT_FGRPRNT.from + 1,
        );
    }
  }

  #certState(name: string, line: number): CertState {
    // A certificate's records come together (0500, 0560, 1560 and a 0561 per ring).
    if (this.#lastCert?.name === name) return this.#lastCert;
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
    this.#lastCert = s;
    return s;
  }

  #ringState(name: string): RingState {
    if (this.#lastRing?.name === name) return this.#lastRing;
    let r = this.rings.get(name);
    if (!r) {
      r = { name, profileLine: 0, connections: [] };
      this.rings.set(name, r);
    }
    this.#lastRing = r;
    return r;
  }

  #remember(cls: string, name: string, p: Profile): void {
    this.#lastProfile = p;
    this.#lastClass = cls;
    this.#lastName = name;
  }

  /** keepProfile, asked again only when the record is of another profile than the last. */
  #keep(cls: string, name: string): boolean {
    if (cls !== this.#keptClass || name !== this.#keptName) {
      this.#keptClass = cls;
      this.#keptName = name;
      this.#kept = keepProfile(cls, name);
    }
    return this.#kept;
  }

  #profileFor(cls: string, name: string, line: number, entry = false): Profile {
    // A profile's records come together (its access list is thousands of 0505 in a row).
    const last = this.#lastProfile;
    const seen =
      last && this.#lastClass === cls && this.#lastName === name
        ? last
        : this.#profilesSeen.get(`${cls}\u0000${name}`);
    // Access-list records (0505: thousands on a big FACILITY list) carry their own sources; the
    // profile keeps the sources of its other records only, so that its evidence stays a line or
    // two however long the access list is.
    if (seen) {
      if (!entry) seen.sources.push(this.#source(line));
      this.#remember(cls, name, seen);
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
    this.#profilesSeen.set(`${cls}\u0000${name}`, p);
    this.#remember(cls, name, p);
    return p;
  }
}
