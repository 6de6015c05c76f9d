/**
 * The RACF state that matters for TLS on z/OS: users, certificates, key rings, the
 * general-resource profiles that authorise ring access (FACILITY IRR.DIGTCERT.*, RDATALIB
 * <owner>.<ring>.LST, STARTED) and the state of their classes.
 *
 * Pure data. Every fact keeps its provenance (`sources`) so that the simulator and the
 * audit can cite the file and line an administrator has to look at.
 *
 * Conventions used throughout:
 * - `null` means "not known from the inputs" (never "false" or "empty").
 * - Certificate owners are written the way RACDCERT LISTRING prints them:
 *   `ID(USER)`, `CERTAUTH` or `SITE`.
 */

/** How sure we are of a rule or of a return-code text. Shown to users next to every verdict. */
export type Confidence = "ibm" | "third-party" | "unconfirmed";

/** Where a fact came from. `line` is 1-based; 0 means "the whole file" or "no file". */
export interface Source {
  file: string;
  line: number;
  column?: number;
  /** What kind of input produced the fact. */
  kind: SourceKind;
}

export type SourceKind =
  | "jcl" // a RACF command in a batch TSO job or command deck
  | "listing" // RACDCERT LIST/LISTRING, RLIST, SETROPTS LIST output
  | "unload" // IRRDBU00 record
  | "cert" // a PEM/DER/PKCS#7 certificate file
  | "policy" // an AT-TLS policy file
  | "model" // a racfring model JSON read back
  | "default" // a documented RACF default racfring applied
  | "inferred"; // something racfring concluded (always explained in the message)

export type Severity = "error" | "warning" | "info";

/** A located problem in an input, or a noteworthy inference. Readers never throw on bad input. */
export interface InputIssue {
  file: string;
  line: number;
  column?: number;
  /** Stable machine code, e.g. `unknown-keyword`, `unbalanced-quote`, `label-too-long`. */
  code: string;
  severity: Severity;
  message: string;
}

export type CertStatus = "TRUST" | "NOTRUST" | "HIGHTRUST";
export type KeyType = "RSA" | "NISTECC" | "BPECC" | "DSA";
/** Where the private key lives: RACF database (software), ICSF PKDS, or ICSF TKDS. */
export type KeyStore = "software" | "PKDS" | "TKDS";
export type KeyUsage = "HANDSHAKE" | "DATAENCRYPT" | "DOCSIGN" | "CERTSIGN";
export type RingUsage = "PERSONAL" | "CERTAUTH" | "SITE";
export type AccessLevel = "NONE" | "EXECUTE" | "READ" | "UPDATE" | "CONTROL" | "ALTER";

export const ACCESS_ORDER: readonly AccessLevel[] = ["NONE", "EXECUTE", "READ", "UPDATE", "CONTROL", "ALTER"];

/** A certificate owner as printed by RACDCERT: `ID(FTPD)`, `CERTAUTH` or `SITE`. */
export type CertOwner = string;

export interface User {
  /** 1–8 characters, upper case. */
  id: string;
  special: boolean;
  /**
   * True when the user appears in the inputs (as a certificate or ring owner, a PERMIT id,
   * a STDATA user…) but is never defined by them. Reported, never silently invented.
   */
  implied: boolean;
  /** Groups the user is connected to (from ADDUSER DFLTGRP, CONNECT, IRRDBU00 0205). */
  groups: string[];
  /**
   * The default group (ADDUSER/ALTUSER DFLTGRP, IRRDBU00 USBD_DEFGRP_ID): the current connect
   * group of a job that names no other, which is all that counts with NOGRPLIST. Absent when no
   * input says.
   */
  defaultGroup?: string;
  revoked: boolean;
  sources: Source[];
}

export interface Group {
  id: string;
  sources: Source[];
}

export interface AltName {
  type: "DNS" | "IP" | "EMAIL" | "URI";
  value: string;
}

export interface CertificateRef {
  owner: CertOwner;
  label: string;
}

