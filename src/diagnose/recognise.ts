/**
 * Turn pasted log text into messages. Each line goes to the recognisers in a fixed order (the
 * most specific families first); the first that claims it wins. A line no recogniser claims is
 * kept as unrecognised — never guessed at. RACF's ICH408I spans several job-log lines: its
 * continuation lines are joined to it first.
 */
import { attls } from "./recognisers/attls.js";
import { certinfo } from "./recognisers/certinfo.js";
import { cms } from "./recognisers/cms.js";
import { ftp } from "./recognisers/ftp.js";
import { gskTrace } from "./recognisers/gsk-trace.js";
import { icsf } from "./recognisers/icsf.js";
import { java } from "./recognisers/java.js";
import { openssl } from "./recognisers/openssl.js";
import { racf } from "./recognisers/racf.js";
import { tlsAlerts } from "./recognisers/tls-alerts.js";
import { vendor } from "./recognisers/vendor.js";
import type { LogMessage, LogRef, Recogniser } from "./types.js";

export const RECOGNISERS: readonly Recogniser[] = [
  attls,
  racf,
  ftp,
  vendor,
  icsf,
  cms,
  java,
  openssl,
  gskTrace,
  tlsAlerts,
  certinfo,
];

/** Longest part of a line a recogniser looks at; log lines are short, a 20 MB "line" is not a log. */
export const MAX_LINE = 4000;
/** Longest part of a line kept as evidence text. */
const MAX_EVIDENCE = 400;

export interface RecogniseResult {
  messages: LogMessage[];
  unrecognised: LogRef[];
}

/** One line through the recognisers (exported for `explain` and for the fuzz tests). */
export function recogniseLine(text: string): Omit<LogMessage, "index" | "file" | "line" | "text"> | null {
  const t = text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text;
  for (const r of RECOGNISERS) {
    const m = r.recognise(t);
    if (m) return m;
  }
  return null;
}

const MESSAGE_ID = /\b[A-Z]{3}[A-Z0-9]{0,4}\d{3,5}[IEWSA]\b/;
const ICH408_CONT =
  /\bCL\(|INSUFFICIENT ACCESS|ACCESS INTENT|ACCESS ALLOWED|^\s*FROM\s+\S+\s+\([GD]\)|\bWARNING\b|NOT AUTHORIZED|LOGON\/JOB INITIATION/i;

export function recogniseText(text: string, file: string, start = 0): RecogniseResult {
  const lines = text.split(/\r?\n/);
  const messages: LogMessage[] = [];
  const unrecognised: LogRef[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? "").slice(0, MAX_LINE);
    if (line.trim() === "") continue;
    const lineNo = i + 1;
    if (/\bICH408I\b/.test(line)) {
      // Join the continuation lines RACF writes below ICH408I (at most 6).
      let n = 0;
      while (n < 6 && i + 1 < lines.length) {
        const next = (lines[i + 1] ?? "").slice(0, MAX_LINE);
        const body = next.replace(/^.*?\b(?:ICH408I)\b/, "");
        if (next.trim() === "" || (MESSAGE_ID.test(next) && !/\bICH408I\b/.test(next))) break;
        if (!ICH408_CONT.test(body) && !/^\s+[A-Z0-9$#@*%][A-Z0-9$#@*%.-]+\s+CL\(/i.test(next)) break;
        line = `${line} ${next.trim()}`;
        i++;
        n++;
      }
    }
    const m = recogniseLine(line);
    const shown = line.trim().slice(0, MAX_EVIDENCE);
    if (m) messages.push({ ...m, index: start + messages.length, file, line: lineNo, text: shown });
    else unrecognised.push({ file, line: lineNo, text: shown });
  }
  return { messages, unrecognised };
}
