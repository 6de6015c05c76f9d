import { genericMatches, isGenericName } from "../model/profiles.js";
import type { CertOwner, CertStatus } from "../model/types.js";
import { existingInstant } from "./text.js";
import { LAYOUTS } from "./unload-layouts.js";

/**
 * IRRDBU00 fields by name, and what the reader requires of each record type (formats.md §6;
 * IBM "Record formats produced by the database unload utility", z/OS 3.1). Columns are
 * counted in characters after the record descriptor word, 1-based and inclusive.
 */

type FieldMap = Readonly<Record<string, readonly [number, number]>>;

const FIELDS: Readonly<Record<string, FieldMap>> = Object.fromEntries(
  Object.entries(LAYOUTS).map(([type, layout]) => [
    type,
    Object.fromEntries(layout.fields.map((f) => [f.name, [f.start, f.end] as const])),
  ]),
);

/**
 * How far each record type must reach to be read (formats.md §6, IBM usr.htm/grr.htm). Trailing
 * blanks are stripped on download, so a record may end early, but only where every later field
 * is blank. Each entry names the last field the record must hold in full: one that is followed
 * by a field IRRDBU00 always fills (a YES/NO flag, a date, a count, an access level, a label,
 * CERTN_SIG_ALG), so a record ending before its end column was cut, not stripped. Fields added
 * in later releases (GRCERT_GEN_REQ, CERTN_CERT_FGRPRNT…) come after these and stay optional.
 *   0100 GPBD_NAME        → GPBD_CREATE_DATE follows
 *   0200 USBD_DEFGRP_ID   → USBD_UAUDIT (YES/NO) follows
 *   0205 USCON_GRP_ID     → USCON_CONNECT_DATE follows
 *   0207 USCERT_CERT_NAME → USCERT_CERTLABL follows (RACF always sets a label)
 *   0500 GRBD_UACC        → GRBD_AUDIT_LEVEL follows
 *   0505 GRACC_ACCESS     → GRACC_ACCESS_CNT follows
 *   0540 GRST_GROUP_ID    → GRST_TRUSTED (YES/NO) follows
 *   0560 GRCERT_KEY_SIZE (DIGTCERT; GRCERT_CLASS_NAME otherwise) → GRCERT_LAST_SERIAL, RING_SEQN follow
 *   0561 CERTR_CLASS_NAME → CERTR_RING_NAME follows (required non-blank)
 *   0562 KEYR_CERT_DEFAULT→ KEYR_CERT_LABEL follows (may be blank: last field, optional)
 *   1560 CERTN_SUBJECT_DN → CERTN_SIG_ALG (since V2R1, the release 1560 came with) follows
 * The last field of a record (0207 label, 0561 ring name, 0562 label) can be cut without a trace;
 * nothing in the record tells a cut label from a short one.
 */
export const REQUIRED_THROUGH: Readonly<Record<string, string>> = {
  "0100": "GPBD_NAME",
  "0200": "USBD_DEFGRP_ID",
  "0205": "USCON_GRP_ID",
  "0207": "USCERT_CERT_NAME",
  "0500": "GRBD_UACC",
  "0505": "GRACC_ACCESS",
  "0540": "GRST_GROUP_ID",
  "0560": "GRCERT_CLASS_NAME",
  "0561": "CERTR_CLASS_NAME",
  "0562": "KEYR_CERT_DEFAULT",
  "1560": "CERTN_SUBJECT_DN",
};

/** Last field of each record type the reader looks at: separators are checked up to there. */
export const LAST_READ: Readonly<Record<string, string>> = {
  "0100": "GPBD_NAME",
  "0200": "USBD_DEFGRP_ID",
  "0205": "USCON_GRP_ID",
  "0207": "USCERT_CERTLABL",
  "0500": "GRBD_APPL_DATA",
  "0505": "GRACC_ACCESS",
  "0540": "GRST_GROUP_ID",
  "0560": "GRCERT_KEY_SIZE",
  "0561": "CERTR_RING_NAME",
  "0562": "KEYR_CERT_LABEL",
  "1560": "CERTN_CERT_FGRPRNT",
};

/** End column of a field (0 when unknown). */
export function endOf(type: string, name: string): number {
  return FIELDS[type]?.[name]?.[1] ?? 0;
}

