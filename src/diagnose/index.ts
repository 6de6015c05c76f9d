/**
 * `racfring diagnose`: explain a failed handshake from what the systems logged.
 *
 * - `diagnoseLogs(logs, inputs?)`: recognise, correlate, rank, and confirm against the
 *   simulator when RACF inputs are given (src/diagnose/report.ts).
 * - `recogniseLine(text)`: one line through the recognisers (used by `explain`).
 * - `formatReport(report)`: the text rendering.
 */
export { CAUSES, causeDef } from "./causes.js";
export { formatReport } from "./format.js";
export { RECOGNISERS, recogniseLine, recogniseText } from "./recognise.js";
export { alertByCode, TLS_ALERTS } from "./recognisers/tls-alerts.js";
export { diagnoseLogs, type LogInput } from "./report.js";
export type { DiagnoseReport, Diagnosis, LogMessage } from "./types.js";
