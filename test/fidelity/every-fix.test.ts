/**
 * Every fix and every alternative racfring proposes — the simulator's for each application and
 * the audit's for each finding — over the whole corpus of decks, applied as an administrator
 * would submit it: the fix deck must lint without errors, every command in it must be one RACF
 * accepts in that state (no RDEFINE of an existing profile, no CONNECT of a missing label or to
 * a missing or virtual ring, no signing with an undefined certificate or a leaf), it must do
 * only what is needed (no PERMIT on a generic profile to fix one ring), and the application
 * simulated again must predict RC 0.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFiles } from "../../src/lint/lint.js";
import { cli } from "../helpers/io.js";

const ROOT = resolve(import.meta.dirname, "../..");
const NOW = "2026-01-15T12:00:00Z";
/** When the decks ran: GENCERT without NOTBEFORE starts then. */
const RAN_AT = "2025-06-01";

interface Fix {
  summary: string;
  commands: string[];
}
interface SimJson {
  rc: number;
  fix: Fix | null;
  alternatives: Fix[];
}
interface AuditJson {
  findings: {
    rule: string;
    ring?: string | null;
    subject?: { kind: string; id: string } | null;
    fix?: Fix | null;
    alternatives?: Fix[];
  }[];
  applications: {
    user: string;
    keyring: string;
    label: string | null;
    role: string | null;
    rc: number | null;
  }[];
}
interface ModelJson {
  issues: { file: string; line: number; code: string; severity: string; message: string }[];
  certificates: { owner: string; label: string; keyUsage: string[] | null; selfSigned: boolean | null }[];
}

/**
 * The decks: the simulator's field cases, the fidelity decks, the sample site, the generated
 * sample jobs. Applications are the audit's (each ring's owner) plus, where the deck is about
 * another user, that one (`--app`), with the role the deck is about.
 */
interface Deck {
  deck: string;
  apps?: string[];
  role?: "client";
}
const EXTRA: Record<string, Omit<Deck, "deck">> = {
  "test/fixtures/sim/case2.jcl": { role: "client" },
  "test/fixtures/fidelity/generic-permit.jcl": { apps: ["TCPIP=FTPD/SERVRING"] },
  "test/fixtures/fidelity/leaf-signer.jcl": { apps: ["TCPIP=WEBSRV/WEBRING"] },
  "test/fixtures/fidelity/virtual-ring.jcl": { apps: ["WEBSRV=*SITE*/*:Site Web"] },
};

function corpus(): Deck[] {
  const decks = (dir: string) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith(".jcl") && !f.includes("broken"))
      .map((f) => `${dir}/${f}`);
  const generated = readdirSync(join(ROOT, "jcl")).map((d) => `jcl/${d}`);
  return [
    ...decks("test/fixtures/sim"),
    ...decks("test/fixtures/fidelity"),
    "samples/site/setup.jcl",
    ...generated,
  ].map((deck) => ({ deck, ...EXTRA[deck] }));
}

/** A deck is one file, or the setup jobs of a generated plan in order (verify and backout left out). */
function deckFiles(deck: string): string[] {
  if (deck.endsWith(".jcl")) return [deck];
  return readdirSync(join(ROOT, deck))
    .filter((f) => f.endsWith(".jcl") && !/^9\d-/.test(f))
    .sort()
    .map((f) => `${deck}/${f}`);
}

const run = (args: string[]) => cli(args, { cwd: ROOT, now: NOW });
const jclArgs = (files: string[]) => files.flatMap((f) => ["--jcl", f]);

async function audit(files: string[], apps: string[]): Promise<AuditJson> {
  const r = await run([
    "audit",
    ...jclArgs(files),
    ...apps.flatMap((a) => ["--app", a]),
    "--format",
    "json",
    "--at",
    NOW.slice(0, 10),
    "--ran-at",
    RAN_AT,
  ]);
  return JSON.parse(r.stdout) as AuditJson;
}

type App = AuditJson["applications"][number];

async function simulate(files: string[], app: App, user = app.user): Promise<SimJson> {
  const args = [
    "simulate",
    ...jclArgs(files),
    "--user",
    user,
    "--keyring",
    app.keyring,
    "--json",
    "--at",
    NOW.slice(0, 16),
  ];
  if (app.label) args.push("--label", app.label);
  if (app.role) args.push("--role", app.role);
  const r = await run(args);
  return JSON.parse(r.stdout) as SimJson;
}

