/**
 * Plans that refer to existing RACF objects: one block per reference kind, each with inputs
 * that hold the object (works, simulated against the merged state), lack it (located error,
 * exit 3) and collide with it (refused, exit 3). The site is samples/site/setup.jcl.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { lintFiles } from "../../src/lint/lint.js";
import { ioIn, tempDir } from "../helpers/cli.js";
import { ROOT } from "./helpers/gen.js";

const SITE = join(ROOT, "samples/site/setup.jcl");

interface Parts {
  existing?: string;
  users?: string;
  authorities?: string;
  certificates?: string;
  rings: string;
  applications: string;
}

const CERT = (label: string, signer: string, owner = "WEBSRV") => `
  - id: NEWCRT
    owner: ${owner}
    label: ${label}
    subject: { CN: new.sample.example, O: Sample Corp, C: US }
    key: { type: RSA, size: 2048 }
    validity: { notBefore: "2026-01-01", notAfter: "2027-12-31" }
    signer: { authority: ${signer} }`;

function plan(p: Parts): string {
  return [
    "racfringPlan: 1",
    "name: existing-test",
    "job: { name: EXIST }",
    p.existing ? `existing:${p.existing}` : "",
    p.users ? `users:${p.users}` : "",
    p.authorities ? `authorities:${p.authorities}` : "",
    p.certificates ? `certificates:${p.certificates}` : "",
    `rings:${p.rings}`,
    `applications:${p.applications}`,
    "permissions: { strategy: rdatalib }",
    "",
  ].join("\n");
}

const NEW_RING = `
  - owner: WEBSRV
    name: NewRing
    connect:
      - { certificate: NEWCRT, default: true }
      - { authority: SITECA }`;
const APP = `
  - { name: new server, user: WEBSRV, ring: WEBSRV/NewRing }`;
const EXISTING_CA = (label: string) => `
  authorities:
    - { id: SITECA, label: ${label} }`;

async function gen(text: string, withSite = true, out = "out") {
  const dir = tempDir("racfring-exist-");
  writeFileSync(join(dir, "plan.yaml"), text);
  const c = ioIn(dir);
  const args = ["generate", "plan.yaml", "-o", out, ...(withSite ? ["--jcl", SITE] : [])];
  const rc = await runCli(args, c.io);
  const read = (f: string) => readFileSync(join(dir, out, f), "utf8");
  return { rc, out: c.out.join(""), err: c.err.join(""), dir, read };
}

/** The setup job lints clean as a sequence after the site's own job (which made the existing objects). */
function lintsAfterSite(setup: string): void {
  const results = lintFiles([
    { text: readFileSync(SITE, "utf8"), file: "site.jcl" },
    { text: setup, file: "01-setup.jcl" },
  ]);
  expect(results[1]?.issues.filter((i) => i.severity === "error")).toEqual([]);
}

describe("existing authority (GENCERT ... SIGNWITH an existing CERTAUTH)", () => {
  const text = (label: string) =>
    plan({
      existing: EXISTING_CA(label),
      certificates: CERT("New Server", "SITECA"),
      rings: NEW_RING,
      applications: APP,
    });

  it("present in the inputs: signs, RC 0 against the merged state, backout never deletes it", async () => {
    const r = await gen(text("Sample Root CA"));
    expect(r.err).toBe("");
    expect(r.rc).toBe(0);
    expect(r.out).toMatch(/CERTAUTH certificate "Sample Root CA" \(signs\): found in .*setup\.jcl:33/);
    expect(r.out).toMatch(/against the current state with the setup jobs applied/);
    expect(r.out).toMatch(/new server: WEBSRV on WEBSRV\/NewRing .*RC 0/);
    const setup = r.read("jcl/01-setup.jcl");
    expect(setup).toMatch(/SIGNWITH\(CERTAUTH LABEL\('Sample Root CA'\)\)/);
    expect(setup).not.toMatch(/CERTAUTH GENCERT/);
    lintsAfterSite(setup);
    const backout = r.read("jcl/99-backout.jcl");
    expect(backout).toMatch(/DELETE\(LABEL\('New Server'\)\)/);
    expect(backout).not.toMatch(/Sample Root CA/);
  });

  it("absent from the inputs: located error, exit 3, nothing written", async () => {
    const r = await gen(text("No Such CA"));
    expect(r.rc).toBe(3);
    expect(r.err).toMatch(
      /plan\.yaml:\d+:\d+: existing\.authorities\[0\]\.label: CERTAUTH certificate "No Such CA" is not in/,
    );
    expect(r.err).toMatch(/nothing written/);
  });

  it("colliding: the plan creates a CA whose label CERTAUTH already has → refused", async () => {
    const t = plan({
      authorities: `
  - id: SITECA
    create: racf
    label: Sample Root CA
    subject: { CN: Another CA }
    key: { type: RSA, size: 2048 }
    validity: { notBefore: "2026-01-01", notAfter: "2030-12-31" }`,
      certificates: CERT("New Server", "SITECA"),
      rings: NEW_RING,
      applications: APP,
    });
    const r = await gen(t);
    expect(r.rc).toBe(3);
    expect(r.err).toMatch(
      /authorities\[0\]\.label: CERTAUTH already has a certificate labelled "Sample Root CA" \(.*setup\.jcl:33\).*existing\.authorities/,
    );
  });

  it("without inputs: allowed, marked ASSUMED in the output and the runbook", async () => {
    const r = await gen(text("Sample Root CA"), false);
    expect(r.rc).toBe(0);
    expect(r.out).toMatch(/"Sample Root CA" \(signs\): ASSUMED/);
    expect(r.read("README.md")).toMatch(/"Sample Root CA" \(signs\): ASSUMED to exist/);
  });
});

