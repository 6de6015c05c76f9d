import { type ReadContext, report } from "./context.js";
import type { Cursor } from "./listing-common.js";
import type { CleanLine } from "./text.js";

/**
 * RACF messages captured instead of (or between) listings: IRRD115I "has no rings", IRRD114I
 * "does not exist", IRRD120I, and other IRRD/ICH messages (formats.md §1).
 */

/** RACF messages that may appear instead of (or between) listings. True when handled. */
export function readMessage(trimmed: string, line: CleanLine, ctx: ReadContext): boolean {
  const noRings = /^(?:IRRD115I\s+)?User (\S+) has no rings\.?$/i.exec(trimmed);
  if (noRings) {
    const user = (noRings[1] ?? "").toUpperCase();
    const known = ctx.model.ringsOf(user);
    report(
      ctx,
      line.no,
      "listing-no-rings",
      `RACF says user ${user} has no rings (IRRD115I)${known.length > 0 ? `, but earlier inputs define ${known.map((r) => `${r.owner}/${r.name}`).join(", ")}; the inputs are from different moments` : ""}`,
      known.length > 0 ? "warning" : "info",
    );
    return true;
  }
  const noRing = /^(?:IRRD114I\s+)?Ring (.+) does not exist\.?$/i.exec(trimmed);
  if (noRing) {
    report(
      ctx,
      line.no,
      "listing-ring-not-found",
      `RACF says ring ${noRing[1] ?? ""} does not exist (IRRD114I)`,
      "info",
    );
    return true;
  }
  if (/^(?:IRRD120I\s+)?Incorrect use of (CERTAUTH|SITE)/i.test(trimmed)) {
    report(ctx, line.no, "listing-message", `${trimmed} — only users own key rings (IRRD120I)`, "info");
    return true;
  }
  const msg = /^((?:IRRD|ICH)\d{3,5}[IEW])\s+(.*)$/.exec(trimmed);
  if (msg) {
    const notAuthorized = /not authorized/i.test(msg[2] ?? "");
    report(
      ctx,
      line.no,
      notAuthorized ? "listing-not-authorized" : "listing-message",
      notAuthorized ? `${trimmed} — the listing is incomplete: the command was not authorised` : trimmed,
      notAuthorized ? "warning" : "info",
    );
    return true;
  }
  return false;
}

/** The next non-blank line is a RACF message (e.g. IRRD115I "has no rings") explaining an empty output. */
export function explainedByMessage(cur: Cursor): boolean {
  for (let k = cur.i; k < cur.lines.length; k++) {
    const t = (cur.lines[k] as CleanLine).text.trim();
    if (t === "") continue;
    return /^(IRRD\d{3}I|ICH\d{5}I)\b/.test(t) || /^(User \S+ has no rings|Ring .* does not exist)/i.test(t);
  }
  return false;
}
