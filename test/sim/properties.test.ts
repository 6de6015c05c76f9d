/**
 * Properties of the simulator over random RACF states: it never throws, every code it predicts is
 * in the catalogue, the trace stops at the first failing step, and success means no step failed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RacfModel } from "../../src/model/model.js";
import type { AccessLevel, Certificate, RingUsage } from "../../src/model/types.js";
import { lookupCode } from "../../src/sim/catalogue.js";
import { simulate } from "../../src/sim/simulate.js";
import { peerCert } from "./builders.js";

const USERS = ["U1", "U2", "U3"] as const;
const OWNERS = ["ID(U1)", "ID(U2)", "CERTAUTH", "SITE"] as const;
const LABELS = ["A", "B", "C"] as const;
const LEVELS: AccessLevel[] = ["NONE", "READ", "UPDATE", "CONTROL"];
const src = { file: "p.jcl", line: 1, kind: "jcl" as const };

const certArb = fc.record({
  owner: fc.constantFrom(...OWNERS),
  label: fc.constantFrom(...LABELS),
  status: fc.constantFrom("TRUST", "NOTRUST", "HIGHTRUST"),
  expired: fc.boolean(),
  privateKey: fc.constantFrom(true, false, null),
  keyUsage: fc.constantFrom(null, [], ["HANDSHAKE"], ["CERTSIGN"]),
  keyType: fc.constantFrom("RSA", "NISTECC", null),
});

const stateArb = fc.record({
  certs: fc.array(certArb, { maxLength: 5 }),
  connections: fc.array(
    fc.record({
      owner: fc.constantFrom(...OWNERS),
      label: fc.constantFrom(...LABELS),
      usage: fc.constantFrom<RingUsage>("PERSONAL", "CERTAUTH", "SITE"),
      default: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  ringExists: fc.boolean(),
  facility: fc.option(
    fc.array(fc.tuple(fc.constantFrom(...USERS), fc.constantFrom(...LEVELS)), { maxLength: 3 }),
  ),
  rdatalib: fc.option(
    fc.array(fc.tuple(fc.constantFrom(...USERS), fc.constantFrom(...LEVELS)), { maxLength: 3 }),
  ),
  rdatalibActive: fc.boolean(),
  special: fc.boolean(),
});

const reqArb = fc.record({
  user: fc.constantFrom(...USERS),
  owner: fc.constantFrom("U1", "U2", "*AUTH*"),
  label: fc.constantFrom(null, "A", "B"),
  role: fc.constantFrom<"server" | "client">("server", "client"),
  clientAuth: fc.constantFrom<"none" | "passthru" | "full" | "required">(
    "none",
    "passthru",
    "full",
    "required",
  ),
  protocols: fc.constantFrom<string[] | null>(null, ["TLSv1.2"], ["TLSv1.2", "TLSv1.3"], []),
  ciphers: fc.constantFrom<string[] | null>(null, ["C02F"], ["C02B", "1301"], ["BOGUS"]),
  peers: fc.constantFrom<"none" | "empty" | "good" | "stranger">("none", "empty", "good", "stranger"),
});

type State = typeof stateArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: State): RacfModel {
  const m = new RacfModel();
  for (const u of USERS) {
    const user = m.defineUser(u, src);
    user.special = s.special && u === "U3";
  }
  for (const c of s.certs) {
    if (m.certificate(c.owner, c.label)) continue;
    const cert: Certificate = {
      ...peerCert(),
      owner: c.owner,
      label: c.label,
      status: c.status as Certificate["status"],
      notAfter: c.expired ? "2025-01-01T00:00:00Z" : "2030-01-01T00:00:00Z",
      privateKey: c.privateKey,
      keyUsage: c.keyUsage as Certificate["keyUsage"],
      keyType: c.keyType as Certificate["keyType"],
      subject: `CN=${c.label}`,
      issuer: "CN=Example Root CA,O=Example",
      sources: [src],
    };
    m.addCertificate(cert);
  }
  if (s.ringExists) {
    const ring = m.addRing("U1", "R", src);
    for (const c of s.connections) m.connect(ring, { ...c, sources: [src] });
  }
  if (s.facility) {
    const p = m.defineProfile("FACILITY", "IRR.DIGTCERT.LISTRING", src);
    p.access = s.facility.map(([id, level]) => ({ id, level, sources: [src] }));
  }
  if (s.rdatalib) {
    const p = m.defineProfile("RDATALIB", "U1.R.LST", src);
    p.access = s.rdatalib.map(([id, level]) => ({ id, level, sources: [src] }));
    if (!s.rdatalibActive) m.setClass("RDATALIB", { active: false, raclisted: false }, src);
  }
  return m;
}

describe("simulate: properties", () => {
  it("never throws; predicts catalogue codes; stops at the first failure", () => {
    fc.assert(
      fc.property(stateArb, reqArb, (s, q) => {
        const model = build(s);
        const r = simulate(model, {
          user: q.user,
          ring: q.owner === "*AUTH*" ? { owner: "*AUTH*", name: "*" } : { owner: q.owner, name: "R" },
          label: q.label,
          role: q.role,
          clientAuth: q.clientAuth,
          at: new Date("2026-01-15T00:00:00Z"),
          protocols: q.protocols,
          ciphers: q.ciphers,
          ...(q.peers === "none"
            ? {}
            : {
                peerCertificates:
                  q.peers === "empty"
                    ? []
                    : q.peers === "good"
                      ? [peerCert()]
                      : [peerCert({ issuer: "CN=Nobody" })],
              }),
        });
        expect(lookupCode(r.rc)).toBeDefined();
        const failing = r.steps.filter((st) => st.ok === false);
        if (r.rc === 0) expect(failing).toEqual([]);
        else {
          expect(failing).toHaveLength(1);
          expect(r.steps.at(-1)?.ok).toBe(false);
          expect(r.fix).not.toBeNull();
        }
        for (const st of r.steps) expect(["ibm", "third-party", "unconfirmed"]).toContain(st.confidence);
      }),
      { numRuns: 400 },
    );
  });

  it("another user's certificate never yields a key under FACILITY checking", () => {
    fc.assert(
      fc.property(fc.constantFrom<AccessLevel>("READ", "UPDATE", "CONTROL", "ALTER"), (level) => {
        const m = new RacfModel();
        m.defineUser("U1", src);
        m.defineUser("U2", src);
        m.addCertificate({ ...peerCert(), owner: "ID(U1)", label: "A", privateKey: true, sources: [src] });
        const ring = m.addRing("U1", "R", src);
        m.connect(ring, { owner: "ID(U1)", label: "A", usage: "PERSONAL", default: true, sources: [src] });
        const p = m.defineProfile("FACILITY", "IRR.DIGTCERT.LISTRING", src);
        p.access = [{ id: "U2", level, sources: [src] }];
        const r = simulate(m, {
          user: "U2",
          ring: { owner: "U1", name: "R" },
          at: new Date("2026-01-15T00:00:00Z"),
        });
        // READ cannot open another user's ring (202); with UPDATE or more the key is withheld (428).
        expect(r.rc).toBe(level === "READ" ? 202 : 428);
      }),
    );
  });
});
