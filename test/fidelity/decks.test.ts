/**
 * Decks written as an administrator would, one per fact of the second fidelity round, each with
 * the return code racfring must predict and the trace step that decides it.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/io.js";

const ROOT = resolve(import.meta.dirname, "../..");
const NOW = "2026-01-15T12:00:00Z";

interface Step {
  id: string;
  ok: boolean | null;
  detail: string;
}
interface Result {
  rc: number;
  steps: Step[];
  messages: string[];
  inputIssues: { code: string; message: string }[];
}

async function simulate(deck: string, args: string[]): Promise<Result> {
  const r = await cli(
    ["simulate", "--jcl", `test/fixtures/fidelity/${deck}`, ...args, "--json", "--ran-at", "2025-06-01"],
    { cwd: ROOT, now: NOW },
  );
  return JSON.parse(r.stdout) as Result;
}

const failed = (r: Result) => r.steps.find((s) => s.ok === false)?.id ?? null;

describe("refresh state", () => {
  const args = ["--user", "WEBSRV", "--keyring", "WEBRING"];

  it("reads an unrefreshed PERMIT as in effect by default, and says so", async () => {
    const r = await simulate("refresh.jcl", args);
    expect(r.rc).toBe(0);
    const issue = r.inputIssues.find((i) => i.code === "refresh-missing");
    expect(issue?.message).toContain(
      "racfring reads the change as in effect (--assume-refreshed yes, the default",
    );
  });

  it("with --assume-refreshed no the PERMIT is not in effect: 202 at the ring read", async () => {
    const r = await simulate("refresh.jcl", [...args, "--assume-refreshed", "no"]);
    expect(r.rc).toBe(202);
    expect(failed(r)).toBe("authorize-ring");
    expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toContain("WEBSRV has NONE (via UACC)");
  });
});

describe("list-of-groups checking", () => {
  const args = ["--started", "WEBSRV", "--keyring", "WEBRING"];

  it("NOGRPLIST: the group CERTUSRS, not the started task's current group, does not count (202)", async () => {
    const r = await simulate("grplist.jcl", args);
    expect(r.rc).toBe(202);
    expect(failed(r)).toBe("authorize-ring");
    expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toContain("WEBSRV has NONE (via UACC)");
  });

  it("GRPLIST: every connected group counts (0)", async () => {
    const r = await simulate("grplist-on.jcl", args);
    expect(r.rc).toBe(0);
    expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toContain("READ (via group CERTUSRS)");
  });

  it("the audit gives the same answer for the same application", async () => {
    const apps = (await auditJson("grplist.jcl")).applications;
    expect(apps.find((x) => x.user === "WEBSRV")?.rc).toBe(202);
  });

  // The STARTED profile's STDATA GROUP, not the user's default group, is the task's current
  // connect group: the simulator and every audit rule about the application must take it.
  it("NOGRPLIST with STDATA GROUP(CERTUSRS): the task's group counts in the simulator and the audit alike", async () => {
    const r = await simulate("grplist-stdata.jcl", args);
    expect(r.rc).toBe(0);
    expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toContain("READ (via group CERTUSRS)");
    const report = await auditJson("grplist-stdata.jcl");
    const app = report.applications.find((x) => x.user === "WEBSRV");
    expect(app?.rc).toBe(0);
    expect(app?.currentGroup).toBe("CERTUSRS");
    expect(report.findings.map((f) => f.rule)).not.toContain("ring-access-denied");
    expect(report.findings.map((f) => f.rule)).not.toContain("app-predicted-failure");
  });
});

/** The audit's JSON report of a fidelity deck, at the decks' dates. */
async function auditJson(deck: string): Promise<{
  applications: { user: string; rc: number; currentGroup?: string }[];
  findings: { rule: string }[];
}> {
  const args = ["--format", "json", "--at", "2026-01-15", "--ran-at", "2025-06-01"];
  const a = await cli(["audit", "--jcl", `test/fixtures/fidelity/${deck}`, ...args], { cwd: ROOT, now: NOW });
  return JSON.parse(a.stdout);
}

interface Fix {
  summary: string;
  commands: string[];
}
interface Full extends Result {
  confidence: string;
  conditions: { text: string; step: string }[];
  outcomes: { rc: number; confidence: string }[];
  fix: Fix | null;
  alternatives: Fix[];
}
const full = (deck: string, args: string[]) => simulate(deck, args) as Promise<Full>;
const allFixes = (r: Full) => [r.fix, ...r.alternatives].filter((f): f is Fix => f !== null);

describe("list-of-groups checking not in the inputs", () => {
  it("0 on the stated GRPLIST condition, 202 the other outcome", async () => {
    const r = await full("grplist-unknown.jcl", ["--started", "WEBSRV", "--keyring", "WEBRING"]);
    expect(r.rc).toBe(0);
    expect(r.conditions.map((c) => c.step)).toContain("authorize-ring");
    expect(r.conditions.find((c) => c.step === "authorize-ring")?.text).toMatch(/SETROPTS GRPLIST/);
    expect(r.outcomes).toContainEqual(expect.objectContaining({ rc: 202, confidence: "ibm" }));
  });
});

describe("WARNING mode", () => {
  it("lets the ring read through, logs ICH408I with WARNING, and says so in the trace", async () => {
    const r = await full("warning.jcl", ["--user", "WEBSRV", "--keyring", "WEBRING"]);
    expect(r.rc).toBe(0);
    expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toMatch(/WARNING mode/);
    expect(r.messages.some((m) => /^ICH408I USER\(WEBSRV\).*CL\(RDATALIB\) WARNING:/.test(m))).toBe(true);
  });
});

