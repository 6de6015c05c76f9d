/**
 * Rule documentation generated from the rules' metadata (typescript-eslint generates its
 * configs and checks its docs from `meta`): the text `--list-rules` prints, and the Markdown
 * table kept in src/audit/rules/README.md (a test checks it is current).
 */
import { RULES } from "./rules/index.js";
import type { RuleMeta } from "./types.js";

function metas(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}

export function rulesText(): string {
  return metas()
    .map(
      (m) =>
        `${m.id}  [${m.severity}, ${m.confidence}]\n  ${m.description}\n  Why: ${m.rationale}\n  Source: ${m.source}\n  Needs: ${m.requires.join(", ")}\n`,
    )
    .join("\n");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

export function rulesMarkdown(): string {
  const lines = [
    "# racfring audit rules",
    "",
    "Generated from the rules' metadata by `racfring audit --list-rules --format markdown`; do not edit by hand.",
    "Severity is fixed per rule. Confidence: `ibm` (IBM documentation), `third-party` (reliable non-IBM source),",
    "`unconfirmed` (widely believed, no readable source). A rule without the data it needs reports",
    '"not evaluated", never "passed".',
    "",
    "| Rule | Severity | Confidence | Finds | Why | Source | Needs |",
    "|---|---|---|---|---|---|---|",
    ...metas().map(
      (m) =>
        `| \`${m.id}\` | ${m.severity} | ${m.confidence} | ${cell(m.description)} | ${cell(m.rationale)} | ${cell(m.source)} | ${m.requires.join(", ")} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

export function rulesJson(): string {
  return `${JSON.stringify(metas(), null, 2)}\n`;
}
