/**
 * `racfring generate PLAN` — JCL, OpenSSL scripts and a runbook from a plan, checked by reading
 * the JCL back and simulating every application before anything is written.
 */
import type { Stats } from "node:fs";
import { chmod, lstat, mkdtemp, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type GeneratedFile, generate } from "../../gen/generate.js";
import { formatPlanIssue, loadPlan } from "../../gen/plan.js";
import { TEMPLATE_NAMES, type TemplateSources } from "../../gen/render.js";
import { resolvePlan } from "../../gen/resolve.js";
import type { CertificateFileFacts } from "../../gen/verify.js";
import type { DatasetFile } from "../../readers/context.js";
import { type CommandSpec, type Io, type ParsedArgs, str } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { describeFsError, makeDirs, readInput } from "../files.js";
import { INPUT_FLAGS, INPUT_OPTIONS, loadInputs, parseDateOption } from "../inputs.js";
import { jsonText } from "../output.js";

export const DEFAULT_OUTPUT_DIR = "racfring-out";

export const spec: CommandSpec = {
  name: "generate",
  summary: "Generate RACDCERT/PERMIT JCL and OpenSSL scripts from a plan",
  usage:
    "racfring generate <plan.yaml> [-o <dir>] [--force] [--dry-run] [--at <date>] [--jcl|--listing|--unload|--model FILE ...] [--json]",
  description: `
Reads a plan (YAML or JSON, schema src/gen/plan.schema.json) and writes into the output directory:
  jcl/NN-*.jcl     setup job(s) in dependency order, 90-verify.jcl, 99-backout.jcl
  openssl/*.sh     scripts for external CAs and the certificates they sign (+ *.cnf)
  README.md        the runbook: every step in order, where it runs, what to check
Before writing, the setup JCL is read back through racfring's RACF command reader and every
application in the plan is simulated; each must predict System SSL RC 0 or nothing is written.
With --jcl/--listing/--unload/--cert/--model (the site's current state), every object the plan
refers to (existing.authorities, existing.certificates, users without create: true, rings with
existing: true) must be found there, nothing the plan creates may exist already, and the
applications are simulated against the current state with the setup jobs applied on top.
Without them, references are assumed to exist and marked ASSUMED in the output and runbook.
The backout job removes only what the plan created.
When the OpenSSL scripts have already produced certificates in the output directory (pki/), the
read-back uses them; otherwise it uses the facts the plan guarantees, and says so.
Existing files are never replaced without --force, and only regular files are replaced. Every
target is checked before anything is written; the files are written into a staging directory
first and moved into place only when all were written. Files in jcl/ and openssl/ left by an
earlier run are reported (not deleted). With --json, stdout is one document (schema
schemas/generate.schema.json): the files written or that would be, the read-back notes and the
simulated return code of every application, whatever the exit code.`,
  positionals: true,
  options: {
    output: {
      type: "string",
      short: "o",
      arg: "DIR",
      description: `Output directory (default ./${DEFAULT_OUTPUT_DIR})`,
    },
    force: { type: "boolean", description: "Replace files that already exist in the output directory" },
    "dry-run": {
      type: "boolean",
      description: "Check and simulate, print what would be written, write nothing",
    },
    at: {
      type: "string",
      arg: "DATE",
      description: "Simulate the applications at this instant (default now)",
    },
    ...INPUT_OPTIONS,
    json: { type: "boolean", description: "Print what was done as JSON (schemas/generate.schema.json)" },
  },
  examples: [
    "racfring generate samples/plans/ftps-racf-ca.yaml -o out/ftps",
    "racfring generate samples/plans/external-ca-pkcs12.yaml --dry-run --at 2027-01-01",
    "racfring generate samples/plans/ring-on-existing-ca.yaml --jcl samples/site/setup.jcl --dry-run",
  ],
  exitCodes: {
    0: "files written (or, with --dry-run, would be written)",
    1: "refused: an application would not get RC 0, or the generated jobs fail racfring's own read-back; nothing written",
    2: "usage error",
    3: "the plan is unreadable or invalid, refers to an object the inputs lack or creates one they have, or a value in it cannot be written safely (located messages on stderr); or refused to overwrite: a target exists and --force was not given, or is not a regular file, or cannot be written; nothing written",
  },
};

