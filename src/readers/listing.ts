import { ownerUser } from "../model/model.js";
import type { CertOwner } from "../model/types.js";
import { type ReadContext, report } from "./context.js";
import { clip, nonTextHint, nonTextKind } from "./guard.js";
import { readCertBlock } from "./listing-cert.js";
import {
  CERT_HEADER,
  CHAIN_CERT,
  CHAIN_SUMMARY,
  COMMAND_ECHO,
  type Cursor,
  isTopLevelHeader,
  RING_HEADER,
  RLIST_HEADER,
} from "./listing-common.js";
import { readMessage } from "./listing-messages.js";
import { readRingBlock } from "./listing-ring.js";
import { readRlistBlock } from "./listing-rlist.js";
import { SetroptsCollector, setroptsKey } from "./listing-setropts.js";
import { type CleanLine, cleanLines, describeArtefact } from "./text.js";

/** Kept importable from here: tests and callers read LISTRING rows through this module. */
export { parseRingRow } from "./listing-ring.js";

/**
 * Reader for captured RACF output: RACDCERT LISTRING / LIST / LISTCHAIN, RLIST and SETROPTS
 * LIST, in any number and order in one file (formats.md §1–5). Each output is recognised by
 * its header line; everything between headers belongs to the output above it.
 *
 * Tolerated on purpose (all seen in real captures, formats.md §1–2 and §9): trailing blanks,
 * CRLF, tabs, blank lines anywhere (also between ring rows), the `***` end-of-output line of
 * TSO, message ids present or not (TSO PROFILE NOMSGID), a missing blank line after a header,
 * lines that echo the command, `# ...` annotation lines at column 1 (no RACF output line
 * starts with `#` in column 1).
 */

