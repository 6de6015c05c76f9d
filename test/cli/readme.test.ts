import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/io.js";

/**
 * The README's command reference is each command's --help, verbatim, between markers. Refresh it
 * with `UPDATE_README=1 npx vitest run test/cli/readme.test.ts` and review the diff.
 */
const COMMANDS = [
  "model",
  "simulate",
  "explain",
  "diagnose",
  "audit",
  "generate",
  "wizard",
  "lint-jcl",
  "synth",
];

function block(name: string, help: string): string {
  return `<!-- help:${name} -->\n<details><summary><code>racfring ${name} --help</code></summary>\n\n\`\`\`\n${help.trimEnd()}\n\`\`\`\n\n</details>\n<!-- /help:${name} -->`;
}

describe("README", () => {
  it("shows every command's current --help", async () => {
    let readme = readFileSync("README.md", "utf8");
    for (const name of COMMANDS) {
      // as a standard 80-column terminal shows it
      const help = (await cli([name, "--help"], { columns: 80 })).stdout;
      const re = new RegExp(`<!-- help:${name} -->[\\s\\S]*?<!-- /help:${name} -->`);
      expect(readme, `README has no help block for ${name}`).toMatch(re);
      const expected = block(name, help);
      if (process.env.UPDATE_README) readme = readme.replace(re, () => expected);
      else expect(readme.match(re)?.[0]).toBe(expected);
    }
    if (process.env.UPDATE_README) writeFileSync("README.md", readme);
  });

  it("gives the two set-up commands CI and new users run", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain("npm ci && npm test");
    expect(readme).toMatch(/npm ci && npx racfring audit --jcl samples\/site\/setup\.jcl/);
    expect(readFileSync(".ci/run", "utf8")).toMatch(/^npm test$/m);
  });
});
