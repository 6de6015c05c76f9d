/**
 * The RACF commands of a plan, as one-line command strings grouped in phases. Layout into
 * SYSTSIN lines (columns, continuation) is `tso.ts`'s job; JCL around them is the templates'.
 *
 * Command syntax: IBM z/OS Security Server RACF Command Language Reference — RACDCERT GENCERT
 * (KC21 icha400/le-gencert.htm), ADD, GENREQ, ADDRING, CONNECT (le-connect.htm), LIST,
 * LISTRING, LISTCHAIN (le-listch.htm), DELETE, DELRING; RDEFINE, PERMIT, RDELETE, RLIST,
 * SETROPTS, ADDUSER, DELUSER. Order and refreshes: rules §6.
 */

import { ringName, ringOperand } from "../racf/write.js";
import type { AccessPlan } from "./access.js";
import type { PlanKey, PlanSubject } from "./plan.js";
import { SUBJECT_ORDER } from "./plan.js";
import type { ResolvedCert, ResolvedPlan } from "./resolved.js";
import { tsoQuote } from "./tso.js";

export type Phase =
  | "users"
  | "authorities"
  | "requests"
  | "certificates"
  | "rings"
  | "connects"
  | "profiles"
  | "permits"
  | "refresh";

export const SETUP_PHASES: readonly Phase[] = [
  "users",
  "authorities",
  "requests",
  "certificates",
  "rings",
  "connects",
  "profiles",
  "permits",
  "refresh",
];

export const PHASE_TITLE: Record<Phase, string> = {
  users: "Define the users",
  authorities: "Create or add the certificate authorities",
  requests: "Generate keys and certificate requests (GENREQ) for the external CA",
  certificates: "Create or add the end-entity certificates",
  rings: "Create the key rings",
  connects: "Connect the certificates to the rings",
  profiles: "Define the profiles that protect the rings",
  permits: "Permit the application users",
  refresh: "Refresh the RACLISTed classes",
};

/** JCL step name per phase (1–8 characters). */
export const PHASE_STEP: Record<Phase, string> = {
  users: "USERS",
  authorities: "CAS",
  requests: "REQUESTS",
  certificates: "CERTS",
  rings: "RINGS",
  connects: "CONNECT",
  profiles: "PROFILES",
  permits: "PERMITS",
  refresh: "REFRESH",
};

export interface CommandGroup {
  /** Step name in the job. */
  step: string;
  title: string;
  /** Lines for `//*` comments in front of the step. */
  notes: string[];
  commands: string[];
  /** Instream data read with SYMBOLS=JCLONLY (PKCS#12 passwords given as JCL symbols). */
  symbols: string[];
}

export interface PhaseCommands {
  phase: Phase;
  groups: CommandGroup[];
}

/** `DATE(2026-01-01) TIME(00:00:00)`: RACF reads it as z/OS local time, which plan dates hold (zos-time.ts). */
function racfDate(d: Date): string {
  const iso = d.toISOString();
  return `DATE(${iso.slice(0, 10)}) TIME(${iso.slice(11, 19)})`;
}

export function subjectsdn(s: PlanSubject): string {
  const parts: string[] = [];
  for (const attr of SUBJECT_ORDER) {
    const v = s[attr];
    if (v !== undefined) parts.push(`${attr}(${tsoQuote(v)})`);
  }
  return `SUBJECTSDN(${parts.join(" ")})`;
}

/** Key size and algorithm keywords. Software RSA is GENCERT's default algorithm, so RSA needs only SIZE. */
function keyOperands(k: PlanKey): string {
  return k.type === "RSA" ? `SIZE(${k.size})` : `SIZE(${k.size}) ${k.type}`;
}

function validity(x: { notBefore: Date; notAfter: Date }): string {
  return `NOTBEFORE(${racfDate(x.notBefore)}) NOTAFTER(${racfDate(x.notAfter)})`;
}

function altname(c: ResolvedCert): string | null {
  const parts: string[] = [];
  // RACF spells DNS names DOMAIN; one value per type (checked in resolve.ts).
  for (const v of c.altNames.ip) parts.push(`IP(${v})`);
  for (const v of c.altNames.dns) parts.push(`DOMAIN(${tsoQuote(v)})`);
  for (const v of c.altNames.email) parts.push(`EMAIL(${tsoQuote(v)})`);
  for (const v of c.altNames.uri) parts.push(`URI(${tsoQuote(v)})`);
  return parts.length > 0 ? `ALTNAME(${parts.join(" ")})` : null;
}

function labelOf(ca: { label: string }): string {
  return tsoQuote(ca.label);
}

