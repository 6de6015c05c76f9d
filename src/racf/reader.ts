import type { ReadContext } from "../readers/context.js";
import { clipMessage, nonTextHint, nonTextKind } from "../readers/guard.js";
import { CommandApplier } from "./apply.js";
import type { RacfIssue } from "./issues.js";
import { splitInput } from "./jcl.js";
import { parseCommand } from "./parse.js";
import { tokenizeLines } from "./tokenizer.js";

/**
 * Read RACF commands — a batch TSO job (SYSTSIN of IKJEFT01/1A/1B steps) or a plain command
 * deck — and apply them to `ctx.model` in order. Never throws: every problem becomes a located
 * issue (ctx.file, line, column) on the model, and the reader carries on with the next command.
 * Issues are added in input order, interleaved with the effects of the commands.
 */
export function readRacfCommands(text: string, ctx: ReadContext): void {
  let errors = 0;
  const toModel = (i: RacfIssue): void => {
    if (i.severity === "error") errors++;
    ctx.model.issue(
      i.column === undefined
        ? {
            file: ctx.file,
            line: i.line,
            code: i.code,
            severity: i.severity,
            message: clipMessage(i.message),
          }
        : {
            file: ctx.file,
            line: i.line,
            column: i.column,
            code: i.code,
            severity: i.severity,
            message: clipMessage(i.message),
          },
    );
  };
  const kind = nonTextKind(text);
  if (kind) {
    // An EBCDIC or binary file decodes to undecodable characters: parsing it would report one
    // "unknown command" of garbage and an empty model, i.e. "no findings". Say what it is instead.
    toModel({
      line: 1,
      code: "not-text",
      severity: "error",
      message: `no RACF commands found; ${nonTextHint(kind)}`,
    });
    return;
  }
  try {
    const split = splitInput(text);
    let commands = 0;
    const applier = new CommandApplier(ctx, { jobUser: split.jobUser });
    // Splitting issues (JCL structure) first: they explain what follows.
    split.issues.forEach(toModel);
    for (const block of split.blocks) {
      const tokens = tokenizeLines(block.lines);
      const pending = [...tokens.issues];
      commands += tokens.commands.length;
      for (const cmd of tokens.commands) {
        // Tokenizer issues belong to the command they were found in: report them in order.
        while (pending.length > 0 && (pending[0]?.line ?? 0) <= cmd.endLine)
          toModel(pending.shift() as RacfIssue);
        const parsed = parseCommand(cmd);
        parsed.issues.forEach(toModel);
        if (parsed.command) applier.apply(parsed.command);
      }
      pending.forEach(toModel);
    }
    applier.finish();
    // (Unless a command was there but refused, e.g. nested too deep: that error says it all.)
    if (commands === 0 && errors === 0) {
      // Nothing to read is invalid input for --jcl (exit 3), not an empty, defect-free setup.
      toModel({
        line: 1,
        code: "no-commands",
        severity: "error",
        message:
          split.kind === "jcl"
            ? "no RACF commands found: no in-stream SYSTSIN data of a TSO step (IKJEFT01/1A/1B) in this job"
            : `no RACF commands found in this file; ${nonTextHint(null)}`,
      });
    }
  } catch (e) {
    // A defect in racfring, not in the input: report it where the user will see it.
    toModel({
      line: 0,
      code: "internal-error",
      severity: "error",
      message: `racfring could not finish reading this input (internal error: ${(e as Error).message}); the model may be incomplete`,
    });
  }
}
