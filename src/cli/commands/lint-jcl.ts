/**
 * `racfring lint-jcl FILE...` — check RACF batch jobs or TSO command decks before submitting.
 */
import { neutralise, truncate } from "../../audit/format/safe-text.js";
import { formatLintIssue, type LintResult, lintFiles } from "../../lint/lint.js";
import { looksLikeListing } from "../../readers/listing-common.js";
import type { CommandSpec, Io, ParsedArgs } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { decodeText, readInput } from "../files.js";
import { jsonText } from "../output.js";

export const spec: CommandSpec = {
  name: "lint-jcl",
  summary: "Check RACF batch JCL or command decks for errors",
  usage: "racfring lint-jcl <file>... [--json] [--quiet]",
  description: `
Checks JOB/EXEC/DD basics, columns (commands within 1–71, sequence numbers in 73–80), TSO
continuation lines, quotes and parentheses, keywords per RACDCERT function, label/user id/ring
name lengths, missing SETROPTS RACLIST(...) REFRESH, passwords in clear text (never printed),
and what the deck alone shows: CONNECT of a label it never creates, PERMIT to a profile it never
defines. Several files are checked as one sequence of jobs, in the order given; a file that
cannot be read is reported after the results for the others.
Output: file:line:col: severity [code] message, a count on stderr.`,
  positionals: true,
  options: {
    json: { type: "boolean", description: "Print the results as JSON (schemas/lint-jcl.schema.json)" },
    quiet: { type: "boolean", description: "Print errors only, and no count" },
  },
  examples: ["racfring lint-jcl samples/site/setup.jcl", "racfring lint-jcl samples/site/setup.jcl --quiet"],
  exitCodes: {
    0: "no errors (warnings may be printed)",
    1: "errors found",
    2: "usage error",
    3: "a file cannot be read, or is empty, binary or EBCDIC (as for model --jcl); the others are still checked and printed",
  },
};

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError("at least one JCL file is required");
  const inputs: { text: string; file: string }[] = [];
  const unreadable: string[] = [];
  const listings: string[] = [];
  for (const file of args.positionals) {
    try {
      const text = decodeText(await readInput(file, io.cwd), file, "RACF commands");
      // Captured RACDCERT output linted as commands gives a warning per line and no answer.
      if (looksLikeListing(text)) listings.push(file);
      else inputs.push({ file, text });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable.push(e.message);
    }
  }
  const results: LintResult[] = [
    ...listings.map((file) => ({
      file,
      issues: [
        {
          file,
          line: 1,
          column: 1,
          severity: "error" as const,
          code: "listing-not-commands",
          message:
            "this looks like RACDCERT output; use --listing (racfring model, simulate or audit --listing FILE): lint-jcl checks jobs and command decks",
        },
      ],
      errors: 1,
      warnings: 0,
    })),
    ...lintFiles(inputs),
  ].sort((a, b) => args.positionals.indexOf(a.file) - args.positionals.indexOf(b.file));
  const quiet = args.values.quiet === true;
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const warnings = results.reduce((n, r) => n + r.warnings, 0);
  if (args.values.json === true) {
    io.out(jsonText("lint-jcl", { files: results, errors, warnings, unreadable }));
  } else {
    for (const r of results) {
      for (const i of r.issues) {
        if (quiet && i.severity !== "error") continue;
        // File names and messages quote the input: no control character reaches the terminal.
        io.out(`${neutralise(formatLintIssue({ ...i, file: truncate(i.file) }))}\n`);
      }
    }
    if (!quiet) io.err(`${results.length} file(s): ${errors} error(s), ${warnings} warning(s)\n`);
  }
  for (const u of unreadable) io.err(`racfring lint-jcl: ${neutralise(u)}\n`);
  if (unreadable.length > 0) return EXIT.input;
  return errors > 0 ? EXIT.findings : EXIT.ok;
}
