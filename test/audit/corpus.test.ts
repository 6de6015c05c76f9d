/**
 * Corpus runs (zlint's integration corpus): the synthetic IRRDBU00 unload and the lead's sample
 * site, with finding counts per rule. Every expected number is argued from the planted defects
 * and the rules, not copied from a run.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ApplicationResult, Finding } from "../../src/audit/types.js";
import { runCli } from "../../src/cli/main.js";
import { captureIo, countBy } from "./io.js";

const UNLOAD = "test/audit/fixtures/irrdbu00_SYNTHETIC_certs_rings.txt";
const SITE = [
  "--jcl",
  "samples/site/setup.jcl",
  "--dataset",
  "SECADM.PARTNER.CA.PEM=samples/site/partner-ca.pem",
];

interface JsonReport {
  findings: Finding[];
  applications: ApplicationResult[];
  notEvaluated: { rule: string; reason: string }[];
  summary: { errors: number; warnings: number; applicationsFrom: string };
}

async function auditJson(args: string[]): Promise<{ code: number; report: JsonReport }> {
  const c = captureIo();
  const code = await runCli(["audit", ...args, "--format", "json"], c.io);
  return { code, report: JSON.parse(c.out.join("")) as JsonReport };
}

describe("synthetic IRRDBU00 unload (formats.md §6 planted defects)", () => {
  it("finds every planted defect, and no more, on 2026-01-01", async () => {
    const { code, report } = await auditJson(["--unload", UNLOAD, "--at", "2026-01-01"]);
    expect(code).toBe(1);
    expect(countBy(report.findings, (f) => f.rule)).toEqual({
      // APPUSR's personal AppServerCert in WEBSRV.WebRing: WEBSRV (the owner, assumed user) never
      // gets APPUSR's key under FACILITY checking (no upper-case RDATALIB profile matches).
      "cert-owner-mismatch": 1,
      // AppServerCert: GRCERT_KEY_TYPE blank = no private key, connected PERSONAL.
      "no-private-key": 1,
      // AppServerCert: DIGTCERT UACC NOTRUST.
      "cert-notrust-on-ring": 1,
      // WebServerCert ended 2025-03-01 (AppServerCert ends 2026-03-01, still valid).
      "cert-expired": 1,
      // WEBSRV.EmptyRing: a DIGTRING profile with no 0562 records.
      "empty-ring": 1,
      // Not in the planted list but real: IZUSVR is not on IRR.DIGTCERT.LISTRING's access list
      // (UACC NONE; only WEBSRV READ and WEBADM UPDATE), so it cannot open its own ring.
      "ring-access-denied": 1,
      // RDATALIB WEBSRV.WebRing.LST is mixed case: R_datalib checks WEBSRV.WEBRING.LST.
      "rdatalib-profile-unmatchable": 1,
      // One per ring owner: WebRing (expired default, 401), EmptyRing, IZUSVR's ring (202).
      "app-predicted-failure": 3,
    });
    expect(report.summary).toMatchObject({ errors: 7, warnings: 3 });
    expect(report.summary.applicationsFrom).toMatch(/ring owners, assumed \(3\)/);
    const rc = Object.fromEntries(report.applications.map((a) => [`${a.user}@${a.keyring}`, a.rc]));
    expect(rc["WEBSRV@WEBSRV/WebRing"]).toBe(401); // field case 5
    expect(rc["IZUSVR@IZUSVR/IZUKeyring.IZUDFLT"]).toBe(202); // field case 2
    expect(rc["WEBSRV@WEBSRV/EmptyRing"]).not.toBe(0);
    const mismatch = report.findings.find((f) => f.rule === "cert-owner-mismatch");
    expect(mismatch?.subject).toEqual({ kind: "connection", id: "WEBSRV/WebRing:ID(APPUSR):AppServerCert" });
    expect(mismatch?.evidence.every((e) => e.file === UNLOAD && e.line > 0)).toBe(true);
  });

  it("on 2026-02-15 also warns that AppServerCert expires in 14 days", async () => {
    const { report } = await auditJson(["--unload", UNLOAD, "--at", "2026-02-15"]);
    const soon = report.findings.filter((f) => f.rule === "cert-expiring-soon");
    expect(soon.map((f) => f.subject.id)).toEqual(["ID(APPUSR):AppServerCert"]);
    expect(soon[0]?.message).toMatch(/in 14 days/);
  });

  it("--expiry-days 5 on 2026-02-15 drops that warning", async () => {
    const { report } = await auditJson(["--unload", UNLOAD, "--at", "2026-02-15", "--expiry-days", "5"]);
    expect(report.findings.filter((f) => f.rule === "cert-expiring-soon")).toEqual([]);
  });

  it("gives the same findings from the model JSON written by `racfring model --json`", async () => {
    const m = captureIo();
    expect(await runCli(["model", "--unload", UNLOAD, "--json"], m.io)).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), "racfring-audit-")), "model.json");
    writeFileSync(file, m.out.join(""));
    const fromUnload = await auditJson(["--unload", UNLOAD, "--at", "2026-01-01"]);
    const fromModel = await auditJson(["--model", file, "--at", "2026-01-01"]);
    const key = (f: Finding) => `${f.rule} ${f.subject.id}`;
    expect(fromModel.report.findings.map(key)).toEqual(fromUnload.report.findings.map(key));
  });

  it("says what it could not evaluate: key usage is not in an unload", async () => {
    const { report } = await auditJson(["--unload", UNLOAD, "--at", "2026-01-01"]);
    expect(report.notEvaluated.filter((n) => n.rule === "keyusage-no-handshake").length).toBe(3);
    expect(
      report.notEvaluated.some((n) => n.rule === "policy-ring-missing" && /--policy/.test(n.reason)),
    ).toBe(true);
  });
});

describe("sample site (samples/site, three deliberate defects)", () => {
  it("with the AT-TLS policy: the three defects, and the FTP server's 428", async () => {
    const { code, report } = await auditJson([...SITE, "--policy", "samples/site/pagent.conf"]);
    expect(code).toBe(1);
    expect(countBy(report.findings, (f) => f.rule)).toEqual({
      // Defect 1: FTPD.* runs as TCPIP; FTPD's certificate on FTPD/FTPRing (field case 4).
      "cert-owner-mismatch": 1,
      "app-predicted-failure": 1,
      // Defect 2: EXPORT ... PASSWORD('...') at setup.jcl line 96.
      "export-password-in-jcl": 1,
      // Defect 3: 'Old Client Cert' is RSA SIZE(1024). The JCL cannot tell a SHA-1 signature
      // (GENCERT has no such operand; the reader assumes RACF's SHA-256 default), so
      // sha1-signature has nothing to report.
      "weak-key": 1,
    });
    const apps = Object.fromEntries(report.applications.map((a) => [`${a.user}@${a.keyring}`, a.rc]));
    expect(apps).toEqual({
      "TCPIP@FTPD/FTPRing": 428,
      "WEBSRV@WEBSRV/WebRing": 0,
      "BATCHCL@BATCHCL/ClientRing": 0,
    });
    expect(report.findings.find((f) => f.rule === "export-password-in-jcl")?.subject.id).toBe(
      "samples/site/setup.jcl:96",
    );
    expect(JSON.stringify(report)).not.toContain("Summer2026");
  });

  it("without the policy, rings are assumed used by their owner's started task: FTPD runs as TCPIP (field case 4)", async () => {
    const { report } = await auditJson(SITE);
    expect(report.summary.applicationsFrom).toBe("ring owners, assumed (3)");
    expect(countBy(report.findings, (f) => f.rule)).toEqual({
      // STARTED FTPD.* assigns USER(TCPIP): the FTPD task opens FTPD's ring as TCPIP, which may
      // open it (UPDATE on IRR.DIGTCERT.LISTRING) but never gets FTPD's key (428).
      "cert-owner-mismatch": 1,
      // Without the policy's HandshakeRole Client, BATCHCL is taken as a server using its
      // ring's default: ClientRing holds a PERSONAL certificate but no DEFAULT (rc 6).
      "default-cert-missing": 1,
      // TCPIP (428) and BATCHCL (6).
      "app-predicted-failure": 2,
      "export-password-in-jcl": 1,
      "weak-key": 1,
    });
    const ftp = report.applications.find((a) => a.keyring === "FTPD/FTPRing");
    expect(ftp).toMatchObject({ user: "TCPIP", rc: 428 });
    // WEBSRV's started task runs as WEBSRV itself: the owner is the user.
    expect(report.applications.find((a) => a.keyring === "WEBSRV/WebRing")).toMatchObject({
      user: "WEBSRV",
      rc: 0,
    });
    expect(report.applications.find((a) => a.user === "BATCHCL")?.rc).toBe(6);
    // A finding about a prediction is only as sure as the prediction: 6 for a missing default
    // rests on field case 3 (third-party), 428 on IBM's R_datalib rules.
    const predicted = report.findings.filter((f) => f.rule === "app-predicted-failure");
    expect(predicted.find((f) => f.subject.id.startsWith("BATCHCL@"))?.confidence).toBe("third-party");
    expect(predicted.find((f) => f.subject.id.startsWith("TCPIP@"))?.confidence).toBe("ibm");
  });

  it("--app names the FTP server's user directly, with the same verdict as the policy", async () => {
    const { report } = await auditJson([...SITE, "--app", "TCPIP=FTPD/FTPRing"]);
    expect(report.applications.find((a) => a.user === "TCPIP")).toMatchObject({
      keyring: "FTPD/FTPRing",
      rc: 428,
      origin: "option",
    });
    expect(report.findings.filter((f) => f.rule === "cert-owner-mismatch").length).toBe(1);
  });
});
