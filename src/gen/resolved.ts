/**
 * A plan resolved: what the generators (commands, jobs, OpenSSL scripts, runbook, verification)
 * work on, every reference followed and every default applied (resolve.ts builds it).
 */

import type { Plan, PlanAltNames, PlanEku, PlanKey, PlanKeyUsage, PlanSubject, SignMethod } from "./plan.js";

/** A CA certificate to create: a RACF CERTAUTH certificate, or an OpenSSL root/intermediate added to RACF. */
export interface ResolvedCa {
  /** Authority id from the plan; intermediates get `<id>` too, with level "intermediate". */
  authorityId: string;
  level: "root" | "intermediate";
  create: "racf" | "openssl";
  label: string;
  subject: PlanSubject;
  key: PlanKey;
  notBefore: Date;
  notAfter: Date;
  /** The CA that signed this one (null for roots). */
  issuer: ResolvedCa | null;
  /** Transfer data set for an OpenSSL CA certificate (PEM, text). */
  dsn: string | null;
  /** File the OpenSSL scripts write, relative to the output directory. */
  pemFile: string | null;
}

export interface ResolvedAuthority {
  id: string;
  create: "racf" | "openssl";
  root: ResolvedCa;
  intermediate: ResolvedCa | null;
  /** The CA that signs end-entity certificates (the intermediate if there is one). */
  signer: ResolvedCa;
  /** Root first. */
  chain: ResolvedCa[];
}

/** A certificate a ring connects or an application presents: one the plan creates, or an existing one. */
export interface CertRef {
  id: string;
  /** `ID(USER)`, `SITE` or `CERTAUTH` as RACDCERT writes the owner keyword. */
  ownerKeyword: string;
  /** User id, or null for SITE and CERTAUTH. */
  ownerUser: string | null;
  label: string;
  /** True: the certificate exists in RACF already (existing.certificates); the plan never creates or deletes it. */
  existing: boolean;
}

/** An authority that exists in RACF already and signs with its private key (existing.authorities). */
export interface ExistingAuthority {
  id: string;
  ownerKeyword: "CERTAUTH" | "SITE";
  label: string;
}

export interface ResolvedCert extends CertRef {
  subject: PlanSubject;
  altNames: Required<PlanAltNames>;
  key: PlanKey;
  notBefore: Date;
  notAfter: Date;
  keyUsage: PlanKeyUsage[];
  extendedKeyUsage: PlanEku[];
  /** The plan's authority that signs it; null when an existing authority signs (`signedBy`). */
  authority: ResolvedAuthority | null;
  /** The certificate that signs it, as GENCERT SIGNWITH names it. */
  signedBy: { ownerKeyword: "CERTAUTH" | "SITE"; label: string; existing: boolean };
  method: SignMethod;
  /** GENREQ output (PEM, text), OpenSSL-signed certificate (PEM, text), PKCS#12 package (binary). */
  csrDsn: string | null;
  certDsn: string | null;
  p12Dsn: string | null;
}

export interface ResolvedConnection {
  ownerKeyword: string;
  label: string;
  usage: "PERSONAL" | "CERTAUTH" | "SITE";
  default: boolean;
  /** The certificate, when the connection is an end-entity certificate. */
  cert: CertRef | null;
}

export interface ResolvedRing {
  owner: string;
  name: string;
  /** The ring exists already: the plan adds connections only. */
  existing: boolean;
  connections: ResolvedConnection[];
}

export interface ResolvedApp {
  name: string;
  user: string;
  ring: ResolvedRing;
  /** The certificate the application presents (label given, or the ring default); null for a client without one. */
  cert: CertRef | null;
  /** True when the plan names the certificate (AT-TLS CertificateLabel); false = ring default. */
  labelGiven: boolean;
  role: "server" | "client";
}

export interface ResolvedPlan {
  plan: Plan;
  name: string;
  jobPrefix: string;
  split: "single" | "per-phase";
  hlq: string | null;
  users: { id: string; create: boolean; defaultGroup: string | null; name: string | null }[];
  authorities: ResolvedAuthority[];
  certificates: ResolvedCert[];
  rings: ResolvedRing[];
  apps: ResolvedApp[];
  /** Objects the plan refers to but does not create (checked against the site's state when given). */
  existingAuthorities: ExistingAuthority[];
  existingCertificates: CertRef[];
  strategy: "rdatalib" | "facility";
  activateRdatalib: boolean;
}
