import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./errors.js";

/** Where a command writes. Injected so tests capture output without spawning a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal: colours and interactive prompts are allowed. */
  isTTY: boolean;
  cwd: string;
  /** Current time; injectable for tests. */
  now(): Date;
}

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

export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, o] of Object.entries(spec.options)) {
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
      throw new UsageError(`unexpected argument "${positionals[0]}"`);
    }
    const ordered = (tokens ?? []).flatMap((t) =>
      t.kind === "option" ? [{ name: t.name, value: t.value }] : [],
    );
    return { values: values as OptionValues, positionals, ordered };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ""));
  }
}

export function helpText(spec: CommandSpec): string {
  const lines = [`racfring ${spec.name} — ${spec.summary}`, "", `Usage: ${spec.usage}`];
  if (spec.description) lines.push("", spec.description.trim());
  const opts = Object.entries(spec.options);
  if (opts.length > 0) {
    lines.push("", "Options:");
    const rows = opts.map(([name, o]) => {
      const flag = `${o.short ? `-${o.short}, ` : ""}--${name}${o.arg ? ` ${o.arg}` : ""}`;
      const rep = o.multiple ? " (repeatable)" : "";
      return [flag, `${o.description}${rep}`] as const;
    });
    rows.push(["-h, --help", "Show this help."]);
    const w = Math.min(34, Math.max(...rows.map((r) => r[0].length)));
    for (const [flag, desc] of rows) {
      lines.push(flag.length > w ? `  ${flag}\n  ${" ".repeat(w)}  ${desc}` : `  ${flag.padEnd(w)}  ${desc}`);
    }
  }
  if (spec.examples.length > 0) lines.push("", "Examples:", ...spec.examples.map((e) => `  ${e}`));
  lines.push("", "Exit codes:", ...Object.entries(spec.exitCodes).map(([c, d]) => `  ${c}  ${d}`));
  return `${lines.join("\n")}\n`;
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
