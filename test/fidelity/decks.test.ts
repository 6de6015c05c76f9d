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
    const a = await cli(
      [
        "audit",
        "--jcl",
        "test/fixtures/fidelity/grplist.jcl",
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
    expect(apps.find((x) => x.user === "WEBSRV")?.rc).toBe(202);
  });
});
