/**
 * The handshake simulator: predicts the System SSL return code an application gets when it
 * opens its SAF key ring and shakes hands, with a trace an administrator can follow and the
 * RACF commands that fix it.
 *
 * Order (rules §7, refined by field cases 1–7):
 *   identity → resolve-ring → authorize-ring → load-entries → private-keys →
 *   select-certificate → selected-key → validity → key-usage → negotiate →
 *   peer-validation → client-checks.
 * System SSL stops at the first failure; so does the trace. Every step cites its rule and the
 * rule's confidence; every fact cites the input line it came from.
 *
 * Pure: no I/O, no clock (the instant is `req.at`).
 */
import { dnEquals, parseDn } from "../model/dn.js";
import {
  accessAtLeast,
  formatSource,
  isCaOwner,
  ownerUser,
  type RacfModel,
  userOwner,
} from "../model/model.js";
import type {
  AccessLevel,
  Certificate,
  CertOwner,
  Confidence,
  Connection,
  Profile,
  RingUsage,
  Source,
} from "../model/types.js";
import { ringName, userId } from "../racf/write.js";
import { codeInfo } from "./catalogue.js";
import {
  type CipherSuite,
  findSuite,
  type Protocol,
  parseCipherList,
  parseProtocol,
  suiteFitsKey,
  suiteUsableWith,
} from "./ciphers.js";
import {
  APPLICATION_RESTART_NOTE,
  alterTrustCommand,
  connectCommand,
  POLICY_REFRESH_NOTE,
  permitCommand,
  quote,
  refreshCommands,
} from "./commands.js";
import { gencertLike, renewCommands } from "./gencert.js";
import { rdatalibResource, ringCheck } from "./ring-check.js";

// ---- public API --------------------------------------------------------------------------

/** Where the settings came from when an AT-TLS policy supplied them (for evidence and fixes). */
export interface PolicyOrigin {
  file: string;
  rule: string;
  keyring: Source | null;
  label: Source | null;
  role: Source | null;
  clientAuth: Source | null;
  protocols: Source | null;
  /** Every protocol switch the policy sets (TLSv1.x On/Off lines), for evidence. */
  protocolLines?: Source[];
  ciphers: Source | null;
  /** Protocol switches the policy did not set, taken from AT-TLS defaults (listed as assumptions). */
  defaultedProtocols: string[];
}

export interface SimRequest {
  /** User id the application runs as. */
  user: string;
  /** Real ring; virtual: name "*" with owner USER, "*AUTH*" or "*SITE*". */
  ring: { owner: string; name: string };
  /** Certificate label to use; null/absent = ring default. */
  label?: string | null;
  /** Default "server". */
  role?: "server" | "client";
  clientAuth?: "none" | "passthru" | "full" | "required";
  /** Validity instant. */
  at: Date;
  /** e.g. ["TLSv1.2","TLSv1.3"]; null/absent = not evaluated. */
  protocols?: string[] | null;
  /** 4-char (e.g. "C02F") or names; null/absent = System SSL defaults, not evaluated. */
  ciphers?: string[] | null;
  /**
   * The partner's chain, leaf first. Absent: the partner's certificate is unknown (only the CA
   * side is checked). An empty array: the partner sends no certificate.
   */
  peerCertificates?: Certificate[];
  /** How the user id was found (e.g. a STARTED profile), shown in the identity step. */
  userOrigin?: { description: string; startedProfile: string | null; sources: Source[] } | null;
  /** Set when the settings came from an AT-TLS policy rule. */
  policy?: PolicyOrigin | null;
  /** The partner's signature_algorithms (RACF spellings, e.g. sha256RSA); enables the 467 check. */
  peerSignatureAlgorithms?: string[] | null;
  /** Also require the LISTRING levels on FACILITY IRR.DIGTCERT.LIST ([3rd], rules §1). */
  checkDigtcertList?: boolean;
}

export interface SimStep {
  id: string;
  ok: boolean | null;
  title: string;
  detail: string;
  evidence: Source[];
  source: string;
  confidence: Confidence;
}

export interface SimFix {
  summary: string;
  /** RACF commands, in order, ready for a TSO batch job. */
  commands: string[];
  /** Things to do that are not RACF commands (policy refresh, restart). */
  notes?: string[];
}

export interface SimResult {
  rc: number;
  text: string;
  confidence: Confidence;
  event: string;
  /** The side that logs `rc`. */
  side: "server" | "client";
  user: string;
  keyring: string;
  label: string | null;
  steps: SimStep[];
  partner: { rc: number; text: string; confidence: Confidence } | null;
  fix: SimFix | null;
  alternatives: SimFix[];
  assumptions: string[];
  /** Confidence of the return code's text (catalogue). */
  textConfidence: Confidence;
  /** What the application's role is (server or client). */
  role: "server" | "client";
  /** Things partners outside z/OS will reject (browser rules) — they do not change `rc`. */
  warnings: string[];
  /** Messages to expect: RACF ICH408I for a denied ring read, AT-TLS EZD1287I with a policy. */
  messages: string[];
}

// ---- rule sources ------------------------------------------------------------------------

const R = {
  ringName: "ring names are case-sensitive, owned by users only — IBM KC21 icha700/tringp.htm (rules §1)",
  virtual:
    "virtual key rings — IBM KC21 icha700/uvkr.htm; usage fixed per ring — IBM R_datalib usage notes (rules §1)",
  dlibauth:
    "R_datalib authorization: RDATALIB <owner>.<RING>.LST when active, RACLISTed and matching, else FACILITY IRR.DIGTCERT.LISTRING — IBM KC24 ichd100/dlibauth.htm (rules §1)",
  listring:
    "FACILITY IRR.DIGTCERT.LISTRING: READ own ring, UPDATE another user's — IBM KC21 icha400/le-listring.htm (rules §1)",
  ownerLocked:
    "a matching RDATALIB profile replaces the FACILITY check for everyone, the ring owner included — Zowe ZWEIKRR1 [3rd] (rules §1)",
  notProtected:
    "no profile protects the resource: RACF answers 'not protected'; R_datalib's handling of that is not documented — racfring treats it as not authorised [UNCONFIRMED]",
  notrust: "NOTRUST certificates are not returned by R_datalib — rules §3 [UNCONFIRMED]",
  keys: "private keys come back only for USAGE(PERSONAL): own certificate (FACILITY mode or READ on .LST), another user's only with UPDATE on .LST — IBM R_datalib usage notes item 4, KC24 ichd100/usgntrdata.htm (rules §2)",
  caKeys:
    "CERTAUTH/SITE private keys: caller SPECIAL [IBM], or CONTROL on FACILITY IRR.DIGTCERT.GENCERT / on the .LST profile [3rd: Zowe] (rules §2)",
  label:
    "a label selects by exact, case-sensitive match; not on the ring → 6 — IBM System SSL return codes (rules §3)",
  dflt: "no label → the ring's DEFAULT certificate; none usable → 6 (field case 3)",
  key428:
    "selected certificate without a returned private key → 428 — IBM V2R1 return-code summary; withheld keys look missing — zowe/keyring-utilities [3rd], field cases 4 and 6 (rules §2–3)",
  validity:
    "outside notBefore/notAfter → 401 on both sides (field case 5; RFC 5280 §4.1.2.5: both dates inclusive)",
  keyUsage: "key usage present without HANDSHAKE → 440 — IBM V2R1 summary (rules §3)",
  negotiate:
    "no common protocol/cipher → 402 [IBM]; TLSv1.3 needs 13xx suites (field case 8); key type vs suites → 434 [3rd] (rules §4)",
  peer: "peer validation: no CA certificate → 109 [IBM via MQ]; issuer unknown → 435 [3rd]; dates → 401; no client certificate when required → 403 [IBM] (rules §3–4)",
  browser:
    "client-side rules z/OS never sees — conscrypt#681, pi-hole/FTL#1583, golang/go#62372, mitmproxy#3219 [3rd] (rules §4)",
};

// ---- helpers -----------------------------------------------------------------------------