/** What is wrong with a fix deck applied after `files`; empty when RACF would take every command. */
async function rejected(files: string[], fixFile: string, fix: Fix): Promise<string[]> {
  const problems: string[] = [];
  const lint = lintFiles(
    [...files, fixFile].map((f) => ({ text: readFileSync(resolve(ROOT, f), "utf8"), file: f })),
  );
  for (const i of lint.find((l) => l.file === fixFile)?.issues ?? [])
    if (i.severity === "error") problems.push(`lint ${i.code}: ${i.message}`);
  const model = JSON.parse(
    (await run(["model", ...jclArgs([...files, fixFile]), "--json"])).stdout,
  ) as ModelJson;
  for (const i of model.issues) {
    if (i.file !== fixFile) continue;
    if (i.severity === "error" || /RACF rejects|IRRD120I/.test(i.message))
      problems.push(`model ${i.code}: ${i.message}`);
  }
  for (const c of fix.commands) {
    if (/RING\(\s*'?\*'?\s*\)|ID\(\s*\*(SITE|AUTH)\*\s*\)/i.test(c))
      problems.push(`virtual ring or reserved id: ${c}`);
    const permit = /^PERMIT\s+(\S+)/i.exec(c);
    if (permit && /[*%]/.test(permit[1] ?? "")) problems.push(`PERMIT on a generic profile: ${c}`);
    const signer = /SIGNWITH\((CERTAUTH|SITE|ID\((\w+)\))\s+LABEL\('((?:[^']|'')*)'\)\)/i.exec(c);
    if (signer) {
      const owner = signer[2] ? `ID(${signer[2].toUpperCase()})` : (signer[1] ?? "").toUpperCase();
      const label = (signer[3] ?? "").replace(/''/g, "'");
      const cert = model.certificates.find((x) => x.owner === owner && x.label === label);
      // A leaf: its key usage is known and lacks CERTSIGN (a placeholder label starts with "<").
      const leaf = cert?.keyUsage && cert.keyUsage.length > 0 && !cert.keyUsage.includes("CERTSIGN");
      if (!cert && !label.startsWith("<"))
        problems.push(`signs with a certificate the inputs do not define: ${c}`);
      else if (leaf) problems.push(`signs with a leaf certificate: ${c}`);
    }
  }
  return problems;
}

describe("every proposed fix, applied over the corpus", () => {
  const dir = mkdtempSync(join(tmpdir(), "racfring-every-fix-"));
  let n = 0;
  it.each(corpus())("$deck", { timeout: 240_000 }, async ({ deck, apps: extra = [], role }) => {
    const files = deckFiles(deck);
    const report = await audit(files, extra);
    if (role) for (const a of report.applications) a.role = role;
    const failures: string[] = [];
    // The fixes each proposes, with the applications it is for.
    // `mustWork`: the fix is for the application's failure, so it must predict 0; a fix for
    // another finding must at least not make the application's prediction worse.
    const proposals: { from: string; fix: Fix; apps: App[]; mustWork: boolean }[] = [];
    for (const app of report.applications) {
      const sim = await simulate(files, app);
      for (const fix of [sim.fix, ...sim.alternatives])
        if (fix && fix.commands.length > 0)
          proposals.push({ from: `simulate ${app.user} ${app.keyring}`, fix, apps: [app], mustWork: true });
    }
    for (const f of report.findings) {
      const apps = report.applications.filter((a) =>
        f.subject?.kind === "application" ? f.subject.id === `${a.user}@${a.keyring}` : a.keyring === f.ring,
      );
      for (const fix of [f.fix ?? null, ...(f.alternatives ?? [])])
        if (fix && fix.commands.length > 0)
          proposals.push({
            from: `audit ${f.rule}`,
            fix,
            apps,
            mustWork: f.rule === "app-predicted-failure",
          });
    }
    for (const { from, fix, apps, mustWork } of proposals) {
      const fixFile = join(dir, `fix${n++}.jcl`);
      writeFileSync(fixFile, `${fix.commands.join("\n")}\n`);
      const what = `${from}: "${fix.summary.slice(0, 80)}"`;
      for (const p of await rejected(files, fixFile, fix)) failures.push(`${what}: ${p}`);
      // The applications the fix is for must work once it is applied. "Run the application as
      // X" is done outside RACF (the job's USER): simulate as X then.
      const runAs = /^Run the application as (\S+?),/.exec(fix.summary)?.[1];
      // "Use the new ring X/Y": the application is pointed at the ring the fix adds.
      const newRing = /^Use the new ring (\S+?):/.exec(fix.summary)?.[1];
      for (const a of apps) {
        const app = newRing ? { ...a, keyring: newRing, label: null } : a;
        const after = await simulate([...files, fixFile], app, runAs ?? a.user);
        if (after.rc !== 0 && (mustWork || after.rc !== a.rc))
          failures.push(
            `${what}: ${runAs ?? a.user} ${a.keyring} rc ${after.rc} after the fix (was ${a.rc})`,
          );
      }
    }
    // A deck named for another application is here for its fixes: they must have been tried.
    if (extra.length > 0) expect(proposals.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
