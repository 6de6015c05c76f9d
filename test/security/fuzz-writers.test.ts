/**
 * Issue #9, tests: arbitrary strings in every name field of the model (model JSON → audit
 * --fix-jcl), every string field of a plan (→ generate) and every value of an AT-TLS policy
 * (→ simulate) give either a located refusal or output that reads back, lints clean and holds
 * no JCL statement racfring did not write. Seeded; run counts kept modest for the suite.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinTsoLines } from "../../src/gen/tso.js";
import { lintFiles, lintJcl } from "../../src/lint/lint.js";
import { tokenizeText } from "../../src/racf/tokenizer.js";
import { templatesOnce } from "../gen/helpers/gen.js";
import { cli } from "../helpers/io.js";
import { instream, onlyOurStatements } from "./fix-job-shape.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SITE = join(ROOT, "samples", "site");
const AT = "2026-06-01";
const SEED = 9_010;
/** Characters no output may carry unescaped (terminal control, bidi overrides). */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** What an attacker puts in a name: statement starts, quote and parenthesis breaks, controls. */
const FRAGMENTS = [
  "\n//EVIL EXEC PGM=IEFBR14\n",
  "\r\n//EVIL DD *\n",
  "/*EVIL",
  "*/ //EVIL",
  "'",
  "Bob's",
  ") ID(EVIL) ACCESS(ALTER",
  "'R) ID(EVIL) ACCESS(ALTER'",
  "&SYSUID",
  "$(touch /tmp/racfring-canary)",
  "`id`",
  "\u001b[2J",
  "\u009b",
  "\u202e",
  "\u0000",
  "-",
  "+",
  "\\",
  '"',
  "<script>",
  "é€",
  "X".repeat(300),
];

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(...FRAGMENTS),
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 }))
    .map(([a, b, c]) => a + b + c),
);

/** Every string leaf of a JSON value, by path. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function setPath(root: unknown, path: (string | number)[], v: string): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = v;
  return copy;
}

/** A located message: `file:line` (and maybe a column) of the input that was refused. */
function locatedIn(text: string, file: string): boolean {
  return new RegExp(`${file.replace(/\./g, "\\.")}:\\d+`).test(text);
}

describe("fuzz: model JSON names → audit --fix-jcl", async () => {
  const dir = mkdtempSync(join(tmpdir(), "racfring-fuzz-model-"));
  const base = await cli(
    ["model", "--jcl", join(SITE, "setup.jcl"), "--listing", join(SITE, "listring.txt"), "--json"],
    { cwd: dir },
  );
  const model = JSON.parse(base.stdout) as Record<string, unknown>;
  // the names RACF holds, as the model JSON carries them
  const NAME_FIELD =
    /^(users\.\d+\.(id|defaultGroup|groups\.\d+)|certificates\.\d+\.(label|subject|issuer|altNames\.\d+\.value)|rings\.\d+\.(name|owner|connections\.\d+\.label)|profiles\.\d+\.(name|applData|stdata\.(user|group)|access\.\d+\.id))$/;
  const paths = stringPaths(model).filter((p) => NAME_FIELD.test(p.join(".")));

  it("the sample model has name fields of every kind to fuzz", () => {
    const kinds = new Set(paths.map((p) => `${p[0]}.${p[p.length - 1]}`));
    for (const k of ["users.id", "certificates.label", "rings.name", "rings.label", "profiles.name"])
      expect(
        [...kinds].some((x) => x.startsWith(k.split(".")[0] ?? "") && x.endsWith(k.split(".")[1] ?? "")),
      ).toBe(true);
  });

  it("any string in any name field: a located refusal, or a fix job with only racfring's statements that reads back and lints clean", async () => {
    let jobs = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: paths.length - 1 }), hostile, async (which, value) => {
        const path = paths[which] ?? [];
        writeFileSync(join(dir, "m.json"), JSON.stringify(setPath(model, path, value)));
        rmSync(join(dir, "f.jcl"), { force: true });
        const r = await cli(["audit", "--model", "m.json", "--at", AT, "--fix-jcl", "f.jcl"], { cwd: dir });
        const all = r.stdout + r.stderr;
        expect(all).not.toMatch(RAW);
        expect([0, 1, 3]).toContain(r.code);
        if (r.code === 3) {
          refused++;
          expect(locatedIn(all, "m.json"), all.slice(-400)).toBe(true);
        }
        if (!existsSync(join(dir, "f.jcl"))) return;
        const job = readFileSync(join(dir, "f.jcl"), "utf8");
        if (instream(job).some((l) => l.startsWith("RACDCERT") || l.startsWith("PERMIT"))) jobs++;
        onlyOurStatements(job);
        expect(job).not.toMatch(RAW);
        for (const l of job.split("\n")) expect(l.length).toBeLessThanOrEqual(71);
        // every command reads back without a syntax error
        for (const cmd of joinTsoLines(instream(job).filter((l) => !l.startsWith(" /*"))))
          expect(
            tokenizeText(cmd).issues.filter((i) => i.severity === "error"),
            cmd,
          ).toEqual([]);
        expect(lintJcl(job, "f.jcl").errors).toBe(0);
      }),
      { numRuns: 100, seed: SEED },
    );
    // both outcomes were exercised: the property is not passing on refusals alone
    expect(jobs).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });
});

