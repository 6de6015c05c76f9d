import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/io.js";
import { ARTIFACTS, launch, open } from "./browser.js";
import { syntheticUnload } from "./synthetic-unload.js";

const RINGS = 1000;
const NOW = { now: "2026-12-03T12:00:00Z" };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Audit `unload.txt` in its own directory (same name, so evidence reads the same). */
async function report(unload: string): Promise<{ html: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), "racfring-html-size-"));
  writeFileSync(join(dir, "unload.txt"), unload);
  const r = await cli(["audit", "--unload", "unload.txt", "--format", "html", "-o", "report.html"], {
    ...NOW,
    cwd: dir,
  });
  expect(r.stderr).toContain("report written to");
  const file = join(dir, "report.html");
  return { html: readFileSync(file, "utf8"), file };
}

describe("a 100k-record unload", () => {
  let big: { html: string; file: string };
  let unloadBytes = 0;
  beforeAll(async () => {
    const u = syntheticUnload(RINGS, 100_000);
    expect(u.records).toBeGreaterThanOrEqual(100_000);
    unloadBytes = Buffer.byteLength(u.text);
    big = await report(u.text);
  }, 300_000);

  it("gives a report that grows with rings and findings, not with the unload", async () => {
    // The same rings without the ~89,000 filler user records: the very same page.
    const small = await report(syntheticUnload(RINGS, 0).text);
    expect(Buffer.byteLength(big.html)).toBe(Buffer.byteLength(small.html));
    expect(big.html).toBe(small.html);
    // A few kilobytes per ring at most (diagram data, ring section, application row, findings).
    const bytes = Buffer.byteLength(big.html);
    expect(bytes).toBeLessThan(RINGS * 3_000);
    expect(bytes).toBeLessThan(unloadBytes / 4);
  }, 300_000);

  it("opens with no diagram drawn beyond the first screens, draws the last ring when scrolled to", async () => {
    const started = Date.now();
    const { page, errors, external } = await open(browser, big.file);
    const loadMs = Date.now() - started;
    expect(await page.locator(".ring").count()).toBe(RINGS);
    expect(await page.$$eval(".diagram[data-drawn]", (e) => e.length)).toBeLessThan(10);
    await page.locator(`#ring-${RINGS - 1}`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#ring-${RINGS - 1} .diagram[data-drawn] svg`);
    expect(await page.$$eval(".diagram[data-drawn]", (e) => e.length)).toBeLessThan(20);
    await page.selectOption("select[name=rule]", "weak-key");
    expect(await page.locator(".finding:not(.hidden)").count()).toBe(RINGS / 10);
    await page.screenshot({ path: join(ARTIFACTS, "html-report-100k.png") });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    // Generous: the machine is shared; the point is seconds, not minutes.
    expect(loadMs).toBeLessThan(30_000);
    await page.close();
  }, 120_000);
});
