/** Issue #9 item 4 (writes stay inside the output directory, all or nothing) and item 11 (honest messages). */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAll } from "../../src/cli/commands/generate.js";
import { cli } from "../helpers/io.js";

const PLAN = resolve("samples/plans/external-ca-pkcs12.yaml");
const tmp = () => mkdtempSync(join(tmpdir(), "racfring-writes-"));

describe("issue 9.4: writes stay inside the output directory and are all-or-nothing", () => {
  it("generate -o o refuses when o/jcl is a symbolic link, and writes nothing anywhere", async () => {
    const dir = tmp();
    const outside = join(dir, "outside");
    mkdirSync(outside);
    mkdirSync(join(dir, "o"));
    symlinkSync(outside, join(dir, "o", "jcl"));
    const r = await cli(["generate", PLAN, "-o", "o", "--at", "2027-01-01"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/o\/jcl is a symbolic link; racfring writes only inside/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(dir, "o"))).toEqual(["jcl"]);
  });

  it("a failure while moving files into place puts every replaced file back", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.txt"), "old a\n");
    writeFileSync(join(dir, "b"), "a file where a directory is needed\n");
    const r = await writeAll(
      dir,
      [
        { path: "a.txt", contents: "new a\n", mode: 0o644 },
        { path: "b/c.txt", contents: "new c\n", mode: 0o644 },
      ] as never,
      true,
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.message).toMatch(/every file was put back as it was, nothing written/);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("old a\n");
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "b"]);
  });

  it("audit -o and --fix-jcl: both targets are checked before either is written", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "f.jcl"), "mine\n");
    writeFileSync(
      join(dir, "m.json"),
      JSON.stringify({ racfringModel: 1, rings: [{ owner: "A", name: "R", connections: [] }] }),
    );
    const r = await cli(
      ["audit", "--model", "m.json", "--at", "2026-06-01", "-o", "r.txt", "--fix-jcl", "f.jcl"],
      { cwd: dir },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/f\.jcl already exists; use --force/);
    expect(existsSync(join(dir, "r.txt"))).toBe(false);
    expect(readFileSync(join(dir, "f.jcl"), "utf8")).toBe("mine\n");
  });
});

describe("issue 9.11: honest generate messages", () => {
  it("--dry-run reports the files a run without --force would refuse", async () => {
    const dir = tmp();
    const first = await cli(["generate", PLAN, "-o", "o", "--at", "2027-01-01"], { cwd: dir });
    expect(first.code).toBe(0);
    const r = await cli(["generate", PLAN, "-o", "o", "--at", "2027-01-01", "--dry-run"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/README\.md \(\d+ bytes, mode 644\) — exists: refused without --force/);
    expect(r.stderr).toMatch(/already exist; a run without --force would refuse and write nothing/);
  });
});