describe("fuzz: plan fields → generate", async () => {
  const { parse } = await import("yaml");
  const { generate } = await import("../../src/gen/generate.js");
  const file = "samples/plans/ftps-racf-ca.yaml";
  const plan = parse(readFileSync(join(ROOT, file), "utf8")) as Record<string, unknown>;
  const paths = stringPaths(plan).filter((p) => p[0] !== "racfringPlan");
  const templates = await templatesOnce();
  const run = (p: unknown) =>
    generate(JSON.stringify(p, null, 1), "plan.json", { templates, at: new Date(`${AT}T00:00:00Z`) });
  const baseline = run(plan);
  /** Named JCL statements and delimiters per file: what an injected line would add to. */
  const shape = (text: string) => ({
    statements: text.split("\n").filter((l) => /^\/\/[^*\s]/.test(l)).length,
    delimiters: text.split("\n").filter((l) => l.startsWith("/*")).length,
  });

  it("the sample plan generates cleanly and has string fields to fuzz", () => {
    expect(baseline.planIssues).toEqual([]);
    expect(baseline.errors).toEqual([]);
    expect(paths.length).toBeGreaterThan(20);
  });

  it("any string in any plan field: a located refusal, or jobs with the same statements that lint clean", async () => {
    let generated = 0;
    let refused = 0;
    await fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), hostile, (which, value) => {
        const path = paths[which] ?? [];
        const r = run(setPath(plan, path, value));
        if (r.planIssues.length > 0 || r.refusals.length > 0) refused++;
        if (r.planIssues.length > 0) {
          for (const i of r.planIssues) {
            expect(i.file).toBe("plan.json");
            expect(i.line).toBeGreaterThanOrEqual(1);
            expect(i.column).toBeGreaterThanOrEqual(1);
          }
          return;
        }
        if (r.refusals.length > 0) return;
        // a value the plan accepted: the read-back of the jobs found nothing wrong
        generated++;
        expect(r.errors, `${path.join(".")}=${JSON.stringify(value)}`).toEqual([]);
        const jcl = r.files.filter((f) => f.path.endsWith(".jcl"));
        expect(jcl.map((f) => f.path)).toEqual(
          baseline.files.filter((f) => f.path.endsWith(".jcl")).map((f) => f.path),
        );
        for (const f of jcl) {
          const before = baseline.files.find((b) => b.path === f.path)?.contents ?? "";
          expect(shape(f.contents), `${f.path} with ${path.join(".")}=${JSON.stringify(value)}`).toEqual(
            shape(before),
          );
          for (const l of f.contents.split("\n")) {
            expect(l.length, l).toBeLessThanOrEqual(80);
            // a value may sit quoted inside a statement (the programmer name), never start one
            expect(l, f.path).not.toMatch(/^(\/\/|\/\*)EVIL/);
          }
        }
        const setup = r.jobs
          .filter((j) => j.kind === "setup")
          .map((j) => ({ file: j.file, text: r.files.find((x) => x.path === j.file)?.contents ?? "" }));
        for (const res of lintFiles(setup)) expect(res.errors, res.file).toBe(0);
        for (const f of r.files) expect(f.contents, f.path).not.toMatch(RAW);
      }),
      { numRuns: 150, seed: SEED },
    );
    expect(generated).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });
});

/** RACF commands in a text report: a line starting with a verb, and its `-` continuations. */
function printedCommands(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of text.split("\n")) {
    if (current.length === 0 && !/^(RACDCERT|PERMIT|RDEFINE|RALTER|SETROPTS|ALTUSER) /.test(line)) continue;
    current.push(line);
    if (!line.trimEnd().endsWith(" -")) {
      out.push(...joinTsoLines(current));
      current = [];
    }
  }
  return out;
}

describe("fuzz: AT-TLS policy values → simulate", () => {
  const dir = mkdtempSync(join(tmpdir(), "racfring-fuzz-policy-"));
  const policy = readFileSync(join(SITE, "pagent.conf"), "utf8");
  // every `Keyword  value` line: the value is replaced
  const valueLines = policy
    .split("\n")
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => /^\s*\w+\s+\S/.test(l) && !l.trim().startsWith("#"));

  it("any value: a located error, or a prediction whose output carries no control character and no JCL statement", async () => {
    expect(valueLines.length).toBeGreaterThan(20);
    let predicted = 0;
    let commands = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: valueLines.length - 1 }), hostile, async (which, value) => {
        const { l, i } = valueLines[which] ?? { l: "", i: 0 };
        const lines = policy.split("\n");
        lines[i] = l.replace(/^(\s*\w+\s+).*$/, (_m, kw: string) => `${kw}${value}`);
        writeFileSync(join(dir, "p.conf"), lines.join("\n"));
        const r = await cli(
          [
            "simulate",
            "--jcl",
            join(SITE, "setup.jcl"),
            "--policy",
            "p.conf",
            "--jobname",
            "FTPD",
            "--started",
            "FTPD",
            "--at",
            AT,
          ],
          { cwd: dir },
        );
        const all = r.stdout + r.stderr;
        expect(all).not.toMatch(RAW);
        expect([0, 1, 2, 3, 4]).toContain(r.code);
        if (r.code === 3)
          expect(locatedIn(all, "p.conf") || /setup\.jcl:\d+/.test(all), all.slice(-400)).toBe(true);
        // simulate writes no JCL: no output line may read as a statement or a delimiter
        for (const out of all.split("\n")) expect(out).not.toMatch(/^(\/\/|\/\*)/);
        if (!r.stdout.startsWith("Simulating")) return;
        predicted++;
        // the fix commands it prints read back without a syntax error
        for (const cmd of printedCommands(r.stdout)) {
          commands++;
          expect(
            tokenizeText(cmd).issues.filter((x) => x.severity === "error"),
            cmd,
          ).toEqual([]);
        }
      }),
      { numRuns: 100, seed: SEED },
    );
    expect(predicted).toBeGreaterThan(10);
    expect(commands).toBeGreaterThan(10);
  });
});
