/**
 * Field cases 1–7 (shared/reference/field-cases.md), each as the RACF job an administrator would
 * have run, through the real CLI. The expected values are the conclusions the field-case page
 * states, not racfring's output copied back.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/io.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/sim");
const NOW = "2026-01-15T12:00:00Z";

async function sim(args: string[]) {
  const r = await cli(["simulate", ...args, "--json"], { cwd: FIXTURES, now: NOW });
  const json = JSON.parse(r.stdout) as {
    rc: number;
    side: string;
    event: string;
    user: string;
    keyring: string;
    label: string | null;
    partner: { rc: number } | null;
    fix: { summary: string; commands: string[]; notes?: string[] } | null;
    alternatives: { summary: string; commands: string[] }[];
    steps: {
      id: string;
      ok: boolean | null;
      evidence: { file: string; line: number }[];
      confidence: string;
    }[];
    messages: string[];
    assumptions: string[];
    policy: { rule: string; objects: { type: string; name: string | null }[] } | null;
  };
  return { ...r, json };
}

describe("field cases 1–7", () => {
  it("1: ring owner misspelled in the policy → 202 at environment init, 5006 at the handshake, client 406", async () => {
    const r = await sim(["--jcl", "case1.jcl", "--policy", "case1.policy", "--started", "FTPD"]);
    expect(r.code).toBe(1);
    expect(r.json.rc).toBe(202);
    expect(r.json.side).toBe("server");
    expect(r.json.event).toBe("Environment Master Init");
    expect(r.json.keyring).toBe("FTPX/SERVRING");
    expect(r.json.partner?.rc).toBe(406);
    expect(r.json.messages.join("\n")).toMatch(/202 Environment Master Init/);
    expect(r.json.messages.join("\n")).toMatch(/202 Environment Link/);
    expect(r.json.messages.join("\n")).toMatch(/5006 Initial Handshake/);
    const resolveStep = r.json.steps.find((s) => s.id === "resolve-ring");
    expect(resolveStep?.ok).toBe(false);
    // The ring exists under FTPD: the evidence points at its ADDRING.
    expect(resolveStep?.evidence).toContainEqual(expect.objectContaining({ file: "case1.jcl", line: 19 }));
    // Fix the owner in the policy (line 23 holds the Keyring), then refresh the policy.
    expect(r.json.fix?.summary).toMatch(/case1\.policy:23/);
    expect(r.json.fix?.summary).toMatch(/FTPD\/SERVRING/);
    expect(r.json.fix?.notes?.join(" ")).toMatch(/F PAGENT,REFRESH/);
    // FTPX does not exist and FTPD's ring is the one meant: no "create FTPX's ring" advice.
    expect(r.json.alternatives).toEqual([]);
    expect(r.json.policy?.rule).toBe("FTPServerRule");
    expect(r.json.policy?.objects.map((o) => o.type)).toEqual([
      "TTLSRule",
      "TTLSGroupAction",
      "TTLSEnvironmentAction",
      "TTLSKeyringParms",
      "TTLSEnvironmentAdvancedParms",
    ]);
  });

  it("2: no access to IRR.DIGTCERT.LISTRING (UACC NONE, RACLISTed) → 202 on the side that opens the ring", async () => {
    const r = await sim([
      "--jcl",
      "case2.jcl",
      "--user",
      "BATCHU",
      "--keyring",
      "CLIENTRING",
      "--role",
      "client",
    ]);
    expect(r.json.rc).toBe(202);
    expect(r.json.side).toBe("client");
    expect(r.json.steps.find((s) => s.ok === false)?.id).toBe("authorize-ring");
    expect(r.json.fix?.commands).toEqual([
      "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(BATCHU) ACCESS(READ)",
      "SETROPTS RACLIST(FACILITY) REFRESH",
    ]);
    // The violation RACF logs, as the field case quotes it.
    expect(r.json.messages).toContain(
      "ICH408I USER(BATCHU) GROUP(BATCH) IRR.DIGTCERT.LISTRING CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
    );
    // The ring-specific alternative: an RDATALIB profile for this ring.
    expect(r.json.alternatives[0]?.commands).toContain("RDEFINE RDATALIB BATCHU.CLIENTRING.LST UACC(NONE)");
  });

  it("3: only the CA certificate on the ring, no label → 6; client 438; fix connects the server certificate PERSONAL DEFAULT", async () => {
    const r = await sim(["--jcl", "case3.jcl", "--user", "WEBSRV", "--keyring", "WEBRING"]);
    expect(r.json.rc).toBe(6);
    expect(r.json.partner?.rc).toBe(438);
    expect(r.json.steps.find((s) => s.ok === false)?.id).toBe("select-certificate");
    expect(r.json.fix?.commands).toEqual([
      "RACDCERT ID(WEBSRV) CONNECT(ID(WEBSRV) LABEL('Web Server') RING('WEBRING') USAGE(PERSONAL) DEFAULT)",
      "SETROPTS RACLIST(DIGTRING) REFRESH",
      "SETROPTS RACLIST(DIGTCERT) REFRESH",
    ]);
  });

  it("4: certificate owned by the ring owner, server runs as TCPIP → 428, client 438, three fixes", async () => {
    const r = await sim(["--jcl", "case4.jcl", "--started", "FTPD", "--keyring", "FTPD/SERVRING"]);
    expect(r.json.user).toBe("TCPIP");
    expect(r.json.rc).toBe(428);
    expect(r.json.partner?.rc).toBe(438);
    expect(r.json.steps.find((s) => s.ok === false)?.id).toBe("selected-key");
    const all = [r.json.fix, ...r.json.alternatives];
    expect(all).toHaveLength(3);
    const commands = all.flatMap((f) => f?.commands ?? []);
    // (a) RDATALIB FTPD.SERVRING.LST with UPDATE for the server user
    expect(commands).toContain("RDEFINE RDATALIB FTPD.SERVRING.LST UACC(NONE)");
    expect(commands).toContain("PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)");
    // (b) a certificate owned by the server's user, connected to the ring
    expect(
      commands.some((c) =>
        /^RACDCERT ID\(FTPD\) CONNECT\(ID\(TCPIP\) LABEL\('.+'\) RING\('SERVRING'\) USAGE\(PERSONAL\) DEFAULT\)$/.test(
          c,
        ),
      ),
    ).toBe(true);
    // (c) run the server as FTPD (its STARTED profile)
    expect(commands).toContain("RALTER STARTED FTPD.* STDATA(USER(FTPD))");
  });

  it("5: expired server certificate → 401 on both sides; renew with GENREQ/GENCERT and TRUST", async () => {
    const r = await sim(["--jcl", "case5.jcl", "--user", "WEBSRV", "--keyring", "WEBRING"]);
    expect(r.json.rc).toBe(401);
    expect(r.json.partner?.rc).toBe(401);
    const cmds = r.json.fix?.commands ?? [];
    expect(cmds[0]).toBe("RACDCERT ID(WEBSRV) GENREQ(LABEL('Web Server')) DSN('WEBSRV.CERTREQ.RENEW')");
    expect(cmds[1]).toMatch(
      /^RACDCERT ID\(WEBSRV\) GENCERT\('WEBSRV.CERTREQ.RENEW'\) SIGNWITH\(CERTAUTH LABEL\('Example Root CA'\)\) NOTAFTER\(DATE\(2027-01-15\)\)$/,
    );
    expect(cmds).toContain("RACDCERT ID(WEBSRV) ALTER(LABEL('Web Server')) TRUST");
  });

  it("6: READ on START1.MQRING.LST opens the ring but does not return START1's key → 428; UPDATE fixes it", async () => {
    const r = await sim(["--jcl", "case6.jcl", "--user", "STCRSE", "--keyring", "START1/MQRING"]);
    expect(r.json.rc).toBe(428);
    expect(r.json.fix?.commands).toEqual([
      "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(UPDATE)",
      "SETROPTS RACLIST(RDATALIB) REFRESH",
    ]);
    const fixed = await sim([
      "--jcl",
      "case6.jcl",
      "--jcl",
      "case6-fixed.jcl",
      "--user",
      "STCRSE",
      "--keyring",
      "START1/MQRING",
    ]);
    expect(fixed.json.rc).toBe(0);
    expect(fixed.code).toBe(0);
  });

  it("7: a working set-up → 0 (a tool that predicts failure everywhere is useless)", async () => {
    const r = await sim(["--jcl", "case7.jcl", "--started", "START1", "--keyring", "KEY"]);
    expect(r.code).toBe(0);
    expect(r.json.rc).toBe(0);
    expect(r.json.user).toBe("START1");
    expect(r.json.label).toBe("START1 Server");
    expect(r.json.steps.every((s) => s.ok !== false)).toBe(true);
    expect(r.json.fix).toBeNull();
  });
});
