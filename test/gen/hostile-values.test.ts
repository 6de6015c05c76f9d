/**
 * Plan values that a shell or OpenSSL's configuration parser would interpret — $(...),
 * backticks, $HOME, double and single quotes, backslashes, `#` and `;` — in labels, subject
 * DNs, URI SANs, ids and the data set HLQ. The generated scripts run with the real `sh` and
 * `openssl`: no command substitution may happen (canary files must not appear), and every
 * certificate carries exactly the plan's subject, SANs and label (review finding: the CA label
 * ``Corp's $HOME `id` CA`` ran `id`, and the CA came out as `CN=Corp $HOME \ id CA`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { X509Certificate } from "@peculiar/x509";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { cnfValue, shq } from "../../src/gen/names.js";
import { loadPlan } from "../../src/gen/plan.js";
import { resolvePlan } from "../../src/gen/resolve.js";
import type { ResolvedPlan } from "../../src/gen/resolved.js";
import { expectedCertificate } from "../../src/gen/verify.js";
import { dnEquals } from "../../src/model/dn.js";
import { parseCertificateData } from "../../src/pki/index.js";
import { AT } from "./helpers/gen.js";

let dir = "";
let out = "";
let plan: ResolvedPlan;
const scriptOutput: string[] = [];

// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} (shell parameter expansion) is the point
const BRACED = "${HOME}";

/** Canary files: relative ones land in the output directory (the scripts cd there). */
const RELATIVE_CANARIES = ["L1", "L2", "L3", "L4", "L5", "L6", "U1", "U2"];
const ABSOLUTE_CANARIES = ["D1", "D2", "D3", "D4", "D5", "D6"];

function hostilePlan(canaryDir: string): object {
  const abs = (n: string) => `${canaryDir}/${n}`;
  return {
    racfringPlan: 1,
    name: "hostile-values",
    job: { name: "HOSTILE", programmer: "PKI TEAM", class: "A", msgclass: "H" },
    // `$` in the HLQ: the old scripts echoed the data set name inside double quotes
    datasets: { hlq: "SYS$HOME.C#RTS" },
    authorities: [
      {
        id: "C$HOME#",
        create: "openssl",
        label: "Corp's $HOME `touch L1` CA",
        subject: {
          CN: `Corp's $HOME \`touch ${abs("D1")}\` CA`,
          O: `Acme "$(touch ${abs("D2")})" \\ Inc; #1`,
          C: "US",
        },
        key: { type: "RSA", size: 2048 },
        validity: { notBefore: "2026-01-01", notAfter: "2040-12-31" },
        intermediate: {
          label: 'Issuing "$(touch L2)" \\ CA',
          subject: { CN: `Issuing '$(touch ${abs("D3")})' \\n CA\\`, O: `x\`y\`z $PATH ${BRACED}` },
          key: { type: "NISTECC", size: 384 },
          validity: { notBefore: "2026-01-01", notAfter: "2035-12-31" },
        },
      },
    ],
    certificates: [
      {
        id: "MQ$1",
        owner: "MQCHIN",
        label: "mq';touch L3;' $(touch L4)",
        subject: { CN: "qm01.example.com", OU: `O'Brien "\`touch ${abs("D4")}\`"`, O: "a\\b\\\\c" },
        altNames: { dns: ["qm01.example.com"] },
        key: { type: "NISTECC", size: 256 },
        validity: { notBefore: "2026-01-01", notAfter: "2027-06-30" },
        keyUsage: ["HANDSHAKE"],
        extendedKeyUsage: ["serverAuth", "clientAuth"],
        signer: { authority: "C$HOME#", method: "pkcs12" },
      },
      {
        id: "#LIB",
        owner: "START1",
        label: "x\\`touch L5`\\'\"$(touch L6)",
        subject: { CN: "liberty.example.com", OU: `$(touch ${abs("D5")});#'"`, L: `\`touch ${abs("D6")}\`` },
        altNames: {
          dns: ["liberty.example.com"],
          uri: [`https://liberty.example.com/$(>U1)/\`>U2\`\\;#x${BRACED}`],
        },
        key: { type: "RSA", size: 2048 },
        validity: { notBefore: "2026-01-01", notAfter: "2027-12-31" },
        keyUsage: ["HANDSHAKE"],
        extendedKeyUsage: ["serverAuth"],
        signer: { authority: "C$HOME#", method: "genreq" },
      },
    ],
    rings: [
      {
        owner: "MQCHIN",
        name: "QM01RING",
        connect: [{ certificate: "MQ$1", default: true }, { authority: "C$HOME#" }],
      },
      {
        owner: "START1",
        name: "MQRING",
        connect: [{ certificate: "#LIB", default: true }, { authority: "C$HOME#" }],
      },
    ],
    applications: [
      { name: "MQ channel initiator", user: "MQCHIN", ring: "MQCHIN/QM01RING", certificate: "MQ$1" },
      { name: "Liberty server", user: "STCRSE", ring: "START1/MQRING" },
    ],
    permissions: { strategy: "rdatalib" },
  };
}

