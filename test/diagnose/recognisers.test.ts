/**
 * The recognisers one by one, on racfring's own renderings of each message family: the fields
 * taken, the cause pointed at, and lines of the family that must NOT be over-read.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { alertByCode, diagnoseLogs, recogniseLine, TLS_ALERTS } from "../../src/diagnose/index.js";
import { findKeyringUrl } from "../../src/diagnose/keyring-url.js";
import { decodeHeader } from "../../src/diagnose/record-header.js";
import { RacfModel } from "../../src/model/model.js";
import { readRacfCommands } from "../../src/racf/reader.js";

const causes = (line: string) => recogniseLine(line)?.signals.map((s) => s.cause) ?? null;

describe("recognisers", () => {
  it("CICS and MQ messages quoting a System SSL function and its code", () => {
    const cics = recogniseLine(
      "DFHSO0123 CICSPRD1 Return code 202 received from function gsk_environment_init; SSL support is not available",
    );
    expect(cics?.family).toBe("CICS");
    expect(cics?.facts.rc).toBe(202);
    expect(cics?.signals.map((x) => x.cause)).toEqual(["ring-not-found", "ring-not-authorised"]);
    const mq = recogniseLine(
      "CSQX620E QM01 CSQXRESP System SSL error, channel TO.QM02, function gsk_secure_socket_init RC=428",
    );
    expect(mq?.family).toBe("MQ");
    expect(mq?.facts.rc).toBe(428);
    expect(mq?.signals[0]?.cause).toBe("private-key-not-returned");
    expect(mq?.confidence).toBe("unconfirmed");
  });

  it("R_datalib triples from IBM's Table 1, and an unknown reason is said to be unknown", () => {
    const a = recogniseLine("IRRSDL00 R_datalib DataGetFirst failed: 8/8/8");
    expect(a?.summary).toMatch(/not RACF-authorized/);
    expect(a?.signals[0]?.cause).toBe("ring-not-authorised");
    expect(
      recogniseLine("R_datalib SAF return code 8, RACF return code 8, reason code 28")?.signals[0]?.cause,
    ).toBe("ring-not-found");
    const u = recogniseLine("R_datalib returned 8/8/44");
    expect(u?.summary).toMatch(/not in racfring's copy/);
    expect(u?.signals).toEqual([]);
    expect(u?.confidence).toBe("unconfirmed");
  });

  it("CMS status codes 0x0335nnnn", () => {
    expect(recogniseLine("gsk_open_keyring failed, status 0x03353009")?.summary).toBeDefined();
    expect(causes("keyring open: CMS status 0x0335301A")).toEqual(["private-key-not-returned"]);
    expect(recogniseLine("status 0x03353FFF")?.summary).toMatch(/not in racfring's table/);
  });

  it("ICSF reason codes read as hex when they look hex, decimal otherwise", () => {
    expect(recogniseLine("CSFPPKS rc=8 rsn=2B00")?.facts.reasonCode).toBe(0x2b00);
    expect(recogniseLine("CSFPPKS return code 8 reason code 11008")?.facts.reasonCode).toBe(11008);
    expect(causes("CSFPPKS return code 8 reason code 11008")).toEqual(["icsf-key-invalid"]);
    expect(causes("CSFDSG RC=8 RSN=00003E84")).toEqual(["icsf-not-authorised"]);
  });

  it("ICH408I in WARNING mode is a hint, not the failure", () => {
    expect(
      causes(
        "ICH408I USER(TCPIP) GROUP(STC) NAME(X) IRR.DIGTCERT.LISTRING CL(FACILITY) WARNING: INSUFFICIENT AUTHORITY ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
      ),
    ).toEqual([]);
    const rdl = recogniseLine(
      "ICH408I USER(STCRSE) GROUP(STC) NAME(X) START1.MQRING.LST CL(RDATALIB) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(UPDATE) ACCESS ALLOWED(READ)",
    );
    expect(rdl?.facts.keyring).toBe("START1/MQRING");
    expect(rdl?.signals[0]?.cause).toBe("private-key-not-returned");
  });

  it("safkeyring URL mistakes", () => {
    expect(findKeyringUrl("keyStore location=safkeyring://START1/MQRING type=JCERACFKS")?.problems).toEqual(
      [],
    );
    expect(findKeyringUrl("safkeyring:///MQRING")?.ring).toBe("MQRING");
    expect(findKeyringUrl("safkeyring:/START1/MQRING")?.problems[0]).toMatch(/two slashes/);
    expect(findKeyringUrl("safkeyring://MQRING")?.problems[0]).toMatch(/no ring after the owner/);
    expect(findKeyringUrl("safkeyringhw://START1/MQRING type=JCERACFKS")?.problems[0]).toMatch(
      /JCERACFKS does not go with safkeyringhw:\/\/ \(it needs JCECCARACFKS\)/,
    );
    expect(findKeyringUrl("safkeyringhybrid://TOOLONGUSER/R")?.problems[0]).toMatch(/not a user id/);
    expect(causes('<keyStore id="d" location="safkeyring:/START1/MQRING" type="JCERACFKS"/>')).toEqual([
      "keyring-url-malformed",
    ]);
  });

  it("the TLS alert table is the IANA registry's, by number and by name", () => {
    expect(TLS_ALERTS).toHaveLength(34);
    expect(alertByCode(116)?.name).toBe("certificate_required");
    expect(recogniseLine("Alert (Level: Fatal, Description: Unknown CA)")?.facts.alert).toBe(48);
    expect(
      recogniseLine("javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version")?.facts,
    ).toMatchObject({
      alert: 70,
      alertDirection: "received",
    });
    expect(recogniseLine("an alert about disk space")).toBeNull();
  });

  it("record headers: a TLS record is not plain text", () => {
    expect(decodeHeader([0x16, 0x03, 0x03, 0x00]).tls).toBe(true);
    expect(causes("Record header: 16 03 03 00 5A")).toEqual([]);
    expect(decodeHeader([0x48, 0x54, 0x54, 0x50]).ascii).toBe("HTTP");
  });

  it("IRR812I names the STARTED profile; the simulator takes the user from its STDATA", () => {
    const m = new RacfModel();
    const file = resolve(import.meta.dirname, "../fixtures/sim/case4.jcl");
    readRacfCommands(readFileSync(file, "utf8"), {
      model: m,
      file,
      datasets: new Map(),
      ranAt: new Date(),
      ranAtGiven: false,
    });
    const text = `IRR812I PROFILE FTPD.* (G) IN THE STARTED CLASS WAS USED TO START FTPD WITH JOBNAME FTPD.
CWPKI0033E: The keystore located at safkeyring://FTPD/SERVRING did not load: no authority to access the private key`;
    const r = diagnoseLogs([{ file: "x", text }], {
      model: m,
      policy: null,
      at: new Date("2026-01-15T00:00:00Z"),
    });
    expect(r.diagnoses[0]?.simulation?.verdict).toBe("confirmed");
    expect(r.diagnoses[0]?.simulation?.request).toMatch(/user TCPIP \(STARTED profile FTPD\.\* \(IRR812I\)/);
  });
});
