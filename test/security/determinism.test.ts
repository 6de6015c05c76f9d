/** Issue #9 item 9: model --json → --model → model --json is byte-identical; fixed --at gives fixed output. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/io.js";

const SITE = resolve("samples/site");

describe("issue 9.9: determinism", () => {
  it("model --json → --model → model --json is byte-identical (stable key order)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-det-"));
    const a = await cli(["model", "--jcl", "setup.jcl", "--cert", "partner-ca.pem", "--json"], { cwd: SITE });
    expect(a.code).toBe(0);
    writeFileSync(join(dir, "a.json"), a.stdout);
    const b = await cli(["model", "--model", "a.json", "--json"], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    // the source file names stay those of the original inputs
    expect(b.stdout).toBe(a.stdout);
    writeFileSync(join(dir, "b.json"), b.stdout);
    const c = await cli(["model", "--model", "b.json", "--json"], { cwd: dir });
    expect(c.stdout).toBe(b.stdout);
  });

  it("a hand-written model with fields left out gets them in the writer's order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-det-"));
    writeFileSync(
      join(dir, "m.json"),
      JSON.stringify({
        racfringModel: 1,
        users: [{ implied: false, special: false, id: "A" }],
        rings: [{ connections: [], name: "R", owner: "A" }],
      }),
    );
    const full = await cli(["model", "--model", "m.json", "--json"], { cwd: dir });
    const users = JSON.parse(full.stdout).users;
    expect(Object.keys(users[0])).toEqual(["id", "special", "implied", "groups", "revoked", "sources"]);
  });

  it("audit output is identical for a fixed --at, run twice", async () => {
    const argv = [
      "audit",
      "--jcl",
      "setup.jcl",
      "--policy",
      "pagent.conf",
      "--at",
      "2026-06-01",
      "--format",
      "sarif",
    ];
    const one = await cli(argv, { cwd: SITE });
    const two = await cli(argv, { cwd: SITE });
    expect(two.stdout).toBe(one.stdout);
  });
});
