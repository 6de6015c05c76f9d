/** Issue #9 item 4 (writes stay inside the output directory, all or nothing) and item 11 (honest messages). */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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

  it("the read-back never says it read a certificate file it could not parse", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "o", "pki", "corpca"), { recursive: true });
    writeFileSync(join(dir, "o", "pki", "corpca", "root.pem"), "not a certificate\n");
    const r = await cli(["generate", PLAN, "-o", "o", "--at", "2027-01-01", "--dry-run"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/read from pki\/corpca\/root\.pem/);
    expect(r.stdout).toMatch(
      /read-back: 'RACFADM\.CERTS\.CORPCA\.ROOT': pki\/corpca\/root\.pem holds no readable certificate \(.*\); not used/,
    );
    const json = await cli(["generate", PLAN, "-o", "o", "--at", "2027-01-01", "--dry-run", "--json"], {
      cwd: dir,
    });
    const readBack = JSON.parse(json.stdout).readBack as string[];
    expect(readBack.some((n) => /read from/.test(n))).toBe(false);
    expect(readBack.some((n) => /holds no readable certificate/.test(n))).toBe(true);
  });

  // A target this process may not write. Root ignores permission bits, so as root the test
  // uses sysfs, where even root may not create files (EPERM); otherwise a directory made 0555
  // (EACCES). Both are real errors from the kernel, not made-up ones.
  const asRoot = process.getuid?.() === 0;
  const denied = (): string => {
    if (asRoot) return "/sys/racfring-test-target";
    const d = join(tmp(), "locked");
    mkdirSync(d);
    chmodSync(d, 0o555);
    return join(d, "out");
  };
  it.skipIf(process.platform !== "linux")(
    "a target this user may not write says read-only, exit 3, nothing written",
    async () => {
      const target = denied();
      const g = await cli(["generate", PLAN, "-o", target, "--at", "2027-01-01"]);
      expect(g.code).toBe(3);
      expect(g.stderr).toMatch(
        /cannot write .*\(permission denied: read-only for this user\); nothing written/,
      );
      expect(existsSync(target)).toBe(false);
      const a = await cli([
        "audit",
        "--jcl",
        "samples/site/setup.jcl",
        "--at",
        "2026-06-01",
        "-o",
        join(target, "r.txt"),
      ]);
      expect(a.code).toBe(3);
      expect(a.stderr).toMatch(/read-only/);
    },
  );

  // EROFS needs a read-only file system: a read-only bind mount of a scratch directory when
  // this process may mount (root with CAP_SYS_ADMIN, as in the project's CI container).
  const ro = join(tmpdir(), `racfring-ro-${process.pid}`);
  let mounted = false;
  if (asRoot && process.platform === "linux") {
    try {
      mkdirSync(ro, { recursive: true });
      execFileSync("mount", ["--bind", "-o", "ro", ro, ro], { stdio: "ignore" });
      mounted = true;
    } catch {
      mounted = false;
    }
  }
  afterAll(() => {
    if (mounted) execFileSync("umount", [ro], { stdio: "ignore" });
    rmSync(ro, { recursive: true, force: true });
  });
  it.skipIf(!mounted)("a read-only file system (EROFS) says so, exit 3, nothing written", async () => {
    const g = await cli(["generate", PLAN, "-o", join(ro, "out"), "--at", "2027-01-01"]);
    expect(g.code).toBe(3);
    expect(g.stderr).toMatch(/\(the file system is read-only\); nothing written/);
    const a = await cli([
      "audit",
      "--jcl",
      "samples/site/setup.jcl",
      "--at",
      "2026-06-01",
      "-o",
      join(ro, "r.txt"),
    ]);
    expect(a.code).toBe(3);
    expect(a.stderr).toMatch(/\(the file system is read-only\); nothing was written/);
    expect(readdirSync(ro)).toEqual([]);
  });

  it.skipIf(!existsSync("/proc/self"))(
    "an output directory under /proc is refused at once (Node's recursive mkdir would spin there)",
    async () => {
      const t0 = Date.now();
      const g = await cli(["generate", PLAN, "-o", "/proc/racfring-out/x", "--at", "2027-01-01"]);
      expect(g.code).toBe(3);
      expect(g.stderr).toMatch(/cannot write \/proc\/racfring-out/);
      const a = await cli([
        "audit",
        "--jcl",
        "samples/site/setup.jcl",
        "--at",
        "2026-06-01",
        "-o",
        "/proc/racfring-out/r.txt",
      ]);
      expect(a.code).toBe(3);
      expect(Date.now() - t0).toBeLessThan(60_000);
    },
  );
});
