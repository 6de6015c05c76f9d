/**
 * `racfring wizard` end to end through a real pseudo-terminal: tmux starts the built CLI, the
 * test waits for each question, types the answers and presses Enter at the defaults, then
 * checks the written plan, the jobs (lint clean as a sequence) and the simulated RC 0. Ctrl-C
 * and Esc must exit 130, write nothing and leave the terminal in canonical mode with echo.
 * `--yes` without a terminal must write the same files as the interactive run.
 *
 * tmux is installed by .ci/run; these tests are skipped only where tmux is truly absent.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/cli/commands/generate.js";
import { generate } from "../../src/gen/generate.js";
import { lintFiles } from "../../src/lint/lint.js";
import { AT, ROOT, templatesOnce } from "../gen/helpers/gen.js";

const HAS_TMUX = spawnSync("tmux", ["-V"]).status === 0;
/**
 * The CLI is built from the current sources into a directory of its own (beside links to the
 * templates and node_modules), so other test files that run dist/ are never disturbed.
 */
const BUILD = mkdtempSync(join(tmpdir(), "racfring-wiz-build-"));
const CLI = join(BUILD, "dist/cli/main.js");
const SOCKET = `racfring-test-${process.pid}`;
const AT_FLAG = AT.toISOString().slice(0, 10);

