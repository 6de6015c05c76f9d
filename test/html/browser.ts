/**
 * The HTML report is tested where people read it: Debian's chromium, driven by playwright-core
 * (no browser download). One browser per test file keeps the run short.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export const CHROMIUM =
  process.env.RACFRING_CHROMIUM ?? CANDIDATES.find((p) => existsSync(p)) ?? CANDIDATES[0];

/** Screenshots and PDFs the tests keep for people to look at (git-ignored). */
export const ARTIFACTS = join(import.meta.dirname, "..", "..", "test-artifacts");

export async function launch(): Promise<Browser> {
  if (!CHROMIUM || !existsSync(CHROMIUM))
    throw new Error(
      `chromium not found (${CHROMIUM}): install Debian's chromium package (.ci/run does) or set RACFRING_CHROMIUM`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM });
}

/**
 * Open a report file with every non-file request refused and recorded: the page must need
 * nothing from a network. Page errors are collected too.
 */
export async function open(
  browser: Browser,
  file: string,
  viewport = { width: 1400, height: 900 },
): Promise<{ page: Page; external: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const external: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    external.push(url);
    return route.abort();
  });
  await page.goto(`file://${file}`);
  return { page, external, errors };
}
