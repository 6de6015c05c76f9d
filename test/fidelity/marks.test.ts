/**
 * The confidence marks, held in one table so that changing one is a deliberate act.
 *
 * Reviewed against IBM's text (second fidelity round): `ibm` only where IBM documents the rule
 * or the text; `third-party` where a vendor or project documents it; `unconfirmed` where racfring
 * relies on behaviour no readable source states. A change here needs the source that justifies
 * it in the rule's comment.
 */
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/audit/rules/index.js";
import { CATALOGUE } from "../../src/sim/catalogue.js";

/** Audit rules: id → confidence of the rule. */
const AUDIT_MARKS: Record<string, string> = {
  "app-predicted-failure": "ibm",
  "ca-chain-incomplete": "ibm",
  "ca-connected-as-personal": "ibm",
  "cert-expired": "ibm",
  "cert-expiring-soon": "ibm",
  "cert-not-yet-valid": "ibm",
  // IBM System SSL return code 6: "certificates that are marked as not trusted in the RACF
  // database are not retrieved from the key ring" (z/OS 2.5 sfrc-1).
  "cert-notrust-on-ring": "ibm",
  "cert-owner-mismatch": "ibm",
  "default-cert-missing": "ibm",
  "ecc-signed-by-rsa": "third-party",
  "empty-ring": "ibm",
  "export-password-in-jcl": "ibm",
  "facility-broad-access": "ibm",
  // The partner rejecting a chain whose CA expired rests on the partner's validation (RFC 5280),
  // not on anything IBM documents for System SSL's partners.
  "intermediate-expires-first": "third-party",
  "keyusage-no-handshake": "ibm",
  "label-not-on-ring": "ibm",
  "no-private-key": "ibm",
  "policy-label-missing": "ibm",
  "policy-ring-missing": "ibm",
  "rdatalib-overgrant": "ibm",
  "rdatalib-profile-unmatchable": "ibm",
  "ring-access-denied": "ibm",
  "ring-owner-locked-out": "third-party",
  "ring-without-known-application": "ibm",
  "server-cert-no-san": "third-party",
  "sha1-signature": "third-party",
  // IBM R_datalib usage notes, item 4, "CERTAUTH and SITE certificates": SPECIAL, or CONTROL on
  // IRR.DIGTCERT.GENCERT (FACILITY checking) or on the ring's .LST profile (RDATALIB checking).
  "site-or-certauth-key-needs-control": "ibm",
  "weak-key": "third-party",
};

/** Return codes: code → [confidence of the text, confidence of the explanation]. */
const CODE_MARKS: Record<number, [string, string]> = {
  0: ["ibm", "ibm"],
  1: ["ibm", "ibm"],
  3: ["ibm", "ibm"],
  4: ["ibm", "ibm"],
  5: ["ibm", "ibm"],
  6: ["ibm", "ibm"],
  7: ["ibm", "unconfirmed"],
  8: ["ibm", "ibm"],
  9: ["ibm", "ibm"],
  10: ["ibm", "ibm"],
  11: ["ibm", "ibm"],
  12: ["ibm", "ibm"],
  102: ["ibm", "ibm"],
  103: ["ibm", "ibm"],
  106: ["ibm", "ibm"],
  109: ["ibm", "ibm"],
  201: ["ibm", "ibm"],
  202: ["ibm", "ibm"],
  203: ["ibm", "ibm"],
  204: ["ibm", "ibm"],
  401: ["ibm", "ibm"],
  402: ["ibm", "ibm"],
  403: ["ibm", "ibm"],
  405: ["ibm", "ibm"],
  406: ["unconfirmed", "third-party"],
  407: ["ibm", "ibm"],
  410: ["unconfirmed", "third-party"],
  412: ["unconfirmed", "unconfirmed"],
  414: ["unconfirmed", "unconfirmed"],
  417: ["unconfirmed", "unconfirmed"],
  420: ["unconfirmed", "unconfirmed"],
  422: ["ibm", "ibm"],
  428: ["ibm", "ibm"],
  431: ["third-party", "third-party"],
  432: ["ibm", "ibm"],
  434: ["third-party", "third-party"],
  // IBM System SSL return codes (sfrc-1) list 435 "Certificate authority is unknown.".
  435: ["ibm", "ibm"],
  437: ["unconfirmed", "unconfirmed"],
  438: ["unconfirmed", "third-party"],
  439: ["unconfirmed", "unconfirmed"],
  440: ["ibm", "ibm"],
  467: ["ibm", "ibm"],
  5003: ["third-party", "third-party"],
  5006: ["third-party", "third-party"],
};

describe("confidence marks", () => {
  it("audit rules carry the reviewed marks", () => {
    const got = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.confidence]));
    expect(got).toEqual(AUDIT_MARKS);
  });

  it("return codes carry the reviewed marks", () => {
    const got = Object.fromEntries(CATALOGUE.map((c) => [c.code, [c.textConfidence, c.confidence]]));
    expect(got).toEqual(CODE_MARKS);
  });
});
