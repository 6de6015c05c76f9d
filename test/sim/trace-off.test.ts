/**
 * `trace: false` (the audit's way of calling the simulator) must predict exactly what the full
 * simulation predicts — return code, confidence, fix, alternatives, assumptions, conditions,
 * outcomes, messages — and only leave the steps out. The two share one walk; these tests catch a
 * check that decides differently, or records a condition or assumption only while writing its
 * text. Also: the shortcuts the walk takes for speed (the access decision quoted instead of read
 * again, the evidence list without string keys) give what the longer way gave.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownerApplications } from "../../src/audit/applications.js";
import { runAudit } from "../../src/audit/engine.js";
import type { AuditSimRequest } from "../../src/audit/sim-port.js";
import { loadInputs } from "../../src/cli/inputs.js";
import { decideAccess, setGrplist } from "../../src/model/access.js";
import { RacfModel } from "../../src/model/model.js";
import type { AccessLevel, Certificate, Source } from "../../src/model/types.js";
import { readUnload } from "../../src/readers/unload.js";
import { accessSources, evidence } from "../../src/sim/checks/util.js";
import { simulate } from "../../src/sim/simulate.js";
import type { SimRequest } from "../../src/sim/types.js";
import { synthesize } from "../../src/synth/unload.js";
import { context, linesOf } from "../readers/helpers.js";
import { peerCert } from "./builders.js";

const ROOT = join(import.meta.dirname, "..", "..");
const AT = new Date("2026-12-03T00:00:00Z");

async function site(): Promise<RacfModel> {
  const jcl = join(ROOT, "samples/site/setup.jcl");
  const ds = `SECADM.PARTNER.CA.PEM=${join(ROOT, "samples/site/partner-ca.pem")}`;
  const unload = join(ROOT, "samples/site/irrdbu00.txt");
  const { model } = await loadInputs(
    {
      values: { jcl: [jcl], dataset: [ds], unload: [unload] },
      ordered: [
        { name: "dataset", value: ds },
        { name: "jcl", value: jcl },
        { name: "unload", value: unload },
      ],
      positionals: [],
    },
    ROOT,
    AT,
  );
  return model;
}

async function synthetic(seed: number): Promise<RacfModel> {
  const text = [
    ...synthesize(
      {
        users: 400,
        certs: 120,
        rings: 90,
        started: 12,
        rdatalib: 30,
        accessEntries: 60,
        defects: 0.6,
        seed,
        records: 0,
        at: AT,
      },
      () => undefined,
    ),
  ].join("");
  const model = new RacfModel();
  await readUnload(linesOf(text), context("synth.txt", model));
  return model;
}

/**
 * Requests that reach every check: each ring's owner as a server (what the audit asks), as a
 * client asked for a certificate, with the ring's labels and a wrong one, another user on the
 * same ring, virtual rings, and protocol settings.
 */
function requests(model: RacfModel): SimRequest[] {
  const out: SimRequest[] = [];
  const rings = model.state.rings;
  const someUser = rings.at(-1)?.owner ?? "NOBODY";
  for (const app of ownerApplications(model, [])) {
    const base: SimRequest = {
      user: app.user,
      ring: app.ring,
      label: app.label,
      at: AT,
      userOrigin: app.startedProfile
        ? { description: app.userFrom, startedProfile: app.startedProfile, sources: app.evidence }
        : null,
    };
    out.push(base);
    out.push({ ...base, role: "client", clientAuth: "required" });
    out.push({ ...base, role: "server", clientAuth: "full", protocols: ["TLSv1.2"], ciphers: ["C02F"] });
    out.push({ ...base, user: someUser });
    out.push({ ...base, user: "NOBODY" });
    out.push({ ...base, label: "NO SUCH LABEL" });
    const ring = model.ring(app.ring.owner, app.ring.name);
    for (const c of ring?.connections.slice(0, 3) ?? []) out.push({ ...base, label: c.label });
  }
  for (const owner of [someUser, "*AUTH*", "*SITE*"]) {
    out.push({ user: someUser, ring: { owner, name: "*" }, at: AT });
    out.push({ user: someUser, ring: { owner, name: "*" }, label: "NO SUCH LABEL", at: AT });
  }
  out.push({ user: someUser, ring: { owner: someUser, name: "NoSuchRing" }, at: AT });
  return out;
}

