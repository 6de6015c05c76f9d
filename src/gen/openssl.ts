/**
 * View-models for the OpenSSL side: configuration files and scripts for the external CAs and
 * the certificates they sign, carrying the same subject, SANs, key usage, extended key usage
 * and validity as the RACF commands.
 *
 * RACF key usage → X.509 (RACDCERT GENCERT KEYUSAGE, KC21 icha400/le-gencert.htm):
 * HANDSHAKE → digitalSignature + keyEncipherment, DATAENCRYPT → dataEncipherment,
 * DOCSIGN → nonRepudiation, CERTSIGN → keyCertSign + cRLSign.
 */
import type { PlanKey, PlanKeyUsage, PlanSubject } from "./plan.js";
import type { ResolvedAuthority, ResolvedCa, ResolvedCert, ResolvedPlan } from "./resolved.js";

export const X509_KEY_USAGE: Record<PlanKeyUsage, string[]> = {
  HANDSHAKE: ["digitalSignature", "keyEncipherment"],
  DATAENCRYPT: ["dataEncipherment"],
  DOCSIGN: ["nonRepudiation"],
  CERTSIGN: ["keyCertSign", "cRLSign"],
};

/** OpenSSL names of the RACF curves (NISTECC = NIST prime curves, BPECC = Brainpool r1). */
const CURVES: Record<string, string> = {
  "NISTECC-256": "prime256v1",
  "NISTECC-384": "secp384r1",
  "NISTECC-521": "secp521r1",
  "BPECC-256": "brainpoolP256r1",
  "BPECC-320": "brainpoolP320r1",
  "BPECC-384": "brainpoolP384r1",
  "BPECC-512": "brainpoolP512r1",
};

/** `genpkey` options for a plan key, one argument per element (the scripts quote each). */
export function genpkeyOptions(k: PlanKey): string[] {
  if (k.type === "RSA") return ["-algorithm", "RSA", "-pkeyopt", `rsa_keygen_bits:${k.size}`];
  const curve = CURVES[`${k.type}-${k.size}`] ?? "prime256v1";
  return [
    "-algorithm",
    "EC",
    "-pkeyopt",
    `ec_paramgen_curve:${curve}`,
    "-pkeyopt",
    "ec_param_enc:named_curve",
  ];
}

/** `YYYYMMDDHHMMSSZ` for `openssl ca -startdate/-enddate`. */
export function opensslDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:T]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** OpenSSL config field names for the RACF subject attributes, least specific first (config order). */
const CNF_FIELDS: [keyof PlanSubject, string][] = [
  ["C", "C"],
  ["SP", "ST"],
  ["L", "L"],
  ["O", "O"],
  ["OU", "OU"],
  ["T", "title"],
  ["CN", "CN"],
];

/**
 * One `name = value` line of an OpenSSL configuration section. `value` is the plan's value as
 * it is; the templates escape it (`{{cnf value}}`, names.ts `cnfValue`).
 */
export interface CnfField {
  name: string;
  value: string;
}

export function dnFields(s: PlanSubject): CnfField[] {
  const out: CnfField[] = [];
  for (const [attr, name] of CNF_FIELDS) {
    const v = s[attr];
    if (v !== undefined) out.push({ name, value: v });
  }
  return out;
}

export interface CaView {
  level: "root" | "intermediate";
  label: string;
  keyFile: string;
  csrFile: string;
  pemFile: string;
  genpkey: string[];
  startDate: string;
  endDate: string;
  dnSection: string;
  dn: CnfField[];
  extensions: string;
  /** For the intermediate: the root that signs it. */
  issuerPem: string | null;
  issuerKey: string | null;
}

export interface AuthorityView {
  id: string;
  lower: string;
  /** The CA section of its configuration: ids may hold `#` and `$`, which a section name cannot. */
  caSection: string;
  dir: string;
  cnfFile: string;
  scriptFile: string;
  root: CaView;
  intermediate: CaView | null;
  signerPem: string;
  signerKey: string;
  chainFile: string;
  transfers: { file: string; dsn: string; label: string }[];
}

export interface CertView {
  id: string;
  lower: string;
  label: string;
  method: "genreq" | "pkcs12";
  cnfFile: string;
  scriptFile: string;
  dir: string;
  keyFile: string;
  csrFile: string;
  pemFile: string;
  p12File: string;
  genpkey: string[];
  dn: CnfField[];
  keyUsage: string;
  extendedKeyUsage: string | null;
  altNames: CnfField[];
  startDate: string;
  endDate: string;
  authority: AuthorityView;
  dsnIn: string | null;
  dsnOut: string | null;
}

