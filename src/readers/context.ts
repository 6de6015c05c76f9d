import type { RacfModel } from "../model/model.js";
import type { InputIssue, Severity, Source, SourceKind } from "../model/types.js";

/**
 * A data set the user mapped to a local file with `--dataset NAME=FILE` (RACDCERT ADD,
 * GENCERT from a request). Data set names are upper case, without quotes.
 */
export interface DatasetFile {
  file: string;
  data: Uint8Array;
}

/**
 * What every reader gets. Readers are pure (no file system access): the CLI reads files and
 * hands over their content. Readers never throw on bad input: they add located issues to the
 * model and carry on with what they can read.
 */
export interface ReadContext {
  model: RacfModel;
  /** The input's name as the user gave it; used in every Source and issue. */
  file: string;
  datasets: ReadonlyMap<string, DatasetFile>;
  /** When the JCL ran (RACF's own defaults for GENCERT dates); `--ran-at`, default now. */
  ranAt: Date;
  /** False when ranAt defaulted to now: dates derived from it are marked assumed. */
  ranAtGiven: boolean;
  /**
   * How to read changes to a RACLISTed class that no SETROPTS RACLIST(class) REFRESH follows:
   * as in effect (true, the default when absent) or as not yet in effect (src/racf/refresh.ts).
   */
  assumeRefreshed?: boolean;
}

export function src(ctx: Pick<ReadContext, "file">, kind: SourceKind, line: number, column?: number): Source {
  return column === undefined ? { file: ctx.file, line, kind } : { file: ctx.file, line, column, kind };
}

export function report(
  ctx: Pick<ReadContext, "model" | "file">,
  line: number,
  code: string,
  message: string,
  severity: Severity = "warning",
  column?: number,
): void {
  const issue: InputIssue = { file: ctx.file, line, code, severity, message };
  if (column !== undefined) issue.column = column;
  ctx.model.issue(issue);
}
