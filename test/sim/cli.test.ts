/**
 * `racfring simulate` and `racfring explain` from the command line: options, exit codes, error
 * messages, and a few full traces snapshotted (reviewed against field cases 4, 6 and 7).
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "../../src/cli/commands/simulate.js";
import { joinTsoLines } from "../../src/gen/tso.js";
import { cli } from "../helpers/io.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/sim");
const NOW = "2026-01-15T12:00:00Z";
const sim = (args: string[]) => cli(["simulate", ...args], { cwd: FIXTURES, now: NOW });

/** The parts of a printed trace a reviewer checks, wrapping undone. */
function readTrace(stdout: string) {
  const sections = stdout.split(/\n(?=Trace:|Fix:|Alternatives:|Assumptions:)/);
  const section = (name: string) => sections.find((t) => t.startsWith(`${name}:`)) ?? "";
  const flat = (text: string) => text.replace(/\s+/g, " ").trim();
  const steps = [...section("Trace").matchAll(/^ +\d+\. \[(ok {2}|FAIL|-- {2})\] .* \(([a-z-]+)\)$/gm)].map(
    (m) => `${m[2]} ${m[1]?.trim()}`,
  );
  const stepText = (id: string) => {
    const block =
      section("Trace")
        .split(/\n(?= +\d+\. \[)/)
        .find((b) => b.includes(`(${id})\n`)) ?? "";
    return flat(block.replace(/^\s+(evidence|rule):[\s\S]*$/m, ""));
  };
  // Commands are printed from column 1 in deck form (continued with "-").
  const commands = (text: string) => {
    const deck: string[] = [];
    for (const l of text.split("\n"))
      if (/^[A-Z]/.test(l) || (deck.at(-1)?.endsWith("-") && l.startsWith("  "))) deck.push(l);
    return joinTsoLines(deck);
  };
  return {
    prediction: stdout.split("\n").find((l) => l.startsWith("Prediction:")),
    partner: stdout.split("\n").find((l) => l.startsWith("Partner")),
    steps,
    stepText,
    fix: flat(
      section("Fix")
        .split("\n")
        .filter((l) => l.startsWith("  "))
        .join(" "),
    ),
    fixCommands: commands(section("Fix").split("\n").slice(1).join("\n")),
    alternativeCommands: commands(section("Alternatives").split("\n").slice(1).join("\n")),
  };
}

const BEFORE_KEY = [
  "identity ok",
  "resolve-ring ok",
  "authorize-ring ok",
  "load-entries ok",
  "private-keys ok",
];

describe("racfring simulate", () => {
  // The snapshots below are a second net; these are the reviewed expectations (field cases 4, 6, 7).
  it("prints a readable trace (field case 4)", async () => {
    const r = await sim(["--jcl", "case4.jcl", "--started", "FTPD", "--keyring", "FTPD/SERVRING"]);
    expect(r.code).toBe(1);
    const t = readTrace(r.stdout);
    expect(r.stdout.split("\n")[0]).toBe(
      "Simulating a TLS server running as TCPIP with key ring FTPD/SERVRING, certificate 'FTP Server'.",
    );
    expect(t.prediction).toBe(
      'Prediction: RC 428 "Key entry does not contain a private key." on the server side at "Initial Handshake". [text: IBM; prediction: IBM]',
    );
    expect(t.partner).toBe(
      'Partner (client): RC 438 "Internal error reported by remote partner.". [third-party]',
    );
    // The walk stops at the first failure: the selected certificate's key is withheld.
    expect(t.steps).toEqual([...BEFORE_KEY, "select-certificate ok", "selected-key FAIL"]);
    expect(t.stepText("identity")).toContain(
      "STARTED profile FTPD.* matches FTPD.FTPD with STDATA USER(TCPIP)",
    );
    expect(t.stepText("authorize-ring")).toContain(
      "TCPIP has UPDATE (via its own access-list entry); another user's ring (FTPD) needs UPDATE.",
    );
    expect(t.stepText("private-keys")).toContain(
      "'FTP Server' (ID(FTPD)): no key — another user's certificate under FACILITY checking: never returned.",
    );
    expect(t.stepText("selected-key")).toContain(
      'A listing that shows "Private Key: YES" does not contradict this',
    );
    // Field case 4's fix: ring-specific checking with UPDATE for the server's user, READ for the owner.
    expect(t.fixCommands).toEqual([
      "RDEFINE RDATALIB FTPD.SERVRING.LST UACC(NONE)",
      "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)",
      "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(FTPD) ACCESS(READ)",
      "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
    ]);
    expect(t.alternativeCommands).toContain("RALTER STARTED FTPD.* STDATA(USER(FTPD))");
    expect(t.alternativeCommands).toContain(
      "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(FTPD) ACCESS(READ)",
    );
    expect(r.stdout).toMatch(/^ {2}- RDATALIB assumed inactive \(no SETROPTS for it in the inputs\)$/m);
    expect(r.stdout).toMatchSnapshot();
  });

  it("prints a readable trace (field case 6)", async () => {
    const r = await sim(["--jcl", "case6.jcl", "--user", "STCRSE", "--keyring", "START1/MQRING"]);
    expect(r.code).toBe(1);
    const t = readTrace(r.stdout);
    expect(t.prediction).toMatch(
      /^Prediction: RC 428 "Key entry does not contain a private key\." on the server side/,
    );
    expect(t.steps).toEqual([...BEFORE_KEY, "select-certificate ok", "selected-key FAIL"]);
    // READ on the .LST profile opens the ring (step 3 passes) but returns only STCRSE's own keys.
    expect(t.stepText("authorize-ring")).toContain(
      "STCRSE has READ (via its own access-list entry); opening needs READ.",
    );
    expect(t.stepText("private-keys")).toContain(
      "'MQ Server' (ID(START1)): no key — another user's certificate: needs UPDATE on START1.MQRING.LST (has READ).",
    );
    expect(t.fix).toContain("Give STCRSE UPDATE on START1.MQRING.LST in RDATALIB");
    expect(t.fixCommands).toEqual([
      "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(UPDATE)",
      "SETROPTS RACLIST(RDATALIB) REFRESH",
    ]);
    expect(t.alternativeCommands).toContain(
      "PERMIT START1.MQRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
    );
    expect(r.stdout).toMatchSnapshot();
  });

  it("prints a readable trace (field case 7, success)", async () => {
    const r = await sim(["--jcl", "case7.jcl", "--started", "START1", "--keyring", "KEY"]);
    expect(r.code).toBe(0);
    const t = readTrace(r.stdout);
    expect(t.prediction).toBe("Prediction: RC 0 — the handshake succeeds on this side. [prediction: IBM]");
    expect(t.partner).toBeUndefined();
    expect(t.steps).toEqual([
      ...BEFORE_KEY,
      "select-certificate ok",
      "selected-key ok",
      "validity ok",
      "key-usage ok",
      "negotiate --",
      "peer-validation --",
      "client-checks --",
    ]);
    expect(t.stepText("private-keys")).toContain(
      "'START1 Server' (ID(START1)): key returned — own certificate, UPDATE on START1.KEY.LST; key present.",
    );
    expect(t.stepText("validity")).toContain(
      "'START1 Server' is valid from 2025-06-01T00:00:00Z to 2027-06-01T23:59:59Z; at 2026-01-15T12:00:00Z it is valid",
    );
    expect(t.stepText("key-usage")).toContain("HANDSHAKE allows the TLS handshake.");
    expect(r.stdout).not.toMatch(/^Fix:/m);
    expect(r.stdout).toMatchSnapshot();
  });

  it("prints the AT-TLS trace with the policy objects used (field case 1)", async () => {
    const r = await sim([
      "--jcl",
      "case1.jcl",
      "--policy",
      "case1.policy",
      "--rule",
      "FTPServerRule",
      "--user",
      "FTPD",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/AT-TLS rule FTPServerRule \(case1\.policy:3\)/);
    expect(r.stdout).toMatch(/TTLSKeyringParms \(inline, line 21\)/);
    expect(r.stdout).toMatch(/EZD1287I TTLS Error RC: 5006 Initial Handshake/);
  });

  it("--keyring overrides the policy, and the rule's protocols are used", async () => {
    const r = await cli(
      [
        "simulate",
        "--jcl",
        "case1.jcl",
        "--policy",
        "case1.policy",
        "--jobname",
        "FTPD1",
        "--user",
        "FTPD",
        "--keyring",
        "FTPD/SERVRING",
        "--json",
      ],
      { cwd: FIXTURES, now: NOW },
    );
    const j = JSON.parse(r.stdout) as { rc: number; request: { protocols: string[] } };
    expect(j.rc).toBe(0);
    expect(j.request.protocols).toEqual(["TLSv1.2"]);
  });

  it("--tls 1.3 with --ciphers lacking 13xx suites predicts 402", async () => {
    const r = await sim([
      "--jcl",
      "case7.jcl",
      "--user",
      "START1",
      "--keyring",
      "KEY",
      "--tls",
      "1.2,1.3",
      "--ciphers",
      "C02F,C030",
      "--json",
    ]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { rc: number }).rc).toBe(402);
  });

  it("--at decides validity (field case 7 certificate ends 2027-06-01 23:59:59)", async () => {
    const ok = await sim([
      "--jcl",
      "case7.jcl",
      "--user",
      "START1",
      "--keyring",
      "KEY",
      "--at",
      "2027-06-01T23:59:59",
    ]);
    const late = await sim([
      "--jcl",
      "case7.jcl",
      "--user",
      "START1",
      "--keyring",
      "KEY",
      "--at",
      "2027-06-02",
    ]);
    expect(ok.code).toBe(0);
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/RC 401/);
  });

  it("--peer-cert: the partner's certificate (PEM) is validated against the ring's CA", async () => {
    const ok = await sim([
      "--jcl",
      "case7.jcl",
      "--user",
      "START1",
      "--keyring",
      "KEY",
      "--role",
      "client",
      "--peer-cert",
      "partner.pem",
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Issued by CERTAUTH 'Example Root\s+CA' on the ring \(case7\.jcl:23\)/);
    const bad = await sim([
      "--jcl",
      "case7.jcl",
      "--user",
      "START1",
      "--keyring",
      "KEY",
      "--role",
      "client",
      "--peer-cert",
      "stranger.pem",
      "--json",
    ]);
    expect(bad.code).toBe(1);
    const j = JSON.parse(bad.stdout) as { rc: number; steps: { id: string; evidence: { file: string }[] }[] };
    expect(j.rc).toBe(435);
    expect(j.steps.at(-1)?.evidence.map((e) => e.file)).toContain("stranger.pem");
  });

  it("--no-peer-cert with --client-auth required predicts 403", async () => {
    const r = await sim([
      "--jcl",
      "case7.jcl",
      "--user",
      "START1",
      "--keyring",
      "KEY",
      "--client-auth",
      "required",
      "--no-peer-cert",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/RC 403 "No certificate received from partner\."/);
  });

  it("a --peer-cert file without a certificate is an input error (exit 3)", async () => {
    const r = await sim([
      "--jcl",
      "case7.jcl",
      "--user",
      "START1",
      "--keyring",
      "KEY",
      "--peer-cert",
      "case1.policy",
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/case1\.policy: no certificate found/);
  });

  it("policy with TLSv1.3 On and no 13xx suite → 402 (field case 8); the higher-priority rule wins", async () => {
    const r = await sim(["--jcl", "case7.jcl", "--started", "START1", "--policy", "tls13.policy", "--json"]);
    const j = JSON.parse(r.stdout) as {
      rc: number;
      policy: { rule: string };
      steps: { id: string; ok: boolean | null; evidence: { file: string; line: number }[] }[];
    };
    expect(r.code).toBe(1);
    expect(j.policy.rule).toBe("Start1Tls13");
    expect(j.rc).toBe(402);
    const neg = j.steps.find((s) => s.id === "negotiate");
    expect(neg?.ok).toBe(false);
    expect(neg?.evidence).toContainEqual(expect.objectContaining({ file: "tls13.policy", line: 38 }));
  });

  it("policy relying on AT-TLS V2R1 defaults (TLSv1.2 Off) with TLS 1.2-only suites → 402, defaults listed as assumptions", async () => {
    const r = await sim([
      "--jcl",
      "case7.jcl",
      "--started",
      "START1",
      "--policy",
      "tls13.policy",
      "--rule",
      "Start1Defaults",
      "--json",
    ]);
    const j = JSON.parse(r.stdout) as {
      rc: number;
      keyring: string;
      assumptions: string[];
      fix: { summary: string };
    };
    expect(j.keyring).toBe("START1/KEY");
    expect(j.rc).toBe(402);
    expect(j.assumptions.join("\n")).toMatch(
      /AT-TLS protocol defaults assumed for SSLv3 Off, TLSv1 On, TLSv1\.1 On, TLSv1\.2 Off, TLSv1\.3 Off/,
    );
    expect(j.fix.summary).toMatch(/Enable TLSv1\.2/);
  });

  it("JSON has the fields the issue documents", async () => {
    const r = await sim(["--jcl", "case4.jcl", "--started", "FTPD", "--keyring", "FTPD/SERVRING", "--json"]);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const k of [
      "rc",
      "text",
      "confidence",
      "event",
      "side",
      "user",
      "keyring",
      "label",
      "steps",
      "partner",
      "fix",
      "alternatives",
      "assumptions",
    ]) {
      expect(j).toHaveProperty(k);
    }
    expect(j).toMatchObject({
      rc: 428,
      text: "Key entry does not contain a private key.",
      event: "Initial Handshake",
      side: "server",
      user: "TCPIP",
      keyring: "FTPD/SERVRING",
      label: "FTP Server",
    });
  });

  it.each([
    [["--jcl", "case7.jcl", "--keyring", "KEY"], /--user USERID or --started/],
    [
      ["--jcl", "case7.jcl", "--user", "START1", "--started", "START1", "--keyring", "KEY"],
      /either --user or --started/,
    ],
    [["--user", "START1", "--keyring", "KEY"], /no RACF input/],
    [["--jcl", "case7.jcl", "--user", "START1"], /--keyring/],
    [
      ["--jcl", "case7.jcl", "--user", "START1", "--keyring", "KEY", "--role", "proxy"],
      /--role must be one of server, client/,
    ],
    [["--jcl", "case7.jcl", "--user", "START1", "--keyring", "KEY", "--at", "tomorrow"], /--at expects/],
    [["--jcl", "case7.jcl", "--user", "START1", "--keyring", "/etc/keys.kdb"], /SAF key rings only/],
    [["--jcl", "case7.jcl", "--user", "START1", "--keyring", "KEY", "--rule", "R1"], /need --policy/],
    [
      ["--jcl", "case1.jcl", "--user", "FTPD", "--policy", "case1.policy", "--rule", "Nope"],
      /no TTLSRule of that name.*FTPServerRule/,
    ],
    [["--jcl", "case7.jcl", "--user", "START1", "--keyring", "KEY", "--tls", "1.4"], /not a protocol/],
  ])("usage error %j", async (args, message) => {
    const r = await sim(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("exit 3 for an unreadable input or a started task without a STARTED profile", async () => {
    const missing = await sim(["--jcl", "nope.jcl", "--user", "START1", "--keyring", "KEY"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/nope\.jcl: cannot read input/);
    const noStarted = await sim(["--jcl", "case6.jcl", "--started", "LIBERTY", "--keyring", "START1/MQRING"]);
    expect(noStarted.code).toBe(3);
    expect(noStarted.stderr).toMatch(/no STARTED profile in the inputs matches LIBERTY\.LIBERTY/);
  });
});

describe("parseKeyring", () => {
  it("reads own, other and virtual rings", () => {
    expect(parseKeyring("KEY", "START1")).toEqual({ owner: "START1", name: "KEY" });
    expect(parseKeyring("ftpd/ServRing", "TCPIP")).toEqual({ owner: "FTPD", name: "ServRing" });
    expect(parseKeyring("*AUTH*/*", "X")).toEqual({ owner: "*AUTH*", name: "*" });
    expect(parseKeyring("*SITE*/*", "X")).toEqual({ owner: "*SITE*", name: "*" });
    expect(parseKeyring("WEB/*", "X")).toEqual({ owner: "WEB", name: "*" });
    expect(parseKeyring("safkeyring://START1/MQRING", "STCRSE")).toEqual({ owner: "START1", name: "MQRING" });
    expect(parseKeyring("safkeyringhw:///MyRing", "STCRSE")).toEqual({ owner: "STCRSE", name: "MyRing" });
    expect(() => parseKeyring("*AUTH*/RING", "X")).toThrow(/only has the virtual ring/);
    expect(() => parseKeyring("TOOLONGUSER/R", "X")).toThrow(/not a user id/);
  });
});

describe("racfring explain", () => {
  it("explains 428 with causes, checks, source and confidence", async () => {
    const r = await cli(["explain", "428"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /System SSL return code 428: Key entry does not contain a private key\. \[text: IBM\]/,
    );
    expect(r.stdout).toMatch(/Likely causes:/);
    expect(r.stdout).toMatch(/field\s+case\s+4/);
    expect(r.stdout).toMatch(/What to check:/);
  });

  it("accepts 'RC: 202' and prints JSON", async () => {
    const r = await cli(["explain", "RC:", "202", "--json"]);
    expect(r.code).toBe(0);
    const j = (
      JSON.parse(r.stdout) as { codes: { code: number; text: string; confidence: string; known: boolean }[] }
    ).codes[0];
    expect(j).toMatchObject({ code: 202, known: true, confidence: "ibm" });
    expect(j?.text).toBe("Error detected while opening the certificate database.");
  });

  it("marks unconfirmed texts", async () => {
    const r = await cli(["explain", "438"]);
    expect(r.stdout).toMatch(/Internal error reported by remote partner\. \[text: UNCONFIRMED\]/);
  });

  it("says the AT-TLS table was not found for unknown 5xxx codes (exit 1)", async () => {
    const r = await cli(["explain", "5010"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Table 2\) was not found/);
    const known = await cli(["explain", "5006"]);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/AT-TLS return code 5006/);
  });

  it("usage errors: no code, not a number (exit 2)", async () => {
    expect((await cli(["explain"])).code).toBe(2);
    const bad = await cli(["explain", "abc"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a return code/);
  });

  it("--list prints the whole catalogue", async () => {
    const r = await cli(["explain", "--list"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n").length).toBe(44);
  });
});
