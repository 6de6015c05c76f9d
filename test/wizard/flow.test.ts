/**
 * The wizard's question flow, driven by a scripted prompter that fails on any question it does
 * not expect (wrong id, wrong order, or one too many) and on any script step left over. Every
 * preset and every certificate source; each finished flow must make a plan that simulates to
 * RC 0 through the same code path as `racfring generate`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/errors.js";
import type { SiteState } from "../../src/gen/state.js";
import { RacfModel } from "../../src/model/model.js";
import { readRacfCommands } from "../../src/racf/reader.js";
import { buildPlan, PRESET_NAMES, PRESETS, type WizardAnswers } from "../../src/wizard/build.js";
import { type FlowContext, runFlow } from "../../src/wizard/flow.js";
import { simulateAnswers } from "../../src/wizard/preview.js";
import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from "../../src/wizard/prompter.js";
import { AT, ROOT, templatesOnce } from "../gen/helpers/gen.js";

/** Take the question's default. */
const D = Symbol("default");
type Step = [id: string, answer: string | boolean | typeof D];

class ScriptedPrompter implements Prompter {
  readonly notes: string[] = [];
  readonly questions: {
    id: string;
    help: string;
    choices?: string[];
    validate?: InputQuestion["validate"];
  }[] = [];
  constructor(private readonly steps: Step[]) {}

  private take(id: string): string | boolean | typeof D {
    const step = this.steps.shift();
    if (!step) throw new Error(`unexpected question "${id}" (the script has ended)`);
    if (step[0] !== id) throw new Error(`expected question "${step[0]}", was asked "${id}"`);
    return step[1];
  }
  select<T extends string>(q: SelectQuestion<T>): Promise<T> {
    this.questions.push({ id: q.id, help: q.help, choices: q.choices.map((c) => c.value) });
    const a = this.take(q.id);
    if (a === D) return Promise.resolve(q.default);
    const hit = q.choices.find((c) => c.value === a);
    if (!hit)
      throw new Error(
        `"${String(a)}" is not a choice of ${q.id}: ${q.choices.map((c) => c.value).join(", ")}`,
      );
    return Promise.resolve(hit.value);
  }
  input(q: InputQuestion): Promise<string> {
    this.questions.push({ id: q.id, help: q.help, validate: q.validate });
    const a = this.take(q.id);
    const v = a === D ? q.default : String(a);
    if (v === undefined) throw new Error(`question ${q.id} has no default`);
    const ok = q.validate(v);
    if (ok !== true) throw new Error(`${q.id}: "${v}" rejected: ${ok}`);
    return Promise.resolve(v);
  }
  confirm(q: ConfirmQuestion): Promise<boolean> {
    this.questions.push({ id: q.id, help: q.help });
    const a = this.take(q.id);
    return Promise.resolve(a === D ? q.default : Boolean(a));
  }
  note(text: string): void {
    this.notes.push(text);
  }
  left(): Step[] {
    return this.steps;
  }
}

function siteState(): SiteState {
  const model = new RacfModel();
  const file = join(ROOT, "samples/site/setup.jcl");
  readRacfCommands(readFileSync(file, "utf8"), {
    model,
    file,
    datasets: new Map(),
    ranAt: AT,
    ranAtGiven: true,
  });
  return { model, files: [file] };
}

async function ctx(state: SiteState | null = null, flags: FlowContext["flags"] = {}): Promise<FlowContext> {
  return { state, at: AT, templates: await templatesOnce(), flags };
}

async function run(steps: Step[], c?: FlowContext): Promise<{ a: WizardAnswers; p: ScriptedPrompter }> {
  const p = new ScriptedPrompter(steps);
  const a = await runFlow(p, c ?? (await ctx()));
  expect(p.left(), "script steps never asked").toEqual([]);
  return { a, p };
}

async function expectRc0(a: WizardAnswers, c?: FlowContext): Promise<void> {
  const sim = simulateAnswers(a, c ?? (await ctx()));
  expect(sim.result.planIssues).toEqual([]);
  expect(sim.result.errors).toEqual([]);
  expect(sim.rc, sim.line).toBe(0);
}

/** The questions of a server that creates its certificate, every answer the default but user and host. */
const serverSteps = (preset: string, source = "new-racf-ca"): Step[] => [
  ["preset", preset],
  ["user", "STCUSER"],
  ["ring-owner", D],
  ["ring", D],
  ["cert-source", source],
  ["client-auth", D],
  ["host", "zos1.example.com"],
  ["ip", D],
  ["subject", D],
  ["key", D],
  ["permissions", D],
  ["days", D],
  ...(source === "external-ca" ? ([["hlq", D]] as Step[]) : []),
  ["job-name", D],
  ["accounting", D],
];

