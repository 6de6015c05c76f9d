/**
 * Clean-up shared by the text readers (listings and unloads). What comes off a z/OS host has
 * been through a code-page conversion, a terminal or an editor; the readers see the artefacts
 * of all three and must not mistake them for data.
 */

/** A physical line of an input after clean-up, with its 1-based line number. */
export interface CleanLine {
  no: number;
  text: string;
  /** Artefacts removed from this line, for one located issue per kind (not per character). */
  artefacts: Artefact[];
}

export type Artefact = "tab" | "nbsp" | "formfeed" | "control" | "encoding";

/**
 * Expand tabs to the next multiple of 8 (what editors and `expand` do) so that column-based
 * parsing still works; a tab has no meaning in RACF output, it only appears when a capture
 * was edited or pasted.
 */
export function expandTabs(text: string): string {
  if (!text.includes("\t")) return text;
  let out = "";
  for (const ch of text) {
    if (ch === "\t") out += " ".repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

/**
 * Normalise one physical line: CR (CRLF captures), form feeds (page ejects of SYSTSPRT
 * printed with carriage control), no-break spaces (X'41' in IBM-1047 converts to U+00A0 with
 * some code pages) and other C0 control characters become blanks or vanish; trailing blanks
 * (TSO pads output to the screen or OUTTRAP width, formats.md §1) are dropped.
 */
export function cleanLine(raw: string, no: number): CleanLine {
  const artefacts: Artefact[] = [];
  let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  if (text.includes("\t")) {
    artefacts.push("tab");
    text = expandTabs(text);
  }
  if (text.includes("\u00a0")) {
    artefacts.push("nbsp");
    text = text.replace(/\u00a0/g, " ");
  }
  if (text.includes("\f")) {
    artefacts.push("formfeed");
    text = text.replace(/\f/g, "");
  }
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) {
    artefacts.push("control");
    text = text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, " ");
  }
  // U+FFFD is what a UTF-8 decoder makes of bytes that are not UTF-8: the file was transferred
  // in another code page (e.g. `¢` as Latin-1 X'A2'). Kept as is so names still join.
  if (text.includes("\ufffd")) artefacts.push("encoding");
  return { no, text: text.trimEnd(), artefacts };
}

/** Split a whole text into cleaned lines (LF, CRLF or lone CR line ends). */
export function cleanLines(text: string): CleanLine[] {
  const raw = text.split(/\r\n|\n|\r(?!\n)/);
  // A final newline does not start another line.
  if (raw.length > 0 && raw[raw.length - 1] === "") raw.pop();
  return raw.map((r, i) => cleanLine(r, i + 1));
}

/** Describe artefacts for an issue message. */
export function describeArtefact(a: Artefact): string {
  switch (a) {
    case "tab":
      return "tab characters (expanded to 8-column stops; column positions may be off)";
    case "nbsp":
      return "no-break spaces (U+00A0, a code-page conversion artefact) read as blanks";
    case "formfeed":
      return "form feeds (page ejects) ignored";
    case "control":
      return "control characters read as blanks";
    case "encoding":
      return "bytes that are not UTF-8 (shown as U+FFFD): transfer the file as UTF-8 text; a `¢` in certificate names may have been lost";
  }
}

/**
 * RACF replaces every character that is not valid in a profile name — a blank above all — by
 * X'4A' when it builds a DIGTCERT profile name (IBM RACDCERT ADD, le-add.htm; DBSYNC
 * `translate(tcertname,' ','4A'x)`). X'4A' is `¢` in IBM-037/1047, which is what a text
 * transfer delivers; `[` (X'4A' in some national code pages) is not translated because it
 * can be a genuine DN character.
 */
export function digtcertBlanks(name: string): string {
  // U+FFFD: a `¢` (Latin-1 X'A2') decoded as UTF-8 — still the blank substitute.
  return name.replace(/[¢\ufffd]/g, " ");
}

/** `YES`/`Yes`/`Y` → true, `NO`/`No`/`N` → false, anything else → null. */
export function yesNo(value: string): boolean | null {
  const v = value.trim().toUpperCase();
  if (v === "YES" || v === "Y") return true;
  if (v === "NO" || v === "N") return false;
  return null;
}

/**
 * `yyyy-mm-ddThh:mm:ssZ` for date and time fields as RACF prints them (listings, IRRDBU00), or
 * null when that day or time does not exist: a date is refused, never moved to another day.
 * Every day up to the 28th of every month at any time of day exists, so most dates need no Date
 * (an unload holds two on each of tens of thousands of certificates).
 */
export function existingInstant(
  year: string,
  month: string,
  day: string,
  hour = "00",
  minute = "00",
  second = "00",
): string | null {
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
  if (
    month >= "01" &&
    month <= "12" &&
    day >= "01" &&
    day <= "28" &&
    hour <= "23" &&
    minute <= "59" &&
    second <= "59"
  )
    return iso;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso.slice(0, 10)
    ? null
    : iso;
}
