/**
 * `racfring lint-jcl FILE...` — check RACF batch jobs or TSO command decks before submitting.
 */
import { neutralise, truncate } from "../../audit/format/safe-text.js";
import { formatLintIssue, lintFiles } from "../../lint/lint.js";
import type { CommandSpec, Io, ParsedArgs } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { decodeText, readInput } from "../files.js";

export const spec: CommandSpec = {
  name: "lint-jcl",
  summary: "Check RACF batch JCL or command decks for errors",
  usage: "racfring lint-jcl <file>... [--json] [--quiet]",
  description: `
Checks JOB/EXEC/DD basics, columns (commands within 1–71, sequence numbers in 73–80), TSO
continuation lines, quotes and parentheses, keywords per RACDCERT function, label/user id/ring
name lengths, missing SETROPTS RACLIST(...) REFRESH, passwords in clear text (never printed),
and what the deck alone shows: CONNECT of a label it never creates, PERMIT to a profile it never
defines. Several files are checked as one sequence of jobs, in the order given.
Output: file:line:col severity code message.`,
  positionals: true,
  options: {
    json: { type: "boolean", description: "Print the results as JSON" },
    quiet: { type: "boolean", description: "Print errors only" },
  },
  examples: [
    "racfring lint-jcl setup.jcl",
    "racfring lint-jcl out/jcl/01-users.jcl out/jcl/02-authorities.jcl --quiet",
  ],
  exitCodes: {
    0: "no errors (warnings may be printed)",
    1: "errors found",
    2: "usage error",
    3: "a file cannot be read, or is empty, binary or EBCDIC (as for model --jcl)",
  },
};

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError("at least one JCL file is required");
  const inputs: { text: string; file: string }[] = [];
  for (const file of args.positionals)
    inputs.push({ file, text: decodeText(await readInput(file, io.cwd), file, "RACF commands") });
  const results = lintFiles(inputs);
  const quiet = args.values.quiet === true;
  if (args.values.json === true) {
    io.out(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const r of results) {
      for (const i of r.issues) {
        if (quiet && i.severity !== "error") continue;
        // File names and messages quote the input: no control character reaches the terminal.
        io.out(`${neutralise(formatLintIssue({ ...i, file: truncate(i.file) }))}\n`);
      }
    }
    const errors = results.reduce((n, r) => n + r.errors, 0);
    const warnings = results.reduce((n, r) => n + r.warnings, 0);
    io.err(`${results.length} file(s): ${errors} error(s), ${warnings} warning(s)\n`);
  }
  return results.some((r) => r.errors > 0) ? EXIT.findings : EXIT.ok;
}
