/**
 * The return codes racfring knows: System SSL (gsk_* API, shown by AT-TLS in EZD1286I /
 * EZD1287I "TTLS Error RC: n") and the few AT-TLS 5000-series codes for which a source exists.
 *
 * One typed table. Texts are IBM's short texts where IBM's table (or IBM MQ for z/OS's copy of
 * it) was readable; otherwise the number is well known but the text is marked "unconfirmed"
 * (rules §5). The AT-TLS table (z/OS Communications Server IP Diagnosis Guide, "AT-TLS
 * return codes", Table 2) was not found: only 5003 and 5006 are listed, from practitioner
 * reports, and `explain` says so for every other 5000-series code rather than invent a text.
 */
import type { Confidence } from "../model/types.js";

export type CodeFamily = "System SSL" | "AT-TLS";

export interface ReturnCodeInfo {
  code: number;
  family: CodeFamily;
  /** The short text as the product prints it (System SSL gsk_strerror / the manual's table). */
  text: string;
  /** How sure racfring is of the text itself. */
  textConfidence: Confidence;
  /** What the code means, in racfring's words. */
  meaning: string;
  /** Likely causes in RACF / AT-TLS set-ups, most frequent first. */
  causes: string[];
  /** What an administrator should look at. */
  check: string[];
  /** Where the text and the explanation come from. */
  source: string;
  /** How sure racfring is of the explanation (causes and checks). */
  confidence: Confidence;
}

const SSLFRC =
  "IBM z/OS Cryptographic Services System SSL Programming, return codes (https://www.ibm.com/docs/en/zos/latest?topic=sfrc-1; KC21 com.ibm.zos.v2r1.e0zh300/sslfrc.htm)";
const MQCOPY = "IBM MQ for z/OS copy of the System SSL return-code table (rules §5)";
const THIRD = "vendor support notes (rules §5, [3rd])";
const UNC = "number widely reported; IBM's text not found (rules §5, [UNCONFIRMED])";
const FIELD = "field";
const ATTLS =
  "IBM KC21 com.ibm.zos.v2r1.hald001/comtls.htm (AT-TLS return-code ranges); texts from practitioner reports";

type Row = Omit<ReturnCodeInfo, "family"> & { family?: CodeFamily };