function dsnOperand(dsn: string): string {
  return tsoQuote(dsn);
}

export function p12Symbol(index: number): string {
  return `P12PW${index + 1}`;
}

function group(
  step: string,
  title: string,
  commands: string[],
  notes: string[] = [],
  symbols: string[] = [],
): CommandGroup {
  return { step, title, notes, commands, symbols };
}

/** Setup commands, phase by phase, in dependency order. */
export function setupCommands(plan: ResolvedPlan, access: AccessPlan): PhaseCommands[] {
  const out: PhaseCommands[] = [];
  const add = (phase: Phase, groups: CommandGroup[]) => {
    const nonEmpty = groups.filter((g) => g.commands.length > 0);
    if (nonEmpty.length > 0) out.push({ phase, groups: nonEmpty });
  };

  // Users. NOPASSWORD makes a protected user, right for started tasks and servers.
  add("users", [
    group(
      PHASE_STEP.users,
      PHASE_TITLE.users,
      plan.users
        .filter((u) => u.create)
        .map(
          (u) =>
            `ADDUSER ${u.id} DFLTGRP(${u.defaultGroup ?? ""})${u.name ? ` NAME(${tsoQuote(u.name)})` : ""} NOPASSWORD`,
        ),
      ["Protected users (NOPASSWORD): they cannot log on, right for servers."],
    ),
  ]);

  // Authorities: RACF CAs are generated; OpenSSL CAs are added from their transferred PEM.
  const caCmds: string[] = [];
  for (const a of plan.authorities) {
    if (a.create === "racf") {
      const r = a.root;
      caCmds.push(
        `RACDCERT CERTAUTH GENCERT ${subjectsdn(r.subject)} ${keyOperands(r.key)} ${validity(r)} WITHLABEL(${labelOf(r)}) KEYUSAGE(CERTSIGN)`,
      );
    } else {
      for (const ca of a.chain) {
        caCmds.push(`RACDCERT CERTAUTH ADD(${dsnOperand(ca.dsn ?? "")}) WITHLABEL(${labelOf(ca)}) TRUST`);
      }
    }
  }
  add("authorities", [
    group(PHASE_STEP.authorities, PHASE_TITLE.authorities, caCmds, [
      "OpenSSL CA certificates must have been transferred first (runbook).",
    ]),
  ]);

  // Requests: a RACF key pair (self-signed placeholder certificate) and its PKCS#10 request.
  const reqCmds: string[] = [];
  for (const c of plan.certificates.filter((x) => x.method === "genreq")) {
    reqCmds.push(
      `RACDCERT ${c.ownerKeyword} GENCERT ${subjectsdn(c.subject)} ${keyOperands(c.key)} ${validity(c)} WITHLABEL(${labelOf(c)}) KEYUSAGE(${c.keyUsage.join(" ")})`,
    );
    reqCmds.push(
      `RACDCERT ${c.ownerKeyword} GENREQ(LABEL(${labelOf(c)})) DSN(${dsnOperand(c.csrDsn ?? "")})`,
    );
  }
  add("requests", [
    group(PHASE_STEP.requests, PHASE_TITLE.requests, reqCmds, [
      "GENCERT makes the key pair and a self-signed placeholder certificate; GENREQ writes its PKCS#10 request for the external CA.",
    ]),
  ]);

  // End-entity certificates.
  const certCmds: string[] = [];
  const p12Cmds: string[] = [];
  const p12Symbols: string[] = [];
  plan.certificates.forEach((c) => {
    if (c.method === "racf") {
      const alt = altname(c);
      certCmds.push(
        `RACDCERT ${c.ownerKeyword} GENCERT ${subjectsdn(c.subject)}${alt ? ` ${alt}` : ""} ${keyOperands(c.key)} ${validity(c)} WITHLABEL(${labelOf(c)}) SIGNWITH(${c.signedBy.ownerKeyword} LABEL(${labelOf(c.signedBy)})) KEYUSAGE(${c.keyUsage.join(" ")})`,
      );
    } else if (c.method === "genreq") {
      // Adding the signed certificate for the key RACF already holds replaces the placeholder
      // under the same label and keeps the private key.
      certCmds.push(
        `RACDCERT ${c.ownerKeyword} ADD(${dsnOperand(c.certDsn ?? "")}) WITHLABEL(${labelOf(c)}) TRUST`,
      );
    } else {
      const sym = p12Symbol(p12Symbols.length);
      p12Symbols.push(sym);
      p12Cmds.push(
        `RACDCERT ${c.ownerKeyword} ADD(${dsnOperand(c.p12Dsn ?? "")}) WITHLABEL(${labelOf(c)}) PASSWORD('&${sym}') TRUST`,
      );
    }
  });
  add("certificates", [
    group(PHASE_STEP.certificates, PHASE_TITLE.certificates, certCmds),
    group(
      "P12ADD",
      "Add the PKCS#12 packages (certificate and private key)",
      p12Cmds,
      [
        "The PKCS#12 passwords come from the SET statements at the top of the job: type them there just before you submit, and do not save them.",
      ],
      p12Symbols,
    ),
  ]);

  add("rings", [
    group(
      PHASE_STEP.rings,
      PHASE_TITLE.rings,
      plan.rings
        .filter((r) => !r.existing)
        .map((r) => `RACDCERT ID(${r.owner}) ADDRING(${ringName(r.name)})`),
    ),
  ]);

  const connCmds: string[] = [];
  for (const r of plan.rings) {
    for (const k of r.connections) {
      connCmds.push(
        `RACDCERT ID(${r.owner}) CONNECT(${k.ownerKeyword} LABEL(${tsoQuote(k.label)}) ${ringOperand(r.name)} USAGE(${k.usage})${k.default ? " DEFAULT" : ""})`,
      );
    }
  }
  add("connects", [group(PHASE_STEP.connects, PHASE_TITLE.connects, connCmds)]);

  const profCmds: string[] = [];
  const profNotes: string[] = [];
  const sharedNotes: string[] = [];
  if (access.profiles.some((p) => p.cls === "RDATALIB") && plan.activateRdatalib) {
    // Ring-specific checking needs RDATALIB active and RACLISTed (KC24 ichd100/dlibauth.htm).
    profCmds.push("SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)");
    profNotes.push(
      "RDATALIB must be active and RACLISTed for ring-specific checking.",
      // JCL comments must be plain ASCII (the job is checked for it): no section sign here.
      "If it is not active yet, this switches it on for the whole system: every RDATALIB profile that already exists takes effect at once, for the ring owners too. List them first (SEARCH CLASS(RDATALIB)) and check that each grants what the users of its ring need.",
    );
  }
  for (const p of access.profiles) {
    if (p.owned) {
      profCmds.push(`RDEFINE ${p.cls} ${p.profile} UACC(NONE)`);
      continue;
    }
    if (p.existsAt !== undefined) {
      // RDEFINE of a defined profile fails (ICH10102I); its access list already decides for the ring.
      sharedNotes.push(
        `${p.cls} ${p.profile} exists already (${p.existsAt}): not defined again, and the backout leaves it.`,
      );
      continue;
    }
    // A shared FACILITY profile is never defined here: where a generic profile such as
    // IRR.DIGTCERT.* protects the resource today, a new discrete profile would take over from it
    // (RACF uses the discrete profile first) and lock out every server that relies on the generic.
    sharedNotes.push(
      `${p.cls} ${p.profile} is shared and is NOT defined by this job. Check first with RLIST ${p.cls} ${p.profile} AUTHUSER.`,
      `If it shows ${p.profile} itself, the PERMITs below add to it.`,
      "If it shows a generic profile (e.g. IRR.DIGTCERT.*), change the PERMITs below to name that profile: a PERMIT names a profile, not a resource.",
      `If no profile protects it, define it first (RDEFINE ${p.cls} ${p.profile} UACC(NONE)): a PERMIT to a profile that does not exist fails with ICH06004I.`,
    );
  }
  add("profiles", [group(PHASE_STEP.profiles, PHASE_TITLE.profiles, profCmds, profNotes)]);

  const permitNotes: string[] = [...sharedNotes];
  const permitCmds: string[] = [];
  for (const g of access.grants) {
    permitCmds.push(`PERMIT ${g.profile} CLASS(${g.cls}) ID(${g.user}) ACCESS(${g.access})`);
    permitNotes.push(`${g.user} ${g.access} on ${g.profile}:`, ...g.reasons.map((r) => `  ${r}`));
  }
  add("permits", [group(PHASE_STEP.permits, PHASE_TITLE.permits, permitCmds, permitNotes)]);

  const refresh: string[] = [];
  const changedClasses = [...new Set(access.profiles.map((p) => p.cls))];
  if (changedClasses.length > 0) refresh.push(`SETROPTS RACLIST(${changedClasses.join(" ")}) REFRESH`);
  if (plan.certificates.length + plan.authorities.length + plan.rings.length > 0)
    refresh.push("SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH");
  add("refresh", [
    group(PHASE_STEP.refresh, PHASE_TITLE.refresh, refresh, [
      "Running AT-TLS environments see ring changes only after a policy refresh (F PAGENT,REFRESH) or an application restart.",
    ]),
  ]);
  return out;
}

