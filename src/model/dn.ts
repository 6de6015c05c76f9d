/**
 * Distinguished names as racfring stores them: `CN=web01,OU=Web,O=Example Corp,C=US`
 * (comma-separated, most specific first, attribute names upper case, RACF's names: `SP` for
 * state/province, `T` for title).
 *
 * RACF prints DNs with `.` between attributes (`CN=web01.example.com.O=Example.C=US`, RACDCERT
 * LIST, formats.md §2) although values contain dots too, so a split happens only on a `.`
 * that is followed by a known attribute name and `=`. OpenSSL and @peculiar/x509 write
 * `CN=a, O=b` or `/CN=a/O=b`; all end up in the same form so that sources can be matched.
 */

const ALIASES: Record<string, string> = {
  ST: "SP",
  S: "SP",
  STATEORPROVINCENAME: "SP",
  TITLE: "T",
  EMAILADDRESS: "E",
  EMAIL: "E",
  MAIL: "E",
  COMMONNAME: "CN",
  ORGANIZATIONNAME: "O",
  ORGANIZATIONALUNITNAME: "OU",
  LOCALITYNAME: "L",
  COUNTRYNAME: "C",
  "2.5.4.3": "CN",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "SP",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "T",
  "1.2.840.113549.1.9.1": "E",
};

const RACF_ATTRS = [
  "CN",
  "T",
  "OU",
  "O",
  "L",
  "SP",
  "ST",
  "C",
  "E",
  "EMAIL",
  "MAIL",
  "DC",
  "SERIALNUMBER",
  "UID",
  "STREET",
  "POSTALCODE",
  "NAME",
  "SN",
  "GN",
];

const RACF_ATTR_NAMES = new Set(RACF_ATTRS);

/**
 * Split RACF's display form at each `.` followed by a known attribute name (any case) and `=`:
 * what splitting on /\.(?=(?:CN|T|…)=)/i does, without a regular expression tried at every
 * character. Only ASCII letters fold there (a case-insensitive pattern without the u flag never
 * folds another character to ASCII), hence the ASCII test before the upper-casing.
 */
function splitRacf(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let dot = text.indexOf("."); dot >= 0; dot = text.indexOf(".", dot + 1)) {
    const eq = text.indexOf("=", dot + 1);
    if (eq < 0) break;
    const name = text.slice(dot + 1, eq);
    if (ASCII_LETTERS.test(name) && RACF_ATTR_NAMES.has(name.toUpperCase())) {
      parts.push(text.slice(from, dot));
      from = dot + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

const ASCII_LETTERS = /^[A-Za-z]+$/;

export interface Rdn {
  type: string;
  value: string;
}

function canonicalType(t: string): string {
  const up = t.trim().toUpperCase();
  return ALIASES[up] ?? up;
}

/** Split an RFC 4514 string on unescaped commas (and `+`-less, which we treat as commas). */
function splitRfc(dn: string): string[] {
  // Without escapes or quotes every comma and semicolon separates (most DNs).
  if (!dn.includes("\\") && !dn.includes('"')) return dn.split(/[,;]/);
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < dn.length; i++) {
    const ch = dn.charAt(i);
    if (ch === "\\" && i + 1 < dn.length) {
      cur += ch + dn.charAt(i + 1);
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      cur += ch;
    } else if ((ch === "," || ch === ";") && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

function unescapeValue(v: string): string {
  let s = v.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) s = s.slice(1, -1);
  return s.includes("\\") ? s.replace(/\\(.)/g, "$1") : s;
}

/** Parse any of the DN spellings racfring meets into RDNs (most specific first). */
export function parseDn(dn: string): Rdn[] {
  const text = dn.trim();
  if (text === "") return [];
  let parts: string[];
  if (text.startsWith("/")) {
    // OpenSSL -subj form: least specific first
    parts = text
      .slice(1)
      .split(/(?<!\\)\//)
      .reverse();
  } else if (
    (text.includes(",") || text.includes(";")) &&
    /(^|[^\\])[,;]\s*(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)\s*=/.test(text)
  ) {
    // RFC 4514 only when a comma is followed directly by an attribute type and `=`: a RACF
    // display such as `O=Example, Inc..C=US` has a comma inside a value, not between RDNs.
    parts = splitRfc(text);
  } else {
    parts = splitRacf(text);
  }
  const rdns: Rdn[] = [];
  for (const p of parts) {
    const eq = p.indexOf("=");
    if (eq <= 0) {
      // a value that contained the separator: glue it back to the previous RDN
      const prev = rdns[rdns.length - 1];
      if (prev) prev.value += `,${p}`;
      continue;
    }
    rdns.push({ type: canonicalType(p.slice(0, eq)), value: unescapeValue(p.slice(eq + 1)) });
  }
  return rdns;
}

function escapeValue(v: string): string {
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v
    .replace(/([,+"\\<>;])/g, "\\$1")
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ");
}

/** What escapeValue escapes: a value without any of it is written as it is. */
const NEEDS_ESCAPE = /[,+"\\<>;]|^[ #]| $/;

/**
 * normalizeDn's answers: an unload names the same few issuer DNs on thousands of certificates
 * (1560 records), and parsing a DN is most of what reading one costs. Bounded like the
 * comparison keys below.
 */
const NORMAL_DNS = new Map<string, string>();
const MAX_NORMAL_DNS = 100_000;

/** Canonical form: `CN=a,OU=b,O=c,C=US`. */
export function normalizeDn(dn: string): string {
  let normal = NORMAL_DNS.get(dn);
  if (normal === undefined) {
    normal = parseDn(dn)
      .map((r) => `${r.type}=${escapeValue(r.value)}`)
      .join(",");
    if (NORMAL_DNS.size >= MAX_NORMAL_DNS) NORMAL_DNS.clear();
    NORMAL_DNS.set(dn, normal);
  }
  return normal;
}

/** RACF's display form, as RACDCERT LIST prints it: `CN=a.OU=b.O=c.C=US`. */
export function racfDisplayDn(dn: string): string {
  return parseDn(dn)
    .map((r) => `${r.type}=${r.value}`)
    .join(".");
}

/**
 * What dnEquals compares: the RDN types, and the values with runs of blanks as one and case
 * folded. Memoised: an audit compares the same few thousand DNs once per ring and chain step.
 * The key is JSON, so no value can make two different DNs look alike. Indexes of certificates
 * by subject or issuer (chain.ts, the identity index of merge.ts) file them under this key.
 */
const DN_COMPARE_KEYS = new Map<string, string>();
const MAX_DN_COMPARE_KEYS = 100_000;

export function dnCompareKey(dn: string): string {
  let key = DN_COMPARE_KEYS.get(dn);
  if (key === undefined) {
    key = JSON.stringify(parseDn(dn).map((r) => [r.type, r.value.replace(/\s+/g, " ").toLowerCase()]));
    if (DN_COMPARE_KEYS.size >= MAX_DN_COMPARE_KEYS) DN_COMPARE_KEYS.clear();
    DN_COMPARE_KEYS.set(dn, key);
  }
  return key;
}

/** DN equality as certificate path building uses it: same RDNs, values compared case-insensitively. */
export function dnEquals(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return a === b || dnCompareKey(a) === dnCompareKey(b);
}
