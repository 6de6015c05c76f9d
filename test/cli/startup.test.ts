/**
 * What a command loads before it reads anything. An audit or model of an IRRDBU00 unload never
 * parses a certificate, and @peculiar/x509 with its ASN.1 schemas is a sixth of a second of
 * start-up (issue 10: the 1M-record audit has a budget of 3 s). These commands must load it
 * only when an input needs it (a certificate file, a data set named in JCL).
 *
 * The check runs the built modules in a fresh process and looks at the CommonJS module cache,
 * where Node keeps the CommonJS packages an ES module imported.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

/** The packages under node_modules loaded by importing `modules` (paths under dist/). */
function packagesLoadedBy(...modules: string[]): string[] {
  const script = `
    for (const m of ${JSON.stringify(modules.map((m) => join(ROOT, "dist", m)))}) await import(m);
    const { createRequire } = await import("node:module");
    const cache = createRequire(import.meta.url).cache;
    const names = new Set();
    for (const file of Object.keys(cache)) {
      const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
      if (m) names.add(m[1].replace(/\\\\/g, "/"));
    }
    console.log(JSON.stringify([...names].sort()));
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  return JSON.parse(out) as string[];
}

describe("start-up of the commands that read unloads", () => {
  it("the audit and model commands do not load @peculiar/x509 until an input needs it", () => {
    const loaded = packagesLoadedBy("cli/commands/audit.js", "cli/commands/model.js", "readers/unload.js");
    expect(loaded.filter((p) => p.startsWith("@peculiar/"))).toEqual([]);
  });

  it("the probe sees the package once the JCL reader (which applies RACDCERT ADD) is loaded", () => {
    // Without this, a probe that saw nothing would pass the test above whatever was loaded.
    const loaded = packagesLoadedBy("racf/reader.js");
    expect(loaded).toContain("@peculiar/x509");
  });
});
