import { type ParseArgsConfig, parseArgs } from "node:util";
import { didYouMean } from "../util/suggest.js";
import { UsageError } from "./errors.js";
import { DEFAULT_COLUMNS, wrapText } from "./terminal.js";

/** Where a command writes. Injected so tests capture output without spawning a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal: colours and interactive prompts are allowed. */
  isTTY: boolean;
  cwd: string;
  /** Current time; injectable for tests. */
  now(): Date;
  /**
   * Colour allowed (TTY, NO_COLOR, TERM=dumb, FORCE_COLOR, CLICOLOR_FORCE; see terminal.ts).
   * Absent: colour when isTTY. `--no-color` is applied by the framework before run().
   */
  colour?: boolean;
  /** Terminal width for wrapping text (process.stdout.columns); absent: 80. */
  columns?: number;
  /** stderr is a terminal: progress bars are allowed. */
  errIsTTY?: boolean;
  /** Width of the terminal stderr writes to (process.stderr.columns), for progress lines. */
  errColumns?: number;
  /** Running under CI (the CI variable is set): no progress bars even on a terminal. */
  ci?: boolean;
}

/** Options every command accepts; the framework handles them. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  "no-color": { type: "boolean", description: "No colour (also NO_COLOR=1 or TERM=dumb)" },
};

export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  /** Placeholder shown in help, e.g. FILE. */
  arg?: string;
  description: string;
  default?: string | boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  description?: string;
  options: OptionSpecs;
  examples: string[];
  exitCodes: Record<number, string>;
  /** Accept positional arguments (otherwise they are a usage error). */
  positionals?: boolean;
}

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
  /** Options in the order given, for inputs whose order matters. */
  ordered: { name: string; value: string | undefined }[];
}

function displayFlag(name: string, o: OptionSpec | undefined): string {
  return `--${name}${o?.arg ? ` ${o.arg}` : ""}`;
}

/**
 * Node's parseArgs messages name its own internals ("argument is ambiguous", "To specify a
 * positional..."); racfring says what is wrong in its own words, with the nearest option when
 * a name is mistyped.
 */
function usageMessage(spec: CommandSpec, e: Error & { code?: string }): string {
  const all: OptionSpecs = { ...spec.options, ...GLOBAL_OPTIONS };
  const names = [...Object.keys(all), "help"];
  const quoted = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? "";
  const long = (flag: string): string => {
    const m = /^--([^=]+)/.exec(flag);
    if (m?.[1]) return m[1];
    const short = flag.replace(/^-/, "");
    return Object.entries(all).find(([, o]) => o.short === short)?.[0] ?? short;
  };
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const name = quoted.replace(/^-+/, "").split("=")[0] ?? "";
    return `unknown option ${quoted}${didYouMean(name, names, (n) => `--${n}`)}`;
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    // "Option '-o, --output <value>' argument missing" / "argument is ambiguous" (the next word
    // starts with "-") / "does not take an argument" (--json=yes).
    const flagInMessage = /--([a-z0-9-]+)/i.exec(e.message)?.[1] ?? long(quoted);
    const o = all[flagInMessage];
    if (/does not take an argument/.test(e.message)) return `--${flagInMessage} takes no value`;
    const ambiguous = /ambiguous/.test(e.message);
    return `${displayFlag(flagInMessage, o)}: a value is required${ambiguous ? ` (the next word starts with "-"; write --${flagInMessage}=VALUE if that is the value)` : ""}`;
  }
  return e.message.replace(/\. To specify a positional.*$/s, "");
}