/** The package's `templates/` directory (same relative place from src/ and dist/). */
export function templatesDir(): string {
  return fileURLToPath(new URL("../../../templates/", import.meta.url));
}

/** Read every template the generator needs. */
export async function loadTemplates(dir = templatesDir()): Promise<TemplateSources> {
  const out: Record<string, string> = {};
  for (const name of TEMPLATE_NAMES) out[name] = await readFile(join(dir, name), "utf8");
  return out;
}

async function existingCertificates(
  planText: string,
  planFile: string,
  outDir: string,
): Promise<ExistingCertificates> {
  const map = new Map<string, DatasetFile>();
  const found: ExistingCertificates = { datasets: map, facts: new Map(), unreadable: [] };
  const loaded = loadPlan(planText, planFile);
  if (!loaded.plan) return found;
  const { resolved } = resolvePlan(loaded.plan, loaded.locator);
  if (!resolved) return found;
  const wanted: { dsn: string | null; file: string | null }[] = [];
  for (const a of resolved.authorities)
    for (const ca of a.chain) wanted.push({ dsn: ca.dsn, file: ca.pemFile });
  for (const c of resolved.certificates) {
    // A PKCS#12 package is password-protected: the read-back takes the certificate from its PEM copy.
    if (c.method === "genreq") wanted.push({ dsn: c.certDsn, file: `pki/${c.id.toLowerCase()}/cert.pem` });
    if (c.method === "pkcs12") wanted.push({ dsn: c.p12Dsn, file: `pki/${c.id.toLowerCase()}/cert.pem` });
  }
  for (const w of wanted) {
    if (!w.dsn || !w.file) continue;
    const path = join(outDir, w.file);
    // Only regular files; anything unreadable is treated as not produced yet (the read-back
    // then uses the facts the plan guarantees and says so).
    let data: Uint8Array;
    try {
      if (!(await stat(path)).isFile()) continue;
      data = new Uint8Array(await readFile(path));
    } catch {
      continue;
    }
    // A file that is there but holds no certificate is not "read": it is left out, and the
    // read-back says so instead of claiming it used it (issue 9, item 11).
    const { parseCertificateDataSync } = await import("../../pki/index.js");
    const parsed = parseCertificateDataSync(data);
    const first = parsed.certificates[0];
    if (!first) {
      const why = parsed.problems.find((p) => p.severity === "error")?.message ?? "no certificate in it";
      found.unreadable.push(
        `'${w.dsn}': ${w.file} holds no readable certificate (${why}); not used, the read-back took the facts the plan guarantees`,
      );
      continue;
    }
    map.set(w.dsn, { file: w.file, data });
    found.facts.set(w.dsn, first);
  }
  return found;
}

/** Certificate files already in the output directory, for the read-back. */
interface ExistingCertificates {
  datasets: Map<string, DatasetFile>;
  /** Facts of each file's first certificate, by data set name. */
  facts: Map<string, CertificateFileFacts>;
  /** Read-back notes for files that are there but hold no certificate. */
  unreadable: string[];
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const [planPath, ...extra] = args.positionals;
  if (!planPath) throw new UsageError("a plan file is required");
  if (extra.length > 0) throw new UsageError(`one plan at a time (got also "${extra[0]}")`);
  const outDir = resolve(io.cwd, str(args.values.output) ?? DEFAULT_OUTPUT_DIR);
  const atRaw = str(args.values.at);
  const at = atRaw ? parseDateOption(atRaw, "at") : io.now();
  const dryRun = args.values["dry-run"] === true;
  const force = args.values.force === true;

