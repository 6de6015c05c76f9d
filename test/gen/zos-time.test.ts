/**
 * Plan times and the z/OS local time: RACF reads NOTBEFORE/NOTAFTER TIME() as the system's
 * local time, so a plan time with a zone becomes the right local time (zosTimeZone) or is
 * refused with the reason; times without a zone are written as they are.
 */
import { describe, expect, it } from "vitest";
import { formatPlanIssue, loadPlan } from "../../src/gen/plan.js";
import { resolvePlan } from "../../src/gen/resolve.js";
import { planTime, wallClock, zoneProblem } from "../../src/gen/zos-time.js";
import { generateText } from "./helpers/gen.js";

const plan = (notAfter: string, zone?: string) => `racfringPlan: 1
name: tz-plan
${zone ? `zosTimeZone: "${zone}"\n` : ""}job:
  name: TZJOB
authorities:
  - id: CA1
    create: racf
    label: Test CA
    subject: { CN: Test CA, O: Example, C: US }
    key: { type: RSA, size: 2048 }
    validity: { notBefore: "2026-01-01", notAfter: "2030-12-31" }
certificates:
  - id: SRV
    owner: SRVUSER
    label: Server cert
    subject: { CN: srv.example.com, O: Example, C: US }
    key: { type: RSA, size: 2048 }
    validity: { notBefore: "2026-01-01", notAfter: "${notAfter}" }
    signer: { authority: CA1 }
rings:
  - owner: SRVUSER
    name: Ring1
    connect:
      - { certificate: SRV, default: true }
      - { authority: CA1 }
applications:
  - name: server
    user: SRVUSER
    ring: SRVUSER/Ring1
`;

function problems(text: string): string[] {
  const loaded = loadPlan(text, "plan.yaml");
  if (!loaded.plan) return loaded.issues.map(formatPlanIssue);
  return resolvePlan(loaded.plan, loaded.locator).issues.map(formatPlanIssue);
}

async function notAfterOperand(text: string): Promise<string | undefined> {
  const r = await generateText(text);
  expect([...r.planIssues.map(String), ...r.refusals, ...r.errors]).toEqual([]);
  // TSO continuations split the command over lines: join them before looking.
  const jcl = r.files
    .map((f) => (typeof f.contents === "string" ? f.contents : ""))
    .join("\n")
    .replace(/ *[-+]\n\s*/g, " ");
  return /RACDCERT ID\(SRVUSER\) GENCERT[\s\S]*?NOTAFTER\((DATE\([^)]*\) TIME\([^)]*\))\)/.exec(jcl)?.[1];
}

describe("plan times and the z/OS local time", () => {
  it("refuses a time with a zone when the plan does not say the system's zone", () => {
    const p = problems(plan("2027-06-30T12:00:00Z"));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(
      /notAfter.*names a time zone, but RACF reads NOTBEFORE\/NOTAFTER TIME\(\) as the z\/OS system's local time/,
    );
  });

  it("converts a UTC time into the system's zone, daylight saving included", async () => {
    expect(problems(plan("2027-06-30T12:00:00Z", "Europe/Berlin"))).toEqual([]);
    // 12:00 UTC on 30 June is 14:00 in Berlin (CEST, UTC+2), 31 Dec 12:00 UTC is 13:00 (CET).
    expect(await notAfterOperand(plan("2027-06-30T12:00:00Z", "Europe/Berlin"))).toBe(
      "DATE(2027-06-30) TIME(14:00:00)",
    );
    expect(await notAfterOperand(plan("2027-12-31T12:00:00Z", "Europe/Berlin"))).toBe(
      "DATE(2027-12-31) TIME(13:00:00)",
    );
    // An offset in the value and a fixed offset for the system; the day can change.
    expect(await notAfterOperand(plan("2027-06-30T23:30:00+00:00", "-05:00"))).toBe(
      "DATE(2027-06-30) TIME(18:30:00)",
    );
    expect(await notAfterOperand(plan("2027-06-30T02:00:00+02:00", "America/New_York"))).toBe(
      "DATE(2027-06-29) TIME(20:00:00)",
    );
  });

  it("writes a local time or a date as it is", async () => {
    expect(await notAfterOperand(plan("2027-06-30T12:00:00"))).toBe("DATE(2027-06-30) TIME(12:00:00)");
    expect(await notAfterOperand(plan("2027-06-30"))).toBe("DATE(2027-06-30) TIME(23:59:59)");
  });

  it("refuses a zone that is not one", () => {
    expect(problems(plan("2027-06-30", "Mars/Olympus"))[0]).toMatch(
      /zosTimeZone "Mars\/Olympus" is not a time zone name/,
    );
    expect(zoneProblem("+15:00")).toMatch(/not a UTC offset/);
    expect(zoneProblem("UTC")).toBeNull();
  });

  it("wallClock and planTime agree with the offsets", () => {
    expect(wallClock(new Date("2027-01-15T10:00:00Z"), "Asia/Kolkata").toISOString()).toBe(
      "2027-01-15T15:30:00.000Z",
    );
    expect(planTime("2027-02-30", true, null).problem).toMatch(/not a valid date/);
    expect(planTime("2027-02-28T10:00:00-03:00", false, "UTC").date?.toISOString()).toBe(
      "2027-02-28T13:00:00.000Z",
    );
  });
});
