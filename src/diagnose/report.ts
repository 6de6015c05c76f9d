/**
 * From log text to the report: recognise, correlate, rank, and (with RACF inputs) confirm
 * against the simulator. Pure apart from the simulator it calls; I/O is the CLI's.
 */
import { type ConfirmInputs, confirm } from "./confirm.js";
import { rank } from "./diagnose.js";
import { recogniseText } from "./recognise.js";
import type { DiagnoseReport, LogMessage, LogRef } from "./types.js";

/** How many unrecognised lines are quoted (the rest are counted). */
export const UNRECOGNISED_SHOWN = 5;

export interface LogInput {
  file: string;
  text: string;
}

export function diagnoseLogs(logs: readonly LogInput[], inputs: ConfirmInputs | null = null): DiagnoseReport {
  const messages: LogMessage[] = [];
  const unrecognised: LogRef[] = [];
  for (const log of logs) {
    const r = recogniseText(log.text, log.file, messages.length);
    messages.push(...r.messages);
    unrecognised.push(...r.unrecognised);
  }
  const ranked = rank(messages);
  const report: DiagnoseReport = {
    version: 1,
    messages: messages.map((m) => ({ ...m, connection: ranked.of.get(m.index) ?? null })),
    connections: ranked.connections,
    diagnoses: ranked.diagnoses,
    unrecognised: { count: unrecognised.length, first: unrecognised.slice(0, UNRECOGNISED_SHOWN) },
    candidates: [],
    notes: [],
  };
  if (messages.length === 0) report.notes.push("No recognised message: nothing to diagnose.");
  else if (report.diagnoses.length === 0)
    report.notes.push("The recognised messages report no failure (every return code is 0 or none is given).");
  if (inputs) confirm(report, ranked.contexts, inputs);
  return report;
}
