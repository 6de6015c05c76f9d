/**
 * The sample plans: every generated file is snapshotted, every job lints clean, every
 * application simulates to RC 0, and jcl/<plan>/ in the repository matches a fresh generation.
 * Refresh jcl/ after a deliberate change with: UPDATE_JCL=1 npx vitest run test/gen/samples.test.ts
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFiles, lintJcl } from "../../src/lint/lint.js";
import { generateSample, ROOT, samplePlans } from "./helpers/gen.js";

const plans = samplePlans();

describe("sample plans", () => {
  it("there are at least three", () => {
    expect(plans.length).toBeGreaterThanOrEqual(3);
  });

  for (const plan of plans) {
    describe(plan, () => {
      it("generates without errors, every application predicts RC 0", async () => {
        const r = await generateSample(plan);
        expect(r.planIssues).toEqual([]);
        expect(r.errors).toEqual([]);
        expect(r.simulations.length).toBeGreaterThan(0);
        for (const s of r.simulations)
          expect({ app: s.app.name, rc: s.result.rc }).toEqual({ app: s.app.name, rc: 0 });
      });

      it("snapshots every generated file", async () => {
        const r = await generateSample(plan);
        for (const f of r.files) expect(f.contents).toMatchSnapshot(f.path);
      });

      it("every job lints clean on its own (verify, backout) and the setup jobs as one sequence", async () => {
        const r = await generateSample(plan);
        const setup = r.jobs
          .filter((j) => j.kind === "setup")
          .map((j) => ({ file: j.file, text: r.files.find((f) => f.path === j.file)?.contents ?? "" }));
        // A plan that builds on existing objects (existing:) builds on the sample site: its
        // setup jobs are linted after the site's own job, which made those objects.
        const planText = readFileSync(join(ROOT, "samples/plans", plan), "utf8");
        const site = /^existing:/m.test(planText)
          ? [{ file: "site.jcl", text: readFileSync(join(ROOT, "samples/site/setup.jcl"), "utf8") }]
          : [];
        // "clean": no errors or warnings; info notes (e.g. check a shared profile exists) may remain
        for (const res of lintFiles([...site, ...setup]).slice(site.length))
          expect(res.issues.filter((i) => i.severity !== "info")).toEqual([]);
        for (const j of r.jobs.filter((x) => x.kind !== "setup")) {
          const text = r.files.find((f) => f.path === j.file)?.contents ?? "";
          expect(lintJcl(text, j.file).issues.filter((i) => i.severity !== "info")).toEqual([]);
        }
      });

      it("jcl/ in the repository is up to date", async () => {
        const r = await generateSample(plan);
        const name = basename(plan).replace(/\.(yaml|json)$/, "");
        const dir = join(ROOT, "jcl", name);
        const jcl = r.files.filter((f) => f.path.startsWith("jcl/"));
        if (process.env.UPDATE_JCL === "1") {
          mkdirSync(dir, { recursive: true });
          for (const f of jcl) writeFileSync(join(dir, basename(f.path)), f.contents);
        }
        expect(
          existsSync(dir),
          `${dir} is missing; run UPDATE_JCL=1 npx vitest run test/gen/samples.test.ts`,
        ).toBe(true);
        expect(readdirSync(dir).sort()).toEqual(jcl.map((f) => basename(f.path)).sort());
        for (const f of jcl) {
          expect(
            readFileSync(join(dir, basename(f.path)), "utf8"),
            `jcl/${name}/${basename(f.path)} is stale`,
          ).toBe(f.contents);
        }
      });
    });
  }
});
