/**
 * lint-jcl: checks a RACF batch job or TSO command deck before it is submitted.
 *
 * Pure: text in, located issues out. The commands are found, tokenized and parsed by the RACF
 * command reader's own layers (src/racf: splitInput, tokenizeLines, parseCommand), so lint and
 * the reader can never disagree about what a job contains. Raw-line checks (JCL statements,
 * columns) are in jcl-statements.ts.
 *
 * Rules and sources:
 * - TSO continuation (`-`/`+` as the last non-blank character) and columns 1–72 of SYSTSIN,
 *   73–80 ignored: rules §6, IBM "SYSTSIN DD statement".
 * - Labels 1–32, user ids 1–8, ring names 1–237: rules §6, IBM KC21 icha700/tringp.htm.
 * - Keywords valid per RACDCERT function: IBM RACF Command Language Reference, one page per
 *   function (le-gencert.htm, le-add.htm, le-connect.htm, le-alter.htm, le-genreq.htm...).
 * - Refresh after changes to RACLISTed classes: rules §6 (le-addring.htm, Zowe).
 * - Rings belong to users, never CERTAUTH/SITE: IBM message IRRD120I.
 */

import { truncate } from "../audit/format/safe-text.js";
import type { Severity } from "../model/types.js";
import { dateOperand } from "../racf/apply/gencert.js";
import { ISSUE_SEVERITY, type RacfIssue } from "../racf/issues.js";
import { type CommandBlock, physicalLines, splitInput } from "../racf/jcl.js";
import { lookupKeyword, lookupVerb } from "../racf/keywords.js";
import { type Keyword, keyword, type ParsedCommand, parseCommand } from "../racf/parse.js";
import { notRefreshed } from "../racf/refresh.js";
import { type TsoCommand, tokenizeLines } from "../racf/tokenizer.js";
import { displayControlIssues } from "../readers/display-controls.js";
import { scanJcl } from "./jcl-statements.js";
import type { LintIssue, LintResult } from "./types.js";

export { formatLintIssue, type LintIssue, type LintResult } from "./types.js";

/** RACDCERT functions and the options each accepts besides the owner (ID/CERTAUTH/SITE). null = not checked. */
const FUNCTION_OPTIONS: Record<string, readonly string[] | null> = {
  GENCERT: [
    "SUBJECTSDN",
    "ALTNAME",
    "SIZE",
    "RSA",
    "NISTECC",
    "BPECC",
    "DSA",
    "PKDS",
    "ICSF",
    "PCICC",
    "TKDS",
    "FROMICSF",
    "NOTBEFORE",
    "NOTAFTER",
    "KEYUSAGE",
    "SIGNWITH",
    "WITHLABEL",
  ],
  ADD: ["TRUST", "NOTRUST", "HIGHTRUST", "WITHLABEL", "PASSWORD", "PKDS", "ICSF", "TKDS"],
  ALTER: ["TRUST", "NOTRUST", "HIGHTRUST", "NEWLABEL"],
  GENREQ: ["DSN"],
  EXPORT: ["DSN", "FORMAT", "PASSWORD", "ENCRYPTALG", "PBESTRONGER"],
  REKEY: ["SIZE", "RSA", "NISTECC", "BPECC", "DSA", "PKDS", "ICSF", "PCICC", "TKDS", "WITHLABEL"],
  ROLLOVER: ["NEWLABEL"],
  CHECKCERT: ["PASSWORD"],
  ADDRING: [],
  DELRING: [],
  LISTRING: [],
  CONNECT: [],
  REMOVE: [],
  DELETE: [],
  LIST: [],
  LISTCHAIN: [],
  IMPORT: null,
  BIND: null,
  UNBIND: null,
  ADDTOKEN: null,
  DELTOKEN: null,
  LISTTOKEN: null,
  MAP: null,
  ALTMAP: null,
  DELMAP: null,
  LISTMAP: null,
};
const OWNER_KEYWORDS = new Set(["ID", "CERTAUTH", "SITE"]);

