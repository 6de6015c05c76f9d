/**
 * The wizard asks through a `Prompter`, so the question flow runs the same against a terminal
 * (@inquirer/prompts), a script (tests) or the flags alone (no terminal, CI, --yes).
 *
 * Every question has a stable id (the flag that answers it), a one-line help and, where one
 * makes sense, a default.
 */

export interface Choice<T extends string> {
  value: T;
  name: string;
  /** Shown under the list for the highlighted choice. */
  description?: string;
}

interface Question {
  /** Stable id: the flag that answers it, without `--`. */
  id: string;
  message: string;
  /** One line: what the answer is for. */
  help: string;
}

export interface SelectQuestion<T extends string> extends Question {
  choices: Choice<T>[];
  /** Where the cursor starts in a terminal. */
  default: T;
  /** The default is only a suggestion (a user found in the inputs): --yes does not take it. */
  required?: boolean;
}

export interface InputQuestion extends Question {
  /** Absent: the question has no sensible default and must be answered. */
  default?: string;
  /** Checked as the answer is typed and before it is accepted: true, or why not. */
  validate(value: string): true | string;
}

export interface ConfirmQuestion extends Question {
  default: boolean;
}

export interface Prompter {
  select<T extends string>(q: SelectQuestion<T>): Promise<T>;
  input(q: InputQuestion): Promise<string>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  /** A remark between questions: a warning, the simulated outcome so far. */
  note(text: string): void;
}

/** Ctrl-C or Esc at a question: the wizard stops and writes nothing (exit 130). */
export class WizardCancelled extends Error {
  override name = "WizardCancelled";
}

/**
 * The answers a terminal-less run has: the flags, and with --yes every default. Questions
 * without an answer are collected (not asked), so one run names every missing flag.
 */
export class FlagPrompter implements Prompter {
  readonly missing: string[] = [];
  /** Questions without any default (no --yes can answer them). */
  readonly noDefault: string[] = [];
  /** Remarks, printed by the caller once every question had an answer. */
  readonly notes: string[] = [];
  constructor(private readonly yes: boolean) {}

  select<T extends string>(q: SelectQuestion<T>): Promise<T> {
    if (!this.yes || q.required) this.missing.push(q.id);
    if (q.required) this.noDefault.push(q.id);
    return Promise.resolve(q.default);
  }

  input(q: InputQuestion): Promise<string> {
    if (q.default === undefined) this.noDefault.push(q.id);
    if (q.default === undefined || !this.yes) {
      this.missing.push(q.id);
      // A placeholder that passes the flow's later steps; never written (missing → exit 2).
      return Promise.resolve(q.default ?? "");
    }
    return Promise.resolve(q.default);
  }

  confirm(q: ConfirmQuestion): Promise<boolean> {
    if (!this.yes) this.missing.push(q.id);
    return Promise.resolve(q.default);
  }

  note(text: string): void {
    this.notes.push(text);
  }
}
