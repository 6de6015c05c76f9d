import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/io.js";

const SITE = ["--jcl", "samples/site/setup.jcl", "--policy", "samples/site/pagent.conf"];

/** The number on a summary card, read from the page text. */
function card(page: string, label: string): number | null {
  const m = new RegExp(`<div class="n">(\\d+)</div><div class="l">${label}</div>`).exec(page);
  return m ? Number(m[1]) : null;
}

describe("--format html from the command line", () => {
  it("audit prints one self-contained page to standard output", async () => {
    const r = await cli(["audit", ...SITE, "--format", "html"], { now: "2026-12-03T12:00:00Z" });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(r.stdout).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    // Nothing to fetch: no external reference of any kind (the SVG namespace is a name, not a URL to load).
    expect(r.stdout.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, "")).not.toMatch(
      /https?:\/\/|\bsrc=|<link\b|@import/,
    );
    expect(r.stdout.match(/<article class="ring"/g)).toHaveLength(3);
  });

  it("counts certificates expiring within 30 and 90 days of the audit time", async () => {
    // Web Server and FTP Server expire 2027-12-31.
    const at = async (date: string) =>
      (await cli(["audit", ...SITE, "--format", "html", "--at", date])).stdout;
    const nov = await at("2027-11-15");
    expect([card(nov, "expire in 30 days"), card(nov, "expire in 90 days")]).toEqual([0, 2]);
    expect(nov).toMatch(/<strong>FTP Server<\/strong>.*?<td>2027-12-31<\/td><td class="num">46<\/td>/);
    const dec = await at("2027-12-15");
    expect([card(dec, "expire in 30 days"), card(dec, "expire in 90 days")]).toEqual([2, 2]);
    const later = await at("2028-02-01");
    expect([card(later, "expire in 30 days"), card(later, "expire in 90 days")]).toEqual([0, 0]);
  });

  it("never replaces an existing report without --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-html-cli-"));
    const file = join(dir, "report.html");
    writeFileSync(file, "keep me");
    const r = await cli(["audit", ...SITE, "--format", "html", "-o", file]);
    expect(r.code).toBe(3);
    expect(readFileSync(file, "utf8")).toBe("keep me");
    expect((await cli(["audit", ...SITE, "--format", "html", "-o", file, "--force"])).code).toBe(1);
    expect(readFileSync(file, "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("simulate: html for one application; unknown formats and --json with another format are usage errors", async () => {
    const base = [
      "simulate",
      "--jcl",
      "samples/site/setup.jcl",
      "--user",
      "BATCHCL",
      "--keyring",
      "*AUTH*/*",
      "--role",
      "client",
    ];
    const ok = await cli([...base, "--format", "html"]);
    expect(ok.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(ok.stdout).toContain("is not a key ring in the inputs (a virtual ring or a missing one)");
    const bad = await cli([...base, "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of text, json, html, got "xml"');
    const both = await cli([...base, "--format", "html", "--json"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--json and --format html exclude each other");
    const json = await cli([...base, "--format", "json"]);
    expect(JSON.parse(json.stdout).keyring).toBe("*AUTH*/*");
  });
});
