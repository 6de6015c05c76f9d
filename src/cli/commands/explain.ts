/**
 * `racfring explain CODE`: print what racfring's return-code catalogue holds for a System SSL or
 * AT-TLS code. I/O only; the table is src/sim/catalogue.ts.
 */
import type { CommandSpec, Io, ParsedArgs } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { jsonText, printText } from "../output.js";

export const spec: CommandSpec = {
  name: "explain",
  summary: "Explain a System SSL or AT-TLS return code",
  usage: "racfring explain CODE... [--json] | racfring explain --list [--json]",
  description: `
CODE is the number System SSL or AT-TLS logged. The message itself can be given, e.g.
"EZD1287I TTLS Error RC: 428 Initial Handshake": the number after "RC:" is taken; forms like
"RC: 428" or "rc=428" are accepted too. Several codes can be given (racfring explain 428 202);
each is explained in turn. Prints the text, what it means, the likely causes in RACF and AT-TLS
set-ups, what to check, and where this comes from with its confidence. Codes racfring has no
source for are reported as unknown rather than given an invented text. With --json:
{"kind": "racfring.explain", "version": 1, "codes": [...]}, one entry per code given (or
every catalogue entry with --list); schema in schemas/explain.schema.json.`,
  positionals: true,
  options: {
    list: { type: "boolean", description: "List every code in the catalogue" },
    json: { type: "boolean", description: "Print JSON (schemas/explain.schema.json)" },
  },
  examples: [
    "racfring explain 428",
    "racfring explain 'EZD1287I TTLS Error RC: 428 Initial Handshake'",
    "racfring explain 428 202",
    "racfring explain 'RC: 202' --json",
    "racfring explain --list",
  ],
  exitCodes: {
    0: "Every code is in the catalogue (or --list)",
    1: "A code is a number but not in the catalogue",
    2: "Usage error (no code, or something that is not a number; nothing is explained then)",
  },
};

/** Longest piece of user input quoted back in a message. */
const MAX_ECHO = 200;

function clip(text: string): string {
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

/** One code: "428", "RC: 428", "rc=428". */
export function parseCode(text: string): number | null {
  const m = /^\s*(?:rc\s*[:=]?\s*)?(\d{1,5})\s*$/i.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * The codes in what the user gave. A logged message ("EZD1287I TTLS Error RC: 428 Initial
 * Handshake ...", the form this command's help quotes) holds other words and numbers — only the
 * number after "RC" is the return code. Otherwise every word must be a code.
 */
export function parseCodes(words: readonly string[]): { codes: number[]; bad: string[] } {
  const text = words.join(" ");
  const rc = [...text.matchAll(/\brc\s*[:=]?\s*(\d{1,5})\b/gi)].map((m) => Number(m[1]));
  if (rc.length > 0) return { codes: rc, bad: [] };
  const codes: number[] = [];
  const bad: string[] = [];
  for (const w of text.split(/[\s,]+/).filter((t) => t !== "")) {
    const c = parseCode(w);
    if (c === null) bad.push(w);
    else codes.push(c);
  }
  return { codes, bad };
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { CATALOGUE, lookupCode, missingCodeNote } = await import("../../sim/catalogue.js");
  const { formatCode } = await import("../../sim/format.js");
  const json = args.values.json === true;
  if (args.values.list === true) {
    if (args.positionals.length > 0) throw new UsageError("give either CODE or --list");
    if (json) io.out(jsonText("explain", { codes: CATALOGUE.map((c) => ({ ...c, known: true })) }));
    else
      for (const c of CATALOGUE)
        io.out(`${String(c.code).padStart(5)}  ${c.text}  [${c.family}; text ${c.textConfidence}]\n`);
    return EXIT.ok;
  }
  if (args.positionals.join("").trim() === "")
    throw new UsageError("give the return code to explain, e.g. racfring explain 428");
  const { codes, bad } = parseCodes(args.positionals);
  if (bad.length > 0)
    throw new UsageError(
      `${bad.map((b) => `"${clip(b)}"`).join(", ")} ${bad.length === 1 ? "is not a return code" : "are not return codes"} (expected a number such as 428, or a message with "RC: 428")`,
    );
  let unknown = 0;
  const out: unknown[] = [];
  codes.forEach((code, n) => {
    const info = lookupCode(code);
    if (!info) {
      unknown++;
      const note = missingCodeNote(code);
      if (json) out.push({ code, known: false, note });
      else io.err(`racfring explain: ${note}\n`);
      return;
    }
    if (json) out.push({ ...info, known: true });
    else printText(io, `${n > 0 ? "\n" : ""}${formatCode(info)}`);
  });
  if (json) io.out(jsonText("explain", { codes: out }));
  return unknown > 0 ? EXIT.findings : EXIT.ok;
}
