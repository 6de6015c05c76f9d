/**
 * Correlation: two connections in one log are kept apart by CONNID, and lines without a
 * CONNID join the connection they share a job, user, rule or time window with — or none.
 * Unknown and hostile lines are listed, never interpreted, never a crash.
 */
import { describe, expect, it } from "vitest";
import { diagnoseLogs } from "../../src/diagnose/index.js";

const MIXED = `11:00:01 MVS1 EZD1287I TTLS Error RC:  428 Initial Handshake GRPID: 00000003 ENVID: 00000001 CONNID: 0000A001 LOCAL: 10.1.1.5..21 REMOTE: 10.1.2.2..40001 JOBNAME: FTPD USERID: TCPIP RULE: FTPServerRule
11:00:02 MVS1 EZD1287I TTLS Error RC:  401 Initial Handshake GRPID: 00000004 ENVID: 00000002 CONNID: 0000B002 LOCAL: 10.1.1.5..443 REMOTE: 10.1.3.3..40002 JOBNAME: WEBSRV USERID: WEBSRV RULE: WebServer
11:00:02 MVS1 IEF695I START FTPD     WITH JOBNAME FTPD     IS ASSIGNED TO USER TCPIP   , GROUP STCGROUP
11:00:03 MVS1 EZD1287I TTLS Error RC:  428 Initial Handshake GRPID: 00000003 ENVID: 00000001 CONNID: 0000A001 LOCAL: 10.1.1.5..21 REMOTE: 10.1.2.2..40001 JOBNAME: FTPD USERID: TCPIP RULE: FTPServerRule`;

describe("correlation", () => {
  it("keeps two connections apart by CONNID and attaches IEF695I by job name", () => {
    const r = diagnoseLogs([{ file: "mixed.log", text: MIXED }]);
    expect(r.connections).toHaveLength(2);
    const [a, b] = r.connections;
    expect(a?.keys[0]).toBe("CONNID 0000A001");
    expect(a?.messages).toEqual([0, 2, 3]);
    expect(b?.messages).toEqual([1]);
    const key = r.diagnoses.find((d) => d.cause === "private-key-not-returned");
    const exp = r.diagnoses.find((d) => d.cause === "certificate-expired");
    expect(key?.connection).toBe(a?.id);
    expect(exp?.connection).toBe(b?.id);
    // Evidence never crosses connections.
    expect(key?.evidence.map((e) => e.line)).toEqual([1, 4]);
    expect(exp?.evidence.map((e) => e.line)).toEqual([2]);
  });

  it("pairs the two ends of one connection by mirrored addresses", () => {
    const r = diagnoseLogs([
      {
        file: "two-ends.log",
        text: `EZD1287I TTLS Error RC:    6 Initial Handshake CONNID: 00000011 LOCAL: 10.0.0.1..443 REMOTE: 10.0.0.2..50000 JOBNAME: WEB USERID: WEB RULE: R1
EZD1287I TTLS Error RC:  438 Initial Handshake CONNID: 00000922 LOCAL: 10.0.0.2..50000 REMOTE: 10.0.0.1..443 JOBNAME: CLI USERID: CLI RULE: R2`,
      },
    ]);
    expect(r.connections).toHaveLength(1);
    expect(r.diagnoses[0]?.cause).toBe("no-default-certificate");
    expect(r.diagnoses[0]?.side).toBe("server");
    expect(r.diagnoses.find((d) => d.cause === "partner-rejected")?.side).toBe("server");
  });

  it("leaves a line that fits two connections equally unattached", () => {
    const r = diagnoseLogs([
      {
        file: "amb.log",
        text: `11:00:01 EZD1287I TTLS Error RC: 401 Initial Handshake CONNID: 00000001 LOCAL: 1.1.1.1..443 REMOTE: 2.2.2.2..5000 JOBNAME: A USERID: A RULE: RA
11:00:01 EZD1287I TTLS Error RC: 401 Initial Handshake CONNID: 00000002 LOCAL: 1.1.1.1..443 REMOTE: 3.3.3.3..5001 JOBNAME: B USERID: B RULE: RB
11:00:02 received fatal alert: certificate_expired`,
      },
    ]);
    expect(r.messages[2]?.connection).toBeNull();
    expect(r.diagnoses.some((d) => d.connection === null)).toBe(true);
  });
});

describe("unknown and hostile lines", () => {
  it("lists unrecognised lines (count and first five), never interprets them", () => {
    const junk = Array.from({ length: 9 }, (_, i) => `IEA123${i}I something about a tape mount ${i}`).join(
      "\n",
    );
    const r = diagnoseLogs([
      { file: "junk.log", text: `${junk}\nEZD1287I TTLS Error RC: 428 Initial Handshake CONNID: 00000001` },
    ]);
    expect(r.unrecognised.count).toBe(9);
    expect(r.unrecognised.first).toHaveLength(5);
    expect(r.unrecognised.first[0]).toEqual({
      file: "junk.log",
      line: 1,
      text: "IEA1230I something about a tape mount 0",
    });
    expect(r.diagnoses).toHaveLength(1);
  });

  it("binary noise, escapes and a 1 MB line do not crash and are not guessed at", () => {
    const text = [
      "\u001b[2J\u001b]0;owned\u0007",
      "\u0000\u0001\u0002",
      "x".repeat(1_000_000),
      "RC 999999999",
    ].join("\n");
    const r = diagnoseLogs([{ file: "bad.log", text }]);
    expect(r.diagnoses).toEqual([]);
    expect(r.unrecognised.count).toBe(4);
    expect(r.unrecognised.first[2]?.text.length).toBeLessThanOrEqual(400);
  });
});
