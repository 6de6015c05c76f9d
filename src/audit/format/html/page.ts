/**
 * The HTML report page: one self-contained file (inline CSS, script, SVG and data; nothing is
 * fetched) for the people an audit is forwarded to. Summary first (counts, applications and
 * their predicted return codes, certificates about to expire, the expiry timeline), then the
 * filters, the findings, and one section per ring with its diagram. Every input-derived text is
 * written through `html()` (safe-html.ts); the embedded data through `scriptJson()`.
 */
import type { RacfModel } from "../../../model/model.js";
import type { AuditReport } from "../../types.js";
import { html, scriptJson } from "../safe-html.js";
import { buildReportData, type FindingView, type ReportData } from "./data.js";
import { reportScript } from "./script.js";
import { REPORT_CSS } from "./style.js";
import { expiryTimeline } from "./timeline.js";

const SEVERITIES = ["error", "warning", "info"] as const;

export function rc(value: number | null): string {
  if (value === null) return '<span class="muted">?</span>';
  return `<span class="${value === 0 ? "rc0" : "rcbad"}">${value}</span>`;
}

function ringLabel(d: ReportData, i: number): string {
  const r = d.rings[i];
  return r ? `${r.o}/${r.n}` : "";
}

function summary(report: AuditReport, d: ReportData): string {
  const s = report.summary;
  const atMs = Date.parse(d.at);
  const in30 = d.expiring.filter((e) => Date.parse(e.notAfter) - atMs <= 30 * 86_400_000).length;
  const cards = [
    ["error", s.errors, "errors"],
    ["warning", s.warnings, "warnings"],
    ["info", s.infos, "info"],
    ["", s.rings, "key rings"],
    ["", s.certificates, "certificates"],
    ["", s.applications, "applications"],
    [in30 > 0 ? "warning" : "", in30, "expire in 30 days"],
    ["", d.expiring.length, "expire in 90 days"],
  ] as const;
  const out: string[] = ['<section id="summary"><h2>Summary</h2><div class="cards">'];
  for (const [cls, n, label] of cards)
    out.push(`<div class="card ${cls}"><div class="n">${n}</div><div class="l">${label}</div></div>`);
  out.push("</div>");
  const errors = report.inputIssues.filter((i) => i.severity === "error").length;
  if (errors > 0)
    out.push(
      `<div class="alert"><strong>${errors} input error(s):</strong> the model is incomplete; findings may be missing (see Input issues below).</div>`,
    );
  const ruleMeta = new Map(report.rules.map((r) => [r.id, r]));
  const byRule = Object.entries(s.byRule)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  out.push('<div class="cols"><div class="panel"><h3>Findings by rule</h3>');
  if (byRule.length === 0) out.push('<p class="muted">No findings.</p>');
  else {
    out.push(
      '<table><thead><tr><th>Rule</th><th>Severity</th><th>Source</th><th class="num">Findings</th></tr></thead><tbody>',
    );
    for (const [id, n] of byRule) {
      const m = ruleMeta.get(id);
      out.push(
        `<tr><td><code>${html(id)}</code></td><td>${m ? `<span class="sev ${m.severity}">${m.severity}</span>` : ""}</td><td class="conf">${html(m?.confidence ?? "")}</td><td class="num">${n}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
  }
  out.push(
    `<p class="muted">${s.rules} rule(s) run; ${s.notEvaluated} not evaluated. Applications from ${html(s.applicationsFrom)}.</p></div>`,
  );
  out.push('<div class="panel"><h3>Certificates expiring in the next 90 days</h3>');
  if (d.expiring.length === 0) out.push('<p class="muted">None.</p>');
  else {
    out.push(
      '<table><thead><tr><th>Certificate</th><th>Expires</th><th class="num">Days</th><th>Rings</th></tr></thead><tbody>',
    );
    for (const e of d.expiring.slice(0, 200)) {
      out.push(
        `<tr><td><strong>${html(e.label)}</strong> <span class="muted">${html(e.owner)}</span></td><td>${html(e.notAfter.slice(0, 10))}</td><td class="num">${e.days <= 30 ? `<span class="rcbad">${e.days}</span>` : e.days}</td><td>${e.rings.map((r) => `<code>${html(r)}</code>`).join(", ") || '<span class="muted">none</span>'}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
    if (d.expiring.length > 200) out.push(`<p class="muted">${d.expiring.length - 200} more not listed.</p>`);
  }
  out.push("</div></div>");
  out.push(
    `<div class="panel"><h3>Expiry timeline</h3><p class="muted">Certificates in the inputs by month of expiry (${d.expiries.length} with a known date).</p>${expiryTimeline(d.expiries, new Date(d.at))}</div>`,
  );
  out.push(
    '<div class="panel" id="applications"><h3>Applications and predicted System SSL return codes</h3>',
  );
  if (d.apps.length === 0) out.push('<p class="muted">No application was found or given.</p>');
  else {
    out.push(
      '<table><thead><tr><th>Application</th><th>User</th><th>Key ring</th><th>Label</th><th>Deciding access</th><th class="num">RC</th><th>Prediction</th></tr></thead><tbody>',
    );
    for (const a of d.apps) {
      const ring =
        a.ringIndex >= 0
          ? `<a href="#ring-${a.ringIndex}"><code>${html(a.keyring)}</code></a>`
          : `<code>${html(a.keyring)}</code> <span class="muted">(not in the inputs)</span>`;
      out.push(
        `<tr><td>${html(a.name)}<div class="conf">${html(a.userFrom)}</div></td><td><code>${html(a.user)}</code></td><td>${ring}</td><td>${a.label === null ? '<span class="muted">DEFAULT</span>' : html(a.label)}</td><td><code>${html(a.access)}</code></td><td class="num">${rc(a.rc)}</td><td>${html(a.text)}${a.confidence ? ` <span class="conf">[${html(a.confidence)}]</span>` : ""}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
  }
  out.push("</div></section>");
  return out.join("\n");
}

function filters(d: ReportData): string {
  const rules = [...new Set(d.findings.map((f) => f.rule))].sort();
  const owners = [
    ...new Set([...d.rings.map((r) => r.o), ...d.findings.map((f) => f.owner).filter((o) => o !== "")]),
  ].sort();
  const opts = (list: string[]) => list.map((v) => `<option value="${html(v)}">${html(v)}</option>`).join("");
  return [
    '<form id="filters" autocomplete="off">',
    ...SEVERITIES.map(
      (s) =>
        `<label><input type="checkbox" name="sev-${s}" checked> <span class="sev ${s}">${s}</span></label>`,
    ),
    `<label>Rule <select name="rule"><option value="">all</option>${opts(rules)}</select></label>`,
    `<label>Owner <select name="owner"><option value="">all</option>${opts(owners)}</select></label>`,
    '<label><input type="search" name="q" placeholder="Search labels, DNs, messages…" aria-label="Search"></label>',
    '<label>Group <select name="group"><option value="ring">by ring</option><option value="severity">by severity</option></select></label>',
    '<label><input type="checkbox" name="only-findings"> only rings with findings</label>',
    '<button type="reset">Reset</button>',
    '<span id="filter-count"></span>',
    "</form>",
  ].join("\n");
}

function findingHtml(f: FindingView, order: number, group: string, d: ReportData): string {
  const meta = [
    f.evidence.length > 0 ? `Evidence: ${f.evidence.map((e) => html(e)).join(", ")}` : "",
    f.ringIndex >= 0
      ? `<a href="#ring-${f.ringIndex}">diagram of ${html(ringLabel(d, f.ringIndex))}</a>`
      : "",
  ]
    .filter((x) => x !== "")
    .join(" · ");
  const fix = f.fix
    ? `<div class="fix"><strong>Fix:</strong> ${html(f.fix.summary)}${f.fix.commands.length > 0 ? `<pre>${f.fix.commands.map((c) => html(c)).join("\n")}</pre>` : ""}</div>`
    : "";
  return `<article class="finding ${f.severity}" id="f-${f.i}" data-sev="${f.severity}" data-rule="${html(f.rule)}" data-owner="${html(f.owner)}" data-ring="${f.ringIndex >= 0 ? f.ringIndex : ""}" data-order="${order}" data-group="${html(group)}">
<div class="head"><span class="sev ${f.severity}">${f.severity}</span><code class="rule">${html(f.rule)}</code><span class="conf">confidence ${html(f.confidence)}</span><span class="meta">${html(f.subject)}</span></div>
<p class="msg">${html(f.message)}</p>
<div class="meta">${meta}</div>${fix}</article>`;
}

function findingsSection(d: ReportData): string {
  const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
  const keyed = d.findings.map((f) => ({ f, group: f.ring ? `Ring ${f.ring}` : "Not tied to a ring" }));
  keyed.sort(
    (a, b) =>
      (a.f.ring === null ? 1 : 0) - (b.f.ring === null ? 1 : 0) ||
      a.group.localeCompare(b.group) ||
      rank(a.f.severity) - rank(b.f.severity) ||
      a.f.i - b.f.i,
  );
  const out: string[] = ['<section id="findings"><h2>Findings</h2>', filters(d), '<div id="finding-list">'];
  let last: string | null = null;
  keyed.forEach(({ f, group }, order) => {
    if (group !== last) {
      out.push(`<h3 class="group">${html(group)}</h3>`);
      last = group;
    }
    out.push(findingHtml(f, order, group, d));
  });
  out.push("</div>");
  out.push(
    `<p id="no-findings" class="muted${d.findings.length === 0 ? "" : " hidden"}">${d.findings.length === 0 ? "No findings." : "No finding matches the filters."}</p></section>`,
  );
  return out.join("\n");
}

export function ringsSection(d: ReportData): string {
  const out: string[] = [`<section id="rings"><h2>Key rings (${d.rings.length})</h2>`];
  if (d.rings.length === 0) out.push('<p class="muted">The inputs hold no key ring.</p>');
  d.rings.forEach((r, i) => {
    const labels = r.x.map(([c]) => {
      const v = d.certs[c];
      return v ? `${v.l} ${v.o} ${v.sj ?? ""}` : "";
    });
    const fl = r.f
      .map(([fi]) => {
        const f = d.findings[fi];
        return f
          ? `<li><a href="#f-${fi}"><span class="sev ${f.severity}">${f.severity}</span> <code>${html(f.rule)}</code></a> <span class="muted">${html(f.subject)}</span></li>`
          : "";
      })
      .join("");
    out.push(
      `<article class="ring" id="ring-${i}" data-ring="${i}" data-owner="${html(r.o)}" data-findings="${r.f.length}" data-text="${html(`${r.o}/${r.n} ${labels.join(" ")}`)}">
<h3>${html(r.o)}/${html(r.n)}</h3><div class="muted">owner ${html(r.o)} · ${r.x.length} certificate(s) · ${r.a.length} application(s) · ${r.f.length} finding(s)</div>
${fl ? `<ul class="fl">${fl}</ul>` : ""}<div class="diagram" data-ring="${i}" aria-label="Diagram of ${html(r.o)}/${html(r.n)}"></div></article>`,
    );
  });
  out.push("</section>");
  return out.join("\n");
}

function appendix(report: AuditReport): string {
  const out: string[] = [];
  if (report.notEvaluated.length > 0) {
    out.push(`<details class="panel"><summary>Not evaluated (${report.notEvaluated.length})</summary><ul>`);
    for (const n of report.notEvaluated)
      out.push(
        `<li><code>${html(n.rule)}</code>${n.subject ? ` ${html(n.subject.id)}` : ""}: ${html(n.reason)}</li>`,
      );
    out.push("</ul></details>");
  }
  if (report.inputIssues.length > 0) {
    out.push(
      `<details class="panel"><summary>Input issues (${report.inputIssues.length})</summary><table><tbody>`,
    );
    for (const i of report.inputIssues.slice(0, 500))
      out.push(
        `<tr><td><code>${html(`${i.file}:${i.line}`)}</code></td><td><span class="sev ${i.severity}">${i.severity}</span></td><td><code>${html(i.code)}</code></td><td>${html(i.message)}</td></tr>`,
      );
    out.push("</tbody></table>");
    if (report.inputIssues.length > 500)
      out.push(
        `<p class="muted">${report.inputIssues.length - 500} more; run racfring model to list them.</p>`,
      );
    out.push("</details>");
  }
  if (report.assumptions.length > 0) {
    out.push(`<details class="panel"><summary>Assumptions (${report.assumptions.length})</summary><ul>`);
    for (const a of report.assumptions) out.push(`<li>${html(a)}</li>`);
    out.push("</ul></details>");
  }
  return out.join("\n");
}

/** The document around a body: styles, the embedded diagram data and the script. */
export function pageShell(title: string, subtitle: string, body: string, d: ReportData): string {
  const at = d.at.replace("T", " ").replace(/\.\d+Z$/, " UTC");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="racfring">
<title>${html(title)} — ${html(at)}</title>
<style>${REPORT_CSS}</style></head>
<body><header class="top"><h1>${html(title)}</h1><p>${html(subtitle)}</p></header>
<main>
${body}
<footer>Generated by racfring. Predictions and findings carry their confidence: <strong>ibm</strong> (IBM documentation), <strong>third-party</strong>, <strong>unconfirmed</strong>. Diagrams are drawn in the browser when a ring scrolls into view, and all at once before printing.</footer>
</main>
<script type="application/json" id="racfring-data">${scriptJson({ at: d.at, certs: d.certs, rings: d.rings })}</script>
<script>${reportScript()}</script>
</body></html>
`;
}

/** The audit report as one self-contained HTML page. */
export function formatHtml(report: AuditReport, model: RacfModel): string {
  const d = buildReportData(report, model, new Date(report.summary.at));
  const s = report.summary;
  const at = d.at.replace("T", " ").replace(/\.\d+Z$/, " UTC");
  const body = [summary(report, d), findingsSection(d), ringsSection(d), appendix(report)].join("\n");
  return pageShell(
    "racfring audit",
    `Audit time ${at} · ${s.rings} key ring(s) · ${s.certificates} certificate(s) · ${s.applications} application(s)`,
    body,
    d,
  );
}
