/**
 * Text rendering of a diagnosis report. Every piece of log text is hostile input and goes
 * through the shared terminal-safe escaper (src/audit/format/safe-text.ts) here.
 */
import { neutralise, truncate } from "../audit/format/safe-text.js";
import type { Confidence } from "../model/types.js";
import { wrap } from "../sim/format.js";
import type { DiagnoseReport, Diagnosis } from "./types.js";

const CONF: Record<Confidence, string> = {
  ibm: "IBM",
  "third-party": "third-party",
  unconfirmed: "UNCONFIRMED",
};

/** Evidence lines printed per cause; --json carries them all. */
const EVIDENCE_SHOWN = 10;

const safe = (t: string, max = 300) => neutralise(truncate(t, max));

function diagnosisLines(d: Diagnosis, n: number): string[] {
  const out: string[] = [];
  out.push(
    `${n}. ${d.title} [${d.cause}]`,
    `   Failing side: ${d.side}${d.connection ? `   Connection: ${d.connection}` : ""}   Score: ${d.score}   Confidence: ${CONF[d.confidence]}`,
    ...wrap(`Source: ${safe(d.source)}`, "   "),
  );
  if (d.evidence.length > 0) {
    out.push(
      d.evidence.length > EVIDENCE_SHOWN
        ? `   Evidence (${d.evidence.length} lines, first ${EVIDENCE_SHOWN}):`
        : "   Evidence:",
    );
    for (const e of d.evidence.slice(0, EVIDENCE_SHOWN)) {
      out.push(`     ${safe(e.file, 120)}:${e.line}: ${safe(e.text, 160)}`);
      if (e.says) out.push(...wrap(`→ ${safe(e.says, 300)}`, "       ", 100, "         "));
    }
  }
  if (d.simulation) {
    const s = d.simulation;
    const verdict =
      s.verdict === "confirmed" ? "CONFIRMED" : s.verdict === "ruled-out" ? "RULED OUT" : "not checked";
    out.push(
      ...wrap(`Simulator: ${verdict} — ${safe(s.note)}; asked for ${safe(s.request)}`, "   ", 100, "     "),
    );
    if (s.step) out.push(...wrap(`Decisive step: ${safe(s.step, 600)}`, "     ", 100, "       "));
  }
  out.push("   Check:");
  for (const c of d.checks) out.push(`     ${safe(c)}`);
  out.push("   Fix:");
  for (const f of d.fix) out.push(...wrap(safe(f, 600), "     ", 100, "       "));
  return out;
}

export function formatReport(r: DiagnoseReport): string {
  const out: string[] = [];
  out.push(
    `Recognised ${r.messages.length} message(s) in ${r.connections.length} connection(s); ${r.unrecognised.count} line(s) unrecognised.`,
  );
  for (const c of r.connections) {
    const who = [
      c.jobname ? `job ${c.jobname}` : null,
      c.user ? `user ${c.user}` : null,
      c.rule ? `rule ${c.rule}` : null,
      c.local ? `local ${c.local}` : null,
      c.remote ? `remote ${c.remote}` : null,
    ].filter(Boolean);
    out.push(
      `  ${c.id}: ${safe(c.keys.join("; "))}${who.length ? ` — ${safe(who.join(", "))}` : ""} (${c.messages.length} message(s))`,
    );
  }
  out.push("");
  if (r.diagnoses.length === 0) out.push("No cause found.");
  else {
    out.push("Causes, most likely first:", "");
    r.diagnoses.forEach((d, i) => {
      out.push(...diagnosisLines(d, i + 1), "");
    });
  }
  for (const c of r.candidates) {
    out.push(
      `Who could open ${safe(c.ring)}: ${c.users.length > 0 ? safe(c.users.join(", ")) : "no user in the inputs"} (${safe(c.note)}).`,
    );
  }
  for (const n of r.notes) out.push(...wrap(`Note: ${safe(n)}`, ""));
  if (r.unrecognised.count > 0) {
    out.push(
      `Unrecognised lines: ${r.unrecognised.count} (not interpreted); first ${r.unrecognised.first.length}:`,
    );
    for (const u of r.unrecognised.first) out.push(`  ${safe(u.file, 120)}:${u.line}: ${safe(u.text, 160)}`);
  }
  return `${out.join("\n")}\n`;
}
