/**
 * Guards shared by every reader: an input that is not text (EBCDIC transferred in binary, a load
 * module, a zip) is named as such instead of silently yielding nothing. Messages are clipped by
 * the model itself (src/model/clip.ts, used by RacfModel.issue).
 */

export { clip, clipMessage, MAX_ECHO } from "../model/clip.js";

/**
 * What a text that does not read as text probably is. The CLI decodes inputs as UTF-8, so the
 * bytes of EBCDIC letters and digits (X'81'–X'A9', X'C1'–X'F9') arrive as U+FFFD, and the EBCDIC
 * blank X'40' arrives as "@". Binary data has many U+FFFD too, but no run of "@" blanks.
 * Only the first 64 KiB are looked at.
 */
export function nonTextKind(text: string): "ebcdic" | "binary" | null {
  const sample = text.slice(0, 65536).replace(/[\r\n]/g, "");
  if (sample.length < 8) return null;
  let bad = 0;
  let at = 0;
  let blank = 0;
  let letters = 0;
  for (const ch of sample) {
    if (ch === "\uFFFD" || /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/.test(ch)) bad++;
    else if (ch === "@") at++;
    else if (ch === " ") blank++;
    else if (/[A-Za-z]/.test(ch)) letters++;
  }
  // A real RACF text is nearly all ASCII: a fifth of undecodable characters is not text.
  if (bad < sample.length / 5) return null;
  return at > blank && at > letters / 4 ? "ebcdic" : "binary";
}

/** The hint an "is this EBCDIC or binary?" error carries. */
export function nonTextHint(kind: "ebcdic" | "binary" | null): string {
  if (kind === "ebcdic")
    return "it looks EBCDIC-encoded: convert it as text (EBCDIC → ASCII) when transferring (FTP ASCII mode, or iconv -f IBM-1047)";
  if (kind === "binary")
    return "it looks binary: transfer RACF output as text (EBCDIC → ASCII), not in binary mode";
  return "is this EBCDIC or binary? Convert it as text (EBCDIC → ASCII) when transferring";
}