export interface Certificate {
  owner: CertOwner;
  /** 1–32 characters, case-sensitive. */
  label: string;
  status: CertStatus;
  /** ISO 8601 UTC, e.g. `2012-09-08T00:00:00Z`. */
  notBefore: string | null;
  notAfter: string | null;
  /** True when RACF would have chosen the dates itself (GENCERT defaults) and we assumed them. */
  datesAssumed: boolean;
  /** RFC 4514-ish DN as racfring normalises it (`CN=a,O=b,C=US`). */
  subject: string | null;
  issuer: string | null;
  altNames: AltName[];
  keyType: KeyType | null;
  keySize: number | null;
  /** Whether RACF holds a private key for this certificate. */
  privateKey: boolean | null;
  keyStore: KeyStore | null;
  /** ICSF PKDS label / TKDS token name when the key lives in ICSF. */
  icsfLabel: string | null;
  /** RACF key usage names. `null` = unknown; `[]` = the certificate has no key usage extension. */
  keyUsage: KeyUsage[] | null;
  /** RACF spelling where known (`sha256RSA`, `sha256ECDSA`…). */
  signatureAlgorithm: string | null;
  /** Hex, upper case, no separators, without leading zero bytes beyond RACF's display. */
  serial: string | null;
  /** SHA-256 fingerprint, hex upper case, no separators. */
  fingerprint: string | null;
  /** The signer when RACF generated the certificate (GENCERT SIGNWITH); `null` if unknown. */
  signer: CertificateRef | null;
  /** True if the certificate is self-signed (issuer = subject and signed by its own key). */
  selfSigned: boolean | null;
  /** True when this certificate was generated from a PKCS#10 request (GENCERT 'dsn'). */
  fromRequest: boolean;
  /** DER, base64. Present only when a certificate file supplied it. */
  der: string | null;
  sources: Source[];
}

export interface Connection {
  owner: CertOwner;
  label: string;
  usage: RingUsage;
  default: boolean;
  sources: Source[];
}

export interface Ring {
  /** Ring owner: always a user (never CERTAUTH or SITE, IBM message IRRD120I). */
  owner: string;
  /** 1–237 characters, case-sensitive. */
  name: string;
  connections: Connection[];
  sources: Source[];
}

export interface AccessEntry {
  /** User, group, or `*` (every RACF-defined user). */
  id: string;
  level: AccessLevel;
  sources: Source[];
}

export interface StartedData {
  /** `=MEMBER` means "the member (procedure) name". */
  user: string | null;
  group: string | null;
}

export interface Profile {
  class: string;
  /** As defined. Generic characters: `*`, `**`, `%`. */
  name: string;
  generic: boolean;
  uacc: AccessLevel;
  access: AccessEntry[];
  /** STARTED class only. */
  stdata: StartedData | null;
  /** DIGTCERT profiles only: application data (the certificate owner for DIGTCERT). */
  applData: string | null;
  /**
   * The WARNING attribute (RDEFINE/RALTER WARNING, RLIST "WARNING YES", IRRDBU00 GRBD_WARNING):
   * RACF lets a request through that the profile would deny and logs ICH408I as a warning.
   * Absent or false = NOWARNING, RACF's default.
   */
  warning?: boolean;
  sources: Source[];
}

export interface ClassState {
  active: boolean;
  raclisted: boolean;
  /** SETROPTS GENERIC(class) — generic profile checking on. */
  generic: boolean;
  /**
   * True while racfring assumed the state (a documented default), false once an input says so.
   * Assumptions are always listed in the output.
   */
  assumed: boolean;
  sources: Source[];
}

/** A SETROPTS option that changes access checks, with where racfring learned it. */
export interface SystemOption {
  value: boolean;
  /** True while racfring assumed the value (no input said); always stated in the output. */
  assumed: boolean;
  sources: Source[];
}

/** SETROPTS options the access checks depend on. */
export interface SystemOptions {
  /**
   * GRPLIST (list-of-groups checking): every group the user is connected to counts in an access
   * check; NOGRPLIST: only the current connect group (IBM RACF Security Administrator's Guide,
   * "List-of-groups checking"; rules §9).
   */
  grplist?: SystemOption;
}

export interface Assumption {
  message: string;
  sources: Source[];
}

/** The whole RACF state as racfring knows it. Plain JSON-serialisable data. */
export interface RacfState {
  users: User[];
  groups: Group[];
  certificates: Certificate[];
  rings: Ring[];
  profiles: Profile[];
  classes: Record<string, ClassState>;
  issues: InputIssue[];
  assumptions: Assumption[];
  /** SETROPTS options; absent ones take racfring's stated default (model/access.ts). */
  options?: SystemOptions;
}
