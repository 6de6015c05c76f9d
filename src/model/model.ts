import { clipMessage } from "./clip.js";
import { bestMatch, isGenericName } from "./profiles.js";
import {
  ACCESS_ORDER,
  type AccessLevel,
  type Certificate,
  type CertOwner,
  type ClassState,
  type Connection,
  type InputIssue,
  type Profile,
  type RacfState,
  type Ring,
  type Source,
  type User,
} from "./types.js";

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

export function accessAtLeast(have: AccessLevel, need: AccessLevel): boolean {
  return ACCESS_ORDER.indexOf(have) >= ACCESS_ORDER.indexOf(need);
}

export function formatSource(s: Source): string {
  if (!s.file) return s.kind === "default" ? "(racfring default)" : `(${s.kind})`;
  return s.line > 0 ? `${s.file}:${s.line}` : s.file;
}

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

  // ---- certificates ------------------------------------------------------------------------

  certificate(owner: CertOwner, label: string): Certificate | undefined {
    return this.state.certificates.find((c) => c.owner === owner && c.label === label);
  }

  certificatesOf(owner: CertOwner): Certificate[] {
    return this.state.certificates.filter((c) => c.owner === owner);
  }

  addCertificate(cert: Certificate): Certificate {
    this.state.certificates.push(cert);
    return cert;
  }

  /** Remove a certificate and every connection to it (RACDCERT DELETE does both). */
  deleteCertificate(owner: CertOwner, label: string): boolean {
    const i = this.state.certificates.findIndex((c) => c.owner === owner && c.label === label);
    if (i < 0) return false;
    this.state.certificates.splice(i, 1);
    for (const ring of this.state.rings) {
      ring.connections = ring.connections.filter((c) => !(c.owner === owner && c.label === label));
    }
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
  }

  // ---- rings -------------------------------------------------------------------------------

  /** Ring names are case-sensitive (IBM KC21 icha700/tringp.htm); owners are user ids. */
  ring(owner: string, name: string): Ring | undefined {
    const up = owner.toUpperCase();
    return this.state.rings.find((r) => r.owner === up && r.name === name);
  }

  ringsOf(owner: string): Ring[] {
    const up = owner.toUpperCase();
    return this.state.rings.filter((r) => r.owner === up);
  }

  addRing(owner: string, name: string, source: Source): Ring {
    const ring: Ring = { owner: owner.toUpperCase(), name, connections: [], sources: [source] };
    this.state.rings.push(ring);
    return ring;
  }

  deleteRing(owner: string, name: string): boolean {
    const up = owner.toUpperCase();
    const i = this.state.rings.findIndex((r) => r.owner === up && r.name === name);
    if (i < 0) return false;
    this.state.rings.splice(i, 1);
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
    return conn;
  }

  disconnect(ring: Ring, owner: CertOwner, label: string): boolean {
    const before = ring.connections.length;
    ring.connections = ring.connections.filter((c) => !(c.owner === owner && c.label === label));
    return ring.connections.length !== before;
  }

  /** Rings a certificate is connected to. */
  ringsHolding(owner: CertOwner, label: string): Ring[] {
    return this.state.rings.filter((r) => r.connections.some((c) => c.owner === owner && c.label === label));
  }

  // ---- profiles and classes ----------------------------------------------------------------

  profile(cls: string, name: string): Profile | undefined {
    const c = cls.toUpperCase();
    return this.state.profiles.find((p) => p.class === c && p.name === name);
  }

  profilesOf(cls: string): Profile[] {
    const c = cls.toUpperCase();
    return this.state.profiles.filter((p) => p.class === c);
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
    this.state.profiles.push(p);
    return p;
  }

  deleteProfile(cls: string, name: string): boolean {
    const c = cls.toUpperCase();
    const i = this.state.profiles.findIndex((p) => p.class === c && p.name === name);
    if (i < 0) return false;
    this.state.profiles.splice(i, 1);
    return true;
  }

  /** The profile RACF would use to protect `resource` in `cls` (discrete, then best generic). */
  protectingProfile(cls: string, resource: string): Profile | undefined {
    return bestMatch(this.profilesOf(cls), resource);
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
    const own = profile.access.find((a) => a.id === id);
    if (own) return { level: own.level, via: "user", entryId: own.id };
    const user = this.user(id);
    const grplist = this.state.options?.grplist?.value ?? true;
    const current = currentGroup ?? user?.defaultGroup ?? null;
    const groups = grplist ? (user?.groups ?? []) : current ? [current] : [];
    let best: ProfileAccess | undefined;
    for (const g of groups) {
      const e = profile.access.find((a) => a.id === g);
      if (e && (!best || accessAtLeast(e.level, best.level)))
        best = { level: e.level, via: "group", entryId: e.id };
    }
    if (best) return best;
    const star = profile.access.find((a) => a.id === "*");
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
