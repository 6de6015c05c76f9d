/**
 * Markdown report, for tickets and change records: a summary, one table per ring, the
 * applications with their predicted return codes, and what was not evaluated.
 */
import type { AuditReport, Finding } from "../types.js";
import { neutralise } from "./safe-text.js";

/**
 * Input-derived text as literal Markdown: the punctuation that can start an inline construct
 * is backslash-escaped (CommonMark §2.4 allows it for any ASCII punctuation), so `*`, `_`,
 * `` ` ``, `[`, `|` (a GFM cell separator), `~`, `$` and `<img …>` are shown, never interpreted; `&` becomes `&amp;` (entity references are not
 * escapable by backslash in every renderer). Line breaks would end a table row: a space.
 */
function md(text: string): string {
  return neutralise(text)
    .replace(/\r?\n|\r/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/[\\`*_{}[\]<>#+!|~$]/g, "\\$&");
}

/**
 * A code span whose content is taken literally: the fence is one backtick longer than the
 * longest run inside (CommonMark §6.1), padded with spaces when the content touches a backtick.
 * `|` is still escaped: GFM splits table cells before inline parsing, even inside code spans.
 */
function code(text: string): string {
  const body = neutralise(text).replace(/\r?\n|\r/g, " ");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body.startsWith(" ") ? " " : "";
  return `${fence}${pad}${body.replace(/\|/g, "\\|")}${pad}${fence}`;
}

/** Text in a table cell. */
function cell(text: string): string {
  return md(text);
}

export function formatMarkdown(report: AuditReport): string {
  const s = report.summary;
  const out: string[] = [
    "# racfring audit",
    "",
    `Audit time ${md(s.at)}; ${s.rings} ring(s), ${s.certificates} certificate(s), ${s.applications} application(s) from ${md(s.applicationsFrom)}.`,
    "",
    `**${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info; ${s.notEvaluated} not evaluated.**`,
    "",
  ];
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = groups.get(f.ring ?? "") ?? [];
    list.push(f);
    groups.set(f.ring ?? "", list);
  }
  for (const [ring, list] of [...groups.entries()].sort(([a], [b]) =>
    a === "" ? 1 : b === "" ? -1 : a.localeCompare(b),
  )) {
    out.push(`## ${ring === "" ? "Not tied to a ring" : `Ring ${code(ring)}`}`, "");
    out.push("| Severity | Rule | Subject | Finding | Evidence | Fix |", "|---|---|---|---|---|---|");
    for (const f of list) {
      const fix = f.fix
        ? `${cell(f.fix.summary)}${f.fix.commands.map((c) => `<br>${code(c)}`).join("")}`
        : "";
      const ev = `${f.evidence.map((e) => `${e.file}:${e.line}`).join(", ")}${f.evidenceOmitted ? ` and ${f.evidenceOmitted} more location(s)` : ""}`;
      out.push(
        `| ${f.severity} | ${code(f.rule)} (${f.confidence}) | ${cell(f.subject.id)} | ${cell(f.message)} | ${cell(ev)} | ${fix} |`,
      );
    }
    out.push("");
  }
  if (report.applications.length > 0) {
    out.push(
      "## Applications",
      "",
      "| User | Key ring | Label | Predicted rc | Text | From |",
      "|---|---|---|---|---|---|",
    );
    for (const a of report.applications) {
      out.push(
        `| ${cell(a.user)} | ${cell(a.keyring)} | ${cell(a.label ?? "(default)")} | ${a.rc ?? "?"} | ${cell(a.text)}${a.confidence ? ` (${a.confidence})` : ""} | ${cell(`${a.name}; ${a.userFrom}`)} |`,
      );
    }
    out.push("");
  }
  if (report.notEvaluated.length > 0) {
    out.push("## Not evaluated", "");
    for (const n of report.notEvaluated)
      out.push(`- ${code(n.rule)}${n.subject ? ` ${cell(n.subject.id)}` : ""}: ${cell(n.reason)}`);
    out.push("");
  }
  if (report.inputIssues.length > 0) {
    const errors = report.inputIssues.filter((i) => i.severity === "error").length;
    out.push(
      "## Input issues",
      "",
      errors > 0
        ? `**${errors} input error(s): the model is incomplete; findings may be missing.**`
        : `${report.inputIssues.length} input issue(s); none is an error.`,
      "",
      "| Where | Severity | Code | Message |",
      "|---|---|---|---|",
    );
    for (const i of report.inputIssues)
      out.push(`| ${cell(`${i.file}:${i.line}`)} | ${i.severity} | ${code(i.code)} | ${cell(i.message)} |`);
    out.push("");
  }
  if (report.assumptions.length > 0) {
    out.push("## Assumptions", "");
    for (const a of report.assumptions) out.push(`- ${cell(a)}`);
    out.push("");
  }
  return out.join("\n");
}