function caView(ca: ResolvedCa, dir: string): CaView {
  const base = ca.level === "root" ? "root" : "intermediate";
  return {
    level: ca.level,
    label: ca.label,
    keyFile: `${dir}/${base}.key`,
    csrFile: `${dir}/${base}.csr`,
    pemFile: ca.pemFile ?? `${dir}/${base}.pem`,
    genpkey: genpkeyOptions(ca.key),
    startDate: opensslDate(ca.notBefore),
    endDate: opensslDate(ca.notAfter),
    dnSection: `dn_${base}`,
    dn: dnFields(ca.subject),
    extensions: ca.level === "root" ? "v3_root" : "v3_intermediate",
    issuerPem: ca.level === "intermediate" ? `${dir}/root.pem` : null,
    issuerKey: ca.level === "intermediate" ? `${dir}/root.key` : null,
  };
}

export function authorityView(a: ResolvedAuthority): AuthorityView {
  const lower = a.id.toLowerCase();
  const dir = `pki/${lower}`;
  const root = caView(a.root, dir);
  const intermediate = a.intermediate ? caView(a.intermediate, dir) : null;
  const signer = intermediate ?? root;
  return {
    id: a.id,
    lower,
    caSection: `ca_${lower.replace(/[^a-z0-9]/g, "_")}`,
    dir,
    cnfFile: `openssl/${lower}-ca.cnf`,
    scriptFile: `openssl/${lower}-ca.sh`,
    root,
    intermediate,
    signerPem: signer.pemFile,
    signerKey: signer.keyFile,
    chainFile: `${dir}/chain.pem`,
    transfers: a.chain.map((ca) => ({ file: ca.pemFile ?? "", dsn: ca.dsn ?? "", label: ca.label })),
  };
}

function altFields(c: ResolvedCert): CnfField[] {
  const groups: [string, string[]][] = [
    ["DNS", c.altNames.dns],
    ["IP", c.altNames.ip],
    ["email", c.altNames.email],
    ["URI", c.altNames.uri],
  ];
  const out: CnfField[] = [];
  for (const [kind, values] of groups) {
    values.forEach((v, i) => {
      out.push({ name: `${kind}.${i + 1}`, value: v });
    });
  }
  return out;
}

export function certView(c: ResolvedCert, auth: AuthorityView): CertView {
  const lower = c.id.toLowerCase();
  const dir = `pki/${lower}`;
  const ku = [...new Set(c.keyUsage.flatMap((u) => X509_KEY_USAGE[u]))];
  return {
    id: c.id,
    lower,
    label: c.label,
    method: c.method === "pkcs12" ? "pkcs12" : "genreq",
    cnfFile: `openssl/${lower}.cnf`,
    scriptFile: c.method === "pkcs12" ? `openssl/${lower}-create.sh` : `openssl/${lower}-sign.sh`,
    dir,
    keyFile: `${dir}/key.pem`,
    // the GENREQ request is transferred into requests/; a PKCS#12 certificate's request stays in its directory
    csrFile: c.method === "genreq" ? `requests/${lower}.csr` : `${dir}/request.csr`,
    pemFile: `${dir}/cert.pem`,
    p12File: `${dir}/${lower}.p12`,
    genpkey: genpkeyOptions(c.key),
    dn: dnFields(c.subject),
    keyUsage: ku.join(", "),
    extendedKeyUsage: c.extendedKeyUsage.length > 0 ? c.extendedKeyUsage.join(", ") : null,
    altNames: altFields(c),
    startDate: opensslDate(c.notBefore),
    endDate: opensslDate(c.notAfter),
    authority: auth,
    dsnIn: c.method === "genreq" ? c.csrDsn : null,
    dsnOut: c.method === "genreq" ? c.certDsn : c.p12Dsn,
  };
}

export interface OpensslViews {
  authorities: AuthorityView[];
  certs: CertView[];
}

export function opensslViews(plan: ResolvedPlan): OpensslViews {
  const authorities = plan.authorities.filter((a) => a.create === "openssl").map(authorityView);
  const certs: CertView[] = [];
  for (const c of plan.certificates) {
    if (c.method === "racf") continue;
    const av = authorities.find((a) => a.id === c.authority?.id);
    if (av) certs.push(certView(c, av));
  }
  return { authorities, certs };
}
