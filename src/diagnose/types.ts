/**
 * What `racfring diagnose` reads and concludes. Log lines are hostile input: recognisers only
 * extract fields with anchored, bounded patterns and never throw; every string that reaches a
 * terminal goes through src/audit/format/safe-text.ts at output time.
 */
import type { Confidence } from "../model/types.js";

/** Which end of the TLS connection a message speaks for, when the message says so. */
export type Side = "server" | "client" | "unknown";

/** Fields a message carried. Only what the text states; nothing is inferred here. */
export interface Facts {
  rc?: number;
  event?: string;
  connId?: string;
  grpId?: string;
  envId?: string;
  jobname?: string;
  user?: string;
  group?: string;
  rule?: string;
  local?: string;
  remote?: string;
  /** hh:mm:ss as logged (for the time-window correlation). */
  time?: string;
  /** TLS alert number, and whether this side sent or received it. */
  alert?: number;
  alertDirection?: "sent" | "received";
  /** A key ring named in the text: `OWNER/RING`, owner may be absent. */
  keyring?: string;
  label?: string;
  resource?: string;
  class?: string;
  intent?: string;
  allowed?: string;
  /** ICSF / R_datalib / CMS numbers. */
  service?: string;
  returnCode?: number;
  reasonCode?: number;
  status?: string;
  /** Record-header bytes decoded (plaintext where TLS was expected). */
  decoded?: string;
  /** Free notes the recogniser derived from the text itself (e.g. an ASCII decoding). */
  notes?: string[];
}

/** A cause the message points at, with how strongly (1 weak hint … 10 names the cause outright). */
export interface Signal {
  cause: CauseId;
  weight: number;
  /** The side that fails when this cause holds, if the message tells. */
  side?: Side;
}

/** One recognised log line. */
export interface LogMessage {
  /** Index in the input, 0-based (stable id for correlation and JSON). */
  index: number;
  file: string;
  line: number;
  text: string;
  /** Message id (EZD1287I, ICH408I, CWPKI0813E) or a kind (gsk-trace, tls-alert, openssl). */
  id: string;
  family: string;
  /** What the message says, in racfring's words. */
  summary: string;
  side: Side;
  facts: Facts;
  signals: Signal[];
  /** Where the message format and its meaning come from, and how sure racfring is. */
  source: string;
  confidence: Confidence;
}

/** A recogniser: one message family. Returns null for a line that is not of its family. */
export interface Recogniser {
  family: string;
  recognise(text: string): Omit<LogMessage, "index" | "file" | "line" | "text"> | null;
}

export type CauseId =
  | "ring-not-found"
  | "ring-not-authorised"
  | "no-default-certificate"
  | "private-key-not-returned"
  | "certificate-expired"
  | "partner-ca-not-trusted"
  | "tls13-no-cipher"
  | "no-common-cipher"
  | "no-common-protocol"
  | "ecc-curve-unsupported"
  | "ecc-signed-by-rsa"
  | "plaintext-reply"
  | "empty-ca-list"
  | "weak-dh"
  | "icsf-key-invalid"
  | "icsf-not-authorised"
  | "fips-not-approved"
  | "keyring-url-malformed"
  | "partner-rejected"
  | "environment-not-initialised";

export interface LogRef {
  file: string;
  line: number;
  text: string;
  /** What racfring read in the line (evidence only). */
  says?: string;
}

export interface Connection {
  id: string;
  /** What tied these messages together (CONNID 0000A3F1, job FTPD1, time window …). */
  keys: string[];
  jobname: string | null;
  user: string | null;
  rule: string | null;
  local: string | null;
  remote: string | null;
  /** Message indexes, in input order. */
  messages: number[];
}

export interface SimCheck {
  verdict: "confirmed" | "ruled-out" | "not-checked";
  /** What the simulator was asked. */
  request: string;
  rc: number | null;
  /** The decisive trace step, quoted. */
  step: string | null;
  note: string;
}

export interface Diagnosis {
  cause: CauseId;
  title: string;
  /** The connection the evidence comes from (null when the messages carry no connection). */
  connection: string | null;
  side: Side;
  confidence: Confidence;
  source: string;
  score: number;
  evidence: LogRef[];
  /** Exact RACF / TSO / console commands to run next. */
  checks: string[];
  fix: string[];
  simulation?: SimCheck;
}

export interface Unrecognised {
  count: number;
  first: LogRef[];
}

export interface DiagnoseReport {
  version: 1;
  messages: (LogMessage & { connection: string | null })[];
  connections: Connection[];
  diagnoses: Diagnosis[];
  unrecognised: Unrecognised;
  /** Who could open the ring when the messages name no user (from the inputs). */
  candidates: { ring: string; users: string[]; note: string }[];
  notes: string[];
}
