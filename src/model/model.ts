import { clipMessage } from "./clip.js";
import { isGenericName, type LookupStats, ProfileIndex } from "./profiles.js";
import {
  ACCESS_ORDER,
  type AccessEntry,
  type AccessLevel,
  type Certificate,
  type CertOwner,
  type ClassState,
  type Connection,
  type Group,
  type InputIssue,
  type Profile,
  type RacfState,
  type Ring,
  type Source,
  type User,
} from "./types.js";
import type { UserTable } from "./user-table.js";

/**
 * Class state racfring assumes when no input says otherwise. Each assumption is written to
 * `assumptions` the first time it matters, so users see it next to the verdict.
 * - FACILITY: active and RACLISTed on every real system that uses certificates (RACDCERT
 *   itself is authorised through FACILITY IRR.DIGTCERT.*).
 * - RDATALIB: inactive until an input activates it (ring-specific checking is opt-in, IBM
 *   R_datalib "Authorization" notes, KC24 ichd100/dlibauth.htm).
 * - STARTED: active and RACLISTed (started-task identities are assigned through it).
 * - DIGTCERT/DIGTRING: RACLISTed by installations that use AT-TLS; refreshing them is advised
 *   after every change.
 */
export const DEFAULT_CLASS_STATE: Readonly<Record<string, Omit<ClassState, "sources" | "assumed">>> = {
  FACILITY: { active: true, raclisted: true, generic: true },
  RDATALIB: { active: false, raclisted: false, generic: false },
  STARTED: { active: true, raclisted: true, generic: true },
  DIGTCERT: { active: true, raclisted: true, generic: false },
  DIGTRING: { active: true, raclisted: true, generic: false },
};

