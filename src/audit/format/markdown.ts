/**
 * Markdown report, for tickets and change records: a summary, one table per ring, the
 * applications with their predicted return codes, and what was not evaluated.
 */
import type { AuditReport, Finding } from "../types.js";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function formatMarkdown(report: AuditReport): string {
  const s = report.summary;
  const out: string[] = [
    "# racfring audit",
    "",
    `Audit time ${s.at}; ${s.rings} ring(s), ${s.certificates} certificate(s), ${s.applications} application(s) from ${s.applicationsFrom}.`,
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
    out.push(`## ${ring === "" ? "Not tied to a ring" : `Ring \`${ring}\``}`, "");
    out.push("| Severity | Rule | Subject | Finding | Evidence | Fix |", "|---|---|---|---|---|---|");
    for (const f of list) {
      const fix = f.fix
        ? `${cell(f.fix.summary)}${f.fix.commands.map((c) => `<br>\`${cell(c)}\``).join("")}`
        : "";
      const ev = f.evidence.map((e) => `${e.file}:${e.line}`).join(", ");
      out.push(
        `| ${f.severity} | \`${f.rule}\` (${f.confidence}) | ${cell(f.subject.id)} | ${cell(f.message)} | ${cell(ev)} | ${fix} |`,
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
        `| ${a.user} | ${cell(a.keyring)} | ${cell(a.label ?? "(default)")} | ${a.rc ?? "?"} | ${cell(a.text)}${a.confidence ? ` (${a.confidence})` : ""} | ${cell(`${a.name}; ${a.userFrom}`)} |`,
      );
    }
    out.push("");
  }
  if (report.notEvaluated.length > 0) {
    out.push("## Not evaluated", "");
    for (const n of report.notEvaluated)
      out.push(`- \`${n.rule}\`${n.subject ? ` ${cell(n.subject.id)}` : ""}: ${cell(n.reason)}`);
    out.push("");
  }
  if (report.assumptions.length > 0) {
    out.push("## Assumptions", "");
    for (const a of report.assumptions) out.push(`- ${cell(a)}`);
    out.push("");
  }
  return out.join("\n");
}
