import { spawnSync } from "node:child_process";
import { existsSync, lstatSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/cli/errors.js";
import { writeFileSafe } from "../../src/cli/files.js";
import { sanitizeText } from "../../src/cli/inputs.js";
import { cli } from "../helpers/io.js";

async function tmp(): Promise<string> {
  return mkdtemp(join(tmpdir(), "racfring-robust-"));
}

describe("writing files: nothing the user had is lost", () => {
  it("refuses to replace a directory, even with force", async () => {
    const dir = await tmp();
    await mkdir(join(dir, "report.json"));
    await expect(writeFileSafe(join(dir, "report.json"), "x", { force: true })).rejects.toThrow(
      /is a directory/,
    );
  });

  it("refuses to replace a symbolic link, even with force, and leaves it a link", async () => {
    const dir = await tmp();
    await writeFile(join(dir, "target.txt"), "keep me");
    await symlink(join(dir, "target.txt"), join(dir, "link.txt"));
    await expect(writeFileSafe(join(dir, "link.txt"), "x", { force: true })).rejects.toThrow(/symbolic link/);
    expect(lstatSync(join(dir, "link.txt")).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, "target.txt"), "utf8")).toBe("keep me");
  });

  it("refuses to write under a path whose parent is a file, as an input error, leaving no temp file", async () => {
    const dir = await tmp();
    await writeFile(join(dir, "file"), "x");
    const err = await writeFileSafe(join(dir, "file", "out.jcl"), "x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((await readdir(dir)).filter((f) => f.startsWith(".racfring-tmp"))).toEqual([]);
  });

  it("replaces a regular file only with force", async () => {
    const dir = await tmp();
    const f = join(dir, "out.txt");
    await writeFile(f, "old");
    await expect(writeFileSafe(f, "new")).rejects.toThrow(/already exists; use --force/);
    await writeFileSafe(f, "new", { force: true });
    expect(await readFile(f, "utf8")).toBe("new");
  });
});

describe("hostile and wrong inputs", () => {
  it("a binary file given as JCL is an input error, not garbage", async () => {
    const dir = await tmp();
    const f = join(dir, "load.bin");
    await writeFile(f, Buffer.from([0x00, 0x01, 0xc1, 0xc2, 0x00, 0xff]));
    const r = await cli(["model", "--jcl", f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("is a binary file");
  });

  it("a directory given as an unload is an input error", async () => {
    const r = await cli(["model", "--unload", tmpdir()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("a directory; racfring reads only regular files");
  });

  it("terminal control sequences in input never reach the output", async () => {
    const dir = await tmp();
    const f = join(dir, "evil.jcl");
    await writeFile(
      f,
      "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('x')) WITHLABEL('\u001b[2JCA\u0007')\nFROB\u001b]0;pwned\u0007\n",
    );
    const r = await cli(["model", "--jcl", f]);
    expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(r.stdout).toContain("[control-character]");
  });

  it("sanitizeText locates the first control character and counts them", () => {
    const s = sanitizeText("ok\nab\u001bc\u0007\n\tfine\f");
    expect(s).toMatchObject({ count: 2, first: { line: 2, column: 3 } });
    expect(s.text).toBe("ok\nab\uFFFDc\uFFFD\n\tfine\f");
  });

  it("a JSON that is not a model (an audit report) is refused by --model", async () => {
    const dir = await tmp();
    const f = join(dir, "report.json");
    await writeFile(f, JSON.stringify({ findings: [], applications: [], summary: {} }));
    const r = await cli(["model", "--model", f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("not a racfring model JSON");
  });
});

describe("the built CLI in a pipe", () => {
  it.skipIf(!existsSync("dist/cli/main.js"))(
    "exits quietly when the reader closes the pipe early (EPIPE)",
    async () => {
      // Output far larger than a pipe buffer, so the writer is still writing when head exits.
      const dir = await tmp();
      const deck = join(dir, "big.jcl");
      await writeFile(deck, Array.from({ length: 3000 }, (_, i) => `ADDUSER U${i} DFLTGRP(STC)`).join("\n"));
      const r = spawnSync("sh", ["-c", `node dist/cli/main.js model --jcl ${deck} --json | head -1`], {
        encoding: "utf8",
      });
      expect(r.stderr).not.toMatch(/EPIPE|Error/);
      expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    },
  );
});
