import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/io.js";

const COMMANDS = ["model", "simulate", "explain", "audit", "generate", "lint-jcl", "synth"];

describe("racfring CLI", () => {
  it("lists every command in --help and exits 0", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c}`);
    expect(r.stdout).toContain("Exit codes");
  });

  it("without a command prints the help and exits 0", async () => {
    const r = await cli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Commands:");
  });

  it("rejects an unknown command with exit 2", async () => {
    const r = await cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it.each(COMMANDS)("%s --help lists options, examples and exit codes", async (name) => {
    const r = await cli([name, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`racfring ${name}`);
    expect(r.stdout).toMatch(/Options:\n/);
    expect(r.stdout).toMatch(/Examples:\n {2}racfring /);
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 /);
  });

  it("reports an unknown flag as a usage error with the usage line", async () => {
    const r = await cli(["model", "--jlc", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: racfring model");
  });

  it("model without inputs is a usage error", async () => {
    const r = await cli(["model"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no input given");
  });

  it("a missing input file exits 3 and names the file", async () => {
    const r = await cli(["model", "--jcl", "does/not/exist.jcl"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("does/not/exist.jcl: cannot read input (no such file)");
  });

  it("a malformed --dataset is a usage error", async () => {
    const r = await cli(["model", "--jcl", "samples/site/setup.jcl", "--dataset", "NOEQUALS"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("expected NAME=FILE");
  });

  it("a bad --ran-at date is a usage error", async () => {
    const r = await cli(["model", "--jcl", "samples/site/setup.jcl", "--ran-at", "2026-02-30"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not a valid date");
  });

  it("an invalid model JSON exits 3 with file and line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "racfring-"));
    const f = join(dir, "bad.json");
    await writeFile(f, '{\n  "users": [\n    {"id": "A",}\n  ]\n}\n');
    const r = await cli(["model", "--model", f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:3:`);
  });

  it("model --json reads back through --model without loss", async () => {
    const args = [
      "model",
      "--jcl",
      "samples/site/setup.jcl",
      "--dataset",
      "SECADM.PARTNER.CA.PEM=samples/site/partner-ca.pem",
      "--ran-at",
      "2026-03-01",
    ];
    const first = await cli([...args, "--json"]);
    expect(first.code).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), "racfring-"));
    const f = join(dir, "site.json");
    await writeFile(f, first.stdout);
    const second = await cli(["model", "--model", f, "--json"]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(await readFile(f, "utf8")));
  });
});
