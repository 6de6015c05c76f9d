/**
 * Characters that web pages and word processors put where a RACF command needs an apostrophe,
 * a hyphen or a blank.
 *
 * TSO knows only the apostrophe as a quote, `-`/`+` as continuation marks and the blank (or
 * comma) as a separator (IBM TSO/E Command Reference, "Continuing a command"; rules §6). A
 * typographic quote, a dash or a no-break space copied from a page travels to the host as some
 * other EBCDIC character (or as an invalid one, depending on the code page the file transfer
 * uses): the command then fails, or RACF stores a label or ring name with a character nobody
 * can type. A zero-width space is invisible in every editor, so it is the worst of them.
 *
 * Each entry says what the character is (its Unicode name, so the user can search for it) and
 * what belongs there instead. `replacement` is the text to type; "" means "delete it".
 */

export interface PastedCharacter {
  /** Unicode character name, upper case as Unicode writes it. */
  name: string;
  /** What RACF needs in its place; "" = nothing (delete the character). */
  replacement: string;
  /** How to say the replacement in a message. */
  says: string;
}

const APOSTROPHE = { replacement: "'", says: "an apostrophe (')" };
const HYPHEN = { replacement: "-", says: "a hyphen-minus (-)" };
const BLANK = { replacement: " ", says: "a blank" };
const NOTHING = { replacement: "", says: "nothing (delete it)" };

export const PASTED_CHARACTERS: ReadonlyMap<string, PastedCharacter> = new Map([
  ["\u2018", { name: "LEFT SINGLE QUOTATION MARK", ...APOSTROPHE }],
  ["\u2019", { name: "RIGHT SINGLE QUOTATION MARK", ...APOSTROPHE }],
  ["\u201A", { name: "SINGLE LOW-9 QUOTATION MARK", ...APOSTROPHE }],
  ["\u201B", { name: "SINGLE HIGH-REVERSED-9 QUOTATION MARK", ...APOSTROPHE }],
  ["\u2032", { name: "PRIME", ...APOSTROPHE }],
  // RACF quotes with apostrophes only: a double quotation mark stands where an apostrophe belongs.
  ["\u201C", { name: "LEFT DOUBLE QUOTATION MARK", ...APOSTROPHE }],
  ["\u201D", { name: "RIGHT DOUBLE QUOTATION MARK", ...APOSTROPHE }],
  ["\u201E", { name: "DOUBLE LOW-9 QUOTATION MARK", ...APOSTROPHE }],
  ["\u00AB", { name: "LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", ...APOSTROPHE }],
  ["\u00BB", { name: "RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", ...APOSTROPHE }],
  ["\u2010", { name: "HYPHEN", ...HYPHEN }],
  ["\u2011", { name: "NON-BREAKING HYPHEN", ...HYPHEN }],
  ["\u2012", { name: "FIGURE DASH", ...HYPHEN }],
  ["\u2013", { name: "EN DASH", ...HYPHEN }],
  ["\u2014", { name: "EM DASH", ...HYPHEN }],
  ["\u2015", { name: "HORIZONTAL BAR", ...HYPHEN }],
  ["\u2212", { name: "MINUS SIGN", ...HYPHEN }],
  ["\u00A0", { name: "NO-BREAK SPACE", ...BLANK }],
  ["\u2007", { name: "FIGURE SPACE", ...BLANK }],
  ["\u2009", { name: "THIN SPACE", ...BLANK }],
  ["\u202F", { name: "NARROW NO-BREAK SPACE", ...BLANK }],
  ["\u3000", { name: "IDEOGRAPHIC SPACE", ...BLANK }],
  ["\u200B", { name: "ZERO WIDTH SPACE", ...NOTHING }],
  ["\u200C", { name: "ZERO WIDTH NON-JOINER", ...NOTHING }],
  ["\u200D", { name: "ZERO WIDTH JOINER", ...NOTHING }],
  ["\u2060", { name: "WORD JOINER", ...NOTHING }],
  ["\uFEFF", { name: "ZERO WIDTH NO-BREAK SPACE (byte order mark)", ...NOTHING }],
  ["\u00AD", { name: "SOFT HYPHEN", ...NOTHING }],
]);

const PASTED_RE = new RegExp(`[${[...PASTED_CHARACTERS.keys()].join("")}]`, "g");

export function hasPastedCharacter(text: string): boolean {
  PASTED_RE.lastIndex = 0;
  return PASTED_RE.test(text);
}

/** The text with every pasted character replaced by what RACF needs. */
export function replacePastedCharacters(text: string): string {
  return text.replace(PASTED_RE, (ch) => PASTED_CHARACTERS.get(ch)?.replacement ?? ch);
}

/** Offsets of the pasted characters in `text`. */
export function pastedCharacterOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (PASTED_CHARACTERS.has(text.charAt(i))) out.push(i);
  return out;
}

/** `U+2019` for a character. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
