/**
 * Issue #9 item 2 (only regular files are read, at once) and issue #13 item 6 (`-` reads
 * standard input for every text input).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES, readInput } from "../../src/cli/files.js";
import { cli } from "../helpers/io.js";

const dir = mkdtempSync(join(tmpdir(), "racfring-files-"));
const DECK = "//J JOB\n//S EXEC PGM=IKJEFT01\n//SYSTSIN DD *\nRACDCERT ID(A) ADDRING('Bob''s')\n/*\n";

let server: Server | null = null;
beforeAll(async () => {
  execFileSync("mkfifo", [join(dir, "fifo")]);
  writeFileSync(join(dir, "deck.jcl"), DECK);
  server = createServer();
  await new Promise<void>((done) => server?.listen(join(dir, "sock"), done));
  return () => server?.close();
});

/** Every command and flag that reads a file, with the file put where `X` stands. */
const READERS: string[][] = [
  ["model", "--jcl", "X"],
  ["model", "--listing", "X"],
  ["model", "--cert", "X"],
  ["model", "--model", "X"],
  ["model", "--unload", "X"],
  ["model", "--jcl", "deck.jcl", "--dataset", "A.B=X"],
  ["audit", "--jcl", "deck.jcl", "--policy", "X", "--at", "2026-06-01"],
  [
    "simulate",
    "--jcl",
    "deck.jcl",
    "--user",
    "A",
    "--keyring",
    "A/R",
    "--role",
    "client",
    "--peer-cert",
    "X",
  ],
  ["simulate", "--jcl", "X", "--user", "A", "--keyring", "A/R"],
  ["lint-jcl", "X"],
  ["generate", "X", "--dry-run"],
];

describe("issue 9.2: only regular files are read", () => {
  for (const [what, path, why] of [
    ["a FIFO", "fifo", /a named pipe \(FIFO\)/],
    ["/dev/zero", "/dev/zero", /a character device/],
    ["a directory", ".", /a directory/],
    ["a socket", "sock", /a socket/],
  ] as const) {
    it(`refuses ${what} at once, exit 3, for every reader`, async () => {
      for (const argv of READERS) {
        const args = argv.map((a) => (a === "X" ? path : a.replace("=X", `=${path}`)));
        const t0 = Date.now();
        const r = await cli(args, { cwd: dir });
        expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(3);
        expect(r.stderr).toMatch(why);
        expect(r.stderr).toMatch(/racfring reads only regular files, or - for standard input/);
        expect(Date.now() - t0).toBeLessThan(15_000);
      }
    });
  }

  it("refuses a file over the documented input limit, without reading it", async () => {
    const big = join(dir, "big.jcl");
    writeFileSync(big, "x".repeat(1024));
    await expect(readInput(big, dir, 100)).rejects.toThrow(/1024 bytes; the input limit is 100 bytes/);
    expect(MAX_INPUT_BYTES).toBe(256 * 1024 * 1024);
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toMatch(/256 MiB/);
  });
});

describe("issue 13.6: - reads standard input", () => {
  const stdin = process.stdin;
  function feed(text: string): void {
    Object.defineProperty(process, "stdin", {
      value: Readable.from([Buffer.from(text)]),
      configurable: true,
    });
  }
  afterEach(() => {
    Object.defineProperty(process, "stdin", { value: stdin, configurable: true });
  });

  it("lint-jcl - lints the deck from standard input, located as -", async () => {
    feed(DECK);
    const r = await cli(["lint-jcl", "-"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^-:4:1: warning \[missing-refresh\]/m);
  });

  it("model --jcl - reads the same deck as the file does", async () => {
    writeFileSync(join(dir, "deck.jcl"), DECK);
    const fromFile = await cli(["model", "--jcl", "deck.jcl", "--json"], { cwd: dir });
    feed(DECK);
    const fromStdin = await cli(["model", "--jcl", "-", "--json"], { cwd: dir });
    expect(fromStdin.code).toBe(fromFile.code);
    expect(fromStdin.stdout.replaceAll('"file": "-"', '"file": "deck.jcl"')).toBe(fromFile.stdout);
  });

  it("refuses standard input over the limit", async () => {
    feed("x".repeat(200));
    await expect(readInput("-", dir, 100)).rejects.toThrow(/standard input is larger than 100 bytes/);
  });
});
