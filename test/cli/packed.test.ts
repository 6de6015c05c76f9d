/**
 * Every example in every --help and in the README runs from the installed package and gives
 * what the text says (issue 13, item 10). The package is packed (`npm pack`, as published) and
 * installed into a temporary directory; the examples run there, in a directory holding only the
 * samples the package ships. The runbook a generated plan writes may cite only documents that
 * ship or are public.
 */
import { execFile, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(".");
let bin = "";
let pkg = "";
let work = "";

/**
 * Run a shell line in the example directory. Asynchronous: the examples take a minute in all,
 * and a worker blocked that long in synchronous calls cannot answer vitest's own messages.
 */
function run(line: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn("sh", ["-c", line], {
      cwd: work,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}`, NO_COLOR: "1" },
      timeout: 120_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("close", (code) =>
      done({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}

const execFileAsync = promisify(execFile);

/** The Examples section of a help text, `\` continuations joined. */
function examplesOf(help: string): string[] {
  const section = help.split("\nExamples:\n")[1]?.split("\n\n")[0] ?? "";
  return section
    .replace(/ \\\n\s+/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("racfring "));
}

const normal = (s: string): string => s.replace(/\s+/g, " ").trim();

describe("the installed package", () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-pack-"));
    // dist/ is built by `npm ci` (prepare); the pack takes what `npm publish` would.
    const { stdout: out } = await execFileAsync(
      "npm",
      ["pack", "--ignore-scripts", "--pack-destination", dir, "--json"],
      { cwd: ROOT, encoding: "utf8" },
    );
    const tarball = join(dir, (JSON.parse(out) as { filename: string }[])[0]?.filename ?? "");
    const app = join(dir, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), '{"name":"racfring-example-user","private":true}\n');
    await execFileAsync(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball],
      { cwd: app, encoding: "utf8" },
    );
    bin = join(app, "node_modules/.bin");
    pkg = join(app, "node_modules/racfring");
    work = join(dir, "work");
    mkdirSync(work);
    // the examples name samples/...: the ones the package ships, nothing from the repository
    cpSync(join(pkg, "samples"), join(work, "samples"), { recursive: true });
  }, 300_000);

  it("ships what the examples and --json documents point to", () => {
    for (const f of ["dist/cli/main.js", "templates", "samples/site/setup.jcl", "schemas/audit.schema.json"])
      expect(existsSync(join(pkg, f)), f).toBe(true);
    expect(existsSync(join(pkg, "test"))).toBe(false);
  });

  it("runs every --help example: no usage or input error, and --json gives the documented envelope", async () => {
    const section = (await run("racfring --help")).stdout.split("\nCommands:\n")[1]?.split("\n\n")[0] ?? "";
    const names = [...section.matchAll(/^ {2}([a-z][a-z-]*) {2}/gm)].map((m) => m[1] ?? "");
    expect(names.length).toBeGreaterThanOrEqual(6);
    let count = 0;
    for (const name of names) {
      const help = await run(`racfring ${name} --help`);
      expect(help.code).toBe(0);
      const documented = [
        ...(help.stdout.split("\nExit codes:\n")[1] ?? "").matchAll(/^ {2}(\d+) {2}(.*)$/gm),
      ];
      // the codes an example may end with: success or the documented "findings" code, never a
      // usage error (2), an unreadable input (3) or a crash
      const allowed = documented.map((m) => Number(m[1])).filter((c) => c < 2);
      for (const example of examplesOf(help.stdout)) {
        const r = await run(example);
        count++;
        expect(allowed, `${example}\n${r.stderr}`).toContain(r.code);
        expect(r.stderr).not.toMatch(/internal error|Usage:/);
        if (/--json\b|--format json/.test(example) && !/ -o |>/.test(example)) {
          const doc = JSON.parse(r.stdout) as { kind?: string; version?: number };
          expect(doc.kind).toBe(`racfring.${name}`);
          expect(doc.version).toBe(1);
        }
        const written = / > (\S+)$/.exec(example)?.[1] ?? / -o (\S+)/.exec(example)?.[1];
        if (written) expect(existsSync(join(work, written)), `${example} writes ${written}`).toBe(true);
      }
    }
    expect(count).toBeGreaterThanOrEqual(15);
  }, 300_000);

  it("runs the README's console sessions and shows what they show", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```console\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
    expect(blocks.length).toBeGreaterThan(0);
    let sessions = 0;
    for (const block of blocks) {
      const lines = block.replace(/ \\\n\s+/g, " ").split("\n");
      let last: { code: number; stdout: string } | null = null;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? "";
        if (!line.startsWith("$ ")) continue;
        const command = line.slice(2).replace(/^npx racfring/, "racfring");
        const shown: string[] = [];
        for (let j = i + 1; j < lines.length && !(lines[j] ?? "").startsWith("$ "); j++)
          shown.push(lines[j] ?? "");
        if (command === "echo $?") {
          expect(String(last?.code), "exit code shown after the session").toBe(shown[0]?.trim());
          continue;
        }
        const r = await run(command);
        last = r;
        sessions++;
        const got = normal(r.stdout);
        // every line shown (not an elision) is in the output, wrapping aside
        for (const s of shown.filter((x) => x.trim() !== "" && !x.includes("…")))
          expect(got, `${command}: ${s}`).toContain(normal(s));
      }
    }
    expect(sessions).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it("a generated runbook cites only documents that ship or are public", async () => {
    const r = await run(
      "racfring generate samples/plans/ftps-racf-ca.yaml -o out/runbook-check --at 2027-01-01",
    );
    expect(r.code).toBe(0);
    const runbook = readFileSync(join(work, "out/runbook-check/README.md"), "utf8");
    // documents: Markdown files and relative paths (a data set name like 'your.jcl.library' is not one)
    const cited = [...runbook.matchAll(/(?<![\w.'(])((?:[\w.-]+\/)+[\w-]+\.\w+|[\w.-]+\.md)\b/g)]
      .map((m) => m[1] ?? "")
      .filter((c) => !c.includes("ibm.com") && !c.startsWith("www.") && !c.startsWith("//"));
    expect(cited.length).toBeGreaterThan(3);
    for (const c of cited) {
      const shipped = [join(work, "out/runbook-check", c), join(pkg, c), join(work, c)].some((p) =>
        existsSync(p),
      );
      expect(shipped, `runbook cites ${c}`).toBe(true);
    }
    expect(readdirSync(join(work, "out/runbook-check/jcl")).length).toBeGreaterThan(0);
  }, 120_000);
});
