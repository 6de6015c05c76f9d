/**
 * Plain-text report for a terminal or a log: findings grouped by ring, applications with their
 * predicted return codes, what could not be evaluated, and the counts last. ANSI colours only
 * when asked (the CLI asks when stdout is a TTY).
 */
import { deckLines } from "../../gen/tso.js";
import { formatIssue } from "../../model/format-issue.js";
import type { Severity } from "../../model/types.js";
import type { AuditReport, Finding } from "../types.js";
import { neutraliseDeep } from "./safe-text.js";

const COLOURS: Record<Severity | "dim" | "bold" | "ok", string> = {
  error: "\u001b[31m",
  warning: "\u001b[33m",
  info: "\u001b[36m",
  dim: "\u001b[2m",
  bold: "\u001b[1m",
  ok: "\u001b[32m",
};
const RESET = "\u001b[0m";

export interface TextOptions {
  colour: boolean;
}

export function formatText(input: AuditReport, opts: TextOptions): string {
  // Every string of the report may come from an input (labels, ring names, file names,
  // messages quoting them): control characters are made visible before anything is printed,
  // so the only escape sequences in the output are the colours below.
  const report = neutraliseDeep(input);
  const inputErrors = report.inputIssues.filter((i) => i.severity === "error").length;
  const paint = (style: keyof typeof COLOURS, text: string) =>
    opts.colour ? `${COLOURS[style]}${text}${RESET}` : text;
  const out: string[] = [];
  const s = report.summary;
  out.push(
    paint("bold", `racfring audit at ${s.at}`) +
      ` — ${s.rings} ring(s), ${s.certificates} certificate(s), ${s.applications} application(s) from ${s.applicationsFrom}`,
    "",
  );
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = f.ring ?? "";
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
  for (const key of keys) {
    out.push(paint("bold", key === "" ? "Not tied to a ring" : `Ring ${key}`));
    for (const f of groups.get(key) ?? []) {
      const sev = f.severity.toUpperCase().padEnd(7);
      out.push(
        `  ${paint(f.severity, sev)} ${f.rule}  ${paint("dim", `[${f.confidence}] ${f.subject.kind} ${f.subject.id}`)}`,
      );
      out.push(`          ${f.message}`);
      if (f.evidence.length > 0)
        out.push(
          `          at ${f.evidence.map((e) => (e.line > 0 ? `${e.file}:${e.line}` : e.file)).join(", ")}${f.evidenceOmitted ? ` and ${f.evidenceOmitted} more location(s)` : ""}`,
        );
      if (f.fix) {
        out.push(`          fix: ${f.fix.summary}`);
        // In deck form (columns 1–71, `-` continuations) at column 1, so the lines paste into a job.
        for (const c of f.fix.commands) out.push(...deckLines(c));
      }
    }
    out.push("");
  }
  if (report.findings.length === 0)
    out.push(
      // "No findings" on an input that could not be read would be a false all-clear.
      inputErrors > 0
        ? paint("error", "No findings in what could be read; the inputs have errors (see Input issues).")
        : paint("ok", "No findings."),
      "",
    );
  if (report.applications.length > 0) {
    out.push(paint("bold", "Applications (predicted System SSL return code)"));
    for (const a of report.applications) {
      const rc = a.rc === null ? "rc ?" : `rc ${a.rc}`;
      const style = a.rc === null ? "dim" : a.rc === 0 ? "ok" : "error";
      out.push(
        `  ${a.user.padEnd(8)} ${a.keyring}${a.label ? ` label '${a.label}'` : ""}  ${paint(style, rc)} ${a.text}` +
          `${a.confidence ? ` [${a.confidence}]` : ""}`,
      );
      out.push(
        `           ${paint("dim", `${a.name}; user from ${a.userFrom}${a.currentGroup ? `; current group ${a.currentGroup} (STARTED STDATA GROUP)` : ""}`)}`,
      );
      if ((a.assumed ?? []).length > 0)
        out.push(`           ${paint("dim", `assumed: ${(a.assumed ?? []).join(", ")}`)}`);
      for (const c of a.conditions ?? []) out.push(`           if ${c.text}`);
      for (const o of a.outcomes ?? [])
        out.push(`           otherwise rc ${o.rc} ${o.text} if ${o.condition} [${o.confidence}]`);
      // The model's own assumptions are listed once at the end; show only this application's.
      for (const assumption of a.assumptions.filter(
        (x) => !report.assumptions.some((r) => r.startsWith(x)),
      )) {
        out.push(`           ${paint("dim", `assumes: ${assumption}`)}`);
      }
    }
    out.push("");
  }
  if (report.notEvaluated.length > 0) {
    out.push(paint("bold", `Not evaluated (${report.notEvaluated.length})`));
    for (const n of report.notEvaluated)
      out.push(`  ${n.rule}${n.subject ? ` ${n.subject.id}` : ""}: ${n.reason}`);
    out.push("");
  }
  if (report.inputIssues.length > 0) {
    out.push(
      paint(
        inputErrors > 0 ? "error" : "bold",
        `Input issues (${report.inputIssues.length}${inputErrors > 0 ? `, ${inputErrors} error(s): the model is incomplete` : ""})`,
      ),
    );
    for (const i of report.inputIssues.slice(0, 20)) out.push(`  ${formatIssue(i)}`);
    if (report.inputIssues.length > 20)
      out.push(`  ... ${report.inputIssues.length - 20} more (racfring model lists them all)`);
    out.push("");
  }
  if (report.assumptions.length > 0) {
    out.push(paint("bold", "Assumptions"));
    for (const a of report.assumptions) out.push(`  - ${a}`);
    out.push("");
  }
  out.push(
    `${paint("error", `${s.errors} error(s)`)}, ${paint("warning", `${s.warnings} warning(s)`)}, ${paint("info", `${s.infos} info`)}; ` +
      `${s.notEvaluated} not evaluated; ${s.rules} rule(s) run; ${s.failing} finding(s) at or above --fail-on ${s.failOn}.`,
  );
  return `${out.join("\n")}\n`;
}
