import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/cli/commands/generate.js";
import { runCli } from "../../src/cli/main.js";
import { joinTsoLines } from "../../src/gen/tso.js";
import { readBackAndSimulate } from "../../src/gen/verify.js";
import { lintJcl } from "../../src/lint/lint.js";
import { ioIn, tempDir } from "../helpers/cli.js";
import { AT, generateSample, generateText, ROOT } from "./helpers/gen.js";

function file(r: Awaited<ReturnType<typeof generateSample>>, path: string): string {
  const f = r.files.find((x) => x.path === path);
  if (!f) throw new Error(`${path} not generated; have ${r.files.map((x) => x.path).join(", ")}`);
  return f.contents;
}

/** The TSO commands of a job, continuation lines joined, blanks collapsed. */
function commands(jcl: string): string[] {
  const lines = jcl.split("\n");
  const out: string[] = [];
  let data: string[] | null = null;
  for (const l of lines) {
    if (l.startsWith("//SYSTSIN")) data = [];
    else if (data && l.startsWith("/*")) {
      out.push(...joinTsoLines(data).map((c) => c.replace(/\s+/g, " ").trim()));
      data = null;
    } else if (data) data.push(l);
  }
  return out;
}

describe("generated setup job (RACF CA, RDATALIB)", () => {
  it("orders the steps users, CAs, certificates, rings, connects, profiles, permits, refresh", async () => {
    const r = await generateSample("ftps-racf-ca.yaml");
    const steps = [...file(r, "jcl/01-setup.jcl").matchAll(/^\/\/(\S+)\s+EXEC /gm)].map((m) => m[1]);
    expect(steps).toEqual(["USERS", "CAS", "CERTS", "RINGS", "CONNECT", "PROFILES", "PERMITS", "REFRESH"]);
  });

  it("grants READ on the ring-specific profile to a server that owns ring and key (racf-rules §1-2)", async () => {
    const r = await generateSample("ftps-racf-ca.yaml");
    const cmds = commands(file(r, "jcl/01-setup.jcl"));
    expect(cmds).toContain("RDEFINE RDATALIB FTPD.FTPRING.LST UACC(NONE)");
    expect(cmds).toContain("PERMIT FTPD.FTPRING.LST CLASS(RDATALIB) ID(FTPD) ACCESS(READ)");
    expect(cmds).toContain(
      "RACDCERT ID(FTPD) CONNECT(ID(FTPD) LABEL('FTP Server 2026') RING('FTPRing') USAGE(PERSONAL) DEFAULT)",
    );
    expect(cmds).toContain(
      "RACDCERT ID(FTPD) CONNECT(CERTAUTH LABEL('Example Sys CA 2026') RING('FTPRing') USAGE(CERTAUTH))",
    );
    // refreshes come after the changes
    expect(cmds.indexOf("SETROPTS RACLIST(RDATALIB) REFRESH")).toBeGreaterThan(
      cmds.findIndex((c) => c.startsWith("PERMIT")),
    );
    expect(cmds[cmds.length - 1]).toBe("SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH");
  });

  it("keeps every line within column 71", async () => {
    const r = await generateSample("ftps-racf-ca.yaml");
    for (const f of r.files.filter((x) => x.path.endsWith(".jcl"))) {
      for (const line of f.contents.split("\n"))
        expect(line.length, `${f.path}: ${line}`).toBeLessThanOrEqual(71);
    }
  });

  it("backs out in a safe order: access, profile, rings, certificates, CAs (intermediate first), users", async () => {
    const r = await generateSample("external-ca-pkcs12.yaml");
    const cmds = commands(file(r, "jcl/99-backout.jcl"));
    const at = (re: RegExp) => cmds.findIndex((c) => re.test(c));
    expect(at(/^PERMIT .* DELETE$/)).toBe(0);
    expect(at(/^RDELETE RDATALIB/)).toBeGreaterThan(at(/^PERMIT/));
    expect(at(/DELRING/)).toBeGreaterThan(at(/^RDELETE/));
    expect(at(/ID\(START1\) DELETE/)).toBeGreaterThan(at(/DELRING/));
    expect(at(/CERTAUTH DELETE\(LABEL\('Corp Issuing CA G1'\)\)/)).toBeLessThan(
      at(/CERTAUTH DELETE\(LABEL\('Corp Root CA G1'\)\)/),
    );
    expect(cmds[cmds.length - 1]).toBe("SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH");
  });

  it("verify job lists certificates, rings, chains and profiles", async () => {
    const r = await generateSample("external-ca-pkcs12.yaml");
    const cmds = commands(file(r, "jcl/90-verify.jcl"));
    expect(cmds).toContain("RACDCERT ID(START1) LIST(LABEL('Liberty''s server cert'))");
    expect(cmds).toContain("RACDCERT ID(START1) LISTRING('MQRING')");
    expect(cmds).toContain("RACDCERT ID(START1) LISTCHAIN(LABEL('Liberty''s server cert'))");
    expect(cmds).toContain("RLIST RDATALIB START1.MQRING.LST AUTHUSER");
  });
});

