import { availableParallelism } from "node:os";
import { modelFromJson } from "../model/json.js";
import { RacfModel } from "../model/model.js";
import type { InputIssue } from "../model/types.js";
import { parseAssumeRefreshed } from "../racf/refresh.js";
import type { DatasetFile, ReadContext } from "../readers/context.js";
import { displayControlIssues } from "../readers/display-controls.js";
import { mergeCertificate, sameCertificate } from "../readers/merge.js";
import { type Io, type OptionSpecs, type ParsedArgs, str } from "./command.js";
import { InputError, UsageError } from "./errors.js";
import { inputFile, inputStream, readInput, reusedChunks, STDIN } from "./files.js";
import {
  NO_PROGRESS,
  type ProgressSink,
  type ProgressTask,
  progressDelay,
  progressSink,
} from "./progress.js";
import { readUsersInWorker, type UserWorker, WORKER_MIN_BYTES, workerUse } from "./unload-users.js";

/**
 * The progress bar for a command's reads and audits: on stderr, only when it is a terminal, and
 * never under CI (a CI log that keeps a terminal shows every redraw) or with --quiet.
 */
export function progressFor(io: Io, quiet = false): ProgressSink {
  if (quiet || io.ci === true) return NO_PROGRESS;
  return progressSink({
    write: (t) => io.err(t),
    isTTY: io.errIsTTY === true,
    // The line goes to stderr: its own width, whatever stdout is (a file, a pipe).
    columns: io.errColumns ?? io.columns ?? 80,
    delayMs: progressDelay(process.env),
  });
}

/**
 * The input flags every command that works on a RACF state accepts. They can be mixed and
 * repeated; they are applied in the order given (a later RACDCERT DELETE removes what an
 * earlier listing showed).
 */
export const INPUT_OPTIONS: OptionSpecs = {
  jcl: {
    type: "string",
    multiple: true,
    arg: "FILE",
    description: "RACF commands: a batch TSO job (IKJEFT01 SYSTSIN) or a plain command deck",
  },
  listing: {
    type: "string",
    multiple: true,
    arg: "FILE",
    description: "Captured RACDCERT LIST/LISTRING/LISTCHAIN, RLIST or SETROPTS LIST output",
  },
  unload: { type: "string", multiple: true, arg: "FILE", description: "IRRDBU00 database unload (text)" },
  cert: {
    type: "string",
    multiple: true,
    arg: "FILE[=OWNER:LABEL]",
    description: "PEM/DER/PKCS#7 certificate(s); OWNER is ID(user), CERTAUTH or SITE",
  },
  model: {
    type: "string",
    multiple: true,
    arg: "FILE",
    description: "A model JSON written by `racfring model --json`",
  },
  dataset: {
    type: "string",
    multiple: true,
    arg: "NAME=FILE",
    description: "Map a data set named in the JCL (RACDCERT ADD, GENCERT request) to a local file",
  },
  "ran-at": {
    type: "string",
    arg: "DATE",
    description: "When the JCL ran (GENCERT default dates); default now, marked as assumed",
  },
  "assume-refreshed": {
    type: "string",
    arg: "yes|no",
    description:
      "Changes to a RACLISTed class with no SETROPTS RACLIST(class) REFRESH after them: read as in effect (yes, default) or not yet (no)",
  },
  strict: { type: "boolean", description: "Treat every input issue as an error (exit 3)" },
};

export const INPUT_FLAGS = ["jcl", "listing", "unload", "cert", "model"] as const;

export function parseDateOption(value: string, flag: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z)?$/.exec(value.trim());
  if (!m) throw new UsageError(`--${flag} expects YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], got "${value}"`);
  const [, y, mo, d, h = "00", mi = "00", s = "00"] = m;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) {
    throw new UsageError(`--${flag}: "${value}" is not a valid date`);
  }
  return date;
}

export interface LoadedInputs {
  model: RacfModel;
  /** Input files in the order read. */
  files: string[];
}

