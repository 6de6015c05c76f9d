/**
 * The audit's vocabulary: rules, findings, applications and the report.
 *
 * Shaped after zlint (one rule per file, fixed severity, citation, "not evaluated" distinct
 * from "passed") and typescript-eslint (rule metadata that documentation and tests check).
 */
import type { RacfModel } from "../model/model.js";
import type { Confidence, InputIssue, Severity, Source } from "../model/types.js";

/**
 * Data a rule needs. The engine checks the global ones (marked *) before running a rule and
 * reports the rule "not evaluated" with the reason when they are missing; the per-item ones
 * are checked by the rule for each subject (a certificate without dates is "not evaluated"
 * for cert-expired, never "passed").
 */
export type Requirement =
  | "rings" // * at least one real key ring in the inputs
  | "certificates" // * at least one certificate in the inputs
  | "policy" // * an AT-TLS policy (--policy)
  | "jcl-text" // * the text of --jcl inputs (secrets are not kept in the model)
  | "rdatalib-profiles" // * RDATALIB profiles in the inputs
  | "facility-profiles" // * FACILITY IRR.DIGTCERT.* profiles in the inputs
  | "application-labels" // * at least one application that names a certificate label
  | "applications" // who opens which ring (--app, policy + STARTED, or the ring owner)
  | "dates" // certificate notBefore/notAfter
  | "private-key" // whether RACF holds a private key
  | "key-usage" // certificate key usage
  | "key-size" // key type and size
  | "signature-algorithm" // certificate signature algorithm
  | "distinguished-names"; // subject and issuer DNs

export type SubjectKind =
  | "ring"
  | "certificate"
  | "connection"
  | "profile"
  | "application"
  | "jcl"
  | "policy";

export interface Subject {
  kind: SubjectKind;
  id: string;
}

export interface Evidence {
  file: string;
  line: number;
}

export interface Fix {
  summary: string;
  /** Complete RACF/TSO commands, ready for a batch job; empty when the fix needs a decision. */
  commands: string[];
}

export interface RuleMeta {
  /** kebab-case, equal to the rule's file name. */
  id: string;
  /** Fixed: a rule reports at one severity only (zlint's e_/w_/n_ discipline). */
  severity: Severity;
  /** One sentence: what the rule finds. */
  description: string;
  /** Why it matters: what fails, and for whom. */
  rationale: string;
  /** IBM manual page, the rules (README) section, or field case the rule rests on. */
  source: string;
  confidence: Confidence;
  requires: Requirement[];
}

/** What a rule reports; the engine adds rule id, severity and confidence. */
export interface FindingDraft {
  subject: Subject;
  /** Ring the finding belongs to (`OWNER/NAME`), for grouping; null when none. */
  ring: string | null;
  message: string;
  evidence: Source[];
  fix: Fix | null;
  /**
   * A finding may rest on weaker ground than its rule (a simulated prediction marked
   * unconfirmed); never on stronger. The engine reports the weaker of the two.
   */
  confidence?: Confidence;
  /**
   * Lower than the rule's severity when the finding rests on facts the inputs do not show
   * (a predicted failure that an unknown could turn into success). Never higher.
   */
  severity?: Severity;
}

export interface NotEvaluatedDraft {
  subject: Subject | null;
  reason: string;
}

export interface RuleOutcome {
  findings: FindingDraft[];
  notEvaluated: NotEvaluatedDraft[];
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: AuditContext): RuleOutcome;
}

export interface Finding {
  rule: string;
  severity: Severity;
  confidence: Confidence;
  subject: Subject;
  ring: string | null;
  message: string;
  /** Input locations, at most MAX_EVIDENCE (the first ones, in the order the rule gave them). */
  evidence: Evidence[];
  /** Locations left out of `evidence` to keep a finding's size bounded (absent when none). */
  evidenceOmitted?: number;
  fix: Fix | null;
}

export interface NotEvaluated {
  rule: string;
  subject: Subject | null;
  reason: string;
}

/** Where the audit learned that an application opens a ring. */
export type ApplicationOrigin = "option" | "policy" | "ring-owner";

