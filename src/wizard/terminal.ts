/**
 * The wizard's terminal prompter: @inquirer/prompts, imported only when the wizard runs in a
 * terminal (so `racfring --help` and scripted runs never load it).
 *
 * Ctrl-C makes inquirer throw ExitPromptError; Esc is not a cancel key in inquirer, so each
 * prompt gets an AbortSignal that an Esc keypress triggers (AbortPromptError). Both become
 * WizardCancelled. inquirer restores the cursor and the terminal mode when a prompt ends,
 * however it ends, so the terminal is left sane.
 */
import { emitKeypressEvents } from "node:readline";
import {
  type ConfirmQuestion,
  type InputQuestion,
  type Prompter,
  type SelectQuestion,
  WizardCancelled,
} from "./prompter.js";

type Inquirer = typeof import("@inquirer/prompts");

function cancelled(e: unknown): boolean {
  const name = (e as Error | undefined)?.name;
  return name === "ExitPromptError" || name === "AbortPromptError" || name === "CancelPromptError";
}

export async function terminalPrompter(out: (text: string) => void): Promise<Prompter> {
  const inquirer: Inquirer = await import("@inquirer/prompts");
  emitKeypressEvents(process.stdin);

  async function ask<T>(help: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    out(`\x1b[2m  ${help}\x1b[22m\n`);
    const ac = new AbortController();
    const onKey = (_s: string | undefined, key: { name?: string } | undefined) => {
      if (key?.name === "escape") ac.abort();
    };
    process.stdin.on("keypress", onKey);
    try {
      return await run(ac.signal);
    } catch (e) {
      if (cancelled(e)) throw new WizardCancelled("cancelled at a question");
      throw e;
    } finally {
      process.stdin.off("keypress", onKey);
    }
  }

  return {
    select<T extends string>(q: SelectQuestion<T>): Promise<T> {
      return ask(q.help, (signal) =>
        inquirer.select<T>(
          {
            message: q.message,
            choices: q.choices.map((c) => ({
              value: c.value,
              name: c.name,
              ...(c.description ? { description: c.description } : {}),
            })),
            default: q.default,
            pageSize: 10,
          },
          { signal },
        ),
      );
    },
    input(q: InputQuestion): Promise<string> {
      return ask(q.help, (signal) =>
        inquirer.input(
          {
            message: q.message,
            ...(q.default !== undefined ? { default: q.default } : {}),
            validate: (v: string) => q.validate(v),
          },
          { signal },
        ),
      );
    },
    confirm(q: ConfirmQuestion): Promise<boolean> {
      return ask(q.help, (signal) =>
        inquirer.confirm({ message: q.message, default: q.default }, { signal }),
      );
    },
    note(text: string): void {
      out(`${text}\n`);
    },
  };
}
