/**
 * The causes the diagnoser can name: what each means, which side fails, what to check (exact
 * RACF/TSO commands with the names the messages gave) and the fix. Sources and confidences are
 * those of the field cases (field-cases.md) and the IBM manuals cited; return-code texts come
 * from the simulator's catalogue, not from here.
 */

import type { Confidence } from "../model/types.js";
import { quote } from "../sim/commands.js";
import type { CauseId } from "./types.js";

/** What the messages told about the failing application (placeholders when they did not). */
export interface CauseContext {
  user: string | null;
  ringOwner: string | null;
  ring: string | null;
  label: string | null;
  rule: string | null;
  jobname: string | null;
}

/** Which side fails when the cause holds: the side that logged the evidence, or a fixed one. */
export type SideRule = "reporter" | "partner" | "server" | "client";

export interface CauseDef {
  id: CauseId;
  title: string;
  side: SideRule;
  source: string;
  confidence: Confidence;
  checks(c: CauseContext): string[];
  fix(c: CauseContext): string[];
  /** The simulator decides this cause (key ring, permission, certificate selection). */
  simulated: boolean;
}

const u = (c: CauseContext) => c.user ?? "<user>";
const o = (c: CauseContext) => c.ringOwner ?? "<owner>";
const r = (c: CauseContext) => c.ring ?? "<ring>";
const lst = (c: CauseContext) => `${o(c)}.${r(c)}.LST`;
const REFRESH =
  "F PAGENT,REFRESH (use your Policy Agent's procedure name), or restart the application, so the ring is read again";
const FIELD = "field";
const SSL = "IBM z/OS System SSL Programming, return codes";