describe("wizard flow: every preset", () => {
  for (const preset of PRESET_NAMES.filter((n) => PRESETS[n].role === "server")) {
    it(`${preset}: asks in order, defaults from the preset, simulates to RC 0`, async () => {
      const { a, p } = await run(serverSteps(preset));
      expect(a.ring).toBe(PRESETS[preset].ring);
      expect(a.jobName).toBe(PRESETS[preset].job);
      expect(a.ringOwner).toBe("STCUSER");
      expect(a.subject).toEqual({ CN: "zos1.example.com" });
      expect(p.notes.some((n) => /Simulated so far: .*RC 0/.test(n))).toBe(true);
      const plan = buildPlan(a);
      expect(plan.applications?.[0]).toMatchObject({ role: "server", user: "STCUSER" });
      expect(plan.rings?.[0]?.connect).toEqual([{ certificate: "CERT", default: true }, { authority: "CA" }]);
      for (const q of p.questions) expect(q.help.length, q.id).toBeGreaterThan(10);
      await expectRc0(a);
    });
  }

  it("client without a certificate: no subject, key or validity questions; the ring is a trust store", async () => {
    const { a } = await run([
      ["preset", "client"],
      ["user", "BATCH1"],
      ["ring-owner", D],
      ["ring", D],
      ["cert-source", D],
      ["client-auth", D],
      ["permissions", D],
      ["job-name", D],
      ["accounting", D],
    ]);
    const plan = buildPlan(a);
    expect(plan.certificates).toBeUndefined();
    expect(plan.applications?.[0]).toMatchObject({ role: "client" });
    expect(plan.applications?.[0]?.certificate).toBeUndefined();
    await expectRc0(a);
  });

  it("client presenting a certificate: asks for its subject and key, names it in the application", async () => {
    const { a } = await run([
      ["preset", "client"],
      ["user", "BATCH1"],
      ["ring-owner", D],
      ["ring", D],
      ["cert-source", D],
      ["client-auth", true],
      ["host", "batch.example.com"],
      ["ip", D],
      ["subject", "CN=batch.example.com,O=Example,C=US"],
      ["key", "NISTECC-256"],
      ["permissions", D],
      ["days", "365"],
      ["job-name", D],
      ["accounting", D],
    ]);
    const plan = buildPlan(a);
    expect(plan.certificates?.[0]?.key).toEqual({ type: "NISTECC", size: 256 });
    expect(plan.certificates?.[0]?.subject).toEqual({ CN: "batch.example.com", O: "Example", C: "US" });
    expect(plan.applications?.[0]).toMatchObject({ role: "client", certificate: "CERT" });
    await expectRc0(a);
  });

  it("trust-only: no certificate, no client-auth question, no reuse choice", async () => {
    const { a, p } = await run([
      ["preset", "trust-only"],
      ["user", "TRUSTU"],
      ["ring-owner", D],
      ["ring", D],
      ["cert-source", D],
      ["permissions", D],
      ["job-name", D],
      ["accounting", D],
    ]);
    expect(p.questions.find((q) => q.id === "cert-source")?.choices).not.toContain("reuse");
    expect(buildPlan(a).rings?.[0]?.connect).toEqual([{ authority: "CA" }]);
    await expectRc0(a);
  });
});

describe("wizard flow: every certificate source", () => {
  it("new RACF CA (no inputs): the default source", async () => {
    const { a } = await run(serverSteps("ftp"));
    expect(a.source).toBe("new-racf-ca");
    expect(buildPlan(a).authorities?.[0]).toMatchObject({ create: "racf", label: "Local CA 2026" });
  });

  it("external CA via OpenSSL: GENREQ round trip, asks the transfer HLQ", async () => {
    const { a } = await run(serverSteps("mq", "external-ca"));
    const plan = buildPlan(a);
    expect(plan.authorities?.[0]?.create).toBe("openssl");
    expect(plan.certificates?.[0]?.signer).toEqual({ authority: "CA", method: "genreq" });
    expect(plan.datasets).toEqual({ hlq: "STCUSER.CERTS" });
    await expectRc0(a);
  });

  it("existing CERTAUTH found in the inputs: offered and the default; users offered from STARTED profiles", async () => {
    const c = await ctx(siteState());
    const { a, p } = await run(
      [
        ["preset", "tn3270"],
        ["user", "WEBSRV"],
        ["ring-owner", D],
        ["ring", D],
        ["cert-source", D],
        ["ca-label", D],
        ["client-auth", D],
        ["host", "tn.sample.example"],
        ["ip", D],
        ["subject", D],
        ["key", D],
        ["permissions", D],
        ["days", D],
        ["job-name", D],
        ["accounting", D],
      ],
      c,
    );
    const users = p.questions.find((q) => q.id === "user")?.choices ?? [];
    expect(users).toContain("TCPIP"); // STARTED FTPD.* runs as TCPIP
    expect(users).toContain("WEBSRV");
    expect(p.questions.find((q) => q.id === "ca-label")?.choices).toContain("CERTAUTH:Sample Root CA");
    expect(a.source).toBe("existing-ca");
    const plan = buildPlan(a);
    expect(plan.existing?.authorities).toEqual([{ id: "CA", owner: "CERTAUTH", label: "Sample Root CA" }]);
    expect(plan.users).toEqual([{ id: "WEBSRV" }]);
    await expectRc0(a, c);
  });

  it("reuse an existing certificate: offered from the inputs, its CA connected too", async () => {
    const c = await ctx(siteState());
    const { a } = await run(
      [
        ["preset", "liberty"],
        ["user", "WEBSRV"],
        ["ring-owner", D],
        ["ring", "LibRing"],
        ["cert-source", "reuse"],
        ["reuse-cert", "WEBSRV:Web Server"],
        ["client-auth", D],
        ["permissions", D],
        ["job-name", D],
        ["accounting", D],
      ],
      c,
    );
    const plan = buildPlan(a);
    expect(plan.existing?.certificates).toEqual([{ id: "CERT", owner: "WEBSRV", label: "Web Server" }]);
    expect(plan.existing?.authorities).toEqual([{ id: "CA", owner: "CERTAUTH", label: "Sample Root CA" }]);
    expect(plan.certificates).toBeUndefined();
    await expectRc0(a, c);
  });
});

