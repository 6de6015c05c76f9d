import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import type { ModelJson } from "../../src/model/json.js";
import { FIXTURES } from "./helpers.js";

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    out: (t: string) => out.push(t),
    err: (t: string) => err.push(t),
    isTTY: false,
    cwd: FIXTURES,
    now: () => new Date("2026-01-01T00:00:00Z"),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join(""), err: err.join("") };
}

describe("racfring model with listings, unloads and certificates", () => {
  it("--unload: the synthetic unload's rings and certificates", async () => {
    const r = await cli(["model", "--unload", "irrdbu00_SYNTHETIC_certs_rings.txt", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out) as ModelJson;
    expect(m.rings.map((x) => `${x.owner}/${x.name}:${x.connections.length}`)).toEqual([
      "WEBSRV/WebRing:3",
      "WEBSRV/EmptyRing:0",
      "IZUSVR/IZUKeyring.IZUDFLT:2",
    ]);
    expect(m.certificates.find((c) => c.label === "AppServerCert")).toMatchObject({
      owner: "ID(APPUSR)",
      status: "NOTRUST",
      privateKey: false,
    });
    expect(m.issues).toEqual([]);
  });

  it("--listing and --cert mixed, in order", async () => {
    const r = await cli([
      "model",
      "--listing",
      "RECON_listring_star_multi_ring_WEBSRV.txt",
      "--listing",
      "RECON_list_site_label.txt",
      "--cert",
      "certs/site_p384.pem",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out) as ModelJson;
    // the SITE certificate in the sample and the file share serial 7F but not the issuer
    // (the sample says it was issued by the root CA, the file is self-signed): two certificates
    expect(m.certificates.map((c) => `${c.owner}:${c.label}`)).toEqual(["SITE:SiteSigner", ":Code Signing"]);
    // LIST says SiteSigner is in WEBSRV/WebRing (the LISTRING agrees) and in APPUSR/AppRing
    // (no LISTRING: connection inferred and said so)
    expect(m.issues.map((i) => `${i.file}:${i.line} ${i.code}`)).toEqual([
      "certs/site_p384.pem:1 cert-owner-unknown",
    ]);
    expect(m.rings.find((x) => x.owner === "APPUSR")?.connections[0]?.sources[0]?.kind).toBe("inferred");
    expect(m.assumptions.map((a) => a.message)).toEqual([
      expect.stringContaining("Ring APPUSR/AppRing is known only from"),
      expect.stringContaining("assumed TRUST"),
    ]);
  });

  it("--cert FILE=OWNER:LABEL", async () => {
    const r = await cli(["model", "--cert", "certs/web.pem=ID(WEBSRV):WebServerCert", "--json"]);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out) as ModelJson;
    expect(m.certificates).toHaveLength(1);
    expect(m.certificates[0]).toMatchObject({
      owner: "ID(WEBSRV)",
      label: "WebServerCert",
      keyType: "NISTECC",
      keySize: 256,
    });
  });

  it("text output lists located issues; --strict turns them into exit 3", async () => {
    const text = await cli(["model", "--listing", "listing_malformed.txt"]);
    expect(text.code).toBe(0);
    expect(text.out).toContain("listing_malformed.txt:11:3: warning [listing-bad-ring-row]");
    expect(text.out).toContain("BADRING/GoodRing");
    const strict = await cli(["model", "--listing", "listing_malformed.txt", "--strict"]);
    expect(strict.code).toBe(3);
    expect(strict.err).toContain("listing_malformed.txt:3");
  });

  it("SETROPTS LIST changes the class state the model prints", async () => {
    const r = await cli(["model", "--listing", "setropts_list.txt"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/RDATALIB +active, not RACLISTed\n/);
    expect(r.out).not.toMatch(/RDATALIB.*assumed/);
  });

  it("a missing unload is an input error", async () => {
    const r = await cli(["model", "--unload", join("nope", "missing.txt")]);
    expect(r.code).toBe(3);
  });
});