  const planText = (await readInput(planPath, io.cwd)).toString("utf8");
  const templates = await loadTemplates();
  const existing = await existingCertificates(planText, planPath, outDir);
  const datasets = existing.datasets;
  const fileFacts = existing.facts;
  const hasInputs = args.ordered.some((o) => (INPUT_FLAGS as readonly string[]).includes(o.name));
  const state = hasInputs ? await loadInputs(args, io.cwd, io.now()) : null;
  const result = generate(planText, planPath, { templates, at, datasets, fileFacts, state });
  const json = args.values.json === true;
  // Text lines go to stdout only without --json; with it, the same facts go into one document.
  const say = (text: string): void => {
    if (!json) io.out(text);
  };
  const doc = {
    plan: planPath,
    outputDir: outDir,
    dryRun,
    at: at.toISOString(),
    status: "written" as "written" | "would-write" | "refused" | "invalid-plan" | "not-written",
    files: [] as { path: string; bytes: number; mode: string }[],
    applications: result.simulations.map((s) => ({
      name: s.app.name,
      user: s.app.user,
      keyring: s.result.keyring,
      role: s.result.role,
      label: s.result.label,
      rc: s.result.rc,
      text: s.result.text,
      confidence: s.result.confidence,
      fix: s.result.fix?.summary ?? null,
      notes: s.result.warnings,
    })),
    readBack: [
      ...result.readBackNotes,
      ...[...datasets.keys()].map((m) => `'${m}' read from ${datasets.get(m)?.file ?? ""}`),
      ...existing.unreadable,
    ],
    planIssues: result.planIssues.map((i) => formatPlanIssue(i)),
    refusals: result.refusals,
    warnings: result.warnings,
    errors: result.errors,
    messages: [] as string[],
  };
  const finish = (code: number, status: typeof doc.status): number => {
    doc.status = status;
    if (json) io.out(jsonText("generate", doc));
    return code;
  };

  if (result.planIssues.length > 0) {
    for (const i of result.planIssues) io.err(`${formatPlanIssue(i)}\n`);
    io.err(`racfring generate: ${result.planIssues.length} problem(s) in ${planPath}; nothing written\n`);
    return finish(EXIT.input, "invalid-plan");
  }
  if (result.refusals.length > 0) {
    for (const r of result.refusals) io.err(`${planPath}: refused: ${r}\n`);
    io.err(`racfring generate: a value in ${planPath} cannot be written safely; nothing written\n`);
    return finish(EXIT.input, "refused");
  }
  if (result.references.length > 0) {
    io.out("Existing objects the plan uses:\n");
    for (const r of result.references)
      io.out(
        `  ${r.what}: ${r.foundAt ? `found in ${r.foundAt}` : "ASSUMED (no inputs given to check it)"}\n`,
      );
  }
  if (result.simulations.length > 0) {
    say(
      `Simulated at ${at.toISOString()} against ${state ? "the current state with the setup jobs applied" : "the state the setup jobs create"}:\n`,
    );
    for (const s of result.simulations) {
      const r = s.result;
      const label = r.label === null ? "ring default" : `"${r.label}"`;
      say(
        `  ${s.app.name}: ${s.app.user} on ${r.keyring} as ${r.role} (${label}): RC ${r.rc}${r.rc === 0 ? "" : ` ${r.text}`} [${r.confidence}]\n`,
      );
      if (r.rc !== 0) {
        for (const step of r.steps.filter((x) => x.ok === false))
          say(`      ${step.title}: ${step.detail} [${step.confidence}]\n`);
        if (r.fix) say(`      fix: ${r.fix.summary}\n`);
      }
      for (const w of r.warnings) say(`      note: ${w}\n`);
    }
  }
  for (const n of doc.readBack) say(`  read-back: ${n}\n`);
  for (const w of result.warnings) io.err(`warning: ${w}\n`);
  // A failing application is refused whatever the other checks say (exit 1, as documented).
  const failing = result.simulations.filter((s) => s.result.rc !== 0);
  if (result.errors.length > 0 || failing.length > 0) {
    for (const e of result.errors) io.err(`error: ${e}\n`);
    for (const f of failing)
      if (!result.errors.some((e) => e.includes(f.app.name)))
        io.err(`error: ${f.app.name} would get RC ${f.result.rc}, not 0\n`);
    io.err("racfring generate: nothing written\n");
    return finish(EXIT.findings, "refused");
  }
  doc.files = result.files.map((f) => ({ path: f.path, bytes: f.contents.length, mode: f.mode.toString(8) }));

