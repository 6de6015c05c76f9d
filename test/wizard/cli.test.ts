/**
 * `racfring wizard` without a terminal (the Io of these tests is not a TTY): it never prompts,
 * runs when flags and --yes answer everything, and otherwise exits 2 naming the missing flags.
 * What it writes goes through generate's checks: never overwritten without --force.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/cli/commands/generate.js";
import { runCli } from "../../src/cli/main.js";
import { ROOT } from "../gen/helpers/gen.js";
import { ioIn, tempDir, WIZARD_FTP_ARGS } from "../helpers/cli.js";

const tmp = () => tempDir("racfring-wiz-cli-");

describe("racfring wizard without a terminal", () => {
  it("no flags: exit 2 naming every unanswered question, the ones without a default called out", async () => {
    const dir = tmp();
    const c = ioIn(dir);
    expect(await runCli(["wizard"], c.io)).toBe(2);
    const err = c.err.join("");
    expect(err).toMatch(
      /these questions have no answer: --preset, --user, --ring-owner, --ring, --cert-source/,
    );
    expect(err).toMatch(/Give --user, --host \(no default\) and --yes/);
    expect(await listFiles(dir)).toEqual([]);
  });

  it("--yes without --host: exit 2 naming --host only", async () => {
    const c = ioIn(tmp());
    expect(await runCli(["wizard", "--yes", "--user", "FTPD"], c.io)).toBe(2);
    expect(c.err.join("")).toMatch(/no answer: --host\. Nothing written/);
  });

  it("--user, --host and --yes: writes the plan and the jobs, prints the ✔ summary and the equivalent generate command", async () => {
    const dir = tmp();
    const c = ioIn(dir);
    const rc = await runCli([...WIZARD_FTP_ARGS, "-o", "ftp"], c.io);
    expect(c.err.join("")).toBe("");
    expect(rc).toBe(0);
    const out = c.out.join("");
    expect(out).toMatch(/✔ FTP server: FTPD on FTPD\/FTPRing: simulated System SSL RC 0/);
    expect(out).toMatch(/1\. Submit jcl\/01-setup\.jcl \(job FTPKEY1\)/);
    expect(out).toMatch(/to undo: submit ftp\/jcl\/99-backout\.jcl/);
    expect(out).toMatch(/Same files without the questions: racfring generate ftp\/plan\.yaml -o ftp/);
    expect(await listFiles(join(dir, "ftp"))).toContain("plan.yaml");

    // the equivalent command really makes the same jobs
    const g = ioIn(dir);
    expect(await runCli(["generate", "ftp/plan.yaml", "-o", "again"], g.io)).toBe(0);
    for (const f of ["jcl/01-setup.jcl", "jcl/99-backout.jcl", "README.md"])
      expect(readFileSync(join(dir, "again", f), "utf8"), f).toBe(readFileSync(join(dir, "ftp", f), "utf8"));

    // a second run does not overwrite without --force, and changes nothing
    writeFileSync(join(dir, "ftp/plan.yaml"), "mine\n");
    const c2 = ioIn(dir);
    expect(await runCli([...WIZARD_FTP_ARGS, "-o", "ftp"], c2.io)).toBe(3);
    expect(c2.err.join("")).toMatch(/already exist in ftp .*--force/);
    expect(readFileSync(join(dir, "ftp/plan.yaml"), "utf8")).toBe("mine\n");
    const c3 = ioIn(dir);
    expect(await runCli([...WIZARD_FTP_ARGS, "-o", "ftp", "--force"], c3.io)).toBe(0);
    expect(readFileSync(join(dir, "ftp/plan.yaml"), "utf8")).toMatch(/racfringPlan: 1/);
  });

  it("with the site's state: signs with the CA found there, checks references, says which user the inputs know", async () => {
    const dir = tmp();
    const c = ioIn(dir);
    const site = join(ROOT, "samples/site/setup.jcl");
    const rc = await runCli(
      [
        "wizard",
        "--jcl",
        site,
        "--preset",
        "tn3270",
        "--user",
        "WEBSRV",
        "--host",
        "tn.sample.example",
        "--yes",
        "-o",
        "tn",
      ],
      c.io,
    );
    expect(c.err.join("")).toBe("");
    expect(rc).toBe(0);
    const plan = readFileSync(join(dir, "tn/plan.yaml"), "utf8");
    expect(plan).toMatch(
      /existing:\n\s+authorities:\n\s+- id: CA\n\s+owner: CERTAUTH\n\s+label: Sample Root CA/,
    );
    expect(c.out.join("")).toMatch(/racfring generate tn\/plan\.yaml -o tn --jcl \S*setup\.jcl/);
    expect(readFileSync(join(dir, "tn/README.md"), "utf8")).toMatch(/"Sample Root CA" \(signs\): found in/);
  });

  it("a flag value that is not allowed: exit 2 with the reason", async () => {
    const c = ioIn(tmp());
    expect(
      await runCli(
        ["wizard", "--yes", "--user", "FTPD", "--host", "h.example.com", "--ring", "my ring"],
        c.io,
      ),
    ).toBe(2);
    expect(c.err.join("")).toMatch(/--ring "my ring": only letters/);
    const c2 = ioIn(tmp());
    expect(
      await runCli(
        ["wizard", "--yes", "--user", "FTPD", "--host", "h.example.com", "--key", "DSA-1024"],
        c2.io,
      ),
    ).toBe(2);
    expect(c2.err.join("")).toMatch(/--key must be one of RSA-2048/);
  });

  it("FACILITY with another user's key, forced by flag: refused with RC 428, nothing written", async () => {
    const dir = tmp();
    const c = ioIn(dir);
    const rc = await runCli(
      [
        "wizard",
        "--yes",
        "--user",
        "TCPIP",
        "--ring-owner",
        "FTPD",
        "--host",
        "ftp.example.com",
        "--permissions",
        "facility",
        "-o",
        "x",
      ],
      c.io,
    );
    expect(rc).toBe(3);
    expect(c.err.join("")).toMatch(/RC 428/);
    expect(await listFiles(dir)).toEqual([]);
  });
});
