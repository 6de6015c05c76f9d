/**
 * `racfring diagnose` and `racfring explain MESSAGE` from the command line: text and JSON,
 * exit codes, standard input, unreadable inputs, and every --help example run as written.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { spec } from "../../src/cli/commands/diagnose.js";
import { readTextInput } from "../../src/cli/files.js";
import { cli } from "../helpers/io.js";

const NOW = "2026-01-15T12:00:00Z";

describe("racfring diagnose", () => {
  it("prints the causes with evidence, side, checks and fix (field case 11)", async () => {
    const r = await cli(["diagnose", "samples/logs/ftps-plaintext.log"], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^1\. The partner answered in plain text where a TLS record was expected \[plaintext-reply\]$/m,
    );
    expect(r.stdout).toMatch(/Failing side: server/);
    expect(r.stdout).toMatch(/samples\/logs\/ftps-plaintext\.log:4: .*Record header: 35 35 30 20 54/);
    expect(r.stdout).toMatch(/the bytes read as ASCII "550 T"/);
    expect(r.stdout).toMatch(/Confidence: third-party/);
  });

  it("--json has messages, connections and diagnoses with cause/side/confidence/evidence/checks/fix", async () => {
    const r = await cli(
      [
        "diagnose",
        "samples/logs/wrong-owner.log",
        "--jcl",
        "test/fixtures/sim/case4.jcl",
        "--policy",
        "test/fixtures/diagnose/case4.policy",
        "--json",
      ],
      { now: NOW },
    );
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ kind: "racfring.diagnose", version: 1 });
    expect(j.messages.map((m: { id: string }) => m.id)).toEqual(["IEF695I", "EZD1287I"]);
    expect(j.connections).toHaveLength(1);
    const d = j.diagnoses[0];
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining(["cause", "side", "confidence", "evidence", "checks", "fix"]),
    );
    expect(d.cause).toBe("private-key-not-returned");
    expect(d.simulation.verdict).toBe("confirmed");
    expect(j.unrecognised).toEqual({
      count: 1,
      first: [{ file: "samples/logs/wrong-owner.log", line: 1, text: "10:15:02 MVS1 S FTPD" }],
    });
  });

  it("exits 0 when no failure is in the messages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-diag-"));
    writeFileSync(
      join(dir, "ok.log"),
      "EZD1283I TTLS Event GRPID: 00000001 ENVID: 00000001 CONNID: 00000051 RC:    0 Initial Handshake\n",
    );
    const r = await cli(["diagnose", "ok.log"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No cause found\./);
  });

  it("escapes terminal control sequences from the log", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-diag-"));
    writeFileSync(
      join(dir, "evil.log"),
      "EZD1287I TTLS Error RC: 428 Initial Handshake JOBNAME: \u001b]0;pwn\u0007X\n\u001b[2Jjunk\n",
    );
    const r = await cli(["diagnose", "evil.log"], { cwd: dir });
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).toContain("\\x1b[2Jjunk");
    const j = await cli(["diagnose", "evil.log", "--json"], { cwd: dir });
    expect(j.stdout).not.toMatch(/\\u001b/);
  });

  it("refuses what it cannot read: no log, missing file, a directory, binary data (exit 2/3)", async () => {
    expect((await cli(["diagnose"])).code).toBe(2);
    const missing = await cli(["diagnose", "no-such.log"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no-such\.log: cannot read input \(no such file\)/);
    const dir = mkdtempSync(join(tmpdir(), "racfring-diag-"));
    const isDir = await cli(["diagnose", dir]);
    expect(isDir.code).toBe(3);
    expect(isDir.stderr).toMatch(
      /cannot read input \(a directory; racfring reads only regular files, or - for standard input\)/,
    );
    writeFileSync(join(dir, "bin.log"), Buffer.from([0x45, 0x00, 0x01]));
    const bin = await cli(["diagnose", "bin.log"], { cwd: dir });
    expect(bin.code).toBe(3);
    expect(bin.stderr).toMatch(/bin\.log: binary data/);
    expect((await cli(["diagnose", "-", "-"])).code).toBe(2);
    expect((await cli(["diagnose", "samples/logs/ring-owner.log", "--policy", "x"])).code).toBe(2);
  });

  it("reads standard input for -, with a size limit", async () => {
    const buf = await readTextInput("-", ".", 100, Readable.from([Buffer.from("EZA2897I x\n")]));
    expect(buf.toString()).toBe("EZA2897I x\n");
    await expect(readTextInput("-", ".", 4, Readable.from([Buffer.from("too long")]))).rejects.toThrow(
      /larger than 4 bytes/,
    );
  });

  it("runs every --help example as written", async () => {
    for (const ex of spec.examples) {
      if (ex.includes("|")) continue;
      const argv = (ex.match(/'[^']*'|\S+/g) ?? []).slice(1).map((a) => a.replace(/^'|'$/g, ""));
      const r = await cli(argv, { now: NOW });
      expect(r.code, `${ex}\n${r.stderr}`).toBe(1);
    }
  });

  it.skipIf(!existsSync("dist/cli/main.js"))("the piped example reads standard input", () => {
    const piped = spec.examples.find((e) => e.includes("|")) ?? "";
    const r = spawnSync("sh", ["-c", piped.replace("racfring", "node dist/cli/main.js")], {
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/stdin:4: .*Record header/);
  });

  it("is listed in racfring --help", async () => {
    expect((await cli(["--help"])).stdout).toMatch(/^ {2}diagnose +Diagnose a failed TLS handshake/m);
  });
});

describe("racfring explain MESSAGE", () => {
  it("explains an ICSF failure line by its cause", async () => {
    const r = await cli(["explain", "CSFPPKS failed, return code 8, reason code 0x2B00"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /ICSF rejects the certificate's key \(key values not valid\) \[icsf-key-invalid; third-party\]/,
    );
  });

  it("explains an ICH408I and an OpenSSL string; --json", async () => {
    const r = await cli([
      "explain",
      "ICH408I USER(TCPIP   ) GROUP(STC) IRR.DIGTCERT.LISTRING CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
      "--json",
    ]);
    const j = JSON.parse(r.stdout);
    expect(j.message.id).toBe("ICH408I");
    expect(j.causes[0].cause).toBe("ring-not-authorised");
    expect((await cli(["explain", "error:0A000066:SSL routines::bad dh g value"])).stdout).toMatch(/weak-dh/);
  });

  it("still explains codes, and a message with RC: as before", async () => {
    expect((await cli(["explain", "428"])).stdout).toMatch(/^System SSL return code 428: /m);
    expect((await cli(["explain", "nonsense words"])).code).toBe(2);
  });
});

describe("racfring diagnose with broken RACF inputs", () => {
  it("prints the report, then the input errors, and exits 3", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-diag-"));
    writeFileSync(join(dir, "bad.jcl"), "  RACDCERT ID(FTPD) CONNECT(\n");
    writeFileSync(join(dir, "a.log"), "EZD1287I TTLS Error RC: 428 Initial Handshake CONNID: 00000001\n");
    const r = await cli(["diagnose", "a.log", "--jcl", "bad.jcl"], { cwd: dir });
    expect(r.stdout).toMatch(/private-key-not-returned/);
    expect(r.stderr).toMatch(/^bad\.jcl:1: error: /m);
    expect(r.code).toBe(3);
  });
});
