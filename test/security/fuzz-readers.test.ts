/**
 * Issue #9, tests: every reader given mutated inputs (bytes flipped, lines cut, duplicated or
 * spliced with hostile fragments) never throws; what it cannot read becomes issues located in
 * the file it was given. Seeded, so a failure reproduces; run counts kept modest for the suite.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnoseLogs } from "../../src/diagnose/index.js";
import { modelFromJson, modelToJson } from "../../src/model/json.js";
import { RacfModel } from "../../src/model/model.js";
import type { InputIssue } from "../../src/model/types.js";
import { readPolicy } from "../../src/policy/reader.js";
import { readRacfCommands } from "../../src/racf/reader.js";
import { readCertificates } from "../../src/readers/cert.js";
import type { ReadContext } from "../../src/readers/context.js";
import { readListing } from "../../src/readers/listing.js";
import { readUnload } from "../../src/readers/unload.js";

const ROOT = join(import.meta.dirname, "..", "..");
const sample = (p: string): string => readFileSync(join(ROOT, p), "utf8");
const SEED = 9_009;

/** Pieces a hostile or damaged input carries. */
const FRAGMENTS = [
  "\n//EVIL EXEC PGM=IEFBR14\n",
  "/*",
  "'",
  "''",
  ")",
  "(((((",
  "-",
  "+",
  "\u0000",
  "\u001b[2J",
  "\u202e",
  "\r",
  "\t",
  "{",
  "}",
  "PASSWORD('SECRET')",
  "-----BEGIN CERTIFICATE-----\n",
  "-----END CERTIFICATE-----\n",
  "9".repeat(400),
  "X".repeat(5000),
];

/** One mutation of a text: a slice removed, a fragment inserted, a line duplicated, a char flipped. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), len: fc.nat({ max: 200 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 })),
  }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    times: fc.integer({ min: 2, max: 50 }),
  }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), code: fc.integer({ min: 0, max: 0x2fff }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, ms: readonly Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length === 0 ? 0 : m.at % t.length;
    if (m.kind === "cut") t = t.slice(0, at) + t.slice(at + m.len);
    else if (m.kind === "insert") t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === "flip") t = t.slice(0, at) + String.fromCharCode(m.code) + t.slice(at + 1);
    else if (m.kind === "truncate") t = t.slice(0, at);
    else {
      const start = t.lastIndexOf("\n", at) + 1;
      const end = t.indexOf("\n", at);
      const line = t.slice(start, end < 0 ? t.length : end + 1);
      t = t.slice(0, start) + line.repeat(m.times) + t.slice(start);
    }
  }
  return t;
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

function ctx(file: string): ReadContext {
  return {
    model: new RacfModel(),
    file,
    datasets: new Map(),
    ranAt: new Date("2026-06-01T00:00:00Z"),
    ranAtGiven: true,
  };
}

/** Issues are located: in the file read, on a line of it (0 only for file-wide facts). */
function located(issues: readonly InputIssue[], file: string, lines: number): void {
  for (const i of issues) {
    expect(i.file, i.message).toBe(file);
    expect(Number.isInteger(i.line) && i.line >= 0 && i.line <= lines + 1, `${i.line} ${i.message}`).toBe(
      true,
    );
    expect(["error", "warning", "info"]).toContain(i.severity);
    expect(i.message.length).toBeGreaterThan(0);
  }
}

const lineCount = (t: string): number => t.split("\n").length;

describe("fuzz: readers never throw on mutated inputs; every issue is located", () => {
  const opts = { numRuns: 120, seed: SEED };

  it("JCL deck (model --jcl, audit --jcl)", () => {
    const deck = sample("samples/site/setup.jcl");
    fc.assert(
      fc.property(mutations, (ms) => {
        const text = mutate(deck, ms);
        const c = ctx("deck.jcl");
        readRacfCommands(text, c);
        located(c.model.state.issues, "deck.jcl", lineCount(text));
      }),
      opts,
    );
  });

  it("RACF listing", () => {
    const listing = sample("samples/site/listring.txt");
    fc.assert(
      fc.property(mutations, (ms) => {
        const text = mutate(listing, ms);
        const c = ctx("list.txt");
        readListing(text, c);
        located(c.model.state.issues, "list.txt", lineCount(text));
      }),
      opts,
    );
  });

  it("IRRDBU00 unload", async () => {
    const unload = sample("samples/site/irrdbu00.txt");
    await fc.assert(
      fc.asyncProperty(mutations, async (ms) => {
        const text = mutate(unload, ms);
        const c = ctx("unload.txt");
        async function* lines() {
          for (const l of text.split("\n")) yield l;
        }
        await readUnload(lines(), c);
        located(c.model.state.issues, "unload.txt", lineCount(text));
      }),
      { ...opts, numRuns: 80 },
    );
  });

  it("PEM and DER certificate files", async () => {
    const pem = sample("samples/site/partner-ca.pem");
    const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
    const der = Buffer.from(body, "base64");
    await fc.assert(
      fc.asyncProperty(mutations, fc.boolean(), async (ms, asDer) => {
        const data = asDer
          ? new Uint8Array(Buffer.from(mutate(der.toString("latin1"), ms), "latin1"))
          : new TextEncoder().encode(mutate(pem, ms));
        const c = ctx("cert.pem");
        await readCertificates(data, { owner: null, label: null }, c);
        located(c.model.state.issues, "cert.pem", Buffer.from(data).toString("latin1").split("\n").length);
      }),
      { ...opts, numRuns: 80 },
    );
  });

  it("AT-TLS policy", () => {
    const policy = sample("samples/site/pagent.conf");
    fc.assert(
      fc.property(mutations, (ms) => {
        const text = mutate(policy, ms);
        const p = readPolicy(text, "p.conf");
        located(p.issues, "p.conf", lineCount(text));
      }),
      opts,
    );
  });

  it("model JSON", () => {
    const c = ctx("setup.jcl");
    readRacfCommands(sample("samples/site/setup.jcl"), c);
    const json = JSON.stringify(modelToJson(c.model.state), null, 2);
    fc.assert(
      fc.property(mutations, (ms) => {
        const text = mutate(json, ms);
        const { issues } = modelFromJson(text, "m.json");
        located(issues, "m.json", lineCount(text));
      }),
      opts,
    );
  });

  it("diagnose logs", () => {
    const logs = ["ftps-plaintext.log", "ring-owner.log", "wrong-owner.log"].map((f) =>
      sample(`samples/logs/${f}`),
    );
    fc.assert(
      fc.property(fc.nat({ max: logs.length - 1 }), mutations, (which, ms) => {
        const text = mutate(logs[which] ?? "", ms);
        const report = diagnoseLogs([{ file: "log.txt", text }]);
        for (const u of [...report.unrecognised.first, ...report.messages]) {
          expect(u.file).toBe("log.txt");
          expect(u.line).toBeGreaterThanOrEqual(1);
        }
      }),
      opts,
    );
  });
});
