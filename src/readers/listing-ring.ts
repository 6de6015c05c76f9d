import type { CertOwner, RingUsage } from "../model/types.js";
import { type ReadContext, report, src } from "./context.js";
import { clip } from "./guard.js";
import { type Cursor, isTopLevelHeader, OWNER_TOKEN, readWrapped } from "./listing-common.js";
import { explainedByMessage } from "./listing-messages.js";
import { applyRingSnapshot, type ConnectionFacts } from "./merge.js";
import type { CleanLine } from "./text.js";

/**
 * RACDCERT LISTRING output: the ring header, wrapped ring names and the connection table
 * (formats.md §1).
 */

interface RingInProgress {
  name: string | null;
  line: number;
  rows: ConnectionFacts[];
  /** Line of the table's column header (or dashes), 0 when none was seen. */
  tableSeen: number;
  emptyMarker: boolean;
  /** Rows that could not be read (reported each). */
  badRows: number;
}

const ROW_RE =
  /^\s*(.+?)\s+(ID\([A-Za-z0-9#$@]{1,8}\)|CERTAUTH|SITE)\s+(PERSONAL|CERTAUTH|SITE)\s+(YES|NO)\s*$/i;

/** One LISTRING row: label at 3–34, owner 38–49, usage 53–60, default 66–68 (formats.md §1). */
export function parseRingRow(
  text: string,
): { label: string; owner: CertOwner; usage: RingUsage; isDefault: boolean } | null {
  // Columns first: labels may contain blanks and words that look like owners.
  if (text.length >= 66) {
    const owner = text.slice(37, 49).trim();
    const usage = text.slice(52, 60).trim().toUpperCase();
    const dflt = text.slice(60).trim().toUpperCase();
    const label = text.slice(2, 34).trimEnd();
    if (
      OWNER_TOKEN.test(owner) &&
      /^(PERSONAL|CERTAUTH|SITE)$/.test(usage) &&
      /^(YES|NO)$/.test(dflt) &&
      label.trim() !== ""
    ) {
      return {
        label: label.trimStart(),
        owner: owner.toUpperCase(),
        usage: usage as RingUsage,
        isDefault: dflt === "YES",
      };
    }
  }
  // Captures whose indentation was edited: read from the right.
  const m = ROW_RE.exec(text);
  if (!m) return null;
  return {
    label: (m[1] ?? "").trim(),
    owner: (m[2] ?? "").toUpperCase(),
    usage: (m[3] ?? "").toUpperCase() as RingUsage,
    isDefault: (m[4] ?? "").toUpperCase() === "YES",
  };
}

export function readRingBlock(cur: Cursor, ctx: ReadContext, owner: string | null, headerLine: number): void {
  let ring: RingInProgress | null = null;
  let ringsSeen = 0;

  const finish = (): void => {
    if (!ring) return;
    const r = ring;
    ring = null;
    if (!r.name) {
      report(
        ctx,
        r.line,
        "listing-ring-no-name",
        'a "Ring:" line is not followed by the ring name in >...<; ring skipped',
        "warning",
      );
      return;
    }
    if (!owner) return;
    if (r.name.length > 237) {
      report(
        ctx,
        r.line,
        "listing-ring-name-too-long",
        `ring name of ${r.name.length} characters; RACF allows 1–237`,
        "warning",
      );
    }
    const source = src(ctx, "listing", r.line);
    if (!r.tableSeen && !r.emptyMarker && r.rows.length === 0) {
      report(
        ctx,
        r.line,
        "listing-ring-truncated",
        `ring ${owner}/${r.name} is listed without its certificate table (truncated capture?); its contents are not known`,
        "warning",
      );
      if (!ctx.model.ring(owner, r.name)) ctx.model.addRing(owner, r.name, source);
      return;
    }
    if (r.rows.length === 0 && !r.emptyMarker) {
      // RACF prints "*** No certificates connected ***" under the table of an empty ring
      // (formats.md §1). A table with neither rows nor that line was cut off, or its rows could
      // not be read: the ring's connections are not known, so what other inputs say stands.
      if (r.badRows === 0)
        report(
          ctx,
          r.tableSeen || r.line,
          "listing-ring-table-empty",
          `ring ${owner}/${clip(r.name)}: LISTRING table has no rows and no 'No certificates connected' line: the capture may be truncated; its connections are not known`,
          "warning",
        );
      if (!ctx.model.ring(owner, r.name)) ctx.model.addRing(owner, r.name, source);
      return;
    }
    applyRingSnapshot(ctx.model, owner, r.name, r.rows, source);
  };

  while (cur.i < cur.lines.length) {
    const l = cur.lines[cur.i] as CleanLine;
    const t = l.text;
    const trimmed = t.trim();
    if (trimmed === "" || trimmed === "***") {
      // An indented "***" right under an empty table is the empty-ring line of some captures
      // (formats.md §1, racfadm); "***" in column 1 is TSO's end-of-output marker.
      if (trimmed === "***" && /^\s/.test(t) && ring && ring.tableSeen > 0 && ring.rows.length === 0)
        ring.emptyMarker = true;
      cur.i++;
      continue;
    }
    if (/^\s*Ring:\s*$/.test(t)) {
      finish();
      ringsSeen++;
      cur.i++;
      const name = readWrapped(cur, ctx, "ring name");
      ring = {
        name: name ? name.value : null,
        line: l.no,
        rows: [],
        tableSeen: 0,
        emptyMarker: false,
        badRows: 0,
      };
      continue;
    }
    if (
      !/^\s/.test(t) ||
      isTopLevelHeader(t) ||
      /^\s?(User \S+ has no rings|Ring .* does not exist)/i.test(t)
    )
      break;
    if (/^\s*Certificate Label Name\b/i.test(t) || /^\s*-{5,}/.test(t)) {
      if (ring && ring.tableSeen === 0) ring.tableSeen = l.no;
      cur.i++;
      continue;
    }
    if (/No certificates connected/i.test(t) || /^\s*\*\*\*/.test(t)) {
      if (ring) ring.emptyMarker = true;
      cur.i++;
      continue;
    }
    const row = parseRingRow(t);
    if (row && ring) {
      if (row.label.length > 32) {
        report(
          ctx,
          l.no,
          "listing-label-too-long",
          `label "${row.label}" is longer than 32 characters`,
          "warning",
          3,
        );
      }
      ring.rows.push({
        owner: row.owner,
        label: row.label,
        usage: row.usage,
        default: row.isDefault,
        source: src(ctx, "listing", l.no, 3),
      });
    } else if (row) {
      report(
        ctx,
        l.no,
        "listing-row-outside-ring",
        'certificate row before any "Ring:" line; ignored',
        "warning",
        3,
      );
    } else {
      if (ring) ring.badRows++;
      report(
        ctx,
        l.no,
        "listing-bad-ring-row",
        `cannot read this LISTRING row (expected label, ID(user)|CERTAUTH|SITE, PERSONAL|CERTAUTH|SITE, YES|NO): "${clip(trimmed, 70)}"`,
        "warning",
        t.length - t.trimStart().length + 1,
      );
    }
    cur.i++;
  }
  finish();
  if (ringsSeen === 0 && !explainedByMessage(cur)) {
    report(ctx, headerLine, "listing-ring-block-empty", "ring listing header without any ring", "warning");
  }
}
