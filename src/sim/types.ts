/**
 * The simulator's public shapes: the request, each check's step, the fix, and the result with
 * its conditions and other outcomes (what the prediction rests on when the inputs are partial).
 */

import type { Certificate, Confidence, Source } from "../model/types.js";

/** Where the settings came from when an AT-TLS policy supplied them (for evidence and fixes). */
export interface PolicyOrigin {
  file: string;
  rule: string;
  keyring: Source | null;
  label: Source | null;
  role: Source | null;
  clientAuth: Source | null;
  protocols: Source | null;
  /** Every protocol switch the policy sets (TLSv1.x On/Off lines), for evidence. */
  protocolLines?: Source[];
  ciphers: Source | null;
  /** Protocol switches the policy did not set, taken from AT-TLS defaults (listed as assumptions). */
  defaultedProtocols: string[];
}

export interface SimRequest {
  /** User id the application runs as. */
  user: string;
  /** Real ring; virtual: name "*" with owner USER, "*AUTH*" or "*SITE*". */
  ring: { owner: string; name: string };
  /** Certificate label to use; null/absent = ring default. */
  label?: string | null;
  /** Default "server". */
  role?: "server" | "client";
  clientAuth?: "none" | "passthru" | "full" | "required";
  /** Validity instant. */
  at: Date;
  /** e.g. ["TLSv1.2","TLSv1.3"]; null/absent = not evaluated. */
  protocols?: string[] | null;
  /** 4-char (e.g. "C02F") or names; null/absent = System SSL defaults, not evaluated. */
  ciphers?: string[] | null;
  /**
   * The partner's chain, leaf first. Absent: the partner's certificate is unknown (only the CA
   * side is checked). An empty array: the partner sends no certificate.
   */
  peerCertificates?: Certificate[];
  /** How the user id was found (e.g. a STARTED profile), shown in the identity step. */
  userOrigin?: { description: string; startedProfile: string | null; sources: Source[] } | null;
  /** Set when the settings came from an AT-TLS policy rule. */
  policy?: PolicyOrigin | null;
  /** The partner's signature_algorithms (RACF spellings, e.g. sha256RSA); enables the 467 check. */
  peerSignatureAlgorithms?: string[] | null;
  /** Also require the LISTRING levels on FACILITY IRR.DIGTCERT.LIST ([3rd], rules §1). */
  checkDigtcertList?: boolean;
  /**
   * Pessimistic reading: an access level or a FACILITY profile the inputs do not show is taken
   * as missing (the step fails) instead of as what the step needs (default false).
   */
  assumeDenied?: boolean;
  /**
   * false: the caller keeps the prediction (rc, confidence, fix, assumptions, conditions,
   * outcomes…) and not the trace — `steps` comes back empty and their text is never built (the
   * audit simulates every application of a site). Default true.
   */
  trace?: boolean;
}

/** A check's answer: it passed, it failed, or the inputs do not hold the facts to decide. */
export type Verdict = "pass" | "fail" | "unknown";

/**
 * A fact the prediction rests on that the inputs do not show. `configuration`: a setting taken
 * at its documented typical value; `access`: a user's level taken as what the step needs;
 * `fact`: something about a certificate (key, dates) taken as the usual case.
 */
export interface SimCondition {
  kind: "configuration" | "access" | "fact";
  /** The assumption, said as a condition ("TCPIP can read the ring …"). */
  text: string;
  /** The command whose output decides it (RLIST … AUTHUSER, SETROPTS LIST, RACDCERT LIST). */
  decide: string[];
  /** The check that relied on it. */
  step: string;
}

/** What happens on the other branch of an unknown. */
export interface SimOutcome {
  rc: number;
  text: string;
  /** When this outcome happens instead of the prediction. */
  condition: string;
  confidence: Confidence;
}

export interface SimStep {
  id: string;
  /** true: pass; false: fail; null: not decided (unknown, or nothing to check). */
  ok: boolean | null;
  /** pass / fail / unknown (set by the driver from `ok` and `missing`). */
  verdict?: Verdict;
  /** What the inputs would have to show to decide an unknown step. */
  missing?: string[];
  title: string;
  detail: string;
  evidence: Source[];
  source: string;
  confidence: Confidence;
}

export interface SimFix {
  summary: string;
  /** RACF commands, in order, ready for a TSO batch job. */
  commands: string[];
  /** Things to do that are not RACF commands (policy refresh, restart). */
  notes?: string[];
}

export interface SimResult {
  rc: number;
  text: string;
  confidence: Confidence;
  event: string;
  /** The side that logs `rc`. */
  side: "server" | "client";
  user: string;
  keyring: string;
  label: string | null;
  steps: SimStep[];
  partner: { rc: number; text: string; confidence: Confidence } | null;
  fix: SimFix | null;
  alternatives: SimFix[];
  assumptions: string[];
  /** Confidence of the return code's text (catalogue). */
  textConfidence: Confidence;
  /** What the application's role is (server or client). */
  role: "server" | "client";
  /** Things partners outside z/OS will reject (browser rules) — they do not change `rc`. */
  warnings: string[];
  /** Messages to expect: RACF ICH408I for a denied ring read, AT-TLS EZD1287I with a policy. */
  messages: string[];
  /** The unknowns `rc` relies on (empty: every fact it needed is in the inputs). */
  conditions: SimCondition[];
  /** The other branches the unknowns open, each with its condition. */
  outcomes: SimOutcome[];
}
