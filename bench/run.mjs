#!/usr/bin/env node
/**
 * `npm run bench`: racfring on realistic synthetic IRRDBU00 unloads of 10k, 100k and 1M records
 * (`racfring synth`), measured from the outside with /usr/bin/time -v as a user runs the CLI:
 * `model --json` and `audit --format json` with every rule, wall time, CPU time and peak RSS (median of
 * --runs runs), records per second, growth from one size to the next, recall of the planted
 * defects, and `racfring --help` start-up against `node -e 0`. Writes bench/RESULTS.md.
 *
 *   npm run bench                       # 10k, 100k, 1M; 3 runs each
 *   npm run bench -- --sizes 10k,100k --runs 5
 *
 * Not a test: timings depend on the machine and on what else runs. The test suite runs the 10k
 * pipeline for correctness (test/synth/synth.test.ts), without timing it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cliPath = join(root, "dist", "cli", "main.js");
const AT = "2026-06-01";

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const SIZES = arg("sizes", "10k,100k,1M")
  .split(",")
  .map((s) => ({ label: s, records: Number(s.replace(/k$/i, "000").replace(/M$/i, "000000")) }));
const RUNS = Number(arg("runs", "3"));
const out = resolve(root, arg("out", "bench/RESULTS.md"));

if (!existsSync("/usr/bin/time")) {
  console.error("bench: /usr/bin/time is needed for peak RSS (Debian: apt-get install time)");
  process.exit(2);
}
if (!existsSync(cliPath)) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(2);
}

/**
 * Run a command under /usr/bin/time -v; wall seconds, CPU seconds (user + system) and peak RSS
 * in MB. CPU seconds are the steadier figure when other work shares the machine.
 */