/** The bytes of an input as they arrive, advancing its progress bar (the total is the file's size). */
async function* fileChunks(
  input: NodeJS.ReadableStream | AsyncIterable<Uint8Array | string>,
  task: ProgressTask,
): AsyncIterable<Uint8Array | string> {
  try {
    for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
      task.advance(chunk.length);
      yield chunk;
    }
  } finally {
    task.done();
  }
}

/**
 * Read an IRRDBU00 unload. A file of some size has its user records read by a worker thread
 * at the same time (src/cli/unload-users.ts), through the descriptor opened and checked here;
 * standard input, a small file or RACFRING_UNLOAD_WORKER=off is read on this thread alone.
 */
async function readUnloadInput(
  value: string,
  cwd: string,
  ctx: ReadContext,
  progress: ProgressSink,
  sanitize: (line: string, n: number) => string,
): Promise<void> {
  const { readUnloadBytes } = await import("../readers/unload.js");
  const use = workerUse(process.env);
  if (value === STDIN) {
    // Standard input has no size: the bar then counts only.
    const task = progress.start(`reading ${value}`, "bytes", undefined);
    await readUnloadBytes(fileChunks(await inputStream(value, cwd), task), ctx, { sanitize });
    return;
  }
  const fh = await inputFile(value, cwd);
  let worker: UserWorker | null = null;
  try {
    const { size } = await fh.stat();
    const task = progress.start(`reading ${value}`, "bytes", size);
    // Every reading of the descriptor is at explicit positions: none moves another's.
    const read = () => reusedChunks(fh.fd);
    // One core: a second thread would only take turns with this one.
    if (use === "off" || (use === "auto" && (size < WORKER_MIN_BYTES || availableParallelism() < 2))) {
      await readUnloadBytes(fileChunks(read(), task), ctx, { sanitize });
      return;
    }
    worker = readUsersInWorker(fh.fd, value);
    const started = worker;
    const table =
      use === "require"
        ? started.table.then((t) => {
            if (!t)
              throw new InputError(
                `${value}: the user records could not be read in a worker thread: ${started.failure()}`,
              );
            return t;
          })
        : started.table;
    // An input error can end the reading before the table is asked for: its failure is then
    // no one's, and must not surface as an unhandled rejection.
    table.catch(() => undefined);
    await readUnloadBytes(fileChunks(read(), task), ctx, {
      sanitize,
      users: { table, again: read, clean: (line) => sanitizeText(line).text },
    });
  } finally {
    await worker?.stop();
    await fh.close();
  }
}

/**
 * The clean-up of an unload line that holds more than printable ASCII: control characters
 * replaced, and reported on their line (into `found`; the cap on reported lines is per file,
 * through `counted`); a NUL byte means a binary file.
 */
function sanitizeUnloadLine(
  line: string,
  n: number,
  file: string,
  found: InputIssue[],
  counted: { lines: number },
): string {
  if (line.includes("\u0000")) {
    throw new InputError(
      `${file}:${n}: binary data (NUL bytes) in an IRRDBU00 unload; transfer it as text (EBCDIC → ASCII)`,
    );
  }
  found.push(...displayControlIssues(line, file, n, counted));
  return sanitizeText(line).text;
}

