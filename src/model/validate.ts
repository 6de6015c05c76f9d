/**
 * Shape checks for a model JSON read back with `--model`. A hand-edited or foreign JSON must
 * never reach the simulator half-valid: a date that does not parse would read as "valid
 * forever", `default: "no"` as a DEFAULT. Each check returns null when the value is fine, or
 * what is wrong with it.
 */
import { ACCESS_ORDER } from "./types.js";

export type Check = (v: unknown) => string | null;

/** A nested path continues directly (`.a[0].b`); a reason follows after a blank. */
const join = (why: string): string => (why.startsWith(".") || why.startsWith("[") ? why : ` ${why}`);

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const str =
  (min = 0, max = Number.POSITIVE_INFINITY): Check =>
  (v) =>
    typeof v !== "string"
      ? "must be a string"
      : v.length < min || v.length > max
        ? `must be ${min}–${max === Number.POSITIVE_INFINITY ? "any" : max} characters long`
        : null;

/**
 * A name as RACF could hold it: `str(min, max)` and no line break, control character, or
 * invisible/bidirectional format character. RACF names are EBCDIC text typed at a terminal or
 * in a command; none of these can be in them, and each would let a hand-made model JSON carry
 * a line into a job or a report (a ring named `R\n//EVIL EXEC PGM=IEFBR14`).
 */
export const name =
  (min = 1, max = Number.POSITIVE_INFINITY): Check =>
  (v) => {
    const why = str(min, max)(v);
    if (why) return why;
    const bad =
      /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/.exec(
        v as string,
      );
    if (!bad) return null;
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0");
    return `must not contain line breaks or control characters (found U+${code})`;
  };

export const matches =
  (re: RegExp, what: string): Check =>
  (v) =>
    typeof v === "string" && re.test(v) ? null : `must be ${what}`;

export const bool: Check = (v) => (typeof v === "boolean" ? null : "must be true or false");

export const int =
  (min = 0): Check =>
  (v) =>
    typeof v === "number" && Number.isInteger(v) && v >= min ? null : `must be a whole number ≥ ${min}`;

export const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === "string" && values.includes(v) ? null : `must be one of ${values.join(", ")}`;

export const isoDate: Check = (v) =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))
    ? null
    : "must be an ISO 8601 date-time such as 2027-12-31T23:59:59Z";

export const nullable =
  (c: Check): Check =>
  (v) =>
    v === null ? null : c(v);

export const arrayOf =
  (c: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return "must be an array";
    for (const [i, el] of v.entries()) {
      const why = c(el);
      if (why) return `[${i}]${join(why)}`;
    }
    return null;
  };

/** An object with these fields (all required; defaults are filled in before checking). */
export const shape =
  (fields: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v) => {
    if (!isObj(v)) return "must be an object";
    for (const [f, c] of Object.entries(fields)) {
      const why = c(v[f]);
      if (why) return `.${f}${join(why)}`;
    }
    for (const [f, c] of Object.entries(optional)) {
      if (v[f] === undefined) continue;
      const why = c(v[f]);
      if (why) return `.${f}${join(why)}`;
    }
    return null;
  };

const USER = matches(/^[A-Z#$@][A-Z0-9#$@]{0,7}$/, "a user id of 1–8 characters (A–Z, 0–9, #, $, @)");
const OWNER = matches(
  /^(ID\([A-Z#$@][A-Z0-9#$@]{0,7}\)|CERTAUTH|SITE|)$/,
  'ID(user), CERTAUTH, SITE or "" (unknown)',
);

export const SOURCE = shape(
  {
    file: str(),
    line: int(0),
    kind: oneOf("jcl", "listing", "unload", "cert", "policy", "model", "default", "inferred"),
  },
  { column: int(0) },
);
const SOURCES = arrayOf(SOURCE);

export const USER_CHECK = shape(
  {
    id: USER,
    special: bool,
    implied: bool,
    groups: arrayOf(name(1, 8)),
    revoked: bool,
    sources: SOURCES,
  },
  { defaultGroup: name(1, 8) },
);

export const CERTIFICATE_CHECK: Check = (v) => {
  const base = shape({
    owner: OWNER,
    // a certificate file read without OWNER:LABEL has owner "" and a placeholder label
    label: name(1, isObj(v) && v.owner === "" ? 64 : 32),
    status: oneOf("TRUST", "NOTRUST", "HIGHTRUST"),
    notBefore: nullable(isoDate),
    notAfter: nullable(isoDate),
    datesAssumed: bool,
    subject: nullable(name(0)),
    issuer: nullable(name(0)),
    altNames: arrayOf(shape({ type: oneOf("DNS", "IP", "EMAIL", "URI"), value: name(0) })),
    keyType: nullable(oneOf("RSA", "NISTECC", "BPECC", "DSA")),
    keySize: nullable(int(1)),
    privateKey: nullable(bool),
    keyStore: nullable(oneOf("software", "PKDS", "TKDS")),
    icsfLabel: nullable(name(1, 64)),
    keyUsage: nullable(arrayOf(oneOf("HANDSHAKE", "DATAENCRYPT", "DOCSIGN", "CERTSIGN"))),
    signatureAlgorithm: nullable(str()),
    serial: nullable(str()),
    fingerprint: nullable(str()),
    signer: nullable(shape({ owner: OWNER, label: name(1, 32) })),
    selfSigned: nullable(bool),
    fromRequest: bool,
    der: nullable(str()),
    sources: SOURCES,
  });
  return base(v);
};

export const RING_CHECK = shape({
  owner: USER,
  name: name(1, 237),
  connections: arrayOf(
    shape({
      owner: OWNER,
      label: name(1, 64),
      usage: oneOf("PERSONAL", "CERTAUTH", "SITE"),
      default: bool,
      sources: SOURCES,
    }),
  ),
  sources: SOURCES,
});

const LEVEL = oneOf(...ACCESS_ORDER);

export const PROFILE_CHECK = shape(
  {
    class: matches(/^[A-Z0-9#$@]{1,8}$/, "a class name of 1–8 characters"),
    name: name(1, 246),
    generic: bool,
    uacc: LEVEL,
    access: arrayOf(
      shape({
        id: matches(/^(\*|[A-Z#$@][A-Z0-9#$@]{0,7})$/, "a user or group id, or *"),
        level: LEVEL,
        sources: SOURCES,
      }),
    ),
    stdata: nullable(shape({ user: nullable(name(1, 8)), group: nullable(name(1, 8)) })),
    applData: nullable(name(0, 255)),
    sources: SOURCES,
  },
  { warning: bool },
);

export const GROUP_CHECK = shape({ id: name(1, 8), sources: SOURCES });

export const CLASS_CHECK = shape({
  active: bool,
  raclisted: bool,
  generic: bool,
  assumed: bool,
  sources: SOURCES,
});

export const ISSUE_CHECK = shape(
  { file: str(), line: int(0), code: str(1), severity: oneOf("error", "warning", "info"), message: str() },
  { column: int(0) },
);

export const ASSUMPTION_CHECK = shape({ message: str(1), sources: SOURCES });

/** SETROPTS options (`options` in the model JSON). */
export const OPTIONS_CHECK = shape({}, { grplist: shape({ value: bool, assumed: bool, sources: SOURCES }) });
