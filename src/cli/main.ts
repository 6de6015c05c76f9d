#!/usr/bin/env node
/**
 * racfring command-line entry point. Kept small and free of heavy imports: each command
 * module (and @peculiar/x509, handlebars, inquirer behind it) is imported only when that
 * command runs, so `racfring --help` starts fast.
 */
// @peculiar/x509 2.x needs the Reflect metadata polyfill loaded before it (it is imported
// lazily by the readers); it is small, so it is loaded here once for every command.
import "reflect-metadata";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { didYouMean } from "../util/suggest.js";
import { type CommandSpec, helpText, type Io, type ParsedArgs, parseCommandArgs } from "./command.js";
import { EXIT, InputError, UsageError } from "./errors.js";
import { colourWanted, DEFAULT_COLUMNS, terminalColumns, wrapText } from "./terminal.js";

export interface CommandModule {
  spec: CommandSpec;
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/** Command table: name → summary and lazy loader. The summary is repeated here for fast help. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  model: {
    summary: "Read RACF inputs and print the model (users, certificates, rings, profiles)",
    load: () => import("./commands/model.js"),
  },
  simulate: {
    summary: "Predict System SSL's return code when an application opens its key ring",
    load: () => import("./commands/simulate.js"),
  },
  explain: {
    summary: "Explain a System SSL or AT-TLS return code",
    load: () => import("./commands/explain.js"),
  },
  audit: {
    summary: "Audit key rings and permissions; report defects with fixes",
    load: () => import("./commands/audit.js"),
  },
  generate: {
    summary: "Generate RACDCERT/PERMIT JCL and OpenSSL scripts from a plan",
    load: () => import("./commands/generate.js"),
  },
  wizard: {
    summary: "Create a key ring step by step: questions, simulated RC, plan and JCL",
    load: () => import("./commands/wizard.js"),
  },
  diagnose: {
    summary: "Diagnose a failed TLS handshake from console, job log, trace and client messages",
    load: () => import("./commands/diagnose.js"),
  },
  "lint-jcl": {
    summary: "Check RACF batch JCL or command decks for errors",
    load: () => import("./commands/lint-jcl.js"),
  },
  synth: {
    summary: "Write a synthetic IRRDBU00 unload with planted defects (for trying and benchmarks)",
    load: () => import("./commands/synth.js"),
  },
};

/** Every command's name, in the order `racfring --help` lists them (tests walk them all). */
export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}

/** A command's module (its spec and run), loaded on demand. */
export async function loadCommand(name: string): Promise<CommandModule | undefined> {
  return COMMANDS[name]?.load();
}

const VERSION = "0.1.0";

function mainHelp(columns: number): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const text = [
    "racfring — see, fix and audit RACF key rings for TLS on z/OS before anything is submitted.",
    "",
    "Usage: racfring <command> [options]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(w)}  ${c.summary}`),
    "",
    "Run `racfring <command> --help` for a command's options, examples and exit codes.",
    "",
    "Examples:",
    "  racfring model --jcl samples/site/setup.jcl",
    "  racfring simulate --jcl samples/site/setup.jcl --started FTPD --keyring FTPD/FTPRing",
    "  racfring explain 428",
    "  racfring wizard --host zos1.example.com --user TN3270",
    "  racfring diagnose samples/logs/ftps-plaintext.log",
    "",
    "Options (every command): --json  machine-readable output; --no-color  no colour; -h, --help.",
    "",
    "Exit codes: 0 ok (also `racfring` alone, which prints this help), 1 failure predicted / findings, 2 usage error, 3 unreadable or invalid input; each command's --help lists its own.",
    "",
  ].join("\n");
  return wrapText(text, columns);
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    now: () => new Date(),
    colour: colourWanted(process.env, Boolean(process.stdout.isTTY)),
    columns: terminalColumns(process.stdout.columns),
    errIsTTY: Boolean(process.stderr.isTTY),
    errColumns: process.stderr.columns,
    ci: Boolean(process.env.CI),
  };
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const columns = io.columns ?? DEFAULT_COLUMNS;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    if (name === "help" && rest[0] && COMMANDS[rest[0]]) return runCli([rest[0], "--help"], io);
    // `racfring` alone is a request for help (as gh and npm treat it), not a mistake.
    io.out(mainHelp(columns));
    return EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    io.out(`racfring ${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const hint = name.startsWith("-")
      ? didYouMean(name.replace(/^-+/, ""), ["help", "version"], (n) => `--${n}`)
      : didYouMean(name, Object.keys(COMMANDS));
    io.err(
      wrapText(
        `racfring: unknown command "${name}"${hint}\nCommands: ${Object.keys(COMMANDS).join(", ")}.`,
        columns,
      ) + "\nRun `racfring --help` for details.\n",
    );
    return EXIT.usage;
  }
  const mod = await entry.load();
  try {
    const args = parseCommandArgs(mod.spec, rest);
    if (args.values.help === true) {
      io.out(helpText(mod.spec, columns));
      return EXIT.ok;
    }
    const colour = args.values["no-color"] === true ? false : (io.colour ?? io.isTTY);
    return await mod.run(args, { ...io, colour, columns });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(
        // The message stays on one line (scripts grep it); the usage line wraps like the help.
        `racfring ${name}: ${e.message}\n${wrapText(`Usage: ${mod.spec.usage}`, columns)}\nRun \`racfring ${name} --help\` for details.\n`,
      );
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.err(`racfring ${name}: ${e.message}\n`);
      return EXIT.input;
    }
    throw e;
  }
}

function isMain(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // `racfring explain --list | head -1`: the reader went away. That is not an error of ours.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `racfring: internal error: ${(e as Error).stack ?? String(e)}\nThis is a bug in racfring; please report it with the command you ran.\n`,
      );
      process.exitCode = 70;
    },
  );
}
