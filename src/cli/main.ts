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
import { type CommandSpec, helpText, type Io, type ParsedArgs, parseCommandArgs } from "./command.js";
import { EXIT, InputError, UsageError } from "./errors.js";

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
  diagnose: {
    summary: "Diagnose a failed TLS handshake from console, job log, trace and client messages",
    load: () => import("./commands/diagnose.js"),
  },
  "lint-jcl": {
    summary: "Check RACF batch JCL or command decks for errors",
    load: () => import("./commands/lint-jcl.js"),
  },
};

const VERSION = "0.1.0";

function mainHelp(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
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
    "  racfring diagnose samples/logs/ftps-plaintext.log",
    "",
    "Exit codes: 0 ok, 1 failure predicted / findings, 2 usage error, 3 unreadable or invalid input.",
    "",
  ].join("\n");
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    if (name === "help" && rest[0] && COMMANDS[rest[0]]) return runCli([rest[0], "--help"], io);
    io.out(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    io.out(`racfring ${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`racfring: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}.\n`);
    return EXIT.usage;
  }
  const mod = await entry.load();
  try {
    const args = parseCommandArgs(mod.spec, rest);
    if (args.values.help === true) {
      io.out(helpText(mod.spec));
      return EXIT.ok;
    }
    return await mod.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(
        `racfring ${name}: ${e.message}\nUsage: ${mod.spec.usage}\nRun \`racfring ${name} --help\` for details.\n`,
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
