/**
 * A value the TSO layout refuses (UnsafeValueError) is a problem of the plan: generate reports
 * it naming the plan file and exits 3, as its --help says (review finding: help said 1).
 * No plan that passes validation is known to reach the refusal, so the TSO layout is made to
 * refuse here.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { AT, generateSample, ROOT } from "./helpers/gen.js";

vi.mock("../../src/gen/tso.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/gen/tso.js")>();
  return {
    ...real,
    formatTsoCommand: (command: string) => {
      if (command.includes("FTP Server 2026"))
        throw new real.UnsafeValueError("cannot split \"'FTP Server 2026'\" safely within column 71");
      return real.formatTsoCommand(command);
    },
  };
});

describe("generate: values that cannot be written safely", () => {
  it("come back as refusals, not as simulation errors", async () => {
    const r = await generateSample("ftps-racf-ca.yaml");
    expect(r.refusals).toEqual([
      "jcl/01-setup.jcl step CERTS: cannot split \"'FTP Server 2026'\" safely within column 71",
    ]);
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual([]);
  });

  it("exit 3 with the plan file named, and nothing written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-refuse-"));
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t), isTTY: false, cwd: dir, now: () => AT };
    const plan = join(ROOT, "samples/plans/ftps-racf-ca.yaml");
    expect(await runCli(["generate", plan, "-o", "out"], io)).toBe(3);
    expect(err.join("")).toContain(`${plan}: refused: jcl/01-setup.jcl step CERTS: cannot split`);
    expect(err.join("")).toMatch(/cannot be written safely; nothing written/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
