/**
 * `racfring simulate --format html`: one application's prediction as a page to forward — the
 * return code and what it means, each step System SSL takes with the input line it rests on and
 * the rule's source and confidence, the fix, and the diagram of the ring it opens.
 */
import { formatSource, type RacfModel } from "../../../model/model.js";
import type { SimFix, SimResult } from "../../../sim/simulate.js";
import type { ApplicationResult } from "../../types.js";
import { html } from "../safe-html.js";
import { buildReportData } from "./data.js";
import { pageShell, rc, ringsSection } from "./page.js";

function fixHtml(f: SimFix, heading: string): string {
  return `<div class="finding info"><strong>${html(heading)}:</strong> ${html(f.summary)}${
    f.commands.length > 0 ? `<pre>${f.commands.map((c) => html(c)).join("\n")}</pre>` : ""
  }${(f.notes ?? []).map((n) => `<p class="meta">${html(n)}</p>`).join("")}</div>`;
}

function list(title: string, items: readonly string[]): string {
  return items.length === 0
    ? ""
    : `<div class="panel"><h3>${html(title)}</h3><ul>${items.map((i) => `<li>${html(i)}</li>`).join("")}</ul></div>`;
}

/**
 * What the prediction rests on when the inputs are partial (issue: unknown is not failure): each
 * condition with the command whose output decides it, then the other outcomes those conditions
 * open, each with its own confidence. Nothing when the inputs decide every step.
 */
function conditionsHtml(result: SimResult): string {
  if (result.conditions.length === 0 && result.outcomes.length === 0) return "";
  const conditions = result.conditions.map(
    (c) =>
      `<li class="condition" data-kind="${html(c.kind)}" data-step="${html(c.step)}">${html(c.text)}${
        c.decide.length > 0
          ? ` <span class="muted">— decided by</span> ${c.decide.map((d) => `<code>${html(d)}</code>`).join(", ")}`
          : ""
      }</li>`,
  );
  const outcomes = result.outcomes.map(
    (o) =>
      `<tr class="outcome" data-rc="${o.rc}"><td>RC ${rc(o.rc)}</td><td>${html(o.text)}</td><td>${html(o.condition)}</td><td class="conf">[${html(o.confidence)}]</td></tr>`,
  );
  return [
    '<div class="panel" id="conditions">',
    `<h3>RC ${rc(result.rc)} holds if</h3><ul>${conditions.join("")}</ul>`,
    outcomes.length > 0
      ? `<h3>Otherwise</h3><table><thead><tr><th>RC</th><th>Meaning</th><th>When</th><th>Confidence</th></tr></thead><tbody>${outcomes.join("")}</tbody></table>`
      : "",
    "</div>",
  ].join("");
}

/** A simulation as one self-contained HTML page. `context` is how the request was built. */
export function formatSimulationHtml(
  result: SimResult,
  model: RacfModel,
  at: Date,
  context: readonly string[] = [],
): string {
  const app: ApplicationResult = {
    user: result.user,
    keyring: result.keyring,
    label: result.label,
    role: result.role,
    origin: "option",
    name: `${result.role === "server" ? "TLS server" : "TLS client"} running as ${result.user}`,
    userFrom: context[0] ?? "",
    rc: result.rc,
    text: result.text,
    confidence: result.confidence,
    fix: null,
    assumptions: result.assumptions,
  };
  const d = buildReportData({ findings: [], applications: [app] }, model, at, new Set([result.keyring]));
  const body: string[] = [
    '<section id="prediction"><h2>Prediction</h2><div class="panel">',
    `<p style="font-size:16px;margin:0 0 6px">RC ${rc(result.rc)} — ${html(result.text)} <span class="conf">[prediction: ${html(result.confidence)}; text: ${html(result.textConfidence)}]</span></p>`,
    `<p class="muted" style="margin:0">${html(result.event)}, logged by the ${html(result.side)}. User <code>${html(result.user)}</code>, key ring <code>${html(result.keyring)}</code>, certificate ${result.label === null ? "DEFAULT" : `<code>${html(result.label)}</code>`}.</p>`,
    result.partner
      ? `<p class="muted" style="margin:4px 0 0">Partner: RC ${rc(result.partner.rc)} — ${html(result.partner.text)} <span class="conf">[${html(result.partner.confidence)}]</span></p>`
      : "",
    ...context.map((c) => `<p class="muted" style="margin:4px 0 0">${html(c)}</p>`),
    "</div>",
    conditionsHtml(result),
    result.fix ? fixHtml(result.fix, "Fix") : "",
    ...result.alternatives.map((a) => fixHtml(a, "Alternative")),
    '</section><section id="steps"><h2>Steps</h2><div class="panel"><table><thead><tr><th></th><th>Step</th><th>What was found</th><th>Evidence</th><th>Rule and confidence</th></tr></thead><tbody>',
  ];
  for (const s of result.steps) {
    const mark =
      s.ok === true
        ? '<span class="rc0">ok</span>'
        : s.ok === false
          ? '<span class="rcbad">FAIL</span>'
          : '<span class="muted">–</span>';
    body.push(
      `<tr class="step" data-step="${html(s.id)}"><td>${mark}</td><td><strong>${html(s.title)}</strong></td><td>${html(s.detail)}</td><td><code>${s.evidence.map((e) => html(formatSource(e))).join("<br>")}</code></td><td class="conf">${html(s.source)} [${html(s.confidence)}]</td></tr>`,
    );
  }
  body.push("</tbody></table></div></section>");
  body.push(list("Partner-side warnings", result.warnings), list("Messages to expect", result.messages));
  body.push(list("Assumptions", result.assumptions));
  body.push(
    d.rings.length > 0
      ? ringsSection(d)
      : `<section id="rings"><h2>Key ring</h2><p class="muted">${html(result.keyring)} is not a key ring in the inputs (a virtual ring or a missing one): no diagram.</p></section>`,
  );
  return pageShell(
    "racfring simulate",
    `Time ${d.at.replace("T", " ").replace(/\.\d+Z$/, " UTC")} · ${result.user} opening ${result.keyring}`,
    body.join("\n"),
    d,
  );
}
