/**
 * The commands of every generated sample job, as TSO reads them (continuations joined, layout
 * blanks between operands collapsed), written out and reviewed against each plan and the RACF
 * rules (racf-rules §1–2, §6). The snapshots in samples.test.ts stay as a second net for layout
 * and comments; these fail on what a changed job would do on the host.
 *
 * What the review checked, plan by plan:
 * - client-ring-facility: FACILITY strategy — the ring owner BATCHU READ (own ring), REPORTU
 *   UPDATE (another user's ring, trust only), no RDATALIB; CA connected before the DEFAULT.
 * - external-ca-pkcs12: OpenSSL CAs added (root and intermediate, TRUST); START1's key made by
 *   GENCERT + GENREQ and the signed certificate added under the same label; MQCHIN's PKCS #12
 *   with its password from a JCL symbol (never the secret); STCRSE UPDATE on START1's .LST
 *   (another user's key), MQCHIN READ on its own; backout removes the intermediate before the root.
 * - ftps-racf-ca: RACF CA and server certificate with exact dates, SAN IP and DNS, SIGNWITH;
 *   RDATALIB activated, FTPD READ on its own ring; backout in reverse order, user deleted.
 * - ring-on-existing-ca: no CA created and none deleted (it exists); the user is not created.
 */
import { describe, expect, it } from "vitest";
import { joinTsoLines } from "../../src/gen/tso.js";
import { generateSample, samplePlans } from "./helpers/gen.js";

/** Runs of blanks outside quotes collapsed: the layout TSO ignores between operands. */
function collapse(command: string): string {
  let out = "";
  let quoted = false;
  for (const ch of command) {
    if (ch === "'") quoted = !quoted;
    if (ch === " " && !quoted && out.endsWith(" ")) continue;
    out += ch;
  }
  return out.trim();
}

/** Step name → the commands of its SYSTSIN, in order. */
function jobCommands(jcl: string): Record<string, string[]> {
  const steps: Record<string, string[]> = {};
  let step = "";
  let buf: string[] | null = null;
  for (const line of jcl.split("\n")) {
    const exec = /^\/\/(\S+)\s+EXEC PGM=IKJEFT01\b/.exec(line);
    if (exec) step = exec[1] ?? "";
    if (/^\/\/SYSTSIN\s+DD \*/.test(line)) buf = [];
    else if (buf && line.startsWith("/*")) {
      steps[step] = joinTsoLines(buf).map(collapse);
      buf = null;
    } else if (buf) buf.push(line);
  }
  return steps;
}

