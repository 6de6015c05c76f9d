import { describe, expect, it } from "vitest";
import { formatPlanIssue, loadPlan } from "../../src/gen/plan.js";
import { resolvePlan } from "../../src/gen/resolve.js";

const BASE = `racfringPlan: 1
name: test-plan
job:
  name: TESTJOB
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
    validity: { notBefore: "2026-01-01", notAfter: "2027-12-31" }
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

function problems(text: string, file = "plan.yaml"): string[] {
  const loaded = loadPlan(text, file);
  if (!loaded.plan) return loaded.issues.map(formatPlanIssue);
  return resolvePlan(loaded.plan, loaded.locator).issues.map(formatPlanIssue);
}

describe("loadPlan (schema)", () => {
  it("accepts a valid plan, in YAML and in JSON", () => {
    expect(problems(BASE)).toEqual([]);
    const loaded = loadPlan(BASE, "p.yaml");
    expect(problems(JSON.stringify(loaded.plan, null, 2), "p.json")).toEqual([]);
  });

  it("reports a wrong enum value at its line and column, with expected and got", () => {
    const text = BASE.replace(
      'key: { type: RSA, size: 2048 }\n    validity: { notBefore: "2026-01-01", notAfter: "2030',
      'key: { type: ECC, size: 2048 }\n    validity: { notBefore: "2026-01-01", notAfter: "2030',
    );
    const p = problems(text);
    expect(p).toHaveLength(1);
    expect(p[0]).toBe(
      'plan.yaml:10:18: authorities[0].key.type: expected one of RSA, NISTECC, BPECC, got "ECC"',
    );
  });

  it("reports a missing required property at the parent and an unknown property at its key", () => {
    const text = BASE.replace("    label: Server cert\n", "    lable: Server cert\n");
    const p = problems(text);
    expect(p).toContain('plan.yaml:13:5: certificates[0]: missing required property "label"');
    expect(
      p.some((x) => x.startsWith('plan.yaml:15:5: certificates[0].lable: unknown property "lable"')),
    ).toBe(true);
  });

  it("reports a job name that is too long with the rule", () => {
    const p = problems(BASE.replace("name: TESTJOB", "name: TESTJOB12"));
    expect(p[0]).toMatch(
      /^plan\.yaml:4:9: job\.name: expected a job name prefix of 1-7 characters.*got "TESTJOB12"$/,
    );
  });

  it("reports YAML syntax errors with a position", () => {
    const p = problems("racfringPlan: 1\nname: [unclosed\n");
    expect(p[0]).toMatch(/^plan\.yaml:\d+:\d+: \(syntax\): /);
  });
});

describe("resolvePlan (semantics)", () => {
  it("refuses a NISTECC size RACF does not have, located at the size", () => {
    const p = problems(
      BASE.replace(
        'key: { type: RSA, size: 2048 }\n    validity: { notBefore: "2026-01-01", notAfter: "2027',
        'key: { type: NISTECC, size: 2048 }\n    validity: { notBefore: "2026-01-01", notAfter: "2027',
      ),
    );
    expect(p).toEqual([
      "plan.yaml:17:33: certificates[0].key.size: NISTECC key size must be one of 256, 384, 521, got 2048",
    ]);
  });

  it("refuses RSA keys outside 2048–4096", () => {
    expect(
      problems(
        BASE.replace(
          'size: 2048 }\n    validity: { notBefore: "2026-01-01", notAfter: "2030',
          'size: 1024 }\n    validity: { notBefore: "2026-01-01", notAfter: "2030',
        ),
      )[0],
    ).toMatch(/RSA key size must be 2048–4096, got 1024/);
  });

  it("refuses a label with a non-ASCII character and says why", () => {
    const p = problems(BASE.replace("label: Server cert", "label: Serveur sécurisé"));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(
      /^plan\.yaml:15:12: certificates\[0\]\.label: label contains the non-ASCII character U\+00E9; its EBCDIC form depends on the code page/,
    );
  });

  it("accepts labels with blanks, apostrophes and commas (they are quoted)", () => {
    expect(problems(BASE.replace("label: Server cert", `label: "Bob's server, v2"`))).toEqual([]);
  });

  it("refuses a DN value with a non-ASCII character", () => {
    expect(problems(BASE.replace("CN: srv.example.com", "CN: Zürich server"))[0]).toMatch(
      /subject CN contains the non-ASCII character U\+00FC/,
    );
  });

  it("refuses a label longer than 32 characters", () => {
    expect(problems(BASE.replace("label: Server cert", `label: "${"x".repeat(33)}"`))[0]).toMatch(
      /certificates\[0\]\.label: expected a certificate label of 1-32 characters/,
    );
  });

  it("refuses a dangling reference", () => {
    // one problem, not a cascade (the ring and the application that depend on it are not reported again)
    expect(problems(BASE.replace("signer: { authority: CA1 }", "signer: { authority: NOPE }"))).toEqual([
      'plan.yaml:19:26: certificates[0].signer.authority: no authority with id "NOPE" in the plan (authorities or existing.authorities)',
    ]);
  });

  it("refuses a server that would use another user's key under FACILITY checking (field case 4)", () => {
    const text = `${BASE.replace("user: SRVUSER\n    ring", "user: OTHER\n    ring")}permissions:\n  strategy: facility\n`;
    const p = problems(text);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(
      /applications\[0\]\.user: OTHER would use SRVUSER's private key; under FACILITY checking/,
    );
  });

  it("refuses a ring owned by CERTAUTH (IRRD120I)", () => {
    const text = BASE.replace("  - owner: SRVUSER\n    name: Ring1", "  - owner: CERTAUTH\n    name: Ring1");
    expect(problems(text).some((x) => x.includes("only users own key rings"))).toBe(true);
  });

  it("refuses more than one DNS name for a RACF-signed certificate (GENCERT ALTNAME takes one)", () => {
    const text = BASE.replace(
      "    signer: { authority: CA1 }",
      "    altNames: { dns: [a.example.com, b.example.com] }\n    signer: { authority: CA1 }",
    );
    expect(problems(text)[0]).toMatch(
      /certificates\[0\]\.altNames\.dns: RACF GENCERT ALTNAME takes one dns value/,
    );
  });

  it("refuses a certificate valid beyond its CA", () => {
    expect(problems(BASE.replace('notAfter: "2027-12-31"', 'notAfter: "2031-12-31"'))[0]).toMatch(
      /validity must lie within its signing CA's validity/,
    );
  });

  it("refuses a server with no certificate and no default (RC 6, field case 3)", () => {
    expect(problems(BASE.replace("{ certificate: SRV, default: true }", "{ certificate: SRV }"))[0]).toMatch(
      /the server has no certificate/,
    );
  });

  it("refuses a job card that would pass column 71", () => {
    const text = BASE.replace(
      "  name: TESTJOB\n",
      `  name: TESTJOB\n  accounting: ${"A".repeat(30)}\n  programmer: "A'B'C'D'E'F'G'H'I'J'"\n`,
    );
    const p = problems(text);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^plan\.yaml:6:15: job\.programmer: the JOB statement would be 7\d columns long/);
  });
});
