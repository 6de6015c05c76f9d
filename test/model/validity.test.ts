/**
 * The validity boundaries, through every place that judges them: the shared rule
 * (src/model/validity.ts), the simulator's local and partner checks (rc 401), and the audit
 * rules cert-expired, cert-not-yet-valid, cert-expiring-soon, cert-notrust-on-ring and
 * app-predicted-failure. RFC 5280 §4.1.2.5: notBefore through notAfter, inclusive — so exactly
 * at either end is valid and one second outside is 401. A rule that made one end exclusive, or
 * judged dates with its own comparison, fails here.
 */
import { describe, expect, it } from "vitest";
import { rule as appPredicted } from "../../src/audit/rules/app-predicted-failure.js";
import { rule as expired } from "../../src/audit/rules/cert-expired.js";
import { rule as expiring } from "../../src/audit/rules/cert-expiring-soon.js";
import { rule as notYet } from "../../src/audit/rules/cert-not-yet-valid.js";
import { rule as notrust } from "../../src/audit/rules/cert-notrust-on-ring.js";
import type { Certificate } from "../../src/model/types.js";
import { expiredAt, notYetValidAt, validAt } from "../../src/model/validity.js";
import { simulate } from "../../src/sim/simulate.js";
import { aCert, app, aRoot, auditWith, healthySite } from "../audit/builders.js";
import { peerCert } from "../sim/builders.js";

const NB = "2026-03-01T00:00:00Z";
const NA = "2026-09-01T00:00:00Z";
const SECOND = 1000;
const secondBefore = (iso: string) => new Date(Date.parse(iso) - SECOND);
const exactly = (iso: string) => new Date(iso);
const secondAfter = (iso: string) => new Date(Date.parse(iso) + SECOND);

/** The healthy site of field case 7 whose server certificate runs from NB to NA. */
function site(status: "TRUST" | "NOTRUST" = "TRUST") {
  const root = aRoot();
  const server = aCert("ID(WEBSRV)", "Dated Server", { notBefore: NB, notAfter: NA, status });
  return healthySite()
    .cert(server)
    .ring("WEBSRV", "Dated", [[root], [server, { default: true }]])
    .build();
}

const RING = { owner: "WEBSRV", name: "Dated" };

interface Row {
  at: Date;
  name: string;
  /** What the simulator returns for WEBSRV on its own ring. */
  rc: number;
  state: "valid" | "NOT YET VALID" | "EXPIRED";
}

const ROWS: Row[] = [
  { name: "one second before notBefore", at: secondBefore(NB), rc: 401, state: "NOT YET VALID" },
  { name: "exactly at notBefore", at: exactly(NB), rc: 0, state: "valid" },
  { name: "exactly at notAfter", at: exactly(NA), rc: 0, state: "valid" },
  { name: "one second after notAfter", at: secondAfter(NA), rc: 401, state: "EXPIRED" },
];

describe("the shared validity rule (RFC 5280: both ends inclusive)", () => {
  const c = { notBefore: NB, notAfter: NA };
  it.each(ROWS)("$name → $state", ({ at, state }) => {
    expect(notYetValidAt(c, at)).toBe(state === "NOT YET VALID");
    expect(expiredAt(c, at)).toBe(state === "EXPIRED");
    expect(validAt(c, at)).toBe(state === "valid");
  });

  it("an unknown date is unknown (null), and does not make the certificate invalid", () => {
    const open = { notBefore: null, notAfter: null };
    expect(expiredAt(open, secondAfter(NA))).toBeNull();
    expect(notYetValidAt(open, secondBefore(NB))).toBeNull();
    expect(validAt(open, secondAfter(NA))).toBe(true);
    expect(validAt({ notBefore: null, notAfter: NA }, secondAfter(NA))).toBe(false);
    expect(validAt({ notBefore: NB, notAfter: null }, secondBefore(NB))).toBe(false);
  });
});

describe("the simulator at the boundaries (local certificate, rc 401)", () => {
  it.each(ROWS)("$name → rc $rc, trace says $state", ({ at, rc, state }) => {
    const r = simulate(site(), { user: "WEBSRV", ring: RING, at });
    expect(r.rc).toBe(rc);
    const step = r.steps.find((s) => s.id === "validity");
    expect(step?.ok).toBe(state === "valid");
    expect(step?.detail).toContain(`it is ${state}`);
    expect(step?.detail).toContain(`valid from ${NB} to ${NA}`);
  });
});

