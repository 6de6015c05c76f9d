/**
 * AT-TLS syslog messages EZD1281I–EZD1287I (z/OS Communications Server IP Messages Volume 2):
 * Map, Start, Event, Flow, Data, Error (EZD1286I), Error (EZD1287I). All carry `KEY: value`
 * fields (GRPID, ENVID, CONNID, LOCAL, REMOTE, JOBNAME, USERID, RULE, RC) in an order that
 * differs between messages, so fields are taken by key, not by position.
 */
import { compact, field, num, rcSignals, timeOf } from "../fields.js";
import type { Recogniser } from "../types.js";

const SOURCE =
  "IBM z/OS Communications Server IP Messages Volume 2 (EZB, EZD), EZD1281I–EZD1287I; RC values from System SSL Programming";

const KIND: Record<string, string> = {
  EZD1281I: "connection mapped to an AT-TLS rule",
  EZD1282I: "AT-TLS event started",
  EZD1283I: "AT-TLS event finished",
  EZD1284I: "AT-TLS call to System SSL",
  EZD1285I: "AT-TLS data trace",
  EZD1286I: "AT-TLS error",
  EZD1287I: "AT-TLS error",
};

/** The event text after `RC: n` (up to the next KEY: field). */
function eventAfterRc(text: string): string | undefined {
  const m = /\bRC:\s*\d{1,5}\s+([A-Za-z][A-Za-z0-9 ]{0,60}?)(?=\s+[A-Z]{3,8}:|\s*$)/.exec(text);
  return m?.[1]?.trim() || undefined;
}

export const attls: Recogniser = {
  family: "AT-TLS",
  recognise(text) {
    const id = /\b(EZD128[1-7]I)\b/.exec(text)?.[1];
    if (!id) return null;
    const rc = num(field(text, "RC"));
    const facts = compact({
      ...(rc !== undefined ? { rc } : {}),
      event: eventAfterRc(text),
      connId: field(text, "CONNID"),
      grpId: field(text, "GRPID"),
      envId: field(text, "ENVID"),
      jobname: field(text, "JOBNAME")?.toUpperCase(),
      user: field(text, "USERID")?.toUpperCase(),
      rule: field(text, "RULE"),
      local: field(text, "LOCAL"),
      remote: field(text, "REMOTE"),
      time: timeOf(text),
    });
    const failed = rc !== undefined && rc !== 0;
    const summary = failed
      ? `${KIND[id]}: return code ${rc}${facts.event ? ` at "${facts.event}"` : ""}`
      : (KIND[id] ?? "AT-TLS message");
    return {
      id,
      family: "AT-TLS",
      summary,
      side: "unknown",
      facts,
      signals: failed && rc !== undefined ? rcSignals(rc) : [],
      source: SOURCE,
      confidence: "ibm",
    };
  },
};
