/**
 * Field cases 1–15 as an administrator would paste them (racfring's own renderings of the
 * message formats), each expecting the right cause first; cases 1, 2, 4 and 7 also with the
 * RACF inputs, expecting the simulator to confirm (or, for the working set-up, find nothing).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnoseLogs } from "../../src/diagnose/index.js";
import { RacfModel } from "../../src/model/model.js";
import { readPolicy } from "../../src/policy/reader.js";
import { readRacfCommands } from "../../src/racf/reader.js";

const SIM = resolve(import.meta.dirname, "../fixtures/sim");
const DIAG = resolve(import.meta.dirname, "../fixtures/diagnose");
const AT = new Date("2026-01-15T12:00:00Z");

function model(file: string): RacfModel {
  const m = new RacfModel();
  readRacfCommands(readFileSync(resolve(SIM, file), "utf8"), {
    model: m,
    file,
    datasets: new Map(),
    ranAt: AT,
    ranAtGiven: false,
  });
  return m;
}

function policy(path: string) {
  return { policy: readPolicy(readFileSync(path, "utf8"), path), file: path };
}

const diag = (text: string) => diagnoseLogs([{ file: "pasted.log", text }]);
const first = (text: string) => diag(text).diagnoses[0];

const CASE1 = `Jan 14 10:02:11 MVS1 TCPIP: EZD1287I TTLS Error RC:  202 Environment Master Init GRPID: 00000007 ENVID: 00000002 CONNID: 00000000 RULE: FTPServerRule
Jan 14 10:02:11 MVS1 TCPIP: EZD1287I TTLS Error RC:  202 Environment Link GRPID: 00000007 ENVID: 00000002 CONNID: 00000000 RULE: FTPServerRule
Jan 14 10:02:12 MVS1 TCPIP: EZD1286I TTLS Error GRPID: 00000007 ENVID: 00000002 CONNID: 0000A3F1 LOCAL: 10.20.1.5..21 REMOTE: 10.20.7.44..50213 JOBNAME: FTPD1 USERID: FTPD RULE: FTPServerRule RC: 5006 Initial Handshake
Jan 14 10:02:12 MVS2 TCPIP: EZD1286I TTLS Error GRPID: 00000002 ENVID: 00000004 CONNID: 00001C07 LOCAL: 10.20.7.44..50213 REMOTE: 10.20.1.5..21 JOBNAME: BATCHFT USERID: BATCHCL RULE: FTPClientRule RC:  406 Initial Handshake`;

const CASE2 = `10:41:55 JOB04711  ICH408I USER(BATCHCL ) GROUP(BATCHGRP) NAME(BATCH FTP CLIENT    )
10:41:55 JOB04711    IRR.DIGTCERT.LISTRING CL(FACILITY)
10:41:55 JOB04711    INSUFFICIENT ACCESS AUTHORITY
10:41:55 JOB04711    FROM IRR.DIGTCERT.LISTRING (G)
10:41:55 JOB04711    ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )
10:41:55 MVS2 TCPIP: EZD1287I TTLS Error RC:  202 Environment Master Init GRPID: 00000002 ENVID: 00000001 CONNID: 00000000 RULE: FTPClientRule`;

const CASE3 = `EZD1287I TTLS Error RC:    6 Initial Handshake GRPID: 00000003 ENVID: 00000002 CONNID: 00002210 LOCAL: 10.1.1.5..443 REMOTE: 10.1.9.8..51822 JOBNAME: WEBSRV USERID: WEBSRV RULE: WebServer
EZD1287I TTLS Error RC:  438 Initial Handshake GRPID: 00000001 ENVID: 00000001 CONNID: 00000781 LOCAL: 10.1.9.8..51822 REMOTE: 10.1.1.5..443 JOBNAME: CLIENTJ USERID: BATCHCL RULE: WebClient`;

const CASE4 = `10:15:02 MVS1 IEF695I START FTPD     WITH JOBNAME FTPD     IS ASSIGNED TO USER TCPIP   , GROUP STCGROUP
10:16:40 MVS1 EZD1287I TTLS Error RC:  428 Initial Handshake GRPID: 00000003 ENVID: 00000001 CONNID: 00004B12 LOCAL: 10.20.1.5..21 REMOTE: 10.20.9.3..41877 JOBNAME: FTPD USERID: TCPIP RULE: FTPServerRule
10:16:40 MVS3 EZD1287I TTLS Error RC:  438 Initial Handshake GRPID: 00000001 ENVID: 00000003 CONNID: 000010AA LOCAL: 10.20.9.3..41877 REMOTE: 10.20.1.5..21 JOBNAME: PULLJOB USERID: BATCHCL RULE: FTPClientRule`;

describe("field cases 1–15: the right cause first", () => {
  it("case 1: ring owner misspelled → ring not found (202), the client's 406 only a symptom", () => {
    const r = diag(CASE1);
    expect(r.diagnoses[0]?.cause).toBe("ring-not-found");
    expect(r.diagnoses[0]?.side).toBe("server");
    expect(r.connections).toHaveLength(1);
    expect(r.connections[0]?.keys.join(" ")).toMatch(/other end/);
  });

  it("case 2: ICH408I on IRR.DIGTCERT.LISTRING → not authorised to read the ring", () => {
    const d = first(CASE2);
    expect(d?.cause).toBe("ring-not-authorised");
    expect(d?.evidence.map((e) => e.line)).toContain(1);
    expect(d?.checks).toContain("RLIST FACILITY IRR.DIGTCERT.LISTRING AUTHUSER");
    expect(d?.fix.join(" ")).toMatch(/PERMIT IRR\.DIGTCERT\.LISTRING CLASS\(FACILITY\) ID\(BATCHCL\)/);
  });

  it("case 3: RC 6 on the server, 438 on the client → no usable default certificate, server side", () => {
    const d = first(CASE3);
    expect(d?.cause).toBe("no-default-certificate");
    expect(d?.side).toBe("server");
  });

  it("case 4: RC 428 → private key not returned to the server's user", () => {
    const d = first(CASE4);
    expect(d?.cause).toBe("private-key-not-returned");
    expect(d?.side).toBe("server");
  });

  it("case 5: both sides log 401 → expired certificate", () => {
    const d =
      first(`EZD1287I TTLS Error RC:  401 Initial Handshake GRPID: 00000001 ENVID: 00000001 CONNID: 00000042 LOCAL: 10.0.0.1..990 REMOTE: 10.0.0.2..60001 JOBNAME: FTPS USERID: FTPD RULE: Ftps
EZD1287I TTLS Error RC:  401 Initial Handshake GRPID: 00000001 ENVID: 00000001 CONNID: 00000099 LOCAL: 10.0.0.2..60001 REMOTE: 10.0.0.1..990 JOBNAME: GET USERID: BATCHCL RULE: FtpsOut`);
    expect(d?.cause).toBe("certificate-expired");
    expect(d?.evidence).toHaveLength(2);
  });

  it("case 6: Liberty cannot get START1's private key → private key not returned", () => {
    const r = diag(
      `[1/14/26 9:12:01:114 GMT] 0000002b com.ibm.ws.ssl.core  E CWPKI0033E: The keystore located at safkeyring://START1/MQRING did not load because of the following error: The private key of MQ Server is not available or no authority to access the private key`,
    );
    expect(r.diagnoses[0]?.cause).toBe("private-key-not-returned");
    expect(r.diagnoses[0]?.checks.join("\n")).toMatch(/RLIST RDATALIB START1\.MQRING\.LST AUTHUSER/);
    expect(r.messages[0]?.facts.keyring).toBe("START1/MQRING");
  });

  it("case 7: a working set-up → no cause", () => {
    const r =
      diag(`EZD1281I TTLS Map CONNID: 00000051 LOCAL: 10.0.0.7..8443 REMOTE: 10.0.0.9..52000 JOBNAME: START1 USERID: START1 TYPE: InBound STATUS: Enabled RULE: KeyRule ACTIONS: gA eA N/A
EZD1283I TTLS Event GRPID: 00000001 ENVID: 00000001 CONNID: 00000051 RC:    0 Connection Init
EZD1283I TTLS Event GRPID: 00000001 ENVID: 00000001 CONNID: 00000051 RC:    0 Initial Handshake`);
    expect(r.diagnoses).toEqual([]);
    expect(r.messages).toHaveLength(3);
  });

  it("case 8: TLS 1.3 without a 13xx suite", () => {
    const d =
      first(`No. 12  10.1.1.5 -> 10.1.9.8  TLSv1.3  Alert (Level: Fatal, Description: Handshake Failure)
12:00:03 GSKSRVR 00000045 check_cipher_specs(): No SSL V3 cipher specs enabled for TLS V1.3`);
    expect(d?.cause).toBe("tls13-no-cipher");
    expect(d?.evidence).toHaveLength(2);
  });

  it("case 9: P-521 key and a browser → curve not offered", () => {
    const d =
      first(`javax.net.ssl.SSLHandshakeException: No supported CertificateVerify signature algorithm for EC key
  Key Type: NIST ECC
  Key Size: 521`);
    expect(d?.cause).toBe("ecc-curve-unsupported");
    expect(d?.side).toBe("server");
  });

  it("case 10: ECC server certificate signed by an RSA CA", () => {
    const d = first(`javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure
 Label: Web Server ECC
 Key Type: NIST ECC
 Key Size: 256
 Signing Algorithm: sha256RSA`);
    expect(d?.cause).toBe("ecc-signed-by-rsa");
  });

  it("case 11: FTPS client gets '550 ' where a TLS record belongs → plaintext reply, server side", () => {
    const r = diag(`EZA2897I Authentication negotiation failed
FC0311 secure_connect: gsk_secure_socket_init failed, rc = 410
09:31:07 GSKSRVR SSL_ERROR read_v3_record(): Content Type 53 is not supported
09:31:07 GSKSRVR SSL_ERROR read_v3_record(): Record header: 35 35 30 20 54`);
    const d = r.diagnoses[0];
    expect(d?.cause).toBe("plaintext-reply");
    expect(d?.side).toBe("server");
    expect(r.messages.find((m) => m.line === 4)?.facts.decoded).toContain('ASCII "550 T"');
  });

  it("case 11 (EBCDIC): the same reply read in EBCDIC is decoded too", () => {
    const r = diag("SSL_ERROR Record header bytes: F5 F5 F0 40");
    expect(r.diagnoses[0]?.cause).toBe("plaintext-reply");
    expect(r.messages[0]?.facts.decoded).toBe('EBCDIC "550 "');
  });

  it("case 12: CertificateRequest without CA names → server side", () => {
    const d = first(`RC = 410: Reason = SSL message format is incorrect
14:02:17 GSKSRVR send_alert(): sending alert 47
14:02:17 GSKSRVR read_certificate_request(): CertificateRequest certificate_authorities length 0`);
    expect(d?.cause).toBe("empty-ca-list");
    expect(d?.side).toBe("server");
  });

  it("case 13: weak Diffie-Hellman group", () => {
    const d =
      first(`140112233445566:error:0A000066:SSL routines:tls_process_ske_dhe:bad dh g value:../ssl/statem/statem_clnt.c:2101:
140112233445566:error:0A000410:SSL routines::sslv3 alert handshake failure:ssl/record/rec_layer_s3.c:1586:SSL alert number 40`);
    expect(d?.cause).toBe("weak-dh");
  });

  it("case 14: ICSF rejects the key while signing CertificateVerify", () => {
    const d = first(`15:20:44 GSKSRVR ICSF service CSFPPKS failed: return code 8, reason code 0x2B00
15:20:44 GSKSRVR send_alert(): sending alert 51`);
    expect(d?.cause).toBe("icsf-key-invalid");
  });

  it("case 15: FIPS mode with ChaCha20", () => {
    const d = first("16:03:09 GSKSRVR CSFPSKE failed: RC=8 RSN=00000BFE cipher TLS_CHACHA20_POLY1305_SHA256");
    expect(d?.cause).toBe("fips-not-approved");
  });
});

describe("with the RACF inputs, the simulator confirms", () => {
  it("case 1: the ring of rule FTPServerRule does not exist (resolve step quoted)", () => {
    const r = diagnoseLogs([{ file: "c1.log", text: CASE1 }], {
      model: model("case1.jcl"),
      policy: policy(resolve(SIM, "case1.policy")),
      at: AT,
    });
    const d = r.diagnoses[0];
    expect(d?.cause).toBe("ring-not-found");
    expect(d?.simulation?.verdict).toBe("confirmed");
    expect(d?.simulation?.rc).toBe(202);
    expect(d?.simulation?.step).toMatch(/^Resolve the key ring: No ring SERVRING owned by FTPX/);
    expect(r.diagnoses.find((x) => x.cause === "ring-not-authorised")?.simulation?.verdict).toBe("ruled-out");
  });

  it("case 2: BATCHU may not read its own ring under FACILITY checking (authorise step quoted)", () => {
    const log = CASE2.replace(/BATCHCL /g, "BATCHU  ");
    const r = diagnoseLogs([{ file: "c2.log", text: log }], {
      model: model("case2.jcl"),
      policy: policy(resolve(DIAG, "case2.policy")),
      at: AT,
    });
    const d = r.diagnoses[0];
    expect(d?.cause).toBe("ring-not-authorised");
    expect(d?.simulation?.verdict).toBe("confirmed");
    expect(d?.simulation?.rc).toBe(202);
    expect(d?.simulation?.request).toMatch(/user BATCHU .*ring BATCHU\/CLIENTRING .*role client/);
    expect(d?.simulation?.step).toMatch(/IRR\.DIGTCERT\.LISTRING/);
  });

  it("case 4: TCPIP gets no private key from FTPD's ring (case4.jcl)", () => {
    const r = diagnoseLogs([{ file: "c4.log", text: CASE4 }], {
      model: model("case4.jcl"),
      policy: policy(resolve(DIAG, "case4.policy")),
      at: AT,
    });
    const d = r.diagnoses[0];
    expect(d?.cause).toBe("private-key-not-returned");
    expect(d?.simulation?.verdict).toBe("confirmed");
    expect(d?.simulation?.rc).toBe(428);
    expect(d?.simulation?.request).toMatch(/user TCPIP .*ring FTPD\/SERVRING/);
    expect(d?.simulation?.step).toMatch(/another user's certificate/);
    expect(d?.fix.join("\n")).toMatch(
      /PERMIT FTPD\.SERVRING\.LST CLASS\(RDATALIB\) ID\(TCPIP\) ACCESS\(UPDATE\)/,
    );
  });

  it("case 4 without --policy: no ring is named, and the report says why nothing was simulated", () => {
    const r = diagnoseLogs([{ file: "c4.log", text: CASE4 }], {
      model: model("case6-fixed.jcl"),
      policy: null,
      at: AT,
    });
    expect(r.notes.join(" ")).toMatch(/name no key ring.*give --policy/);
  });

  it("case 6: the Java URL names the ring; STCRSE with READ only is confirmed as 428", () => {
    const text = `CWPKI0033E: The keystore located at safkeyring://START1/MQRING did not load: The private key of MQ Server is not available or no authority to access the private key
IEF695I START RSESRV   WITH JOBNAME RSESRV   IS ASSIGNED TO USER STCRSE  , GROUP STCGRP`;
    const r = diagnoseLogs([{ file: "c6.log", text }], { model: model("case6.jcl"), policy: null, at: AT });
    expect(r.diagnoses[0]?.cause).toBe("private-key-not-returned");
    expect(r.diagnoses[0]?.simulation?.verdict).toBe("confirmed");
    const fixed = diagnoseLogs([{ file: "c6.log", text }], {
      model: model("case6-fixed.jcl"),
      policy: null,
      at: AT,
    });
    expect(fixed.diagnoses.find((d) => d.cause === "private-key-not-returned")?.simulation?.verdict).toBe(
      "ruled-out",
    );
  });

  it("no user named: lists who could open the ring according to the inputs", () => {
    const text =
      "CWPKI0033E: The keystore located at safkeyring://FTPD/SERVRING did not load: no authority to access the private key";
    const r = diagnoseLogs([{ file: "x.log", text }], { model: model("case4.jcl"), policy: null, at: AT });
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0]?.ring).toBe("FTPD/SERVRING");
    // Under FACILITY checking with UACC(NONE) only TCPIP (UPDATE) may read the ring; FTPD
    // itself has no access in case4.jcl.
    expect(r.candidates[0]?.users).toEqual(["TCPIP"]);
  });
});