// An existing issuing CA whose root is also in RACF: `connect: { authority: ID }` puts the
// whole chain on the ring, as it does for a CA the plan creates (racf-rules §6).
const CHAIN_SITE = `//CHAIN    JOB (ACCT),'CA CHAIN',CLASS=A,MSGCLASS=X
//RACF     EXEC PGM=IKJEFT01
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
  ADDUSER WEBSRV NOPASSWORD
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Corp Root CA')) -
    WITHLABEL('Corp Root CA') NOTAFTER(DATE(2035-12-31))
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Corp Issuing CA')) -
    WITHLABEL('Corp Issuing CA') KEYUSAGE(CERTSIGN) -
    SIGNWITH(CERTAUTH LABEL('Corp Root CA')) NOTAFTER(DATE(2032-12-31))
  RACDCERT ID(WEBSRV) ADDRING(OldRing)
  RACDCERT ID(WEBSRV) CONNECT(CERTAUTH LABEL('Corp Root CA') -
    RING(OldRing) USAGE(CERTAUTH))
  SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH
/*
`;

describe("existing intermediate CA: its issuers are connected too", () => {
  async function genChain(rings: string, withSite = true, applications = APP) {
    const dir = tempDir("racfring-chain-");
    writeFileSync(join(dir, "site.jcl"), CHAIN_SITE);
    writeFileSync(
      join(dir, "plan.yaml"),
      plan({
        existing: EXISTING_CA("Corp Issuing CA"),
        certificates: CERT("New Server", "SITECA"),
        rings,
        applications,
      }),
    );
    const c = ioIn(dir);
    const rc = await runCli(
      ["generate", "plan.yaml", "-o", "out", ...(withSite ? ["--jcl", "site.jcl"] : [])],
      c.io,
    );
    // Commands as TSO sees them: continuations joined.
    const read = (f: string) => readFileSync(join(dir, "out", f), "utf8").replace(/ -\n\s+/g, " ");
    return { rc, out: c.out.join(""), err: c.err.join(""), read, dir };
  }

  it("a new ring gets the root with USAGE(CERTAUTH), said in the output; the backout removes it with the ring", async () => {
    const r = await genChain(NEW_RING);
    expect(r.rc).toBe(0);
    const setup = r.read("jcl/01-setup.jcl");
    expect(setup).toMatch(
      /CONNECT\(CERTAUTH LABEL\('Corp Issuing CA'\) RING\('NewRing'\) USAGE\(CERTAUTH\)\)/,
    );
    expect(setup).toMatch(/CONNECT\(CERTAUTH LABEL\('Corp Root CA'\) RING\('NewRing'\) USAGE\(CERTAUTH\)\)/);
    expect(r.out).toMatch(
      /CERTAUTH "Corp Root CA" \(site\.jcl:6\) issued CERTAUTH "Corp Issuing CA": connected to WEBSRV\/NewRing/,
    );
    expect(r.out).toMatch(/new server: WEBSRV on WEBSRV\/NewRing .*RC 0/);
    const backout = r.read("jcl/99-backout.jcl");
    expect(backout).toMatch(/DELRING\('NewRing'\)/);
    expect(backout).not.toMatch(/DELETE\(LABEL\('Corp/);
    const results = lintFiles([
      { text: CHAIN_SITE, file: "site.jcl" },
      { text: readFileSync(join(r.dir, "out/jcl/01-setup.jcl"), "utf8"), file: "01-setup.jcl" },
    ]);
    expect(results[1]?.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("an existing ring that holds the root already gets only the issuing CA", async () => {
    const r = await genChain(
      `
  - owner: WEBSRV
    name: OldRing
    existing: true
    connect:
      - { certificate: NEWCRT, default: true }
      - { authority: SITECA }`,
      true,
      `
  - { name: new server, user: WEBSRV, ring: WEBSRV/OldRing }`,
    );
    expect(r.rc).toBe(0);
    const setup = r.read("jcl/01-setup.jcl");
    expect(setup).toMatch(/LABEL\('Corp Issuing CA'\) RING\('OldRing'\)/);
    expect(setup).not.toMatch(/LABEL\('Corp Root CA'\)/);
    // The backout takes off what the plan connected, and leaves the root that was there.
    const backout = r.read("jcl/99-backout.jcl");
    expect(backout).toMatch(/REMOVE\(CERTAUTH LABEL\('Corp Issuing CA'\) RING\('OldRing'\)\)/);
    expect(backout).not.toMatch(/Corp Root CA/);
    expect(r.out).not.toMatch(/connected to WEBSRV\/OldRing/);
  });

  it("without the site's state the issuers are unknown, and the output says to connect them", async () => {
    const r = await genChain(NEW_RING, false);
    expect(r.rc).toBe(0);
    expect(`${r.out}${r.err}`).toMatch(
      /CERTAUTH "Corp Issuing CA" on WEBSRV\/NewRing: without the site's state .* its issuers are not known/,
    );
    expect(r.read("jcl/01-setup.jcl")).not.toMatch(/Corp Root CA/);
  });
});

describe("existing certificate (owner + label) connected to a new ring", () => {
  const text = (label: string) =>
    plan({
      existing: `
  certificates:
    - { id: WEBCRT, owner: WEBSRV, label: ${label} }${EXISTING_CA("Sample Root CA")}`,
      rings: `
  - owner: WEBSRV
    name: NewRing
    connect:
      - { certificate: WEBCRT, default: true }
      - { authority: SITECA }`,
      applications: APP,
    });

  it("present: connected, RC 0, the backout deletes the ring but not the certificate", async () => {
    const r = await gen(text("Web Server"));
    expect(r.err).toBe("");
    expect(r.rc).toBe(0);
    const setup = r.read("jcl/01-setup.jcl");
    expect(setup).toMatch(/CONNECT\(ID\(WEBSRV\) LABEL\('Web Server'\)/);
    expect(setup).not.toMatch(/GENCERT/);
    lintsAfterSite(setup);
    const backout = r.read("jcl/99-backout.jcl");
    expect(backout).toMatch(/DELRING\('NewRing'\)/);
    expect(backout).not.toMatch(/DELETE\(LABEL/);
  });

  it("absent: located error, exit 3", async () => {
    const r = await gen(text("Nope Server"));
    expect(r.rc).toBe(3);
    expect(r.err).toMatch(
      /existing\.certificates\[0\]\.label: ID\(WEBSRV\) certificate "Nope Server" is not in/,
    );
  });

  it("colliding: the plan creates a certificate with a label WEBSRV already uses → refused", async () => {
    const t = plan({
      existing: EXISTING_CA("Sample Root CA"),
      certificates: CERT("Web Server", "SITECA"),
      rings: NEW_RING,
      applications: APP,
    });
    const r = await gen(t);
    expect(r.rc).toBe(3);
    expect(r.err).toMatch(
      /certificates\[0\]\.label: ID\(WEBSRV\) already has a certificate labelled "Web Server" .*existing\.certificates/,
    );
  });
});

describe("existing user", () => {
  const text = (user: string, create = false) =>
    plan({
      existing: EXISTING_CA("Sample Root CA"),
      users: `
  - { id: ${user}${create ? ", create: true, defaultGroup: STCGRP" : ""} }`,
      certificates: CERT("New Server", "SITECA", user),
      rings: NEW_RING.replace("WEBSRV", user),
      applications: APP.replaceAll("WEBSRV", user),
    });

  it("present: used, never defined or deleted", async () => {
    const r = await gen(text("WEBSRV"));
    expect(r.rc).toBe(0);
    expect(r.out).toMatch(/user WEBSRV: found in .*setup\.jcl:22/);
    expect(r.read("jcl/01-setup.jcl")).not.toMatch(/ADDUSER/);
    expect(r.read("jcl/99-backout.jcl")).not.toMatch(/DELUSER/);
  });

  it("absent: located error, exit 3", async () => {
    const r = await gen(text("NOSUCH"));
    expect(r.rc).toBe(3);
    expect(r.err).toMatch(/users\[0\]\.id: user NOSUCH is not in .*add create: true/);
  });

  it("colliding: create: true for a user the site has → refused", async () => {
    const r = await gen(text("WEBSRV", true));
    expect(r.rc).toBe(3);
    expect(r.err).toMatch(
      /users\[0\]\.id: user WEBSRV exists already \(.*setup\.jcl:22\); drop create: true/,
    );
  });
});

describe("existing ring: the plan adds connections to it", () => {
  const text = (ring: string, existing = true, label = "New Server") =>
    plan({
      existing: EXISTING_CA("Sample Root CA"),
      certificates: CERT(label, "SITECA"),
      rings: `
  - owner: WEBSRV
    name: ${ring}
    existing: ${existing}
    connect:
      - { certificate: NEWCRT }`,
      applications: `
  - { name: new server, user: WEBSRV, ring: WEBSRV/${ring}, certificate: NEWCRT }`,
    });

  it("present: CONNECT only (no ADDRING), RC 0 against the merged state, backout REMOVEs only that connection", async () => {
    const r = await gen(text("WebRing"));
    expect(r.err).toBe("");
    expect(r.rc).toBe(0);
    const setup = r.read("jcl/01-setup.jcl");
    expect(setup).not.toMatch(/ADDRING/);
    expect(setup).toMatch(/CONNECT\(ID\(WEBSRV\) LABEL\('New Server'\)[\s-]*RING\('WebRing'\)/);
    // The ring's RDATALIB profile exists already: not defined again (RDEFINE would fail)
    expect(setup).not.toMatch(/RDEFINE RDATALIB WEBSRV\.WEBRING\.LST/);
    lintsAfterSite(setup);
    const backout = r.read("jcl/99-backout.jcl");
    expect(backout).toMatch(/REMOVE\(ID\(WEBSRV\) LABEL\('New Server'\)[\s-]*RING\('WebRing'\)\)/);
    expect(backout).not.toMatch(/DELRING/);
    expect(backout).not.toMatch(/RDELETE/);
  });

  it("absent: located error, exit 3", async () => {
    const r = await gen(text("NoSuchRing"));
    expect(r.rc).toBe(3);
    expect(r.err).toMatch(/rings\[0\]\.name: ring WEBSRV\/NoSuchRing is not in .*case-sensitive/);
  });

  it("ring names are case-sensitive: webring is not WebRing", async () => {
    const r = await gen(text("webring"));
    expect(r.rc).toBe(3);
  });

  it("colliding: creating a ring the site has → refused (existing: true to reuse it)", async () => {
    const r = await gen(text("WebRing", false));
    expect(r.rc).toBe(3);
    expect(r.err).toMatch(/rings\[0\]\.name: ring WEBSRV\/WebRing exists already .*set existing: true/);
  });

  it("colliding: connecting what is already on the ring → refused", async () => {
    const t = plan({
      existing: `
  certificates:
    - { id: WEBCRT, owner: WEBSRV, label: Web Server }`,
      rings: `
  - owner: WEBSRV
    name: WebRing
    existing: true
    connect:
      - { certificate: WEBCRT }`,
      applications: `
  - { name: web, user: WEBSRV, ring: WEBSRV/WebRing }`,
    });
    const r = await gen(t);
    expect(r.rc).toBe(3);
    expect(r.err).toMatch(/rings\[0\]\.connect\[0\]: "Web Server" \(ID\(WEBSRV\)\) is already connected/);
  });

  it("without inputs: the ring is assumed and the runbook says so", async () => {
    const r = await gen(text("WebRing"), false);
    expect(r.rc).toBe(0);
    expect(r.out).toMatch(/ring WEBSRV\/WebRing: ASSUMED/);
    const readme = r.read("README.md");
    expect(readme).toMatch(/ring WEBSRV\/WebRing: ASSUMED to exist/);
    expect(readme).toMatch(/WEBSRV\/WebRing \(exists already; the plan adds these connections\)/);
  });
});

describe("the sample plan on the existing CA", () => {
  it("generates against samples/site/setup.jcl with RC 0", async () => {
    const dir = tempDir("racfring-exist-");
    const c = ioIn(dir);
    const rc = await runCli(
      ["generate", join(ROOT, "samples/plans/ring-on-existing-ca.yaml"), "--jcl", SITE, "--dry-run"],
      c.io,
    );
    expect(c.err.join("")).toBe("");
    expect(rc).toBe(0);
    expect(c.out.join("")).toMatch(/TN3270 server \(AT-TLS\): .*RC 0/);
  });
});