function tmux(...args: string[]): string {
  const r = spawnSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tmux ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

function shq(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** Start the CLI in a new tmux session; the exit code and `stty -a` afterwards land in files. */
function start(session: string, dir: string, args: string[]): void {
  // CI is unset inside the terminal: this is a person at a terminal, and the wizard never
  // prompts when CI is set.
  const cmd = `env -u CI ${shq(process.execPath)} ${shq(CLI)} wizard ${args.map(shq).join(" ")}; echo $? > exit.txt; stty -a > stty.txt; sleep 5`;
  tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "50", "-c", dir, cmd);
}

function screen(session: string): string {
  return tmux("capture-pane", "-p", "-S", "-500", "-t", session);
}

async function waitFor(session: string, re: RegExp, what: string): Promise<string> {
  const until = Date.now() + 30_000;
  for (;;) {
    const s = screen(session);
    if (re.test(s)) return s;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function waitExit(dir: string): Promise<number> {
  const until = Date.now() + 30_000;
  for (;;) {
    const f = join(dir, "exit.txt");
    if (existsSync(f) && existsSync(join(dir, "stty.txt"))) {
      const text = readFileSync(f, "utf8").trim();
      if (text !== "") return Number(text);
    }
    if (Date.now() > until) throw new Error("the wizard did not exit");
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Each question the run with --host and --user asks, in order; Enter takes its default. */
const QUESTIONS: [RegExp, string][] = [
  [/\? What is the ring for\?/, "preset"],
  [/\? Who owns the ring\?/, "ring owner"],
  [/\? Ring name\?/, "ring name"],
  [/\? Where does the certificate come from\?/, "certificate source"],
  [/\? Ask clients for a certificate/, "client authentication"],
  [/\? IP address \(optional\)\?/, "IP address"],
  [/\? Subject DN\?/, "subject"],
  [/\? Key type and size\?/, "key"],
  [/\? Who may open the ring\?/, "permissions"],
  [/\? Validity in days\?/, "validity"],
  [/\? Job name prefix\?/, "job name"],
  [/\? Accounting information/, "accounting"],
  [/\? Write the plan and the jobs to out\?/, "confirmation"],
];

describe.skipIf(!HAS_TMUX)(
  "racfring wizard in a real terminal (tmux; skipped only when tmux is not installed)",
  () => {
    beforeAll(() => {
      // the built CLI is what a user runs: build it from the current sources
      copyFileSync(join(ROOT, "package.json"), join(BUILD, "package.json"));
      symlinkSync(join(ROOT, "node_modules"), join(BUILD, "node_modules"));
      symlinkSync(join(ROOT, "templates"), join(BUILD, "templates"));
      const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
      const r = spawnSync(
        process.execPath,
        [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(BUILD, "dist")],
        { encoding: "utf8" },
      );
      if (r.status !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
    }, 180_000);

    afterAll(() => {
      spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
    });

    it("--host and --user, Enter at every other question: a plan whose jobs lint clean and simulate to RC 0; --yes without a terminal writes the same files", async () => {
      const dir = mkdtempSync(join(tmpdir(), "racfring-wiz-tty-"));
      const s = "enter";
      start(s, dir, ["--host", "zos1.example.com", "--user", "TN3270", "--at", AT_FLAG, "-o", "out"]);
      let seen = "";
      for (const [re, what] of QUESTIONS) {
        seen = await waitFor(s, re, what);
        tmux("send-keys", "-t", s, "Enter");
      }
      expect(await waitExit(dir)).toBe(0);
      seen = screen(s);
      expect(seen).toMatch(/Simulated so far: .*RC 0/);
      expect(seen).toMatch(/✔ Wrote 5 file\(s\) to out/);
      expect(seen).toMatch(/racfring generate out\/plan\.yaml -o out/);

      const out = join(dir, "out");
      const files = await listFiles(out);
      expect(files).toEqual([
        "README.md",
        "jcl/01-setup.jcl",
        "jcl/90-verify.jcl",
        "jcl/99-backout.jcl",
        "plan.yaml",
      ]);
      const planText = readFileSync(join(out, "plan.yaml"), "utf8");
      expect(planText).toMatch(/user: TN3270/);
      expect(planText).toMatch(/CN: zos1\.example\.com/);

      // the jobs lint clean as the sequence the runbook submits them in
      const setup = files.filter((f) => /^jcl\/0\d-/.test(f));
      for (const res of lintFiles(setup.map((f) => ({ file: f, text: readFileSync(join(out, f), "utf8") }))))
        expect(res.issues.filter((i) => i.severity !== "info")).toEqual([]);
      // the written plan, generated again, simulates to RC 0
      const again = generate(planText, "out/plan.yaml", { templates: await templatesOnce(), at: AT });
      expect(again.planIssues).toEqual([]);
      expect(again.errors).toEqual([]);
      expect(again.simulations.map((x) => x.result.rc)).toEqual([0]);

      // the terminal is sane afterwards: canonical mode and echo on
      const stty = readFileSync(join(dir, "stty.txt"), "utf8");
      expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
      expect(stty).toMatch(/(^|\s)echo(\s|$)/);

      // --yes without a terminal: the same files, byte for byte
      const dir2 = mkdtempSync(join(tmpdir(), "racfring-wiz-yes-"));
      const r = spawnSync(
        process.execPath,
        [
          CLI,
          "wizard",
          "--host",
          "zos1.example.com",
          "--user",
          "TN3270",
          "--at",
          AT_FLAG,
          "-o",
          "out",
          "--yes",
        ],
        { cwd: dir2, encoding: "utf8", env: { ...process.env, CI: "" } },
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const out2 = join(dir2, "out");
      expect(await listFiles(out2)).toEqual(files);
      for (const f of files)
        expect(readFileSync(join(out2, f), "utf8"), f).toBe(readFileSync(join(out, f), "utf8"));
    });

    it("Ctrl-C at a question: exit 130, nothing written, terminal sane", async () => {
      const dir = mkdtempSync(join(tmpdir(), "racfring-wiz-ctrlc-"));
      const s = "ctrlc";
      start(s, dir, ["--at", AT_FLAG, "-o", "out"]);
      await waitFor(s, /\? What is the ring for\?/, "preset");
      tmux("send-keys", "-t", s, "Enter");
      await waitFor(s, /\? Which user does the task run as\?/, "user");
      tmux("send-keys", "-t", s, "-l", "FTP");
      tmux("send-keys", "-t", s, "C-c");
      expect(await waitExit(dir)).toBe(130);
      expect(screen(s)).toMatch(/cancelled; nothing written/);
      expect(readdirSync(dir).sort()).toEqual(["exit.txt", "stty.txt"]);
      const stty = readFileSync(join(dir, "stty.txt"), "utf8");
      expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
      expect(stty).toMatch(/(^|\s)echo(\s|$)/);
    });

    it("Esc at a question: exit 130, nothing written", async () => {
      const dir = mkdtempSync(join(tmpdir(), "racfring-wiz-esc-"));
      const s = "esc";
      start(s, dir, ["--user", "FTPD", "--at", AT_FLAG, "-o", "out"]);
      await waitFor(s, /\? What is the ring for\?/, "preset");
      tmux("send-keys", "-t", s, "Escape");
      expect(await waitExit(dir)).toBe(130);
      expect(readdirSync(dir).sort()).toEqual(["exit.txt", "stty.txt"]);
    });

    it("with CI set it never prompts, even in a terminal: exit 2 naming the missing flags", async () => {
      const dir = mkdtempSync(join(tmpdir(), "racfring-wiz-ci-"));
      const s = "ci";
      const cmd = `CI=true ${shq(process.execPath)} ${shq(CLI)} wizard --yes -o out; echo $? > exit.txt; stty -a > stty.txt; sleep 5`;
      tmux("new-session", "-d", "-s", s, "-x", "150", "-y", "50", "-c", dir, cmd);
      expect(await waitExit(dir)).toBe(2);
      const text = screen(s);
      expect(text).toMatch(
        /no terminal to ask in \(CI is set\); these questions have no answer: --user, --host/,
      );
      expect(text).not.toMatch(/\? /);
      expect(existsSync(join(dir, "out"))).toBe(false);
    });
  },
);