/** Input text quoted in a message is cut at 200 characters: a runaway token is not echoed whole. */
function clipText(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

const CONF_ORDER: Confidence[] = ["ibm", "third-party", "unconfirmed"];
function weakest(...c: Confidence[]): Confidence {
  return c.reduce((a, b) => (CONF_ORDER.indexOf(b) > CONF_ORDER.indexOf(a) ? b : a), "ibm" as Confidence);
}

function evidence(...groups: (readonly Source[] | undefined)[]): Source[] {
  const out: Source[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    for (const s of g ?? []) {
      if (!s.file) continue;
      const k = `${s.file}:${s.line}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

/**
 * Issuer/subject matching for chain building. Exact RDN order first (RFC 5280 name matching);
 * then, because facts come from different sources (RACF display, IRRDBU00, certificate files)
 * whose RDN order may have been normalised differently, the same RDNs in any order.
 */
function sameDn(a: string | null, b: string | null): boolean {
  if (dnEquals(a, b)) return true;
  if (a === null || b === null) return false;
  const key = (dn: string): string =>
    parseDn(dn)
      .map((r) => `${r.type}=${r.value.replace(/\s+/g, " ").toLowerCase()}`)
      .sort()
      .join(",");
  return key(a) === key(b);
}

function at(sources: readonly Source[]): string {
  const real = evidence(sources);
  return real.length > 0 ? ` (${real.map(formatSource).join(", ")})` : "";
}

function ownerText(owner: CertOwner): string {
  return owner;
}

/** An entry as R_datalib would return it. */
interface Entry {
  owner: CertOwner;
  label: string;
  usage: RingUsage;
  isDefault: boolean;
  cert: Certificate | undefined;
  sources: Source[];
}

interface KeyDecision {
  returned: boolean | null;
  why: string;
  confidence: Confidence;
  /** What is missing when the key is withheld for a security reason. */
  cause: "usage" | "other-user" | "ca-authority" | "no-key" | "unknown-cert" | null;
}

interface Failure {
  rc: number;
  confidence: Confidence;
  side?: "server" | "client";
  fix: SimFix | null;
  alternatives?: SimFix[];
  partner?: { rc: number; confidence: Confidence } | null;
}

type Mode =
  | { kind: "ring-specific"; resource: string; profile: Profile; level: AccessLevel; sources: Source[] }
  | { kind: "global"; resource: string; level: AccessLevel; sources: Source[] };

function accessSources(model: RacfModel, profile: Profile, user: string): Source[] {
  const a = model.accessTo(profile, user);
  const entry = a.entryId ? profile.access.find((e) => e.id === a.entryId) : undefined;
  return evidence(profile.sources, entry?.sources);
}

function describeAccess(model: RacfModel, profile: Profile, user: string): string {
  const a = model.accessTo(profile, user);
  const via =
    a.via === "user"
      ? `its own access-list entry`
      : a.via === "group"
        ? `group ${a.entryId ?? "?"}`
        : a.via === "all"
          ? "ID(*)"
          : "UACC";
  return `${a.level} (via ${via})`;
}

function plusYear(d: Date): Date {
  const n = new Date(d.getTime());
  n.setUTCFullYear(n.getUTCFullYear() + 1);
  return n;
}

// ---- the simulator -----------------------------------------------------------------------

class Simulation {
  readonly steps: SimStep[] = [];
  readonly assumptions: string[] = [];
  readonly warnings: string[] = [];
  /** ICH408I and similar messages RACF writes during the simulated calls. */
  readonly racfMessages: string[] = [];
  readonly user: string;
  readonly role: "server" | "client";
  readonly clientAuth: "none" | "passthru" | "full" | "required";
  readonly ringOwner: string;
  readonly ringName: string;
  readonly virtual: boolean;
  readonly ringLabel: string;
  special = false;
  mode: Mode | null = null;
  entries: Entry[] = [];
  selected: Entry | null = null;

  constructor(
    readonly model: RacfModel,
    readonly req: SimRequest,
  ) {
    this.user = req.user.toUpperCase();
    this.role = req.role ?? "server";
    this.clientAuth = req.clientAuth ?? "none";
    const owner = req.ring.owner.toUpperCase();
    this.ringOwner = owner;
    this.ringName = req.ring.name;
    this.virtual = req.ring.name === "*";
    this.ringLabel = `${owner}/${req.ring.name}`;
  }

  assume(text: string): void {
    if (!this.assumptions.includes(text)) this.assumptions.push(text);
  }

  step(s: SimStep): void {
    this.steps.push(s);
  }

  /** Notes that go with every fix: the application must re-read the ring. */
  refreshNotes(): string[] {
    return [this.req.policy ? POLICY_REFRESH_NOTE : APPLICATION_RESTART_NOTE];
  }

  classAssumption(cls: string): void {
    const st = this.model.classState(cls);
    if (!st.assumed) return;
    const state = `${st.active ? "active" : "inactive"}${st.active ? (st.raclisted ? " and RACLISTed" : ", not RACLISTed") : ""}`;
    this.assume(`${cls} assumed ${state} (no SETROPTS for it in the inputs)`);
  }

  // 0. identity -----------------------------------------------------------------------------
  identity(): void {
    const u = this.model.user(this.user);
    const origin = this.req.userOrigin;
    let detail = `The application runs as ${this.user}`;
    if (origin) detail += ` — ${origin.description}`;
    detail += ".";
    if (!u) {
      this.assume(`user ${this.user} is not in the inputs: assumed to exist, not SPECIAL, in no groups`);
      detail += ` ${this.user} is not defined in the inputs (assumed to exist, not SPECIAL).`;
    } else {
      this.special = u.special;
      if (u.implied)
        this.assume(`user ${this.user} is referred to but never defined in the inputs: assumed not SPECIAL`);
      detail += ` ${u.special ? "SPECIAL" : "Not SPECIAL"}${u.groups.length > 0 ? `; groups ${u.groups.join(", ")}` : ""}${u.revoked ? "; REVOKED — it cannot even start" : ""}.`;
      if (u.revoked)
        this.warnings.push(
          `${this.user} is REVOKED in the inputs: the application cannot run under it at all.`,
        );
    }
    this.step({
      id: "identity",
      ok: true,
      title: "Identity",
      detail,
      evidence: evidence(origin?.sources, u?.sources),
      source:
        "the application's user id is its address space's ACEE: STARTED profile STDATA or the job's USER (IBM RACF Security Administrator's Guide, started procedures)",
      confidence: "ibm",
    });
  }

  /**
   * The violation message RACF logs when an access check fails against a profile (field case 2
   * quotes it); none when no profile protects the resource ("not protected").
   */
  ich408i(resource: string, cls: string, intent: AccessLevel, allowed: AccessLevel): void {
    const group = this.model.user(this.user)?.groups[0];
    this.racfMessages.push(
      `ICH408I USER(${this.user}) ${group ? `GROUP(${group}) ` : ""}${resource} CL(${cls}) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(${intent}) ACCESS ALLOWED(${allowed})`,
    );
  }

  // 1. resolve-ring -------------------------------------------------------------------------
  resolveRing(): Failure | null {
    const model = this.model;
    if (this.virtual) {
      const owner = this.ringOwner;
      let certOwner: CertOwner;
      let usage: RingUsage;
      if (owner === "*AUTH*") {
        certOwner = "CERTAUTH";
        usage = "CERTAUTH";
      } else if (owner === "*SITE*") {
        certOwner = "SITE";
        usage = "SITE";
      } else {
        certOwner = userOwner(owner);
        usage = "PERSONAL";
      }
      const certs = model.certificatesOf(certOwner);
      this.entries = certs.map((c) => ({
        owner: c.owner,
        label: c.label,
        usage,
        isDefault: false,
        cert: c,
        sources: c.sources,
      }));
      const ownerKnown = owner.startsWith("*") || model.user(owner) !== undefined;
      this.step({
        id: "resolve-ring",
        ok: true,
        title: "Resolve the key ring",
        detail: `${this.ringLabel} is a virtual key ring: every certificate owned by ${certOwner} (${certs.length} in the inputs), all with usage ${usage}. Virtual rings have no DEFAULT certificate.${ownerKnown ? "" : ` User ${owner} is not in the inputs.`}`,
        evidence: evidence(...certs.map((c) => c.sources)),
        source: R.virtual,
        confidence: "ibm",
      });
      return null;
    }
    const ring = model.ring(this.ringOwner, this.ringName);
    if (ring) {
      this.entries = ring.connections.map((c: Connection) => ({
        owner: c.owner,
        label: c.label,
        usage: c.usage,
        isDefault: c.default,
        cert: model.certificate(c.owner, c.label),
        sources: c.sources,
      }));
      this.step({
        id: "resolve-ring",
        ok: true,
        title: "Resolve the key ring",
        detail: `Ring ${this.ringName} owned by ${this.ringOwner} exists${at(ring.sources)} with ${ring.connections.length} connected certificate(s).`,
        evidence: evidence(ring.sources),
        source: R.ringName,
        confidence: "ibm",
      });
      return null;
    }
    // Not found: explain why, and find the ring the user probably meant.
    const sameName = model.state.rings.filter((r) => r.name === this.ringName && r.owner !== this.ringOwner);
    const caseOnly = model.state.rings.filter(
      (r) =>
        r.owner === this.ringOwner &&
        r.name !== this.ringName &&
        r.name.toUpperCase() === this.ringName.toUpperCase(),
    );
    const otherCase = model.state.rings.filter(
      (r) =>
        r.owner !== this.ringOwner &&
        r.name.toUpperCase() === this.ringName.toUpperCase() &&
        r.name !== this.ringName,
    );
    const ownerKnown = model.user(this.ringOwner) !== undefined;
    const why: string[] = [
      `No ring ${this.ringName} owned by ${this.ringOwner} in the inputs: R_datalib cannot open it.`,
    ];
    if (!ownerKnown) why.push(`User ${this.ringOwner} does not appear in the inputs at all.`);
    for (const r of caseOnly)
      why.push(`${r.owner} has a ring "${r.name}"${at(r.sources)} — ring names are case-sensitive.`);
    for (const r of sameName) why.push(`A ring of that name belongs to ${r.owner}${at(r.sources)}.`);
    for (const r of otherCase) why.push(`${r.owner} has a ring "${r.name}"${at(r.sources)}.`);
    this.step({
      id: "resolve-ring",
      ok: false,
      title: "Resolve the key ring",
      detail: why.join(" "),
      evidence: evidence(...[...caseOnly, ...sameName, ...otherCase].map((r) => r.sources)),
      source: R.ringName,
      confidence: "ibm",
    });
    const candidates = [...caseOnly, ...sameName, ...otherCase];
    const fixes: SimFix[] = candidates.map((r) => {
      const where = this.req.policy?.keyring ? ` in ${formatSource(this.req.policy.keyring)}` : "";
      return {
        summary: this.req.policy
          ? `Name the ring that exists: change the policy's Keyring${where} to ${r.owner}/${r.name}, then refresh the policy so the environment is rebuilt.`
          : `Name the ring that exists: configure the application's key ring as ${r.owner}/${r.name}.`,
        commands: [],
        notes: this.refreshNotes(),
      };
    });
    // Creating the ring is a fix only when no existing ring was probably meant.
    if (candidates.length === 0)
      fixes.push({
        summary: `Create the ring ${this.ringLabel} and connect the certificates the application needs to it${ownerKnown ? "" : ` (user ${this.ringOwner} must exist first)`}.`,
        commands: [
          `RACDCERT ID(${userId(this.ringOwner)}) ADDRING(${ringName(this.ringName)})`,
          connectCommand(
            this.ringOwner,
            this.ringName,
            userOwner(this.ringOwner),
            this.req.label ?? "<server certificate label>",
            "PERSONAL",
            true,
          ),
          ...refreshCommands(model, ["DIGTRING"]),
        ],
        notes: this.refreshNotes(),
      });
    const [fix, ...alternatives] = fixes;
    return { rc: 202, confidence: "ibm", fix: fix ?? null, alternatives, partner: this.ringPartner() };
  }

  ringPartner(): { rc: number; confidence: Confidence } | null {
    // Field case 1: the server's environment failed, AT-TLS reset the connection, the client
    // logged 406. For a failing client nothing was reported.
    return this.role === "server" ? { rc: 406, confidence: "third-party" } : null;
  }

  // 2. authorize-ring -----------------------------------------------------------------------
  /** The RDATALIB resource R_datalib checks for this ring. */
  ringResource(): { name: string; confidence: Confidence } {
    if (!this.virtual)
      return { name: rdatalibResource({ owner: this.ringOwner, name: this.ringName }), confidence: "ibm" };
    // Virtual-ring profile names are not confirmed (rules §1, §8).
    const owner =
      this.ringOwner === "*AUTH*"
        ? "CERTIFAUTH"
        : this.ringOwner === "*SITE*"
          ? "SITECERTIF"
          : this.ringOwner;
    return { name: `${owner}.IRR_VIRTUAL_KEYRING.LST`, confidence: "unconfirmed" };
  }

  /** The certificate the application will most likely use: for the access level a fix needs. */
  intendedEntry(): Entry | undefined {
    const label = this.req.label ?? null;
    if (label !== null) return this.entries.find((e) => e.label === label);
    return this.entries.find((e) => e.isDefault);
  }

  /** The .LST access the whole handshake needs: READ, UPDATE (another user's key), CONTROL (CA key). */
  neededLstLevel(): AccessLevel {
    const e = this.intendedEntry();
    // A client needs its own key only when the server asks for a certificate.
    if (e?.usage !== "PERSONAL" || (this.role === "client" && this.clientAuth === "none")) return "READ";
    if (isCaOwner(e.owner)) return this.special ? "READ" : "CONTROL";
    return ownerUser(e.owner) === this.user ? "READ" : "UPDATE";
  }

  authorizeRing(): Failure | null {
    const model = this.model;
    const resource = this.ringResource();
    // Which check decides is one rule shared with the audit (src/sim/ring-check.ts).
    const check = ringCheck(model, resource.name);
    const rd = check.rdatalib;
    const rdProfile = check.rdatalibProfile;
    // "in effect" for the explanation below; ring-specific checking needs a matching profile too
    const rdActive = check.ringSpecific || (rd.active && rd.raclisted);
    if (check.classAssumed && rdProfile) {
      this.assume(
        `RDATALIB assumed active and RACLISTed because profile ${rdProfile.name} is defined (no SETROPTS for RDATALIB in the inputs)`,
      );
    } else {
      this.classAssumption("RDATALIB");
    }
    if (rdActive && rdProfile) return this.authorizeRingSpecific(resource, rdProfile);
    const notes: string[] = [];
    if (rdProfile && !rdActive) {
      notes.push(
        `RDATALIB profile ${rdProfile.name}${at(rdProfile.sources)} matches but RDATALIB is ${rd.active ? "not RACLISTed" : "not active"}${at(rd.sources)}: R_datalib ignores it.`,
      );
    } else if (!rdActive) {
      notes.push(
        `RDATALIB is not in effect${rd.assumed ? " (assumed)" : at(rd.sources)}, so FACILITY decides.`,
      );
    } else {
      notes.push(
        `RDATALIB is active and RACLISTed but no profile matches ${resource.name}, so FACILITY decides.`,
      );
    }
    return this.authorizeGlobal(resource.name, notes);
  }

  authorizeRingSpecific(
    resource: { name: string; confidence: Confidence },
    profile: Profile,
  ): Failure | null {
    const model = this.model;
    const acc = model.accessTo(profile, this.user);
    const ok = accessAtLeast(acc.level, "READ");
    const isOwner = this.ringOwner === this.user;
    const src = accessSources(model, profile, this.user);
    const rd = model.classState("RDATALIB");
    this.mode = { kind: "ring-specific", resource: resource.name, profile, level: acc.level, sources: src };
    const prof =
      profile.name === resource.name ? `discrete profile ${profile.name}` : `generic profile ${profile.name}`;
    let detail = `Ring-specific checking: RDATALIB is active and RACLISTed and ${prof}${at(profile.sources)} covers ${resource.name} (ring name folded to upper case). ${this.user} has ${describeAccess(model, profile, this.user)}; opening needs READ.`;
    let confidence: Confidence = weakest("ibm", resource.confidence);
    if (!ok && isOwner) {
      detail += ` ${this.user} owns the ring, but a matching RDATALIB profile decides for everyone, the owner included.`;
      confidence = weakest(confidence, "third-party");
    }
    if (!ok && this.special) detail += " SPECIAL is not assumed to bypass this check (unconfirmed).";
    this.step({
      id: "authorize-ring",
      ok,
      title: "Authorise the ring read",
      detail,
      evidence: evidence(src, rd.assumed ? [] : rd.sources),
      source: !ok && isOwner ? `${R.dlibauth}; ${R.ownerLocked}` : R.dlibauth,
      confidence,
    });
    if (ok) return null;
    this.ich408i(resource.name, "RDATALIB", "READ", acc.level);
    const level = this.neededLstLevel();
    const fix: SimFix = {
      summary: `Permit ${this.user} ${level} to ${profile.name} in RDATALIB${level === "READ" ? " (opens the ring and returns the user's own keys)" : level === "UPDATE" ? " (opens the ring and returns the key of the certificate another user owns)" : " (opens the ring and returns a CERTAUTH/SITE key)"}, then refresh RDATALIB.`,
      commands: [
        permitCommand(profile.name, "RDATALIB", this.user, level),
        ...refreshCommands(model, ["RDATALIB"]),
      ],
      notes: this.refreshNotes(),
    };
    return { rc: 202, confidence, fix, alternatives: [], partner: this.ringPartner() };
  }

  authorizeGlobal(rdatalibResource: string, notes: string[]): Failure | null {
    const model = this.model;
    const fac = model.classState("FACILITY");
    this.classAssumption("FACILITY");
    const own = this.ringOwner === this.user;
    // *AUTH*/* and *SITE*/* belong to no user; READ is assumed enough for them (unconfirmed).
    const caVirtual = this.virtual && this.ringOwner.startsWith("*");
    const need: AccessLevel = own || caVirtual ? "READ" : "UPDATE";
    const resources = ["IRR.DIGTCERT.LISTRING", ...(this.req.checkDigtcertList ? ["IRR.DIGTCERT.LIST"] : [])];
    const lines: string[] = [...notes];
    let ok = true;
    let confidence: Confidence = caVirtual ? "unconfirmed" : "ibm";
    const ev: Source[] = [];
    let level: AccessLevel = "NONE";
    const missingProfiles: string[] = [];
    // Inputs that hold no FACILITY profile at all (only listings of rings, certificates) do not
    // show whether IRR.DIGTCERT.LISTRING is protected: its absence is an assumption, not a fact
    // read from the inputs (review finding: 202 was reported as if the profile were known).
    const facilityShown = model.state.profiles.some((p) => p.class === "FACILITY");
    if (!fac.active) {
      ok = false;
      confidence = "unconfirmed";
      lines.push(
        `FACILITY is not active${at(fac.sources)}: RACF answers "not protected" for ${resources.join(" and ")}; racfring treats that as not authorised (unconfirmed).`,
      );
      ev.push(...evidence(fac.sources));
    } else {
      for (const res of resources) {
        const p = model.protectingProfile("FACILITY", res);
        if (!p) {
          ok = false;
          missingProfiles.push(res);
          confidence = "unconfirmed";
          if (facilityShown) {
            lines.push(
              `No FACILITY profile in the inputs covers ${res}: RACF answers "not protected"; R_datalib's handling of that is not documented and racfring treats it as not authorised (unconfirmed).`,
            );
            this.assume(`no FACILITY profile covers ${res} (none among the FACILITY profiles in the inputs)`);
          } else {
            lines.push(
              `The inputs contain no FACILITY profiles, so they do not show whether a profile covers ${res} or who may read it. racfring assumes none does: RACF would then answer "not protected", whose handling by R_datalib is not documented, and racfring treats it as not authorised (unconfirmed). Give an RLIST FACILITY ${res} AUTHUSER listing or an IRRDBU00 unload to decide.`,
            );
            this.assume(
              `no FACILITY profile covers ${res}: the inputs contain no FACILITY profiles, so this is not known`,
            );
          }
          continue;
        }
        const acc = model.accessTo(p, this.user);
        if (res === "IRR.DIGTCERT.LISTRING") level = acc.level;
        const enough = accessAtLeast(acc.level, need);
        const prof = p.name === res ? "discrete profile" : `generic profile ${p.name}`;
        lines.push(
          `FACILITY ${res}, ${prof}${at(p.sources)}: ${this.user} has ${describeAccess(model, p, this.user)}; ${own ? "its own ring needs READ" : caVirtual ? `${this.ringOwner}/* is assumed to need READ (unconfirmed)` : `another user's ring (${this.ringOwner}) needs UPDATE`}.`,
        );
        if (res === "IRR.DIGTCERT.LIST") confidence = weakest(confidence, "third-party");
        ev.push(...accessSources(model, p, this.user));
        if (!fac.assumed) ev.push(...fac.sources);
        if (!enough) {
          ok = false;
          this.ich408i(res, "FACILITY", need, acc.level);
        }
      }
    }
    if (!ok && this.special) lines.push("SPECIAL is not assumed to bypass this check (unconfirmed).");
    this.mode = { kind: "global", resource: "IRR.DIGTCERT.LISTRING", level, sources: ev };
    this.step({
      id: "authorize-ring",
      ok,
      title: "Authorise the ring read",
      detail: `Global checking. ${lines.join(" ")}`,
      evidence: evidence(ev),
      source:
        missingProfiles.length > 0 || !fac.active
          ? `${R.listring}; ${R.notProtected}`
          : `${R.dlibauth}; ${R.listring}`,
      confidence,
    });
    if (ok) return null;
    // Fixes: FACILITY permit (field case 2), or a ring-specific RDATALIB profile.
    const lstLevel = this.neededLstLevel();
    const unknownProfiles = missingProfiles.length > 0 && !facilityShown;
    const facFix: SimFix = {
      summary: `Permit ${this.user} ${need} to IRR.DIGTCERT.LISTRING (${own ? "own ring" : "another user's ring"}), then refresh FACILITY.${unknownProfiles ? " The inputs do not show whether the profile exists: the RDEFINE is needed only if it does not (it fails harmlessly if it does)." : ""}`,
      commands: [
        ...missingProfiles.map((r) => `RDEFINE FACILITY ${r} UACC(NONE)`),
        ...resources.map((r) => permitCommand(r, "FACILITY", this.user, need)),
        ...refreshCommands(model, ["FACILITY"]),
      ],
      notes: this.refreshNotes(),
    };
    const rdFix: SimFix = {
      summary: `Use ring-specific checking: define ${rdatalibResource} in RDATALIB and permit ${this.user} ${lstLevel}${this.ringOwner !== this.user && !this.ringOwner.startsWith("*") ? ` (and the ring owner ${this.ringOwner} READ — a matching profile decides for the owner too)` : ""}.`,
      commands: [
        `RDEFINE RDATALIB ${rdatalibResource} UACC(NONE)`,
        permitCommand(rdatalibResource, "RDATALIB", this.user, lstLevel),
        ...(this.ringOwner !== this.user && !this.ringOwner.startsWith("*")
          ? [permitCommand(rdatalibResource, "RDATALIB", this.ringOwner, "READ")]
          : []),
        ...refreshCommands(model, ["RDATALIB"]),
      ],
      notes: this.refreshNotes(),
    };
    // When the certificate to use belongs to another user, FACILITY access would only lead to
    // 428 (no key for another user's certificate in global mode): RDATALIB is the real fix.
    const otherUsersKey = lstLevel === "UPDATE";
    if (otherUsersKey) {
      facFix.summary += ` This opens the ring, but the certificate to use belongs to another user: under FACILITY checking its key is never returned (428 would follow).`;
      return { rc: 202, confidence, fix: rdFix, alternatives: [facFix], partner: this.ringPartner() };
    }
    return { rc: 202, confidence, fix: facFix, alternatives: [rdFix], partner: this.ringPartner() };
  }

  // 3. load-entries -------------------------------------------------------------------------
  loadEntries(): void {
    const dropped = this.entries.filter((e) => e.cert?.status === "NOTRUST");
    const missing = this.entries.filter((e) => !e.cert);
    this.entries = this.entries.filter((e) => e.cert?.status !== "NOTRUST");
    const lines = this.entries.map(
      (e) =>
        `${ownerText(e.owner)} '${e.label}' usage ${e.usage}${e.isDefault ? " DEFAULT" : ""}${e.cert ? ` ${e.cert.status}` : " (certificate not in the inputs)"}${at(e.sources)}`,
    );
    let detail =
      this.entries.length > 0 ? `Entries returned: ${lines.join("; ")}.` : "The ring returns no entries.";
    if (dropped.length > 0) {
      detail += ` Not returned (NOTRUST): ${dropped.map((e) => `${ownerText(e.owner)} '${e.label}'${at(e.cert?.sources ?? [])}`).join("; ")}.`;
    }
    if (missing.length > 0) {
      this.assume(
        "connected certificates missing from the inputs are assumed TRUST with unknown key and dates",
      );
    }
    this.step({
      id: "load-entries",
      ok: true,
      title: "Load the ring's entries",
      detail,
      evidence: evidence(...this.entries.map((e) => e.sources), ...dropped.map((e) => e.cert?.sources ?? [])),
      source:
        dropped.length > 0
          ? R.notrust
          : "R_datalib DataGetFirst/DataGetNext return every connected certificate (IBM KC21 icha700/digrdl.htm)",
      confidence: dropped.length > 0 ? "unconfirmed" : "ibm",
    });
  }

  // 4. private-keys -------------------------------------------------------------------------
  keyDecision(e: Entry): KeyDecision {
    const model = this.model;
    if (e.usage !== "PERSONAL") {
      return {
        returned: false,
        why: `usage ${e.usage}: R_datalib never returns a private key for it`,
        confidence: "ibm",
        cause: "usage",
      };
    }
    const mode = this.mode;
    let allowed: boolean;
    let why: string;
    let confidence: Confidence = "ibm";
    let cause: KeyDecision["cause"] = null;
    if (isCaOwner(e.owner)) {
      if (this.special) {
        allowed = true;
        why = `${e.owner} certificate: ${this.user} is SPECIAL`;
      } else if (mode?.kind === "ring-specific") {
        allowed = accessAtLeast(mode.level, "CONTROL");
        why = `${e.owner} certificate: ${allowed ? "" : "needs "}CONTROL on ${mode.profile.name}${allowed ? "" : ` (has ${mode.level})`}`;
        confidence = "third-party";
      } else {
        const gp = model.protectingProfile("FACILITY", "IRR.DIGTCERT.GENCERT");
        const lvl = gp ? model.accessTo(gp, this.user).level : "NONE";
        allowed = accessAtLeast(lvl, "CONTROL");
        why = `${e.owner} certificate: ${allowed ? "" : "needs SPECIAL or "}CONTROL on FACILITY IRR.DIGTCERT.GENCERT${gp ? `${at(gp.sources)} (has ${lvl})` : " (no profile in the inputs)"}`;
        confidence = "third-party";
      }
      if (!allowed) cause = "ca-authority";
    } else if (ownerUser(e.owner) === this.user) {
      allowed = true;
      why =
        mode?.kind === "ring-specific"
          ? `own certificate, ${mode.level} on ${mode.profile.name}`
          : "own certificate";
    } else if (mode?.kind === "ring-specific") {
      allowed = accessAtLeast(mode.level, "UPDATE");
      why = `another user's certificate: ${allowed ? "" : "needs "}UPDATE on ${mode.profile.name} (has ${mode.level})`;
      if (!allowed) cause = "other-user";
    } else {
      allowed = false;
      why = "another user's certificate under FACILITY checking: never returned";
      cause = "other-user";
    }
    if (!allowed) return { returned: false, why, confidence, cause };
    const c = e.cert;
    if (!c)
      return {
        returned: null,
        why: `${why}; certificate not in the inputs`,
        confidence,
        cause: "unknown-cert",
      };
    if (c.privateKey === false)
      return {
        returned: false,
        why: `${why}; but RACF holds no private key for it`,
        confidence,
        cause: "no-key",
      };
    if (c.privateKey === null)
      return {
        returned: null,
        why: `${why}; whether RACF holds a private key is not known from the inputs`,
        confidence,
        cause: null,
      };
    const icsf = c.keyStore === "PKDS" || c.keyStore === "TKDS";
    return {
      returned: true,
      why: `${why}; key present${icsf ? ` in ICSF ${c.keyStore} (the user also needs access to its CSFKEYS/CRYPTOZ resources — not checked, unconfirmed)` : ""}`,
      confidence,
      cause: null,
    };
  }

  privateKeys(): void {
    const lines = this.entries.map((e) => {
      const d = this.keyDecision(e);
      const mark = d.returned === true ? "key returned" : d.returned === false ? "no key" : "key unknown";
      return `'${e.label}' (${e.owner}): ${mark} — ${d.why}`;
    });
    const unknown = this.entries.some((e) => this.keyDecision(e).returned === null);
    const conf = weakest("ibm", ...this.entries.map((e) => this.keyDecision(e).confidence));
    this.step({
      id: "private-keys",
      ok: this.entries.length === 0 ? true : unknown ? null : true,
      title: "Decide which private keys come back",
      detail: lines.length > 0 ? lines.join(". ") + "." : "No entries.",
      evidence: evidence(...this.entries.map((e) => e.cert?.sources ?? e.sources)),
      source: this.entries.some((e) => isCaOwner(e.owner) && e.usage === "PERSONAL")
        ? `${R.keys}; ${R.caKeys}`
        : R.keys,
      confidence: conf,
    });
  }

  // 5. select-certificate -------------------------------------------------------------------
  selectCertificate(): Failure | null {
    const label = this.req.label ?? null;
    const labelSrc = this.req.policy?.label ?? null;
    if (this.role === "client" && this.clientAuth === "none") {
      this.step({
        id: "select-certificate",
        ok: null,
        title: "Select the local certificate",
        detail: `Client role and the server does not ask for a certificate: no local certificate is needed${label ? ` (label '${label}' would only matter if the server asked)` : ""}.`,
        evidence: evidence(labelSrc ? [labelSrc] : []),
        source: "a client certificate is needed only when the server asks for one (rules §3)",
        confidence: "ibm",
      });
      return null;
    }
    if (label !== null) {
      const e = this.entries.find((x) => x.label === label);
      if (e) {
        this.selected = e;
        this.step({
          id: "select-certificate",
          ok: true,
          title: "Select the local certificate",
          detail: `Label '${label}'${labelSrc ? ` (configured at ${formatSource(labelSrc)})` : ""} found: ${e.owner} '${e.label}', usage ${e.usage}${at(e.sources)}.`,
          evidence: evidence(e.sources, labelSrc ? [labelSrc] : []),
          source: R.label,
          confidence: "ibm",
        });
        return null;
      }
      return this.labelNotFound(label, labelSrc);
    }
    const dflt = this.entries.find((x) => x.isDefault);
    if (dflt) {
      this.selected = dflt;
      this.step({
        id: "select-certificate",
        ok: true,
        title: "Select the local certificate",
        detail: `No label configured: the ring's DEFAULT certificate is ${dflt.owner} '${dflt.label}', usage ${dflt.usage}${at(dflt.sources)}.`,
        evidence: evidence(dflt.sources),
        source: R.dflt,
        confidence: "ibm",
      });
      return null;
    }
    return this.noDefault();
  }

  labelNotFound(label: string, labelSrc: Source | null): Failure {
    const model = this.model;
    const why: string[] = [`Label '${label}' is not among the entries the ring returns.`];
    const fixes: SimFix[] = [];
    const ev: Source[] = labelSrc ? [labelSrc] : [];
    const notrust = model.state.certificates.filter((c) => c.label === label && c.status === "NOTRUST");
    const onRingNotrust = notrust.filter((c) =>
      this.virtual
        ? true
        : model
            .ring(this.ringOwner, this.ringName)
            ?.connections.some((k) => k.owner === c.owner && k.label === c.label),
    );
    for (const c of onRingNotrust) {
      why.push(
        `${c.owner} '${c.label}' is connected but NOTRUST${at(c.sources)}, so it is not returned (unconfirmed rule).`,
      );
      ev.push(...c.sources);
      fixes.push({
        summary: `Mark ${c.owner} '${c.label}' TRUST (check first why RACF made it NOTRUST: expired, or issuer unknown).`,
        commands: [alterTrustCommand(c.owner, c.label), ...refreshCommands(model, ["DIGTCERT"])],
        notes: this.refreshNotes(),
      });
    }
    const caseDiff = this.entries.filter(
      (e) => e.label !== label && e.label.toUpperCase() === label.toUpperCase(),
    );
    for (const e of caseDiff) {
      why.push(`The ring holds '${e.label}'${at(e.sources)} — labels are case-sensitive.`);
      ev.push(...e.sources);
      fixes.push({
        summary: `Configure the label exactly as RACF has it: '${e.label}'${labelSrc ? ` (change ${formatSource(labelSrc)})` : ""}.`,
        commands: [],
        notes: this.refreshNotes(),
      });
    }
    if (!this.virtual) {
      const elsewhere = model.state.certificates.filter(
        (c) => c.label === label && c.status !== "NOTRUST" && !onRingNotrust.includes(c),
      );
      // Prefer the user's own certificate: its key comes back in either checking mode.
      elsewhere.sort(
        (a, b) => Number(ownerUser(b.owner) === this.user) - Number(ownerUser(a.owner) === this.user),
      );
      for (const c of elsewhere) {
        why.push(`${c.owner} '${c.label}' exists${at(c.sources)} but is not connected to ${this.ringLabel}.`);
        ev.push(...c.sources);
        fixes.push({
          summary: `Connect ${c.owner} '${c.label}' to ${this.ringLabel} with USAGE(PERSONAL), then refresh DIGTRING.${ownerUser(c.owner) !== this.user && !isCaOwner(c.owner) ? ` It belongs to another user: ${this.user} will also need UPDATE on ${this.ringOwner}.${this.ringName.toUpperCase()}.LST in RDATALIB for its key.` : ""}`,
          commands: [
            connectCommand(this.ringOwner, this.ringName, c.owner, c.label, "PERSONAL", false),
            ...refreshCommands(model, ["DIGTRING"]),
          ],
          notes: this.refreshNotes(),
        });
      }
    }
    if (fixes.length === 0) {
      fixes.push({
        summary: `Connect the certificate labelled '${label}' to ${this.ringLabel} (USAGE(PERSONAL)), or configure the label of a certificate that is on the ring.`,
        commands: [
          connectCommand(this.ringOwner, this.ringName, userOwner(this.user), label, "PERSONAL", false),
          ...refreshCommands(model, ["DIGTRING"]),
        ],
        notes: this.refreshNotes(),
      });
    }
    this.step({
      id: "select-certificate",
      ok: false,
      title: "Select the local certificate",
      detail: why.join(" "),
      evidence: evidence(ev),
      source: R.label,
      confidence: onRingNotrust.length > 0 ? "unconfirmed" : "ibm",
    });
    const [fix, ...alternatives] = fixes;
    return {
      rc: 6,
      confidence: onRingNotrust.length > 0 ? "unconfirmed" : "ibm",
      fix: fix ?? null,
      alternatives,
      partner: this.role === "server" ? { rc: 438, confidence: "third-party" } : null,
    };
  }

  noDefault(): Failure | null {
    const model = this.model;
    // Field case 3 is a server: "no label given and no usable default" → 6. A client with no
    // certificate simply sends none; the server then fails with 403 when it requires one.
    if (this.role === "client") {
      const required = this.clientAuth === "required";
      this.step({
        id: "select-certificate",
        ok: required ? false : null,
        title: "Select the local certificate",
        detail: `No label configured and the ring has no DEFAULT certificate: the client sends no certificate. The server ${required ? "requires one (ClientAuthType Required) and will fail with 403" : `asks with ClientAuthType ${this.clientAuth} and goes on without one`}.`,
        evidence: [],
        source: R.peer,
        confidence: "ibm",
      });
      if (!required) return null;
      return {
        rc: 403,
        side: "server",
        confidence: "ibm",
        fix: this.connectDefaultFix(),
        alternatives: [],
        partner: null,
      };
    }
    const empty = this.entries.length === 0;
    const personal = this.entries.filter((e) => e.usage === "PERSONAL");
    const why = empty
      ? `No label configured and the ring returns no certificates at all.`
      : `No label configured and no entry is marked DEFAULT (${this.entries.map((e) => `'${e.label}' ${e.usage}`).join(", ")}).`;
    this.step({
      id: "select-certificate",
      ok: false,
      title: "Select the local certificate",
      detail: `${why}${this.virtual ? " Virtual rings have no default: configure a label." : ""}`,
      evidence: evidence(...this.entries.map((e) => e.sources)),
      // Field case 3 ("no label and no usable default personal certificate" → 6) covers an empty
      // ring too, and the field cases win over the unconfirmed 7 some other APIs report.
      source: empty ? `${R.dflt}; other APIs may report 7 "No certificates available" [UNCONFIRMED]` : R.dflt,
      confidence: "third-party",
    });
    const fixes: SimFix[] = [];
    if (this.virtual) {
      const own = personal.find((e) => ownerUser(e.owner) === this.user);
      fixes.push({
        summary: `Configure the certificate label explicitly${own ? ` (e.g. '${own.label}')` : ""}: a virtual ring has no DEFAULT.`,
        commands: [],
        notes: this.refreshNotes(),
      });
    } else {
      const best = personal.find((e) => this.keyDecision(e).returned !== false);
      const notrustDefault = this.notrustDefault();
      if (notrustDefault) {
        fixes.push({
          summary: `The ring's DEFAULT ${notrustDefault.owner} '${notrustDefault.label}' is NOTRUST, so it is not returned (rules §3 [UNCONFIRMED]): if it is the right certificate, mark it TRUST again and refresh DIGTCERT.`,
          commands: [
            alterTrustCommand(notrustDefault.owner, notrustDefault.label),
            ...refreshCommands(model, ["DIGTCERT"]),
          ],
          notes: this.refreshNotes(),
        });
      }
      if (best) {
        fixes.push({
          summary: `Make ${best.owner} '${best.label}' the ring's DEFAULT (connecting it again with DEFAULT moves the default), then refresh DIGTRING.`,
          commands: [
            connectCommand(this.ringOwner, this.ringName, best.owner, best.label, "PERSONAL", true),
            ...refreshCommands(model, ["DIGTRING", "DIGTCERT"]),
          ],
          notes: this.refreshNotes(),
        });
        fixes.push({
          summary: `Or configure its label ('${best.label}') in the application / policy (CertificateLabel).`,
          commands: [],
          notes: this.refreshNotes(),
        });
      } else {
        fixes.push(this.connectDefaultFix());
      }
    }
    const [fix, ...alternatives] = fixes;
    return {
      rc: 6,
      confidence: "third-party",
      fix: fix ?? null,
      alternatives,
      partner: { rc: 438, confidence: "third-party" },
    };
  }

  /** The ring's DEFAULT connection when its certificate is NOTRUST (hidden from load-entries). */
  notrustDefault(): Certificate | null {
    if (this.virtual) return null;
    const ring = this.model.ring(this.ringOwner, this.ringName);
    const conn = ring?.connections.find((c) => c.default);
    const cert = conn ? this.model.certificate(conn.owner, conn.label) : undefined;
    return cert?.status === "NOTRUST" ? cert : null;
  }

  /** Connect the user's own server certificate PERSONAL DEFAULT (field case 3's fix). */
  connectDefaultFix(): SimFix {
    const model = this.model;
    const own = model
      .certificatesOf(userOwner(this.user))
      .filter((c) => c.status !== "NOTRUST" && c.privateKey !== false)
      .sort((a, b) => Number(this.validAt(b)) - Number(this.validAt(a)));
    const cert = own[0];
    if (cert) {
      return {
        summary: `Connect ${cert.owner} '${cert.label}'${at(cert.sources)} to ${this.ringLabel} with USAGE(PERSONAL) DEFAULT, then refresh DIGTRING and DIGTCERT.`,
        commands: [
          connectCommand(this.ringOwner, this.ringName, cert.owner, cert.label, "PERSONAL", true),
          ...refreshCommands(model, ["DIGTRING", "DIGTCERT"]),
        ],
        notes: this.refreshNotes(),
      };
    }
    const label = `${this.user} TLS`;
    return {
      summary: `${this.user} owns no usable certificate in the inputs: generate one (replace the subject, and add SIGNWITH for your CA), connect it PERSONAL DEFAULT, refresh.`,
      commands: [
        gencertLike(userOwner(this.user), label, null, plusYear(this.req.at)),
        connectCommand(this.ringOwner, this.ringName, userOwner(this.user), label, "PERSONAL", true),
        ...refreshCommands(model, ["DIGTRING", "DIGTCERT"]),
      ],
      notes: this.refreshNotes(),
    };
  }

  validAt(c: Certificate): boolean {
    const t = this.req.at.getTime();
    const nb = c.notBefore ? Date.parse(c.notBefore) : Number.NEGATIVE_INFINITY;
    const na = c.notAfter ? Date.parse(c.notAfter) : Number.POSITIVE_INFINITY;
    return t >= nb && t <= na;
  }

  // 6. selected-key -------------------------------------------------------------------------
  selectedKey(): Failure | null {
    const e = this.selected;
    if (!e) return null;
    const d = this.keyDecision(e);
    if (d.returned === null) {
      if (d.cause === "unknown-cert")
        this.assume(
          `certificate ${e.owner} '${e.label}' is not in the inputs: assumed to have a private key`,
        );
      else this.assume(`private key of ${e.owner} '${e.label}' assumed present (the inputs do not say)`);
    }
    const ok = d.returned !== false;
    this.step({
      id: "selected-key",
      ok: d.returned,
      title: "Private key of the selected certificate",
      detail: `${e.owner} '${e.label}': ${d.why}.${ok ? "" : ' System SSL sees a certificate without a private key. A listing that shows "Private Key: YES" does not contradict this: the key exists but is not returned to this caller.'}`,
      evidence: evidence(e.sources, e.cert?.sources, this.mode?.sources),
      source: isCaOwner(e.owner) ? `${R.key428}; ${R.caKeys}` : R.key428,
      confidence: weakest(d.confidence, d.cause === "other-user" ? "ibm" : d.confidence),
    });
    if (ok) return null;
    const fixes = this.keyFixes(e, d);
    const [fix, ...alternatives] = fixes;
    return {
      rc: 428,
      confidence: d.confidence,
      fix: fix ?? null,
      alternatives,
      partner: this.role === "server" ? { rc: 438, confidence: "third-party" } : null,
    };
  }

  keyFixes(e: Entry, d: KeyDecision): SimFix[] {
    const model = this.model;
    const lst = rdatalibResource({ owner: this.ringOwner, name: this.ringName });
    const notes = this.refreshNotes();
    const label = this.req.label ?? null;
    switch (d.cause) {
      case "usage":
        return [
          {
            summary: `Connect ${e.owner} '${e.label}' again with USAGE(PERSONAL) (it is connected ${e.usage}), then refresh DIGTRING.${isCaOwner(e.owner) ? ` It is a ${e.owner} certificate: ${this.user} also needs SPECIAL or CONTROL (FACILITY IRR.DIGTCERT.GENCERT, or the .LST profile) for its key.` : ""}`,
            commands: [
              connectCommand(this.ringOwner, this.ringName, e.owner, e.label, "PERSONAL", e.isDefault),
              ...refreshCommands(model, ["DIGTRING"]),
            ],
            notes,
          },
        ];
      case "other-user": {
        const certOwner = ownerUser(e.owner) ?? e.owner;
        const fixes: SimFix[] = [];
        if (this.mode?.kind === "ring-specific") {
          // Field case 6: UPDATE on the matching .LST profile returns another user's key.
          fixes.push({
            summary: `Give ${this.user} UPDATE on ${this.mode.profile.name} in RDATALIB (READ returns only the user's own keys), then refresh RDATALIB.`,
            commands: [
              permitCommand(this.mode.profile.name, "RDATALIB", this.user, "UPDATE"),
              ...refreshCommands(model, ["RDATALIB"]),
            ],
            notes,
          });
        } else {
          // Field case 4, third fix: ring-specific checking with UPDATE for the server user.
          fixes.push({
            summary: `Switch this ring to ring-specific checking: define ${lst} in RDATALIB, give ${this.user} UPDATE (returns another user's key) and the ring owner ${certOwner === this.ringOwner ? certOwner : this.ringOwner} READ (a matching profile decides for the owner too).`,
            commands: [
              `RDEFINE RDATALIB ${lst} UACC(NONE)`,
              permitCommand(lst, "RDATALIB", this.user, "UPDATE"),
              ...(this.ringOwner !== this.user
                ? [permitCommand(lst, "RDATALIB", this.ringOwner, "READ")]
                : []),
              ...refreshCommands(model, ["RDATALIB"]),
            ],
            notes,
          });
        }
        // Field case 4, first fix: a certificate the server's own user owns.
        const own = model
          .certificatesOf(userOwner(this.user))
          .find((c) => c.status !== "NOTRUST" && c.privateKey !== false && this.validAt(c));
        if (own) {
          fixes.push({
            summary: `Use a certificate ${this.user} owns: connect ${own.owner} '${own.label}'${at(own.sources)} PERSONAL${label === null ? " DEFAULT" : ` and configure its label instead of '${label}'`}.`,
            commands: [
              connectCommand(this.ringOwner, this.ringName, own.owner, own.label, "PERSONAL", label === null),
              ...refreshCommands(model, ["DIGTRING"]),
            ],
            notes,
          });
        } else {
          // A ring cannot hold two certificates with the same label: give the new one its own.
          const newLabel = `${e.label.slice(0, 31 - this.user.length)} ${this.user}`;
          fixes.push({
            summary: `Give ${this.user} its own certificate: generate one for ${this.user} like '${e.label}' (same subject and signer) and connect it PERSONAL${label === null ? " DEFAULT" : ""}${e.cert?.signer ? "" : " (add SIGNWITH for your CA)"}.`,
            commands: [
              gencertLike(userOwner(this.user), newLabel, e.cert ?? null, plusYear(this.req.at)),
              connectCommand(
                this.ringOwner,
                this.ringName,
                userOwner(this.user),
                newLabel,
                "PERSONAL",
                label === null,
              ),
              ...refreshCommands(model, ["DIGTCERT", "DIGTRING"]),
            ],
            notes,
          });
        }
        // Field case 4, second fix: run the server as the certificate's owner. Whether the owner
        // can then open the ring is the same question asked for the owner, so ask it; what the
        // owner still lacks (often READ on IRR.DIGTCERT.LISTRING) goes into this fix.
        const started = this.req.userOrigin?.startedProfile ?? null;
        const asOwner = simulate(model, { ...this.req, user: certOwner, userOrigin: null });
        const ownerNeeds = asOwner.rc !== 0 && asOwner.fix ? asOwner.fix.commands : [];
        const runAs = started
          ? [`RALTER STARTED ${started} STDATA(USER(${certOwner}))`, ...refreshCommands(model, ["STARTED"])]
          : [];
        fixes.push({
          summary: `Run the application as ${certOwner}, the certificate's owner${started ? ` (STDATA of STARTED profile ${started})` : " (its STARTED profile's STDATA USER or the job's USER)"}${ownerNeeds.length > 0 ? `; ${certOwner} also needs: ${(asOwner.fix?.summary ?? "").replace(/\.+$/, "")}` : certOwner === this.ringOwner ? ": the owner opens its own ring with READ" : ""}.`,
          commands: [...new Set([...ownerNeeds, ...runAs])],
          notes: ["Restart the started task so it runs under the new user."],
        });
        return fixes;
      }
      case "ca-authority": {
        const fixes: SimFix[] = [];
        if (this.mode?.kind === "ring-specific") {
          fixes.push({
            summary: `Give ${this.user} CONTROL on ${this.mode.profile.name} in RDATALIB for the ${e.owner} key (third-party rule).`,
            commands: [
              permitCommand(this.mode.profile.name, "RDATALIB", this.user, "CONTROL"),
              ...refreshCommands(model, ["RDATALIB"]),
            ],
            notes,
          });
        } else {
          fixes.push({
            summary: `Give ${this.user} CONTROL on FACILITY IRR.DIGTCERT.GENCERT for the ${e.owner} key (third-party rule; CONTROL there also lets the user generate CA certificates — prefer a personal certificate).`,
            commands: [
              ...(model.protectingProfile("FACILITY", "IRR.DIGTCERT.GENCERT")
                ? []
                : ["RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)"]),
              permitCommand("IRR.DIGTCERT.GENCERT", "FACILITY", this.user, "CONTROL"),
              ...refreshCommands(model, ["FACILITY"]),
            ],
            notes,
          });
        }
        fixes.push({
          summary: `Better: issue ${this.user} its own server certificate signed by the CA and connect it PERSONAL instead of the ${e.owner} certificate.`,
          commands: [
            gencertLike(
              userOwner(this.user),
              `${this.user} server`,
              e.cert ? { ...e.cert, signer: { owner: e.owner, label: e.label } } : null,
              plusYear(this.req.at),
            ),
            connectCommand(
              this.ringOwner,
              this.ringName,
              userOwner(this.user),
              `${this.user} server`,
              "PERSONAL",
              label === null,
            ),
            ...refreshCommands(model, ["DIGTCERT", "DIGTRING"]),
          ],
          notes,
        });
        return fixes;
      }
      case "no-key":
        return [
          {
            summary: `RACF holds no private key for ${e.owner} '${e.label}'${e.cert?.fromRequest ? " (it was generated from a certificate request; the key stays with the requester)" : ""}: import it with its key (PKCS#12) under the same label, or generate the certificate in RACF.`,
            commands: [
              `RACDCERT ${e.owner} ADD('<PKCS12 DATA SET>') WITHLABEL(${quote(e.label)}) PASSWORD('<PKCS12 PASSWORD>') TRUST`,
              ...refreshCommands(model, ["DIGTCERT"]),
            ],
            notes: ["Do not leave the PKCS#12 password in a stored job.", ...notes],
          },
          {
            summary: `Or generate a new certificate in RACF (the key is created there) and connect it instead.`,
            commands: [
              gencertLike(e.owner, `${e.label.slice(0, 28)} new`, e.cert ?? null, plusYear(this.req.at)),
              connectCommand(
                this.ringOwner,
                this.ringName,
                e.owner,
                `${e.label.slice(0, 28)} new`,
                "PERSONAL",
                e.isDefault,
              ),
              ...refreshCommands(model, ["DIGTCERT", "DIGTRING"]),
            ],
            notes,
          },
        ];
      default:
        return [];
    }
  }

  // 7. validity ----------------------------------------------------------------------------
  validity(): Failure | null {
    const e = this.selected;
    if (!e) return null;
    const c = e.cert;
    if (!c || (c.notBefore === null && c.notAfter === null)) {
      this.step({
        id: "validity",
        ok: null,
        title: "Validity of the local certificate",
        detail: `The dates of '${e.label}' are not known from the inputs: not checked.`,
        evidence: evidence(c?.sources),
        source: R.validity,
        confidence: "ibm",
      });
      return null;
    }
    if (c.datesAssumed)
      this.assume(
        `dates of ${c.owner} '${c.label}' are RACF's GENCERT defaults computed from when the job ran (assumed)`,
      );
    const t = this.req.at.getTime();
    const nb = c.notBefore ? Date.parse(c.notBefore) : null;
    const na = c.notAfter ? Date.parse(c.notAfter) : null;
    const early = nb !== null && t < nb;
    const late = na !== null && t > na;
    const ok = !early && !late;
    const when = this.req.at.toISOString().replace(/\.000Z$/, "Z");
    this.step({
      id: "validity",
      ok,
      title: "Validity of the local certificate",
      detail: `'${c.label}' is valid from ${c.notBefore ?? "?"} to ${c.notAfter ?? "?"}; at ${when} it is ${early ? "NOT YET VALID" : late ? "EXPIRED" : "valid"}${at(c.sources)}.`,
      evidence: evidence(c.sources),
      source: R.validity,
      confidence: c.datesAssumed ? "unconfirmed" : "ibm",
    });
    if (ok) return null;
    const notAfter = plusYear(this.req.at);
    const renew = [...renewCommands(c, notAfter)];
    renew.push(alterTrustCommand(c.owner, c.label), ...refreshCommands(this.model, ["DIGTCERT"]));
    const fix: SimFix = early
      ? {
          summary: `'${c.label}' is not valid before ${c.notBefore}: wait, or re-issue it with a NOTBEFORE in the past.`,
          commands: renew,
          notes: this.refreshNotes(),
        }
      : {
          summary: `Renew '${c.label}' with its current key: GENREQ from the certificate, GENCERT the request with a later NOTAFTER${c.signer ? "" : " (add SIGNWITH for the CA that signs it)"}, and mark it TRUST in case RACF made it NOTRUST (field case 5).`,
          commands: renew,
          notes: this.refreshNotes(),
        };
    return {
      rc: 401,
      confidence: c.datesAssumed ? "unconfirmed" : "ibm",
      fix,
      alternatives: [],
      partner: { rc: 401, confidence: "third-party" },
    };
  }

  // 8. key-usage ---------------------------------------------------------------------------
  keyUsage(): Failure | null {
    const e = this.selected;
    const c = e?.cert;
    if (!e || !c) return null;
    if (c.keyUsage === null) {
      this.step({
        id: "key-usage",
        ok: null,
        title: "Key usage",
        detail: `Key usage of '${c.label}' not known from the inputs: not checked.`,
        evidence: evidence(c.sources),
        source: R.keyUsage,
        confidence: "ibm",
      });
      return null;
    }
    const ok = c.keyUsage.length === 0 || c.keyUsage.includes("HANDSHAKE");
    this.step({
      id: "key-usage",
      ok,
      title: "Key usage",
      detail:
        c.keyUsage.length === 0
          ? `'${c.label}' has no key-usage extension: any use allowed.`
          : `'${c.label}' key usage ${c.keyUsage.join(", ")}: ${ok ? "HANDSHAKE allows the TLS handshake" : "no HANDSHAKE (digitalSignature/keyEncipherment) — System SSL refuses it for TLS"}.`,
      evidence: evidence(c.sources),
      source: R.keyUsage,
      confidence: "ibm",
    });
    if (ok) return null;
    const label = `${c.label.slice(0, 26)} tls`;
    return {
      rc: 440,
      confidence: "ibm",
      fix: {
        summary: `Use a certificate generated with KEYUSAGE(HANDSHAKE): generate one like '${c.label}' and connect it in its place.`,
        commands: [
          gencertLike(c.owner, label, c, plusYear(this.req.at)),
          connectCommand(this.ringOwner, this.ringName, c.owner, label, "PERSONAL", e.isDefault),
          ...refreshCommands(this.model, ["DIGTCERT", "DIGTRING"]),
        ],
        notes: this.refreshNotes(),
      },
      alternatives: [],
      partner: null,
    };
  }

  // 9. negotiate ---------------------------------------------------------------------------
  negotiate(): Failure | null {
    const req = this.req;
    const policy = req.policy ?? null;
    const ev = evidence(
      policy?.protocols ? [policy.protocols] : [],
      policy?.protocolLines,
      policy?.ciphers ? [policy.ciphers] : [],
    );
    if (policy && policy.defaultedProtocols.length > 0) {
      this.assume(
        `AT-TLS protocol defaults assumed for ${policy.defaultedProtocols.join(", ")} (z/OS V2R1: TLSv1 and TLSv1.1 On, TLSv1.2 Off, TLSv1.3 Off unless the policy says otherwise; check your release)`,
      );
    }
    if (
      (req.protocols ?? null) === null &&
      (req.ciphers ?? null) === null &&
      (req.peerSignatureAlgorithms ?? null) === null
    ) {
      this.step({
        id: "negotiate",
        ok: null,
        title: "Protocol and cipher agreement",
        detail:
          "No protocol or cipher settings given (--tls / --ciphers / a policy): System SSL defaults apply; not evaluated.",
        evidence: [],
        source: R.negotiate,
        confidence: "ibm",
      });
      return null;
    }
    const protocols: Protocol[] | null = req.protocols
      ? req.protocols.map(parseProtocol).filter((p): p is Protocol => p !== undefined)
      : null;
    const parsed = req.ciphers ? parseCipherList(req.ciphers) : null;
    const lines: string[] = [];
    if (protocols) lines.push(`Protocols enabled: ${protocols.length > 0 ? protocols.join(", ") : "none"}.`);
    if (parsed) {
      lines.push(
        `Cipher suites: ${parsed.suites.map((s) => `${s.code} ${s.name}`).join(", ") || "none"}${parsed.unknown.length > 0 ? `; not recognised (ignored): ${clipText(parsed.unknown.join(", "))}` : ""}.`,
      );
    } else lines.push("Cipher suites: System SSL defaults (assumed to cover every protocol enabled).");
    const fail = (rc: number, why: string, confidence: Confidence, fix: SimFix): Failure => {
      this.step({
        id: "negotiate",
        ok: false,
        title: "Protocol and cipher agreement",
        detail: `${lines.join(" ")} ${why}`,
        evidence: ev,
        source: R.negotiate,
        confidence,
      });
      return { rc, confidence, fix, alternatives: [], partner: null };
    };
    const policyWhere = (s: Source | null | undefined): string => (s ? ` (${formatSource(s)})` : "");
    const notes = policy ? [POLICY_REFRESH_NOTE] : [APPLICATION_RESTART_NOTE];
    if (protocols && protocols.length === 0) {
      return fail(402, "No protocol version is enabled.", "unconfirmed", {
        summary: `Enable TLSv1.2 (TTLSEnvironmentAdvancedParms: TLSv1.2 On${policyWhere(policy?.protocols)}).`,
        commands: [],
        notes,
      });
    }
    if (parsed && parsed.suites.length === 0) {
      return fail(402, "No usable cipher suite is configured.", "ibm", {
        summary: `Configure valid cipher suites, e.g. V3CipherSuites4Char C02FC030009C009D13011302${policyWhere(policy?.ciphers)}.`,
        commands: [],
        notes,
      });
    }
    if (parsed && protocols?.includes("TLSv1.3") && !parsed.suites.some((s) => s.tls13)) {
      // Field case 8: "no SSL V3 cipher specs are enabled for TLS V1.3" → handshake failure.
      return fail(
        402,
        "TLSv1.3 is enabled but none of the TLS 1.3 suites (1301 TLS_AES_128_GCM_SHA256, 1302 TLS_AES_256_GCM_SHA384, 1303 TLS_CHACHA20_POLY1305_SHA256) is in the list: System SSL reports no cipher specs for TLS V1.3 (field case 8).",
        "third-party",
        {
          summary: `Add TLS 1.3 suites to the cipher list (V3CipherSuites TLS_AES_128_GCM_SHA256 and TLS_AES_256_GCM_SHA384)${policyWhere(policy?.ciphers)}, or set TLSv1.3 Off${policyWhere(policy?.protocols)}.`,
          commands: [],
          notes,
        },
      );
    }
    let usable: CipherSuite[] | null = null;
    if (parsed) {
      usable = parsed.suites.filter((s) => (protocols ? protocols.some((p) => suiteUsableWith(s, p)) : true));
      if (usable.length === 0) {
        return fail(
          402,
          `None of the suites can be used with ${protocols?.join(", ")} (GCM and SHA-256/384 suites need TLSv1.2; 13xx suites need TLSv1.3).`,
          "ibm",
          {
            summary: `Enable TLSv1.2${policyWhere(policy?.protocols)} (AT-TLS V2R1 leaves it Off by default), or add suites for the enabled protocols.`,
            commands: [],
            notes,
          },
        );
      }
    }
    const cert = this.selected?.cert;
    if (this.role === "server" && usable && cert?.keyType) {
      const fits = usable.filter((s) => suiteFitsKey(s, cert.keyType));
      lines.push(
        `Server key ${cert.keyType}${cert.keySize ? ` ${cert.keySize}` : ""}: ${fits.length} of ${usable.length} usable suites fit it.`,
      );
      if (fits.length === 0) {
        const want =
          cert.keyType === "RSA"
            ? ["C02F", "C030", "009C"]
            : cert.keyType === "DSA"
              ? ["00A2", "0032"]
              : ["C02B", "C02C", "C009"];
        return fail(
          434,
          `The server certificate's ${cert.keyType} key cannot be used with any of them (${cert.keyType === "RSA" ? "only ECDSA/DSS suites" : "only RSA suites"}).`,
          "third-party",
          {
            summary: `Add suites for a ${cert.keyType} key (${want.map((c) => `${c} ${findSuite(c)?.name ?? ""}`).join(", ")})${policyWhere(policy?.ciphers)}, or use a certificate whose key type fits the suites.`,
            commands: [],
            notes,
          },
        );
      }
    }
    const sigalgs = req.peerSignatureAlgorithms ?? null;
    if (sigalgs && cert?.signatureAlgorithm && (this.role === "server" || this.clientAuth !== "none")) {
      const okSig = sigalgs.some((a) => a.toLowerCase() === cert.signatureAlgorithm?.toLowerCase());
      lines.push(
        `Partner accepts signature algorithms ${sigalgs.join(", ")}; '${cert.label}' is signed ${cert.signatureAlgorithm}.`,
      );
      if (!okSig) {
        return fail(467, "The local certificate's signature algorithm is not in the partner's list.", "ibm", {
          summary: `Re-issue '${cert.label}' signed with an algorithm the partner accepts (e.g. sha256RSA / sha256ECDSA).`,
          commands: [],
          notes,
        });
      }
    }
    this.step({
      id: "negotiate",
      ok: true,
      title: "Protocol and cipher agreement",
      detail: `${lines.join(" ")} A common protocol and suite exist on this side.`,
      evidence: ev,
      source: R.negotiate,
      confidence: "ibm",
    });
    return null;
  }

  // 10. peer-validation --------------------------------------------------------------------
  peerValidation(): Failure | null {
    const role = this.role;
    const ca = this.clientAuth;
    const needed = role === "client" || ca === "full" || ca === "required";
    if (!needed) {
      this.step({
        id: "peer-validation",
        ok: null,
        title: "Validate the partner",
        detail:
          ca === "passthru"
            ? "ClientAuthType PassThru: the client's certificate is requested but not validated."
            : "Server without client authentication: the partner is not validated.",
        evidence: evidence(this.req.policy?.clientAuth ? [this.req.policy.clientAuth] : []),
        source: R.peer,
        confidence: "ibm",
      });
      return null;
    }
    const partnerSide = role === "server" ? "client" : "server";
    const anchors = this.entries.filter((e) => (e.usage === "CERTAUTH" || e.usage === "SITE") && e.cert);
    const peers = this.req.peerCertificates;
    const lines: string[] = [
      `The ${partnerSide}'s certificate is validated against the ring's CA certificates: ${anchors.length > 0 ? anchors.map((e) => `${e.owner} '${e.label}'`).join(", ") : "none"}.`,
    ];
    const fail = (
      rc: number,
      why: string,
      confidence: Confidence,
      fix: SimFix | null,
      side: "server" | "client" = role,
    ): Failure => {
      this.step({
        id: "peer-validation",
        ok: false,
        title: "Validate the partner",
        detail: `${lines.join(" ")} ${why}`,
        evidence: evidence(...anchors.map((e) => e.sources), ...(peers ?? []).map((p) => p.sources)),
        source: R.peer,
        confidence,
      });
      return { rc, confidence, fix, alternatives: [], partner: null, side };
    };
    if (role === "server" && peers && peers.length === 0) {
      if (ca === "required") {
        return fail(403, "The client sends no certificate and ClientAuthType Required demands one.", "ibm", {
          summary:
            "Give the client a certificate (connected PERSONAL DEFAULT on its ring, or its label configured), signed by a CA on this ring.",
          commands: [],
          notes: [],
        });
      }
    }
    if (anchors.length === 0) {
      const leafIssuer = peers?.[0]?.issuer ?? null;
      const caCert = leafIssuer
        ? this.model.state.certificates.find((c) => c.owner === "CERTAUTH" && sameDn(c.subject, leafIssuer))
        : undefined;
      return fail(109, "No CA certificate on the ring: nothing to validate the partner with.", "ibm", {
        summary: caCert
          ? `Connect the partner's CA ${caCert.owner} '${caCert.label}' to ${this.ringLabel} with USAGE(CERTAUTH).`
          : `Connect the CA that issued the ${partnerSide}'s certificate to ${this.ringLabel} with USAGE(CERTAUTH) (add it with RACDCERT CERTAUTH ADD first if RACF does not have it).`,
        commands: this.virtual
          ? []
          : [
              connectCommand(
                this.ringOwner,
                this.ringName,
                "CERTAUTH",
                caCert?.label ?? "<partner CA label>",
                "CERTAUTH",
                false,
              ),
              ...refreshCommands(this.model, ["DIGTRING"]),
            ],
        notes: this.refreshNotes(),
      });
    }
    if (!peers || peers.length === 0) {
      this.step({
        id: "peer-validation",
        ok: null,
        title: "Validate the partner",
        detail: `${lines.join(" ")} No partner certificate supplied (--peer-cert): the chain itself is not checked.`,
        evidence: evidence(...anchors.map((e) => e.sources)),
        source: R.peer,
        confidence: "ibm",
      });
      return null;
    }
    const t = this.req.at.getTime();
    const dated = (c: Certificate): string | null => {
      if (c.notBefore && t < Date.parse(c.notBefore)) return `not valid before ${c.notBefore}`;
      if (c.notAfter && t > Date.parse(c.notAfter)) return `expired ${c.notAfter}`;
      return null;
    };
    let current = peers[0] as Certificate;
    const chain = peers.slice(1);
    lines.push(`Partner leaf: ${current.subject ?? current.label}.`);
    for (let depth = 0; depth < 10; depth++) {
      const bad = dated(current);
      if (bad) {
        return fail(
          401,
          `${current.subject ?? current.label} is ${bad} at ${this.req.at.toISOString()}.`,
          "ibm",
          {
            summary: `The ${partnerSide} must renew its certificate (${current.subject ?? current.label}).`,
            commands: [],
            notes: [],
          },
        );
      }
      const anchor = anchors.find(
        (e) =>
          e.cert &&
          sameDn(e.cert.subject, current.subject) &&
          (current.fingerprint === null ||
            e.cert.fingerprint === null ||
            e.cert.fingerprint === current.fingerprint),
      );
      if (anchor && depth > 0) {
        lines.push(`Reached trusted ${anchor.owner} '${anchor.label}' on the ring.`);
        break;
      }
      const issuerAnchor = anchors.find((e) => e.cert && sameDn(e.cert.subject, current.issuer));
      if (issuerAnchor?.cert) {
        const ic = issuerAnchor.cert;
        const badCa = dated(ic);
        if (badCa) {
          return fail(
            401,
            `The issuing CA ${issuerAnchor.owner} '${issuerAnchor.label}' on the ring is ${badCa}.`,
            "ibm",
            {
              summary: `Renew or replace CA '${issuerAnchor.label}' on ${this.ringLabel}.`,
              commands: [],
              notes: this.refreshNotes(),
            },
          );
        }
        if (ic.keyUsage && ic.keyUsage.length > 0 && !ic.keyUsage.includes("CERTSIGN")) {
          return fail(
            8,
            `The issuing CA ${issuerAnchor.owner} '${issuerAnchor.label}' has no CERTSIGN key usage.`,
            "ibm",
            {
              summary: `Connect the real CA certificate of the ${partnerSide}.`,
              commands: [],
              notes: [],
            },
          );
        }
        lines.push(
          `Issued by ${issuerAnchor.owner} '${issuerAnchor.label}' on the ring${at(issuerAnchor.sources)}.`,
        );
        break;
      }
      const next = chain.find((c) => sameDn(c.subject, current.issuer) && c !== current);
      if (next && !sameDn(current.subject, current.issuer)) {
        current = next;
        continue;
      }
      const selfSigned = current.selfSigned === true || sameDn(current.subject, current.issuer);
      const known = this.model.state.certificates.find(
        (c) => c.owner === "CERTAUTH" && sameDn(c.subject, current.issuer),
      );
      const fix: SimFix = known
        ? {
            summary: `RACF has the CA ${known.owner} '${known.label}'${at(known.sources)}: connect it to ${this.ringLabel} with USAGE(CERTAUTH)${known.status === "NOTRUST" ? " and mark it TRUST" : ""}.`,
            commands: [
              ...(known.status === "NOTRUST" ? [alterTrustCommand(known.owner, known.label)] : []),
              ...(this.virtual
                ? []
                : [
                    connectCommand(
                      this.ringOwner,
                      this.ringName,
                      known.owner,
                      known.label,
                      "CERTAUTH",
                      false,
                    ),
                  ]),
              ...refreshCommands(this.model, ["DIGTCERT", "DIGTRING"]),
            ],
            notes: this.refreshNotes(),
          }
        : {
            summary: `Add the CA that issued ${current.subject ?? "the partner's certificate"} (${current.issuer ?? "?"}) as CERTAUTH and connect it to ${this.ringLabel}.`,
            commands: [
              `RACDCERT CERTAUTH ADD('<CA CERTIFICATE DATA SET>') WITHLABEL('<partner CA>') TRUST`,
              ...(this.virtual
                ? []
                : [
                    connectCommand(
                      this.ringOwner,
                      this.ringName,
                      "CERTAUTH",
                      "<partner CA>",
                      "CERTAUTH",
                      false,
                    ),
                  ]),
              ...refreshCommands(this.model, ["DIGTCERT", "DIGTRING"]),
            ],
            notes: this.refreshNotes(),
          };
      if (selfSigned) {
        return fail(
          417,
          `${current.subject ?? "The partner's certificate"} is self-signed and not on the ring as a CA (text of 417 unconfirmed).`,
          "unconfirmed",
          fix,
        );
      }
      return fail(
        435,
        `Issuer ${current.issuer ?? "?"} of ${current.subject ?? "the partner's certificate"} is not among the ring's CA certificates.`,
        "third-party",
        fix,
      );
    }
    this.step({
      id: "peer-validation",
      ok: true,
      title: "Validate the partner",
      detail: lines.join(" "),
      evidence: evidence(...anchors.map((e) => e.sources), ...peers.map((p) => p.sources)),
      source: R.peer,
      confidence: "ibm",
    });
    return null;
  }

  // 11. client-checks ----------------------------------------------------------------------
  clientChecks(): void {
    const c = this.selected?.cert;
    if (this.role !== "server" || !c) return;
    const w: string[] = [];
    if (
      c.altNames.filter((a) => a.type === "DNS" || a.type === "IP").length === 0 &&
      (c.subject !== null || c.altNames.length > 0)
    ) {
      w.push(
        `'${c.label}' has no DNS/IP subjectAltName: browsers (Chrome) ignore the CN and will reject the host name.`,
      );
    }
    if (c.keyType === "RSA" && c.keySize !== null && c.keySize < 2048)
      w.push(`'${c.label}' has a ${c.keySize}-bit RSA key: current clients reject RSA below 2048 bits.`);
    if ((c.keyType === "NISTECC" || c.keyType === "BPECC") && c.keySize === 521) {
      w.push(
        `'${c.label}' uses curve P-521: Chrome and Firefox do not support it for ECDSA (field case 9) — use NISTECC SIZE(256) or SIZE(384).`,
      );
    }
    if (c.keyType === "BPECC") w.push(`'${c.label}' uses a Brainpool curve: browsers do not support it.`);
    if (c.signatureAlgorithm && /sha1|md5/i.test(c.signatureAlgorithm))
      w.push(
        `'${c.label}' is signed ${c.signatureAlgorithm}: SHA-1/MD5 signatures are rejected by current clients.`,
      );
    if ((c.keyType === "NISTECC" || c.keyType === "BPECC") && c.signer) {
      const signer = this.model.certificate(c.signer.owner, c.signer.label);
      if (signer?.keyType === "RSA")
        w.push(
          `'${c.label}' is an ECC certificate signed by an RSA CA ('${signer.label}'): some Java clients fail (field case 10).`,
        );
    }
    this.warnings.push(...w);
    this.step({
      id: "client-checks",
      ok: null,
      title: "What clients outside z/OS will check",
      detail:
        w.length > 0
          ? `${w.join(" ")} (These do not change System SSL's return code.)`
          : "No browser-side problems found in the certificate's known facts.",
      evidence: evidence(c.sources),
      source: R.browser,
      confidence: "third-party",
    });
  }

  run(): Failure | null {
    this.identity();
    const f1 = this.resolveRing();
    if (f1) return f1;
    const f2 = this.authorizeRing();
    if (f2) return f2;
    this.loadEntries();
    this.privateKeys();
    const failure =
      this.selectCertificate() ??
      this.selectedKey() ??
      this.validity() ??
      this.keyUsage() ??
      this.negotiate() ??
      this.peerValidation();
    if (failure) return failure;
    this.clientChecks();
    return null;
  }
}

/**
 * Activating RDATALIB is not a change to one ring: every RDATALIB profile that already exists
 * takes effect at once for the rings it covers, the owners' included (rules §1). A fix that
 * activates it says so, and what to check first.
 */
const RDATALIB_ACTIVATION_NOTE =
  "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB) switches ring-specific checking on for the whole system: every RDATALIB profile that already exists takes effect at once, for its rings' owners too. List them first (SEARCH CLASS(RDATALIB), RLIST RDATALIB profile AUTHUSER) and make sure each grants what its ring's users need.";

function withActivationNote(fix: SimFix): SimFix {
  if (!fix.commands.some((c) => /CLASSACT\(RDATALIB\)/.test(c))) return fix;
  const notes = fix.notes ?? [];
  return notes.includes(RDATALIB_ACTIVATION_NOTE)
    ? fix
    : { ...fix, notes: [...notes, RDATALIB_ACTIVATION_NOTE] };
}

/**
 * Predict System SSL's return code for `req` against the RACF state in `model`.
 *
 * @example
 *   const r = simulate(model, { user: "TCPIP", ring: { owner: "FTPD", name: "SERVRING" }, at: new Date() });
 *   r.rc; // 428 when the ring's default certificate belongs to FTPD (field case 4)
 */
export function simulate(model: RacfModel, req: SimRequest): SimResult {
  const sim = new Simulation(model, req);
  const failure = sim.run();
  // The readers' own assumptions (local time read as UTC, REFRESH implying RACLIST…) matter
  // when the simulation relied on the lines they are about.
  const used = new Set(sim.steps.flatMap((s) => s.evidence.map((e) => `${e.file}:${e.line}`)));
  for (const a of model.state.assumptions) {
    if (a.sources.some((x) => used.has(`${x.file}:${x.line}`))) sim.assume(a.message);
  }
  const rc = failure?.rc ?? 0;
  const info = codeInfo(rc);
  const side = failure?.side ?? sim.role;
  const partnerInfo = failure?.partner ? codeInfo(failure.partner.rc) : null;
  const event =
    rc === 202 ? (req.policy ? "Environment Master Init" : "Environment Init") : "Initial Handshake";
  // A prediction is as sure as the weakest rule it rests on: every step evaluated on the way,
  // and the failure's own rule.
  const confidence = weakest(
    failure && rc !== 0 ? failure.confidence : "ibm",
    ...sim.steps.filter((s) => s.ok !== null).map((s) => s.confidence),
  );
  const messages: string[] = [...sim.racfMessages];
  if (req.policy && rc !== 0) {
    const tail = `RULE: ${req.policy.rule}  USERID: ${sim.user}`;
    if (rc === 202) {
      messages.push(`EZD1287I TTLS Error RC:  202 Environment Master Init  ${tail}`);
      messages.push(`EZD1287I TTLS Error RC:  202 Environment Link  ${tail}`);
      messages.push(`EZD1287I TTLS Error RC: 5006 Initial Handshake  ${tail}`);
    } else if (side === sim.role) {
      messages.push(`EZD1287I TTLS Error RC: ${String(rc).padStart(4)} Initial Handshake  ${tail}`);
    }
  }
  return {
    rc,
    text: info.text,
    confidence,
    event,
    side,
    user: sim.user,
    keyring: sim.ringLabel,
    label: sim.selected?.label ?? req.label ?? null,
    steps: sim.steps,
    partner:
      failure?.partner && partnerInfo
        ? { rc: failure.partner.rc, text: partnerInfo.text, confidence: failure.partner.confidence }
        : null,
    fix: failure?.fix ? withActivationNote(failure.fix) : null,
    alternatives: (failure?.alternatives ?? []).map(withActivationNote),
    assumptions: sim.assumptions,
    textConfidence: info.textConfidence,
    role: sim.role,
    warnings: sim.warnings,
    messages,
  };
}
