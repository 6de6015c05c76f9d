import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadTemplates } from "../../../src/cli/commands/generate.js";
import { type GenerateResult, generate } from "../../../src/gen/generate.js";
import type { TemplateSources } from "../../../src/gen/render.js";

export const ROOT = join(import.meta.dirname, "../../..");
export const PLANS_DIR = join(ROOT, "samples/plans");
/** All sample plans are valid on this date (see their validity). */
export const AT = new Date("2026-06-01T00:00:00Z");

let templates: TemplateSources | null = null;
export async function templatesOnce(): Promise<TemplateSources> {
  templates ??= await loadTemplates();
  return templates;
}

export function samplePlans(): string[] {
  return readdirSync(PLANS_DIR)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".json"))
    .sort();
}

export async function generateSample(planFile: string): Promise<GenerateResult> {
  const rel = `samples/plans/${planFile}`;
  return generate(readFileSync(join(ROOT, rel), "utf8"), rel, { templates: await templatesOnce(), at: AT });
}

export async function generateText(text: string, file = "plan.yaml", at = AT): Promise<GenerateResult> {
  return generate(text, file, { templates: await templatesOnce(), at });
}
