/**
 * `racfring explain CODE`: print what racfring's return-code catalogue holds for a System SSL or
 * AT-TLS code. I/O only; the table is src/sim/catalogue.ts.
 */
import type { CommandSpec, Io, ParsedArgs } from "../command.js";
import { EXIT, UsageError } from "../errors.js";

export const spec: CommandSpec = {
  name: "explain",
  summary: "Explain a System SSL or AT-TLS return code",
  usage: "racfring explain CODE [--json] | racfring explain --list [--json]",
  description: `
CODE is the number System SSL or AT-TLS logged (e.g. from "EZD1287I TTLS Error RC: 428"); forms
like "RC: 428" or "rc=428" are accepted. Prints the text, what it means, the likely causes in RACF
and AT-TLS set-ups, what to check, and where this comes from with its confidence. Codes racfring
has no source for are reported as unknown rather than given an invented text.`,
  positionals: true,
  options: {
    list: { type: "boolean", description: "List every code in the catalogue" },
    json: { type: "boolean", description: "Print JSON" },
  },
  examples: ["racfring explain 428", "racfring explain 'RC: 202' --json", "racfring explain --list"],
  exitCodes: {
    0: "The code is in the catalogue (or --list)",
    1: "The code is a number but not in the catalogue",
    2: "Usage error (no code, or not a number)",
  },
};

export function parseCode(text: string): number | null {
  const m = /^\s*(?:rc\s*[:=]?\s*)?(\d{1,5})\s*$/i.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { CATALOGUE, lookupCode, missingCodeNote } = await import("../../sim/catalogue.js");
  const { formatCode } = await import("../../sim/format.js");
  const json = args.values.json === true;
  if (args.values.list === true) {
    if (args.positionals.length > 0) throw new UsageError("give either CODE or --list");
    if (json) io.out(`${JSON.stringify(CATALOGUE, null, 2)}\n`);
    else
      for (const c of CATALOGUE)
        io.out(`${String(c.code).padStart(5)}  ${c.text}  [${c.family}; text ${c.textConfidence}]\n`);
    return EXIT.ok;
  }
  const raw = args.positionals.join(" ");
  if (raw.trim() === "") throw new UsageError("give the return code to explain, e.g. racfring explain 428");
  const code = parseCode(raw);
  if (code === null) throw new UsageError(`"${raw}" is not a return code (expected a number such as 428)`);
  const info = lookupCode(code);
  if (!info) {
    const note = missingCodeNote(code);
    if (json) io.out(`${JSON.stringify({ code, known: false, note }, null, 2)}\n`);
    else io.err(`racfring explain: ${note}\n`);
    return EXIT.findings;
  }
  io.out(json ? `${JSON.stringify({ ...info, known: true }, null, 2)}\n` : formatCode(info));
  return EXIT.ok;
}
