/** The rule texts the steps cite, each with its source and confidence tag (rules §1–§7). */
// ---- rule sources ------------------------------------------------------------------------

export const R = {
  ringName: "ring names are case-sensitive, owned by users only — IBM KC21 icha700/tringp.htm (rules §1)",
  virtual:
    "virtual key rings — IBM KC21 icha700/uvkr.htm; usage fixed per ring — IBM R_datalib usage notes (rules §1)",
  dlibauth:
    "R_datalib authorization: RDATALIB <owner>.<RING>.LST when active, RACLISTed and matching, else FACILITY IRR.DIGTCERT.LISTRING — IBM KC24 ichd100/dlibauth.htm (rules §1)",
  listring:
    "FACILITY IRR.DIGTCERT.LISTRING: READ own ring, UPDATE another user's — IBM KC21 icha400/le-listring.htm (rules §1)",
  ownerLocked:
    "a matching RDATALIB profile replaces the FACILITY check for everyone, the ring owner included — Zowe ZWEIKRR1 [3rd] (rules §1)",
  notProtected:
    "no profile protects the resource: RACF answers 'not protected'; R_datalib's handling of that is not documented — racfring treats it as not authorised [UNCONFIRMED]",
  notrust:
    "certificates marked NOTRUST in RACF are not retrieved from the key ring — IBM System SSL return code 6, z/OS 2.5 sfrc-1 (rules §3)",
  keys: "private keys come back only for USAGE(PERSONAL): own certificate (FACILITY mode or READ on .LST), another user's only with UPDATE on .LST — IBM R_datalib usage notes item 4, KC24 ichd100/usgntrdata.htm (rules §2)",
  caKeys:
    "CERTAUTH/SITE private keys: caller SPECIAL, or CONTROL on FACILITY IRR.DIGTCERT.GENCERT (global checking) / on the .LST profile (ring-specific) — IBM R_datalib usage notes item 4, KC24 ichd100/usgntrdata.htm (rules §2)",
  label:
    "a label selects by exact, case-sensitive match; not on the ring → 6 — IBM System SSL return codes (rules §3)",
  dflt: "no label → the ring's DEFAULT certificate; none usable → 6 (field case 3)",
  key428:
    "selected certificate without a returned private key → 428 — IBM V2R1 return-code summary; withheld keys look missing — zowe/keyring-utilities [3rd], field cases 4 and 6 (rules §2–3)",
  icsf: "a key in ICSF is used through ICSF, which checks READ on the CSFKEYS profile of its label when the class is active and grants a label no profile covers — IBM ICSF Administrator's Guide, ctlkey.htm; an unusable ICSF key is among IBM's causes of 428 (sfrc-1) (rules §9)",
  validity:
    "outside notBefore/notAfter → 401 on both sides (field case 5; RFC 5280 §4.1.2.5: both dates inclusive)",
  keyUsage: "key usage present without HANDSHAKE → 440 — IBM V2R1 summary (rules §3)",
  negotiate:
    "no common protocol/cipher → 402 [IBM]; TLSv1.3 needs 13xx suites (field case 8); key type vs suites → 434 [3rd] (rules §4)",
  peer: "peer validation: no CA certificate → 109 [IBM via MQ]; issuer unknown → 435 [IBM]; the partner's certificate outside its dates → 401 [IBM], a CA in its chain expired → 401 [UNCONFIRMED]; no client certificate when required → 403 [IBM] (rules §3–4)",
  browser:
    "client-side rules z/OS never sees — conscrypt#681, pi-hole/FTL#1583, golang/go#62372, mitmproxy#3219 [3rd] (rules §4)",
};
