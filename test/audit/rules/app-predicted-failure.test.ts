import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/app-predicted-failure.js";
import type { AuditSimResult, SimulateFn } from "../../../src/audit/sim-port.js";
import { simulate } from "../../../src/sim/simulate.js";
import { aCert, app, aRoot, healthySite, src } from "../builders.js";
import { exact } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

// The real simulator (src/sim/simulate.ts) decides; these cases are field cases 4 and 7.
ruleTester(rule, {
  valid: [
    { name: "field case 7: a working set-up predicts 0", model: healthySite().build(), simulate },
    {
      name: "without the simulator: not evaluated",
      model: healthySite().build(),
      notEvaluated: [/simulator is not available/],
    },
  ],
  invalid: [
    {
      name: "field case 4: TCPIP on FTPD's ring predicts 428",
      model: (() => {
        const ftp = aCert("ID(FTPD)", "FTP Server");
        return healthySite()
          .user("FTPD")
          .user("TCPIP")
          .cert(ftp)
          .ring("FTPD", "SERVRING", [[aRoot()], [ftp, { default: true }]])
          .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [
            ["WEBSRV", "READ"],
            ["TCPIP", "UPDATE"],
          ])
          .build();
      })(),
      apps: [app("TCPIP", "FTPD", "SERVRING", { name: "policy rule FTP", origin: "policy" })],
      simulate,
      findings: [{ kind: "application", id: "TCPIP@FTPD/SERVRING", message: /predicted rc 428/ }],
    },
  ],
});

describe("app-predicted-failure: the whole finding, from the simulator's prediction", () => {
  // A stand-in simulator: this rule reports a prediction, so the tests choose the prediction.
  const predicting =
    (r: Partial<AuditSimResult>): SimulateFn =>
    () => ({ rc: 0, text: "", confidence: "ibm", fix: null, assumptions: [], ...r });

  it("the application, the return code and its text, the confidence, and the simulator's fix", () => {
    const model = healthySite().build();
    const ev = [src(3, "policy.conf")];
    const simulate = predicting({
      rc: 428,
      text: "Key entry does not contain a private key.",
      fix: {
        summary: "Give TCPIP UPDATE.",
        commands: ["PERMIT X CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)"],
        notes: ["Restart."],
      },
    });
    expect(
      exact(rule, { model, simulate, apps: [app("TCPIP", "WEBSRV", "WebRing", { evidence: ev })] }),
    ).toEqual({
      findings: [
        {
          subject: "application TCPIP@WEBSRV/WebRing",
          ring: "WEBSRV/WebRing",
          severity: "error",
          confidence: "ibm",
          message:
            'TCPIP (--app TCPIP=WEBSRV/WebRing) opening WEBSRV/WebRing: predicted rc 428 "Key entry does not contain a private key." [ibm].',
          fix: {
            summary: "Give TCPIP UPDATE. Restart.",
            commands: ["PERMIT X CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)"],
          },
          evidence: ["policy.conf:3"],
        },
      ],
      notEvaluated: [],
    });
  });

  it("the ring owner with a label; the finding is only as sure as the prediction", () => {
    const simulate = predicting({ rc: 6, text: "Key label is not found.", confidence: "third-party" });
    const found = exact(rule, {
      model: healthySite().build(),
      simulate,
      apps: [app("WEBSRV", "WEBSRV", "WebRing", { label: "Web Server", origin: "ring-owner" })],
    }).findings;
    expect(found.map((f) => [f.subject, f.severity, f.confidence, f.message])).toEqual([
      [
        "application WEBSRV@WEBSRV/WebRing:Web Server",
        "error",
        "third-party",
        "WEBSRV (ring owner, assumed) opening WEBSRV/WebRing with label 'Web Server': predicted rc 6 \"Key label is not found.\" [third-party].",
      ],
    ]);
  });

  it("a failure an unknown could turn into success: a warning with its conditions, outcomes and what decides", () => {
    const simulate = predicting({
      rc: 428,
      text: "Key entry does not contain a private key.",
      confidence: "unconfirmed",
      conditions: [
        { kind: "class", text: "RDATALIB is not active", decide: ["SETROPTS LIST", "RLIST RDATALIB X"] },
        { kind: "group", text: "TCPIP is not in SYS1", decide: ["SETROPTS LIST", "LISTUSER TCPIP"] },
      ],
      outcomes: [
        { rc: 0, text: "ok", condition: "RDATALIB is active", confidence: "ibm" },
        { rc: 401, text: "expired", condition: "the clock is late", confidence: "ibm" },
      ],
    });
    const found = exact(rule, {
      model: healthySite().build(),
      simulate,
      apps: [app("TCPIP", "WEBSRV", "WebRing")],
    }).findings;
    expect(found.map((f) => [f.severity, f.confidence, f.message])).toEqual([
      [
        "warning",
        "unconfirmed",
        'TCPIP (--app TCPIP=WEBSRV/WebRing) opening WEBSRV/WebRing: predicted rc 428 "Key entry does not contain a private key." ' +
          "— if RDATALIB is not active and TCPIP is not in SYS1; otherwise rc 0 if RDATALIB is active; rc 401 if the clock is late [unconfirmed]. " +
          "The inputs do not show what decides it: SETROPTS LIST; RLIST RDATALIB X; LISTUSER TCPIP.",
      ],
    ]);
  });

  it("conditions whose other outcomes also fail, or none listed: still an error", () => {
    const run = (outcomes: NonNullable<AuditSimResult["outcomes"]>) =>
      exact(rule, {
        model: healthySite().build(),
        simulate: predicting({
          rc: 202,
          text: "Key ring not found.",
          conditions: [{ kind: "profile", text: "no profile protects the ring", decide: [] }],
          outcomes,
        }),
        apps: [app("TCPIP", "WEBSRV", "WebRing")],
      }).findings.map((f) => [f.severity, f.message]);
    expect(run([{ rc: 401, text: "expired", condition: "later", confidence: "ibm" }])).toEqual([
      [
        "error",
        'TCPIP (--app TCPIP=WEBSRV/WebRing) opening WEBSRV/WebRing: predicted rc 202 "Key ring not found." — if no profile protects the ring; otherwise rc 401 if later [ibm].',
      ],
    ]);
    expect(run([])).toEqual([
      [
        "error",
        'TCPIP (--app TCPIP=WEBSRV/WebRing) opening WEBSRV/WebRing: predicted rc 202 "Key ring not found." — if no profile protects the ring [ibm].',
      ],
    ]);
  });

  it("a prediction of 0 is no finding; a simulator that fails is not evaluated, with its message", () => {
    const apps = [app("TCPIP", "WEBSRV", "WebRing")];
    expect(
      exact(rule, { model: healthySite().build(), simulate: predicting({ rc: 0, text: "ok" }), apps }),
    ).toEqual({
      findings: [],
      notEvaluated: [],
    });
    const failing: SimulateFn = () => {
      throw new Error("boom");
    };
    expect(exact(rule, { model: healthySite().build(), simulate: failing, apps }).notEvaluated).toEqual([
      { subject: "application TCPIP@WEBSRV/WebRing", reason: "the simulator failed: boom" },
    ]);
  });
});