describe("wizard flow: warnings and the simulated outcome while answering", () => {
  it("another user's key under FACILITY: the choice shows RC 428, the flow says so and offers RDATALIB", async () => {
    const { a, p } = await run([
      ["preset", "attls-server"],
      ["user", "TCPIP"],
      ["ring-owner", "FTPD"],
      ["ring", D],
      ["cert-source", D],
      ["client-auth", D],
      ["host", "ftp.example.com"],
      ["ip", "10.1.2.3"],
      ["subject", D],
      ["key", D],
      ["permissions", "facility"],
      ["use-rdatalib", true],
      ["days", D],
      ["job-name", D],
      ["accounting", D],
    ]);
    expect(p.notes.some((n) => /TCPIP will use FTPD's private key.*RC 428/.test(n))).toBe(true);
    expect(p.notes.some((n) => /FACILITY fails here: RC 428/.test(n))).toBe(true);
    expect(a.permissions).toBe("rdatalib");
    await expectRc0(a);
  });

  it("the ring exists: warned before, reused (existing: true), the RDATALIB profile that decides is named", async () => {
    const c = await ctx(siteState());
    const { a, p } = await run(
      [
        ["preset", "attls-server"],
        ["user", "WEBSRV"],
        ["ring-owner", D],
        ["ring", "WebRing"],
        ["cert-source", D],
        ["ca-label", D],
        ["client-auth", D],
        ["host", "web02.sample.example"],
        ["ip", D],
        ["subject", D],
        ["key", D],
        ["permissions", D],
        ["days", D],
        ["job-name", D],
        ["accounting", D],
      ],
      c,
    );
    expect(p.notes.some((n) => /WEBSRV\/WebRing exists already/.test(n))).toBe(true);
    expect(p.notes.some((n) => /RDATALIB WEBSRV\.WEBRING\.LST already decides/.test(n))).toBe(true);
    const plan = buildPlan(a);
    expect(plan.rings?.[0]?.existing).toBe(true);
    // the CA is on the ring already, and its default ("Web Server") stays: the app names its certificate
    expect(plan.rings?.[0]?.connect).toEqual([{ certificate: "CERT" }]);
    expect(plan.applications?.[0]?.certificate).toBe("CERT");
    expect(p.notes.some((n) => /Its default is "Web Server" and stays so/.test(n))).toBe(true);
    await expectRc0(a, c);
  });

  it("validates the ring name as typed and spells out case sensitivity", async () => {
    const p = new ScriptedPrompter([
      ["preset", D],
      ["user", "U1"],
      ["ring-owner", D],
    ]);
    await expect(runFlow(p, await ctx())).rejects.toThrow(/expected question|unexpected question/);
    const ring = p.questions.find((q) => q.id === "ring");
    expect(ring?.help).toMatch(/case-sensitive/);
    expect(ring?.validate?.("my ring")).toMatch(/no blanks/);
    expect(ring?.validate?.("x".repeat(238))).toMatch(/237/);
    expect(ring?.validate?.("My.Ring_1")).toBe(true);
  });

  it("a flag answers its question without asking; a bad flag value is a usage error", async () => {
    const flags = { preset: "ftp", user: "FTPD", host: "ftp.example.com" };
    const { a } = await run(
      [
        ["ring-owner", D],
        ["ring", D],
        ["cert-source", D],
        ["client-auth", D],
        ["ip", D],
        ["subject", D],
        ["key", D],
        ["permissions", D],
        ["days", D],
        ["job-name", D],
        ["accounting", D],
      ],
      await ctx(null, flags),
    );
    expect(a.user).toBe("FTPD");
    await expect(runFlow(new ScriptedPrompter([]), await ctx(null, { preset: "nope" }))).rejects.toThrow(
      UsageError,
    );
    await expect(
      runFlow(
        new ScriptedPrompter([
          ["preset", D],
          ["user", "U1"],
          ["ring-owner", D],
        ]),
        await ctx(null, { ring: "a b" }),
      ),
    ).rejects.toThrow(/--ring "a b": only letters/);
  });
});
