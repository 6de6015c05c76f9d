/**
 * The state of one walk through the checks: the request, what the checks found so far (the
 * checking mode, the entries, the selected certificate), and what they recorded — steps,
 * assumptions, conditions and the other branches their unknowns open. Checks read and extend it;
 * the driver (src/sim/simulate.ts) walks them in order.
 */
import { type AccessDecision, decideAccess, GRPLIST_ASSUMPTION } from "../../model/access.js";
import { isCaOwner, ownerUser, type RacfModel, userOwner } from "../../model/model.js";
import type {
  AccessLevel,
  Certificate,
  CertOwner,
  Confidence,
  Profile,
  RingUsage,
  Source,
} from "../../model/types.js";
import { validAt } from "../../model/validity.js";
import {
  APPLICATION_RESTART_NOTE,
  connectCommand,
  POLICY_REFRESH_NOTE,
  refreshCommands,
} from "../commands.js";
import { gencertLike } from "../gencert.js";
import { rdatalibResource } from "../ring-check.js";
import { startedGroup } from "../started.js";
import type { SimCondition, SimFix, SimRequest, SimResult, SimStep } from "../types.js";
import { at, plusYear } from "./util.js";

/** An entry as R_datalib would return it. */
export interface Entry {
  owner: CertOwner;
  label: string;
  usage: RingUsage;
  isDefault: boolean;
  cert: Certificate | undefined;
  sources: Source[];
  /** keyDecision's answer for this walk, with the checking mode it was decided in. */
  keyDecision?: { walk: Simulation; mode: Mode | null; special: boolean; decision: KeyDecision };
}

export interface KeyDecision {
  returned: boolean | null;
  why: string;
  confidence: Confidence;
  /** What is missing when the key is withheld for a security reason. */
  cause: "usage" | "other-user" | "ca-authority" | "no-key" | "unknown-cert" | null;
}

export interface Failure {
  rc: number;
  confidence: Confidence;
  side?: "server" | "client";
  fix: SimFix | null;
  alternatives?: SimFix[];
  partner?: { rc: number; confidence: Confidence } | null;
}

export type Mode =
  | {
      kind: "ring-specific";
      resource: string;
      profile: Profile;
      level: AccessLevel;
      sources: Source[];
      /** The profile is in WARNING mode: RACF lets denied requests through (logged). */
      warning?: boolean;
    }
  /** FACILITY decides; the lines it was read from (a certificate's key then depends on its owner alone). */
  | { kind: "global"; sources: Source[] };

/**
 * The other branch of an unknown: either its return code is known at once (`rc`), or the driver
 * finds it by walking again with the model changed (`hypothesis`).
 */
export interface Branch {
  condition: string;
  rc?: number;
  confidence: Confidence;
  hypothesis?: (model: RacfModel) => RacfModel;
}

export type Resimulate = (model: RacfModel, req: SimRequest) => SimResult;

/** What a step decided: every walk keeps it (the prediction's confidence rests on it). */
export type StepVerdict = Pick<SimStep, "id" | "ok" | "missing" | "confidence">;

/** What a step says about it: built only when the trace is kept. */
export type StepText = Pick<SimStep, "title" | "detail" | "evidence" | "source">;