function sh(script: string, env: Record<string, string> = {}): void {
  const text = execFileSync("sh", [script], {
    cwd: out,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  scriptOutput.push(text);
}

function quietIo() {
  const text: string[] = [];
  return {
    text,
    io: {
      out: (t: string) => text.push(t),
      err: (t: string) => text.push(t),
      isTTY: false,
      cwd: dir,
      now: () => AT,
    },
  };
}

async function facts(path: string) {
  const parsed = await parseCertificateData(new Uint8Array(readFileSync(join(out, path))));
  const f = parsed.certificates[0];
  if (!f) throw new Error(`${path}: no certificate`);
  return f;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "racfring-hostile-"));
  out = join(dir, "out");
  const text = JSON.stringify(hostilePlan(dir), null, 2);
  writeFileSync(join(dir, "plan.json"), text);
  const c = quietIo();
  expect(await runCli(["generate", "plan.json", "-o", "out"], c.io), c.text.join("")).toBe(0);
  const loaded = loadPlan(text, "plan.json");
  if (!loaded.plan) throw new Error(JSON.stringify(loaded.issues));
  const r = resolvePlan(loaded.plan, loaded.locator).resolved;
  if (!r) throw new Error("hostile plan does not resolve");
  plan = r;
  sh("openssl/c$home#-ca.sh");
  sh("openssl/mq$1-create.sh", { RACFRING_P12_PASSWORD: "test-only-pw" });
  // Stand-in for RACDCERT GENREQ: a PKCS#10 request made from the generated configuration.
  execFileSync("mkdir", ["-p", "requests"], { cwd: out });
  execFileSync(
    "openssl",
    [
      "req",
      "-new",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      join(dir, "racf-held.key"),
      "-config",
      "openssl/#lib.cnf",
      "-out",
      "requests/#lib.csr",
    ],
    { cwd: out, stdio: "ignore" },
  );
  sh("openssl/#lib-sign.sh");
}, 120_000);

