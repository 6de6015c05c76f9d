/**
 * One reviewable batch job with the fixes of an audit.
 *
 * Order (safest first): trust changes (RACDCERT ALTER), new profiles, new connections,
 * permissions, class activation, then REMOVE before DELETE, and the SETROPTS refreshes last —
 * so that nothing an application still uses disappears before its replacement is in place, and
 * RACLISTed classes are refreshed once, after every change (rules §6: refresh DIGTCERT,
 * DIGTRING, FACILITY, RDATALIB after changes). Each command is preceded by a TSO comment naming
 * the finding(s) it fixes. Commands are laid out by the generator's SYSTSIN formatter
 * (src/gen/tso.ts: columns 1–71, `-` continuations).
 */
import { formatTsoCommand } from "../gen/tso.js";
import { commandProblem, commentText, UnsafeValueError } from "../racf/write.js";
import type { Finding } from "./types.js";

/** The activation the simulator proposes for RDATALIB (src/sim/commands.ts refreshCommands). */
const RDATALIB_ACTIVATION = "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)";

/**
 * Said above the activation, as the generated jobs say it (src/gen/commands.ts): ring-specific
 * checking is not a change to one ring (rules §1).
 */
const RDATALIB_ACTIVATION_NOTE =
  "CAUTION: activating RDATALIB switches ring-specific checking on for the whole system: every RDATALIB profile that already exists takes effect at once, for its rings' owners too (an owner a matching profile does not permit is locked out of its own ring). Before submitting, list them (SEARCH CLASS(RDATALIB), RLIST RDATALIB profile AUTHUSER) and make sure each grants what its ring's users need. The audit assumed RDATALIB inactive unless an input said otherwise: if it is already active and RACLISTed, replace the command below with SETROPTS RACLIST(RDATALIB) REFRESH.";

/**
 * Where a finding's evidence is, for a refusal message: the first source file and line, or the
 * finding's subject when the inputs gave none.
 */
function where(f: Finding): string {
  const e = f.evidence[0];
  return e ? `${e.file}:${e.line}` : `${f.rule} ${commentText(f.subject.id)}`;
}

/**
 * One spelling per command, so the same fix from two findings is written once: runs of blanks
 * outside quotes become one blank. Inside quotes nothing changes — two blanks in a label or a
 * ring name are part of the name.
 */
export function normaliseCommand(command: string): string {
  let out = "";
  let quoted = false;
  for (const ch of command.trim()) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (!out.endsWith(" ")) out += " ";
      continue;
    }
    out += ch;
  }
  return out;
}