/** The full result with its steps left out: what `trace: false` must return, key for key. */
function withoutSteps(model: RacfModel, req: SimRequest): string {
  return JSON.stringify({ ...simulate(model, req), steps: [] });
}

function lean(model: RacfModel, req: SimRequest): string {
  return JSON.stringify(simulate(model, { ...req, trace: false }));
}

describe("simulate with trace: false", () => {
  it("predicts what the full simulation predicts over the sample site", async () => {
    const model = await site();
    const reqs = requests(model);
    expect(reqs.length).toBeGreaterThan(20);
    for (const req of reqs) expect(lean(model, req), JSON.stringify(req)).toBe(withoutSteps(model, req));
  });

  it("predicts what the full simulation predicts over synthetic unloads with planted defects", async () => {
    const codes = new Set<number>();
    for (const seed of [1, 2]) {
      const model = await synthetic(seed);
      for (const req of requests(model)) {
        const full = simulate(model, req);
        codes.add(full.rc);
        expect(lean(model, req), JSON.stringify(req)).toBe(JSON.stringify({ ...full, steps: [] }));
      }
    }
    // The requests reach failures of several checks, not only successes.
    expect([...codes].filter((c) => c !== 0).length).toBeGreaterThanOrEqual(4);
  });

  it("still matches the readers' assumptions against the lines the walk used", () => {
    const src: Source = { file: "ring.lst", line: 7, kind: "listing" };
    const model = new RacfModel();
    model.defineUser("WEBSRV", { file: "u.lst", line: 1, kind: "listing" });
    model.addRing("WEBSRV", "R", src);
    model.assume("times in ring.lst read as UTC (no time zone given)", src);
    model.assume("an assumption about a line the walk never reads", {
      file: "other.lst",
      line: 3,
      kind: "listing",
    });
    const req: SimRequest = { user: "WEBSRV", ring: { owner: "WEBSRV", name: "R" }, at: AT };
    const r = simulate(model, { ...req, trace: false });
    expect(r.steps).toEqual([]);
    expect(r.assumptions).toContain("times in ring.lst read as UTC (no time zone given)");
    expect(r.assumptions).not.toContain("an assumption about a line the walk never reads");
    expect(JSON.stringify(r)).toBe(withoutSteps(model, req));
  });

  it("leaves the steps out, and the full simulation still writes every one", async () => {
    const model = await site();
    const req = requests(model)[0] as SimRequest;
    expect(simulate(model, { ...req, trace: false }).steps).toEqual([]);
    const full = simulate(model, req);
    expect(full.steps.length).toBeGreaterThanOrEqual(8);
    for (const s of full.steps) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.detail.length).toBeGreaterThan(0);
      expect(s.verdict).toMatch(/^(pass|fail|unknown)$/);
    }
  });

  it("is what the audit asks for, and the audit's report is the same as with full simulations", async () => {
    const model = await synthetic(3);
    const applications = ownerApplications(model, []);
    const seen: AuditSimRequest[] = [];
    const opts = { at: AT, expiryDays: 30, applications, policy: null, jclSecrets: null };
    const leanReport = runAudit(model, {
      ...opts,
      simulate: (m, req) => {
        seen.push(req);
        return simulate(m, req);
      },
    });
    expect(seen.length).toBe(applications.length);
    expect(seen.every((r) => r.trace === false)).toBe(true);
    const fullReport = runAudit(model, {
      ...opts,
      simulate: (m, req) => simulate(m, { ...req, trace: true }),
    });
    expect(JSON.stringify(leanReport)).toBe(JSON.stringify(fullReport));
  });
});

// ---- random RACF states -------------------------------------------------------------------

const USERS = ["U1", "U2", "U3"] as const;
const OWNERS = ["ID(U1)", "ID(U2)", "CERTAUTH", "SITE"] as const;
const LABELS = ["A", "B", "C"] as const;
const LEVELS: AccessLevel[] = ["NONE", "READ", "UPDATE", "CONTROL"];
const line = (n: number): Source => ({ file: "p.jcl", line: n, kind: "jcl" });

