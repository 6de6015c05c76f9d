/**
 * Fuzzing the recognisers (fast-check): any text is either recognised or listed, never a
 * crash; fields survive round trips through the message formats; hostile text never reaches
 * the terminal as control characters; and adversarial repetitions stay linear (no ReDoS).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnoseLogs, formatReport, RECOGNISERS, recogniseLine } from "../../src/diagnose/index.js";

const TOKENS = [
  "EZD1287I",
  "TTLS",
  "Error",
  "RC:",
  "CONNID:",
  "ICH408I",
  "USER(",
  "CL(FACILITY)",
  "IEF695I",
  "alert",
  "number",
  "CSFPPKS",
  "reason",
  "0x2B00",
  "safkeyring://",
  "/",
  "Record header:",
  "35",
  "0335301A",
  "FC0311",
  "rc",
  "=",
  "RC = 410: Reason =",
  "bad dh g value",
  "CWPKI0033E",
  "gsk_secure_socket_init",
  "Key Type: NIST ECC",
  "Signing Algorithm:",
  "R_datalib",
  "8/8/8",
  "\u001b[31m",
  "\u202e",
  ":",
  "..",
];
const tokenLine = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 })), { maxLength: 25 })
  .map((a) => a.join(" "));

describe("recogniser fuzzing", () => {
  it("every recogniser returns null or a well-formed message for any line", () => {
    fc.assert(
      fc.property(
        fc.oneof(tokenLine, fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 })),
        (line) => {
          for (const r of RECOGNISERS) {
            const m = r.recognise(line);
            if (m === null) continue;
            expect(typeof m.id).toBe("string");
            expect(["ibm", "third-party", "unconfirmed"]).toContain(m.confidence);
            expect(m.source.length).toBeGreaterThan(0);
            for (const s of m.signals) expect(s.weight).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("every non-blank line is either a message or unrecognised", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(tokenLine, fc.string({ maxLength: 80 })), { maxLength: 30 }), (lines) => {
        const text = lines.map((l) => l.replace(/[\r\n]/g, " ").replace(/ICH408I/g, "ICH4O8I")).join("\n");
        const r = diagnoseLogs([{ file: "f", text }]);
        const nonBlank = text.split("\n").filter((l) => l.trim() !== "").length;
        expect(r.messages.length + r.unrecognised.count).toBe(nonBlank);
      }),
      { numRuns: 300 },
    );
  });

  it("AT-TLS fields survive any order and any value", () => {
    const hex = fc.stringMatching(/^[0-9A-F]{8}$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        hex,
        fc.stringMatching(/^[A-Z][A-Z0-9]{0,7}$/),
        fc.boolean(),
        (rc, conn, job, swap) => {
          const f = [`CONNID: ${conn}`, `JOBNAME: ${job}`];
          if (swap) f.reverse();
          const m = recogniseLine(`EZD1287I TTLS Error RC: ${rc} Initial Handshake ${f.join(" ")}`);
          expect(m?.facts.rc).toBe(rc);
          expect(m?.facts.connId).toBe(conn);
          expect(m?.facts.jobname).toBe(job);
          expect(m?.facts.event).toBe("Initial Handshake");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the text report never carries control characters from the log", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(tokenLine, fc.string({ maxLength: 60 })), { maxLength: 12 }), (lines) => {
        const out = formatReport(diagnoseLogs([{ file: "f\u001b[2J", text: lines.join("\n") }]));
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 300 },
    );
  });

  it("adversarial repetitions stay fast (no catastrophic backtracking)", () => {
    const pieces = [
      "RC: ",
      "alert ",
      "ICH408I USER(",
      "safkeyring:",
      "0",
      "CSF",
      "a ",
      "Record header: 35 ",
      ":",
      " ",
    ];
    const start = Date.now();
    for (const p of pieces) recogniseLine(p.repeat(4000));
    diagnoseLogs([{ file: "f", text: pieces.map((p) => p.repeat(2000)).join("\n") }]);
    expect(Date.now() - start).toBeLessThan(3000);
  });
});
