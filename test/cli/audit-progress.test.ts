/**
 * The audit's progress bar as a person at a terminal gets it (issue 13, item 7): the built CLI
 * audits a synthetic unload under a real pseudo-terminal (tmux), and every byte written to the
 * terminal is recorded (pipe-pane), because the bar erases itself when the audit ends and the
 * final screen no longer shows it. The one-second delay is lowered with
 * RACFRING_PROGRESS_DELAY_MS so the test does not depend on the machine's speed (the delay
 * itself is tested in progress.test.ts). With stderr not a terminal, under CI, or with --quiet,
 * not one progress byte is written.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerApplications } from "../../src/audit/applications.js";
import { type AuditProgress, runAudit, selectRules } from "../../src/audit/engine.js";
import { parseCommandArgs } from "../../src/cli/command.js";
import { spec as auditSpec } from "../../src/cli/commands/audit.js";
import { loadInputs, progressFor } from "../../src/cli/inputs.js";
import { runCli } from "../../src/cli/main.js";
import { NO_PROGRESS, progressDelay, progressSink } from "../../src/cli/progress.js";
import { simulate } from "../../src/sim/simulate.js";
import { ROOT, tempDir } from "../helpers/cli.js";
import { captureIo } from "../helpers/io.js";

const MAIN = join(ROOT, "dist/cli/main.js");
const SOCKET = `racfring-progress-${process.pid}`;
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

function tmux(...args: string[]): string {
  return execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
}

let n = 0;
/** Run `command` in a fresh pane; return every byte it wrote to the terminal and its exit code. */
/**
 * The waits are asynchronous: a worker blocked for seconds in a synchronous call cannot answer
 * vitest's own messages, which then time out on a busy machine.
 */
async function terminalBytes(command: string, dir: string): Promise<{ bytes: string; code: number }> {
  const id = `${process.pid}-${++n}`;
  const codeFile = join(dir, `code-${id}`);
  const bytesFile = join(dir, `bytes-${id}`);
  // The command waits until pipe-pane records the pane, so its first bytes are not lost.
  const script = `tmux -L ${SOCKET} wait-for go-${id}; cd '${ROOT}' && ${command}; echo $? > '${codeFile}'; tmux -L ${SOCKET} wait-for -S done-${id}; sleep 30`;
  const name = `p${n}`;
  tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "50", "bash", "--norc", "-c", script);
  tmux("pipe-pane", "-o", "-t", name, `cat > '${bytesFile}'`);
  tmux("wait-for", "-S", `go-${id}`);
  await promisify(execFile)("tmux", ["-L", SOCKET, "wait-for", `done-${id}`]);
  tmux("kill-session", "-t", name);
  return { bytes: readFileSync(bytesFile, "latin1"), code: Number(readFileSync(codeFile, "utf8").trim()) };
}

