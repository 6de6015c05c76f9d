/**
 * The report's stylesheet: system fonts only (the file must open offline, without fetching a
 * font), readable on a laptop, and a print style that drops the controls, draws every diagram
 * and keeps a finding or a ring on one page where it fits.
 */
export const REPORT_CSS = `
:root {
  --ink: #1d2433; --muted: #5b6475; --line: #d9dee7; --bg: #f5f7fa; --card: #fff;
  --error: #b42318; --error-bg: #fef3f2; --warning: #b54708; --warning-bg: #fffaeb;
  --info: #175cd3; --info-bg: #eff8ff; --ok: #067647; --ok-bg: #ecfdf3; --accent: #344054;
}
* { box-sizing: border-box; }
html { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
body { margin: 0; }
code, .mono, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
a { color: var(--info); }
header.top { background: #101828; color: #fff; padding: 18px 32px; }
header.top h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; letter-spacing: .2px; }
header.top p { margin: 0; color: #d0d5dd; }
main { max-width: 1320px; margin: 0 auto; padding: 4px 32px 60px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 18px 0 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(128px, 1fr)); gap: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.card .n { font-size: 26px; font-weight: 650; line-height: 1.1; }
.card .l { color: var(--muted); font-size: 12.5px; }
.card.error .n { color: var(--error); } .card.warning .n { color: var(--warning); } .card.info .n { color: var(--info); }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin-top: 14px; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
@media (max-width: 1000px) { .cols { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .4px; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px; font-weight: 600; }
.sev.error { color: var(--error); background: var(--error-bg); }
.sev.warning { color: var(--warning); background: var(--warning-bg); }
.sev.info { color: var(--info); background: var(--info-bg); }
.rc0 { color: var(--ok); font-weight: 600; } .rcbad { color: var(--error); font-weight: 600; }
.conf { color: var(--muted); font-size: 12px; }
.muted { color: var(--muted); }
.alert { border-left: 4px solid var(--error); background: var(--error-bg); padding: 10px 14px; border-radius: 6px; margin-top: 14px; }
form#filters { position: sticky; top: 0; z-index: 5; background: rgba(245,247,250,.96); backdrop-filter: blur(4px); border-bottom: 1px solid var(--line); padding: 10px 0; margin-top: 20px; display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; }
form#filters label { font-size: 13px; color: var(--accent); }
form#filters select, form#filters input[type=search] { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
form#filters input[type=search] { min-width: 220px; }
#filter-count { color: var(--muted); font-size: 13px; margin-left: auto; }
html:not(.js) form#filters { display: none; }
.hidden { display: none !important; }
h3.group { border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 22px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.finding { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 8px 0; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); } .finding.info { border-left-color: var(--info); }
.finding:target { box-shadow: 0 0 0 3px rgba(23,92,211,.35); }
.finding .head { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: baseline; }
.finding .rule { font-weight: 600; }
.finding .msg { margin: 6px 0 4px; }
.finding .meta { color: var(--muted); font-size: 12.5px; }
.finding pre { background: #f2f4f7; border-radius: 6px; padding: 8px 10px; margin: 6px 0 0; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
.ring { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; margin: 14px 0; }
.ring:target { box-shadow: 0 0 0 3px rgba(23,92,211,.35); }
.ring h3 { margin: 0 0 4px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.ring .fl { margin: 6px 0 0; padding-left: 18px; }
.diagram { overflow-x: auto; min-height: 120px; margin-top: 8px; }
.diagram:not([data-drawn]) { background: repeating-linear-gradient(45deg, #fafbfc, #fafbfc 10px, #f2f4f7 10px, #f2f4f7 20px); border-radius: 8px; }
.ring-svg { display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.ring-svg .box { fill: #fff; stroke: #98a2b3; stroke-width: 1.2; }
.ring-svg .ring-box { fill: #f0f4ff; stroke: #3e5cb8; stroke-width: 1.6; }
.ring-svg .app-box { fill: #f8f9fb; }
.ring-svg .ca-box { fill: #fcfcfd; }
.ring-svg .notrust { stroke-dasharray: 4 3; fill: #f2f4f7; }
.ring-svg .defect.sev-error { stroke: var(--error); stroke-width: 2.4; fill: var(--error-bg); }
.ring-svg .defect.sev-warning { stroke: var(--warning); stroke-width: 2.2; fill: var(--warning-bg); }
.ring-svg .defect.sev-info { stroke: var(--info); stroke-width: 2; }
.ring-svg .missing { fill: #fff; stroke: var(--error); stroke-width: 1.8; stroke-dasharray: 6 4; }
.ring-svg .unknown { fill: #fff; stroke: #98a2b3; stroke-dasharray: 6 4; }
.ring-svg text { fill: var(--ink); font-size: 12px; }
.ring-svg .col { fill: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .5px; font-weight: 600; }
.ring-svg .title { font-weight: 650; font-size: 13px; }
.ring-svg .sub { fill: #475467; font-size: 11.5px; }
.ring-svg .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; fill: #344054; }
.ring-svg .small { font-size: 10.5px; fill: var(--muted); }
.ring-svg .ok { fill: var(--ok); } .ring-svg .bad, .ring-svg .rc-bad { fill: var(--error); } .ring-svg .unk { fill: var(--muted); }
.ring-svg .edge { fill: none; stroke: #98a2b3; stroke-width: 1.5; }
.ring-svg .edge.ok { stroke: var(--ok); } .ring-svg .edge.bad, .ring-svg .edge.broken { stroke: var(--error); stroke-dasharray: 5 4; }
.ring-svg .edge.default { stroke: #3e5cb8; stroke-width: 2.2; }
.ring-svg .pill { fill: #3e5cb8; } .ring-svg .pill-text { fill: #fff; font-size: 10px; font-weight: 700; text-anchor: middle; }
.ring-svg .bar-track { fill: #eaecf0; }
.ring-svg .bar.v-ok { fill: #12b76a; } .ring-svg .bar.v-near { fill: #fdb022; } .ring-svg .bar.v-soon { fill: #f79009; } .ring-svg .bar.v-bad { fill: #f04438; } .ring-svg .bar.v-unknown { fill: #d0d5dd; }
.ring-svg .small.v-bad { fill: var(--error); } .ring-svg .small.v-soon { fill: var(--warning); }
.ring-svg .bar-now { stroke: #101828; stroke-width: 1.5; }
.ring-svg .badge { stroke: #fff; stroke-width: 1.5; } .ring-svg .badge.sev-error { fill: var(--error); } .ring-svg .badge.sev-warning { fill: var(--warning); } .ring-svg .badge.sev-info { fill: var(--info); }
.ring-svg .badge-text { fill: #fff; font-weight: 800; font-size: 12px; text-anchor: middle; }
.timeline { width: 100%; height: auto; display: block; }
.timeline .bar-expired { fill: #f04438; } .timeline .bar-soon { fill: #f79009; } .timeline .bar-later { fill: #7a93d8; }
.timeline text { font-size: 11px; fill: var(--muted); }
.timeline .now { stroke: #101828; stroke-width: 1.5; stroke-dasharray: 3 3; }
.timeline .axis { stroke: var(--line); }
details > summary { cursor: pointer; color: var(--accent); font-weight: 600; }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; }
@media print {
  html { background: #fff; font-size: 11px; }
  header.top { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); padding: 0 0 8px; }
  header.top p { color: var(--muted); }
  main { max-width: none; padding: 0; }
  form#filters, .noprint { display: none !important; }
  .finding, .ring, .panel, tr { break-inside: avoid; }
  .ring { border: 1px solid #999; }
  .diagram { overflow: visible; }
  .ring-svg { max-width: 100%; height: auto; }
  a { color: inherit; text-decoration: none; }
}
`;
