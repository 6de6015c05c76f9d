import { isGenericName } from "../model/profiles.js";
import { ACCESS_ORDER, type AccessLevel, type Source, type StartedData } from "../model/types.js";
import { type ReadContext, report, src } from "./context.js";
import { type Cursor, isTopLevelHeader, RLIST_HEADER } from "./listing-common.js";
import { applyProfile, type ProfileFacts } from "./merge.js";
import type { CleanLine } from "./text.js";

/**
 * `RLIST <class> <profile> [AUTHUSER|ALL|STDATA]` (formats.md §4–5). Sections are headed by a
 * title line and a line of dashes; racfring reads the profile line (with the TSO ` (G)` generic
 * marker), UACC, APPLICATION DATA, the standard access list and STDATA. Access-list rows are
 * read by tokens, not columns (ids have no blanks; the ACCESS COUNT column is missing in some
 * captures). Sections racfring does not model (SECLEVEL, CATEGORIES, the conditional access list
 * …) are skipped.
 */

function isAccess(v: string): v is AccessLevel {
  return (ACCESS_ORDER as readonly string[]).includes(v);
}

function isDashes(text: string): boolean {
  return /^\s*-{2,}(\s+-{2,})*\s*$/.test(text);
}

export function readRlistBlock(cur: Cursor, ctx: ReadContext): void {
  const header = cur.lines[cur.i] as CleanLine;
  cur.i++;
  const at = (k: number): CleanLine | undefined => cur.lines[k];
  // "-----      ----" then the profile line (blank lines tolerated).
  while (
    at(cur.i) &&
    ((at(cur.i) as CleanLine).text.trim() === "" || isDashes((at(cur.i) as CleanLine).text))
  )
    cur.i++;
  const profileLine = at(cur.i);
  const pm = profileLine ? /^(\S+)\s+(.+?)(\s+\(G\))?$/.exec(profileLine.text.trim()) : null;
  if (!profileLine || !pm || RLIST_HEADER.test(profileLine.text) || isTopLevelHeader(profileLine.text)) {
    report(
      ctx,
      header.no,
      "rlist-truncated",
      "RLIST output ends before the class and profile name line",
      "warning",
    );
    return;
  }
  cur.i++;
  const cls = (pm[1] ?? "").toUpperCase();
  const name = (pm[2] ?? "").trim();
  const source = src(ctx, "listing", profileLine.no);
  const facts: ProfileFacts = {
    class: cls,
    name,
    // TSO marks generic profiles " (G)"; IRRSMO00 output does not, so also look at the name.
    generic: pm[3] !== undefined || isGenericName(name),
    uacc: null,
    access: null,
    stdata: null,
    applData: null,
    source,
  };
  let uaccSeen = false;

  while (cur.i < cur.lines.length) {
    const l = cur.lines[cur.i] as CleanLine;
    const t = l.text;
    const trimmed = t.trim();
    if (trimmed === "") {
      cur.i++;
      continue;
    }
    if (RLIST_HEADER.test(t) || (isTopLevelHeader(t) && !/^ICH\d{5}I/.test(trimmed))) break;
    const next = at(cur.i + 1);
    const sectionStart = next !== undefined && isDashes(next.text);
    if (/^LEVEL\s+OWNER\s+UNIVERSAL ACCESS/i.test(trimmed) && sectionStart) {
      cur.i += 2;
      const row = at(cur.i);
      const tokens = row ? row.text.trim().split(/\s+/) : [];
      const uacc = (tokens[2] ?? "").toUpperCase();
      if (row && isAccess(uacc)) {
        facts.uacc = uacc;
        uaccSeen = true;
        // "LEVEL OWNER UNIVERSAL ACCESS YOUR ACCESS WARNING": the last column is YES or NO.
        const warn = (tokens[tokens.length - 1] ?? "").toUpperCase();
        if (/\bWARNING$/i.test(trimmed) && (warn === "YES" || warn === "NO")) facts.warning = warn === "YES";
        cur.i++;
      } else {
        report(
          ctx,
          row?.no ?? l.no,
          "rlist-bad-uacc",
          "cannot read UNIVERSAL ACCESS from the LEVEL/OWNER line",
          "warning",
        );
      }
      continue;
    }
    if (/^APPLICATION DATA$/i.test(trimmed) && sectionStart) {
      cur.i += 2;
      const lines: string[] = [];
      while (at(cur.i) && (at(cur.i) as CleanLine).text.trim() !== "") {
        lines.push((at(cur.i) as CleanLine).text.trim());
        cur.i++;
      }
      const value = lines.join(" ");
      facts.applData = value === "" || value === "NONE" ? null : value;
      continue;
    }
    if (/^USER\s+ACCESS(\s+ACCESS\s+COUNT)?$/i.test(trimmed) && sectionStart) {
      cur.i += 2;
      facts.access = readAccessList(cur, ctx);
      continue;
    }
    if (/^ID\s+ACCESS\s+ACCESS\s+COUNT\s+CLASS\s+ENTITY NAME/i.test(trimmed) && sectionStart) {
      report(
        ctx,
        l.no,
        "rlist-conditional-access",
        `conditional access list of ${cls} ${name} (WHEN(...) entries) is not modelled; ignored`,
        "info",
      );
      cur.i += 2;
      while (at(cur.i) && (at(cur.i) as CleanLine).text.trim() !== "") cur.i++;
      continue;
    }
    if (/^STDATA INFORMATION$/i.test(trimmed) && sectionStart) {
      cur.i += 2;
      facts.stdata = readStdata(cur, ctx);
      continue;
    }
    const msg = /^ICH\d{5}I\s+(.*)$/.exec(trimmed);
    if (msg) {
      report(ctx, l.no, "listing-message", trimmed, "info");
      cur.i++;
      continue;
    }
    // Any other section (INSTALLATION DATA, AUDITING, NOTIFY, SECLEVEL…): skip its lines.
    cur.i++;
  }
  if (!uaccSeen) {
    report(
      ctx,
      profileLine.no,
      "rlist-no-uacc",
      `RLIST of ${cls} ${name} without the LEVEL/OWNER/UNIVERSAL ACCESS section (truncated?); UACC not known`,
      "warning",
    );
  }
  applyProfile(ctx.model, facts);
}

