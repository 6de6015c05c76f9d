/**
 * `racfring synth` — write a realistic synthetic IRRDBU00 unload (and a sidecar JSON of the
 * planted defects) to try racfring on, or to measure it at real sizes.
 */
import { resolve } from "node:path";
import { type Sidecar, synthesize } from "../../synth/unload.js";
import { type CommandSpec, type Io, type ParsedArgs, str } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { exists, writeFileSafe } from "../files.js";
import { jsonText } from "../output.js";

export const spec: CommandSpec = {
  name: "synth",
  summary: "Write a synthetic IRRDBU00 unload with planted defects (for trying and benchmarks)",
  usage:
    "racfring synth -o FILE [--records N] [--users N] [--certs N] [--rings N] [--started N] [--rdatalib N] [--access-entries N] [--defects RATE] [--seed S] [--at DATE] [--force] [--json]",
  description: `
Writes an IRRDBU00 text unload made up from a seed: users with connects (0200/0205), CA chains
and server certificates (0207/0500/0560/1560/0561, some expiring or expired), key rings
(DIGTRING 0500/0562), STARTED profiles (0540, discrete and generic), RDATALIB ring profiles and
FACILITY profiles with large access lists (0505), and record types racfring does not read as
filler. --records N sizes everything from one number (about 30% users, 2% certificates, 1%
rings); the other options override single counts. A share of the rings (--defects, default
0.05) gets a defect that an audit rule reports; FILE.planted.json lists each one (rule, subject,
ring) so an audit's recall can be checked. The same options and seed always give the same file.

Dates are relative to --at (default 2026-06-01): audit with the same --at
(racfring audit --unload FILE --at 2026-06-01).

With --json, what was written (unload, sidecar, record counts by type, the planted defects) is
printed on standard output instead of the one-line summary on standard error.`,
  options: {
    output: { type: "string", short: "o", arg: "FILE", description: "Unload to write (required)" },
    records: { type: "string", arg: "N", description: "Approximate total number of records" },
    users: { type: "string", arg: "N", description: "Users (0200 + 0205 each)" },
    certs: { type: "string", arg: "N", description: "Certificates, CA chains included" },
    rings: { type: "string", arg: "N", description: "Key rings" },
    started: { type: "string", arg: "N", description: "STARTED profiles" },
    rdatalib: { type: "string", arg: "N", description: "RDATALIB profiles" },
    "access-entries": { type: "string", arg: "N", description: "Entries of the large FACILITY access lists" },
    defects: { type: "string", arg: "RATE", description: "Share of rings with a planted defect, 0–1" },
    seed: { type: "string", arg: "S", description: "Seed (integer; default 1)" },
    at: { type: "string", arg: "DATE", description: "Date the certificate dates are relative to" },
    force: { type: "boolean", description: "Replace FILE and its sidecar if they exist" },
    json: { type: "boolean", description: "Print what was written as JSON" },
  },
  examples: [
    "racfring synth --records 10000 -o site.unload",
    "racfring synth --users 5000 --certs 300 --rings 120 --defects 0.2 --seed 7 -o small.unload --force",
  ],
  exitCodes: {
    0: "unload and sidecar written",
    2: "usage error",
    3: "a file cannot be written (or exists and --force was not given)",
  },
};

function count(args: ParsedArgs, name: string, fallback: number): number {
  const raw = str(args.values[name]);
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const output = str(args.values.output);
  if (!output) throw new UsageError("-o FILE is required");
  const records = count(args, "records", 0);
  const base = records > 0 ? records : 10_000;
  const rateRaw = str(args.values.defects) ?? "0.05";
  const defects = Number(rateRaw);
  if (!/^\d*\.?\d+$/.test(rateRaw) || !(defects >= 0 && defects <= 1))
    throw new UsageError(`--defects must be a number from 0 to 1, got "${rateRaw}"`);
  const seedRaw = str(args.values.seed) ?? "1";
  if (!/^\d{1,9}$/.test(seedRaw)) throw new UsageError(`--seed must be a whole number, got "${seedRaw}"`);
  const atRaw = str(args.values.at) ?? "2026-06-01";
  const at = new Date(`${atRaw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(atRaw) || Number.isNaN(at.getTime()))
    throw new UsageError(`--at must be a date YYYY-MM-DD, got "${atRaw}"`);
  const opts = {
    users: count(args, "users", Math.round(base * 0.3)),
    certs: count(args, "certs", Math.round(base * 0.02)),
    rings: count(args, "rings", Math.round(base * 0.01)),
    started: count(args, "started", Math.round(base * 0.005)),
    rdatalib: count(args, "rdatalib", Math.round(base * 0.005)),
    accessEntries: count(args, "access-entries", Math.round(base * 0.05)),
    defects,
    seed: Number(seedRaw),
    records,
    at,
  };
  const force = args.values.force === true;
  const path = resolve(io.cwd, output);
  const sidecarPath = `${path}.planted.json`;
  // Both targets are checked before anything is written, so a refusal leaves no half pair.
  for (const p of [path, sidecarPath]) {
    if (!force && (await exists(p))) throw new InputError(`${p} already exists; use --force to replace it`);
  }
  let sidecar: Sidecar | null = null;
  await writeFileSafe(
    path,
    synthesize(opts, (s) => {
      sidecar = s;
    }),
    { force },
  );
  if (sidecar === null) throw new Error("synth: the generator ended without its sidecar");
  const done: Sidecar = sidecar;
  await writeFileSafe(sidecarPath, `${JSON.stringify(done, null, 2)}\n`, { force });
  if (args.values.json === true) {
    io.out(
      jsonText("synth", {
        file: output,
        sidecar: `${output}.planted.json`,
        seed: done.seed,
        at: done.at,
        records: done.records,
        counts: done.counts,
        planted: done.planted,
        notPlantable: done.notPlantable,
      }),
    );
    return EXIT.ok;
  }
  io.err(
    `racfring synth: ${done.records} records (${opts.users} users, ${done.counts["0560"] ?? 0} certificates, ${opts.rings} rings), ${done.planted.length} planted defect(s) → ${output} and ${output}.planted.json\n`,
  );
  return EXIT.ok;
}