export const USERID_RE = /^[A-Z#$@][A-Z0-9#$@]{0,7}$/;
export const MAX_LABEL = 32;
export const MAX_RING = 237;

export function emptyState(): RacfState {
  const classes: Record<string, ClassState> = {};
  for (const [name, s] of Object.entries(DEFAULT_CLASS_STATE)) {
    classes[name] = { ...s, assumed: true, sources: [{ file: "", line: 0, kind: "default" }] };
  }
  return {
    users: [],
    groups: [],
    certificates: [],
    rings: [],
    profiles: [],
    classes,
    issues: [],
    assumptions: [],
  };
}

/**
 * A certificate about which nothing is known yet but its owner and label: every fact `null`
 * (unknown), status TRUST (RACF's default for a certificate it creates or adds without a status).
 * Readers fill in what their input says.
 */
export function blankCertificate(owner: CertOwner, label: string, sources: Source[] = []): Certificate {
  return {
    owner,
    label,
    status: "TRUST",
    notBefore: null,
    notAfter: null,
    datesAssumed: false,
    subject: null,
    issuer: null,
    altNames: [],
    keyType: null,
    keySize: null,
    privateKey: null,
    keyStore: null,
    icsfLabel: null,
    keyUsage: null,
    signatureAlgorithm: null,
    serial: null,
    fingerprint: null,
    signer: null,
    selfSigned: null,
    fromRequest: false,
    der: null,
    sources,
  };
}

/** `ID(FTPD)` for a user, unchanged for CERTAUTH/SITE. */
export function userOwner(id: string): CertOwner {
  return `ID(${id.toUpperCase()})`;
}

/** The user id inside `ID(x)`, or null for CERTAUTH/SITE. */
export function ownerUser(owner: CertOwner): string | null {
  const m = /^ID\((.+)\)$/.exec(owner);
  return m?.[1] ?? null;
}

export function isCaOwner(owner: CertOwner): boolean {
  return owner === "CERTAUTH" || owner === "SITE";
}

interface CertIndex {
  of: Certificate[];
  count: number;
  /** Owner, then label: two Map reads, no key string built per look-up (rules ask per connection). */
  byLabel: Map<CertOwner, Map<string, Certificate>>;
  byOwner: Map<CertOwner, Certificate[]>;
}

function fileByLabel(index: CertIndex["byLabel"], cert: Certificate): void {
  let labels = index.get(cert.owner);
  if (!labels) {
    labels = new Map();
    index.set(cert.owner, labels);
  }
  if (!labels.has(cert.label)) labels.set(cert.label, cert);
}

function certKey(owner: CertOwner, label: string): string {
  return `${owner}\u0000${label}`;
}

export function accessAtLeast(have: AccessLevel, need: AccessLevel): boolean {
  return ACCESS_ORDER.indexOf(have) >= ACCESS_ORDER.indexOf(need);
}

export function formatSource(s: Source): string {
  if (!s.file) return s.kind === "default" ? "(racfring default)" : `(${s.kind})`;
  return s.line > 0 ? `${s.file}:${s.line}` : s.file;
}

/** Access lists up to this length are scanned rather than indexed (RacfModel.accessEntry). */
const SCAN_ACCESS_LIST = 16;

export interface ProfileAccess {
  level: AccessLevel;
  /** How the level was found: an access-list entry for the user, a group, `*`, or UACC. */
  via: "user" | "group" | "all" | "uacc";
  entryId: string | null;
}

/**
 * Operations on the RACF state, the one place where RACF semantics about identity (labels are
 * case-sensitive, ring names too, user ids upper case) and profile resolution live.
 */
export class RacfModel {
  readonly state: RacfState;

  constructor(state: RacfState = emptyState()) {
    this.state = state;
  }

  // ---- issues and assumptions -------------------------------------------------------------

  /**
   * Record an input issue. Messages quote input, and input can be hostile or huge (a 20 MB
   * line): long quoted strings and runs without blanks are shortened here, for every reader.
   */
  issue(issue: InputIssue): void {
    const message = clipMessage(issue.message);
    this.state.issues.push(message === issue.message ? issue : { ...issue, message });
  }

  assume(message: string, source?: Source): void {
    const existing = this.state.assumptions.find((a) => a.message === message);
    if (existing) {
      if (source) existing.sources.push(source);
      return;
    }
    this.state.assumptions.push({ message, sources: source ? [source] : [] });
  }

  // ---- users -------------------------------------------------------------------------------

  /**
   * Users by id. An IRRDBU00 unload of a real site holds hundreds of thousands of users, so
   * lookups go through an index instead of scanning; it is rebuilt whenever the users array was
   * changed other than through this class (a different array, or a different length).
   */
  #userIndex = new Map<string, User>();
  #indexedUsers: User[] | null = null;
  #indexedCount = -1;
  /**
   * Users of an unload not built yet (user-table.ts): while it is set, `state.users` is a
   * getter that builds them all on first use, and user() builds only the one asked for.
   */
  #userTable: UserTable | null = null;

  /**
   * Take the users an unload read. Into a model that holds no users yet they are kept as the
   * table keeps them, built when asked for; otherwise they are merged user by user, as the
   * reader's calls of defineUser/referUser would have merged them.
   */
  adoptUserTable(table: UserTable): void {
    if (table.size === 0) return;
    if (this.#userTable || this.state.users.length > 0) {
      table.replay(this);
      return;
    }
    this.#userTable = table;
    Object.defineProperty(this.state, "users", {
      configurable: true,
      enumerable: true,
      get: () => this.#settleUsers(),
      set: (users: User[]) => {
        this.#settleUsers();
        this.state.users = users;
      },
    });
  }

  /** Build every user still kept in a table; `state.users` becomes a plain array again. */
  #settleUsers(): User[] {
    const users = this.#userTable?.all() ?? [];
    this.#userTable = null;
    Object.defineProperty(this.state, "users", {
      configurable: true,
      enumerable: true,
      writable: true,
      value: users,
    });
    return users;
  }

  #usersIndex(): Map<string, User> {
    const users = this.state.users;
    if (this.#indexedUsers !== users || this.#indexedCount !== users.length) {
      this.#userIndex = new Map(users.map((u) => [u.id, u]));
      this.#indexedUsers = users;
      this.#indexedCount = users.length;
    }
    return this.#userIndex;
  }

  #addUser(u: User): User {
    const index = this.#usersIndex();
    this.state.users.push(u);
    index.set(u.id, u);
    this.#indexedCount = this.state.users.length;
    return u;
  }

  user(id: string): User | undefined {
    const up = id.toUpperCase();
    if (this.#userTable) return this.#userTable.get(up);
    return this.#usersIndex().get(up);
  }

  /** Add a complete user record (a model JSON read back); an existing user is updated. */
  adoptUser(u: User): User {
    const existing = this.user(u.id);
    if (!existing) return this.#addUser(u);
    Object.assign(existing, u, { sources: [...existing.sources, ...u.sources] });
    return existing;
  }

  /** Define (or redefine) a user from an explicit definition: it is no longer implied. */
  defineUser(id: string, source: Source): User {
    const existing = this.user(id);
    if (existing) {
      existing.implied = false;
      existing.sources.push(source);
      return existing;
    }
    const u: User = {
      id: id.toUpperCase(),
      special: false,
      implied: false,
      groups: [],
      revoked: false,
      sources: [source],
    };
    return this.#addUser(u);
  }

  /** A user referred to by a command; created as implied if never defined. */
  referUser(id: string, source: Source): User {
    const existing = this.user(id);
    if (existing) return existing;
    const u: User = {
      id: id.toUpperCase(),
      special: false,
      implied: true,
      groups: [],
      revoked: false,
      sources: [source],
    };
    return this.#addUser(u);
  }

  deleteUser(id: string): boolean {
    const up = id.toUpperCase();
    const i = this.state.users.findIndex((u) => u.id === up);
    if (i < 0) return false;
    this.state.users.splice(i, 1);
    this.#usersIndex().delete(up);
    this.#indexedCount = this.state.users.length;
    return true;
  }

  // ---- groups ------------------------------------------------------------------------------

  #groupIndex: { of: Group[]; count: number; byId: Map<string, Group> } | null = null;

  /** A group by id (indexed: an unload holds thousands of groups). */
  group(id: string): Group | undefined {
    const groups = this.state.groups;
    let idx = this.#groupIndex;
    if (!idx || idx.of !== groups || idx.count !== groups.length) {
      idx = { of: groups, count: groups.length, byId: new Map() };
      for (const g of groups) if (!idx.byId.has(g.id)) idx.byId.set(g.id, g);
      this.#groupIndex = idx;
    }
    const up = id.toUpperCase();
    const hit = idx.byId.get(up);
    return hit && hit.id === up ? hit : undefined;
  }

  /** Add a group unless it is known; returns the group. */
  defineGroup(id: string, source: Source): Group {
    const existing = this.group(id);
    if (existing) return existing;
    const g: Group = { id: id.toUpperCase(), sources: [source] };
    this.state.groups.push(g);
    if (this.#groupIndex) {
      this.#groupIndex.byId.set(g.id, g);
      this.#groupIndex.count = this.state.groups.length;
    }
    return g;
  }

  // ---- certificates ------------------------------------------------------------------------

  /**
   * Certificates by owner + label and by owner, rings by owner + name and by owner, and rings by
   * the certificates they hold: an unload holds tens of thousands of each, and every rule asks
   * per connection. Each index remembers which array it was built from and how long it was;
   * changes through this class keep it current, any other change to the arrays (a new array, a
   * different length) makes the next lookup rebuild it. A hit is checked against the item's
   * current key, so an item renamed behind the model's back is never returned for its old name.
   */
  #certIndex: CertIndex | null = null;

  #certs(): CertIndex {
    const certs = this.state.certificates;
    const idx = this.#certIndex;
    if (idx && idx.of === certs && idx.count === certs.length) return idx;
    const byLabel: CertIndex["byLabel"] = new Map();
    const byOwner = new Map<CertOwner, Certificate[]>();
    for (const c of certs) {
      fileByLabel(byLabel, c);
      const list = byOwner.get(c.owner);
      if (list) list.push(c);
      else byOwner.set(c.owner, [c]);
    }
    this.#certIndex = { of: certs, count: certs.length, byLabel, byOwner };
    return this.#certIndex;
  }

  certificate(owner: CertOwner, label: string): Certificate | undefined {
    const idx = this.#certs();
    const hit = idx.byLabel.get(owner)?.get(label);
    if (hit && hit.owner === owner && hit.label === label) return hit;
    if (!hit) return undefined;
    this.#certIndex = null; // renamed outside the model: rebuild once
    return this.#certs().byLabel.get(owner)?.get(label);
  }

  certificatesOf(owner: CertOwner): Certificate[] {
    return (this.#certs().byOwner.get(owner) ?? []).filter((c) => c.owner === owner);
  }

  addCertificate(cert: Certificate): Certificate {
    const idx = this.#certs();
    this.state.certificates.push(cert);
    fileByLabel(idx.byLabel, cert);
    const list = idx.byOwner.get(cert.owner);
    if (list) list.push(cert);
    else idx.byOwner.set(cert.owner, [cert]);
    idx.count = this.state.certificates.length;
    return cert;
  }

  /** Remove a certificate and every connection to it (RACDCERT DELETE does both). */
  deleteCertificate(owner: CertOwner, label: string): boolean {
    const i = this.state.certificates.findIndex((c) => c.owner === owner && c.label === label);
    if (i < 0) return false;
    this.state.certificates.splice(i, 1);
    this.#certIndex = null;
    for (const ring of this.state.rings) {
      ring.connections = ring.connections.filter((c) => !(c.owner === owner && c.label === label));
    }
    this.#connectionsChanged++;
    return true;
  }

  /** Rename a certificate (ALTER NEWLABEL) and follow the rename in every ring. */
  relabelCertificate(cert: Certificate, newLabel: string): void {
    for (const ring of this.state.rings) {
      for (const conn of ring.connections) {
        if (conn.owner === cert.owner && conn.label === cert.label) conn.label = newLabel;
      }
    }
    cert.label = newLabel;
    this.#certIndex = null;
    this.#connectionsChanged++;
  }

  /** Give a certificate kept under a placeholder owner its RACF owner (the index follows). */
  setCertificateOwner(cert: Certificate, owner: CertOwner): void {
    cert.owner = owner;
    this.#certIndex = null;
  }

  // ---- rings -------------------------------------------------------------------------------

  #ringIndex: { of: Ring[]; count: number; byKey: Map<string, Ring>; byOwner: Map<string, Ring[]> } | null =
    null;
  /** Bumped by every change of connections made through this class (ringsHolding's index). */
  #connectionsChanged = 0;
  #holding: { of: Ring[]; count: number; version: number; map: Map<string, Ring[]> } | null = null;

  #rings(): { of: Ring[]; count: number; byKey: Map<string, Ring>; byOwner: Map<string, Ring[]> } {
    const rings = this.state.rings;
    const idx = this.#ringIndex;
    if (idx && idx.of === rings && idx.count === rings.length) return idx;
    const byKey = new Map<string, Ring>();
    const byOwner = new Map<string, Ring[]>();
    for (const r of rings) {
      const key = `${r.owner}\u0000${r.name}`;
      if (!byKey.has(key)) byKey.set(key, r);
      const list = byOwner.get(r.owner);
      if (list) list.push(r);
      else byOwner.set(r.owner, [r]);
    }
    this.#ringIndex = { of: rings, count: rings.length, byKey, byOwner };
    return this.#ringIndex;
  }

  /** Ring names are case-sensitive (IBM KC21 icha700/tringp.htm); owners are user ids. */
  ring(owner: string, name: string): Ring | undefined {
    const up = owner.toUpperCase();
    const hit = this.#rings().byKey.get(`${up}\u0000${name}`);
    if (hit && hit.owner === up && hit.name === name) return hit;
    if (!hit) return undefined;
    this.#ringIndex = null;
    return this.#rings().byKey.get(`${up}\u0000${name}`);
  }

  ringsOf(owner: string): Ring[] {
    const up = owner.toUpperCase();
    return (this.#rings().byOwner.get(up) ?? []).filter((r) => r.owner === up);
  }

  addRing(owner: string, name: string, source: Source): Ring {
    const idx = this.#rings();
    const ring: Ring = { owner: owner.toUpperCase(), name, connections: [], sources: [source] };
    this.state.rings.push(ring);
    const key = `${ring.owner}\u0000${ring.name}`;
    if (!idx.byKey.has(key)) idx.byKey.set(key, ring);
    const list = idx.byOwner.get(ring.owner);
    if (list) list.push(ring);
    else idx.byOwner.set(ring.owner, [ring]);
    idx.count = this.state.rings.length;
    return ring;
  }

  deleteRing(owner: string, name: string): boolean {
    const up = owner.toUpperCase();
    const i = this.state.rings.findIndex((r) => r.owner === up && r.name === name);
    if (i < 0) return false;
    this.state.rings.splice(i, 1);
    this.#ringIndex = null;
    return true;
  }

  /**
   * Connect a certificate. Re-connecting an already connected certificate replaces its usage
   * and default flag; DEFAULT moves the ring's default to this certificate (one per ring).
   */
  connect(ring: Ring, conn: Connection): Connection {
    if (conn.default) for (const c of ring.connections) c.default = false;
    const existing = ring.connections.find((c) => c.owner === conn.owner && c.label === conn.label);
    if (existing) {
      existing.usage = conn.usage;
      existing.default = conn.default || existing.default;
      existing.sources.push(...conn.sources);
      return existing;
    }
    ring.connections.push(conn);
    this.#connectionsChanged++;
    return conn;
  }

  disconnect(ring: Ring, owner: CertOwner, label: string): boolean {
    const before = ring.connections.length;
    ring.connections = ring.connections.filter((c) => !(c.owner === owner && c.label === label));
    this.#connectionsChanged++;
    return ring.connections.length !== before;
  }

  /**
   * Rings a certificate is connected to, in ring order. Indexed by certificate: rules ask this
   * for every certificate, and a scan of all rings each time is quadratic.
   */
  ringsHolding(owner: CertOwner, label: string): Ring[] {
    return (this.#holdingIndex().get(certKey(owner, label)) ?? []).filter((r) =>
      r.connections.some((c) => c.owner === owner && c.label === label),
    );
  }

  /**
   * `ringsHolding(owner, label)[0]` without the list: a rule that asks of every certificate
   * whether any ring holds it would otherwise list the thousands of rings that hold a CA
   * certificate, once per question.
   */
  firstRingHolding(owner: CertOwner, label: string): Ring | undefined {
    return (this.#holdingIndex().get(certKey(owner, label)) ?? []).find((r) =>
      r.connections.some((c) => c.owner === owner && c.label === label),
    );
  }

  #holdingIndex(): Map<string, Ring[]> {
    const rings = this.state.rings;
    let h = this.#holding;
    if (!h || h.of !== rings || h.count !== rings.length || h.version !== this.#connectionsChanged) {
      const map = new Map<string, Ring[]>();
      for (const r of rings) {
        for (const c of r.connections) {
          const key = certKey(c.owner, c.label);
          const list = map.get(key);
          if (!list) map.set(key, [r]);
          else if (list[list.length - 1] !== r) list.push(r);
        }
      }
      h = { of: rings, count: rings.length, version: this.#connectionsChanged, map };
      this.#holding = h;
    }
    return h.map;
  }

  // ---- profiles and classes ----------------------------------------------------------------

  /**
   * Profiles by class: a name Map kept current by defineProfile/deleteProfile, and a compiled
   * matcher (ProfileIndex) built on the first protectingProfile after a change. Rebuilt when the
   * profiles array was changed other than through this class.
   */
  #profileIndex: {
    of: Profile[];
    count: number;
    byClass: Map<
      string,
      { all: Profile[]; byName: Map<string, Profile>; matcher: ProfileIndex<Profile> | null }
    >;
  } | null = null;

  /** Work done by protectingProfile, for tests that bound the cost per ring. */
  readonly lookupStats: LookupStats = { lookups: 0, candidates: 0 };

  #profiles() {
    const profiles = this.state.profiles;
    const idx = this.#profileIndex;
    if (idx && idx.of === profiles && idx.count === profiles.length) return idx;
    const byClass = new Map<
      string,
      { all: Profile[]; byName: Map<string, Profile>; matcher: ProfileIndex<Profile> | null }
    >();
    for (const p of profiles) {
      let c = byClass.get(p.class);
      if (!c) {
        c = { all: [], byName: new Map(), matcher: null };
        byClass.set(p.class, c);
      }
      c.all.push(p);
      if (!c.byName.has(p.name)) c.byName.set(p.name, p);
    }
    this.#profileIndex = { of: profiles, count: profiles.length, byClass };
    return this.#profileIndex;
  }

  profile(cls: string, name: string): Profile | undefined {
    const c = cls.toUpperCase();
    const hit = this.#profiles().byClass.get(c)?.byName.get(name);
    if (hit && hit.class === c && hit.name === name) return hit;
    if (!hit) return undefined;
    this.#profileIndex = null;
    return this.#profiles().byClass.get(c)?.byName.get(name);
  }

  /**
   * Does the model hold any profile of class `cls`? Asked once per simulated application (are
   * FACILITY profiles shown at all?): an index look-up, not a scan of every profile.
   */
  hasProfiles(cls: string): boolean {
    const c = cls.toUpperCase();
    return (this.#profiles().byClass.get(c)?.all ?? []).some((p) => p.class === c);
  }

  profilesOf(cls: string): Profile[] {
    const c = cls.toUpperCase();
    return (this.#profiles().byClass.get(c)?.all ?? []).filter((p) => p.class === c);
  }

  defineProfile(cls: string, name: string, source: Source): Profile {
    const existing = this.profile(cls, name);
    if (existing) {
      existing.sources.push(source);
      return existing;
    }
    const p: Profile = {
      class: cls.toUpperCase(),
      name,
      generic: isGenericName(name),
      uacc: "NONE",
      access: [],
      stdata: null,
      applData: null,
      sources: [source],
    };
    const idx = this.#profiles();
    this.state.profiles.push(p);
    let c = idx.byClass.get(p.class);
    if (!c) {
      c = { all: [], byName: new Map(), matcher: null };
      idx.byClass.set(p.class, c);
    }
    c.all.push(p);
    c.byName.set(name, p);
    c.matcher = null;
    idx.count = this.state.profiles.length;
    return p;
  }

  deleteProfile(cls: string, name: string): boolean {
    const c = cls.toUpperCase();
    const i = this.state.profiles.findIndex((p) => p.class === c && p.name === name);
    if (i < 0) return false;
    this.state.profiles.splice(i, 1);
    this.#profileIndex = null;
    return true;
  }

  /**
   * The profile RACF would use to protect `resource` in `cls` (discrete, then best generic;
   * src/model/profiles.ts). The one lookup every rule, the simulator and the started-task
   * resolution share: answers are memoised per class and resource until a profile is defined
   * or deleted, so resolving a started procedure for every ring costs one lookup per procedure.
   */
  protectingProfile(cls: string, resource: string): Profile | undefined {
    const c = cls.toUpperCase();
    const entry = this.#profiles().byClass.get(c);
    if (!entry) {
      this.lookupStats.lookups++;
      return undefined;
    }
    if (!entry.matcher) entry.matcher = new ProfileIndex(entry.all, this.lookupStats);
    return entry.matcher.best(resource);
  }

  /**
   * A profile's access list by id (the first entry of an id, as a scan would find it). Lists on
   * real FACILITY profiles hold thousands of entries and are asked once per ring and user.
   */
  readonly #accessByProfile = new WeakMap<
    Profile,
    { of: AccessEntry[]; count: number; byId: Map<string, AccessEntry> }
  >();

  #accessIndex(profile: Profile): Map<string, AccessEntry> {
    const cached = this.#accessByProfile.get(profile);
    if (cached && cached.of === profile.access && cached.count === profile.access.length) {
      // ids are not renamed in place by any reader; a stale hit is still checked below by id
      return cached.byId;
    }
    const byId = new Map<string, AccessEntry>();
    for (const a of profile.access) if (!byId.has(a.id)) byId.set(a.id, a);
    this.#accessByProfile.set(profile, { of: profile.access, count: profile.access.length, byId });
    return byId;
  }

  /**
   * The access-list entry of `id` in `profile` (the first, as a scan finds it), through the
   * profile's index: access lists of thousands of entries are asked several times per ring.
   */
  accessEntry(profile: Profile, id: string): AccessEntry | undefined {
    // Most lists hold a few entries: a scan costs less than building their index.
    if (profile.access.length <= SCAN_ACCESS_LIST) return profile.access.find((a) => a.id === id);
    return this.#accessIndex(profile).get(id);
  }

  /**
   * A user's access to a profile: the user's own entry; else the highest of the user's groups'
   * entries — all of them with SETROPTS GRPLIST (racfring's default when no input says), only the
   * current connect group with NOGRPLIST (`currentGroup`, else the default group); else the `*`
   * entry (RACF-defined users only); else UACC. Conditional access lists and RESTRICTED users
   * are not modelled. WARNING mode and the GRPLIST assumption: model/access.ts decideAccess.
   */
  accessTo(profile: Profile, userId: string, currentGroup: string | null = null): ProfileAccess {
    const id = userId.toUpperCase();
    const entries = this.#accessIndex(profile);
    const own = entries.get(id);
    if (own) return { level: own.level, via: "user", entryId: own.id };
    const user = this.user(id);
    const grplist = this.state.options?.grplist?.value ?? true;
    const current = currentGroup ?? user?.defaultGroup ?? null;
    const groups = grplist ? (user?.groups ?? []) : current ? [current] : [];
    let best: ProfileAccess | undefined;
    for (const g of groups) {
      const e = entries.get(g);
      if (e && (!best || accessAtLeast(e.level, best.level)))
        best = { level: e.level, via: "group", entryId: e.id };
    }
    if (best) return best;
    const star = entries.get("*");
    // ID(*) covers every RACF-defined user; an implied user is defined on the real system.
    if (star) return { level: star.level, via: "all", entryId: "*" };
    return { level: profile.uacc, via: "uacc", entryId: null };
  }

  /**
   * State of a class. A class no input mentions and racfring has no default for is reported
   * inactive and assumed; asking does not add it to the model (reads stay pure).
   */
  classState(cls: string): ClassState {
    const c = cls.toUpperCase();
    return (
      this.state.classes[c] ?? {
        active: false,
        raclisted: false,
        generic: false,
        assumed: true,
        sources: [{ file: "", line: 0, kind: "default" }],
      }
    );
  }

  /** Record an explicit class setting; the class is no longer assumed. */
  setClass(
    cls: string,
    change: Partial<Pick<ClassState, "active" | "raclisted" | "generic">>,
    source: Source,
  ): void {
    const c = cls.toUpperCase();
    const s = this.classState(c);
    this.state.classes[c] = s;
    if (s.assumed) {
      s.assumed = false;
      s.sources = [];
    }
    Object.assign(s, change);
    s.sources.push(source);
  }
}
