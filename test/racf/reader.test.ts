import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/io.js";
import { read } from "./helpers.js";

const fixtures = join(import.meta.dirname, "fixtures");
const fixture = (name: string): string => readFileSync(join(fixtures, name), "utf8");

describe("readRacfCommands on a batch job", () => {
  it("reads every TSO step's SYSTSIN in order and builds the model", () => {
    const m = read(fixture("setup.jcl"), { file: "setup.jcl" });
    expect(m.user("FTPD")).toMatchObject({ implied: false, groups: ["SYS1"] });
    expect(m.certificate("CERTAUTH", "MVS1 CA")).toMatchObject({
      subject: "CN=MVS1 CA,O=Example Corp,C=US",
      keyUsage: ["CERTSIGN"],
      notBefore: "2024-01-01T00:00:00Z",
      notAfter: "2034-12-31T23:59:59Z",
    });
    expect(m.certificate("ID(FTPD)", "FTP Server")).toMatchObject({
      // `+` continuation on line 11 drops the next line's leading blanks
      subject: "CN=ftp.example.com,O=Example Corp,C=US",
      issuer: "CN=MVS1 CA,O=Example Corp,C=US",
      notBefore: "2024-01-01T08:00:00Z",
      notAfter: "2026-06-30T23:59:59Z",
      keySize: 2048,
    });
    expect(
      m.ring("FTPD", "SERVRING")?.connections.map((c) => [c.owner, c.label, c.usage, c.default]),
    ).toEqual([
      ["ID(FTPD)", "FTP Server", "PERSONAL", true],
      ["CERTAUTH", "MVS1 CA", "CERTAUTH", false],
    ]);
    // provenance: the command's first line in the job
    expect(m.ring("FTPD", "SERVRING")?.connections[0]?.sources[0]).toMatchObject({
      file: "setup.jcl",
      line: 19,
      kind: "jcl",
    });
    expect(m.profile("FACILITY", "IRR.DIGTCERT.LISTRING")?.access).toEqual([
      expect.objectContaining({ id: "FTPD", level: "READ" }),
    ]);
    expect(m.profile("STARTED", "FTPD.*")?.stdata).toEqual({ user: "FTPD", group: "SYS1" });
    expect(m.classState("STARTED")).toMatchObject({ active: true, raclisted: true, assumed: false });
    // the `//*` line is data under DLM=$$, so TSO tries to run it
    expect(m.state.issues.map((i) => [i.file, i.line, i.code])).toEqual([["setup.jcl", 28, "jcl-in-data"]]);
  });

  it("truncated JCL gives located errors with the file name and applies what is complete", () => {
    const m = read(fixture("truncated.jcl"), { file: "truncated.jcl" });
    expect(m.state.issues.map((i) => [i.file, i.line, i.code, i.severity])).toEqual([
      ["truncated.jcl", 6, "unterminated-data", "error"],
      ["truncated.jcl", 8, "truncated-command", "error"],
    ]);
    expect(m.ring("FTPD", "SERVRING")).toBeDefined();
  });

  it("columns 73-80 are ignored in the job, so a sequence number does not become an operand", () => {
    const job = [
      "//J JOB 1",
      "//S EXEC PGM=IKJEFT01",
      "//SYSTSIN DD *",
      `${"  RACDCERT ID(FTPD) ADDRING(SERVRING)".padEnd(72)}00010000`,
      "/*",
    ].join("\n");
    const m = read(job);
    expect(m.state.rings.map((r) => r.name)).toEqual(["SERVRING"]);
    expect(m.state.issues).toEqual([]);
  });
});

describe("racfring model --jcl (end to end)", () => {
  it("prints the model of a job and its located issues", async () => {
    const r = await cli(["model", "--jcl", "test/racf/fixtures/setup.jcl", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      rings: Array<{ owner: string; name: string; connections: Array<{ label: string; default: boolean }> }>;
      issues: Array<{ file: string; line: number; code: string }>;
    };
    expect(json.rings).toEqual([
      expect.objectContaining({
        owner: "FTPD",
        name: "SERVRING",
        connections: [
          expect.objectContaining({ label: "FTP Server", default: true }),
          expect.objectContaining({ label: "MVS1 CA", default: false }),
        ],
      }),
    ]);
    expect(json.issues).toEqual([
      expect.objectContaining({ file: "test/racf/fixtures/setup.jcl", line: 28, code: "jcl-in-data" }),
    ]);
  });
});
