/**
 * What lint-jcl keeps while it reads a deck: the issues found so far (Collector), what the jobs
 * linted together have done (DeckState), and the checks of single values every command shares
 * (user ids, labels, ring names, passwords). Sources are in lint.ts.
 */

import { truncate } from "../audit/format/safe-text.js";
import { MAX_LABEL, MAX_RING, USERID_RE } from "../model/model.js";
import { ISSUE_SEVERITY, type RacfIssue } from "../racf/issues.js";
import type { Keyword } from "../racf/parse.js";
import type { LintIssue } from "./types.js";

/** What a sequence of jobs has done so far (files linted together share it). */
export interface DeckState {
  labels: Set<string>;
  deletedLabels: Set<string>;
  /** Owners that got a certificate without WITHLABEL (RACF chose the label). */
  unknownLabelOwners: Set<string>;
  rings: Set<string>;
  deletedRings: Set<string>;
  profiles: Set<string>;
  deletedProfiles: Set<string>;
  raclisted: Set<string>;
  /** Class → last unrefreshed change. */
  pending: Map<string, { file: string; line: number; column: number; what: string }>;
}

export function newDeckState(): DeckState {
  return {
    labels: new Set(),
    deletedLabels: new Set(),
    unknownLabelOwners: new Set(),
    rings: new Set(),
    deletedRings: new Set(),
    profiles: new Set(),
    deletedProfiles: new Set(),
    raclisted: new Set(),
    pending: new Map(),
  };
}

export class Collector {
  readonly issues: LintIssue[] = [];
  constructor(readonly file: string) {}
  add(line: number, column: number, severity: LintIssue["severity"], code: string, message: string): void {
    this.issues.push({ file: this.file, line, column, severity, code, message });
  }
  fromReader(i: RacfIssue): void {
    // The same severity the model reader gives (src/racf/issues.ts ISSUE_SEVERITY).
    const severity = ISSUE_SEVERITY[i.code] ?? i.severity;
    if (severity === "info") return;
    this.add(i.line, i.column ?? 1, severity, i.code, i.message);
  }
}

export function checkUserId(
  c: Collector,
  value: { text: string; line: number; column: number },
  where: string,
): void {
  const up = value.text.toUpperCase();
  if (up === "*" || up.startsWith("&")) return;
  if (!USERID_RE.test(up)) {
    c.add(
      value.line,
      value.column,
      "error",
      "userid-invalid",
      `${where}: "${truncate(value.text)}" is not a user id (1–8 letters, digits, #, $ or @, not starting with a digit)`,
    );
  }
}

export function checkLabel(
  c: Collector,
  value: { text: string; line: number; column: number } | undefined,
  where: string,
): void {
  if (!value) return;
  if (value.text.length > MAX_LABEL) {
    c.add(
      value.line,
      value.column,
      "error",
      "label-too-long",
      `${where}: label is ${value.text.length} characters; labels are at most ${MAX_LABEL}`,
    );
  }
}

export function checkRing(
  c: Collector,
  value: { text: string; line: number; column: number } | undefined,
  where: string,
): void {
  if (!value || value.text === "*") return;
  if (value.text.length > MAX_RING) {
    c.add(
      value.line,
      value.column,
      "error",
      "ring-too-long",
      `${where}: ring name is ${value.text.length} characters; ring names are at most ${MAX_RING}`,
    );
  }
}

export function checkPassword(
  c: Collector,
  kw: Keyword | undefined,
  verb: string,
  symbols: ReadonlyMap<string, { value: string; line: number }>,
): void {
  if (!kw) return;
  const v = kw.values[0];
  if (!v) return;
  if (v.text.startsWith("&")) {
    // A JCL symbol (SYMBOLS=JCLONLY): the password is typed into the SET at submit time.
    const sym = symbols.get(v.text.slice(1).replace(/\.$/, "").toUpperCase());
    if (sym && sym.value !== "") {
      c.add(
        sym.line,
        1,
        "error",
        "password-in-clear",
        `${verb} ${kw.name}: the SET statement for &${v.text.slice(1)} holds the password in clear text (value not shown); leave it empty in the saved job`,
      );
    }
    return;
  }
  c.add(
    kw.line,
    kw.column,
    "error",
    "password-in-clear",
    `${verb} ${kw.name}: a password is written in clear text (value not shown); anyone who can read the job or its output can read it — use a JCL symbol set at submit time`,
  );
}

export function markChange(
  state: DeckState,
  cls: string,
  file: string,
  line: number,
  column: number,
  what: string,
): void {
  state.pending.set(cls, { file, line, column, what });
}