/** Phase of a command in the job; lower runs first. */
export function commandPhase(command: string): number {
  const c = command.toUpperCase();
  if (/^RACDCERT\b.*\bALTER\(/.test(c)) return 0;
  if (/^RDEFINE\b/.test(c)) return 1;
  if (/^RACDCERT\b.*\b(ADD|GENCERT|CONNECT|ADDRING)\(/.test(c)) return 2;
  if (/^(PERMIT|PE|RALTER|RALT)\b/.test(c)) return 3;
  if (/^SETROPTS\b.*\bCLASSACT\(/.test(c)) return 4;
  if (/^RACDCERT\b.*\bREMOVE\(/.test(c)) return 5;
  if (/^RACDCERT\b.*\b(DELETE|DELRING)\b/.test(c)) return 6;
  if (/^SETROPTS\b.*\bREFRESH\b/.test(c)) return 7;
  return 2;
}

/** A TSO comment line: starts with a blank so it can never be read as a `/*` delimiter. */
function tsoComment(text: string, hang = ""): string[] {
  const clean = commentText(text);
  const width = 71 - " /*  */".length;
  const lines: string[] = [];
  let rest = clean;
  while (rest.length > 0) {
    const lead = lines.length === 0 ? "" : hang;
    const room = width - lead.length;
    let cut = rest.length <= room ? rest.length : rest.lastIndexOf(" ", room);
    if (cut <= 0) cut = room;
    lines.push(` /* ${(lead + rest.slice(0, cut).trimEnd()).padEnd(width)} */`);
    rest = rest.slice(cut).trimStart();
  }
  return lines;
}

/** `//*` comment lines, wrapped at column 71. */
function jclComment(text: string, hang = ""): string[] {
  const lines: string[] = [];
  let rest = commentText(text);
  while (rest.length > 0) {
    const lead = lines.length === 0 ? "//* " : `//* ${hang}`;
    const width = 71 - lead.length;
    let cut = rest.length <= width ? rest.length : rest.lastIndexOf(" ", width);
    if (cut <= 0) cut = width;
    lines.push(`${lead}${rest.slice(0, cut).trimEnd()}`);
    rest = rest.slice(cut).trimStart();
  }
  return lines.length > 0 ? lines : ["//*"];
}

export interface FixJclOptions {
  /** When the audit ran, for the header. */
  at: Date;
  jobName?: string;
  /**
   * Rules whose fixes are suggestions: their commands run only when another finding's fix
   * confirms them, otherwise they are written as comments. Default: the simulator's
   * (app-predicted-failure), whose fixes are chosen without an administrator's decision on
   * data set names, signers or which certificate to use.
   */
  tentativeRules?: readonly string[];
}

export interface FixJcl {
  text: string;
  /** Commands in the order written. */
  commands: string[];
  /** Findings whose fix needs a decision (no commands); listed in the job's header. */
  manual: Finding[];
  /** Commands only a tentative rule proposed, written as comments (not run). */
  suggested: string[];
}

export function buildFixJcl(findings: readonly Finding[], opts: FixJclOptions): FixJcl {
  const numbered = findings.map((f, i) => ({ f, n: i + 1 }));
  const tentative = new Set(opts.tentativeRules ?? ["app-predicted-failure"]);
  const byCommand = new Map<string, { command: string; phase: number; order: number; findings: number[] }>();
  let order = 0;
  const norm = normaliseCommand;
  for (const { f, n } of numbered) {
    if (tentative.has(f.rule)) continue;
    // A fix's own commands keep their order (GENREQ, GENCERT, then ALTER TRUST): a command
    // never moves before the one written ahead of it in the same fix.
    let floor = 0;
    for (const command of f.fix?.commands ?? []) {
      const problem = commandProblem(command);
      if (problem) {
        throw new UnsafeValueError(
          `${where(f)}: the fix for ${f.rule} cannot be written into a job: the command ${problem}`,
        );
      }
      const key = norm(command);
      const existing = byCommand.get(key);
      if (existing) {
        if (!existing.findings.includes(n)) existing.findings.push(n);
        floor = Math.max(floor, existing.phase);
        continue;
      }
      const phase = Math.max(floor, commandPhase(key));
      floor = phase;
      byCommand.set(key, { command: key, phase, order: order++, findings: [n] });
    }
  }
  // Tentative fixes: confirmed commands are credited, the rest become commented suggestions.
  const suggestions: { n: number; f: Finding; commands: string[] }[] = [];
  for (const { f, n } of numbered) {
    if (!tentative.has(f.rule)) continue;
    const own = (f.fix?.commands ?? []).map(norm);
    if (own.every((c) => byCommand.has(c))) {
      for (const c of own) byCommand.get(c)?.findings.push(n);
    } else suggestions.push({ n, f, commands: own });
  }
  // SETROPTS RACLIST(RDATALIB) builds the in-storage profiles from the database as it is after
  // every change above it, so a REFRESH of the same class after it would only repeat the work
  // (SETROPTS RACLIST/REFRESH, RACF Command Language Reference); its findings are credited to
  // the activation instead.
  const activation = byCommand.get(RDATALIB_ACTIVATION);
  const redundant = byCommand.get("SETROPTS RACLIST(RDATALIB) REFRESH");
  if (activation && redundant) {
    for (const n of redundant.findings) if (!activation.findings.includes(n)) activation.findings.push(n);
    byCommand.delete(redundant.command);
  }
  const planned = [...byCommand.values()].sort((a, b) => a.phase - b.phase || a.order - b.order);
  const manual = numbered.filter(({ f }) => !f.fix || f.fix.commands.length === 0);
  const job = (opts.jobName ?? "RACFFIX").toUpperCase().slice(0, 8);
  const lines: string[] = [
    `//${job.padEnd(8)} JOB (ACCT),'RACFRING AUDIT FIXES',CLASS=A,MSGCLASS=X,`,
    "//             NOTIFY=&SYSUID",
    "//*--------------------------------------------------------------------",
    ...jclComment(`Fixes proposed by racfring audit at ${opts.at.toISOString()}.`),
    ...jclComment(
      "REVIEW EVERY COMMAND BEFORE SUBMITTING. Order: ALTER, RDEFINE, CONNECT, PERMIT, CLASSACT, REMOVE, DELETE, then SETROPTS refreshes.",
    ),
    ...jclComment("IKJEFT01 returns only the last command's return code: check SYSTSPRT for every message."),
    "//*",
    ...jclComment("Findings:"),
  ];
  for (const { f, n } of numbered) {
    const how = suggestions.some((x) => x.n === n)
      ? " (suggestion, commented out at the end)"
      : f.fix && f.fix.commands.length > 0
        ? ""
        : " (manual, see below)";
    lines.push(...jclComment(`${n}. ${f.severity.toUpperCase()} ${f.rule} ${f.subject.id}${how}`, "   "));
  }
  if (manual.length > 0) {
    lines.push("//*", ...jclComment("Manual steps (need a decision; not in this job):"));
    for (const { f, n } of manual) lines.push(...jclComment(`${n}. ${f.fix?.summary ?? f.message}`, "   "));
  }
  lines.push(
    "//*--------------------------------------------------------------------",
    "//FIX      EXEC PGM=IKJEFT01,DYNAMNBR=20",
    "//SYSTSPRT DD SYSOUT=*",
    "//SYSTSIN  DD *",
  );
  if (planned.length === 0) lines.push(...tsoComment("No finding has a fix that can be run as a command."));
  for (const p of planned) {
    const which = [...p.findings]
      .sort((a, b) => a - b)
      .map((n) => {
        const f = numbered[n - 1]?.f;
        return f ? `${n}. ${f.rule}` : String(n);
      });
    if (p.command === RDATALIB_ACTIVATION) lines.push(...tsoComment(RDATALIB_ACTIVATION_NOTE, "  "));
    lines.push(...tsoComment(`fixes ${which.join(", ")}`));
    try {
      lines.push(...formatTsoCommand(p.command));
    } catch (e) {
      if (!(e instanceof UnsafeValueError)) throw e;
      const f = numbered[(p.findings[0] ?? 1) - 1]?.f;
      throw new UnsafeValueError(`${f ? `${where(f)}: ` : ""}${e.message}`);
    }
  }
  for (const sug of suggestions) {
    lines.push(
      ...tsoComment(
        `Suggested by ${sug.n}. ${sug.f.rule} ${sug.f.subject.id}, NOT RUN: check data set names, signer and certificate, then copy above the refreshes.`,
      ),
    );
    for (const c of sug.commands) lines.push(...tsoComment(`  ${c}`, "      "));
  }
  lines.push("/*", "");
  return {
    text: lines.join("\n"),
    commands: planned.map((p) => p.command),
    manual: manual.map((m) => m.f),
    suggested: suggestions.flatMap((x) => x.commands),
  };
}
