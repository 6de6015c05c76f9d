/**
 * Certificate handling for racfring: the only place that touches @peculiar/x509. Everything
 * returned is expressed in model terms (RACF spellings, normalised DNs, upper-case hex).
 */
export {
  canonicalSignatureAlgorithm,
  keyTypeFromRacfText,
  normalizeFingerprint,
  normalizeSerial,
  RACF_SIGNATURE_ALGORITHMS,
  racfKeyType,
  racfKeyUsage,
  racfSignatureAlgorithm,
  sameSerial,
  X509_KEY_USAGE,
} from "./racf-names.js";
export {
  type DecodeCounter,
  type ParsedCertificates,
  type PkiProblem,
  parseCertificateData,
  parseCertificateDataSync,
  parseCertificateRequest,
  type RequestFacts,
  type X509Facts,
} from "./x509.js";