  const problems = await checkTargets(outDir, result.files, force);
  if (dryRun) {
    // The same checks as a real run, so a dry run does not promise what a real one refuses.
    say(`Would write ${result.files.length} file(s) to ${outDir}:\n`);
    const clash = new Set(problems.clashes);
    for (const f of result.files)
      say(
        `  ${f.path} (${f.contents.length} bytes, mode ${f.mode.toString(8)})${clash.has(f.path) ? " — exists: refused without --force" : ""}\n`,
      );
    for (const p of problems.refuse) io.err(`racfring generate: would refuse: ${p}\n`);
    if (problems.clashes.length > 0)
      io.err(
        `racfring generate: ${problems.clashes.length} file(s) already exist; a run without --force would refuse and write nothing\n`,
      );
    await warnStale(outDir, result.files, io);
    return finish(EXIT.ok, "would-write");
  }
  if (problems.refuse.length > 0) {
    for (const p of problems.refuse) io.err(`racfring generate: ${p}\n`);
    io.err("racfring generate: nothing written\n");
    doc.messages.push(...problems.refuse);
    return finish(EXIT.input, "not-written");
  }
  if (problems.clashes.length > 0) {
    const c = problems.clashes;
    const message = `${c.length} file(s) already exist in ${outDir} (${c.slice(0, 3).join(", ")}${c.length > 3 ? ", ..." : ""}); use --force to replace them. Nothing written.`;
    io.err(`racfring generate: ${message}\n`);
    doc.messages.push(message);
    return finish(EXIT.input, "not-written");
  }
  const written = await writeAll(outDir, result.files, force);
  if (!written.ok) {
    io.err(`racfring generate: ${written.message}\n`);
    doc.messages.push(written.message);
    return finish(EXIT.input, "not-written");
  }
  say(`Wrote ${result.files.length} file(s) to ${outDir}:\n`);
  for (const f of result.files) say(`  ${f.path}\n`);
  await warnStale(outDir, result.files, io);
  say(`Next: follow ${join(outDir, "README.md")}.\n`);
  return finish(EXIT.ok, "written");
}

/** The shared wording (src/cli/files.ts), so generate, audit and simulate say the same. */
const fsReason = describeFsError;

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    throw e;
  }
}

/**
 * Check every target before anything is written (review finding: `-o FILE` crashed with
 * ENOTDIR, and --force stopped at a directory after writing half the files). The output
 * directory and each directory on the way to a target must be a directory or not exist yet;
 * each target must not exist, or be a regular file and --force given. Symbolic links are
 * never replaced (a link could point outside the output directory).
 */
export async function checkTargets(
  outDir: string,
  files: readonly GeneratedFile[],
  force: boolean,
): Promise<{ refuse: string[]; clashes: string[] }> {
  const refuse: string[] = [];
  const clashes: string[] = [];
  const dirState = new Map<string, string | null>();
  // null: usable (a directory, or absent under usable parents); a string: why not
  const checkDir = async (d: string): Promise<string | null> => {
    const known = dirState.get(d);
    if (known !== undefined) return known;
    let why: string | null = null;
    const parent = dirname(d);
    if (parent !== d) why = await checkDir(parent);
    if (why === null) {
      try {
        // The output directory itself (and what leads to it) may be a symbolic link to a
        // directory; a directory inside it may not: `o/jcl -> /elsewhere` would put the jobs
        // outside the directory the user named.
        const inside = d !== outDir && d.startsWith(`${outDir}${sep}`);
        const st = inside ? await lstat(d) : await stat(d);
        if (st.isSymbolicLink())
          why = `${d} is a symbolic link; racfring writes only inside ${outDir}, not where a link points`;
        else if (!st.isDirectory()) why = `${d} is not a directory`;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "ENOENT") why = `${d}: cannot use it (${fsReason(e)})`;
      }
    }
    dirState.set(d, why);
    return why;
  };
  const reported = new Set<string>();
  for (const f of files) {
    const target = join(outDir, f.path);
    const why = await checkDir(dirname(target));
    if (why !== null) {
      if (!reported.has(why)) refuse.push(why);
      reported.add(why);
      continue;
    }
    let st: Stats | null;
    try {
      st = await lstatOrNull(target);
    } catch (e) {
      refuse.push(`${target}: cannot use it (${fsReason(e)})`);
      continue;
    }
    if (st === null) continue;
    if (!st.isFile()) {
      const what = st.isDirectory()
        ? "a directory"
        : st.isSymbolicLink()
          ? "a symbolic link"
          : "not a regular file";
      refuse.push(`${target} is ${what}; racfring only replaces regular files`);
    } else if (!force) clashes.push(f.path);
  }
  return { refuse, clashes };
}

/**
 * Write every file into a staging directory inside the output directory, and move them into
 * place only when all were written: a failure while writing (disk full, permissions) leaves
 * the output directory as it was. Each move is a rename within one file system, so each
 * target is either the old file or the complete new one.
 */
