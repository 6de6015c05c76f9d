import { describe, expect, it } from "vitest";
import type { ModelJson } from "../../src/model/json.js";
import { cli } from "../helpers/io.js";

const SITE = [
  "--jcl",
  "samples/site/setup.jcl",
  "--dataset",
  "SECADM.PARTNER.CA.PEM=samples/site/partner-ca.pem",
  "--ran-at",
  "2026-11-23T18:00",
];

async function siteModel(): Promise<ModelJson> {
  const r = await cli(["model", ...SITE, "--json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ModelJson;
}

describe("the bundled sample site (samples/site)", () => {
  it("defines the users, with SECADM SPECIAL and nobody implied", async () => {
    const m = await siteModel();
    expect(m.users.map((u) => u.id).sort()).toEqual(["BATCHCL", "FTPD", "SECADM", "TCPIP", "WEBSRV"]);
    expect(m.users.filter((u) => u.special).map((u) => u.id)).toEqual(["SECADM"]);
    expect(m.users.some((u) => u.implied)).toBe(false);
  });

  it("builds the CA, the partner CA from the mapped data set, and three personal certificates", async () => {
    const m = await siteModel();
    const byLabel = new Map(m.certificates.map((c) => [`${c.owner}/${c.label}`, c]));
    expect([...byLabel.keys()].sort()).toEqual([
      "CERTAUTH/Partner Bank Root CA",
      "CERTAUTH/Sample Root CA",
      "ID(BATCHCL)/Old Client Cert",
      "ID(FTPD)/FTP Server",
      "ID(WEBSRV)/Web Server",
    ]);
    const ca = byLabel.get("CERTAUTH/Sample Root CA");
    expect(ca).toMatchObject({ status: "TRUST", privateKey: true, selfSigned: true, keyUsage: ["CERTSIGN"] });
    expect(ca?.notAfter).toBe("2035-12-31T23:59:59Z");
    const web = byLabel.get("ID(WEBSRV)/Web Server");
    expect(web).toMatchObject({ keyType: "RSA", keySize: 2048, privateKey: true, keyUsage: ["HANDSHAKE"] });
    expect(web?.subject).toBe("CN=web01.sample.example,OU=Web,O=Sample Corp,C=US");
    expect(web?.issuer).toBe(ca?.subject);
    expect(web?.altNames).toEqual([
      { type: "DNS", value: "web01.sample.example" },
      { type: "IP", value: "10.1.1.10" },
    ]);
    // RACDCERT ADD of a certificate without its key: RACF holds no private key for it
    const partner = byLabel.get("CERTAUTH/Partner Bank Root CA");
    expect(partner).toMatchObject({
      privateKey: false,
      subject: "CN=Partner Bank Root CA,O=Partner Bank,C=US",
    });
    expect(byLabel.get("ID(BATCHCL)/Old Client Cert")?.keySize).toBe(1024);
  });

  it("connects certificates with the right usage and one default per ring", async () => {
    const m = await siteModel();
    const ring = (owner: string, name: string) => m.rings.find((r) => r.owner === owner && r.name === name);
    expect(ring("FTPD", "FTPRing")?.connections.map((c) => [c.owner, c.label, c.usage, c.default])).toEqual([
      ["CERTAUTH", "Sample Root CA", "CERTAUTH", false],
      // CONNECT without an inner owner names the ring owner's certificate; USAGE defaults to PERSONAL
      ["ID(FTPD)", "FTP Server", "PERSONAL", true],
    ]);
    expect(ring("BATCHCL", "ClientRing")?.connections.filter((c) => c.default)).toEqual([]);
    expect(ring("WEBSRV", "WebRing")?.connections.find((c) => c.default)?.label).toBe("Web Server");
  });

  it("reads the permissions and the started-task identities", async () => {
    const m = await siteModel();
    const started = m.profiles.find((p) => p.class === "STARTED" && p.name === "FTPD.*");
    expect(started?.stdata).toEqual({ user: "TCPIP", group: "STCGRP" });
    expect(started?.generic).toBe(true);
    const listring = m.profiles.find((p) => p.name === "IRR.DIGTCERT.LISTRING");
    expect(listring?.access.map((a) => [a.id, a.level])).toEqual([
      ["TCPIP", "UPDATE"],
      ["BATCHCL", "READ"],
    ]);
    expect(m.classes.RDATALIB).toMatchObject({ active: true, raclisted: true, assumed: false });
  });

  it("reports the clear-text export password at its line without showing it", async () => {
    const r = await cli(["model", ...SITE]);
    expect(r.stdout).toContain("samples/site/setup.jcl:96:48: warning [password-in-job]");
    expect(r.stdout).not.toContain("Summer2026");
    const m = await siteModel();
    expect(JSON.stringify(m)).not.toContain("Summer2026");
  });

  it("without the data set mapping, says which data set is missing", async () => {
    const r = await cli(["model", "--jcl", "samples/site/setup.jcl"]);
    expect(r.stdout).toMatch(/setup\.jcl:41:\d+: warning \[dataset-not-mapped\].*SECADM\.PARTNER\.CA\.PEM/);
  });

  it("prints the same text summary as reviewed (golden)", async () => {
    const r = await cli(["model", ...SITE]);
    await expect(r.stdout).toMatchFileSnapshot("__snapshots__/sample-site.model.txt");
  });
});
