/**
 * `racfring synth`: deterministic, realistic enough that every plantable rule fires exactly on
 * its plants, readable by racfring without input issues, and never overwriting without --force.
 * The 10k pipeline (synth → audit from the CLI → recall) is the size `npm run bench` runs in CI;
 * recall is also checked at 100k records in process.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ownerApplications } from "../../src/audit/applications.js";
import { runAudit } from "../../src/audit/engine.js";
import { RULES } from "../../src/audit/rules/index.js";
import { RacfModel } from "../../src/model/model.js";
import { readUnload } from "../../src/readers/unload.js";
import { simulate } from "../../src/sim/simulate.js";
import { recallOf } from "../../src/synth/recall.js";
import { NOT_PLANTABLE, type Sidecar, type SynthOptions, synthesize } from "../../src/synth/unload.js";
import { cli } from "../helpers/io.js";

const AT = new Date("2026-06-01T00:00:00Z");

function sized(records: number, over: Partial<SynthOptions> = {}): SynthOptions {
  return {
    users: Math.round(records * 0.3),
    certs: Math.round(records * 0.02),
    rings: Math.round(records * 0.01),
    started: Math.round(records * 0.005),
    rdatalib: Math.round(records * 0.005),
    accessEntries: Math.round(records * 0.05),
    defects: 0.05,
    seed: 1,
    records,
    at: AT,
    ...over,
  };
}

function generate(opts: SynthOptions): { text: string; sidecar: Sidecar } {
  let sidecar: Sidecar | null = null;
  const chunks = [
    ...synthesize(opts, (s) => {
      sidecar = s;
    }),
  ];
  if (!sidecar) throw new Error("no sidecar");
  return { text: chunks.join(""), sidecar };
}

async function* linesOf(text: string): AsyncIterable<string> {
  let start = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
    yield text.slice(start, nl);
    start = nl + 1;
  }
}

async function auditOf(text: string) {
  const model = new RacfModel();
  await readUnload(linesOf(text), {
    model,
    file: "synth.unload",
    datasets: new Map(),
    ranAt: AT,
    ranAtGiven: true,
  });
  const report = runAudit(model, {
    at: AT,
    expiryDays: 30,
    applications: ownerApplications(model, []),
    policy: null,
    jclSecrets: null,
    simulate,
  });
  return { model, report };
}

describe("synthetic unload", () => {
  it("is the same for the same seed and differs for another", () => {
    const a = generate(sized(3000, { defects: 0.3 }));
    const b = generate(sized(3000, { defects: 0.3 }));
    const c = generate(sized(3000, { defects: 0.3, seed: 2 }));
    const hash = (t: string) => createHash("sha256").update(t).digest("hex");
    expect(hash(a.text)).toBe(hash(b.text));
    expect(a.sidecar).toEqual(b.sidecar);
    expect(hash(c.text)).not.toBe(hash(a.text));
  });

  it("has the realistic mix, and racfring reads it without a single input issue", async () => {
    const { text, sidecar } = generate(sized(20_000, { defects: 0.3 }));
    expect(sidecar.records).toBe(20_000);
    for (const t of [
      "0100",
      "0200",
      "0205",
      "0207",
      "0500",
      "0505",
      "0540",
      "0560",
      "0561",
      "0562",
      "1560",
      "0400",
    ])
      expect(sidecar.counts[t], t).toBeGreaterThan(0);
    expect(sidecar.counts["0200"] ?? 0).toBeGreaterThan(10 * (sidecar.counts["0560"] ?? 0));
    const { model, report } = await auditOf(text);
    expect(model.state.issues).toEqual([]);
    expect(model.state.rings.length).toBe(200);
    // generic and discrete STARTED and RDATALIB profiles, a CA chain, expired certificates
    const started = model.profilesOf("STARTED");
    expect(started.some((p) => p.generic && p.name !== "**")).toBe(true);
    expect(started.some((p) => p.name === "**")).toBe(true);
    expect(model.profilesOf("RDATALIB").some((p) => p.generic)).toBe(true);
    expect(model.certificatesOf("CERTAUTH").length).toBeGreaterThan(2);
    expect(
      model.state.certificates.some((c) => c.notAfter !== null && Date.parse(c.notAfter) < AT.getTime()),
    ).toBe(true);
    // every plant is found, and each rule that can be planted from an unload is
    const recall = recallOf(sidecar.planted, report.findings);
    expect(recall.missed).toEqual([]);
    const plantable = RULES.map((r) => r.meta.id).filter((id) => !(id in NOT_PLANTABLE));
    expect(Object.keys(recall.byRule).sort()).toEqual(plantable.sort());
  });

  it("finds every planted defect at 100,000 records", async () => {
    const { text, sidecar } = generate(sized(100_000));
    const { report } = await auditOf(text);
    const recall = recallOf(sidecar.planted, report.findings);
    expect(sidecar.planted.length).toBeGreaterThan(50);
    expect(recall.missed).toEqual([]);
    expect(recall.ratio).toBe(1);
  }, 180_000);
});

describe("racfring synth (CLI) and the 10k bench pipeline", () => {
  it("writes the unload and its sidecar, refuses to overwrite without --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-synth-"));
    const file = join(dir, "site.unload");
    const first = await cli(["synth", "--records", "10000", "--seed", "7", "-o", file]);
    expect(first.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(3_000_000);
    const sidecar = JSON.parse(readFileSync(`${file}.planted.json`, "utf8")) as Sidecar;
    expect(sidecar.seed).toBe(7);
    expect(sidecar.planted.length).toBeGreaterThan(0);

    const again = await cli(["synth", "--records", "10000", "-o", file]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/already exists; use --force/);
    expect(JSON.parse(readFileSync(`${file}.planted.json`, "utf8")).seed).toBe(7);

    const bad = await cli(["synth", "--records", "ten", "-o", file]);
    expect(bad.code).toBe(2);

    // the audit of the 10k unload, as a user (and the bench) runs it, finds every plant
    const out = join(dir, "audit.json");
    const audit = await cli(["audit", "--unload", file, "--at", sidecar.at, "--format", "json", "-o", out]);
    expect(audit.code).toBe(1);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(recallOf(sidecar.planted, report.findings).missed).toEqual([]);
    expect(report.inputIssues).toEqual([]);
  }, 120_000);
});
