/** Issue #9 item 5: no terminal control or bidi override reaches text, JSON or SARIF output unescaped. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeJsonText } from "../../src/audit/format/safe-text.js";
import { cli } from "../helpers/io.js";

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("issue 9.5: terminal control and bidi characters are shown escaped", () => {
  const dir = mkdtempSync(join(tmpdir(), "racfring-term-"));
  writeFileSync(join(dir, "bidi.jcl"), "RACDCERT ID(A) ADDRING('R\u202eX\u0085Y\u2066')\n");

  for (const argv of [
    ["model", "--jcl", "bidi.jcl"],
    ["model", "--jcl", "bidi.jcl", "--json"],
    ["audit", "--jcl", "bidi.jcl", "--at", "2026-06-01"],
    ["audit", "--jcl", "bidi.jcl", "--at", "2026-06-01", "--format", "json"],
    ["audit", "--jcl", "bidi.jcl", "--at", "2026-06-01", "--format", "sarif"],
    ["audit", "--jcl", "bidi.jcl", "--at", "2026-06-01", "--format", "markdown"],
  ]) {
    it(argv.join(" "), async () => {
      const r = await cli(argv, { cwd: dir });
      expect(r.stdout + r.stderr).not.toMatch(RAW);
      expect(r.stdout).toMatch(/\\u202e/);
    });
  }

  it("JSON escapes keep the data: the ring name parses back with its characters", async () => {
    const r = await cli(["model", "--jcl", "bidi.jcl", "--json"], { cwd: dir });
    const name = JSON.parse(r.stdout).rings[0].name as string;
    expect(name.includes("\u202e")).toBe(true);
    expect(JSON.parse(escapeJsonText(JSON.stringify({ a: "x\u009b\u202ey" })))).toEqual({
      a: "x\u009b\u202ey",
    });
  });
});