/** Owners RACF uses for CERTAUTH, SITE and MULTIID certificates (rules §6; IBM irrids.htm). */
export function ownerFromId(id: string): CertOwner | "MULTIID" | null {
  const v = id.trim();
  if (v === "") return null;
  const low = v.toLowerCase();
  if (low === "irrcerta") return "CERTAUTH";
  if (low === "irrsitec") return "SITE";
  if (low === "irrmulti") return "MULTIID";
  if (!/^[A-Za-z#$@][A-Za-z0-9#$@]{0,7}$/.test(v)) return null;
  return `ID(${v.toUpperCase()})`;
}

/**
 * DIGTCERT `GRBD_UACC` is the trust status. IBM documents TRUST, NOTRUST and HIGHTRST; IBM's
 * older DBSYNC maps ALTER→TRUST, NONE→NOTRUST and X'C0'→HIGHTRUST (formats.md §6, "Value domains").
 * X'C0' arrives as `{` after an IBM-1047 text transfer.
 */
export function trustFromUacc(uacc: string): CertStatus | null {
  const v = uacc.trim().toUpperCase();
  if (v === "TRUST" || v === "ALTER") return "TRUST";
  if (v === "NOTRUST" || v === "NONE") return "NOTRUST";
  if (v === "HIGHTRST" || v === "HIGHTRUST" || v === "{" || v === "X'C0'" || v === "C0") return "HIGHTRUST";
  return null;
}

/**
 * GRCERT_KEY_TYPE (0560; formats.md §6): blank = no private key, PKCSDER = key in the RACF
 * database, ICSFTOKN/PCICCTKN = key in the ICSF PKDS, PUBTOKEN = only the public key in ICSF,
 * DSA = DSA key in the database. Newer releases add ECC/TKDS literals that were not retrieved;
 * those are read by their words and reported.
 */
export function keyFromType(keyType: string): {
  privateKey: boolean | null;
  keyStore: "software" | "PKDS" | "TKDS" | null;
  dsa: boolean;
  known: boolean;
} {
  const v = keyType.trim().toUpperCase();
  if (v === "") return { privateKey: false, keyStore: null, dsa: false, known: true };
  if (v === "PKCSDER") return { privateKey: true, keyStore: "software", dsa: false, known: true };
  if (v === "DSA") return { privateKey: true, keyStore: "software", dsa: true, known: true };
  if (v === "ICSFTOKN" || v === "PCICCTKN")
    return { privateKey: true, keyStore: "PKDS", dsa: false, known: true };
  if (v === "PUBTOKEN") return { privateKey: false, keyStore: null, dsa: false, known: true };
  if (v.includes("TKDS")) return { privateKey: true, keyStore: "TKDS", dsa: false, known: false };
  if (v.includes("PKDS") || v.includes("ICSF") || v.includes("TOKN"))
    return { privateKey: true, keyStore: "PKDS", dsa: false, known: false };
  return { privateKey: true, keyStore: null, dsa: false, known: false };
}

/**
 * FACILITY profiles that can protect IRR.DIGTCERT.* resources (the ones ring access and
 * RACDCERT authority depend on, rules §1 and §6). Other FACILITY profiles are not kept,
 * so that a large unload does not fill the model with unrelated profiles.
 */
const DIGTCERT_RESOURCES = [
  "IRR.DIGTCERT.LISTRING",
  "IRR.DIGTCERT.LIST",
  "IRR.DIGTCERT.GENCERT",
  "IRR.DIGTCERT.ADD",
  "IRR.DIGTCERT.CONNECT",
  "IRR.DIGTCERT.ALTER",
];

export function keepProfile(cls: string, name: string): boolean {
  // CSFKEYS/CSFSERV protect keys kept in ICSF (the PKDS key of a certificate).
  if (cls === "RDATALIB" || cls === "STARTED" || cls === "CSFKEYS" || cls === "CSFSERV") return true;
  if (cls !== "FACILITY") return false;
  if (name.startsWith("IRR.DIGTCERT")) return true;
  return isGenericName(name) && DIGTCERT_RESOURCES.some((r) => genericMatches(name, r));
}

export function isoDate(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return null;
  const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time);
  return existingInstant(d[1] ?? "", d[2] ?? "", d[3] ?? "", t?.[1], t?.[2], t?.[3]);
}
