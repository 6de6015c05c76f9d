/**
 * Text rendering of a simulation: the way an expert reads a GSKSRVR trace aloud — each step,
 * what was checked, what was found (with file:line), the verdict, the rule's source and its
 * confidence; then the fix and the alternatives. Pure (returns a string).
 */
import { deckLines } from "../gen/tso.js";
import { formatSource } from "../model/model.js";
import type { Confidence } from "../model/types.js";
import type { ReturnCodeInfo } from "./catalogue.js";
import type { SimFix, SimResult } from "./simulate.js";

const CONF: Record<Confidence, string> = {
  ibm: "IBM",
  "third-party": "third-party",
  unconfirmed: "UNCONFIRMED",
};

function verdict(ok: boolean | null): string {
  return ok === true ? "ok  " : ok === false ? "FAIL" : "--  ";
}

/** Wrap prose at `width`, indenting continuation lines. */
export function wrap(text: string, indent: string, width = 100, hang: string = indent): string[] {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let cur = "";
  for (const w of words) {
    const lead = lines.length === 0 ? indent : hang;
    if (cur.length > 0 && lead.length + cur.length + 1 + w.length > width) {
      lines.push(lead + cur);
      cur = w;
    } else cur = cur.length > 0 ? `${cur} ${w}` : w;
  }
  if (cur.length > 0) lines.push((lines.length === 0 ? indent : hang) + cur);
  return lines;
}

function fixLines(f: SimFix, indent: string, width: number): string[] {
  const out = wrap(f.summary, indent, width);
  // In deck form (columns 1–71, `-` continuations) at column 1, so the lines paste into a job.
  for (const c of f.commands) out.push(...deckLines(c));
  for (const n of f.notes ?? []) out.push(...wrap(`Note: ${n}`, `${indent}  `, width));
  return out;
}

export interface FormatExtras {
  /** Lines about how the request was built (policy objects used, STARTED profile…). */
  context?: string[];
  /**
   * Column to wrap prose at (default 100, for files). The CLI passes Infinity when it prints to
   * a terminal, which wraps to its own width: prose wrapped twice leaves half-lines.
   */
  width?: number;
}