export function readListing(text: string, ctx: ReadContext): void {
  const kind = nonTextKind(text);
  if (kind) {
    // Undecodable bytes everywhere: parsing it would only echo garbage line by line.
    report(ctx, 1, "listing-not-text", `no listing found; ${nonTextHint(kind)}`, "error");
    return;
  }
  const lines = cleanLines(text);
  reportArtefacts(lines, ctx, "listing");
  const cur: Cursor = { lines, i: 0 };
  /** Owner named by the last echoed RACDCERT command (for captures without a header line). */
  let echoedOwner: CertOwner | null = null;
  const setropts = new SetroptsCollector(ctx);
  let unrecognized: CleanLine[] = [];
  let recognisedAnything = false;

  const flushUnrecognized = (): void => {
    const first = unrecognized[0];
    if (first) {
      report(
        ctx,
        first.no,
        "listing-unrecognized",
        `${unrecognized.length} line(s) not recognised as RACDCERT, RLIST or SETROPTS output; ignored (first: "${clip(first.text.trim(), 60)}")`,
        "info",
      );
    }
    unrecognized = [];
  };

  while (cur.i < lines.length) {
    const line = lines[cur.i] as CleanLine;
    const t = line.text;
    const trimmed = t.trim();
    if (trimmed === "" || trimmed === "***" || /^#/.test(t) || /^(READY|END)$/i.test(trimmed)) {
      cur.i++;
      continue;
    }
    const key = setroptsKey(t);
    if (key !== null) {
      flushUnrecognized();
      recognisedAnything = true;
      setropts.read(cur);
      continue;
    }
    if (setropts.active && !isTopLevelHeader(t) && !COMMAND_ECHO.test(t)) {
      // Other SETROPTS LIST lines (password rules, options…) carry nothing racfring models.
      cur.i++;
      continue;
    }
    setropts.flush();

    const echo = COMMAND_ECHO.exec(t);
    if (echo) {
      flushUnrecognized();
      const verb = (echo[1] ?? "").toUpperCase();
      const rest = echo[2] ?? "";
      if (verb.startsWith("RACDC")) echoedOwner = ownerFromCommand(rest);
      cur.i++;
      continue;
    }
    const ring = RING_HEADER.exec(t);
    if (ring) {
      flushUnrecognized();
      recognisedAnything = true;
      cur.i++;
      readRingBlock(cur, ctx, (ring[1] ?? "").toUpperCase(), line.no);
      continue;
    }
    const cert = CERT_HEADER.exec(t);
    if (cert) {
      flushUnrecognized();
      recognisedAnything = true;
      cur.i++;
      const owner: CertOwner = cert[1] ? `ID(${cert[1].toUpperCase()})` : cert[2] ? "CERTAUTH" : "SITE";
      readCertBlock(cur, ctx, owner, line.no);
      continue;
    }
    if (CHAIN_CERT.test(t)) {
      cur.i++;
      continue;
    }
    if (CHAIN_SUMMARY.test(t)) {
      // LISTCHAIN's closing summary: wording and layout not verified (formats.md §3); the chain
      // is rebuilt from the certificate blocks instead.
      cur.i++;
      while (cur.i < lines.length && !isTopLevelHeader((lines[cur.i] as CleanLine).text)) {
        const l = (lines[cur.i] as CleanLine).text;
        if (l !== "" && !/^\s/.test(l) && !/^Chain\b/i.test(l)) break;
        cur.i++;
      }
      continue;
    }
    if (RLIST_HEADER.test(t)) {
      flushUnrecognized();
      recognisedAnything = true;
      readRlistBlock(cur, ctx);
      continue;
    }
    if (readMessage(trimmed, line, ctx)) {
      flushUnrecognized();
      recognisedAnything = true;
      cur.i++;
      continue;
    }
    if (/^\s{1,3}Ring:\s*$/.test(t)) {
      // A LISTRING capture without its header line (formats.md §1: "don't require the header").
      flushUnrecognized();
      recognisedAnything = true;
      const owner = echoedOwner ? ownerUser(echoedOwner) : null;
      if (!owner) {
        report(
          ctx,
          line.no,
          "listing-ring-owner-unknown",
          'ring listing without its "Digital ring information for user X:" header and no RACDCERT ID(X) command echoed before it; ring owner unknown, ring skipped',
          "warning",
        );
      }
      readRingBlock(cur, ctx, owner, line.no);
      continue;
    }
    if (/^\s{1,3}Label:/.test(t)) {
      flushUnrecognized();
      recognisedAnything = true;
      if (!echoedOwner) {
        report(
          ctx,
          line.no,
          "listing-cert-owner-unknown",
          'certificate listing without its "Digital certificate information for ...:" header and no RACDCERT command echoed before it; certificate owner unknown',
          "warning",
        );
      }
      readCertBlock(cur, ctx, echoedOwner, line.no);
      continue;
    }
    unrecognized.push(line);
    cur.i++;
  }
  setropts.flush();
  flushUnrecognized();
  if (!recognisedAnything) {
    // Nothing read at all: an empty file, an EBCDIC or binary transfer, or not a listing. An
    // error, so that commands exit 3 instead of answering "no findings" about nothing.
    const empty = !lines.some((l) => l.text.trim() !== "");
    report(
      ctx,
      1,
      "listing-empty",
      empty
        ? "no listing found: the file is empty; is this EBCDIC or binary? Capture RACDCERT/RLIST/SETROPTS output as text"
        : `no listing found (no RACDCERT LIST/LISTRING, RLIST or SETROPTS LIST output in this file); ${nonTextHint(null)}`,
      "error",
    );
  }
}

/** One issue per kind of artefact per file, at its first line. */
export function reportArtefacts(lines: readonly CleanLine[], ctx: ReadContext, what: string): void {
  const seen = new Map<string, { first: number; count: number }>();
  for (const l of lines) {
    for (const a of l.artefacts) {
      const s = seen.get(a);
      if (s) s.count++;
      else seen.set(a, { first: l.no, count: 1 });
    }
  }
  for (const [a, s] of seen) {
    report(
      ctx,
      s.first,
      `${what}-${a}`,
      `${s.count} line(s) contain ${describeArtefact(a as Parameters<typeof describeArtefact>[0])}`,
      "info",
    );
  }
}

function ownerFromCommand(rest: string): CertOwner | null {
  const id = /\bID\(\s*([A-Za-z0-9#$@]{1,8})\s*\)/i.exec(rest);
  if (id?.[1]) return `ID(${id[1].toUpperCase()})`;
  if (/\bCERTAUTH\b/i.test(rest)) return "CERTAUTH";
  if (/\bSITE\b/i.test(rest)) return "SITE";
  return null;
}
