/**
 * `racfring explain CODE`: print what racfring's return-code catalogue holds for a System SSL or
 * AT-TLS code. I/O only; the table is src/sim/catalogue.ts.
 */
import type { CommandSpec, Io, ParsedArgs } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { jsonText, printText } from "../output.js";

export const spec: CommandSpec = {
  name: "explain",
  summary: "Explain a System SSL or AT-TLS return code, or a logged message",
  usage:
    "racfring explain CODE... [--json] | racfring explain 'MESSAGE TEXT' [--json] | racfring explain --list [--json]",
  description: `
CODE is the number System SSL or AT-TLS logged. The message itself can be given, e.g.
"EZD1287I TTLS Error RC: 428 Initial Handshake": the number after "RC:" is taken; forms like
"RC: 428" or "rc=428" are accepted too. Several codes can be given (racfring explain 428 202);
each is explained in turn. Prints the text, what it means, the likely causes in RACF and AT-TLS
set-ups, what to check, and where this comes from with its confidence. Codes racfring has no
source for are reported as unknown rather than given an invented text. With --json:
{"kind": "racfring.explain", "version": 1, "codes": [...]}, one entry per code given (or
every catalogue entry with --list); schema in schemas/explain.schema.json.

Any message \`racfring diagnose\` recognises can be given instead of a code (ICH408I, IEF695I,
ICSF CSF... messages with return/reason codes, TLS alerts, OpenSSL errors, CWPKI and Java key
ring messages, System SSL trace lines, ...): the message is explained with the causes it points
at, their checks and fixes, sources and confidence.`,
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
    "racfring explain 'CSFPPKS failed, return code 8, reason code 0x2B00'",
    "racfring explain 'error:0A000066:SSL routines::bad dh g value'",
    "racfring explain --list",
  ],
  exitCodes: {
    0: "Every code is in the catalogue (or --list)",
    1: "A code is a number but not in the catalogue",
    2: "Usage error (no code, or neither a number nor a recognised message; nothing is explained then)",
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
  if (bad.length > 0 || codes.length === 0) {
    const shown = await explainMessage(args.positionals.join(" "), json, io);
    if (shown !== null) return shown;
  }
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
    else printText(io, `${n > 0 ? "\n" : ""}${formatCode(info, Number.POSITIVE_INFINITY)}`);
  });
  if (json) io.out(jsonText("explain", { codes: out }));
  return unknown > 0 ? EXIT.findings : EXIT.ok;
}

/** A logged message instead of a code: what it says and the causes it points at. */
async function explainMessage(text: string, json: boolean, io: Io): Promise<number | null> {
  const { recogniseLine, causeDef } = await import("../../diagnose/index.js");
  const { neutralise, neutraliseDeep } = await import("../../audit/format/safe-text.js");
  const msg = recogniseLine(text);
  if (!msg) return null;
  const { lookupCode } = await import("../../sim/catalogue.js");
  const code = msg.facts.rc !== undefined ? (lookupCode(msg.facts.rc) ?? null) : null;
  const causes = [...msg.signals]
    .sort((a, b) => b.weight - a.weight)
    .map((s) => {
      const def = causeDef(s.cause);
      const ctx = {
        user: msg.facts.user ?? null,
        ringOwner: null,
        ring: null,
        label: null,
        rule: msg.facts.rule ?? null,
        jobname: msg.facts.jobname ?? null,
      };
      return {
        cause: def.id,
        title: def.title,
        weight: s.weight,
        source: def.source,
        confidence: def.confidence,
        checks: def.checks(ctx),
        fix: def.fix(ctx),
      };
    });
  if (json) {
    io.out(
      `${JSON.stringify(neutraliseDeep({ message: { ...msg, text: clip(text) }, causes, code }), null, 2)}\n`,
    );
    return EXIT.ok;
  }
  const conf = { ibm: "IBM", "third-party": "third-party", unconfirmed: "UNCONFIRMED" } as const;
  const lines = [
    `${neutralise(msg.id)} (${neutralise(msg.family)}): ${neutralise(clip(msg.summary))}`,
    `  Source: ${msg.source} [${conf[msg.confidence]}]`,
  ];
  if (causes.length === 0)
    lines.push(
      "  Points at no particular cause on its own; read it with the other messages (racfring diagnose).",
    );
  for (const c of causes) {
    lines.push(
      "",
      `  Cause: ${c.title} [${c.cause}; ${conf[c.confidence]}]`,
      `    Source: ${c.source}`,
      "    Check:",
    );
    for (const k of c.checks) lines.push(`      ${neutralise(k)}`);
    lines.push("    Fix:");
    for (const f of c.fix) lines.push(`      ${neutralise(f)}`);
  }
  io.out(`${lines.join("\n")}\n`);
  if (code) {
    const { formatCode } = await import("../../sim/format.js");
    io.out(`\n${formatCode(code)}`);
  }
  return EXIT.ok;
}
