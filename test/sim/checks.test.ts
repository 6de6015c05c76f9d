/**
 * One table per check of src/sim/checks/: inputs that make it pass, fail, or stay unknown (the
 * inputs do not hold the facts), with what each unknown leaves open. The verdict is read from the
 * step the check records; the walk's return code shows whether an unknown stopped it (never).
 */
import { describe, expect, it } from "vitest";
import type { SimRequest, Verdict } from "../../src/sim/simulate.js";
import { BASE, deck, peerCert, run, serverCert } from "./builders.js";

const OWN_RING = `
  ADDUSER WEB DFLTGRP(STC)
  ${serverCert("WEB", "Web")}
  RACDCERT ID(WEB) ADDRING(R)
  RACDCERT ID(WEB) CONNECT(ID(WEB) LABEL('Web') RING(R) USAGE(PERSONAL) DEFAULT)
  RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Example Root CA') RING(R) USAGE(CERTAUTH))
`;
/** The CA alone, without the FACILITY profile BASE defines: what listings show. */
const CA_ONLY = BASE.split("\n")
  .filter((l) => !/RDEFINE|SETROPTS/.test(l))
  .join("\n");
const PERMITTED = `${BASE}${OWN_RING}
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)
`;
const REQ: Pick<SimRequest, "user" | "ring"> = { user: "WEB", ring: { owner: "WEB", name: "R" } };

interface Row {
  name: string;
  deck: string;
  req?: Partial<SimRequest>;
  verdict: Verdict;
  /** The walk's return code. */
  rc: number;
  /** Other outcomes the unknown opens (codes). */
  others?: number[];
  /** Forget what only a certificate listing shows about WEB 'Web' (key, dates). */
  forget?: boolean;
}

const TABLES: Record<string, Row[]> = {
  identity: [{ name: "a defined user", deck: PERMITTED, verdict: "pass", rc: 0 }],
  "resolve-ring": [
    { name: "the ring exists", deck: PERMITTED, verdict: "pass", rc: 0 },
    {
      name: "no such ring",
      deck: PERMITTED,
      req: { ring: { owner: "WEB", name: "r" } },
      verdict: "fail",
      rc: 202,
    },
  ],
  "authorize-ring": [
    { name: "READ on IRR.DIGTCERT.LISTRING", deck: PERMITTED, verdict: "pass", rc: 0 },
    { name: "profile shown, UACC(NONE), no entry", deck: `${BASE}${OWN_RING}`, verdict: "fail", rc: 202 },
    {
      name: "no FACILITY profile in the inputs: unknown, walk goes on, 202 kept",
      deck: `${CA_ONLY}${OWN_RING}`,
      verdict: "unknown",
      rc: 0,
      others: [202],
    },
    {
      name: "user not in the inputs, a group on the list grants READ: unknown",
      deck: `${BASE}${OWN_RING.replace("ADDUSER WEB DFLTGRP(STC)", "")}
        PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(STCGRP) ACCESS(READ)`,
      verdict: "unknown",
      rc: 0,
      others: [202],
    },
    {
      name: "no FACILITY profile, --assume-denied: fail",
      deck: `${CA_ONLY}${OWN_RING}`,
      req: { assumeDenied: true },
      verdict: "fail",
      rc: 202,
    },
  ],
  "select-certificate": [
    { name: "the DEFAULT", deck: PERMITTED, verdict: "pass", rc: 0 },
    { name: "a label not on the ring", deck: PERMITTED, req: { label: "Nope" }, verdict: "fail", rc: 6 },
  ],
  "selected-key": [
    { name: "own certificate with its key", deck: PERMITTED, verdict: "pass", rc: 0 },
    {
      name: "certificate only known from the ring: key unknown, 428 kept",
      deck: PERMITTED,
      // as a LISTRING capture shows it: owner and label, no key and no dates
      forget: true,
      verdict: "unknown",
      rc: 0,
      others: [428, 401],
    },
  ],
  validity: [
    { name: "within its dates", deck: PERMITTED, verdict: "pass", rc: 0 },
    {
      name: "expired",
      deck: PERMITTED,
      req: { at: new Date("2028-01-01T00:00:00Z") },
      verdict: "fail",
      rc: 401,
    },
  ],
  "key-usage": [
    { name: "HANDSHAKE", deck: PERMITTED, verdict: "pass", rc: 0 },
    {
      name: "CERTSIGN only",
      deck: PERMITTED.replace("KEYUSAGE(HANDSHAKE)", "KEYUSAGE(CERTSIGN)"),
      verdict: "fail",
      rc: 440,
    },
  ],
  negotiate: [
    { name: "no settings given: not evaluated", deck: PERMITTED, verdict: "unknown", rc: 0 },
    {
      name: "TLS 1.2 with C02F",
      deck: PERMITTED,
      req: { protocols: ["TLSv1.2"], ciphers: ["C02F"] },
      verdict: "pass",
      rc: 0,
    },
    {
      name: "no usable suite",
      deck: PERMITTED,
      req: { protocols: ["TLSv1.2"], ciphers: ["ZZZZ"] },
      verdict: "fail",
      rc: 402,
    },
  ],
  "peer-validation": [
    { name: "server without client auth", deck: PERMITTED, verdict: "pass", rc: 0 },
    {
      name: "client, partner chain not given",
      deck: PERMITTED,
      req: { role: "client" },
      verdict: "unknown",
      rc: 0,
    },
    {
      name: "client, partner signed by an unknown CA",
      deck: PERMITTED,
      req: { role: "client", peerCertificates: [peerCert({ subject: "CN=srv", issuer: "CN=Other CA" })] },
      verdict: "fail",
      rc: 435,
    },
  ],
};

describe("each check: pass / fail / unknown", () => {
  for (const [id, rows] of Object.entries(TABLES)) {
    for (const row of rows) {
      it(`${id}: ${row.name} → ${row.verdict}`, () => {
        const model = deck(row.deck);
        const web = model.certificate("ID(WEB)", "Web");
        if (row.forget && web) Object.assign(web, { privateKey: null, notBefore: null, notAfter: null });
        const r = run(model, { ...REQ, ...row.req });
        const step = r.steps.find((s) => s.id === id);
        expect(step?.verdict).toBe(row.verdict);
        if (row.verdict === "unknown") expect(step?.missing?.length).toBeGreaterThan(0);
        expect(r.rc).toBe(row.rc);
        if (row.others) expect(r.outcomes.map((o) => o.rc)).toEqual(row.others);
      });
    }
  }
});