function timed(argv, { stdout = "ignore" } = {}) {
  const r = spawnSync("/usr/bin/time", ["-v", ...argv], {
    encoding: "utf8",
    stdio: ["ignore", stdout, "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = r.stderr ?? "";
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
  if (!wall || !rss) throw new Error(`cannot read /usr/bin/time output of ${argv.join(" ")}:\n${text.slice(-2000)}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const cpu = Number(user?.[1] ?? Number.NaN) + Number(sys?.[1] ?? Number.NaN);
  return { wall: seconds, cpu, rss: Number(rss[1]) / 1024, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, d = 2) => n.toFixed(d);
const thousands = (n) => Math.round(n).toLocaleString("en-US");

const work = join(tmpdir(), `racfring-bench-${process.pid}`);
mkdirSync(work, { recursive: true });
const { recallOf } = await import(join(root, "dist", "synth", "recall.js"));

const rows = [];
const startLoad = loadavg()[0];
try {
  for (const size of SIZES) {
    const file = join(work, `synth-${size.label}.unload`);
    const synth = timed(["node", cliPath, "synth", "--records", String(size.records), "--seed", "1", "-o", file, "--force"]);
    if (synth.status !== 0) throw new Error(`synth ${size.label} failed`);
    const sidecar = JSON.parse(readFileSync(`${file}.planted.json`, "utf8"));
    const bytes = readFileSync(file).length;
    const model = [];
    const audit = [];
    let report = null;
    for (let i = 0; i < RUNS; i++) {
      process.stderr.write(`bench: ${size.label} run ${i + 1}/${RUNS}\n`);
      const m = timed(["node", cliPath, "model", "--unload", file, "--json"]);
      if (m.status !== 0) throw new Error(`model ${size.label} exited ${m.status}`);
      model.push(m);
      const reportFile = join(work, `audit-${size.label}.json`);
      const a = timed(["node", cliPath, "audit", "--unload", file, "--at", AT, "--format", "json", "-o", reportFile, "--force"]);
      if (a.status !== 0 && a.status !== 1) throw new Error(`audit ${size.label} exited ${a.status}`);
      audit.push(a);
      report = JSON.parse(readFileSync(reportFile, "utf8"));
    }
    const recall = recallOf(sidecar.planted, report.findings);
    rows.push({
      size,
      records: sidecar.records,
      mb: bytes / 1e6,
      synth,
      model: {
        wall: median(model.map((r) => r.wall)),
        cpu: median(model.map((r) => r.cpu)),
        rss: median(model.map((r) => r.rss)),
        all: model,
      },
      audit: {
        wall: median(audit.map((r) => r.wall)),
        cpu: median(audit.map((r) => r.cpu)),
        rss: median(audit.map((r) => r.rss)),
        all: audit,
      },
      findings: report.findings.length,
      reportMb: readFileSync(join(work, `audit-${size.label}.json`)).length / 1e6,
      recall,
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Start-up: `racfring --help` against a bare `node -e 0`.
const STARTS = 10;
const help = [];
const bare = [];
for (let i = 0; i < STARTS; i++) {
  help.push(timed(["node", cliPath, "--help"]).wall);
  bare.push(timed(["node", "-e", "0"]).wall);
}

const cpu = cpus();
const lines = [
  "# racfring benchmark results",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
  "",
  `- Machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`,
  `- Node ${process.version}, ${process.platform}/${process.arch}`,
  `- Load average when the run started: ${fmt(startLoad, 1)} (other work on the machine makes timings noisy; compare medians, not single runs)`,
  `- Each figure is the median of ${RUNS} run(s), measured with \`/usr/bin/time -v\` around the CLI as a user runs it`,
  `- Inputs: \`racfring synth --records N --seed 1\` (users with connects, CA chains, certificates, rings, STARTED, RDATALIB and FACILITY access lists, filler types; about 5% of the rings with a planted defect)`,
  "",
  "| records | unload | `model --json` wall | CPU | peak RSS | records/s | `audit --format json` wall | CPU | peak RSS | records/s | findings | report | recall |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map(
    (r) =>
      `| ${thousands(r.records)} | ${fmt(r.mb, 0)} MB | ${fmt(r.model.wall)} s | ${fmt(r.model.cpu)} s | ${fmt(r.model.rss, 0)} MB | ${thousands(r.records / r.model.wall)} | ${fmt(r.audit.wall)} s | ${fmt(r.audit.cpu)} s | ${fmt(r.audit.rss, 0)} MB | ${thousands(r.records / r.audit.wall)} | ${thousands(r.findings)} | ${fmt(r.reportMb, 1)} MB | ${r.recall.found}/${r.recall.planted} (${fmt(100 * r.recall.ratio, 1)}%) |`,
  ),
  "",
  "Growth from one size to the next (10× the records):",
  "",
  ...rows.slice(1).map((r, i) => {
    const p = rows[i];
    return `- ${p.size.label} → ${r.size.label}: model ${fmt(r.model.wall / p.model.wall, 1)}× wall, ${fmt(r.model.cpu / p.model.cpu, 1)}× CPU; audit ${fmt(r.audit.wall / p.audit.wall, 1)}× wall, ${fmt(r.audit.cpu / p.audit.cpu, 1)}× CPU`;
  }),
  "",
  "All runs (wall s / CPU s / peak RSS MB):",
  "",
  ...rows.map(
    (r) =>
      `- ${r.size.label}: synth ${fmt(r.synth.wall)} s; model ${r.model.all.map((x) => `${fmt(x.wall)}/${fmt(x.cpu)}/${fmt(x.rss, 0)}`).join(", ")}; audit ${r.audit.all.map((x) => `${fmt(x.wall)}/${fmt(x.cpu)}/${fmt(x.rss, 0)}`).join(", ")}`,
  ),
  "",
  `Start-up (median of ${STARTS}): \`racfring --help\` ${fmt(median(help), 3)} s, \`node -e 0\` ${fmt(median(bare), 3)} s (difference ${fmt(median(help) - median(bare), 3)} s).`,
  "",
  ...(rows.some((r) => r.recall.missed.length > 0)
    ? [
        "Missed plants:",
        "",
        ...rows.flatMap((r) => r.recall.missed.slice(0, 20).map((m) => `- ${r.size.label}: ${m.rule} ${m.subject} (${m.what})`)),
        "",
      ]
    : []),
];
writeFileSync(out, `${lines.join("\n")}\n`);
process.stderr.write(`bench: results written to ${out}\n`);
