/**
 * Recall of planted defects: which plants of a synthetic unload (its sidecar) the audit found.
 * A plant counts as found when a finding of the same rule names the same subject.
 */
import type { Plant } from "./unload.js";

export interface Recall {
  planted: number;
  found: number;
  /** found / planted; 1 when nothing was planted. */
  ratio: number;
  missed: Plant[];
  byRule: Record<string, { planted: number; found: number }>;
}

export function recallOf(
  planted: readonly Plant[],
  findings: ReadonlyArray<{ rule: string; subject: { id: string } }>,
): Recall {
  const seen = new Set(findings.map((f) => `${f.rule}\u0000${f.subject.id}`));
  const missed: Plant[] = [];
  const byRule: Record<string, { planted: number; found: number }> = {};
  let found = 0;
  for (const p of planted) {
    const r = byRule[p.rule] ?? { planted: 0, found: 0 };
    byRule[p.rule] = r;
    r.planted++;
    if (seen.has(`${p.rule}\u0000${p.subject}`)) {
      r.found++;
      found++;
    } else missed.push(p);
  }
  return {
    planted: planted.length,
    found,
    ratio: planted.length === 0 ? 1 : found / planted.length,
    missed,
    byRule,
  };
}