describe("external CA plan", () => {
  it("per-phase jobs: no refresh-missing read-back warning when a later job refreshes the class", async () => {
    const r = await generateSample("external-ca-pkcs12.yaml");
    expect(r.warnings.filter((w) => /refresh-missing/.test(w))).toEqual([]);
    // without the 08-refresh job the warning is still given
    if (!r.resolved) throw new Error("sample does not resolve");
    const setup = r.jobs
      .filter((j) => j.kind === "setup" && !j.file.includes("refresh"))
      .map((j) => ({ file: j.file, text: file(r, j.file) }));
    const check = readBackAndSimulate(r.resolved, setup, { at: AT, datasets: new Map(), planFile: "p" });
    expect(check.warnings.some((w) => /06-profiles\.jcl:\d+: refresh-missing: RDATALIB/.test(w))).toBe(true);
  });

  it("grants UPDATE to a server that uses another user's key on that user's ring (field case 6)", async () => {
    const r = await generateSample("external-ca-pkcs12.yaml");
    expect(commands(file(r, "jcl/07-permits.jcl"))).toEqual([
      "PERMIT MQCHIN.QM01RING.LST CLASS(RDATALIB) ID(MQCHIN) ACCESS(READ)",
      "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(UPDATE)",
    ]);
  });

  it("adds the PKCS#12 package with a JCL-symbol password, never a literal one", async () => {
    const r = await generateSample("external-ca-pkcs12.yaml");
    const jcl = file(r, "jcl/03-certificates.jcl");
    expect(jcl).toMatch(/^\/\/ +EXPORT SYMLIST=\(P12PW1\)$/m);
    expect(jcl).toMatch(/^\/\/ +SET P12PW1=$/m);
    expect(jcl).toContain("//SYSTSIN  DD *,SYMBOLS=JCLONLY");
    expect(commands(jcl)).toContain(
      "RACDCERT ID(MQCHIN) ADD('RACFADM.CERTS.MQCHIN.P12') WITHLABEL('ibmWebSphereMQQM01') PASSWORD('&P12PW1') TRUST",
    );
    expect(lintJcl(jcl, "x.jcl").issues.filter((i) => i.code === "password-in-clear")).toEqual([]);
    // filled in and saved: lint flags the SET, without printing the password
    const filled = jcl.replace("SET P12PW1=", "SET P12PW1=Sesame42");
    const found = lintJcl(filled, "x.jcl").issues.filter((i) => i.code === "password-in-clear");
    expect(found).toHaveLength(1);
    expect(found[0]?.message).not.toContain("Sesame42");
  });

  it("requests a RACF key (GENCERT + GENREQ) before the signed certificate is added back under the same label", async () => {
    const r = await generateSample("external-ca-pkcs12.yaml");
    const req = commands(file(r, "jcl/02-requests.jcl"));
    expect(req[0]).toMatch(
      /^RACDCERT ID\(START1\) GENCERT SUBJECTSDN\(CN\('liberty.example.com'\) OU\('Web'\) O\('Example Corp, Inc.'\) L\('Armonk'\) SP\('New York'\) C\('US'\)\) SIZE\(2048\)/,
    );
    expect(req[1]).toBe(
      "RACDCERT ID(START1) GENREQ(LABEL('Liberty''s server cert')) DSN('RACFADM.CERTS.LIBERTY.CSR')",
    );
    expect(commands(file(r, "jcl/03-certificates.jcl"))[0]).toBe(
      "RACDCERT ID(START1) ADD('RACFADM.CERTS.LIBERTY.CRT') WITHLABEL('Liberty''s server cert') TRUST",
    );
  });

  it("writes a runbook with every step in order and the transfer modes", async () => {
    const r = await generateSample("external-ca-pkcs12.yaml");
    const md = file(r, "README.md");
    const titles = [...md.matchAll(/^### (\d+)\. (.*)$/gm)].map((m) => m[2] ?? "");
    expect(titles[0]).toMatch(/Create the external CA CORPCA \(workstation\)/);
    const sign = titles.findIndex((t) => t.startsWith("Sign the requests"));
    const requests = titles.findIndex((t) => t.includes("02-requests.jcl"));
    const certs = titles.findIndex((t) => t.includes("03-certificates.jcl"));
    expect(requests).toBeLessThan(sign);
    expect(sign).toBeLessThan(certs);
    expect(md).toContain("pki/mqchin/mqchin.p12 -> 'RACFADM.CERTS.MQCHIN.P12' (BINARY, RECFM=VB LRECL=84)");
    expect(md).toContain("pki/corpca/root.pem -> 'RACFADM.CERTS.CORPCA.ROOT' (TEXT, RECFM=FB LRECL=80)");
  });
});

describe("FACILITY strategy (client ring)", () => {
  it("grants READ to the ring owner and UPDATE to another user who opens it (racf-rules §1)", async () => {
    const r = await generateSample("client-ring-facility.yaml");
    const cmds = commands(file(r, "jcl/01-setup.jcl"));
    expect(cmds).toContain("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(BATCHU) ACCESS(READ)");
    expect(cmds).toContain("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(REPORTU) ACCESS(UPDATE)");
    expect(cmds).toContain("SETROPTS RACLIST(FACILITY) REFRESH");
    // the shared FACILITY profile is never deleted by the backout job
    expect(commands(file(r, "jcl/99-backout.jcl")).some((c) => c.startsWith("RDELETE FACILITY"))).toBe(false);
  });
});

const SITE_PLAN = `racfringPlan: 1
name: site-cert
job: { name: SITEJ }
authorities:
  - id: CA1
    create: racf
    label: "Site CA"
    subject: { CN: Site CA, C: US }
    key: { type: NISTECC, size: 256 }
    validity: { notBefore: "2026-01-01", notAfter: "2030-12-31" }
certificates:
  - id: WEB
    owner: SITE
    label: "Bob's web, shared"
    subject: { CN: "web.example.com", O: "Bob's Shop, Ltd.", C: US }
    key: { type: NISTECC, size: 256 }
    validity: { notBefore: "2026-01-01", notAfter: "2027-01-01" }
    signer: { authority: CA1 }
rings:
  - owner: WEBSRV
    name: WebRing
    connect:
      - { certificate: WEB, usage: PERSONAL, default: true }
      - { authority: CA1 }
applications:
  - { name: web, user: WEBSRV, ring: WEBSRV/WebRing }
`;

describe("SITE certificates, quoting", () => {
  it("needs CONTROL on the ring profile for a SITE key (racf-rules §2 [3rd]) and simulates to 0", async () => {
    const r = await generateText(SITE_PLAN);
    expect(r.errors).toEqual([]);
    const cmds = commands(file(r, "jcl/01-setup.jcl"));
    expect(cmds).toContain("PERMIT WEBSRV.WEBRING.LST CLASS(RDATALIB) ID(WEBSRV) ACCESS(CONTROL)");
    expect(r.simulations[0]?.result.rc).toBe(0);
  });

  it("doubles apostrophes and keeps commas inside quotes; the reader reads the same values back", async () => {
    const r = await generateText(SITE_PLAN);
    const cmds = commands(file(r, "jcl/01-setup.jcl"));
    expect(cmds.find((c) => c.includes("SITE GENCERT"))).toContain("O('Bob''s Shop, Ltd.')");
    expect(cmds.find((c) => c.includes("SITE GENCERT"))).toContain("WITHLABEL('Bob''s web, shared')");
    expect(r.readBackNotes.filter((n) => n.includes("Bob"))).toEqual([]);
  });

  it("refuses with a reason when a simulation would not predict RC 0 (certificate expired at --at, RC 401)", async () => {
    const r = await generateText(SITE_PLAN, "plan.yaml", new Date("2028-06-01T00:00:00Z"));
    expect(r.files).toEqual([]);
    expect(r.errors.some((e) => /application "web" would fail with System SSL RC 401/.test(e))).toBe(true);
  });
});

describe("racfring generate (CLI)", () => {
  const plan = join(ROOT, "samples/plans/ftps-racf-ca.yaml");

  it("--dry-run prints the simulations and the files, and writes nothing", async () => {
    const dir = tempDir("racfring-gen-");
    const c = ioIn(dir);
    expect(await runCli(["generate", plan, "-o", "out", "--dry-run"], c.io)).toBe(0);
    const text = c.out.join("");
    expect(text).toContain("FTP server (AT-TLS): FTPD on FTPD/FTPRing as server");
    expect(text).toContain("RC 0");
    expect(text).toContain("jcl/01-setup.jcl");
    expect(await listFiles(dir)).toEqual([]);
  });

  it("writes the files, never overwrites without --force, and replaces them with --force", async () => {
    const dir = tempDir("racfring-gen-");
    expect(await runCli(["generate", plan, "-o", "out"], ioIn(dir).io)).toBe(0);
    expect(await listFiles(join(dir, "out"))).toEqual([
      "README.md",
      "jcl/01-setup.jcl",
      "jcl/90-verify.jcl",
      "jcl/99-backout.jcl",
    ]);
    writeFileSync(join(dir, "out/jcl/01-setup.jcl"), "edited by hand\n");
    const again = ioIn(dir);
    expect(await runCli(["generate", plan, "-o", "out"], again.io)).toBe(3);
    expect(again.err.join("")).toMatch(/already exist.*--force/);
    expect(readFileSync(join(dir, "out/jcl/01-setup.jcl"), "utf8")).toBe("edited by hand\n");
    expect(await runCli(["generate", plan, "-o", "out", "--force"], ioIn(dir).io)).toBe(0);
    expect(readFileSync(join(dir, "out/jcl/01-setup.jcl"), "utf8")).toMatch(/^\/\/FTPSKEY1 JOB /);
  });

  it("writes OpenSSL scripts executable and configuration files readable", async () => {
    const dir = tempDir("racfring-gen-");
    expect(
      await runCli(
        ["generate", join(ROOT, "samples/plans/external-ca-pkcs12.yaml"), "-o", "out"],
        ioIn(dir).io,
      ),
    ).toBe(0);
    expect(statSync(join(dir, "out/openssl/corpca-ca.sh")).mode & 0o777).toBe(0o755);
    expect(statSync(join(dir, "out/openssl/corpca-ca.cnf")).mode & 0o777).toBe(0o644);
  });

  it("reports an invalid plan with located messages and exit 3", async () => {
    const dir = tempDir("racfring-gen-");
    writeFileSync(join(dir, "bad.yaml"), "racfringPlan: 1\nname: bad\njob:\n  name: TOOLONGNAME\n");
    const c = ioIn(dir);
    expect(await runCli(["generate", "bad.yaml", "-o", "out"], c.io)).toBe(3);
    expect(c.err.join("")).toMatch(
      /^bad\.yaml:4:9: job\.name: expected a job name prefix of 1-7 characters/m,
    );
    expect(await listFiles(dir)).toEqual(["bad.yaml"]);
  });

  it("exits 1 and writes nothing when an application would fail", async () => {
    const dir = tempDir("racfring-gen-");
    const c = ioIn(dir);
    expect(await runCli(["generate", plan, "-o", "out", "--at", "2029-01-01"], c.io)).toBe(1);
    expect(c.out.join("")).toMatch(/RC 401/);
    expect(c.err.join("")).toMatch(/nothing written/);
    expect(await listFiles(dir)).toEqual([]);
  });
});

describe("SITE certificate under FACILITY checking", () => {
  it("grants CONTROL on IRR.DIGTCERT.GENCERT with a warning, and still simulates to 0", async () => {
    const r = await generateText(`${SITE_PLAN}permissions:\n  strategy: facility\n`);
    expect(r.errors).toEqual([]);
    const cmds = commands(file(r, "jcl/01-setup.jcl"));
    expect(cmds).toContain("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEBSRV) ACCESS(READ)");
    expect(cmds).toContain("PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(WEBSRV) ACCESS(CONTROL)");
    expect(r.warnings.some((w) => /CONTROL on FACILITY IRR\.DIGTCERT\.GENCERT/.test(w))).toBe(true);
    expect(r.simulations[0]?.result.rc).toBe(0);
  });
});

describe("templates", () => {
  it("templates/ holds exactly the templates the generator uses", async () => {
    const { readdirSync } = await import("node:fs");
    const { TEMPLATE_NAMES } = await import("../../src/gen/render.js");
    const found = (["jcl", "openssl"] as const).flatMap((d) =>
      readdirSync(join(ROOT, "templates", d)).map((f) => `${d}/${f}`),
    );
    found.push(...readdirSync(join(ROOT, "templates")).filter((f) => f.endsWith(".hbs")));
    expect(found.sort()).toEqual([...TEMPLATE_NAMES].sort());
  });

  it("a missing view-model field is an error (strict), and nothing is HTML-escaped (noEscape)", async () => {
    const { createRenderer } = await import("../../src/gen/render.js");
    const { templatesOnce } = await import("./helpers/gen.js");
    const t = { ...(await templatesOnce()), "README.md.hbs": "{{planName}} {{missing}}" };
    expect(() => createRenderer(t).render("README.md.hbs", { planName: "x" })).toThrow(/missing/);
    const t2 = { ...(await templatesOnce()), "README.md.hbs": "{{planName}}" };
    expect(createRenderer(t2).render("README.md.hbs", { planName: "<a & 'b'>" })).toBe("<a & 'b'>");
  });
});