/** Functions that change certificates (DIGTCERT) or rings (DIGTRING). */
const CHANGES: Record<string, readonly string[]> = {
  ADD: ["DIGTCERT"],
  ALTER: ["DIGTCERT"],
  GENCERT: ["DIGTCERT"],
  REKEY: ["DIGTCERT"],
  IMPORT: ["DIGTCERT"],
  DELETE: ["DIGTCERT", "DIGTRING"],
  ROLLOVER: ["DIGTCERT", "DIGTRING"],
  ADDRING: ["DIGTRING"],
  DELRING: ["DIGTRING"],
  CONNECT: ["DIGTRING"],
  REMOVE: ["DIGTRING"],
};

/**
 * Classes that are RACLISTed wherever they are used for key rings: FACILITY (RACDCERT and
 * R_datalib authorisation), RDATALIB (ring-specific checking works only RACLISTed, KC24
 * dlibauth.htm), STARTED. A change without a refresh is not in effect: an error. DIGTCERT and
 * DIGTRING are RACLISTed at many sites but not all: a warning.
 */
const ALWAYS_RACLISTED = new Set(["FACILITY", "RDATALIB", "STARTED"]);
const OFTEN_RACLISTED = new Set(["DIGTCERT", "DIGTRING", "DIGTNMAP", "CSFKEYS", "CRYPTOZ", "SERVAUTH"]);

