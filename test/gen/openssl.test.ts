/**
 * The generated OpenSSL scripts run with the real `openssl` binary in a temporary directory:
 * root and intermediate CA, a PKCS#12 certificate, and a GENREQ-style request signed by the CA.
 * The certificates must carry exactly the plan's subject, SANs, key usage, extended key usage
 * and validity, chain to the root, and agree with the RACF side (`racfring model --cert` versus
 * the facts the generator used when it simulated the applications).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExtendedKeyUsageExtension, X509Certificate } from "@peculiar/x509";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { loadPlan } from "../../src/gen/plan.js";
import { resolvePlan } from "../../src/gen/resolve.js";
import type { ResolvedPlan } from "../../src/gen/resolved.js";
import { expectedCertificate } from "../../src/gen/verify.js";
import { dnEquals } from "../../src/model/dn.js";
import type { Certificate } from "../../src/model/types.js";
import { parseCertificateData } from "../../src/pki/index.js";
import { AT, ROOT } from "./helpers/gen.js";

const PLAN = "samples/plans/external-ca-pkcs12.yaml";
let dir = "";
let out = "";
let plan: ResolvedPlan;

function sh(script: string, env: Record<string, string> = {}): string {
  return execFileSync("sh", [script], {
    cwd: out,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "racfring-openssl-"));
  out = join(dir, "out");
  const c = quietIo();
  expect(await runCli(["generate", join(ROOT, PLAN), "-o", "out"], c.io), c.text.join("")).toBe(0);
  const loaded = loadPlan(readFileSync(join(ROOT, PLAN), "utf8"), PLAN);
  if (!loaded.plan) throw new Error("sample plan invalid");
  const r = resolvePlan(loaded.plan, loaded.locator).resolved;
  if (!r) throw new Error("sample plan does not resolve");
  plan = r;
  sh("openssl/corpca-ca.sh");
  sh("openssl/mqchin-create.sh", { RACFRING_P12_PASSWORD: "test-only-pw" });
  // Stand-in for RACDCERT GENREQ: a PKCS#10 request with the plan's subject (RACF keeps the key).
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
      "openssl/liberty.cnf",
      "-out",
      "requests/liberty.csr",
    ],
    { cwd: out, stdio: "ignore" },
  );
  sh("openssl/liberty-sign.sh");
}, 120_000);

async function facts(path: string) {
  const parsed = await parseCertificateData(new Uint8Array(readFileSync(join(out, path))));
  expect(parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
  const f = parsed.certificates[0];
  if (!f) throw new Error(`${path}: no certificate`);
  return f;
}

function expectMatchesPlan(
  got: Pick<
    Certificate,
    "subject" | "issuer" | "notBefore" | "notAfter" | "keyUsage" | "altNames" | "keyType" | "keySize"
  >,
  want: Certificate,
): void {
  expect(dnEquals(got.subject, want.subject), `${got.subject} vs ${want.subject}`).toBe(true);
  expect(dnEquals(got.issuer, want.issuer), `${got.issuer} vs ${want.issuer}`).toBe(true);
  expect(got.notBefore).toBe(want.notBefore);
  expect(got.notAfter).toBe(want.notAfter);
  expect([...(got.keyUsage ?? [])].sort()).toEqual([...(want.keyUsage ?? [])].sort());
  const key = (a: { type: string; value: string }) => `${a.type}:${a.value}`;
  expect(got.altNames.map(key).sort()).toEqual(want.altNames.map(key).sort());
  expect(got.keyType).toBe(want.keyType);
  expect(got.keySize).toBe(want.keySize);
}

describe("generated OpenSSL scripts (real openssl)", () => {
  it("create the root and intermediate CA with the plan's subject, dates and CA key usage", async () => {
    const auth = plan.authorities[0];
    if (!auth?.intermediate) throw new Error("plan changed");
    expectMatchesPlan(await facts("pki/corpca/root.pem"), expectedCertificate(auth.root, PLAN));
    expectMatchesPlan(
      await facts("pki/corpca/intermediate.pem"),
      expectedCertificate(auth.intermediate, PLAN),
    );
  });

  it("sign end-entity certificates that equal the plan (subject, SANs, key usage, EKU, validity)", async () => {
    for (const c of plan.certificates) {
      expectMatchesPlan(await facts(`pki/${c.id.toLowerCase()}/cert.pem`), expectedCertificate(c, PLAN));
      const x = new X509Certificate(readFileSync(join(out, `pki/${c.id.toLowerCase()}/cert.pem`), "utf8"));
      const eku = x.getExtension(ExtendedKeyUsageExtension);
      const names: Record<string, string> = {
        serverAuth: "1.3.6.1.5.5.7.3.1",
        clientAuth: "1.3.6.1.5.5.7.3.2",
      };
      expect(eku?.usages.map(String).sort()).toEqual(c.extendedKeyUsage.map((u) => names[u]).sort());
    }
  });

  /**
   * The same facts as above, but the expectations are the plan's own literal values
   * (samples/plans/external-ca-pkcs12.yaml) and the certificates are read by the openssl binary,
   * not by racfring: a generator and an expectation derived from the same resolved plan could
   * agree on a wrong value.
   */
  it("carry the plan's literal subject, issuer, SANs, dates and key usage (read by openssl)", () => {
    const show = (path: string) =>
      execFileSync(
        "openssl",
        [
          "x509",
          "-in",
          path,
          "-noout",
          "-subject",
          "-issuer",
          "-startdate",
          "-enddate",
          "-nameopt",
          "RFC2253",
          "-ext",
          "keyUsage,extendedKeyUsage,subjectAltName,basicConstraints",
        ],
        { cwd: out, encoding: "utf8" },
      );
    const root = show("pki/corpca/root.pem");
    expect(root).toContain("subject=CN=Corp Root CA G1,O=Example Corp\\, Inc.,C=US");
    expect(root).toContain("notBefore=Jan  1 00:00:00 2026 GMT");
    expect(root).toContain("notAfter=Dec 31 23:59:59 2040 GMT");
    expect(root).toMatch(/CA:TRUE/);
    expect(root).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);

    const inter = show("pki/corpca/intermediate.pem");
    expect(inter).toContain("subject=CN=Corp Issuing CA G1,OU=PKI Services,O=Example Corp\\, Inc.,C=US");
    expect(inter).toContain("issuer=CN=Corp Root CA G1,O=Example Corp\\, Inc.,C=US");
    expect(inter).toContain("notAfter=Dec 31 23:59:59 2035 GMT");
    expect(inter).toMatch(/CA:TRUE, pathlen:0/);

    const mq = show("pki/mqchin/cert.pem");
    expect(mq).toContain("subject=CN=qm01.example.com,OU=MQ,O=Example Corp\\, Inc.,C=US");
    expect(mq).toContain("issuer=CN=Corp Issuing CA G1,OU=PKI Services,O=Example Corp\\, Inc.,C=US");
    expect(mq).toContain("notBefore=Jan  1 00:00:00 2026 GMT");
    expect(mq).toContain("notAfter=Jun 30 23:59:59 2027 GMT");
    expect(mq).toContain("DNS:qm01.example.com, DNS:mq.example.com");
    expect(mq).toContain("TLS Web Server Authentication, TLS Web Client Authentication");
    // KEYUSAGE(HANDSHAKE) in RACF terms: digitalSignature + keyEncipherment (RACDCERT GENCERT)
    expect(mq).toMatch(/Key Usage: critical\s+Digital Signature, Key Encipherment\n/);
    expect(mq).toMatch(/CA:FALSE/);

    const lib = show("pki/liberty/cert.pem");
    expect(lib).toContain(
      "subject=CN=liberty.example.com,OU=Web,O=Example Corp\\, Inc.,L=Armonk,ST=New York,C=US",
    );
    expect(lib).toContain("notAfter=Dec 31 23:59:59 2027 GMT");
    expect(lib).toContain("DNS:liberty.example.com, URI:https://liberty.example.com/");
    expect(lib).toMatch(/Extended Key Usage: *\n\s+TLS Web Server Authentication\n/);
  });

  it("build chains that verify: leaf → intermediate → self-signed root", async () => {
    const pem = (p: string) => new X509Certificate(readFileSync(join(out, p), "utf8"));
    const root = pem("pki/corpca/root.pem");
    const inter = pem("pki/corpca/intermediate.pem");
    expect(await root.isSelfSigned()).toBe(true);
    expect(await root.verify({ publicKey: root.publicKey, signatureOnly: true })).toBe(true);
    expect(await inter.verify({ publicKey: root.publicKey, signatureOnly: true })).toBe(true);
    for (const leaf of ["pki/mqchin/cert.pem", "pki/liberty/cert.pem"]) {
      const x = pem(leaf);
      expect(await x.verify({ publicKey: inter.publicKey, signatureOnly: true }), leaf).toBe(true);
      expect(await x.verify({ publicKey: root.publicKey, signatureOnly: true }), leaf).toBe(false);
    }
  });

  it("write private keys with mode 0600", () => {
    for (const k of [
      "pki/corpca/root.key",
      "pki/corpca/intermediate.key",
      "pki/mqchin/key.pem",
      "pki/mqchin/mqchin.p12",
    ]) {
      expect(statSync(join(out, k)).mode & 0o777, k).toBe(0o600);
    }
  });

  it("package the key, certificate and chain in a PKCS#12 file RACF can read (3DES, SHA-1 MAC)", () => {
    const info = execFileSync(
      "openssl",
      ["pkcs12", "-in", "pki/mqchin/mqchin.p12", "-info", "-nodes", "-passin", "pass:test-only-pw"],
      {
        cwd: out,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    expect(info).toContain("friendlyName: ibmWebSphereMQQM01");
    expect(info).toMatch(/BEGIN PRIVATE KEY/);
    expect((info.match(/BEGIN CERTIFICATE/g) ?? []).length).toBe(3);
    // openssl prints the MAC and encryption algorithms on stderr
    const meta = execFileSync(
      "sh",
      ["-c", "openssl pkcs12 -in pki/mqchin/mqchin.p12 -info -noout -passin pass:test-only-pw 2>&1"],
      {
        cwd: out,
        encoding: "utf8",
      },
    );
    expect(meta).toMatch(/MAC: sha1/);
    expect(meta).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
  });

  it("agree with the RACF side: `racfring model --cert` gives the facts the generator simulated with", async () => {
    const auth = plan.authorities[0];
    if (!auth?.intermediate) throw new Error("plan changed");
    const specs: [string, Certificate][] = [
      ["pki/corpca/root.pem", expectedCertificate(auth.root, PLAN)],
      ["pki/corpca/intermediate.pem", expectedCertificate(auth.intermediate, PLAN)],
      ...plan.certificates.map((c): [string, Certificate] => [
        `pki/${c.id.toLowerCase()}/cert.pem`,
        expectedCertificate(c, PLAN),
      ]),
    ];
    const c = quietIo();
    c.io.cwd = out;
    const args = ["model", "--json", ...specs.flatMap(([f, e]) => ["--cert", `${f}=${e.owner}:${e.label}`])];
    expect(await runCli(args, c.io)).toBe(0);
    const json = JSON.parse(c.text.join("").slice(c.text.join("").indexOf("{"))) as {
      certificates: Certificate[];
    };
    for (const [, want] of specs) {
      const got = json.certificates.find((x) => x.owner === want.owner && x.label === want.label);
      expect(got, `${want.owner}:${want.label}`).toBeDefined();
      if (got) expectMatchesPlan(got, want);
    }
  });

  it("a second generate run reads the produced certificates for the read-back and still predicts RC 0", async () => {
    const c = quietIo();
    expect(await runCli(["generate", join(ROOT, PLAN), "-o", "out", "--dry-run"], c.io)).toBe(0);
    const text = c.text.join("");
    expect(text).toContain("'RACFADM.CERTS.CORPCA.ROOT' read from pki/corpca/root.pem");
    expect(text).toContain("'RACFADM.CERTS.LIBERTY.CRT' read from pki/liberty/cert.pem");
    expect(text).not.toMatch(/error:/);
    expect((text.match(/RC 0/g) ?? []).length).toBe(2);
  });

  it("refuses when a signed certificate produced off-platform does not match the plan (runs last: it replaces a file)", async () => {
    copyFileSync(join(out, "pki/mqchin/cert.pem"), join(out, "pki/liberty/cert.pem"));
    const c = quietIo();
    expect(await runCli(["generate", join(ROOT, PLAN), "-o", "out", "--dry-run"], c.io)).toBe(1);
    const text = c.text.join("");
    expect(text).toMatch(
      /error: pki\/liberty\/cert\.pem: subject is "CN=qm01\.example\.com.*", the plan says "CN=liberty\.example\.com/,
    );
    expect(text).toContain("nothing written");
  });
});