/** Parse `--cert FILE=OWNER:LABEL`. The label may contain colons and blanks; the owner may not. */
export function parseCertSpec(spec: string): { file: string; owner: string | null; label: string | null } {
  const eq = spec.lastIndexOf("=");
  if (eq < 0) return { file: spec, owner: null, label: null };
  const file = spec.slice(0, eq);
  const rest = spec.slice(eq + 1);
  const colon = rest.indexOf(":");
  if (colon < 0)
    throw new UsageError(`--cert ${spec}: expected FILE=OWNER:LABEL, e.g. server.pem=ID(FTPD):FTP Server`);
  const owner = rest.slice(0, colon).trim().toUpperCase();
  const label = rest.slice(colon + 1);
  if (!/^(ID\([A-Z#$@][A-Z0-9#$@]{0,7}\)|CERTAUTH|SITE)$/.test(owner)) {
    throw new UsageError(`--cert ${spec}: owner must be ID(user), CERTAUTH or SITE, got "${owner}"`);
  }
  if (label.length < 1 || label.length > 32)
    throw new UsageError(`--cert ${spec}: label must be 1–32 characters`);
  return { file, owner, label };
}

/**
 * Control characters other than tab, line ends and form feed (listings carry page breaks) have
 * no business in RACF commands, listings or unloads; echoed back they could drive the user's
 * terminal (ESC sequences). They are replaced by U+FFFD and reported once per file.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

export interface Sanitized {
  text: string;
  count: number;
  first: { line: number; column: number } | null;
}

export function sanitizeText(text: string): Sanitized {
  let count = 0;
  let first: Sanitized["first"] = null;
  const out = text.replace(CONTROL, (_m, offset: number) => {
    if (first === null) {
      const before = text.slice(0, offset);
      const line = before.split("\n").length;
      first = { line, column: offset - before.lastIndexOf("\n") };
    }
    count++;
    return "\uFFFD";
  });
  return { text: out, count, first };
}

/** Text inputs are text: a NUL byte means a binary file (a load module, a PKCS#12, a zip...). */
function textOf(buf: Buffer, file: string, what: string): string {
  if (buf.includes(0)) {
    throw new InputError(
      `${file}: is a binary file, not ${what} (NUL bytes); transfer RACF output and JCL as text (EBCDIC → ASCII)`,
    );
  }
  return buf.toString("utf8");
}

/**
 * Terminal-control and bidirectional-override characters, one warning on each input line that
 * holds them (src/readers/display-controls.ts, shared with lint-jcl, the policy reader and
 * diagnose). Read on the text as given, before control characters become U+FFFD.
 */
function reportControls(model: RacfModel, file: string, text: string): void {
  for (const i of displayControlIssues(text, file)) model.issue(i);
}

/**
 * Build the model from the input flags, in the order given. Readers are loaded lazily so a
 * command that needs no listing parser never loads one.
 */
export async function loadInputs(
  args: ParsedArgs,
  cwd: string,
  now: Date,
  progress: ProgressSink = NO_PROGRESS,
): Promise<LoadedInputs> {
  const ranAtRaw = str(args.values["ran-at"]);
  const ranAt = ranAtRaw ? parseDateOption(ranAtRaw, "ran-at") : now;
  const refreshedRaw = str(args.values["assume-refreshed"]);
  const assumeRefreshed = parseAssumeRefreshed(refreshedRaw);
  if (assumeRefreshed === null)
    throw new UsageError(`--assume-refreshed expects yes or no, got "${refreshedRaw ?? ""}"`);
  const datasets = new Map<string, DatasetFile>();
  for (const o of args.ordered) {
    if (o.name !== "dataset" || o.value === undefined) continue;
    const eq = o.value.indexOf("=");
    if (eq <= 0)
      throw new UsageError(`--dataset ${o.value}: expected NAME=FILE, e.g. 'FTPD.CERT.PEM=server.pem'`);
    const name = o.value.slice(0, eq).replace(/^'|'$/g, "").toUpperCase();
    const file = o.value.slice(eq + 1);
    datasets.set(name, { file, data: await readInput(file, cwd) });
  }
  const inputs = args.ordered.filter((o) => (INPUT_FLAGS as readonly string[]).includes(o.name));
  const model = new RacfModel();
  const files: string[] = [];
  for (const input of inputs) {
    const value = input.value ?? "";
    const ctx = (file: string): ReadContext => ({
      model,
      file,
      datasets,
      ranAt,
      ranAtGiven: ranAtRaw !== undefined,
      assumeRefreshed,
    });
    switch (input.name) {
      case "jcl": {
        const text = textOf(await readInput(value, cwd), value, "RACF commands");
        reportControls(model, value, text);
        const clean = sanitizeText(text);
        const { readRacfCommands } = await import("../racf/reader.js");
        readRacfCommands(clean.text, ctx(value));
        files.push(value);
        break;
      }
      case "listing": {
        const text = textOf(await readInput(value, cwd), value, "a RACF listing");
        reportControls(model, value, text);
        const clean = sanitizeText(text);
        const { readListing } = await import("../readers/listing.js");
        readListing(clean.text, ctx(value));
        files.push(value);
        break;
      }
      case "unload": {
        const found: InputIssue[] = [];
        const counted = { lines: 0 };
        await readUnloadInput(value, cwd, ctx(value), progress, (line, n) =>
          sanitizeUnloadLine(line, n, value, found, counted),
        );
        for (const i of found) model.issue(i);
        files.push(value);
        break;
      }
      case "cert": {
        const spec = parseCertSpec(value);
        const data = await readInput(spec.file, cwd);
        const { readCertificates } = await import("../readers/cert.js");
        await readCertificates(
          new Uint8Array(data),
          { owner: spec.owner, label: spec.label },
          ctx(spec.file),
        );
        files.push(spec.file);
        break;
      }
      case "model": {
        const text = textOf(await readInput(value, cwd), value, "a racfring model JSON");
        reportControls(model, value, text);
        const { state, issues } = modelFromJson(text, value);
        const fatal = issues.find((i) =>
          ["invalid-json", "model-version", "not-a-model", "invalid-model"].includes(i.code),
        );
        if (
          fatal &&
          state.users.length + state.certificates.length + state.rings.length + state.profiles.length === 0
        ) {
          throw new InputError(`${fatal.file}:${fatal.line}: ${fatal.message}`);
        }
        mergeState(model, state);
        for (const i of issues) model.issue(i);
        files.push(value);
        break;
      }
    }
  }
  if (args.values.strict === true && model.state.issues.length > 0) {
    const first = model.state.issues[0];
    const where = first ? `${first.file}:${first.line}: ${first.message}` : "";
    throw new InputError(`--strict: ${model.state.issues.length} input issue(s); first: ${where}`);
  }
  return { model, files };
}

/** Fold a model JSON into the model being built (a later input may refine it). */
function mergeState(model: RacfModel, incoming: RacfModel["state"]): void {
  const s = model.state;
  for (const u of incoming.users) model.adoptUser(u);
  s.groups.push(...incoming.groups.filter((g) => !s.groups.some((x) => x.id === g.id)));
  for (const c of incoming.certificates) {
    // Alone, a model JSON is taken as it is (lossless round trip). When an earlier input knows
    // the same certificate (same owner and label, or same fingerprint / serial + issuer), the
    // facts are merged the way every reader merges them, conflicts reported.
    const known =
      model.certificate(c.owner, c.label) ?? s.certificates.find((x) => sameCertificate(x, c) === true);
    if (!known) {
      s.certificates.push(c);
      continue;
    }
    const { sources, ...facts } = c;
    const merged = mergeCertificate(model, {
      ...facts,
      source: sources[0] ?? { file: "", line: 0, kind: "model" },
    });
    for (const src of sources.slice(1)) if (!merged.sources.includes(src)) merged.sources.push(src);
  }
  for (const r of incoming.rings) {
    if (!model.ring(r.owner, r.name)) s.rings.push(r);
  }
  for (const p of incoming.profiles) {
    if (!model.profile(p.class, p.name)) s.profiles.push(p);
  }
  for (const [name, st] of Object.entries(incoming.classes)) {
    const mine = s.classes[name];
    if (!mine || mine.assumed) s.classes[name] = st;
  }
  s.issues.push(...incoming.issues);
  for (const a of incoming.assumptions) {
    const mine = s.assumptions.find((x) => x.message === a.message);
    if (mine) mine.sources.push(...a.sources);
    else s.assumptions.push(a);
  }
}
