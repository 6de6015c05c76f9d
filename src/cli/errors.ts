/** Exit codes shared by every command (documented in the README and in each --help). */
export const EXIT = {
  ok: 0,
  /** A failure predicted (simulate), findings at or above --fail-on (audit), lint errors. */
  findings: 1,
  usage: 2,
  input: 3,
} as const;

/** Bad flags or arguments. The command's usage is printed with the message. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An input that cannot be read or is invalid (with --strict: any input issue). */
export class InputError extends Error {
  override name = "InputError";
}