function readAccessList(
  cur: Cursor,
  ctx: ReadContext,
): Array<{ id: string; level: AccessLevel; source: Source }> {
  const entries: Array<{ id: string; level: AccessLevel; source: Source }> = [];
  while (cur.i < cur.lines.length) {
    const l = cur.lines[cur.i] as CleanLine;
    const trimmed = l.text.trim();
    if (trimmed === "") break;
    if (/^NO USERS IN ACCESS LIST$/i.test(trimmed)) {
      cur.i++;
      break;
    }
    const tokens = trimmed.split(/\s+/);
    const id = (tokens[0] ?? "").toUpperCase();
    const level = (tokens[1] ?? "").toUpperCase();
    const idLike = /^([A-Z#$@][A-Z0-9#$@]{0,7}|\*)$/.test(id);
    if (idLike && isAccess(level)) {
      entries.push({ id, level, source: src(ctx, "listing", l.no, 1) });
    } else if (idLike && tokens.length >= 2 && /^\d*$/.test(tokens[2] ?? "") && tokens.length <= 3) {
      report(
        ctx,
        l.no,
        "rlist-bad-access-entry",
        `access level "${tokens[1] ?? ""}" of ${id} is not one RACF knows`,
        "warning",
        11,
      );
    } else {
      // Not an entry: the next section, a TSO READY, the end-of-output marker.
      break;
    }
    cur.i++;
  }
  return entries;
}

function readStdata(cur: Cursor, ctx: ReadContext): StartedData {
  const data: StartedData = { user: null, group: null };
  while (cur.i < cur.lines.length) {
    const l = cur.lines[cur.i] as CleanLine;
    const m = /^\s*([A-Z]+)=\s*(.*)$/i.exec(l.text);
    if (!m) break;
    const key = (m[1] ?? "").toUpperCase();
    const value = (m[2] ?? "").trim().toUpperCase();
    if (key === "USER") data.user = value === "" ? null : value;
    else if (key === "GROUP") data.group = value === "" ? null : value;
    else if (!["TRUSTED", "PRIVILEGED", "TRACE"].includes(key)) {
      report(ctx, l.no, "rlist-stdata-field", `STDATA field ${key} not known; ignored`, "info");
    }
    cur.i++;
  }
  return data;
}
