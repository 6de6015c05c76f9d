/**
 * Whole-report expectations for one rule: what an administrator reads (subject, ring, severity,
 * confidence, the full message, the fix's summary and commands, the input lines quoted) and
 * every "not evaluated" with its reason, compared with `toEqual` against values written out in
 * the test. The rule tester matches parts of a message; these tests pin the whole of it, so a
 * changed word, a dropped clause or a command for the wrong user fails.
 */
import type { Rule } from "../../src/audit/types.js";
import type { RacfModel } from "../../src/model/model.js";
import type { Connection, Ring, Source } from "../../src/model/types.js";
import { type AuditCase, auditWith } from "./builders.js";

export interface ExactFinding {
  subject: string;
  ring: string | null;
  severity: string;
  confidence: string;
  message: string;
  fix: { summary: string; commands: string[] } | null;
  evidence: string[];
}

export interface ExactNotEvaluated {
  subject: string | null;
  reason: string;
}

/** One rule's report on a case, reduced to plain values. */
export function exact(
  rule: Rule,
  c: AuditCase,
): { findings: ExactFinding[]; notEvaluated: ExactNotEvaluated[] } {
  const report = auditWith(rule, c);
  return {
    findings: report.findings.map((f) => ({
      subject: `${f.subject.kind} ${f.subject.id}`,
      ring: f.ring,
      severity: f.severity,
      confidence: f.confidence,
      message: f.message,
      fix: f.fix,
      evidence: f.evidence.map((e) => `${e.file}:${e.line}`),
    })),
    notEvaluated: report.notEvaluated.map((n) => ({
      subject: n.subject ? `${n.subject.kind} ${n.subject.id}` : null,
      reason: n.reason,
    })),
  };
}

/** Input lines as a finding quotes them (`file:line`), from the model objects' own sources. */
export function lines(...holders: ({ sources: Source[] } | { evidence: Source[] } | undefined)[]): string[] {
  const out: string[] = [];
  for (const h of holders) {
    const list = h === undefined ? [] : "sources" in h ? h.sources : h.evidence;
    for (const s of list) {
      const key = `${s.file}:${s.line}`;
      if (!out.includes(key)) out.push(key);
    }
  }
  return out;
}

/** A ring of the model by `OWNER/NAME` (the test fails when it is missing). */
export function ringOf(model: RacfModel, id: string): Ring {
  const ring = model.state.rings.find((r) => `${r.owner}/${r.name}` === id);
  if (!ring) throw new Error(`no ring ${id} in the test model`);
  return ring;
}

/** A connection on a ring of the model, by certificate label. */
export function connOf(model: RacfModel, ringIdText: string, label: string): Connection {
  const conn = ringOf(model, ringIdText).connections.find((c) => c.label === label);
  if (!conn) throw new Error(`no connection '${label}' on ${ringIdText} in the test model`);
  return conn;
}
