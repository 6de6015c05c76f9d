/**
 * `racfring synth`: a realistic synthetic IRRDBU00 unload for trying racfring and for the
 * benchmarks. Realistic means the mix of a real site's weekly unload (formats.md §6): many more
 * users (0200, 0205 connects) than certificates; CA chains (CERTAUTH roots and intermediates)
 * under the server certificates (0207, 0500, 0560, 1560, 0561); rings (DIGTRING 0500, 0562);
 * STARTED profiles (0500, 0540) discrete and generic, `**` last; RDATALIB ring profiles (0505
 * access lists) discrete and generic; FACILITY IRR.DIGTCERT.LISTRING with a large access list;
 * and record types racfring does not model (data sets, other classes) as filler.
 *
 * Defects of every audit rule that an unload alone can show are planted in a share of the rings
 * (`defects`), and every plant is written to a sidecar so that the audit's recall can be
 * measured. Everything comes from a seeded generator: the same options give the same bytes.
 */
import { createHash } from "node:crypto";
import { fillerRecord, record } from "./records.js";

export interface SynthOptions {
  users: number;
  certs: number;
  rings: number;
  started: number;
  rdatalib: number;
  /** Entries of the big FACILITY access lists (0505). */
  accessEntries: number;
  /** Share of the rings that get a planted defect, 0–1. */
  defects: number;
  seed: number;
  /** Filler records are added until the unload has this many records (0 = none). */
  records: number;
  /** The audit date the planted date defects are relative to. */
  at: Date;
}

export interface Plant {
  rule: string;
  /** Subject id as the audit reports it (src/audit/subjects.ts). */
  subject: string;
  ring: string | null;
  what: string;
}

export interface Sidecar {
  generator: string;
  seed: number;
  at: string;
  options: Omit<SynthOptions, "at">;
  counts: Record<string, number>;
  records: number;
  planted: Plant[];
  /** Rules no unload can trigger, and why (they need --app, --policy, --jcl or certificate files). */
  notPlantable: Record<string, string>;
}

export const NOT_PLANTABLE: Readonly<Record<string, string>> = {
  "export-password-in-jcl": "needs --jcl text; an unload holds no JCL",
  "label-not-on-ring": "needs --app with a label",
  "policy-label-missing": "needs an AT-TLS policy (--policy)",
  "policy-ring-missing": "needs an AT-TLS policy (--policy)",
  "keyusage-no-handshake": "key usage is not in an unload (no record carries it)",
  "server-cert-no-san": "subject alternative names are not in an unload",
  "ecc-signed-by-rsa": "the key algorithm is not in an unload (GRCERT_KEY_TYPE names the key store)",
  "ring-without-known-application":
    "not a defect of the data: reported for every ring when no --app or --policy names its user",
};

/** mulberry32: small, fast and good enough to make varied but reproducible data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

function ymd(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

type Mode = "facility" | "rdatalib" | "rdatalib-generic";

interface Cert {
  owner: string; // 0207 owner id: user id or irrcerta
  ownerRef: string; // CERTAUTH or ID(X), as the audit names owners
  label: string;
  serial: string;
  subject: string;
  issuer: string;
  start: number;
  end: number;
  keyType: string;
  keySize: number;
  sigAlg: string;
  status: "TRUST" | "NOTRUST";
  rings: string[]; // DIGTRING names
  present: boolean; // false: referred to as issuer only (a missing CA)
}

interface RingPlan {
  owner: string;
  name: string;
  mode: Mode;
  connections: Array<{ cert: Cert; usage: "PERSONAL" | "CERTAUTH"; default: boolean }>;
  rdatalibName: string | null;
  rdatalibUacc: string;
  rdatalibEntries: Array<[string, string]>;
}

/** RACF DIGTCERT profile name `<serial>.<issuer DN>`, blanks written as `¢` (formats.md §6). */
function digtcertName(c: Cert): string {
  return `${c.serial}.${c.issuer.replace(/ /g, "¢")}`;
}

