/**
 * The rule registry is complete and documented (typescript-eslint docs.test.mts, zlint
 * template_test.go): every rule file is registered under its file name, has its documentation
 * fields and a RuleTester test, and the ids the issue requires all exist.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rulesMarkdown } from "../../src/audit/docs.js";
import { RULES, RULES_BY_ID } from "../../src/audit/rules/index.js";

const RULE_DIR = join(import.meta.dirname, "../../src/audit/rules");
const TEST_DIR = join(import.meta.dirname, "rules");
const files = readdirSync(RULE_DIR)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts")
  .map((f) => f.replace(/\.ts$/, ""));

const REQUIRED = [
  "cert-owner-mismatch",
  "no-private-key",
  "default-cert-missing",
  "label-not-on-ring",
  "cert-expired",
  "cert-expiring-soon",
  "cert-notrust-on-ring",
  "ca-chain-incomplete",
  "intermediate-expires-first",
  "ca-connected-as-personal",
  "site-or-certauth-key-needs-control",
  "keyusage-no-handshake",
  "weak-key",
  "sha1-signature",
  "ecc-signed-by-rsa",
  "ring-owner-locked-out",
  "rdatalib-overgrant",
  "facility-broad-access",
  "policy-ring-missing",
  "policy-label-missing",
  "export-password-in-jcl",
  "empty-ring",
];

describe("rule registry", () => {
  it("registers every rule file, under its file name, once", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual([...files].sort());
    expect(RULES_BY_ID.size).toBe(RULES.length);
  });

  it("has every rule id issue 5 requires", () => {
    for (const id of REQUIRED) expect(RULES_BY_ID.has(id), id).toBe(true);
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it("is documented: description, rationale, source, confidence, severity, requires", () => {
        const m = rule.meta;
        expect(m.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(m.description.length).toBeGreaterThan(20);
        expect(m.description.endsWith(".")).toBe(true);
        expect(m.rationale.length).toBeGreaterThan(40);
        // A source names an IBM page, a section of the rules (README) or a field case.
        expect(m.source).toMatch(/rules §\d|field case|IBM/);
        expect(["ibm", "third-party", "unconfirmed"]).toContain(m.confidence);
        expect(["error", "warning", "info"]).toContain(m.severity);
        expect(m.requires.length).toBeGreaterThan(0);
      });

      it("has a RuleTester test file", () => {
        const test = join(TEST_DIR, `${rule.meta.id}.test.ts`);
        expect(existsSync(test), test).toBe(true);
        const text = readFileSync(test, "utf8");
        expect(text).toContain(`rules/${rule.meta.id}.js`);
        expect(text).toContain("ruleTester(rule");
      });

      it("opens with a comment saying why, and has no scaffold leftovers", () => {
        const text = readFileSync(join(RULE_DIR, `${rule.meta.id}.ts`), "utf8");
        expect(text.startsWith("/**")).toBe(true);
        expect(text).not.toMatch(/TODO|FIXME|not implemented/i);
      });
    });
  }
});

describe("rule documentation", () => {
  it("src/audit/rules/README.md is generated from the metadata and current", () => {
    const readme = readFileSync(join(RULE_DIR, "README.md"), "utf8");
    // Regenerate with: racfring audit --list-rules --format markdown > src/audit/rules/README.md
    // Compared modulo table alignment: the formatter may pad the columns.
    const norm = (md: string) =>
      md
        .split("\n")
        .map((l) =>
          l
            .replace(/\s*\|\s*/g, "|")
            .replace(/-{3,}/g, "---")
            .trimEnd(),
        )
        .join("\n")
        .trim();
    expect(norm(readme)).toBe(norm(rulesMarkdown()));
    for (const rule of RULES)
      expect(readme).toMatch(new RegExp(`\\| \`${rule.meta.id}\` +\\| ${rule.meta.severity} +\\|`));
  });
});

/** The README's table rows by rule id: the cells as written, `\|` read back as `|`. */
function readmeRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of readFileSync(join(RULE_DIR, "README.md"), "utf8").split("\n")) {
    if (!line.startsWith("| `")) continue;
    const cells = line
      .slice(1, line.lastIndexOf("|"))
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, "|"));
    rows.set(cells[0]?.replace(/`/g, "") ?? "", cells);
  }
  return rows;
}

describe("rule metadata as each module builds it", () => {
  // A rule's metadata is an object built once, when its module loads; a test that reads the
  // registry reads what the first import built. Loading each module again here (the query makes
  // it a new module instance) builds the metadata inside this test, so that mutation testing,
  // which records which test runs which code, runs this test against planted metadata bugs
  // (test/MUTATION.md). The expected values are the committed documentation, not the module.
  const rows = readmeRows();
  for (const file of files) {
    it(`${file}: id, severity, confidence, texts and requirements are the documented ones`, async () => {
      const fresh = (await import(`../../src/audit/rules/${file}.ts?metadata-check`)) as {
        rule: (typeof RULES)[number];
      };
      // a module instance of its own, else this test would read what another import built
      expect(fresh.rule).not.toBe(RULES_BY_ID.get(file));
      const m = fresh.rule.meta;
      expect(m.id).toBe(file);
      expect([
        `\`${m.id}\``,
        m.severity,
        m.confidence,
        m.description,
        m.rationale,
        m.source,
        m.requires.join(", "),
      ]).toEqual(rows.get(file));
    });
  }
});
