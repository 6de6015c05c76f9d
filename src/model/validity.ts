/**
 * Certificate validity at a point in time: the one place that decides "expired" and "not yet
 * valid", used by the handshake simulator (rc 401), by the audit rules and by chain building.
 *
 * The period includes both ends: RFC 5280 §4.1.2.5 defines it as "the period of time from
 * notBefore through notAfter, inclusive", and System SSL answers 401 "Certificate is expired or
 * is not valid yet." only outside it (racf-rules §3). So a certificate is still valid at exactly
 * its notAfter second and already valid at exactly its notBefore second.
 */

/** The dates a validity decision needs: ISO-8601 strings, null when the inputs do not show them. */
export interface ValidityDates {
  notBefore: string | null;
  notAfter: string | null;
}

/** True when `at` is after notAfter; null when notAfter is not known. */
export function expiredAt(c: ValidityDates, at: Date): boolean | null {
  if (c.notAfter === null) return null;
  return at.getTime() > instant(c.notAfter);
}

/** True when `at` is before notBefore; null when notBefore is not known. */
export function notYetValidAt(c: ValidityDates, at: Date): boolean | null {
  if (c.notBefore === null) return null;
  return at.getTime() < instant(c.notBefore);
}

/**
 * Date.parse, remembered: an audit asks about the same few thousand dates once per ring, chain
 * step and simulation. Bounded like the DN caches (model/dn.ts).
 */
const INSTANTS = new Map<string, number>();
const MAX_INSTANTS = 100_000;

function instant(iso: string): number {
  let t = INSTANTS.get(iso);
  if (t === undefined) {
    t = Date.parse(iso);
    if (INSTANTS.size >= MAX_INSTANTS) INSTANTS.clear();
    INSTANTS.set(iso, t);
  }
  return t;
}

/**
 * Valid at `at` as far as the inputs show: neither expired nor not yet valid. A date the inputs
 * do not show does not make the certificate invalid (callers that must report the unknown ask
 * expiredAt / notYetValidAt, which answer null).
 */
export function validAt(c: ValidityDates, at: Date): boolean {
  return expiredAt(c, at) !== true && notYetValidAt(c, at) !== true;
}
