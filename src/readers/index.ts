/**
 * Readers for what RACF administrators export, all feeding the one RacfModel:
 * - readListing(text, ctx): RACDCERT LIST / LISTRING / LISTCHAIN, RLIST, SETROPTS LIST captures;
 * - readUnload(lines, ctx) / readUnloadBytes(chunks, ctx): IRRDBU00 text unloads, streamed as
 *   lines of text or as the file's bytes (record types racfring does not read are skipped
 *   undecoded);
 * - readCertificates(data, spec, ctx): PEM / DER / PKCS#7 certificate files.
 *
 * Every reader records located issues in the model and never throws on bad input. Facts about
 * the same certificate from several inputs are combined by src/readers/merge.ts, which other
 * readers may use too (mergeCertificate, applyRingSnapshot, applyProfile).
 *
 * A certificate whose RACF owner and label no input gave (a certificate file without
 * `=OWNER:LABEL`) is kept with owner UNKNOWN_OWNER (`""`) under a placeholder label; use
 * isPlaceholder() to recognise it (e.g. to ask the user for the real owner and label).
 */
export { readCertificates } from "./cert.js";
export { readListing } from "./listing.js";
export {
  applyProfile,
  applyRingSnapshot,
  type CertFacts,
  type ConnectionFacts,
  emptyFacts,
  isPlaceholder,
  mergeCertificate,
  type ProfileFacts,
  STATUS_ASSUMED_FILE,
  sameCertificate,
  UNKNOWN_OWNER,
} from "./merge.js";
export { keyFromType, readUnload, readUnloadBytes, trustFromUacc } from "./unload.js";
export { DOCUMENTED_RECORD_TYPES, LAYOUTS } from "./unload-layouts.js";