export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, o] of Object.entries({ ...spec.options, ...GLOBAL_OPTIONS })) {
    options[name] = {
      type: o.type,
      ...(o.multiple ? { multiple: true } : {}),
      ...(o.short ? { short: o.short } : {}),
    };
  }
  options.help = { type: "boolean", short: "h" };
  try {
    const { values, positionals, tokens } = parseArgs({
      args: argv,
      options,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
    if (!spec.positionals && positionals.length > 0) {
      const p = positionals[0] ?? "";
      // `racfring model setup.jcl`: a file given without its flag.
      throw new UsageError(`unexpected argument "${p}" (this command takes its inputs through options)`);
    }
    const ordered = (tokens ?? []).flatMap((t) =>
      t.kind === "option" ? [{ name: t.name, value: t.value }] : [],
    );
    return { values: values as OptionValues, positionals, ordered };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(usageMessage(spec, e as Error & { code?: string }));
  }
}

/** Shell continuation for an example longer than the terminal: it stays pasteable. */
function exampleLines(example: string, width: number): string[] {
  const room = width - 4;
  if (example.length + 2 <= width) return [`  ${example}`];
  const words = example.match(/(?:'[^']*'|"[^"]*"|\S)+/g) ?? [example];
  const lines: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur !== "" && cur.length + 1 + w.length > room) {
      lines.push(cur);
      cur = `  ${w}`;
    } else cur = cur === "" ? w : `${cur} ${w}`;
  }
  lines.push(cur);
  return lines.map((l, i) => `  ${l}${i < lines.length - 1 ? " \\" : ""}`);
}

/** Prose wrapped at `width`, every line after the first indented by `hang`. */
function hangWrap(first: string, text: string, hang: number, width: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let cur = first;
  let started = false;
  for (const w of words) {
    if (started && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = `${" ".repeat(hang)}${w}`;
    } else cur = started ? `${cur} ${w}` : `${cur}${w}`;
    started = true;
  }
  lines.push(cur);
  return lines;
}

/**
 * The description as the terminal should show it: the lines of a paragraph are written in the
 * source at whatever width was convenient, so they are joined and wrapped again at `width`;
 * indented lines and bullets ("- ") keep their own lines (examples, lists).
 */
function descriptionLines(text: string, width: number): string[] {
  const out: string[] = [];
  let prose: string | null = null;
  const flush = () => {
    if (prose !== null) out.push(...hangWrap("", prose, 0, width));
    prose = null;
  };
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      flush();
      out.push("");
    } else if (/^\s|^[-*] /.test(line)) {
      flush();
      out.push(wrapText(line, width));
    } else prose = prose === null ? line : `${prose} ${line}`;
  }
  flush();
  return out;
}

export function helpText(spec: CommandSpec, columns: number = DEFAULT_COLUMNS): string {
  const lines = [...hangWrap(`racfring ${spec.name} — `, spec.summary, 2, columns), ""];
  lines.push(...hangWrap("Usage: ", spec.usage, 9, columns));
  if (spec.description) lines.push("", ...descriptionLines(spec.description.trim(), columns));
  lines.push("", "Options:");
  const rows = Object.entries({ ...spec.options, ...GLOBAL_OPTIONS }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ""}--${name}${o.arg ? ` ${o.arg}` : ""}`;
    const rep = o.multiple ? " (repeatable)" : "";
    return [flag, `${o.description}${rep}`] as const;
  });
  rows.push(["-h, --help", "Show this help."]);
  const w = Math.min(34, Math.max(...rows.map((r) => r[0].length)));
  for (const [flag, desc] of rows) {
    if (flag.length > w) lines.push(`  ${flag}`, ...hangWrap(" ".repeat(w + 4), desc, w + 4, columns));
    else lines.push(...hangWrap(`  ${flag.padEnd(w)}  `, desc, w + 4, columns));
  }
  if (spec.examples.length > 0)
    lines.push("", "Examples:", ...spec.examples.flatMap((e) => exampleLines(e, columns)));
  lines.push("", "Exit codes:");
  for (const [c, d] of Object.entries(spec.exitCodes)) lines.push(...hangWrap(`  ${c}  `, d, 5, columns));
  return `${lines.join("\n")}\n`;
}

/** The exit codes a command's help documents (what `Exit codes:` lists), read back from the text. */
export function documentedExitCodes(help: string): number[] {
  const section = help.split("\nExit codes:\n")[1] ?? "";
  return [...section.matchAll(/^ {2}(\d+) {2}/gm)].map((m) => Number(m[1]));
}

export function str(v: OptionValues[string]): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function strs(v: OptionValues[string]): string[] {
  return Array.isArray(v)
    ? v.filter((x): x is string => typeof x === "string")
    : typeof v === "string"
      ? [v]
      : [];
}