/** Commands that show what the setup did (no changes). */
export function verifyCommands(plan: ResolvedPlan, access: AccessPlan): CommandGroup[] {
  const list: string[] = [];
  for (const a of plan.authorities)
    for (const ca of a.chain) list.push(`RACDCERT CERTAUTH LIST(LABEL(${labelOf(ca)}))`);
  for (const c of plan.certificates) list.push(`RACDCERT ${c.ownerKeyword} LIST(LABEL(${labelOf(c)}))`);
  const rings = plan.rings.map((r) => `RACDCERT ID(${r.owner}) LISTRING(${ringName(r.name)})`);
  const chains: string[] = [];
  for (const app of plan.apps) {
    if (!app.cert) continue;
    const cmd = `RACDCERT ${app.cert.ownerKeyword} LISTCHAIN(LABEL(${labelOf(app.cert)}))`;
    if (!chains.includes(cmd)) chains.push(cmd);
  }
  const rlist = access.profiles.map((p) => `RLIST ${p.cls} ${p.profile} AUTHUSER`);
  return [
    group("LIST", "List the certificates", list, [
      "Check: Status TRUST, Private Key YES for end-entity certificates, the validity dates and the subject.",
    ]),
    group("LISTRING", "List the rings", rings, [
      "Check: every label with the right usage; DEFAULT on the server certificate.",
    ]),
    group("CHAIN", "List the certificate chains", chains, [
      "Check: the chain is complete (it reaches a self-signed root).",
    ]),
    group("RLIST", "List the profiles and their access lists", rlist, [
      "Check: the application users with the access level in the setup job.",
    ]),
  ].filter((g) => g.commands.length > 0);
}

