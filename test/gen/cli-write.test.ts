/**
 * `racfring generate` writing the output directory (review findings): every target is checked
 * before anything is written, files are staged and moved into place only when all were
 * written, files of an earlier run are reported, and a YAML alias bomb is a located plan
 * error — all with exit 3, never a crash.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, writeAll } from "../../src/cli/commands/generate.js";
import { runCli } from "../../src/cli/main.js";
import { ioIn, tempDir } from "../helpers/cli.js";
import { ROOT } from "./helpers/gen.js";

const FTPS = join(ROOT, "samples/plans/ftps-racf-ca.yaml");
const PER_PHASE = join(ROOT, "samples/plans/external-ca-pkcs12.yaml");

const tmp = () => tempDir("racfring-genw-");

describe("generate: targets are checked before anything is written", () => {
  it("-o naming an existing file: exit 3 with a message, the file untouched (was: ENOTDIR crash)", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "afile"), "mine\n");
    const c = ioIn(dir);
    expect(await runCli(["generate", FTPS, "-o", "afile"], c.io)).toBe(3);
    expect(c.err.join("")).toMatch(/afile is not a directory/);
    expect(c.err.join("")).toMatch(/nothing written/);
    expect(readFileSync(join(dir, "afile"), "utf8")).toBe("mine\n");
    expect(readdirSync(dir)).toEqual(["afile"]);
  });

  it("a file where a subdirectory (jcl/) belongs: exit 3, nothing written", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out/jcl"), "x");
    const c = ioIn(dir);
    expect(await runCli(["generate", FTPS, "-o", "out"], c.io)).toBe(3);
    expect(c.err.join("")).toMatch(/out\/jcl is not a directory/);
    expect(await listFiles(join(dir, "out"))).toEqual(["jcl"]);
  });

  it("--force with a target that is a directory: exit 3 before any file is replaced (was: crash after 2 of 4)", async () => {
    const dir = tmp();
    expect(await runCli(["generate", FTPS, "-o", "out"], ioIn(dir).io)).toBe(0);
    writeFileSync(join(dir, "out/jcl/01-setup.jcl"), "edited\n");
    writeFileSync(join(dir, "out/README.md"), "edited\n");
    rmSync(join(dir, "out/jcl/90-verify.jcl"));
    mkdirSync(join(dir, "out/jcl/90-verify.jcl"));
    const c = ioIn(dir);
    expect(await runCli(["generate", FTPS, "-o", "out", "--force"], c.io)).toBe(3);
    expect(c.err.join("")).toMatch(/90-verify\.jcl is a directory; racfring only replaces regular files/);
    expect(readFileSync(join(dir, "out/jcl/01-setup.jcl"), "utf8")).toBe("edited\n");
    expect(readFileSync(join(dir, "out/README.md"), "utf8")).toBe("edited\n");
    // no staging directory or temporary file left behind
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["README.md", "jcl"]);
  });

  it("a failure while writing leaves the output directory as it was (staging)", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(join(out, "keep.txt"), "mine\n");
    // the second file cannot be staged: its parent is the first file
    const r = await writeAll(
      out,
      [
        { path: "jcl/a.jcl", contents: "a\n", mode: 0o644 },
        { path: "jcl/a.jcl/b.jcl", contents: "b\n", mode: 0o644 },
      ],
      true,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/cannot write .*b\.jcl .*nothing written/);
    expect(await listFiles(out)).toEqual(["keep.txt"]);
  });

  it("a failure while writing into a new output directory removes the directory it created", async () => {
    const dir = tmp();
    const r = await writeAll(
      join(dir, "new/out"),
      [
        { path: "x", contents: "a\n", mode: 0o644 },
        { path: "x/y", contents: "b\n", mode: 0o644 },
      ],
      false,
    );
    expect(r.ok).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("generate: files of an earlier run", () => {
  it("--force into an earlier per-phase output warns about the jobs this run did not write, and keeps them", async () => {
    const dir = tmp();
    expect(await runCli(["generate", PER_PHASE, "-o", "out"], ioIn(dir).io)).toBe(0);
    const single = readFileSync(PER_PHASE, "utf8").replace("split: per-phase", "split: single");
    writeFileSync(join(dir, "single.yaml"), single);
    const c = ioIn(dir);
    expect(await runCli(["generate", "single.yaml", "-o", "out", "--force"], c.io)).toBe(0);
    const err = c.err.join("");
    expect(err).toMatch(/warning: 8 file\(s\) in .* are from an earlier run/);
    for (const f of ["01-authorities", "02-requests", "08-refresh"])
      expect(err).toContain(`  jcl/${f}.jcl\n`);
    expect(err).not.toContain("jcl/01-setup.jcl");
    expect(err).not.toContain("openssl/");
    // left in place, not deleted
    expect(readdirSync(join(dir, "out/jcl"))).toContain("01-authorities.jcl");
  });

  it("says nothing when the output directory holds only this run's files", async () => {
    const dir = tmp();
    expect(await runCli(["generate", FTPS, "-o", "out"], ioIn(dir).io)).toBe(0);
    const c = ioIn(dir);
    expect(await runCli(["generate", FTPS, "-o", "out", "--force"], c.io)).toBe(0);
    expect(c.err.join("")).not.toMatch(/earlier run/);
  });
});

describe("generate: hostile plan files", () => {
  it("a YAML alias bomb is a located plan error with exit 3 (was: crash 'Excessive alias count')", async () => {
    const dir = tmp();
    const lines = ["racfringPlan: 1", 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
      ["f", "e"],
    ])
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    writeFileSync(join(dir, "bomb.yaml"), `${lines.join("\n")}\n`);
    const c = ioIn(dir);
    expect(await runCli(["generate", "bomb.yaml", "-o", "out"], c.io)).toBe(3);
    expect(c.err.join("")).toMatch(
      /^bomb\.yaml:3:\d+: \(syntax\): cannot load the plan: Excessive alias count/m,
    );
    expect(readdirSync(dir)).toEqual(["bomb.yaml"]);
  });
});

describe("generate --help", () => {
  it("documents exit 3 for values that cannot be written safely, as generate behaves", async () => {
    const c = ioIn(tmp());
    expect(await runCli(["generate", "--help"], c.io)).toBe(0);
    const help = c.out.join("");
    expect(help).toMatch(/ 3 {2}[^\n]*(\n {5}[^\n]*)*cannot\s+be\s+written\s+safely/);
    expect(help).not.toMatch(/ 1 {2}[^\n]*(\n {5}[^\n]*)*cannot\s+be\s+written\s+safely/);
  });
});
