/**
 * Years in RACDCERT GENCERT/REKEY NOTBEFORE(DATE(yyyy-mm-dd)) and NOTAFTER(DATE(...)).
 *
 * Source and confidence: no IBM text found states the range of years RACDCERT accepts (searched
 * the Security Server RACF Command Language Reference pages for RACDCERT GENCERT and the RACF
 * messages; IBM documents only that NOTBEFORE must be earlier than NOTAFTER, IRRD133I), so the
 * range is [UNCONFIRMED] for RACF. What is known: X.509 encodes validity dates 1950–2049 as
 * UTCTime and others as GeneralizedTime (RFC 5280 §4.1.2.5), and CA Top Secret's own GENCERT,
 * which mirrors RACDCERT on z/OS, accepts only years 1950–2049 for its not-before/not-after
 * dates (Broadcom, CA Top Secret for z/OS command reference, NBDATE/NADATE) [third-party].
 *
 * What racfring does instead of guessing: a date outside 1950–2049 is read as written (never
 * moved into range) and carries a located warning saying RACF may reject the command or encode
 * the date differently. `racfring generate` keeps to 2000–2049 itself (src/gen/resolve.ts).
 */
export const UTCTIME_FIRST_YEAR = 1950;
export const UTCTIME_LAST_YEAR = 2049;

/** The warning for a `yyyy-mm-dd` date whose year is outside 1950–2049, or null. */
export function yearRangeWarning(date: string, what: string): string | null {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year) || (year >= UTCTIME_FIRST_YEAR && year <= UTCTIME_LAST_YEAR)) return null;
  return `${what}: DATE(${date}) is outside ${UTCTIME_FIRST_YEAR}–${UTCTIME_LAST_YEAR}, the years X.509 writes as UTCTime (RFC 5280) and the range CA Top Secret's GENCERT accepts [third-party]; whether RACF accepts it is not documented [UNCONFIRMED] — the date is read as written, but RACF may reject the command`;
}

/** Hand the warning for `date` (if any) to `report`: one call from each reader of DATE(). */
export function reportYearRange(date: string, what: string, report: (message: string) => void): void {
  const warning = yearRangeWarning(date, what);
  if (warning) report(warning);
}