/** An application: a user id that opens a ring (optionally with a label). */
export interface Application {
  user: string;
  ring: { owner: string; name: string };
  label: string | null;
  role: "server" | "client" | null;
  /** Client authentication the server asks for; null/absent: not given (none assumed). */
  clientAuth?: "none" | "passthru" | "full" | "required" | null;
  origin: ApplicationOrigin;
  /** Human name: the policy rule, the --app value, or "owner of RING". */
  name: string;
  /** How the user id was found (STARTED profile, policy Userid, option…). */
  userFrom: string;
  /**
   * The STARTED profile the user id came from, when it did: its STDATA GROUP is the task's
   * current connect group, which decides group entries under NOGRPLIST (as in the simulator).
   */
  startedProfile?: string | null;
  evidence: Source[];
  /** Protocols and cipher suites from the policy, handed to the simulator. */
  protocols?: string[] | null;
  ciphers?: string[] | null;
}

/** An application's ring as an AT-TLS policy names it, before the user is resolved. */
export interface PolicyApplication {
  rule: string;
  jobname: string | null;
  userid: string | null;
  /** `OWNER/RING` as written, or a bare ring name (owner = the application's user). */
  keyring: string | null;
  label: string | null;
  role: "server" | "client" | null;
  evidence: Source[];
  /** Protocols the policy enables (for the simulator); null when not known. */
  protocols?: string[] | null;
  /** Cipher suites the policy lists (for the simulator); null when not known. */
  ciphers?: string[] | null;
}

/** A RACF command in a JCL input that carries a password literal (the literal is never kept). */
export interface JclSecret {
  file: string;
  line: number;
  /** RACDCERT function, e.g. EXPORT or ADD. */
  func: string;
  /** Certificate the command works on, as far as it can be told (`ID(X):label`). */
  target: string | null;
  /** The data set the command writes or reads. */
  dsn: string | null;
}

/** Result of the simulator for one application, reduced to what the report shows. */
export interface ApplicationResult {
  user: string;
  keyring: string;
  label: string | null;
  role: "server" | "client" | null;
  origin: ApplicationOrigin;
  name: string;
  userFrom: string;
  /** The task's current connect group when a STARTED profile's STDATA GROUP names one. */
  currentGroup?: string;
  /** Predicted System SSL return code; null when the simulator could not run. */
  rc: number | null;
  text: string;
  confidence: Confidence | null;
  fix: Fix | null;
  assumptions: string[];
  /** What the audit assumed about the application itself (role, client authentication). */
  assumed?: string[];
  /** The facts the inputs do not show that `rc` rests on (the simulator's conditions). */
  conditions?: { kind: string; text: string; decide: string[] }[];
  /** The other outcomes those conditions open. */
  outcomes?: { rc: number; text: string; condition: string; confidence: Confidence }[];
}

/** Everything a rule may look at. Pure data plus the model's lookups. */
export interface AuditContext {
  model: RacfModel;
  at: Date;
  expiryDays: number;
  applications: Application[];
  /** Simulator results, index-aligned with `applications`; empty when the simulator is absent. */
  simulations: ApplicationResult[];
  /** Policy applications, or null when no policy was given. */
  policy: PolicyApplication[] | null;
  /** Password literals found in --jcl inputs, or null when no JCL text was given. */
  jclSecrets: JclSecret[] | null;
}

export interface AuditSummary {
  at: string;
  rules: number;
  rings: number;
  certificates: number;
  applications: number;
  /** How applications were found, e.g. "policy + STARTED profiles", "ring owners (assumed)". */
  applicationsFrom: string;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings per rule id. */
  byRule: Record<string, number>;
  notEvaluated: number;
  /** Findings at or above the --fail-on threshold. */
  failing: number;
  failOn: Severity;
}

export interface AuditReport {
  findings: Finding[];
  applications: ApplicationResult[];
  notEvaluated: NotEvaluated[];
  summary: AuditSummary;
  /** Assumptions the model and the audit made (shown with the verdicts). */
  assumptions: string[];
  /** Rule metadata of the rules that ran, for SARIF and documentation. */
  rules: RuleMeta[];
  /**
   * The readers' issues (model.state.issues): an input with errors gives an incomplete model,
   * so the report says so next to its findings (the CLI also exits 3).
   */
  inputIssues: InputIssue[];
}