/** Defect kinds in the order they are handed out to rings. */
const RING_DEFECTS = [
  "cert-expired",
  "cert-expiring-soon",
  "cert-not-yet-valid",
  "cert-notrust-on-ring",
  "no-private-key",
  "weak-key",
  "sha1-signature",
  "empty-ring",
  "default-cert-missing",
  "cert-owner-mismatch",
  "ca-chain-incomplete",
  "intermediate-expires-first",
  "site-or-certauth-key-needs-control",
  "ring-owner-locked-out",
  "rdatalib-overgrant",
  "rdatalib-profile-unmatchable",
] as const;

/**
 * Generate the unload as chunks of whole lines (so that a million records never sit in memory
 * as one string); `done` receives the sidecar when the last chunk has been taken.
 */
export function* synthesize(opts: SynthOptions, done: (sidecar: Sidecar) => void): Generator<string> {
  const rnd = prng(opts.seed);
  const at = opts.at.getTime();
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const planted: Plant[] = [];
  const counts: Record<string, number> = {};
  let buf: string[] = [];
  let written = 0;
  const out = (line: string): void => {
    buf.push(line);
    written++;
    const type = line.slice(0, 4);
    counts[type] = (counts[type] ?? 0) + 1;
  };
  const full = () => buf.length >= 4096;
  const flush = (): string => {
    const chunk = `${buf.join("\n")}\n`;
    buf = [];
    return chunk;
  };

  // ---- identities ----------------------------------------------------------------------------
  const ringCount = Math.max(0, opts.rings);
  const owners = Math.max(1, Math.ceil(ringCount / 2));
  const ownerId = (i: number) => `S${pad(i, 7)}`;
  const userId = (i: number) => `U${pad(i, 7)}`;
  const groups = Math.max(4, Math.ceil(opts.users / 50));
  const groupId = (i: number) => `G${pad(i, 7)}`;

  // ---- certificates: CA chains, then one server certificate per ring ----------------------------
  let serialNo = 0x1000;
  const serial = () => (serialNo++).toString(16).toUpperCase().padStart(8, "0");
  const certs: Cert[] = [];
  const newCert = (c: Omit<Cert, "serial" | "rings" | "present"> & { present?: boolean }): Cert => {
    const cert: Cert = { ...c, serial: serial(), rings: [], present: c.present ?? true };
    if (cert.present) certs.push(cert);
    return cert;
  };
  // CA certificates: CERTAUTH-owned and trusted; the key and signature unless a case says otherwise.
  const newCa = (c: Pick<Cert, "label" | "subject" | "issuer" | "start" | "end"> & Partial<Cert>): Cert =>
    newCert({
      owner: "irrcerta",
      ownerRef: "CERTAUTH",
      keyType: "ICSFTOKN",
      keySize: 3072,
      sigAlg: "sha256RSA",
      status: "TRUST",
      ...c,
    });
  const roots: Cert[] = [];
  const rootCount = Math.max(1, Math.ceil(opts.certs / 2000));
  for (let i = 0; i < rootCount; i++) {
    const dn = `CN=Synth Root CA ${i + 1}.O=Synth Corp.C=US`;
    roots.push(
      newCa({
        label: `Synth Root CA ${i + 1}`,
        subject: dn,
        issuer: dn,
        start: at - 2000 * DAY,
        end: at + 5000 * DAY,
        keyType: "PKCSDER",
        keySize: 4096,
      }),
    );
  }
  const inters: Cert[] = [];
  const interCount = Math.max(2, Math.ceil(opts.certs / 400));
  for (let i = 0; i < interCount; i++) {
    const root = roots[i % roots.length] as Cert;
    inters.push(
      newCa({
        label: `Synth Issuing CA ${i + 1}`,
        subject: `CN=Synth Issuing CA ${i + 1}.O=Synth Corp.C=US`,
        issuer: root.subject,
        start: at - 1500 * DAY,
        end: at + 3000 * DAY,
      }),
    );
  }
  const rootOf = (inter: Cert) => roots.find((r) => r.subject === inter.issuer) as Cert;
  const serverCert = (owner: string, label: string, cn: string, inter: Cert): Cert =>
    newCert({
      owner,
      ownerRef: `ID(${owner})`,
      label,
      subject: `CN=${cn}.OU=Servers.O=Synth Corp.C=US`,
      issuer: inter.subject,
      start: at - int(30, 700) * DAY,
      end: at + int(120, 800) * DAY,
      keyType: pick(["PKCSDER", "PKCSDER", "ICSFTOKN"]),
      keySize: pick([2048, 2048, 3072, 4096]),
      sigAlg: pick(["sha256RSA", "sha256RSA", "sha384RSA"]),
      status: "TRUST",
    });

  // ---- rings and their defects -----------------------------------------------------------------
  const rings: RingPlan[] = [];
  const defectEvery = opts.defects > 0 ? Math.max(1, Math.round(1 / opts.defects)) : 0;
  let defectNo = 0;
  const rdatalibShare = ringCount > 0 ? Math.min(1, opts.rdatalib / ringCount) : 0;
  const plant = (rule: string, subject: string, ring: string | null, what: string) =>
    planted.push({ rule, subject, ring, what });

  for (let i = 0; i < ringCount; i++) {
    const owner = ownerId(i % owners);
    const generic = i % 10 === 7 && rdatalibShare > 0;
    const name = generic ? `GenRing${i}` : `Ring${i}`;
    const ringId = `${owner}/${name}`;
    const inter = inters[i % inters.length] as Cert;
    const root = rootOf(inter);
    const label = `Server ${name}`;
    const server = serverCert(owner, label, `${owner} ${name}`, inter);
    const mode: Mode = generic ? "rdatalib-generic" : rnd() < rdatalibShare ? "rdatalib" : "facility";
    const plan: RingPlan = {
      owner,
      name,
      mode,
      connections: [
        { cert: server, usage: "PERSONAL", default: true },
        { cert: inter, usage: "CERTAUTH", default: false },
        { cert: root, usage: "CERTAUTH", default: false },
      ],
      rdatalibName: mode === "rdatalib" ? `${owner}.${name.toUpperCase()}.LST` : null,
      rdatalibUacc: "NONE",
      rdatalibEntries: [
        [owner, "READ"],
        ["SECADM", "READ"],
      ],
    };
    rings.push(plan);
    const isDefect = defectEvery > 0 && i % defectEvery === defectEvery - 1;
    if (!isDefect) continue;
    const kind = RING_DEFECTS[defectNo++ % RING_DEFECTS.length] as (typeof RING_DEFECTS)[number];
    const certSubject = `${server.ownerRef}:${server.label}`;
    const connSubject = (c: Cert) => `${ringId}:${c.ownerRef}:${c.label}`;
    const app = `${owner}@${ringId}`;
    switch (kind) {
      case "cert-expired":
        server.end = at - int(1, 300) * DAY;
        plant(kind, certSubject, ringId, "server certificate expired");
        plant("app-predicted-failure", app, ringId, "handshake fails: expired certificate");
        break;
      case "cert-expiring-soon":
        server.end = at + int(2, 20) * DAY;
        plant(kind, certSubject, ringId, "server certificate expires within 30 days");
        break;
      case "cert-not-yet-valid":
        server.start = at + int(2, 60) * DAY;
        server.end = at + 800 * DAY;
        plant(kind, certSubject, ringId, "server certificate not valid yet");
        plant("app-predicted-failure", app, ringId, "handshake fails: certificate not valid yet");
        break;
      case "cert-notrust-on-ring":
        server.status = "NOTRUST";
        plant(kind, connSubject(server), ringId, "default certificate is NOTRUST");
        plant("app-predicted-failure", app, ringId, "handshake fails: NOTRUST default");
        break;
      case "no-private-key":
        server.keyType = "";
        plant(kind, connSubject(server), ringId, "PERSONAL certificate without private key");
        plant("app-predicted-failure", app, ringId, "handshake fails: no private key");
        break;
      case "weak-key":
        server.keySize = 1024;
        plant(kind, certSubject, ringId, "1024-bit RSA key");
        break;
      case "sha1-signature":
        server.sigAlg = "sha1RSA";
        plant(kind, certSubject, ringId, "SHA-1 signature");
        break;
      case "empty-ring":
        plan.connections = [];
        certs.splice(certs.indexOf(server), 1);
        plant(kind, ringId, ringId, "ring without certificates");
        plant("app-predicted-failure", app, ringId, "handshake fails: empty ring");
        break;
      case "default-cert-missing": {
        const c = plan.connections[0];
        if (c) c.default = false;
        plant(kind, ringId, ringId, "no DEFAULT certificate");
        plant("app-predicted-failure", app, ringId, "handshake fails: no default certificate");
        break;
      }
      case "cert-owner-mismatch": {
        // Another user's certificate as the ring's PERSONAL default, under global checking.
        const other = userId(i % Math.max(1, opts.users));
        const foreign = serverCert(other, `Foreign ${name}`, `${other} ${name}`, inter);
        certs.splice(certs.indexOf(server), 1);
        plan.connections[0] = { cert: foreign, usage: "PERSONAL", default: true };
        plan.mode = "facility";
        plan.rdatalibName = null;
        plant(kind, connSubject(foreign), ringId, "PERSONAL certificate of another user");
        plant("app-predicted-failure", app, ringId, "handshake fails: no access to the private key");
        break;
      }
      case "ca-chain-incomplete": {
        // Issued by a CA that is not in the unload, and the ring holds only the leaf.
        const missing = newCa({
          label: "never written",
          subject: `CN=Vanished CA ${i}.O=Elsewhere.C=US`,
          issuer: `CN=Vanished CA ${i}.O=Elsewhere.C=US`,
          start: at - 900 * DAY,
          end: at + 900 * DAY,
          keyType: "",
          keySize: 2048,
          present: false,
        });
        server.issuer = missing.subject;
        plan.connections = plan.connections.slice(0, 1);
        plant(kind, connSubject(server), ringId, "issuer CA not in the unload");
        break;
      }
      case "intermediate-expires-first": {
        const shortLived = newCa({
          label: `Short CA ${i}`,
          subject: `CN=Short Lived CA ${i}.O=Synth Corp.C=US`,
          issuer: root.subject,
          start: at - 300 * DAY,
          end: at + 100 * DAY,
        });
        server.issuer = shortLived.subject;
        server.end = at + 700 * DAY;
        plan.connections[1] = { cert: shortLived, usage: "CERTAUTH", default: false };
        plant(kind, certSubject, ringId, "issuing CA expires before the server certificate");
        break;
      }
      case "site-or-certauth-key-needs-control":
        plan.connections.push({ cert: root, usage: "PERSONAL", default: false });
        plan.connections.splice(2, 1);
        plan.mode = "facility";
        plan.rdatalibName = null;
        plant(kind, connSubject(root), ringId, "CERTAUTH key connected PERSONAL, user not SPECIAL");
        plant("ca-connected-as-personal", connSubject(root), ringId, "CA certificate connected PERSONAL");
        break;
      case "ring-owner-locked-out":
        plan.mode = "rdatalib";
        plan.rdatalibName = `${owner}.${name.toUpperCase()}.LST`;
        plan.rdatalibEntries = [["SECADM", "READ"]];
        plant(kind, ringId, ringId, "RDATALIB profile without the ring owner");
        plant("ring-access-denied", app, ringId, "the owner cannot open the ring");
        plant("app-predicted-failure", app, ringId, "handshake fails: 202");
        break;
      case "rdatalib-overgrant":
        plan.mode = "rdatalib";
        plan.rdatalibName = `${owner}.${name.toUpperCase()}.LST`;
        plan.rdatalibEntries = [...plan.rdatalibEntries, ["*", "READ"]];
        plant(kind, `RDATALIB ${plan.rdatalibName}`, ringId, "ID(*) on a ring profile");
        break;
      case "rdatalib-profile-unmatchable":
        plan.mode = "facility";
        plan.rdatalibName = `${owner}.${name}.LST`;
        plant(kind, `RDATALIB ${plan.rdatalibName}`, ringId, "profile name in mixed case");
        break;
    }
  }

  // Extra user certificates not on a ring (client certificates), some expired.
  const extra = Math.max(0, opts.certs - certs.length);
  const extraOwners = Math.max(1, opts.users);
  for (let i = 0; i < extra; i++) {
    const inter = inters[i % inters.length] as Cert;
    const u = userId(i % extraOwners);
    const c = serverCert(u, `Client ${i}`, `${u} client ${i}`, inter);
    c.subject = `CN=${u} client ${i}.OU=Users.O=Synth Corp.C=US`;
    if (rnd() < 0.1) c.end = at - int(1, 900) * DAY;
  }
  for (const r of rings) {
    for (const c of r.connections) c.cert.rings.push(`${r.owner}.${r.name}`);
  }

  // ---- site-level plant: everybody may open every ring ------------------------------------------
  const facilityStar = opts.defects > 0;
  if (facilityStar)
    plant(
      "facility-broad-access",
      "FACILITY IRR.DIGTCERT.LISTRING",
      null,
      "ID(*) UPDATE on IRR.DIGTCERT.LISTRING",
    );

  // ---- write: groups, users (+ their 0207), filler data sets, general resources ---------------
  const created = ymd(at - 900 * DAY);
  for (let g = 0; g < groups; g++) {
    out(
      record("0100", {
        GPBD_NAME: groupId(g),
        GPBD_SUPGRP_ID: "SYS1",
        GPBD_CREATE_DATE: created,
        GPBD_OWNER_ID: "SECADM",
        GPBD_UACC: "NONE",
        GPBD_NOTERMUACC: "NO",
        GPBD_INSTALL_DATA: `SYNTHETIC GROUP ${g}`,
        GPBD_UNIVERSAL: "NO",
      }),
    );
    if (full()) yield flush();
  }
  const certsByOwner = new Map<string, Cert[]>();
  for (const c of certs) {
    const list = certsByOwner.get(c.owner);
    if (list) list.push(c);
    else certsByOwner.set(c.owner, [c]);
  }
  const userRecords = (id: string, name: string, group: string) => {
    out(
      record("0200", {
        USBD_NAME: id,
        USBD_CREATE_DATE: created,
        USBD_OWNER_ID: "SECADM",
        USBD_ADSP: "NO",
        USBD_SPECIAL: "NO",
        USBD_OPER: "NO",
        USBD_REVOKE: rnd() < 0.03 ? "YES" : "NO",
        USBD_GRPACC: "NO",
        USBD_PWD_INTERVAL: "186",
        USBD_PROGRAMMER: name,
        USBD_DEFGRP_ID: group,
        USBD_UAUDIT: "NO",
        USBD_AUDITOR: "NO",
        USBD_NOPWD: "NO",
        USBD_ROAUDIT: "NO",
      }),
    );
    out(
      record("0205", {
        USCON_NAME: id,
        USCON_GRP_ID: group,
        USCON_CONNECT_DATE: created,
        USCON_OWNER_ID: "SECADM",
        USCON_UACC: "NONE",
        USCON_INIT_CNT: "00000",
        USCON_GRP_ADSP: "NO",
        USCON_GRP_SPECIAL: "NO",
        USCON_GRP_OPER: "NO",
        USCON_REVOKE: "NO",
        USCON_GRP_ACC: "NO",
      }),
    );
    for (const c of certsByOwner.get(id) ?? []) {
      out(record("0207", { USCERT_NAME: id, USCERT_CERT_NAME: digtcertName(c), USCERT_CERTLABL: c.label }));
    }
  };
  userRecords("irrcerta", "CERTAUTH ANCHOR", "SYS1");
  userRecords("SECADM", "SECURITY ADMIN", "SYS1");
  for (let o = 0; o < owners; o++) {
    userRecords(ownerId(o), "STARTED TASK", groupId(o % groups));
    if (full()) yield flush();
  }
  for (let u = 0; u < opts.users; u++) {
    userRecords(userId(u), `SYNTH USER ${u}`, groupId(u % groups));
    if (full()) yield flush();
  }

  // Filler records: data set profiles racfring does not read.
  const fillerTarget = Math.max(0, opts.records - written - estimateResourceRecords(rings, certs, opts));
  for (let f = 0; f < fillerTarget; f++) {
    const hlq = userId(f % Math.max(1, opts.users));
    out(
      fillerRecord(
        f % 3 === 2 ? "0404" : "0400",
        `${hlq}.DATA${pad(f, 7)}.SYNTH`,
        f % 3 === 2
          ? `${hlq.padEnd(8)} READ     00000`
          : `0 ${created} ${hlq.padEnd(8)} ${created} NONE     FAIL     000 NO  NO  ${"SYNTHETIC FILLER DATA SET".padEnd(255)} NONE     NO  NO  ${"".padEnd(40)}`,
      ),
    );
    if (full()) yield flush();
  }

  const grbd = (name: string, cls: string, uacc: string, appl = "", generic = false): string =>
    record("0500", {
      GRBD_NAME: name,
      GRBD_CLASS_NAME: cls,
      GRBD_GENERIC: generic ? "YES" : "NO",
      GRBD_CLASS: "000",
      GRBD_CREATE_DATE: created,
      GRBD_OWNER_ID: "SECADM",
      GRBD_LASTREF_DATE: ymd(at - 3 * DAY),
      GRBD_LASTCHG_DATE: created,
      GRBD_ALTER_CNT: "00000",
      GRBD_CONTROL_CNT: "00000",
      GRBD_UPDATE_CNT: "00000",
      GRBD_READ_CNT: "00000",
      GRBD_UACC: uacc,
      GRBD_AUDIT_LEVEL: "FAIL",
      GRBD_LEVEL: "000",
      GRBD_GAUDIT_LEVEL: "NONE",
      GRBD_WARNING: "NO",
      GRBD_SINGLEDS: "NO",
      GRBD_AUTO: "NO",
      GRBD_TVTOC: "NO",
      GRBD_APPL_DATA: appl,
    });
  const gracc = (name: string, cls: string, id: string, level: string): string =>
    record("0505", {
      GRACC_NAME: name,
      GRACC_CLASS_NAME: cls,
      GRACC_AUTH_ID: id,
      GRACC_ACCESS: level,
      GRACC_ACCESS_CNT: pad(int(0, 999), 5),
    });

  // DIGTCERT
  for (const c of certs) {
    const name = digtcertName(c);
    out(grbd(name, "DIGTCERT", c.status, c.owner));
    out(
      record("0560", {
        GRCERT_NAME: name,
        GRCERT_CLASS_NAME: "DIGTCERT",
        GRCERT_START_DATE: ymd(c.start),
        GRCERT_START_TIME: "00:00:00",
        GRCERT_END_DATE: ymd(c.end),
        GRCERT_END_TIME: "23:59:59",
        GRCERT_KEY_TYPE: c.keyType,
        GRCERT_KEY_SIZE: pad(c.keySize, 10),
        GRCERT_LAST_SERIAL: "0000000000000000",
        GRCERT_RING_SEQN: "0000000000",
        GRCERT_GEN_REQ: "NO",
      }),
    );
    for (const r of c.rings)
      out(record("0561", { CERTR_NAME: name, CERTR_CLASS_NAME: "DIGTCERT", CERTR_RING_NAME: r }));
    out(
      record("1560", {
        CERTN_NAME: name,
        CERTN_CLASS_NAME: "DIGTCERT",
        CERTN_ISSUER_DN: c.issuer,
        CERTN_SUBJECT_DN: c.subject,
        CERTN_SIG_ALG: c.sigAlg,
        CERTN_CERT_FGRPRNT: createHash("sha256").update(`${opts.seed}:${name}`).digest("hex").toUpperCase(),
      }),
    );
    if (full()) yield flush();
  }
  // DIGTRING
  for (const r of rings) {
    const name = `${r.owner}.${r.name}`;
    out(grbd(name, "DIGTRING", "NONE"));
    for (const c of r.connections) {
      out(
        record("0562", {
          KEYR_NAME: name,
          KEYR_CLASS_NAME: "DIGTRING",
          KEYR_CERT_NAME: digtcertName(c.cert),
          KEYR_CERT_USAGE: c.usage,
          KEYR_CERT_DEFAULT: c.default ? "YES" : "NO",
          KEYR_CERT_LABEL: c.cert.label,
        }),
      );
    }
    if (full()) yield flush();
  }
  // FACILITY: the ring authorities with a big access list, plus unrelated FACILITY profiles.
  const listring = "IRR.DIGTCERT.LISTRING";
  out(grbd(listring, "FACILITY", "NONE"));
  const big = Math.max(1, Math.ceil(opts.accessEntries / 2));
  for (let o = 0; o < owners; o++) out(gracc(listring, "FACILITY", ownerId(o), "READ"));
  for (let e = 0; e < big; e++) {
    out(gracc(listring, "FACILITY", userId(e % Math.max(1, opts.users)), "READ"));
    if (full()) yield flush();
  }
  if (facilityStar) out(gracc(listring, "FACILITY", "*", "UPDATE"));
  out(grbd("IRR.DIGTCERT.*", "FACILITY", "NONE", "", true));
  out(gracc("IRR.DIGTCERT.*", "FACILITY", "SECADM", "CONTROL"));
  out(grbd("BPX.SERVER", "FACILITY", "NONE"));
  for (let e = 0; e < opts.accessEntries - big; e++) {
    out(gracc("BPX.SERVER", "FACILITY", userId(e % Math.max(1, opts.users)), "READ"));
    if (full()) yield flush();
  }
  // RDATALIB
  let rdatalibWritten = 0;
  const genericOwners = new Set<string>();
  for (const r of rings) {
    if (r.mode === "rdatalib-generic" && !genericOwners.has(r.owner)) {
      genericOwners.add(r.owner);
      const gname = `${r.owner}.GENRING*.LST`;
      out(grbd(gname, "RDATALIB", "NONE", "", true));
      out(gracc(gname, "RDATALIB", r.owner, "READ"));
      rdatalibWritten++;
    }
    if (!r.rdatalibName) continue;
    out(grbd(r.rdatalibName, "RDATALIB", r.rdatalibUacc));
    for (const [id, level] of r.rdatalibEntries) out(gracc(r.rdatalibName, "RDATALIB", id, level));
    rdatalibWritten++;
    if (full()) yield flush();
  }
  for (let d = rdatalibWritten; d < opts.rdatalib; d++) {
    // Profiles for rings of other systems sharing the database: no ring here.
    const n = `X${pad(d, 7)}.OTHER${d}.LST`;
    out(grbd(n, "RDATALIB", "NONE"));
    out(gracc(n, "RDATALIB", `X${pad(d, 7)}`, "READ"));
    if (full()) yield flush();
  }
  // STARTED: discrete per ring owner, generic per prefix, `**` last.
  const startedCount = Math.max(1, opts.started);
  const stdata = (name: string, user: string, generic: boolean) => {
    out(grbd(name, "STARTED", "NONE", "", generic));
    out(
      record("0540", {
        GRST_NAME: name,
        GRST_CLASS_NAME: "STARTED",
        GRST_USER_ID: user,
        GRST_GROUP_ID: "STCGRP",
        GRST_TRUSTED: "NO",
        GRST_PRIVILEGED: "NO",
        GRST_TRACE: "NO",
      }),
    );
  };
  let s = 0;
  for (let o = 0; o < owners && s < startedCount - 1; o++, s++) {
    if (o % 5 === 4) {
      // every fifth owner is covered by a generic profile of its prefix
      stdata(`${ownerId(o).slice(0, 7)}*.*`, "=MEMBER", true);
    } else stdata(`${ownerId(o)}.*`, ownerId(o), true);
    if (full()) yield flush();
  }
  for (; s < startedCount - 1; s++) {
    stdata(`P${pad(s, 7)}.P${pad(s, 7)}`, `P${pad(s, 7)}`, false);
    if (full()) yield flush();
  }
  stdata("**", "=MEMBER", true);
  // Other classes: filler general resources.
  while (written < opts.records) {
    const n = `SYNTH.PROGRAM.${pad(written, 8)}`;
    out(grbd(n, "PROGRAM", "READ"));
    if (written < opts.records) out(gracc(n, "PROGRAM", "SYS1", "READ"));
    if (full()) yield flush();
  }
  if (buf.length > 0) yield flush();

  const { at: _at, ...rest } = opts;
  done({
    generator: "racfring synth",
    seed: opts.seed,
    at: opts.at.toISOString().slice(0, 10),
    options: rest,
    counts,
    records: written,
    planted,
    notPlantable: { ...NOT_PLANTABLE },
  });
}

/** Records written after the filler data sets, so that `records` is met without overshooting. */
function estimateResourceRecords(rings: RingPlan[], certs: Cert[], opts: SynthOptions): number {
  let n = 0;
  for (const c of certs) n += 3 + c.rings.length;
  for (const r of rings) n += 1 + r.connections.length + (r.rdatalibName ? 1 + r.rdatalibEntries.length : 0);
  n += 6 + Math.ceil(rings.length / 2) + opts.accessEntries;
  n += Math.max(0, opts.rdatalib) * 2 + Math.max(1, opts.started) * 2;
  return n;
}
