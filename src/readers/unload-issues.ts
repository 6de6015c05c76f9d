import { type ReadContext, report } from "./context.js";
import { nonTextHint, nonTextKind } from "./guard.js";
import { type Artefact, describeArtefact } from "./text.js";

/** Cap on per-line warnings of one kind; the rest are counted in a summary issue. */
export const MAX_LINE_ISSUES = 20;

/**
 * What an unload reader reports about its lines as a whole. A million-record unload with one
 * systematic defect (every record shifted, every line with a tab) must not give a million
 * issues: per-line warnings are capped per kind and counted, artefacts and unknown record types
 * are summed up per kind with the line of the first one.
 */
export class UnloadIssues {
  readonly #ctx: ReadContext;
  readonly #lineIssues = new Map<string, number>();
  readonly #artefacts = new Map<Artefact, { first: number; count: number }>();
  readonly #unknownTypes = new Map<string, { first: number; count: number }>();

  constructor(ctx: ReadContext) {
    this.#ctx = ctx;
  }

  /** A located warning about one line; after MAX_LINE_ISSUES of a code, only counted. */
  line(line: number, code: string, message: string, column?: number): void {
    const n = (this.#lineIssues.get(code) ?? 0) + 1;
    this.#lineIssues.set(code, n);
    if (n <= MAX_LINE_ISSUES) report(this.#ctx, line, code, message, "warning", column);
  }

  /** Clean-up artefacts (tabs, no-break spaces…) found on line `no`. */
  artefacts(found: readonly Artefact[], no: number): void {
    for (const a of found) {
      const s = this.#artefacts.get(a);
      if (s) s.count++;
      else this.#artefacts.set(a, { first: no, count: 1 });
    }
  }

  /** A record whose type IBM does not document. */
  unknownType(type: string, no: number): void {
    const s = this.#unknownTypes.get(type);
    if (s) s.count++;
    else this.#unknownTypes.set(type, { first: no, count: 1 });
  }

  /** The summaries, in the order the reader has always given them: artefacts, caps, types. */
  summarise(): void {
    const ctx = this.#ctx;
    for (const [a, s] of this.#artefacts) {
      report(ctx, s.first, `unload-${a}`, `${s.count} record(s) contain ${describeArtefact(a)}`, "info");
    }
    for (const [code, n] of this.#lineIssues) {
      if (n > MAX_LINE_ISSUES)
        report(ctx, 0, code, `${n - MAX_LINE_ISSUES} more "${code}" issue(s) not listed`, "warning");
    }
    for (const [type, s] of this.#unknownTypes) {
      report(
        ctx,
        s.first,
        "unload-unknown-record-type",
        `${s.count} record(s) of unknown type ${type} ignored (first at line ${s.first})`,
        "info",
      );
    }
  }

  /**
   * An unload without a single record is not an unload (empty, EBCDIC or binary transfer): an
   * error, so that commands exit 3 instead of reporting "no findings" on nothing. `sample` is
   * the start of the input, to name what it looks like instead.
   */
  empty(lines: number, sample: string): void {
    const kind = nonTextKind(sample);
    report(
      this.#ctx,
      1,
      "unload-empty",
      lines === 0 || sample.trim() === ""
        ? "no IRRDBU00 records found: the file is empty; is this EBCDIC or binary? Transfer the unload as text (EBCDIC → ASCII)"
        : `no IRRDBU00 records found; ${nonTextHint(kind)}`,
      "error",
    );
  }
}