const USERID_RE = /^[A-Z#$@][A-Z0-9#$@]{0,7}$/;

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

class Collector {
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

function ownerOf(cmd: ParsedCommand): string {
  const id = keyword(cmd.keywords, "ID")?.values[0]?.text;
  if (id) return `ID(${id.toUpperCase()})`;
  if (keyword(cmd.keywords, "CERTAUTH")) return "CERTAUTH";
  if (keyword(cmd.keywords, "SITE")) return "SITE";
  return "ID(*)"; // the issuer's own user id, unknown from the deck
}

function checkUserId(
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

function checkLabel(
  c: Collector,
  value: { text: string; line: number; column: number } | undefined,
  where: string,
): void {
  if (!value) return;
  if (value.text.length > 32) {
    c.add(
      value.line,
      value.column,
      "error",
      "label-too-long",
      `${where}: label is ${value.text.length} characters; labels are at most 32`,
    );
  }
}

function checkRing(
  c: Collector,
  value: { text: string; line: number; column: number } | undefined,
  where: string,
): void {
  if (!value || value.text === "*") return;
  if (value.text.length > 237) {
    c.add(
      value.line,
      value.column,
      "error",
      "ring-too-long",
      `${where}: ring name is ${value.text.length} characters; ring names are at most 237`,
    );
  }
}

function checkPassword(
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

function markChange(
  state: DeckState,
  cls: string,
  file: string,
  line: number,
  column: number,
  what: string,
): void {
  state.pending.set(cls, { file, line, column, what });
}

function lintRacdcert(
  c: Collector,
  cmd: ParsedCommand,
  state: DeckState,
  symbols: ReadonlyMap<string, { value: string; line: number }>,
): void {
  const functions = cmd.keywords.filter((k) => k.name in FUNCTION_OPTIONS);
  const owners = cmd.keywords.filter((k) => OWNER_KEYWORDS.has(k.name));
  if (functions.length > 1) {
    const second = functions[1] as Keyword;
    c.add(
      second.line,
      second.column,
      "error",
      "racdcert-functions",
      `RACDCERT takes one function; found ${functions.map((f) => f.name).join(" and ")}`,
    );
  }
  if (owners.length > 1) {
    const second = owners[1] as Keyword;
    c.add(
      second.line,
      second.column,
      "error",
      "racdcert-owners",
      `RACDCERT takes one of ID(), CERTAUTH or SITE; found ${owners.map((o) => o.name).join(" and ")}`,
    );
  }
  const idv = keyword(cmd.keywords, "ID")?.values[0];
  if (idv) checkUserId(c, idv, "RACDCERT ID");
  const fn = functions[0]?.name ?? "LIST";
  const fnKw = functions[0];
  const allowed = FUNCTION_OPTIONS[fn];
  if (allowed) {
    for (const k of cmd.keywords) {
      if (k === fnKw || OWNER_KEYWORDS.has(k.name) || k.name in FUNCTION_OPTIONS) continue;
      if (!allowed.includes(k.name)) {
        c.add(
          k.line,
          k.column,
          "error",
          "keyword-not-valid",
          `${k.name} is not valid with RACDCERT ${fn}${allowed.length > 0 ? ` (valid: ${allowed.join(" ")})` : ""}`,
        );
      }
    }
  }
  const owner = ownerOf(cmd);
  const line = cmd.line;
  const col = cmd.column;
  for (const cls of CHANGES[fn] ?? []) markChange(state, cls, c.file, line, col, `RACDCERT ${fn}`);
  checkPassword(c, keyword(cmd.keywords, "PASSWORD"), `RACDCERT ${fn}`, symbols);
  checkLabel(c, keyword(cmd.keywords, "WITHLABEL")?.values[0], `RACDCERT ${fn} WITHLABEL`);
  checkLabel(c, keyword(cmd.keywords, "NEWLABEL")?.values[0], `RACDCERT ${fn} NEWLABEL`);
  if (fnKw) {
    checkLabel(c, keyword(fnKw.sub, "LABEL")?.values[0], `RACDCERT ${fn} LABEL`);
  }
  const signwith = keyword(cmd.keywords, "SIGNWITH");
  if (signwith) checkLabel(c, keyword(signwith.sub, "LABEL")?.values[0], "RACDCERT GENCERT SIGNWITH LABEL");

  if (fn === "GENCERT") {
    // The reader's own date and time checks (30 February, TIME(24:00:00), years out of range):
    // lint-jcl gives the verdict model --jcl gives (issue 9, item 8).
    const sink = {
      issue: (l: number, code: string, message: string, severity: Severity = "warning", column?: number) =>
        c.add(l, column ?? 1, severity, code, message),
    };
    for (const k of ["NOTBEFORE", "NOTAFTER"])
      dateOperand(sink, keyword(cmd.keywords, k), "RACDCERT GENCERT");
  }
  if (fn === "GENCERT" && !keyword(cmd.keywords, "WITHLABEL") && !fnKw?.values.length) {
    c.add(
      line,
      col,
      "warning",
      "no-withlabel",
      "RACDCERT GENCERT without WITHLABEL: RACF makes up a label, which later CONNECT commands cannot know",
    );
  }
  switch (fn) {
    case "GENCERT":
    case "ADD":
    case "REKEY": {
      const label = keyword(cmd.keywords, "WITHLABEL")?.values[0]?.text;
      if (label !== undefined) {
        state.labels.add(`${owner}|${label}`);
        state.deletedLabels.delete(`${owner}|${label}`);
      } else state.unknownLabelOwners.add(owner);
      break;
    }
    case "ALTER": {
      const nl = keyword(cmd.keywords, "NEWLABEL")?.values[0]?.text;
      if (nl !== undefined) state.labels.add(`${owner}|${nl}`);
      break;
    }
    case "DELETE": {
      const label = fnKw ? keyword(fnKw.sub, "LABEL")?.values[0]?.text : undefined;
      if (label !== undefined) {
        state.labels.delete(`${owner}|${label}`);
        state.deletedLabels.add(`${owner}|${label}`);
      }
      break;
    }
    case "ADDRING":
    case "DELRING": {
      const ring = fnKw?.values[0];
      checkRing(c, ring, `RACDCERT ${fn}`);
      if (owner === "CERTAUTH" || owner === "SITE") {
        c.add(
          line,
          col,
          "error",
          "ring-owner",
          `RACDCERT ${fn}: key rings belong to users, never to ${truncate(owner)} (IBM message IRRD120I)`,
        );
      }
      if (ring) {
        const key = `${owner}|${ring.text}`;
        if (fn === "ADDRING") {
          state.rings.add(key);
          state.deletedRings.delete(key);
        } else {
          state.rings.delete(key);
          state.deletedRings.add(key);
        }
      }
      break;
    }
    case "LISTRING":
      checkRing(c, fnKw?.values[0], "RACDCERT LISTRING");
      break;
    case "CONNECT":
    case "REMOVE": {
      if (!fnKw) break;
      const ring = keyword(fnKw.sub, "RING")?.values[0];
      const labelV = keyword(fnKw.sub, "LABEL")?.values[0];
      checkRing(c, ring, `RACDCERT ${fn} RING`);
      const innerId = keyword(fnKw.sub, "ID")?.values[0];
      if (innerId) checkUserId(c, innerId, `RACDCERT ${fn} ID`);
      if (!ring)
        c.add(
          fnKw.line,
          fnKw.column,
          "error",
          "connect-missing-ring",
          `RACDCERT ${fn} needs RING(ring-name)`,
        );
      if (!labelV && !keyword(fnKw.sub, "SERIALNUMBER")) {
        c.add(
          fnKw.line,
          fnKw.column,
          "error",
          "connect-missing-label",
          `RACDCERT ${fn} needs LABEL('label') to name the certificate`,
        );
      }
      const usage = keyword(fnKw.sub, "USAGE")?.values[0];
      if (usage && !["PERSONAL", "CERTAUTH", "SITE"].includes(usage.text.toUpperCase())) {
        c.add(
          usage.line,
          usage.column,
          "error",
          "bad-usage",
          `USAGE(${truncate(usage.text)}) is not PERSONAL, CERTAUTH or SITE`,
        );
      }
      if (fn !== "CONNECT") break;
      const certOwner = innerId
        ? `ID(${innerId.text.toUpperCase()})`
        : keyword(fnKw.sub, "CERTAUTH")
          ? "CERTAUTH"
          : keyword(fnKw.sub, "SITE")
            ? "SITE"
            : owner;
      if (labelV && !state.unknownLabelOwners.has(certOwner) && !state.unknownLabelOwners.has("ID(*)")) {
        const key = `${certOwner}|${labelV.text}`;
        if (state.deletedLabels.has(key)) {
          c.add(
            labelV.line,
            labelV.column,
            "error",
            "connect-deleted-label",
            `CONNECT of ${truncate(certOwner)} '${truncate(labelV.text)}', which this deck deleted earlier`,
          );
        } else if (!state.labels.has(key)) {
          c.add(
            labelV.line,
            labelV.column,
            "warning",
            "connect-unknown-label",
            `CONNECT of ${truncate(certOwner)} '${truncate(labelV.text)}', which this deck never creates (GENCERT/ADD WITHLABEL); make sure it exists before the job runs`,
          );
        }
      }
      if (ring?.text === "*") {
        // A user's virtual ring (IBM KC21 icha700/uvkr.htm) holds every certificate the user
        // owns; it cannot be changed, so RACF rejects the CONNECT.
        c.add(
          ring.line,
          ring.column,
          "error",
          "connect-virtual-ring",
          "RING(*) is a virtual key ring (every certificate its owner owns) and cannot be connected to; ADDRING a real ring and connect to it",
        );
      } else if (ring) {
        const key = `${owner}|${ring.text}`;
        if (state.deletedRings.has(key)) {
          c.add(
            ring.line,
            ring.column,
            "error",
            "connect-deleted-ring",
            `CONNECT to ring ${truncate(ring.text)} of ${truncate(owner)}, which this deck deleted earlier`,
          );
        } else if (!state.rings.has(key)) {
          c.add(
            ring.line,
            ring.column,
            "warning",
            "connect-unknown-ring",
            `CONNECT to ring ${truncate(ring.text)} of ${truncate(owner)}, which this deck never adds (ADDRING); make sure it exists (ring names are case-sensitive)`,
          );
        }
      }
      break;
    }
    default:
      break;
  }
}

function lintCommand(
  c: Collector,
  cmd: ParsedCommand,
  state: DeckState,
  symbols: ReadonlyMap<string, { value: string; line: number }>,
): void {
  switch (cmd.verb) {
    case "RACDCERT":
      lintRacdcert(c, cmd, state, symbols);
      break;
    case "ADDUSER":
    case "ALTUSER":
    case "DELUSER":
      for (const v of cmd.positionals[0] ?? []) checkUserId(c, v, cmd.verb);
      checkPassword(c, keyword(cmd.keywords, "PASSWORD"), cmd.verb, symbols);
      checkPassword(c, keyword(cmd.keywords, "PHRASE"), cmd.verb, symbols);
      break;
    case "RDEFINE":
    case "RALTER":
    case "RDELETE": {
      const cls = cmd.positionals[0]?.[0]?.text.toUpperCase();
      if (!cls) break;
      for (const p of cmd.positionals[1] ?? []) {
        const key = `${cls}|${p.text}`;
        if (cmd.verb === "RDEFINE") {
          state.profiles.add(key);
          state.deletedProfiles.delete(key);
        } else if (cmd.verb === "RDELETE") {
          state.profiles.delete(key);
          state.deletedProfiles.add(key);
        }
      }
      markChange(state, cls, c.file, cmd.line, cmd.column, cmd.verb);
      break;
    }
    case "PERMIT": {
      const cls = keyword(cmd.keywords, "CLASS")?.values[0]?.text.toUpperCase();
      for (const v of keyword(cmd.keywords, "ID")?.values ?? []) checkUserId(c, v, "PERMIT ID");
      if (!cls) break; // data set profiles: not RACLISTed
      markChange(state, cls, c.file, cmd.line, cmd.column, "PERMIT");
      if (keyword(cmd.keywords, "DELETE") || keyword(cmd.keywords, "RESET")) break;
      for (const p of cmd.positionals[0] ?? []) {
        const key = `${cls}|${p.text}`;
        if (state.deletedProfiles.has(key)) {
          c.add(
            p.line,
            p.column,
            "error",
            "permit-deleted-profile",
            `PERMIT to ${truncate(cls)} ${truncate(p.text)}, which this deck deleted earlier (RDELETE)`,
          );
        } else if (!state.profiles.has(key) && cls === "FACILITY" && p.text.startsWith("IRR.DIGTCERT.")) {
          // The IRR.DIGTCERT.* FACILITY profiles are shared by everything that uses RACDCERT and
          // R_datalib; a job that adds access should not define them (a new discrete profile
          // would take over from a site's generic one), so this is a reminder, not a defect.
          c.add(
            p.line,
            p.column,
            "info",
            "permit-shared-profile",
            `PERMIT to ${truncate(cls)} ${truncate(p.text)}, a shared profile this deck does not define: check that it exists (RLIST ${truncate(cls)} ${truncate(p.text)}); without one the PERMIT fails (ICH06004I)`,
          );
        } else if (!state.profiles.has(key)) {
          c.add(
            p.line,
            p.column,
            "warning",
            "permit-undefined-profile",
            `PERMIT to ${truncate(cls)} ${truncate(p.text)}, which this deck never defines (RDEFINE); without a profile the PERMIT fails (ICH06004I)`,
          );
        }
      }
      break;
    }
    case "SETROPTS": {
      const raclist = keyword(cmd.keywords, "RACLIST");
      const refresh = keyword(cmd.keywords, "REFRESH");
      for (const v of raclist?.values ?? []) {
        const cls = v.text.toUpperCase();
        // RACLIST (first time) loads the current profiles; REFRESH reloads them.
        state.pending.delete(cls);
        if (!refresh) state.raclisted.add(cls);
        else state.raclisted.add(cls);
      }
      break;
    }
    default:
      break;
  }
}

/**
 * A command line followed by a line that cannot start a command but fits the previous command:
 * the continuation mark is missing, so TSO runs the second line as a command of its own.
 */
function checkContinuation(
  c: Collector,
  prev: TsoCommand,
  next: TsoCommand,
  prevParsed: ParsedCommand | null,
): void {
  if (next.line !== prev.endLine + 1) return;
  const head = next.tokens[0];
  if (head?.kind !== "word") {
    c.add(
      prev.endLine,
      1,
      "error",
      "missing-continuation",
      `line ${next.line} does not start with a command: line ${prev.endLine} probably lacks its continuation mark ("-" or "+" as the last character)`,
    );
    return;
  }
  if (lookupVerb(head.value)) return;
  const table = prevParsed?.spec.keywords ?? null;
  const fits = table ? lookupKeyword(table, head.value).kind === "found" : false;
  // A previous command left with an open parenthesis or quote (the tokenizer said so) followed
  // by a line that is no command is the same mistake.
  if (fits || head.column > 1 || !prev.ok) {
    const verb = prevParsed?.verb ?? lookupVerb(prev.tokens[0]?.value ?? "")?.name ?? "command";
    c.add(
      prev.endLine,
      1,
      "error",
      "missing-continuation",
      `line ${prev.endLine} ends the ${verb} without "-" or "+", so line ${next.line} (${truncate(head.value.toUpperCase())}...) becomes a separate command; add " -" at the end of line ${prev.endLine}`,
    );
  }
}

function lintBlock(
  c: Collector,
  block: CommandBlock,
  state: DeckState,
  symbols: ReadonlyMap<string, { value: string; line: number }>,
): void {
  const tok = tokenizeLines(block.lines);
  for (const i of tok.issues) c.fromReader(i);
  let prev: TsoCommand | null = null;
  let prevParsed: ParsedCommand | null = null;
  for (const cmd of tok.commands) {
    const parsed = parseCommand(cmd);
    if (prev) checkContinuation(c, prev, cmd, prevParsed);
    const continuationProblem = c.issues.some(
      (i) => i.code === "missing-continuation" && i.line === prev?.endLine,
    );
    for (const i of parsed.issues) {
      // The missing continuation already explains an unknown command on the next line.
      if (continuationProblem && i.code === "unknown-command" && i.line === cmd.line) continue;
      c.fromReader(i);
    }
    if (parsed.command) lintCommand(c, parsed.command, state, symbols);
    prev = cmd;
    prevParsed = parsed.command;
  }
}

/**
 * A message quotes input tokens; the checks here truncate them to 200 characters. Whatever a
 * reader quoted is cut too: a word past 300 characters (longer than any already-truncated token
 * with its quotes) is truncated, and no message passes 2,000 (a 20 MB line must not be printed
 * back).
 */
function capMessage(message: string): string {
  return truncate(
    message.replace(/\S{301,}/g, (w) => truncate(w)),
    2000,
  );
}

/** Column checks on the raw lines of SYSTSIN data (or of a whole deck). */
function columnChecks(c: Collector, lines: readonly string[], which: Iterable<number>, deck: boolean): void {
  const variableLength = lines.some((l) => l.length > 80);
  for (const n of which) {
    const raw = lines[n - 1] ?? "";
    const tab = raw.indexOf("\t");
    if (tab >= 0) {
      // TSO/E reads SYSTSIN records as they are: a tab is one data byte (X'05' in EBCDIC), not
      // spaces, so the columns the editor showed are not the record's columns and the tab
      // ends up inside operands (IBM "SYSTSIN DD statement"; rules §6).
      c.add(
        n,
        tab + 1,
        "warning",
        "tab-in-data",
        "tab character in SYSTSIN data: TSO reads it as a data byte, not as blanks, so the columns shift; replace tabs with blanks",
      );
    }
    if (raw.length > 71 && raw.charAt(71) !== " " && raw.slice(71, 72) !== "") {
      c.add(n, 72, "warning", "column-72", "column 72 is not blank; keep commands within columns 1–71");
    }
    // A deck whose lines all fit in 80 columns is read as 80-byte records: the reader itself
    // reports text in columns 73–80 (beyond-column-72). A deck with longer lines is kept whole
    // (variable length), but the same text is lost once the deck goes into an FB 80 data set.
    if (deck && variableLength && raw.length > 72 && !/^\s*\d+\s*$/.test(raw.slice(72))) {
      c.add(
        n,
        73,
        "warning",
        "beyond-column-72",
        'text past column 72 is lost when this deck is put into an 80-byte data set (columns 73–80 are the sequence number field); split the command with "-"',
      );
    }
  }
}

/** Lint several files as one sequence of jobs (a label created in one may be connected in the next). */
export function lintFiles(inputs: readonly { text: string; file: string }[]): LintResult[] {
  const state = newDeckState();
  const results: { result: LintResult; c: Collector }[] = [];
  for (const input of inputs) {
    const c = new Collector(input.file);
    const split = splitInput(input.text);
    const lines = physicalLines(input.text);
    for (const i of split.issues) c.fromReader(i);
    for (const i of displayControlIssues(input.text, input.file)) c.fromReader(i);
    let symbols = new Map<string, { value: string; line: number }>();
    if (split.kind === "jcl") {
      const scan = scanJcl(lines, input.file, new Set(split.blocks.map((b) => b.ddLine)));
      c.issues.push(...scan.issues);
      symbols = scan.symbols;
      columnChecks(c, lines, scan.dataLines, false);
    } else {
      columnChecks(
        c,
        lines,
        lines.map((_, i) => i + 1),
        true,
      );
    }
    for (const block of split.blocks) lintBlock(c, block, state, symbols);
    results.push({ result: { file: input.file, issues: c.issues, errors: 0, warnings: 0 }, c });
  }
  // Changes still waiting for a refresh at the end of the sequence.
  for (const [cls, where] of state.pending) {
    const severity =
      ALWAYS_RACLISTED.has(cls) || state.raclisted.has(cls)
        ? "error"
        : OFTEN_RACLISTED.has(cls)
          ? "warning"
          : null;
    if (!severity) continue;
    const target = results.find((r) => r.result.file === where.file) ?? results[results.length - 1];
    target?.c.add(
      where.line,
      where.column,
      severity,
      "missing-refresh",
      severity === "error"
        ? `${where.what} changes class ${truncate(cls)}, but ${notRefreshed(truncate(cls))}`
        : `${where.what} changes class ${truncate(cls)}; if ${truncate(cls)} is RACLISTed, ${notRefreshed(truncate(cls))}`,
    );
  }
  return results.map(({ result, c }) => {
    const seen = new Set<string>();
    const issues = c.issues
      .map((i) => ({ ...i, message: capMessage(i.message) }))
      .filter((i) => {
        const k = `${i.line}:${i.column}:${i.code}:${i.message}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
    return {
      file: result.file,
      issues,
      errors: issues.filter((i) => i.severity === "error").length,
      warnings: issues.filter((i) => i.severity === "warning").length,
    };
  });
}

/**
 * Lint one JCL job or TSO command deck. Pure; never throws on bad input.
 * @example lintJcl(readFileSync("setup.jcl", "utf8"), "setup.jcl").errors === 0
 */
export function lintJcl(text: string, file: string): LintResult {
  const [result] = lintFiles([{ text, file }]);
  return result ?? { file, issues: [], errors: 0, warnings: 0 };
}