export function formatResult(r: SimResult, extras: FormatExtras = {}): string {
  const width = extras.width ?? 100;
  const out: string[] = [];
  const role = r.role;
  out.push(
    `Simulating ${role === "server" ? "a TLS server" : "a TLS client"} running as ${r.user} with key ring ${r.keyring}${r.label ? `, certificate '${r.label}'` : ""}.`,
  );
  for (const c of extras.context ?? []) out.push(...wrap(c, "  ", width));
  out.push("");
  const cond = conditional(r);
  if (r.rc === 0) {
    out.push(
      ...headline(
        `Prediction: RC 0 — the handshake succeeds on this side${cond}. [prediction: ${CONF[r.confidence]}]`,
        cond !== "",
        width,
      ),
    );
  } else {
    out.push(
      ...headline(
        `Prediction: RC ${r.rc} "${r.text}" on the ${r.side} side at "${r.event}"${cond}. [text: ${CONF[r.textConfidence]}; prediction: ${CONF[r.confidence]}]`,
        cond !== "",
        width,
      ),
    );
    if (r.partner) {
      const other = r.side === "server" ? "client" : "server";
      out.push(`Partner (${other}): RC ${r.partner.rc} "${r.partner.text}". [${CONF[r.partner.confidence]}]`);
    } else out.push("Partner: not predicted (no source says what the other side logs here).");
  }
  if (r.conditions.length > 0) {
    out.push("", "Conditions (the inputs do not show these; the prediction assumes them):");
    for (const c of r.conditions) out.push(...wrap(`- ${c.text}`, "  ", width, "    "));
  }
  if (r.outcomes.length > 0) {
    out.push("", "Other outcomes:");
    for (const o of r.outcomes)
      out.push(
        ...wrap(`- RC ${o.rc} "${o.text}" if ${o.condition} [${CONF[o.confidence]}]`, "  ", width, "    "),
      );
  }
  if (r.messages.length > 0) {
    out.push("", "Expected messages:");
    for (const m of r.messages) out.push(`  ${m}`);
  }
  out.push("", "Trace:");
  r.steps.forEach((s, i) => {
    out.push(`  ${String(i + 1).padStart(2)}. [${verdict(s.ok)}] ${s.title} (${s.id})`);
    out.push(...wrap(s.detail, "        ", width));
    if (s.evidence.length > 0)
      out.push(...wrap(`evidence: ${s.evidence.map(formatSource).join(", ")}`, "        ", width));
    // A rule source may already end with its own tag ("… [UNCONFIRMED]"): do not repeat it.
    const tag = `[${CONF[s.confidence]}]`;
    out.push(...wrap(`rule: ${s.source}${s.source.endsWith(tag) ? "" : ` ${tag}`}`, "        ", width));
  });
  if (r.fix) {
    out.push("", "Fix:");
    out.push(...fixLines(r.fix, "  ", width));
  }
  if (r.alternatives.length > 0) {
    out.push("", r.alternatives.length === 1 ? "Alternative:" : "Alternatives:");
    r.alternatives.forEach((a, i) => {
      out.push(
        ...fixLines(a, `  ${i + 1}) `, width).map((l, j) =>
          j === 0 ? l : l.replace(/^ {2}\d+\) /, "     "),
        ),
      );
    });
  }
  const decide = [...new Set(r.conditions.flatMap((c) => c.decide))];
  if (decide.length > 0) {
    out.push(
      "",
      r.fix
        ? "Then check what the inputs do not show (each command's output decides a condition):"
        : "Check what the inputs do not show (each command's output decides a condition):",
    );
    for (const d of decide) out.push(`  ${d}`);
  }
  if (r.warnings.length > 0) {
    out.push("", "Clients outside z/OS:");
    for (const w of r.warnings) out.push(...wrap(`- ${w}`, "  ", width, "    "));
  }
  if (r.assumptions.length > 0) {
    out.push("", "Assumptions:");
    for (const a of r.assumptions) out.push(...wrap(`- ${a}`, "  ", width, "    "));
  }
  return `${out.join("\n")}\n`;
}

/**
 * " — if TCPIP can read its ring (not shown in the inputs); otherwise RC 202": the conditions the
 * prediction needs that open another outcome, then the other outcomes' codes. Empty when the
 * prediction rests on nothing unshown.
 */
/** The headline stays one line when it has no condition (as before conditions existed). */
function headline(text: string, conditional: boolean, width: number): string[] {
  return conditional ? wrap(text, "", width, "  ") : [text];
}

function conditional(r: SimResult): string {
  if (r.conditions.length === 0) return "";
  const opening = r.conditions.filter((c) => c.kind !== "configuration");
  const shown = (opening.length > 0 ? opening : r.conditions).map((c) => c.text);
  const other = [...new Set(r.outcomes.map((o) => o.rc))];
  return ` — if ${shown.join(" and ")}${other.length > 0 ? `; otherwise RC ${other.join(" or RC ")}` : ""}`;
}

/** A return code explained; `width` as in FormatExtras. */
export function formatCode(info: ReturnCodeInfo, width = 100): string {
  const out: string[] = [];
  out.push(`${info.family} return code ${info.code}: ${info.text} [text: ${CONF[info.textConfidence]}]`);
  if (info.meaning) out.push("", ...wrap(info.meaning, "  ", width));
  if (info.causes.length > 0) {
    out.push("", "Likely causes:");
    for (const c of info.causes) out.push(...wrap(`- ${c}`, "  ", width, "    "));
  }
  if (info.check.length > 0) {
    out.push("", "What to check:");
    for (const c of info.check) out.push(...wrap(`- ${c}`, "  ", width, "    "));
  }
  out.push("", ...wrap(`Source: ${info.source} [${CONF[info.confidence]}]`, "", width));
  return `${out.join("\n")}\n`;
}
