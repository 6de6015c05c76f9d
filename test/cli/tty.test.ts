/**
 * Colour and width as a person at a terminal sees them: the built CLI runs under a real
 * pseudo-terminal (tmux) with a set number of columns, and the pane is read back with its
 * escape sequences. .ci/run installs tmux when it is missing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(".");
const MAIN = join(ROOT, "dist/cli/main.js");
const SOCKET = `racfring-test-${process.pid}`;
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const SITE = "--jcl samples/site/setup.jcl --dataset SECADM.PARTNER.CA.PEM=samples/site/partner-ca.pem";

function tmux(...args: string[]): string {
  return execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
}

let n = 0;
/**
 * Run `command` (a shell line) in a fresh pane `columns` wide and
 * return what the pane shows, escape sequences included, and the exit code.
 */
function inTerminal(command: string, columns: number): { screen: string; code: number } {
  const dir = mkdtempSync(join(tmpdir(), "racfring-tty-"));
  const done = `done-${process.pid}-${++n}`;
  const codeFile = join(dir, "code");
  const script = `cd '${ROOT}' && ${command}; echo $? > '${codeFile}'; tmux -L ${SOCKET} wait-for -S ${done}; sleep 30`;
  const name = `s${n}`;
  tmux("new-session", "-d", "-s", name, "-x", String(columns), "-y", "400", "bash", "--norc", "-c", script);
  tmux("wait-for", done);
  const screen = tmux("capture-pane", "-p", "-e", "-S", "-", "-E", "-", "-t", name);
  tmux("kill-session", "-t", name);
  return { screen: screen.replace(/\n+$/, ""), code: Number(readFileSync(codeFile, "utf8").trim()) };
}

const SGR = /\u001b\[[0-9;]*m/;

describe.skipIf(!hasTmux || !existsSync(MAIN))("under a pseudo-terminal (tmux)", { timeout: 180_000 }, () => {
  beforeAll(() => {
    // A session that lives as long as the tests: the server does not exit between panes.
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "keeper", "sleep", "600");
  });
  afterAll(() => {
    spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  });

  const clean = "env -u NO_COLOR -u FORCE_COLOR -u CLICOLOR_FORCE TERM=xterm-256color";

  it("colours on a terminal; not with NO_COLOR, TERM=dumb, --no-color or through a pipe", () => {
    expect(inTerminal(`${clean} node '${MAIN}' audit ${SITE}`, 120).screen).toMatch(SGR);
    expect(inTerminal(`${clean} NO_COLOR= node '${MAIN}' audit ${SITE}`, 120).screen).not.toMatch(SGR);
    expect(inTerminal(`${clean} NO_COLOR=1 node '${MAIN}' audit ${SITE}`, 120).screen).not.toMatch(SGR);
    expect(inTerminal(`env -u NO_COLOR TERM=dumb node '${MAIN}' audit ${SITE}`, 120).screen).not.toMatch(SGR);
    expect(inTerminal(`${clean} node '${MAIN}' audit ${SITE} --no-color`, 120).screen).not.toMatch(SGR);
    expect(inTerminal(`${clean} node '${MAIN}' audit ${SITE} | cat`, 120).screen).not.toMatch(SGR);
  });

  it("FORCE_COLOR and CLICOLOR_FORCE colour even through a pipe", () => {
    expect(inTerminal(`${clean} FORCE_COLOR=1 node '${MAIN}' audit ${SITE} | cat`, 120).screen).toMatch(SGR);
    expect(inTerminal(`${clean} CLICOLOR_FORCE=1 node '${MAIN}' audit ${SITE} | cat`, 120).screen).toMatch(
      SGR,
    );
  });

  it.each([72, 100])("help and text reports wrap to a %i-column terminal", (columns) => {
    for (const command of [
      `node '${MAIN}' simulate --help`,
      `node '${MAIN}' audit --help`,
      `${clean} node '${MAIN}' audit ${SITE} --no-color`,
      `node '${MAIN}' explain 428`,
    ]) {
      const { screen } = inTerminal(command, columns);
      const lines = screen.split("\n");
      // tmux would fold a longer line itself; the CLI's own lines must already fit.
      for (const l of lines)
        expect(l.replace(SGR, "").length, `${command}: ${l}`).toBeLessThanOrEqual(columns);
      if (columns === 100)
        expect(
          lines.some((l) => l.length > 80),
          command,
        ).toBe(true);
      // indentation kept: every option description line of the help is indented
      if (command.includes("--help")) expect(lines.filter((l) => /^\s+--/.test(l)).length).toBeGreaterThan(3);
    }
  });

  it("without a terminal the width is 80", () => {
    const r = spawnSync(process.execPath, [MAIN, "audit", "--help"], { encoding: "utf8", cwd: ROOT });
    const lines = r.stdout.split("\n");
    expect(Math.max(...lines.filter((l) => l.trim().includes(" ")).map((l) => l.length))).toBeLessThanOrEqual(
      80,
    );
  });
});