export async function writeAll(
  outDir: string,
  files: readonly GeneratedFile[],
  force: boolean,
): Promise<{ ok: true } | { ok: false; message: string }> {
  let created: string | undefined;
  let stage: string | null = null;
  const placed: string[] = [];
  let current = outDir;
  try {
    created = await makeDirs(outDir);
    current = join(outDir, ".racfring-staging-*");
    stage = await mkdtemp(join(outDir, ".racfring-staging-"));
    for (const f of files) {
      current = join(outDir, f.path);
      const staged = join(stage, f.path);
      await makeDirs(dirname(staged));
      const fh = await open(staged, "wx", f.mode);
      try {
        await fh.writeFile(f.contents);
        await fh.sync();
      } finally {
        await fh.close();
      }
      // the mode given to open() is reduced by the umask; private material needs exactly f.mode
      await chmod(staged, f.mode);
    }
  } catch (e) {
    if (stage) await rm(stage, { recursive: true, force: true }).catch(() => undefined);
    if (created) await rm(created, { recursive: true, force: true }).catch(() => undefined);
    return { ok: false, message: `cannot write ${current} (${fsReason(e)}); nothing written` };
  }
  // Old files replaced with --force are first moved aside into the staging directory, so a
  // failure part way (a rename refused, EXDEV should a subdirectory be another file system)
  // puts every file back as it was: all files are new, or none is.
  const saved = new Map<string, string>();
  const madeDirs: string[] = [];
  try {
    for (const f of files) {
      const target = join(outDir, f.path);
      current = target;
      const made = await makeDirs(dirname(target));
      if (made) madeDirs.push(made);
      const old = await lstatOrNull(target);
      // without --force, a file that appeared since the check is still not replaced
      if (!force && old !== null)
        throw Object.assign(new Error("it appeared while racfring was writing; use --force"), {
          code: "EEXIST",
        });
      if (old !== null && stage) {
        const aside = join(stage, ".replaced", f.path);
        await makeDirs(dirname(aside));
        await rename(target, aside);
        saved.set(f.path, aside);
      }
      await rename(join(stage ?? outDir, f.path), target);
      placed.push(f.path);
    }
  } catch (e) {
    const undone: string[] = [];
    for (const path of [...placed].reverse()) {
      const target = join(outDir, path);
      const aside = saved.get(path);
      try {
        if (aside) await rename(aside, target);
        else await rm(target, { force: true });
      } catch {
        undone.push(path);
      }
    }
    for (const [path, aside] of saved) {
      if (placed.includes(path)) continue;
      await rename(aside, join(outDir, path)).catch(() => undone.push(path));
    }
    for (const d of madeDirs.reverse()) await rm(d, { recursive: true, force: true }).catch(() => undefined);
    const state =
      undone.length > 0
        ? `; could not restore: ${undone.join(", ")}`
        : "; every file was put back as it was, nothing written";
    return { ok: false, message: `cannot move ${current} into place (${fsReason(e)})${state}` };
  } finally {
    await rm(stage, { recursive: true, force: true }).catch(() => undefined);
  }
  return { ok: true };
}

/**
 * Files in jcl/ and openssl/ that this run did not write: left by an earlier run (for example
 * per-phase jobs 01-authorities…08-refresh beside a new single 01-setup.jcl). They are not
 * deleted — they may hold edits — but submitting them would replay an older plan.
 */
async function warnStale(outDir: string, files: readonly GeneratedFile[], io: Io): Promise<void> {
  const ours = new Set(files.map((f) => f.path));
  const stale: string[] = [];
  for (const sub of ["jcl", "openssl"]) {
    let names: string[];
    try {
      names = await listFiles(outDir, sub);
    } catch {
      continue; // absent (or unreadable): nothing earlier to warn about
    }
    for (const n of names) if (!ours.has(n)) stale.push(n);
  }
  if (stale.length === 0) return;
  io.err(
    `warning: ${stale.length} file(s) in ${outDir} are from an earlier run and were not written now; remove them if they no longer apply (they were left in place):\n`,
  );
  for (const s of stale) io.err(`  ${s}\n`);
}

/** Exported for tests: list the files under a directory (relative paths, sorted). */
export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}