describe("the simulator at the boundaries (partner certificate, rc 401)", () => {
  // The local certificate is valid 2025–2030; only the partner's dates move.
  it.each(ROWS)("$name → rc $rc", ({ at, rc, state }) => {
    const peer = peerCert({
      subject: "CN=partner",
      issuer: "CN=Test Root CA,O=Example,C=US",
      notBefore: NB,
      notAfter: NA,
    });
    const r = simulate(healthySite().build(), {
      user: "WEBSRV",
      ring: { owner: "WEBSRV", name: "WebRing" },
      role: "client",
      peerCertificates: [peer],
      at,
    });
    expect(r.rc).toBe(rc);
    const step = r.steps.find((s) => s.id === "peer-validation");
    expect(step?.ok).toBe(state === "valid");
    if (state === "EXPIRED") expect(step?.detail).toContain(`expired ${NA}`);
    if (state === "NOT YET VALID") expect(step?.detail).toContain(`not valid before ${NB}`);
  });
});

describe("the audit at the boundaries", () => {
  const ids = (rule: Parameters<typeof auditWith>[0], at: Date, status?: "NOTRUST") =>
    auditWith(rule, { model: site(status), at }).findings.map((f) => f.subject.id);

  it.each(ROWS)("$name: cert-expired and cert-not-yet-valid agree with the simulator", ({ at, state }) => {
    expect(ids(expired, at)).toEqual(state === "EXPIRED" ? ["ID(WEBSRV):Dated Server"] : []);
    expect(ids(notYet, at)).toEqual(state === "NOT YET VALID" ? ["ID(WEBSRV):Dated Server"] : []);
  });

  it("cert-expiring-soon takes over exactly where cert-expired stops", () => {
    const atEnd = auditWith(expiring, { model: site(), at: exactly(NA) }).findings;
    expect(atEnd.map((f) => f.subject.id)).toEqual(["ID(WEBSRV):Dated Server"]);
    expect(atEnd[0]?.message).toMatch(/in 0 days/);
    expect(ids(expiring, secondAfter(NA))).toEqual([]);
  });

  it("cert-notrust-on-ring proposes removal only once the certificate is expired", () => {
    const fix = (at: Date) =>
      auditWith(notrust, { model: site("NOTRUST"), at }).findings.find((f) =>
        f.subject.id.includes("Dated Server"),
      )?.fix?.summary;
    expect(fix(exactly(NA))).not.toMatch(/it is expired/);
    expect(fix(secondAfter(NA))).toMatch(/Remove it from the ring \(it is expired/);
  });

  it.each(ROWS)("$name: app-predicted-failure (the real simulator) predicts rc $rc", ({ at, rc }) => {
    const report = auditWith(appPredicted, {
      model: site(),
      at,
      apps: [app("WEBSRV", "WEBSRV", "Dated")],
      simulate,
    });
    const messages = report.findings.map((f) => f.message);
    if (rc === 0) expect(messages).toEqual([]);
    else expect(messages.join("\n")).toMatch(/predicted rc 401/);
  });
});

describe("the simulator's validity check: what it tells the administrator", () => {
  const run = (at: Date, over: Partial<Certificate> = {}) => {
    const model = site();
    Object.assign(model.certificate("ID(WEBSRV)", "Dated Server") as Certificate, over);
    return simulate(model, { user: "WEBSRV", ring: RING, at });
  };

  it("expired: renew with the current key (GENREQ, GENCERT with a later NOTAFTER, TRUST), 401 on both sides", () => {
    const r = run(secondAfter(NA));
    expect(r.rc).toBe(401);
    expect(r.confidence).toBe("ibm");
    expect(r.partner).toMatchObject({ rc: 401, confidence: "third-party" });
    expect(r.fix?.summary).toMatch(/^Renew 'Dated Server' with its current key: GENREQ from the certificate/);
    // aCert's certificate names its signer, so no SIGNWITH hint is added
    expect(r.fix?.summary).not.toMatch(/add SIGNWITH/);
    const commands = r.fix?.commands ?? [];
    expect(commands.some((c) => /^RACDCERT ID\(WEBSRV\) GENREQ\(LABEL\('Dated Server'\)\)/.test(c))).toBe(
      true,
    );
    expect(commands.some((c) => /GENCERT\(.*NOTAFTER\(DATE\(2027-09-01\)/.test(c))).toBe(true);
    expect(commands).toContain("RACDCERT ID(WEBSRV) ALTER(LABEL('Dated Server')) TRUST");
    expect(commands.at(-1)).toBe("SETROPTS RACLIST(DIGTCERT) REFRESH");
  });

  it("the trace sentence: both dates, the instant judged (without milliseconds) and the certificate's definition", () => {
    const model = site();
    const r = simulate(model, { user: "WEBSRV", ring: RING, at: secondAfter(NA) });
    const step = r.steps.find((s) => s.id === "validity");
    const def = model.certificate("ID(WEBSRV)", "Dated Server")?.sources[0];
    expect(def).toBeDefined();
    expect(step?.title).toBe("Validity of the local certificate");
    expect(step?.detail).toBe(
      `'Dated Server' is valid from ${NB} to ${NA}; at 2026-09-01T00:00:01Z it is EXPIRED (${def?.file}:${def?.line}).`,
    );
  });

  it("expired and the inputs do not name its signer: the renewal says to add SIGNWITH", () => {
    const r = run(secondAfter(NA), { signer: null });
    expect(r.fix?.summary).toBe(
      "Renew 'Dated Server' with its current key: GENREQ from the certificate, GENCERT the request with a later NOTAFTER (add SIGNWITH for the CA that signs it), and mark it TRUST in case RACF made it NOTRUST (field case 5).",
    );
  });

  it("not yet valid: wait, or re-issue with a NOTBEFORE in the past", () => {
    const r = run(secondBefore(NB));
    expect(r.rc).toBe(401);
    expect(r.fix?.summary).toBe(
      `'Dated Server' is not valid before ${NB}: wait, or re-issue it with a NOTBEFORE in the past.`,
    );
  });

  it("GENCERT default dates: the verdict is unconfirmed and the assumption is listed", () => {
    const r = run(secondAfter(NA), { datesAssumed: true });
    expect(r.rc).toBe(401);
    expect(r.confidence).toBe("unconfirmed");
    expect(r.steps.find((s) => s.id === "validity")?.confidence).toBe("unconfirmed");
    expect(r.assumptions).toContain(
      "dates of ID(WEBSRV) 'Dated Server' are RACF's GENCERT defaults computed from when the job ran (assumed)",
    );
  });

  // A certificate whose end date the inputs do not show was reported "valid" with IBM
  // confidence and no condition (a Stryker survivor in the simulator's validity check).
  it("start date known, end date unknown: open, not valid, with the 401 branch and the LIST command", () => {
    const r = run(secondAfter(NA), { notAfter: null });
    expect(r.rc).toBe(0);
    const step = r.steps.find((s) => s.id === "validity");
    expect(step?.ok).toBeNull();
    expect(step?.missing).toEqual(["the end date of 'Dated Server'"]);
    expect(step?.detail).toMatch(
      new RegExp(
        `^'Dated Server' is valid from ${NB} to \\?; at 2026-09-01T00:00:01Z it is valid if its end date allows \\(not known from the inputs\\) \\(site\\.jcl:\\d+\\)\\.$`,
      ),
    );
    expect(r.conditions.find((c) => c.step === "validity")).toEqual({
      kind: "fact",
      text: "'Dated Server' is within its validity dates (the inputs do not show its end date)",
      decide: ["RACDCERT ID(WEBSRV) LIST(LABEL('Dated Server'))"],
      step: "validity",
    });
    expect(r.outcomes).toContainEqual(
      expect.objectContaining({ rc: 401, condition: "'Dated Server' has expired", confidence: "ibm" }),
    );
  });

  it("end date known, start unknown: open with the not-yet-valid branch; a known end date already passed is a certain 401", () => {
    const open = run(exactly(NA), { notBefore: null });
    expect(open.steps.find((s) => s.id === "validity")?.ok).toBeNull();
    expect(open.outcomes).toContainEqual(
      expect.objectContaining({ rc: 401, condition: "'Dated Server' is not yet valid" }),
    );
    const expired = run(secondAfter(NA), { notBefore: null });
    expect(expired.rc).toBe(401);
    expect(expired.steps.find((s) => s.id === "validity")?.detail).toContain("it is EXPIRED");
    expect(expired.conditions.filter((c) => c.step === "validity")).toEqual([]);
  });

  it("no dates in the inputs: unknown, the walk goes on, and 401 stays a possible outcome", () => {
    const r = run(secondAfter(NA), { notBefore: null, notAfter: null });
    expect(r.rc).toBe(0);
    const step = r.steps.find((s) => s.id === "validity");
    expect(step?.ok).toBeNull();
    expect(step?.missing).toEqual(["the validity dates of 'Dated Server'"]);
    expect(step?.title).toBe("Validity of the local certificate");
    expect(step?.detail).toBe("The dates of 'Dated Server' are not known from the inputs: not checked.");
    expect(r.conditions.find((c) => c.step === "validity")).toMatchObject({
      kind: "fact",
      text: "'Dated Server' is within its validity dates (the inputs do not show them)",
    });
    expect(r.outcomes.find((o) => o.rc === 401)?.confidence).toBe("ibm");
    expect(r.outcomes).toContainEqual(
      expect.objectContaining({ rc: 401, condition: "'Dated Server' has expired or is not yet valid" }),
    );
    expect(r.conditions.find((c) => c.step === "validity")?.decide).toEqual([
      "RACDCERT ID(WEBSRV) LIST(LABEL('Dated Server'))",
    ]);
  });
});