const DEFS: CauseDef[] = [
  {
    id: "ring-not-found",
    title: "The key ring does not exist under the owner the application names",
    side: "reporter",
    source: `${SSL} (202); ${FIELD} case 1`,
    confidence: "third-party",
    simulated: true,
    checks: (c) => [
      `RACDCERT ID(${o(c)}) LISTRING(${r(c)})`,
      `RACDCERT ID(${o(c)}) LISTRING(*)`,
      c.rule
        ? `pasearch -t -n ${c.rule}   (z/OS UNIX: the rule's Keyring)`
        : "the Keyring in the AT-TLS policy / the application's key ring setting",
    ],
    fix: (c) => [
      `Name the ring exactly as RACF has it (owner/RING, case-sensitive), e.g. Keyring ${o(c)}/${r(c)}, or create it: RACDCERT ID(${o(c)}) ADDRING(${r(c)})`,
      REFRESH,
    ],
  },
  {
    id: "ring-not-authorised",
    title: "The application's user may not read the key ring",
    side: "reporter",
    source: `IBM R_datalib authorisation (RDATALIB / IRR.DIGTCERT.LISTRING); ${FIELD} case 2`,
    confidence: "ibm",
    simulated: true,
    checks: (c) => [
      `RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER`,
      `RLIST RDATALIB ${lst(c)} AUTHUSER`,
      `SETROPTS LIST`,
      `LISTUSER ${u(c)}`,
    ],
    fix: (c) => [
      c.user && c.ringOwner && c.user === c.ringOwner
        ? `PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(${u(c)}) ACCESS(READ)`
        : `PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(${u(c)}) ACCESS(UPDATE)   (another user's ring), or a ring-specific PERMIT ${lst(c)} CLASS(RDATALIB) ID(${u(c)}) ACCESS(READ)`,
      "SETROPTS RACLIST(FACILITY) REFRESH   (RACLIST(RDATALIB) REFRESH for an RDATALIB profile)",
      REFRESH,
    ],
  },
  {
    id: "no-default-certificate",
    title: "No usable certificate on the ring: the label is missing or no personal certificate is DEFAULT",
    side: "reporter",
    source: `${SSL} (6, 7, 407); ${FIELD} case 3`,
    confidence: "ibm",
    simulated: true,
    checks: (c) => [
      `RACDCERT ID(${o(c)}) LISTRING(${r(c)})`,
      c.label ? `RACDCERT ID(${o(c)}) LIST(LABEL(${quote(c.label)}))` : `RACDCERT ID(${o(c)}) LIST`,
    ],
    fix: (c) => [
      `RACDCERT ID(${o(c)}) CONNECT(ID(${o(c)}) LABEL(${quote(c.label ?? "<server certificate label>")}) RING(${r(c)}) USAGE(PERSONAL) DEFAULT)`,
      "SETROPTS RACLIST(DIGTRING DIGTCERT) REFRESH",
      REFRESH,
    ],
  },
  {
    id: "private-key-not-returned",
    title: "The ring is readable but the certificate's private key is not returned to this user",
    side: "reporter",
    source: `IBM R_datalib usage notes (private keys: own certificate, or UPDATE on <owner>.<ring>.LST); ${SSL} (428); field cases 4 and 6`,
    confidence: "ibm",
    simulated: true,
    checks: (c) => [
      `RACDCERT ID(${o(c)}) LISTRING(${r(c)})   (who owns the DEFAULT certificate?)`,
      `RLIST RDATALIB ${lst(c)} AUTHUSER`,
      c.jobname
        ? `RLIST STARTED ${c.jobname}.* STDATA   (which user the server runs as)`
        : `LISTUSER ${u(c)}`,
    ],
    fix: (c) => [
      `RDEFINE RDATALIB ${lst(c)} UACC(NONE) and PERMIT ${lst(c)} CLASS(RDATALIB) ID(${u(c)}) ACCESS(UPDATE), then SETROPTS RACLIST(RDATALIB) REFRESH`,
      `or connect a certificate owned by ${u(c)} (RACDCERT ID(${o(c)}) CONNECT(ID(${u(c)}) LABEL('<label>') RING(${r(c)}) USAGE(PERSONAL) DEFAULT)), or run the server as the certificate's owner`,
      REFRESH,
    ],
  },
  {
    id: "certificate-expired",
    title: "A certificate in the handshake is expired or not yet valid",
    side: "server",
    source: `${SSL} (401); ${FIELD} case 5`,
    confidence: "ibm",
    simulated: true,
    checks: (c) => [
      `RACDCERT ID(${o(c)}) LISTRING(${r(c)})`,
      `RACDCERT ID(${o(c)}) LIST   (Start Date / End Date)`,
    ],
    fix: (c) => [
      `Renew: RACDCERT ID(${o(c)}) GENREQ(LABEL('<label>')) DSN('<request data set>'), RACDCERT ID(${o(c)}) GENCERT('<request data set>') SIGNWITH(...) NOTAFTER(DATE(...)), then ALTER(LABEL('<label>')) TRUST if RACF set NOTRUST`,
      REFRESH,
    ],
  },
  {
    id: "partner-ca-not-trusted",
    title: "The partner's certificate chain does not lead to a CA on this side's ring",
    side: "reporter",
    source: `${SSL} (8, 414, 435); RFC 8446 alert 48`,
    confidence: "third-party",
    simulated: false,
    checks: (c) => [
      `RACDCERT ID(${o(c)}) LISTRING(${r(c)})   (is the partner's CA connected USAGE(CERTAUTH) and TRUST?)`,
      "openssl s_client -connect <host>:<port> -showcerts",
    ],
    fix: (c) => [
      `RACDCERT CERTAUTH ADD('<CA certificate data set>') WITHLABEL('<CA label>') TRUST, then RACDCERT ID(${o(c)}) CONNECT(CERTAUTH LABEL('<CA label>') RING(${r(c)}) USAGE(CERTAUTH))`,
      REFRESH,
    ],
  },
  {
    id: "tls13-no-cipher",
    title: "TLS 1.3 is enabled but no TLS 1.3 cipher suite (13xx) is configured",
    side: "reporter",
    source: `${FIELD} case 8`,
    confidence: "third-party",
    simulated: false,
    checks: (c) => [
      c.rule
        ? `pasearch -t -n ${c.rule}   (TLSv1.3 and the cipher list)`
        : "the policy's TLSv1.3 switch and V3CipherSuites / TTLSCipherParms",
    ],
    fix: () => [
      "Add TLS_AES_128_GCM_SHA256 (1301), TLS_AES_256_GCM_SHA384 (1302) or TLS_CHACHA20_POLY1305_SHA256 (1303) to the cipher list, or set TLSv1.3 Off",
      "F PAGENT,REFRESH",
    ],
  },
  {
    id: "no-common-cipher",
    title: "The two sides have no cipher suite in common",
    side: "reporter",
    source: `${SSL} (402); RFC 8446 alert 40`,
    confidence: "third-party",
    simulated: false,
    checks: (c) => [
      c.rule ? `pasearch -t -n ${c.rule}   (cipher list)` : "both sides' cipher lists",
      "openssl s_client -connect <host>:<port> -cipher <suite>",
    ],
    fix: () => [
      "Enable at least one suite both sides support (for TLS 1.2 e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, C02F)",
    ],
  },
  {
    id: "no-common-protocol",
    title: "The two sides have no TLS protocol version in common",
    side: "reporter",
    source: "RFC 8446 alert 70; System SSL 412",
    confidence: "third-party",
    simulated: false,
    checks: (c) => [
      c.rule ? `pasearch -t -n ${c.rule}   (TLSv1.x switches)` : "both sides' enabled protocols",
    ],
    fix: () => ["Enable a common version on both sides (TLS 1.2 and/or 1.3)"],
  },
  {
    id: "ecc-curve-unsupported",
    title: "The server's ECC key uses a curve the client does not offer (P-521)",
    side: "server",
    source: `${FIELD} case 9`,
    confidence: "third-party",
    simulated: false,
    checks: (c) => [`RACDCERT ID(${o(c)}) LIST(LABEL('<label>'))   (Key Type / Key Size)`],
    fix: (c) => [
      `RACDCERT ID(${o(c)}) GENCERT ... NISTECC SIZE(256) (or SIZE(384)), connect it DEFAULT, refresh`,
    ],
  },
  {
    id: "ecc-signed-by-rsa",
    title: "The ECC server certificate is signed by an RSA CA",
    side: "server",
    source: `${FIELD} case 10`,
    confidence: "third-party",
    simulated: false,
    checks: (c) => [`RACDCERT ID(${o(c)}) LIST(LABEL('<label>'))   (Key Type and Signing Algorithm)`],
    fix: () => [
      "Sign ECC certificates with an ECC CA (RACDCERT CERTAUTH GENCERT ... NISTECC), then re-issue the server certificate",
    ],
  },
  {
    id: "plaintext-reply",
    title: "The partner answered in plain text where a TLS record was expected",
    side: "partner",
    source: `${FIELD} case 11 (record header decoded as text)`,
    confidence: "third-party",
    simulated: false,
    checks: () => [
      "the port: implicit FTPS (990) vs explicit AUTH TLS (21); does the server accept AUTH TLS?",
      "openssl s_client -connect <host>:<port> -starttls ftp",
    ],
    fix: () => [
      "Point the client at the TLS port or match implicit/explicit FTPS on both sides; let the server accept AUTH TLS",
    ],
  },
  {
    id: "empty-ca-list",
    title: "The server's CertificateRequest lists no certificate authorities",
    side: "server",
    source: `${FIELD} case 12`,
    confidence: "third-party",
    simulated: false,
    checks: () => [
      'openssl s_client -connect <host>:<port> -state   ("Acceptable client certificate CA names")',
    ],
    fix: () => [
      "On the server: send the CA names (load the client CA list) or stop asking for a client certificate; move both ends to TLS 1.2 or later",
    ],
  },
  {
    id: "weak-dh",
    title: "The server's Diffie-Hellman parameters are rejected (too small)",
    side: "server",
    source: `${FIELD} case 13; OpenSSL reason strings`,
    confidence: "third-party",
    simulated: false,
    checks: () => ["openssl s_client -connect <host>:<port> -cipher 'DHE'   (Server Temp Key size)"],
    fix: () => ["Use ECDHE or RSA key exchange, or DH parameters of at least 2048 bits"],
  },
  {
    id: "icsf-key-invalid",
    title: "ICSF rejects the certificate's key (key values not valid)",
    side: "reporter",
    source: `${FIELD} case 14; ICSF reason 2B00`,
    confidence: "third-party",
    simulated: false,
    checks: (c) => [`RACDCERT ID(${o(c)}) LIST(LABEL('<label>'))   (PKDS label / key)`, "D ICSF,KDS"],
    fix: (c) => [
      `Regenerate the key and certificate (RACDCERT ID(${o(c)}) GENCERT ... PCICC or ICSF), reconnect it, refresh`,
    ],
  },
  {
    id: "icsf-not-authorised",
    title: "The user may not use the ICSF service or key",
    side: "reporter",
    source: "ICSF CSFSERV / CSFKEYS authorisation",
    confidence: "third-party",
    simulated: false,
    checks: (c) => [`RLIST CSFSERV * AUTHUSER`, `RLIST CSFKEYS * AUTHUSER`, `LISTUSER ${u(c)}`],
    fix: (c) => [
      `PERMIT <profile> CLASS(CSFSERV) ID(${u(c)}) ACCESS(READ)`,
      "SETROPTS RACLIST(CSFSERV CSFKEYS) REFRESH",
    ],
  },
  {
    id: "fips-not-approved",
    title: "FIPS mode is on and the negotiated algorithm is not FIPS-approved (e.g. ChaCha20)",
    side: "reporter",
    source: `${FIELD} case 15`,
    confidence: "third-party",
    simulated: false,
    checks: (c) => [
      c.rule
        ? `pasearch -t -n ${c.rule}   (FIPS140 and the cipher list)`
        : "the FIPS140 setting and the cipher list",
    ],
    fix: () => [
      "Remove TLS_CHACHA20_POLY1305_SHA256 (1303) from the list while FIPS 140 mode is on, or turn FIPS mode off",
    ],
  },
  {
    id: "keyring-url-malformed",
    title: "The Java key ring URL or keystore type is wrong",
    side: "reporter",
    source: "IBM SDK for z/OS key ring URL forms",
    confidence: "unconfirmed",
    simulated: false,
    checks: (c) => [`RACDCERT ID(${o(c)}) LISTRING(${r(c)})`],
    fix: (c) => [
      `Write safkeyring://${o(c)}/${r(c)} (safkeyring:///${r(c)} for one's own ring) with keystore type JCERACFKS (JCECCARACFKS for safkeyringhw, JCEHYBRIDRACFKS for safkeyringhybrid)`,
    ],
  },
  {
    id: "partner-rejected",
    title: "The partner ended the handshake (its own logs hold the cause)",
    side: "partner",
    source: `${SSL} (406, 420, 437, 438)`,
    confidence: "unconfirmed",
    simulated: false,
    checks: () => ["the partner's logs for the same time (EZD1287I, ICH408I, its trace)"],
    fix: () => ["Fix what the partner logged; this side's code only reports that the partner stopped"],
  },
  {
    id: "environment-not-initialised",
    title: "The AT-TLS environment failed to initialise earlier; connections using it fail",
    side: "reporter",
    source: `AT-TLS 5006; ${FIELD} case 1`,
    confidence: "third-party",
    simulated: false,
    checks: (c) => [
      c.rule
        ? `the earlier EZD1287I messages for rule ${c.rule} ("Environment Master Init")`
        : "the earlier EZD1287I messages at Environment Master Init",
    ],
    fix: () => ["Fix the error logged at environment initialisation, then F PAGENT,REFRESH"],
  },
];

const BY_ID = new Map(DEFS.map((d) => [d.id, d]));

export function causeDef(id: CauseId): CauseDef {
  const d = BY_ID.get(id);
  if (!d) throw new Error(`unknown cause ${id}`);
  return d;
}

export const CAUSES: readonly CauseDef[] = DEFS;
