/**
 * The output plumbing every command shares: JSON in one documented envelope, text wrapped to the
 * terminal.
 *
 * Every `--json` document is an object that starts with `kind` ("racfring.<command>") and
 * `version` (the envelope version of that command's document; it changes only when a field is
 * removed or changes meaning). The JSON Schemas in schemas/<command>.schema.json describe each
 * one and ship with the package; the tests validate the commands' output against them.
 */
import type { Io } from "./command.js";
import { DEFAULT_COLUMNS, wrapText } from "./terminal.js";

export const JSON_ENVELOPE_VERSION = 1;

export function jsonEnvelope<T extends object>(
  command: string,
  body: T,
): { kind: string; version: number } & T {
  return { kind: `racfring.${command}`, version: JSON_ENVELOPE_VERSION, ...body };
}

export function jsonText(command: string, body: object): string {
  return `${JSON.stringify(jsonEnvelope(command, body), null, 2)}\n`;
}

/** Text for a person: wrapped to the terminal's width, indentation kept. */
export function printText(io: Io, text: string): void {
  io.out(wrapText(text, io.columns ?? DEFAULT_COLUMNS));
}

/** `--json`, or `--format json` where a command has --format. */
export function wantsJson(values: Record<string, unknown>): boolean {
  return (
    values.json === true || (typeof values.format === "string" && values.format.toLowerCase() === "json")
  );
}