/** A drawn audit progress line: carriage return, the stage, bar, count, rate and time left. */
const AUDIT_LINE = /\raudit: (applications|rules) \[[#-]+\] +\d+% \d+\/\d+ \1 \d+ \1\/s ETA \d+s\u001b\[K/;

describe.skipIf(!hasTmux || !existsSync(MAIN))(
  "audit progress on a terminal (tmux)",
  { timeout: 300_000 },
  () => {
    let dir = "";
    let unload = "";
    beforeAll(async () => {
      tmux("-f", "/dev/null", "new-session", "-d", "-s", "keeper", "sleep", "900");
      dir = tempDir("racfring-progress-");
      unload = join(dir, "big.txt");
      // 1,500 rings, each with an application to simulate: about a second of audit.
      await promisify(execFile)("node", [
        MAIN,
        "synth",
        "-o",
        unload,
        "--users",
        "3000",
        "--certs",
        "3000",
        "--rings",
        "1500",
      ]);
    });
    afterAll(() => {
      spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
    });

    const audit = (extra: string) =>
      `env -u CI RACFRING_PROGRESS_DELAY_MS=0 node '${MAIN}' audit --unload '${unload}' --at 2026-06-01 --json ${extra} > /dev/null`;

    it("draws stage, bar, rate and ETA on stderr while it runs, then erases the line", async () => {
      const { bytes, code } = await terminalBytes(audit(""), dir);
      expect(code).toBe(1); // the synthetic unload has planted defects
      expect(bytes).toMatch(AUDIT_LINE);
      expect(bytes).toMatch(/\raudit: rules \[/);
      // stdout is not the terminal: the line uses stderr's width (120), not the 80 assumed for stdout.
      expect(bytes).toMatch(/ETA \d+s\u001b\[K/);
      // The last progress draw is followed by the erase, so what comes next starts clean.
      const lastDraw = bytes.lastIndexOf("\raudit: ");
      expect(bytes.indexOf("\r\u001b[K", lastDraw)).toBeGreaterThan(lastDraw);
    });

    it("draws nothing under CI, with --quiet, or with stderr not a terminal", async () => {
      const ci = await terminalBytes(audit("").replace("env -u CI", "env CI=true"), dir);
      expect(ci.code).toBe(1);
      expect(ci.bytes).not.toContain("\r");
      const quiet = await terminalBytes(audit("--quiet"), dir);
      expect(quiet.code).toBe(1);
      expect(quiet.bytes).toBe("");
      const errFile = join(dir, "stderr.txt");
      const redirected = await terminalBytes(`${audit("")} 2> '${errFile}'`, dir);
      expect(redirected.code).toBe(1);
      expect(redirected.bytes).toBe("");
      const stderr = readFileSync(errFile, "latin1");
      expect(stderr).not.toContain("\r");
      expect(stderr).not.toContain("audit: ");
    });
  },
);

describe("audit progress: the engine's steps and when the CLI draws them", () => {
  it("reports each application, then each rule, with the steps done before it", async () => {
    const { model } = await loadInputs(
      parseCommandArgs(auditSpec, ["--jcl", "samples/site/setup.jcl"]),
      process.cwd(),
      new Date("2026-06-01T00:00:00Z"),
    );
    const applications = ownerApplications(model, []);
    const { rules } = selectRules([], []);
    const steps: AuditProgress[] = [];
    runAudit(model, {
      at: new Date("2026-06-01T00:00:00Z"),
      expiryDays: 30,
      applications,
      policy: null,
      jclSecrets: null,
      rules,
      simulate,
      onProgress: (s) => steps.push(s),
    });
    expect(applications.length).toBeGreaterThan(0);
    expect(steps).toEqual([
      ...applications.map((_, i) => ({ stage: "applications", done: i, total: applications.length })),
      ...rules.map((_, i) => ({ stage: "rules", done: i, total: rules.length })),
    ]);
  });

  it("no bar under CI or with --quiet, even on a terminal", () => {
    const tty = { ...captureIo({}).io, errIsTTY: true };
    expect(progressFor(tty)).not.toBe(NO_PROGRESS);
    expect(progressFor({ ...tty, ci: true })).toBe(NO_PROGRESS);
    expect(progressFor(tty, true)).toBe(NO_PROGRESS);
  });

  it("RACFRING_PROGRESS_DELAY_MS takes milliseconds only", () => {
    expect(progressDelay({})).toBeUndefined();
    expect(progressDelay({ RACFRING_PROGRESS_DELAY_MS: "0" })).toBe(0);
    expect(progressDelay({ RACFRING_PROGRESS_DELAY_MS: "250" })).toBe(250);
    expect(progressDelay({ RACFRING_PROGRESS_DELAY_MS: "-1" })).toBeUndefined();
    expect(progressDelay({ RACFRING_PROGRESS_DELAY_MS: "soon" })).toBeUndefined();
  });

  it("each stage has its own count, rate and time left on the same line", () => {
    let t = 0;
    const written: string[] = [];
    const sink = progressSink({ write: (s) => written.push(s), isTTY: true, columns: 120, clock: () => t });
    const task = sink.start("audit: applications", "applications", 1000);
    t = 1000;
    task.advance(500);
    // Applications are cheap, rules are not: the rules' rate starts again from their own start.
    task.stage("audit: rules", "rules", 20);
    t = 3000;
    task.advance(5);
    task.done();
    expect(written[0]).toMatch(
      /^\raudit: applications \[#+-+\] {2}50% 500\/1000 applications 500 applications\/s ETA 1s\u001b\[K$/,
    );
    expect(written[1]).toMatch(/^\raudit: rules \[#+-+\] {2}25% 5\/20 rules 3 rules\/s ETA 6s\u001b\[K$/);
    expect(written[2]).toBe("\r\u001b[K");
  });
});

describe("audit --quiet", () => {
  it("writes nothing on stderr but failures; the report is the same", async () => {
    const dir = tempDir("racfring-quiet-");
    const args = ["audit", "--jcl", join(ROOT, "samples/site/setup.jcl"), "--at", "2026-06-01"];
    const loud = captureIo({ cwd: dir });
    const loudCode = await runCli([...args, "-o", "loud.json", "--json", "--fix-jcl", "loud.jcl"], loud.io);
    expect(loud.err.join("")).toMatch(
      /input issue\(s\)[\s\S]*report written to loud\.json[\s\S]*fix job written to/,
    );
    const quiet = captureIo({ cwd: dir });
    const quietCode = await runCli(
      [...args, "-o", "quiet.json", "--json", "--fix-jcl", "quiet.jcl", "--quiet"],
      quiet.io,
    );
    expect(quietCode).toBe(loudCode);
    expect(quiet.err.join("")).toBe("");
    expect(readFileSync(join(dir, "quiet.json"), "utf8")).toBe(readFileSync(join(dir, "loud.json"), "utf8"));
    // An unreadable input is a failure: still said, and still exit 3.
    const broken = captureIo({ cwd: dir });
    expect(await runCli(["audit", "--jcl", "missing.jcl", "--quiet"], broken.io)).toBe(3);
    expect(broken.err.join("")).toContain("missing.jcl");
  });
});