describe("keys in ICSF", () => {
  const args = ["--user", "WEBSRV", "--keyring", "WEBRING"];

  it("CSFKEYS active and no access: 428 at the ICSF step, marked unconfirmed; the fix is a discrete profile", async () => {
    const r = await full("icsf.jcl", args);
    expect(r.rc).toBe(428);
    expect(failed(r)).toBe("icsf-key");
    expect(r.confidence).toBe("unconfirmed");
    expect(r.fix?.commands).toEqual([
      "RDEFINE CSFKEYS WEBSRV.KEY FROM(WEBSRV.*)",
      "PERMIT WEBSRV.KEY CLASS(CSFKEYS) ID(WEBSRV) ACCESS(READ)",
      "SETROPTS RACLIST(CSFKEYS) REFRESH",
    ]);
  });

  it("CSFKEYS state not in the inputs: a condition, never a silent pass", async () => {
    const r = await full("icsf-unknown.jcl", args);
    expect(r.rc).toBe(0);
    expect(r.steps.find((s) => s.id === "icsf-key")?.ok).toBeNull();
    expect(r.outcomes).toContainEqual(expect.objectContaining({ rc: 428, confidence: "unconfirmed" }));
  });

  it("with READ on the key's profile: 0", async () => {
    const r = await full("icsf-permitted.jcl", args);
    expect(r.rc).toBe(0);
    expect(r.steps.find((s) => s.id === "icsf-key")?.ok).toBe(true);
  });

  it("explain 428 lists IBM's ICSF causes", async () => {
    const r = await cli(["explain", "428"], { cwd: ROOT, now: NOW });
    expect(r.stdout).toMatch(/stored in ICSF and ICSF services are not available/);
    expect(r.stdout).toMatch(/FIPS mode/);
    expect(r.stdout).toMatch(/CSFKEYS/);
  });
});

describe("fixes that are right", () => {
  it("never a PERMIT on a generic profile: the discrete .LST is defined from it and decides for that ring", async () => {
    const r = await full("generic-permit.jcl", ["--user", "TCPIP", "--keyring", "FTPD/SERVRING"]);
    expect(r.rc).toBe(428);
    expect(r.fix?.commands.slice(0, 2)).toEqual([
      "RDEFINE RDATALIB FTPD.SERVRING.LST FROM(FTPD.*.LST)",
      "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)",
    ]);
    expect(r.fix?.summary).toMatch(/decides for FTPD\.SERVRING\.LST alone/);
    for (const f of allFixes(r)) for (const c of f.commands) expect(c).not.toMatch(/^PERMIT FTPD\.\*/);
  });

  it("never signs with a leaf: the new certificate is signed by a CA on the ring", async () => {
    const r = await full("leaf-signer.jcl", ["--user", "TCPIP", "--keyring", "WEBSRV/WEBRING"]);
    const gencert = allFixes(r)
      .flatMap((f) => f.commands)
      .filter((c) => c.includes(" GENCERT "));
    expect(gencert.length).toBeGreaterThan(0);
    for (const c of gencert) {
      expect(c).not.toContain("LABEL('Site TLS')");
      expect(c).toContain("SIGNWITH(CERTAUTH LABEL('Site Root CA'))");
    }
  });

  it("names the real cause when RDATALIB is active but not RACLISTed, and never RDEFINEs the existing profile", async () => {
    const r = await full("not-raclisted.jcl", ["--user", "WEBSRV", "--keyring", "WEBRING"]);
    expect(r.rc).toBe(202);
    expect(r.fix?.summary).toMatch(
      /^The cause is the class, not the profile: RDATALIB is active but not RACLISTed/,
    );
    expect(r.fix?.commands).toEqual(["SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)"]);
    for (const f of allFixes(r))
      for (const c of f.commands) expect(c).not.toMatch(/^RDEFINE RDATALIB WEBSRV\.WEBRING\.LST/);
  });

  it("a virtual ring is never connected to: the fixes add a real ring of the user", async () => {
    const r = await full("virtual-ring.jcl", [
      "--user",
      "WEBSRV",
      "--keyring",
      "*SITE*/*",
      "--label",
      "Site Web",
    ]);
    expect(r.rc).toBe(428);
    for (const f of allFixes(r)) {
      expect(f.commands[0]).toBe("RACDCERT ID(WEBSRV) ADDRING(TLSRING)");
      for (const c of f.commands) expect(c).not.toMatch(/RING\(\*\)|ID\(\*(SITE|AUTH)\*\)/);
    }
  });
});

describe("simulate and audit agree", () => {
  it("a SITE certificate connected DEFAULT with its default usage: 428 in both", async () => {
    const r = await full("site-default.jcl", ["--user", "WEBSRV", "--keyring", "WEBRING"]);
    expect(r.rc).toBe(428);
    const a = await cli(
      [
        "audit",
        "--jcl",
        "test/fixtures/fidelity/site-default.jcl",
        "--format",
        "json",
        "--at",
        "2026-01-15",
        "--ran-at",
        "2025-06-01",
      ],
      { cwd: ROOT, now: NOW },
    );
    const apps = (JSON.parse(a.stdout) as { applications: { user: string; rc: number }[] }).applications;
    expect(apps.find((x) => x.user === "WEBSRV")?.rc).toBe(428);
  });
});