describe("hostile plan values in the generated scripts (real sh and openssl)", () => {
  it("run no command substitution: no canary file exists", () => {
    for (const n of RELATIVE_CANARIES) expect(existsSync(join(out, n)), `out/${n}`).toBe(false);
    for (const n of ABSOLUTE_CANARIES) expect(existsSync(join(dir, n)), n).toBe(false);
    // nothing else appeared beside the plan and the output directory
    expect(readdirSync(dir).sort()).toEqual(["out", "plan.json", "racf-held.key"]);
  });

  it("issue certificates whose subjects, issuers and SANs equal the plan", async () => {
    const auth = plan.authorities[0];
    if (!auth?.intermediate) throw new Error("plan changed");
    const pairs: [string, ReturnType<typeof expectedCertificate>][] = [
      ["pki/c$home#/root.pem", expectedCertificate(auth.root, "plan.json")],
      ["pki/c$home#/intermediate.pem", expectedCertificate(auth.intermediate, "plan.json")],
      ...plan.certificates.map((c): [string, ReturnType<typeof expectedCertificate>] => [
        `pki/${c.id.toLowerCase()}/cert.pem`,
        expectedCertificate(c, "plan.json"),
      ]),
    ];
    for (const [file, want] of pairs) {
      const got = await facts(file);
      expect(dnEquals(got.subject, want.subject), `${file}: ${got.subject} vs ${want.subject}`).toBe(true);
      expect(dnEquals(got.issuer, want.issuer), `${file}: ${got.issuer} vs ${want.issuer}`).toBe(true);
      const key = (a: { type: string; value: string }) => `${a.type}:${a.value}`;
      expect(got.altNames.map(key).sort()).toEqual(want.altNames.map(key).sort());
    }
    // and, independently of racfring's DN code, the CN attribute values byte for byte
    const cn = (file: string) =>
      new X509Certificate(readFileSync(join(out, file), "utf8")).subjectName.getField("CN")[0];
    expect(cn("pki/c$home#/root.pem")).toBe(auth.root.subject.CN);
    expect(cn("pki/c$home#/intermediate.pem")).toBe(auth.intermediate.subject.CN);
  });

  it("name the PKCS#12 package with the exact label and print labels and data set names unchanged", () => {
    const info = execFileSync(
      "openssl",
      ["pkcs12", "-in", "pki/mq$1/mq$1.p12", "-info", "-nokeys", "-passin", "pass:test-only-pw"],
      { cwd: out, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(info).toContain("friendlyName: mq';touch L3;' $(touch L4)");
    const printed = scriptOutput.join("");
    expect(printed).toContain("(label Corp's $HOME `touch L1` CA)");
    expect(printed).toContain("'SYS$HOME.C#RTS.C$HOME#.ROOT'");
  });
});

describe("quoting helpers", () => {
  it("shq: sh reads back exactly the value, whatever it holds", () => {
    const values = [`a'b`, `$(id)`, "`id`", `"$HOME"`, "back\\slash", "'", "''", "", "x\\'y"];
    for (const v of values) {
      const got = execFileSync("sh", ["-c", `printf '%s' ${shq(v)}`], { encoding: "utf8" });
      expect(got).toBe(v);
    }
  });

  it("cnfValue: openssl reads back exactly the value for every special character", () => {
    const d = mkdtempSync(join(tmpdir(), "racfring-cnf-"));
    const values = [
      "a$HOME",
      "b`id`c",
      'd"q"',
      "e's'",
      "f\\g",
      "h#i",
      "j;k",
      "\\n",
      "end\\",
      `${BRACED}$(y)`,
    ];
    const cnf = [
      "[ req ]",
      "prompt = no",
      "utf8 = yes",
      "string_mask = utf8only",
      "distinguished_name = dn",
      "[ dn ]",
      ...values.map((v, i) => `${i}.OU = ${cnfValue(v)}`),
      "CN = x",
    ].join("\n");
    writeFileSync(join(d, "t.cnf"), `${cnf}\n`);
    execFileSync("openssl", ["genpkey", "-algorithm", "RSA", "-out", "k.pem"], { cwd: d, stdio: "ignore" });
    const csr = execFileSync(
      "openssl",
      ["req", "-new", "-key", "k.pem", "-config", "t.cnf", "-outform", "PEM"],
      { cwd: d, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    writeFileSync(join(d, "r.csr"), csr);
    const text = execFileSync(
      "openssl",
      ["req", "-in", "r.csr", "-noout", "-subject", "-nameopt", "sep_multiline,utf8,-esc_msb"],
      { cwd: d, encoding: "utf8" },
    );
    const got = text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.startsWith("OU="))
      .map((l) => l.slice(3));
    expect(got).toEqual(values);
  });
});
