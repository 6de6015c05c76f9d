import { MAX_LABEL, MAX_RING, USERID_RE } from "../../model/model.js";
import {
  ACCESS_ORDER,
  type AccessLevel,
  type Certificate,
  type Profile,
  type Severity,
  type Source,
} from "../../model/types.js";
import { type ReadContext, report, src } from "../../readers/context.js";
import type { Keyword, ParsedCommand, Value } from "../parse.js";

/**
 * What applying one input's commands shares: the read context, the job's user, state kept
 * across commands, and the operand checks every command uses.
 */

/** Data set names compare without quotes, in upper case. */
export function datasetKey(name: string): string {
  return name.replace(/^'|'$/g, "").toUpperCase();
}

/** State that lives for one input (generated labels are numbered per input). */
export class ApplyState {
  readonly ctx: ReadContext;

  readonly jobUser: string | null;

  generatedLabels = 0;

  /** Request data sets written by GENREQ in this input → the certificate whose key signed them. */
  readonly requests = new Map<string, Certificate>();

  /** RACLISTed class → line of its first change since the last SETROPTS RACLIST(...) REFRESH. */
  readonly unrefreshed = new Map<string, number>();

  /**
   * Class → its profiles as RACF last loaded them (at the first change after the last refresh),
   * kept only for `--assume-refreshed no`, to put back at the end of the input.
   */
  readonly inStorage = new Map<string, Profile[]>();

  /** Profiles a PERMIT assumed to exist (defined before this input): they exist either way. */
  readonly assumedProfiles = new Set<string>();

  source(line: number, column?: number): Source {
    return src(this.ctx, "jcl", line, column);
  }

  issue(line: number, code: string, message: string, severity: Severity = "warning", column?: number): void {
    report(this.ctx, line, code, message, severity, column);
  }

  /**
   * RACDCERT GENCERT/ADD for a label the owner already uses: RACF rejects the command (IBM RACF
   * Command Language Reference, RACDCERT: the label must be unique for the owner).
   */
  labelInUse(cmd: { line: number; column: number }, what: string, owner: string, label: string): void {
    this.issue(
      cmd.line,
      "label-in-use",
      `${what}: ${owner} already has a certificate labelled '${label}'; RACF rejects the command`,
      "error",
      cmd.column,
    );
  }

  /** A user id from a value: upper case, 1–8 characters of A–Z 0–9 # $ @, not starting with a digit. */
  userId(v: Value | undefined, what: string, line: number): string | null {
    if (!v || v.text === "") {
      this.issue(line, "missing-user-id", `${what}: no user id given; command skipped`, "error");
      return null;
    }
    const id = v.text.toUpperCase();
    if (id.length > 8) {
      this.issue(
        v.line,
        "user-id-too-long",
        `${what}: user id ${id} is ${id.length} characters; RACF user ids have 1–8; command skipped`,
        "error",
        v.column,
      );
      return null;
    }
    if (!USERID_RE.test(id)) {
      this.issue(
        v.line,
        "invalid-user-id",
        `${what}: ${id} is not a valid RACF user id (A–Z, 0–9, #, $, @; not starting with a digit); command skipped`,
        "error",
        v.column,
      );
      return null;
    }
    return id;
  }

  /** A certificate label: 1–32 characters, case kept (rules §6). */
  label(v: Value | undefined, what: string, line: number): string | null {
    if (!v || v.text === "") {
      this.issue(line, "missing-label", `${what}: no LABEL given; command skipped`, "error");
      return null;
    }
    if (v.text.length > MAX_LABEL) {
      this.issue(
        v.line,
        "label-too-long",
        `${what}: label '${v.text}' is ${v.text.length} characters; RACF labels have at most ${MAX_LABEL}; command skipped`,
        "error",
        v.column,
      );
      return null;
    }
    return v.text;
  }

  /** A ring name: 1–237 characters, case-sensitive (IBM KC21 icha700/tringp.htm). */
  ringName(v: Value | undefined, what: string, line: number): string | null {
    if (!v || v.text === "") {
      this.issue(line, "missing-ring", `${what}: no ring name given; command skipped`, "error");
      return null;
    }
    if (v.text.length > MAX_RING) {
      this.issue(
        v.line,
        "ring-name-too-long",
        `${what}: ring name is ${v.text.length} characters; at most ${MAX_RING}; command skipped`,
        "error",
        v.column,
      );
      return null;
    }
    return v.text;
  }

  accessLevel(v: Value | undefined, what: string): AccessLevel | null {
    if (!v) return null;
    const up = v.text.toUpperCase();
    const level = ACCESS_ORDER.find((a) => a === up);
    if (!level) {
      this.issue(
        v.line,
        "invalid-access",
        `${what}: ${up} is not an access level (${ACCESS_ORDER.join(", ")}); ignored`,
        "warning",
        v.column,
      );
      return null;
    }
    return level;
  }

  /** Refer to a user (implied if never defined). Ids that are groups are left alone. */
  refer(id: string, source: Source): void {
    if (id === "*" || this.ctx.model.group(id)) return;
    this.ctx.model.referUser(id, source);
  }

  secretFinding(cmd: ParsedCommand, kw: Keyword): void {
    // A JCL symbol (PASSWORD('&P12PW1') in a SYMBOLS=JCLONLY step) is substituted at submit
    // time: the job itself holds no password, so there is nothing to report.
    if (kw.values.every((v) => /^&[A-Z#$@][A-Z0-9#$@]{0,7}\.?$/i.test(v.text))) return;
    // The value is a secret: the message names the keyword only.
    this.issue(
      kw.line,
      "password-in-job",
      `${cmd.verb} ${kw.name}: a ${kw.name === "PHRASE" ? "password phrase" : "password"} is written in clear text in the job (value not shown); anyone who can read the job or its output can read it`,
      "warning",
      kw.column,
    );
  }

  nextLabel(line: number): string {
    this.generatedLabels++;
    const label = `LABEL${String(this.generatedLabels).padStart(8, "0")}`;
    this.ctx.model.assume(
      "RACDCERT without WITHLABEL: RACF generates a label LABELnnnnnnnn from a counter racfring cannot know; racfring numbered them from 1 per input",
      this.source(line),
    );
    return label;
  }

  /** Look up a data set the user mapped with --dataset (TSO prefixes unquoted names with the user id). */
  dataset(v: Value | undefined): { name: string; data: Uint8Array; file: string } | null {
    if (!v) return null;
    const name = v.text.replace(/^'|'$/g, "").toUpperCase();
    const direct = this.ctx.datasets.get(name);
    if (direct) return { name, data: direct.data, file: direct.file };
    if (!v.quoted) {
      // TSO adds the user's prefix to an unquoted name: accept a mapping for PREFIX.name.
      for (const [dsn, f] of this.ctx.datasets)
        if (dsn.endsWith(`.${name}`)) return { name: dsn, data: f.data, file: f.file };
    }
    return null;
  }

  constructor(ctx: ReadContext, jobUser: string | null) {
    this.ctx = ctx;
    this.jobUser = jobUser;
  }
}