const ROWS: Row[] = [
  {
    code: 0,
    text: "(success)",
    textConfidence: "ibm",
    meaning: "The function completed successfully.",
    causes: [],
    check: [],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 1,
    text: "Handle is not valid.",
    textConfidence: "ibm",
    meaning:
      "The application passed an environment or connection handle System SSL does not know (closed or never opened).",
    causes: ["application programming error", "environment closed while connections were still using it"],
    check: [
      "the application's System SSL call sequence; with AT-TLS this points at an AT-TLS or System SSL defect",
    ],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 3,
    text: "An internal error has occurred.",
    textConfidence: "ibm",
    meaning: "System SSL hit an internal error.",
    causes: ["product defect", "storage overlay"],
    check: ["a System SSL trace (GSK_TRACE) and IBM support"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 4,
    text: "Insufficient storage is available.",
    textConfidence: "ibm",
    meaning: "System SSL could not obtain storage.",
    causes: ["region too small for the address space", "storage leak in the application"],
    check: ["the job's REGION and MEMLIMIT"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 5,
    text: "Handle is in the incorrect state.",
    textConfidence: "ibm",
    meaning: "A System SSL function was called before the handle was initialised, or after it was closed.",
    causes: ["application call sequence error"],
    check: ["the application's System SSL call sequence"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 6,
    text: "Key label is not found.",
    textConfidence: "ibm",
    meaning:
      "The certificate label the application (or AT-TLS CertificateLabel) asked for is not on the key ring, or no label was given and the ring has no usable default certificate.",
    causes: [
      "the server certificate is not connected to the ring (only the CA certificate is) — field case 3",
      "no label configured and no certificate connected DEFAULT",
      "label spelled differently (labels are case-sensitive and may contain blanks)",
      "the certificate is NOTRUST, so R_datalib does not return it",
    ],
    check: [
      "RACDCERT ID(owner) LISTRING(ring): is the label there, with USAGE PERSONAL and DEFAULT?",
      "the exact label in the policy (CertificateLabel / ServerCertificateLabel) or GSK_KEYRING_LABEL",
      "RACDCERT ID(owner) LIST(LABEL('label')): Status TRUST?",
    ],
    source: `${SSLFRC}; ${FIELD} case 3`,
    confidence: "ibm",
  },
  {
    code: 7,
    text: "No certificates available.",
    textConfidence: "ibm",
    meaning: "The key ring or database holds no certificate System SSL can use for the requested function.",
    causes: ["empty key ring", "every certificate on the ring is NOTRUST or expired"],
    check: ["RACDCERT ID(owner) LISTRING(ring)"],
    source: SSLFRC,
    confidence: "unconfirmed",
  },
  {
    code: 8,
    text: "Certificate validation error.",
    textConfidence: "ibm",
    meaning: "A certificate in the partner's chain could not be validated.",
    causes: [
      "the issuing CA certificate is not on the ring or is NOTRUST",
      "a CA in the chain is expired or lacks certificate-signing key usage",
      "chain sent by the partner is incomplete",
    ],
    check: [
      "the partner's chain (openssl s_client -showcerts)",
      "CERTAUTH certificates connected to the ring",
    ],
    source: MQCOPY,
    confidence: "ibm",
  },
  {
    code: 9,
    text: "Cryptographic processing error.",
    textConfidence: "ibm",
    meaning: "A cryptographic operation failed, often inside ICSF.",
    causes: ["ICSF not started or key not usable in ICSF (field case 14)", "FIPS restrictions"],
    check: [
      "ICSF status and the CSF messages in the system log",
      "the System SSL trace for ICSF (CSF*) return and reason codes",
    ],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 10,
    text: "ASN processing error.",
    textConfidence: "ibm",
    meaning: "A certificate or other ASN.1 structure could not be decoded.",
    causes: ["damaged certificate", "certificate with an extension System SSL cannot parse"],
    check: ["the certificate with openssl asn1parse"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 11,
    text: "LDAP processing error.",
    textConfidence: "ibm",
    meaning: "System SSL failed talking to the LDAP server used for CRLs.",
    causes: ["LDAP server down or wrong GSK_LDAP_SERVER"],
    check: ["the LDAP settings of the environment"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 12,
    text: "An unexpected error has occurred.",
    textConfidence: "ibm",
    meaning: "System SSL reports an error it has no specific code for.",
    causes: ["varies"],
    check: ["a System SSL trace"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 102,
    text: "Error detected while reading key database or SAF key ring.",
    textConfidence: "ibm",
    meaning: "The ring or key database was opened but reading its entries failed.",
    causes: ["R_datalib failure while reading entries", "damaged key database"],
    check: ["RACDCERT LISTRING of the ring", "ICH408I or IRR* messages at the time"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 103,
    text: "Incorrect key database record format.",
    textConfidence: "ibm",
    meaning: "A record in a key database file has a format System SSL does not accept.",
    causes: ["key database written by an incompatible gskkyman level"],
    check: ["the key database with gskkyman"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 106,
    text: "Incorrect key database password.",
    textConfidence: "ibm",
    meaning: "The password or stash file does not open the key database (not used for SAF key rings).",
    causes: ["wrong stash file", "password changed"],
    check: ["KeyringStashFile / KeyringPw in the policy"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 109,
    text: "No certificate authority certificates.",
    textConfidence: "ibm",
    meaning:
      "The partner's certificate has to be validated, but the ring holds no CA certificate System SSL can use.",
    causes: [
      "no CERTAUTH certificate connected to the ring",
      "CA certificates connected but NOTRUST",
      "client using a ring that holds only its own certificate",
    ],
    check: ["RACDCERT ID(owner) LISTRING(ring): at least one CERTAUTH-usage, TRUST certificate"],
    source: MQCOPY,
    confidence: "ibm",
  },
  {
    code: 201,
    text: "No key database password supplied.",
    textConfidence: "ibm",
    meaning: "A key database file was named without password or stash file.",
    causes: ["KeyringStashFile missing in the policy for a gskkyman database"],
    check: ["TTLSKeyringParms"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 202,
    text: "Error detected while opening the certificate database.",
    textConfidence: "ibm",
    meaning:
      'System SSL could not open the key ring: R_datalib refused it (not authorised) or the ring does not exist under that owner (older releases say "…key database.").',
    causes: [
      "ring owner or ring name misspelled — ring names are case-sensitive (field case 1)",
      "the user has no READ (own ring) / UPDATE (another user's ring) to FACILITY IRR.DIGTCERT.LISTRING (field case 2)",
      "a matching RDATALIB <owner>.<ring>.LST profile denies the user — the ring owner included",
      "permissions changed but SETROPTS RACLIST(FACILITY|RDATALIB) REFRESH not done",
    ],
    check: [
      "ICH408I messages for IRR.DIGTCERT.LISTRING or *.LST at the time of the failure",
      "RACDCERT ID(owner) LISTRING(*) for the exact ring name",
      "RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER and RLIST RDATALIB owner.ring.LST AUTHUSER",
    ],
    source: `${SSLFRC}; ${FIELD} cases 1, 2`,
    confidence: "ibm",
  },
  {
    code: 203,
    text: "Unable to generate temporary key pair.",
    textConfidence: "ibm",
    meaning: "An ephemeral key pair for the handshake could not be generated.",
    causes: ["ICSF/CPACF problem"],
    check: ["ICSF status"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 204,
    text: "Key database password is expired.",
    textConfidence: "ibm",
    meaning: "The key database file's password has expired.",
    causes: ["gskkyman database password expiry"],
    check: ["gskkyman"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 401,
    text: "Certificate is expired or is not valid yet.",
    textConfidence: "ibm",
    meaning:
      "A certificate's validity period (notBefore–notAfter) does not cover the current time: the local certificate or one the partner sent.",
    causes: [
      "server certificate expired (both sides log 401, field case 5)",
      "certificate generated with a future NOTBEFORE",
      "a CA certificate in the chain expired",
    ],
    check: ["RACDCERT ID(owner) LIST(LABEL('label')): Start Date / End Date", "the partner's chain dates"],
    source: `${SSLFRC}; ${FIELD} case 5`,
    confidence: "ibm",
  },
  {
    code: 402,
    text: "No SSL cipher specifications.",
    textConfidence: "ibm",
    meaning: "No protocol / cipher suite both sides can use.",
    causes: [
      "TLSv1.3 enabled without any 13xx cipher suite (field case 8)",
      "TLSv1.2 not enabled (AT-TLS V2R1 default: Off) while the partner requires it",
      "cipher lists of the two sides do not overlap",
    ],
    check: [
      "TTLSEnvironmentAdvancedParms TLSv1.x settings",
      "TTLSCipherParms V3CipherSuites / V3CipherSuites4Char",
    ],
    source: `${SSLFRC}; ${FIELD} case 8`,
    confidence: "ibm",
  },
  {
    code: 403,
    text: "No certificate received from partner.",
    textConfidence: "ibm",
    meaning: "The server requires a client certificate and the client sent none.",
    causes: [
      "client has no certificate (no label, no default on its ring)",
      "client's certificate not issued by a CA the server lists",
    ],
    check: ["the client's key ring and label", "ClientAuthType on the server side"],
    source: MQCOPY,
    confidence: "ibm",
  },
  {
    code: 405,
    text: "Certificate format is not supported.",
    textConfidence: "ibm",
    meaning: "A certificate uses a format or algorithm System SSL does not support.",
    causes: ["unsupported key type or signature algorithm"],
    check: ["the certificate's key and signature algorithms"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 406,
    text: "Error while reading or writing data.",
    textConfidence: "unconfirmed",
    meaning: "The socket failed under the TLS layer — typically the partner reset the connection.",
    causes: [
      "the partner's AT-TLS environment failed (e.g. 202 on its ring) and it reset the connection (field case 1)",
      "network reset, firewall",
    ],
    check: ["the partner's EZD1287I / error log at the same time"],
    source: `${UNC}; ${FIELD} case 1`,
    confidence: "third-party",
  },
  {
    code: 407,
    text: "Key label does not exist.",
    textConfidence: "ibm",
    meaning: "The label given does not exist in the key database.",
    causes: ["label spelled differently"],
    check: ["the exact label, case and blanks included"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 410,
    text: "SSL message format is incorrect.",
    textConfidence: "unconfirmed",
    meaning: "A record that is not a valid TLS message was received.",
    causes: [
      "the partner answered in plain text (FTPS mismatch: '550 ' seen as record header, field case 11)",
      "an empty certificate_authorities list under an old protocol (field case 12)",
    ],
    check: ["the System SSL trace's record header bytes", "implicit vs explicit FTPS, ports"],
    source: `${UNC}; ${FIELD} cases 11, 12`,
    confidence: "third-party",
  },
  {
    code: 412,
    text: "SSL protocol or certificate type is not supported.",
    textConfidence: "unconfirmed",
    meaning: "The partner asked for a protocol version or certificate type this side does not allow.",
    causes: ["protocol versions do not overlap"],
    check: ["TLSv1.x settings on both sides"],
    source: UNC,
    confidence: "unconfirmed",
  },
  {
    code: 414,
    text: "Certificate is not valid.",
    textConfidence: "unconfirmed",
    meaning: "A certificate failed a validity check other than its dates.",
    causes: ["malformed extensions", "basic constraints violated"],
    check: ["the certificate's extensions"],
    source: UNC,
    confidence: "unconfirmed",
  },
  {
    code: 417,
    text: "Self-signed certificate cannot be validated.",
    textConfidence: "unconfirmed",
    meaning: "The partner sent a self-signed certificate that is not on this side's ring as a trusted CA.",
    causes: ["self-signed partner certificate not connected with USAGE(CERTAUTH)"],
    check: ["add the partner's self-signed certificate as CERTAUTH and connect it"],
    source: UNC,
    confidence: "unconfirmed",
  },
  {
    code: 420,
    text: "Socket closed by remote partner.",
    textConfidence: "unconfirmed",
    meaning: "The partner closed the connection during the handshake.",
    causes: ["the partner rejected something without sending an alert"],
    check: ["the partner's log"],
    source: UNC,
    confidence: "unconfirmed",
  },
  {
    code: 422,
    text: "SSL V3 cipher is not valid.",
    textConfidence: "ibm",
    meaning: "A cipher specification in the configuration is not valid.",
    causes: ["typing error in V3CipherSuites / V3CipherSuites4Char"],
    check: ["TTLSCipherParms"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 428,
    text: "Key entry does not contain a private key.",
    textConfidence: "ibm",
    meaning:
      "The selected certificate came back from the ring without a private key — because RACF has none, or because R_datalib withheld it from this caller. Both look the same to System SSL.",
    causes: [
      "the certificate belongs to another user and the ring is opened under FACILITY checking (field case 4)",
      "RDATALIB .LST profile grants READ where UPDATE is needed for another user's key (field case 6)",
      "connected with USAGE(CERTAUTH) or USAGE(SITE) instead of PERSONAL",
      "CERTAUTH/SITE certificate connected PERSONAL, caller neither SPECIAL nor CONTROL",
      "certificate added without its key (from a request or a CERTDER file)",
      // IBM's explanation of 428 names these ICSF and token causes (sfrc-1, "428").
      "the private key is stored in ICSF and ICSF services are not available (ICSF started after the application)",
      "the private key is in ICSF and the application's user may not use its key label (CSFKEYS; the return code for this cause is not documented, racfring predicts 428)",
      "the application executes in FIPS mode and the private key is stored in ICSF",
      "the private key is larger than the configured limit",
      "z/OS PKCS #11 token: the user has no appropriate access to the CRYPTOZ class",
    ],
    check: [
      "who the application runs as (STARTED profile / job user) versus the certificate's owner",
      "RACDCERT ID(owner) LISTRING(ring): Cert Owner and Usage of the selected entry",
      "RACDCERT LIST(LABEL('label')): Private Key: YES only proves RACF has a key, not that this caller gets it",
      "a key in ICSF (LIST shows a PKDS label): ICSF is started before the application; RLIST CSFKEYS <label> AUTHUSER shows READ for the application's user; not in FIPS mode",
    ],
    source: `${SSLFRC}; ${FIELD} cases 4, 6`,
    confidence: "ibm",
  },
  {
    code: 431,
    text: "Certificate is revoked.",
    textConfidence: "third-party",
    meaning: "A certificate in the chain is on a revocation list (CRL/OCSP).",
    causes: ["revoked certificate"],
    check: ["the CA's CRL/OCSP responder"],
    source: THIRD,
    confidence: "third-party",
  },
  {
    code: 432,
    text: "Session renegotiation is not allowed.",
    textConfidence: "ibm",
    meaning: "The partner tried to renegotiate and the environment forbids it.",
    causes: ["Renegotiation Disabled in TTLSEnvironmentAdvancedParms"],
    check: ["Renegotiation settings on both sides"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 434,
    text: "Certificate key is not compatible with cipher suite.",
    textConfidence: "third-party",
    meaning:
      "The server's key type cannot be used with any cipher suite both sides enabled (an ECDSA key with only *_RSA_* suites, or the reverse).",
    causes: [
      "NISTECC server certificate with RSA-only cipher list",
      "RSA certificate with ECDSA-only cipher list",
    ],
    check: ["the certificate's key type (RACDCERT LIST)", "V3CipherSuites / V3CipherSuites4Char"],
    source: THIRD,
    confidence: "third-party",
  },
  {
    code: 435,
    text: "Certificate authority is unknown.",
    textConfidence: "ibm",
    meaning: "The issuer of the partner's certificate is not among the CA certificates on this side's ring.",
    causes: [
      "partner's CA (root or intermediate) not added / connected",
      "CA certificate connected but NOTRUST",
    ],
    check: ["the partner certificate's issuer DN versus CERTAUTH certificates on the ring"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 437,
    text: "Connection closed.",
    textConfidence: "unconfirmed",
    meaning: "The connection was closed during the handshake.",
    causes: ["partner gave up"],
    check: ["the partner's log"],
    source: UNC,
    confidence: "unconfirmed",
  },
  {
    code: 438,
    text: "Internal error reported by remote partner.",
    textConfidence: "unconfirmed",
    meaning: "The partner sent an internal_error alert: the problem is on the other side.",
    causes: ["the partner could not use its certificate (6 or 428 on its side, field cases 3 and 4)"],
    check: ["the partner's EZD1287I / error log: its own return code names the cause"],
    source: `${UNC}; ${FIELD} cases 3, 4`,
    confidence: "third-party",
  },
  {
    code: 439,
    text: "Unknown alert received from remote partner.",
    textConfidence: "unconfirmed",
    meaning: "The partner sent an alert System SSL does not map to a specific code.",
    causes: ["partner-specific rejection"],
    check: ["the partner's log; a packet trace shows the alert number"],
    source: UNC,
    confidence: "unconfirmed",
  },
  {
    code: 440,
    text: "Incorrect key usage.",
    textConfidence: "ibm",
    meaning:
      "The certificate's key usage extension does not allow the handshake (digitalSignature / keyEncipherment).",
    causes: [
      "certificate generated with KEYUSAGE(CERTSIGN) or DOCSIGN only",
      "a CA certificate used as server certificate",
    ],
    check: ["RACDCERT LIST(LABEL('label')): Key Usage should include HANDSHAKE"],
    source: SSLFRC,
    confidence: "ibm",
  },
  {
    code: 467,
    text: "Signature algorithm not in signature algorithm pairs list.",
    textConfidence: "ibm",
    meaning:
      "A certificate in the chain is signed with an algorithm the partner did not list in signature_algorithms.",
    causes: ["SHA-1 signed certificates with TLS 1.2/1.3 partners", "TTLSSignatureParms too narrow"],
    check: ["the chain's signature algorithms", "TTLSSignatureParms on both sides"],
    source: "IBM KC21 com.ibm.zos.v2r1.gska100/idg27899.htm",
    confidence: "ibm",
  },
  {
    code: 5003,
    family: "AT-TLS",
    text: "Clear text data received on a secure connection.",
    textConfidence: "third-party",
    meaning:
      "AT-TLS expected a TLS record and received plain data (the partner is not speaking TLS on this port).",
    causes: ["client connected without TLS to a TLS port", "wrong port"],
    check: ["the partner's configuration and port"],
    source: ATTLS,
    confidence: "third-party",
  },
  {
    code: 5006,
    family: "AT-TLS",
    text: "The AT-TLS environment could not be initialised.",
    textConfidence: "third-party",
    meaning:
      'The connection mapped to an AT-TLS environment whose initialisation failed earlier (look for the System SSL code logged at "Environment Master Init" / "Environment Link").',
    causes: ["the key ring could not be opened (202 at environment init, field case 1)"],
    check: ["the earlier EZD1287I messages for the same rule and environment"],
    source: `${ATTLS}; ${FIELD} case 1`,
    confidence: "third-party",
  },
];

/** The catalogue, in code order. */
export const CATALOGUE: readonly ReturnCodeInfo[] = ROWS.map((r) => ({
  ...r,
  family: r.family ?? "System SSL",
}));

const BY_CODE = new Map<number, ReturnCodeInfo>(CATALOGUE.map((r) => [r.code, r]));

export function lookupCode(code: number): ReturnCodeInfo | undefined {
  return BY_CODE.get(code);
}

/** The catalogue entry, or a placeholder that says the text is unknown (never invented). */
export function codeInfo(code: number): ReturnCodeInfo {
  return (
    BY_CODE.get(code) ?? {
      code,
      family: code >= 5000 ? "AT-TLS" : "System SSL",
      text: "(text not in racfring's catalogue)",
      textConfidence: "unconfirmed",
      meaning: "",
      causes: [],
      check: [],
      source: "",
      confidence: "unconfirmed",
    }
  );
}

/** Why a code is missing, for `explain`: AT-TLS Table 2 was not found, System SSL gaps are listed. */
export function missingCodeNote(code: number): string {
  if (code >= 5001 && code <= 5999) {
    return `AT-TLS return code ${code} is not in racfring's catalogue: IBM's AT-TLS return-code table (IP Diagnosis Guide, Table 2) was not found, so only 5003 and 5006 are listed rather than invented. 5001–5999 are errors the user can correct; see the EZD1287I message and the IBM manual.`;
  }
  if (code >= 6001 && code <= 6999) {
    return `AT-TLS return code ${code} is an internal AT-TLS error (6001–6999, IBM KC21 hald001/comtls.htm); racfring has no text for it. Report it to IBM with the EZD1287I message.`;
  }
  return `System SSL return code ${code} is not in racfring's catalogue (texts of 404, 408–421, 423–427, 429–439 and 441–466 were only partly found; rules §8). See IBM z/OS System SSL Programming, "Function return codes".`;
}