const stateArb = fc.record({
  certs: fc.array(
    fc.record({
      owner: fc.constantFrom(...OWNERS),
      label: fc.constantFrom(...LABELS),
      status: fc.constantFrom("TRUST", "NOTRUST", "HIGHTRUST"),
      dates: fc.constantFrom("expired", "valid", "future", "unknown"),
      privateKey: fc.constantFrom(true, false, null),
      keyStore: fc.constantFrom(null, "PKDS"),
    }),
    { maxLength: 5 },
  ),
  connections: fc.array(
    fc.record({
      owner: fc.constantFrom(...OWNERS),
      label: fc.constantFrom(...LABELS),
      usage: fc.constantFrom("PERSONAL" as const, "CERTAUTH" as const, "SITE" as const),
      default: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  facility: fc.option(fc.array(fc.tuple(fc.constantFrom(...USERS, "G1", "*"), fc.constantFrom(...LEVELS)))),
  gencert: fc.option(fc.constantFrom(...LEVELS)),
  rdatalib: fc.option(fc.array(fc.tuple(fc.constantFrom(...USERS, "G1", "*"), fc.constantFrom(...LEVELS)))),
  rdatalibGeneric: fc.boolean(),
  rdatalibState: fc.constantFrom("unknown", "active", "inactive"),
  warning: fc.boolean(),
  special: fc.boolean(),
  grplist: fc.constantFrom(null, true, false),
  // a reader's assumption about one of the lines above (0: none)
  assumedLine: fc.integer({ min: 0, max: 6 }),
});

type State = typeof stateArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: State): RacfModel {
  const m = new RacfModel();
  for (const u of USERS) {
    const user = m.defineUser(u, line(1));
    user.special = s.special && u === "U3";
    if (u === "U2") user.groups = ["G1"];
  }
  for (const c of s.certs) {
    if (m.certificate(c.owner, c.label)) continue;
    const cert: Certificate = {
      ...peerCert(),
      owner: c.owner,
      label: c.label,
      status: c.status as Certificate["status"],
      notBefore:
        c.dates === "unknown" ? null : c.dates === "future" ? "2027-06-01T00:00:00Z" : "2024-01-01T00:00:00Z",
      notAfter:
        c.dates === "unknown"
          ? null
          : c.dates === "expired"
            ? "2025-01-01T00:00:00Z"
            : "2030-01-01T00:00:00Z",
      privateKey: c.privateKey,
      keyStore: c.keyStore as Certificate["keyStore"],
      subject: `CN=${c.label}`,
      issuer: "CN=Example Root CA,O=Example",
      sources: [line(2)],
    };
    m.addCertificate(cert);
  }
  const ring = m.addRing("U1", "R", line(3));
  for (const c of s.connections) m.connect(ring, { ...c, sources: [line(4)] });
  if (s.facility) {
    const p = m.defineProfile("FACILITY", "IRR.DIGTCERT.LISTRING", line(5));
    p.access = s.facility.map(([id, level]) => ({ id, level, sources: [line(5)] }));
  }
  if (s.gencert) m.defineProfile("FACILITY", "IRR.DIGTCERT.GENCERT", line(5)).uacc = s.gencert;
  if (s.rdatalib) {
    const p = m.defineProfile("RDATALIB", s.rdatalibGeneric ? "U1.*.LST" : "U1.R.LST", line(6));
    p.access = s.rdatalib.map(([id, level]) => ({ id, level, sources: [line(6)] }));
    p.warning = s.warning;
  }
  if (s.rdatalibState !== "unknown") {
    const on = s.rdatalibState === "active";
    m.setClass("RDATALIB", { active: on, raclisted: on }, line(6));
  }
  if (s.grplist !== null) setGrplist(m, s.grplist, line(1));
  if (s.assumedLine > 0) m.assume(`an assumption about line ${s.assumedLine}`, line(s.assumedLine));
  return m;
}

const reqArb = fc.record({
  user: fc.constantFrom(...USERS, "U9"),
  owner: fc.constantFrom("U1", "U2", "*AUTH*", "U1*"),
  label: fc.constantFrom(null, "A", "B", "a"),
  role: fc.constantFrom("server" as const, "client" as const),
  clientAuth: fc.constantFrom("none" as const, "passthru" as const, "full" as const, "required" as const),
  assumeDenied: fc.boolean(),
});

describe("trace: false over random RACF states", () => {
  it("gives the full simulation's prediction", () => {
    fc.assert(
      fc.property(stateArb, reqArb, (s, q) => {
        const model = build(s);
        const req: SimRequest = {
          user: q.user,
          ring:
            q.owner === "*AUTH*"
              ? { owner: "*AUTH*", name: "*" }
              : q.owner === "U1*"
                ? { owner: "U1", name: "*" }
                : { owner: q.owner, name: "R" },
          label: q.label,
          role: q.role,
          clientAuth: q.clientAuth,
          assumeDenied: q.assumeDenied,
          at: AT,
        };
        expect(lean(model, req)).toBe(withoutSteps(model, req));
      }),
      { numRuns: 400, seed: 10 },
    );
  });
});

describe("the walk's shortcuts give what the longer way gave", () => {
  it("decideAccess finds the entry model.accessTo finds (authorize-ring quotes it)", async () => {
    for (const grplist of [true, false]) {
      const model = await synthetic(4);
      setGrplist(model, grplist, line(1));
      const profiles = [...model.profilesOf("RDATALIB"), ...model.profilesOf("FACILITY")];
      const ids = new Set<string>(["NOBODY"]);
      for (const p of profiles) for (const a of p.access.slice(0, 5)) ids.add(a.id);
      for (const r of model.state.rings.slice(0, 20)) ids.add(r.owner);
      let compared = 0;
      for (const p of profiles) {
        for (const id of ids) {
          for (const group of [null, "STCGRP", "G1"]) {
            const d = decideAccess(model, p, id, "READ", { currentGroup: group });
            const a = model.accessTo(p, id, group);
            expect({ level: d.level, via: d.via, entryId: d.entryId }).toEqual(a);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(100);
    }
  });

  it("authorize-ring quotes the access-list entry that decided, as accessSources reads it", () => {
    const m = new RacfModel();
    m.defineUser("U1", line(1));
    m.defineUser("U2", line(1)).groups = ["G1"];
    m.addRing("U1", "R", line(3));
    const rd = m.defineProfile("RDATALIB", "U1.R.LST", line(6));
    rd.access = [
      { id: "G1", level: "READ", sources: [line(8)] },
      { id: "U1", level: "READ", sources: [line(9)] },
    ];
    const fac = m.defineProfile("FACILITY", "IRR.DIGTCERT.LISTRING", line(5));
    fac.access = [{ id: "G1", level: "UPDATE", sources: [line(11)] }];
    const authorize = (user: string, ring: { owner: string; name: string }) =>
      simulate(m, { user, ring, at: AT }).steps.find((st) => st.id === "authorize-ring")?.evidence ?? [];
    for (const [user, entry] of [
      ["U1", 9],
      ["U2", 8],
    ] as const) {
      const ev = authorize(user, { owner: "U1", name: "R" });
      expect(ev.map((e) => e.line)).toContain(entry);
      for (const src of accessSources(m, rd, user)) expect(ev).toContainEqual(src);
    }
    // U1's virtual ring has no RDATALIB profile: FACILITY decides, through U2's group.
    const ev = authorize("U2", { owner: "U1", name: "*" });
    expect(ev.map((e) => e.line)).toContain(11);
    for (const src of accessSources(m, fac, "U2")) expect(ev).toContainEqual(src);
  });

  it("evidence() keeps the first of each file and line, in order, for short and long lists", () => {
    const reference = (...groups: (Source[] | undefined)[]): Source[] => {
      const out: Source[] = [];
      const seen = new Set<string>();
      for (const g of groups)
        for (const s of g ?? []) {
          if (!s.file) continue;
          const k = `${s.file}:${s.line}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push(s);
        }
      return out;
    };
    const sourceArb = fc.record({
      file: fc.constantFrom("", "a.jcl", "b.txt", "a.jcl:1"),
      line: fc.integer({ min: 0, max: 12 }),
      kind: fc.constantFrom("jcl" as const, "unload" as const),
    });
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.array(sourceArb, { maxLength: 40 }), { nil: undefined })),
        (groups) => {
          const got = evidence(...groups);
          const want = reference(...groups);
          expect(got).toEqual(want);
          // the very objects, not copies
          for (const [i, s] of got.entries()) expect(s).toBe(want[i]);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