/** Commands that undo the setup: access first, then rings, certificates, CAs, users; refresh last. */
export function backoutCommands(plan: ResolvedPlan, access: AccessPlan): CommandGroup[] {
  const permits = access.grants.map((g) => `PERMIT ${g.profile} CLASS(${g.cls}) ID(${g.user}) DELETE`);
  const profiles = access.profiles.filter((p) => p.owned).map((p) => `RDELETE ${p.cls} ${p.profile}`);
  const classes = [...new Set(access.profiles.map((p) => p.cls))];
  const refreshAccess = classes.length > 0 ? [`SETROPTS RACLIST(${classes.join(" ")}) REFRESH`] : [];
  // Only what the plan created goes: its own rings whole, and on an existing ring only the
  // connections the plan added (RACDCERT REMOVE; the certificate itself stays).
  const rings = plan.rings
    .filter((r) => !r.existing)
    .map((r) => `RACDCERT ID(${r.owner}) DELRING(${ringName(r.name)})`);
  const removes = plan.rings
    .filter((r) => r.existing)
    .flatMap((r) =>
      r.connections.map(
        (k) =>
          `RACDCERT ID(${r.owner}) REMOVE(${k.ownerKeyword} LABEL(${tsoQuote(k.label)}) RING(${ringName(r.name)}))`,
      ),
    );
  const certs = plan.certificates.map((c) => `RACDCERT ${c.ownerKeyword} DELETE(LABEL(${labelOf(c)}))`);
  const cas: string[] = [];
  for (const a of plan.authorities)
    for (const ca of [...a.chain].reverse()) cas.push(`RACDCERT CERTAUTH DELETE(LABEL(${labelOf(ca)}))`);
  const users = plan.users.filter((u) => u.create).map((u) => `DELUSER ${u.id}`);
  const refresh =
    plan.certificates.length + plan.authorities.length + plan.rings.length > 0
      ? ["SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"]
      : [];
  return [
    group(
      "PERMITS",
      "Remove the application users' access",
      [...permits, ...profiles, ...refreshAccess],
      [
        "Access goes first, so no application opens a half-removed ring.",
        ...(plan.strategy === "rdatalib" && plan.activateRdatalib
          ? ["RDATALIB stays active: other rings may depend on it."]
          : []),
      ],
    ),
    group("REMOVE", "Remove the plan's connections from the rings that existed before", removes),
    group("RINGS", "Delete the key rings (their connections go with them)", rings),
    group("CERTS", "Delete the end-entity certificates", certs),
    group("CAS", "Delete the CA certificates this plan created (intermediate first)", cas),
    group("USERS", "Delete the users this plan created", users),
    group("REFRESH", "Refresh the certificate and ring classes", refresh),
  ].filter((g) => g.commands.length > 0);
}