export class Simulation {
  /** The trace: empty unless `traced`. */
  readonly steps: SimStep[] = [];
  /** Every step's decision, in walk order, traced or not. */
  readonly verdicts: StepVerdict[] = [];
  /**
   * Whether steps are written out. Off when the caller asked for no trace — unless the readers
   * left assumptions about input lines, which the driver matches against the steps' evidence.
   */
  readonly traced: boolean;
  readonly conditions: SimCondition[] = [];
  readonly branches: Branch[] = [];
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
    /** Walk again with another request (a fix that runs the application as another user). */
    readonly resimulate: Resimulate,
  ) {
    this.user = req.user.toUpperCase();
    this.role = req.role ?? "server";
    this.clientAuth = req.clientAuth ?? "none";
    const owner = req.ring.owner.toUpperCase();
    this.ringOwner = owner;
    this.ringName = req.ring.name;
    this.virtual = req.ring.name === "*";
    this.ringLabel = `${owner}/${req.ring.name}`;
    this.traced = req.trace !== false || model.state.assumptions.length > 0;
  }

  assume(text: string): void {
    if (!this.assumptions.includes(text)) this.assumptions.push(text);
  }

  /**
   * Record a check's step: what it decided (`verdict`), and what it says (`text`, called at once
   * when the trace is kept, never otherwise). A caller that keeps only the prediction (the
   * audit, `trace: false`) then pays for no title, detail or evidence; the decision itself is the
   * same code either way.
   */
  step(verdict: StepVerdict, text: () => StepText): void {
    this.verdicts.push(verdict);
    if (!this.traced) return;
    const t = text();
    this.steps.push({
      id: verdict.id,
      ok: verdict.ok,
      ...(verdict.missing !== undefined ? { missing: verdict.missing } : {}),
      title: t.title,
      detail: t.detail,
      evidence: t.evidence,
      source: t.source,
      confidence: verdict.confidence,
    });
  }

  /** Record an unknown the walk goes on under, and the branch it leaves open. */
  condition(c: SimCondition, branch?: Branch): void {
    if (!this.conditions.some((x) => x.text === c.text)) this.conditions.push(c);
    if (branch && !this.branches.some((b) => b.condition === branch.condition)) this.branches.push(branch);
  }

  /** The pessimistic reading was asked for: an unshown access or profile counts as missing. */
  get assumeDenied(): boolean {
    return this.req.assumeDenied === true;
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

  /**
   * The user's current connect group: a started task's STDATA GROUP; else (null) the user's
   * default group, which decideAccess takes (IBM RACF Security Administrator's Guide, started
   * procedures; list-of-groups checking).
   */
  get currentGroup(): string | null {
    // Asked by every access decision of the walk; the model does not change during one.
    if (this.#currentGroup === undefined)
      this.#currentGroup = startedGroup(this.model, this.req.userOrigin?.startedProfile);
    return this.#currentGroup;
  }

  #currentGroup: string | null | undefined = undefined;

  /**
   * FACILITY IRR.DIGTCERT.GENCERT, and the user's level on it: what returns a CA's key under
   * global checking. Asked for every entry of the ring; looked up once per walk.
   */
  gencertProfile(): Profile | undefined {
    if (this.#gencertProfile === null)
      this.#gencertProfile = this.model.protectingProfile("FACILITY", "IRR.DIGTCERT.GENCERT");
    return this.#gencertProfile;
  }

  /** The user's level on gencertProfile(); null when no profile covers IRR.DIGTCERT.GENCERT. */
  gencertLevel(): AccessLevel | null {
    if (this.#gencertLevel === undefined) {
      const p = this.gencertProfile();
      this.#gencertLevel = p ? this.model.accessTo(p, this.user, this.currentGroup).level : null;
    }
    return this.#gencertLevel;
  }

  #gencertProfile: Profile | undefined | null = null;
  #gencertLevel: AccessLevel | null | undefined = undefined;

  /**
   * RACF's access decision for the application's user on `profile` (model/access.ts): own
   * entry, groups as list-of-groups checking says, ID(*), UACC, and WARNING mode. A decision that
   * rests on racfring's GRPLIST default becomes a condition whose other branch fails with
   * `failRc`; a request let through by WARNING mode logs ICH408I as a warning.
   */
  decide(profile: Profile, need: AccessLevel, step: string, failRc: number): AccessDecision {
    const d = decideAccess(this.model, profile, this.user, need, { currentGroup: this.currentGroup });
    const res = `${profile.class} ${profile.name}`;
    if (d.dependsOnGrplist && d.grplist.assumed) {
      this.assume(GRPLIST_ASSUMPTION);
      this.condition(
        {
          kind: "configuration",
          text: `list-of-groups checking (SETROPTS GRPLIST) is active, so ${this.user}'s group ${d.entryId ?? ""} counts on ${res} (the inputs do not say)`,
          decide: ["SETROPTS LIST"],
          step,
        },
        {
          condition: `SETROPTS NOGRPLIST: only ${this.user}'s current connect group (${d.currentGroup ?? "unknown"}) counts on ${res}`,
          rc: failRc,
          confidence: "ibm",
        },
      );
    }
    if (d.byWarning) {
      // RACF Messages, ICH408I: a request let through by a WARNING profile is logged with
      // "WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED" [exact layout unconfirmed].
      const group = d.currentGroup;
      this.racfMessages.push(
        `ICH408I USER(${this.user}) ${group ? `GROUP(${group}) ` : ""}${profile.name} CL(${profile.class}) WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED ACCESS INTENT(${need}) ACCESS ALLOWED(${d.level})`,
      );
    }
    return d;
  }

  /**
   * The violation message RACF logs when an access check fails against a profile (field case 2
   * quotes it); none when no profile protects the resource ("not protected").
   */
  ich408i(resource: string, cls: string, intent: AccessLevel, allowed: AccessLevel): void {
    const group =
      this.currentGroup ?? this.model.user(this.user)?.defaultGroup ?? this.model.user(this.user)?.groups[0];
    this.racfMessages.push(
      `ICH408I USER(${this.user}) ${group ? `GROUP(${group}) ` : ""}${resource} CL(${cls}) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(${intent}) ACCESS ALLOWED(${allowed})`,
    );
  }

  ringPartner(): { rc: number; confidence: Confidence } | null {
    // Field case 1: the server's environment failed, AT-TLS reset the connection, the client
    // logged 406. For a failing client nothing was reported.
    return this.role === "server" ? { rc: 406, confidence: "third-party" } : null;
  }

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

  intendedEntry(): Entry | undefined {
    const label = this.req.label ?? null;
    if (label !== null) return this.entries.find((e) => e.label === label);
    return this.entries.find((e) => e.isDefault);
  }

  neededLstLevel(): AccessLevel {
    const e = this.intendedEntry();
    // A client needs its own key only when the server asks for a certificate.
    if (e?.usage !== "PERSONAL" || (this.role === "client" && this.clientAuth === "none")) return "READ";
    if (isCaOwner(e.owner)) return this.special ? "READ" : "CONTROL";
    return ownerUser(e.owner) === this.user ? "READ" : "UPDATE";
  }

  notrustDefault(): Certificate | null {
    if (this.virtual) return null;
    const ring = this.model.ring(this.ringOwner, this.ringName);
    const conn = ring?.connections.find((c) => c.default);
    const cert = conn ? this.model.certificate(conn.owner, conn.label) : undefined;
    return cert?.status === "NOTRUST" ? cert : null;
  }

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
        gencertLike(userOwner(this.user), label, null, plusYear(this.req.at), this.model),
        connectCommand(this.ringOwner, this.ringName, userOwner(this.user), label, "PERSONAL", true),
        ...refreshCommands(model, ["DIGTRING", "DIGTCERT"]),
      ],
      notes: this.refreshNotes(),
    };
  }

  validAt(c: Certificate): boolean {
    return validAt(c, this.req.at);
  }
}