const EXPECTED: Record<string, Record<string, Record<string, string[]>>> = {
  "client-ring-facility.yaml": {
    "jcl/01-setup.jcl": {
      CAS: [
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('API Gateway CA') O('Example Corp') C('GB')) SIZE(384) NISTECC NOTBEFORE(DATE(2026-01-01) TIME(00:00:00)) NOTAFTER(DATE(2031-12-31) TIME(23:59:59)) WITHLABEL('API Gateway CA') KEYUSAGE(CERTSIGN)",
      ],
      CERTS: [
        "RACDCERT ID(BATCHU) GENCERT SUBJECTSDN(CN('BATCHU') OU('Batch') O('Example Corp') C('GB')) ALTNAME(EMAIL('batch-team@example.com')) SIZE(256) NISTECC NOTBEFORE(DATE(2026-01-01) TIME(00:00:00)) NOTAFTER(DATE(2027-12-31) TIME(23:59:59)) WITHLABEL('Batch client cert') SIGNWITH(CERTAUTH LABEL('API Gateway CA')) KEYUSAGE(HANDSHAKE)",
      ],
      RINGS: ["RACDCERT ID(BATCHU) ADDRING('ClientRing')"],
      CONNECT: [
        "RACDCERT ID(BATCHU) CONNECT(CERTAUTH LABEL('API Gateway CA') RING('ClientRing') USAGE(CERTAUTH))",
        "RACDCERT ID(BATCHU) CONNECT(ID(BATCHU) LABEL('Batch client cert') RING('ClientRing') USAGE(PERSONAL) DEFAULT)",
      ],
      PERMITS: [
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(BATCHU) ACCESS(READ)",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(REPORTU) ACCESS(UPDATE)",
      ],
      REFRESH: ["SETROPTS RACLIST(FACILITY) REFRESH", "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"],
    },
    "jcl/90-verify.jcl": {
      LIST: [
        "RACDCERT CERTAUTH LIST(LABEL('API Gateway CA'))",
        "RACDCERT ID(BATCHU) LIST(LABEL('Batch client cert'))",
      ],
      LISTRING: ["RACDCERT ID(BATCHU) LISTRING('ClientRing')"],
      CHAIN: ["RACDCERT ID(BATCHU) LISTCHAIN(LABEL('Batch client cert'))"],
      RLIST: ["RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER"],
    },
    "jcl/99-backout.jcl": {
      PERMITS: [
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(BATCHU) DELETE",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(REPORTU) DELETE",
        "SETROPTS RACLIST(FACILITY) REFRESH",
      ],
      RINGS: ["RACDCERT ID(BATCHU) DELRING('ClientRing')"],
      CERTS: ["RACDCERT ID(BATCHU) DELETE(LABEL('Batch client cert'))"],
      CAS: ["RACDCERT CERTAUTH DELETE(LABEL('API Gateway CA'))"],
      REFRESH: ["SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"],
    },
  },
  "external-ca-pkcs12.yaml": {
    "jcl/01-authorities.jcl": {
      CAS: [
        "RACDCERT CERTAUTH ADD('RACFADM.CERTS.CORPCA.ROOT') WITHLABEL('Corp Root CA G1') TRUST",
        "RACDCERT CERTAUTH ADD('RACFADM.CERTS.CORPCA.INTER') WITHLABEL('Corp Issuing CA G1') TRUST",
      ],
    },
    "jcl/02-requests.jcl": {
      REQUESTS: [
        "RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('liberty.example.com') OU('Web') O('Example Corp, Inc.') L('Armonk') SP('New York') C('US')) SIZE(2048) NOTBEFORE(DATE(2026-01-01) TIME(00:00:00)) NOTAFTER(DATE(2027-12-31) TIME(23:59:59)) WITHLABEL('Liberty''s server cert') KEYUSAGE(HANDSHAKE)",
        "RACDCERT ID(START1) GENREQ(LABEL('Liberty''s server cert')) DSN('RACFADM.CERTS.LIBERTY.CSR')",
      ],
    },
    "jcl/03-certificates.jcl": {
      CERTS: [
        "RACDCERT ID(START1) ADD('RACFADM.CERTS.LIBERTY.CRT') WITHLABEL('Liberty''s server cert') TRUST",
      ],
      P12ADD: [
        "RACDCERT ID(MQCHIN) ADD('RACFADM.CERTS.MQCHIN.P12') WITHLABEL('ibmWebSphereMQQM01') PASSWORD('&P12PW1') TRUST",
      ],
    },
    "jcl/04-rings.jcl": {
      RINGS: ["RACDCERT ID(MQCHIN) ADDRING('QM01RING')", "RACDCERT ID(START1) ADDRING('MQRING')"],
    },
    "jcl/05-connects.jcl": {
      CONNECT: [
        "RACDCERT ID(MQCHIN) CONNECT(ID(MQCHIN) LABEL('ibmWebSphereMQQM01') RING('QM01RING') USAGE(PERSONAL) DEFAULT)",
        "RACDCERT ID(MQCHIN) CONNECT(CERTAUTH LABEL('Corp Root CA G1') RING('QM01RING') USAGE(CERTAUTH))",
        "RACDCERT ID(MQCHIN) CONNECT(CERTAUTH LABEL('Corp Issuing CA G1') RING('QM01RING') USAGE(CERTAUTH))",
        "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('Liberty''s server cert') RING('MQRING') USAGE(PERSONAL) DEFAULT)",
        "RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Corp Root CA G1') RING('MQRING') USAGE(CERTAUTH))",
        "RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Corp Issuing CA G1') RING('MQRING') USAGE(CERTAUTH))",
      ],
    },
    "jcl/06-profiles.jcl": {
      PROFILES: [
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
        "RDEFINE RDATALIB MQCHIN.QM01RING.LST UACC(NONE)",
        "RDEFINE RDATALIB START1.MQRING.LST UACC(NONE)",
      ],
    },
    "jcl/07-permits.jcl": {
      PERMITS: [
        "PERMIT MQCHIN.QM01RING.LST CLASS(RDATALIB) ID(MQCHIN) ACCESS(READ)",
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(UPDATE)",
      ],
    },
    "jcl/08-refresh.jcl": {
      REFRESH: ["SETROPTS RACLIST(RDATALIB) REFRESH", "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"],
    },
    "jcl/90-verify.jcl": {
      LIST: [
        "RACDCERT CERTAUTH LIST(LABEL('Corp Root CA G1'))",
        "RACDCERT CERTAUTH LIST(LABEL('Corp Issuing CA G1'))",
        "RACDCERT ID(MQCHIN) LIST(LABEL('ibmWebSphereMQQM01'))",
        "RACDCERT ID(START1) LIST(LABEL('Liberty''s server cert'))",
      ],
      LISTRING: ["RACDCERT ID(MQCHIN) LISTRING('QM01RING')", "RACDCERT ID(START1) LISTRING('MQRING')"],
      CHAIN: [
        "RACDCERT ID(MQCHIN) LISTCHAIN(LABEL('ibmWebSphereMQQM01'))",
        "RACDCERT ID(START1) LISTCHAIN(LABEL('Liberty''s server cert'))",
      ],
      RLIST: ["RLIST RDATALIB MQCHIN.QM01RING.LST AUTHUSER", "RLIST RDATALIB START1.MQRING.LST AUTHUSER"],
    },
    "jcl/99-backout.jcl": {
      PERMITS: [
        "PERMIT MQCHIN.QM01RING.LST CLASS(RDATALIB) ID(MQCHIN) DELETE",
        "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(STCRSE) DELETE",
        "RDELETE RDATALIB MQCHIN.QM01RING.LST",
        "RDELETE RDATALIB START1.MQRING.LST",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
      RINGS: ["RACDCERT ID(MQCHIN) DELRING('QM01RING')", "RACDCERT ID(START1) DELRING('MQRING')"],
      CERTS: [
        "RACDCERT ID(MQCHIN) DELETE(LABEL('ibmWebSphereMQQM01'))",
        "RACDCERT ID(START1) DELETE(LABEL('Liberty''s server cert'))",
      ],
      CAS: [
        "RACDCERT CERTAUTH DELETE(LABEL('Corp Issuing CA G1'))",
        "RACDCERT CERTAUTH DELETE(LABEL('Corp Root CA G1'))",
      ],
      REFRESH: ["SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"],
    },
  },
  "ftps-racf-ca.yaml": {
    "jcl/01-setup.jcl": {
      USERS: ["ADDUSER FTPD DFLTGRP(STCGROUP) NAME('FTP SERVER STC') NOPASSWORD"],
      CAS: [
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Example System CA') OU('z/OS Security') O('Example Corp') C('US')) SIZE(384) NISTECC NOTBEFORE(DATE(2026-01-01) TIME(00:00:00)) NOTAFTER(DATE(2035-12-31) TIME(23:59:59)) WITHLABEL('Example Sys CA 2026') KEYUSAGE(CERTSIGN)",
      ],
      CERTS: [
        "RACDCERT ID(FTPD) GENCERT SUBJECTSDN(CN('ftp.zos1.example.com') OU('z/OS FTP') O('Example Corp') C('US')) ALTNAME(IP(10.1.2.3) DOMAIN('ftp.zos1.example.com')) SIZE(256) NISTECC NOTBEFORE(DATE(2026-01-01) TIME(00:00:00)) NOTAFTER(DATE(2027-12-31) TIME(23:59:59)) WITHLABEL('FTP Server 2026') SIGNWITH(CERTAUTH LABEL('Example Sys CA 2026')) KEYUSAGE(HANDSHAKE)",
      ],
      RINGS: ["RACDCERT ID(FTPD) ADDRING('FTPRing')"],
      CONNECT: [
        "RACDCERT ID(FTPD) CONNECT(ID(FTPD) LABEL('FTP Server 2026') RING('FTPRing') USAGE(PERSONAL) DEFAULT)",
        "RACDCERT ID(FTPD) CONNECT(CERTAUTH LABEL('Example Sys CA 2026') RING('FTPRing') USAGE(CERTAUTH))",
      ],
      PROFILES: [
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
        "RDEFINE RDATALIB FTPD.FTPRING.LST UACC(NONE)",
      ],
      PERMITS: ["PERMIT FTPD.FTPRING.LST CLASS(RDATALIB) ID(FTPD) ACCESS(READ)"],
      REFRESH: ["SETROPTS RACLIST(RDATALIB) REFRESH", "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"],
    },
    "jcl/90-verify.jcl": {
      LIST: [
        "RACDCERT CERTAUTH LIST(LABEL('Example Sys CA 2026'))",
        "RACDCERT ID(FTPD) LIST(LABEL('FTP Server 2026'))",
      ],
      LISTRING: ["RACDCERT ID(FTPD) LISTRING('FTPRing')"],
      CHAIN: ["RACDCERT ID(FTPD) LISTCHAIN(LABEL('FTP Server 2026'))"],
      RLIST: ["RLIST RDATALIB FTPD.FTPRING.LST AUTHUSER"],
    },
    "jcl/99-backout.jcl": {
      PERMITS: [
        "PERMIT FTPD.FTPRING.LST CLASS(RDATALIB) ID(FTPD) DELETE",
        "RDELETE RDATALIB FTPD.FTPRING.LST",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
      RINGS: ["RACDCERT ID(FTPD) DELRING('FTPRing')"],
      CERTS: ["RACDCERT ID(FTPD) DELETE(LABEL('FTP Server 2026'))"],
      CAS: ["RACDCERT CERTAUTH DELETE(LABEL('Example Sys CA 2026'))"],
      USERS: ["DELUSER FTPD"],
      REFRESH: ["SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"],
    },
  },
  "ring-on-existing-ca.yaml": {
    "jcl/01-setup.jcl": {
      CERTS: [
        "RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('tn3270.zos1.example.com') O('Example Corp') C('US')) ALTNAME(DOMAIN('tn3270.zos1.example.com')) SIZE(2048) NOTBEFORE(DATE(2026-01-01) TIME(00:00:00)) NOTAFTER(DATE(2027-12-31) TIME(23:59:59)) WITHLABEL('TN3270 Server 2026') SIGNWITH(CERTAUTH LABEL('Sample Root CA')) KEYUSAGE(HANDSHAKE)",
      ],
      RINGS: ["RACDCERT ID(WEBSRV) ADDRING('TNRing')"],
      CONNECT: [
        "RACDCERT ID(WEBSRV) CONNECT(ID(WEBSRV) LABEL('TN3270 Server 2026') RING('TNRing') USAGE(PERSONAL) DEFAULT)",
        "RACDCERT ID(WEBSRV) CONNECT(CERTAUTH LABEL('Sample Root CA') RING('TNRing') USAGE(CERTAUTH))",
      ],
      PROFILES: [
        "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
        "RDEFINE RDATALIB WEBSRV.TNRING.LST UACC(NONE)",
      ],
      PERMITS: ["PERMIT WEBSRV.TNRING.LST CLASS(RDATALIB) ID(WEBSRV) ACCESS(READ)"],
      REFRESH: ["SETROPTS RACLIST(RDATALIB) REFRESH", "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"],
    },
    "jcl/90-verify.jcl": {
      LIST: ["RACDCERT ID(WEBSRV) LIST(LABEL('TN3270 Server 2026'))"],
      LISTRING: ["RACDCERT ID(WEBSRV) LISTRING('TNRing')"],
      CHAIN: ["RACDCERT ID(WEBSRV) LISTCHAIN(LABEL('TN3270 Server 2026'))"],
      RLIST: ["RLIST RDATALIB WEBSRV.TNRING.LST AUTHUSER"],
    },
    "jcl/99-backout.jcl": {
      PERMITS: [
        "PERMIT WEBSRV.TNRING.LST CLASS(RDATALIB) ID(WEBSRV) DELETE",
        "RDELETE RDATALIB WEBSRV.TNRING.LST",
        "SETROPTS RACLIST(RDATALIB) REFRESH",
      ],
      RINGS: ["RACDCERT ID(WEBSRV) DELRING('TNRing')"],
      CERTS: ["RACDCERT ID(WEBSRV) DELETE(LABEL('TN3270 Server 2026'))"],
      REFRESH: ["SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH"],
    },
  },
};

describe("sample jobs: the commands each step runs", () => {
  it("every sample plan has expectations", () => {
    expect(samplePlans()).toEqual(Object.keys(EXPECTED));
  });

  for (const [plan, jobs] of Object.entries(EXPECTED)) {
    it(plan, async () => {
      const r = await generateSample(plan);
      const jcl = r.files.filter((f) => f.path.endsWith(".jcl"));
      expect(jcl.map((f) => f.path)).toEqual(Object.keys(jobs));
      for (const f of jcl) expect(jobCommands(f.contents), f.path).toEqual(jobs[f.path]);
    });
  }

  it("job cards carry the plan's job settings (ftps-racf-ca)", async () => {
    const r = await generateSample("ftps-racf-ca.yaml");
    const cards = r.files
      .filter((f) => f.path.endsWith(".jcl"))
      .map((f) => f.contents.split("\n").slice(0, 2).join("\n"));
    expect(cards).toEqual(
      ["FTPSKEY1", "FTPSKEYV", "FTPSKEYB"].map(
        (name) => `//${name} JOB ACCT01,'RACF ADMIN',\n//             CLASS=A,MSGCLASS=X,NOTIFY=&SYSUID`,
      ),
    );
  });
});
