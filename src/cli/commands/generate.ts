/**
 * `racfring generate PLAN` — JCL, OpenSSL scripts and a runbook from a plan, checked by reading
 * the JCL back and simulating every application before anything is written.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "../../gen/generate.js";
import { formatPlanIssue, loadPlan } from "../../gen/plan.js";
import { TEMPLATE_NAMES, type TemplateSources } from "../../gen/render.js";
import { resolvePlan } from "../../gen/resolve.js";
import type { CertificateFileFacts } from "../../gen/verify.js";
import type { DatasetFile } from "../../readers/context.js";
import { type CommandSpec, type Io, type ParsedArgs, str } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { exists, readInput, writeFileSafe } from "../files.js";
import { parseDateOption } from "../inputs.js";

export const DEFAULT_OUTPUT_DIR = "racfring-out";

export const spec: CommandSpec = {
  name: "generate",
  summary: "Generate RACDCERT/PERMIT JCL and OpenSSL scripts from a plan",
  usage: "racfring generate <plan.yaml> [-o <dir>] [--force] [--dry-run] [--at <date>]",
  description: `
Reads a plan (YAML or JSON, schema src/gen/plan.schema.json) and writes into the output directory:
  jcl/NN-*.jcl     setup job(s) in dependency order, 90-verify.jcl, 99-backout.jcl
  openssl/*.sh     scripts for external CAs and the certificates they sign (+ *.cnf)
  README.md        the runbook: every step in order, where it runs, what to check
Before writing, the setup JCL is read back through racfring's RACF command reader and every
application in the plan is simulated; each must predict System SSL RC 0 or nothing is written.
When the OpenSSL scripts have already produced certificates in the output directory (pki/), the
read-back uses them; otherwise it uses the facts the plan guarantees, and says so.
Existing files are never replaced without --force.`,
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
  },
  examples: [
    "racfring generate samples/plans/ftps-racf-ca.yaml -o out/ftps",
    "racfring generate samples/plans/external-ca-pkcs12.yaml --dry-run --at 2027-01-01",
  ],
  exitCodes: {
    0: "files written (or, with --dry-run, would be written)",
    1: "refused: a value cannot be written safely, or an application would not get RC 0",
    2: "usage error",
    3: "the plan is unreadable or invalid (located messages on stderr), or a file exists without --force",
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
): Promise<Map<string, DatasetFile>> {
  const map = new Map<string, DatasetFile>();
  const loaded = loadPlan(planText, planFile);
  if (!loaded.plan) return map;
  const { resolved } = resolvePlan(loaded.plan, loaded.locator);
  if (!resolved) return map;
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
    if (await exists(path)) map.set(w.dsn, { file: w.file, data: new Uint8Array(await readFile(path)) });
  }
  return map;
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
  const datasets = await existingCertificates(planText, planPath, outDir);
  const fileFacts = new Map<string, CertificateFileFacts>();
  if (datasets.size > 0) {
    const { parseCertificateData } = await import("../../pki/index.js");
    for (const [dsn, f] of datasets) {
      const first = (await parseCertificateData(f.data)).certificates[0];
      if (first) fileFacts.set(dsn, first);
    }
  }
  const result = generate(planText, planPath, { templates, at, datasets, fileFacts });

  if (result.planIssues.length > 0) {
    for (const i of result.planIssues) io.err(`${formatPlanIssue(i)}\n`);
    io.err(`racfring generate: ${result.planIssues.length} problem(s) in ${planPath}; nothing written\n`);
    return EXIT.input;
  }
  if (result.simulations.length > 0) {
    io.out(`Simulated at ${at.toISOString()} against the state the setup jobs create:\n`);
    for (const s of result.simulations) {
      const r = s.result;
      const label = r.label === null ? "ring default" : `"${r.label}"`;
      io.out(
        `  ${s.app.name}: ${s.app.user} on ${r.keyring} as ${r.role} (${label}): RC ${r.rc}${r.rc === 0 ? "" : ` ${r.text}`} [${r.confidence}]\n`,
      );
      if (r.rc !== 0) {
        for (const step of r.steps.filter((x) => x.ok === false))
          io.out(`      ${step.title}: ${step.detail} [${step.confidence}]\n`);
        if (r.fix) io.out(`      fix: ${r.fix.summary}\n`);
      }
      for (const w of r.warnings) io.out(`      note: ${w}\n`);
    }
  }
  for (const n of result.readBackNotes) io.out(`  read-back: ${n}\n`);
  for (const m of datasets.keys()) io.out(`  read-back: '${m}' read from ${datasets.get(m)?.file ?? ""}\n`);
  for (const w of result.warnings) io.err(`warning: ${w}\n`);
  if (result.errors.length > 0) {
    for (const e of result.errors) io.err(`error: ${e}\n`);
    io.err("racfring generate: nothing written\n");
    return EXIT.findings;
  }

  if (dryRun) {
    io.out(`Would write ${result.files.length} file(s) to ${outDir}:\n`);
    for (const f of result.files)
      io.out(`  ${f.path} (${f.contents.length} bytes, mode ${f.mode.toString(8)})\n`);
    return EXIT.ok;
  }
  if (!force) {
    const clashes: string[] = [];
    for (const f of result.files) if (await exists(join(outDir, f.path))) clashes.push(f.path);
    if (clashes.length > 0) {
      io.err(
        `racfring generate: ${clashes.length} file(s) already exist in ${outDir} (${clashes.slice(0, 3).join(", ")}${clashes.length > 3 ? ", ..." : ""}); use --force to replace them. Nothing written.\n`,
      );
      return EXIT.input;
    }
  }
  for (const f of result.files)
    await writeFileSafe(join(outDir, f.path), f.contents, { force, mode: f.mode });
  io.out(`Wrote ${result.files.length} file(s) to ${outDir}:\n`);
  for (const f of result.files) io.out(`  ${f.path}\n`);
  io.out(`Next: follow ${join(outDir, "README.md")}.\n`);
  return EXIT.ok;
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
