import type { CertOwner } from "../model/types.js";
import { parseCertificateData } from "../pki/x509.js";
import { type ReadContext, report, src } from "./context.js";
import { emptyFacts, mergeCertificate, STATUS_ASSUMED_FILE } from "./merge.js";

/**
 * `--cert FILE[=OWNER:LABEL]`: certificates from PEM (one or many), DER or PKCS#7 files
 * (RACDCERT EXPORT output or what a CA sent).
 *
 * OWNER:LABEL name the first certificate of the file in RACF; a bundle's other certificates
 * (usually the issuing chain) are matched to what other inputs describe by fingerprint or
 * serial+issuer (src/readers/merge.ts). A certificate no other input names is kept with owner
 * unknown under a placeholder label derived from its subject CN, with an info issue asking
 * for FILE=OWNER:LABEL — never under an invented RACF owner.
 */
export async function readCertificates(
  data: Uint8Array,
  spec: { owner: string | null; label: string | null },
  ctx: ReadContext,
): Promise<void> {
  let parsed: Awaited<ReturnType<typeof parseCertificateData>>;
  try {
    parsed = await parseCertificateData(data);
  } catch (e) {
    // parseCertificateData catches what it knows; this is the last line of defence.
    report(ctx, 1, "cert-unreadable", `certificate file cannot be read: ${(e as Error).message}`, "error");
    return;
  }
  for (const p of parsed.problems) report(ctx, p.line, p.code, p.message, p.severity);
  if (parsed.certificates.length === 0) {
    if (parsed.problems.length === 0) report(ctx, 1, "cert-none", "no certificate in this file", "warning");
    return;
  }
  const named = spec.owner !== null && spec.label !== null;
  if (named && parsed.certificates.length > 1) {
    report(
      ctx,
      parsed.certificates[1]?.line ?? 1,
      "cert-bundle",
      `${parsed.certificates.length} certificates in this file: ${spec.owner}:${spec.label} names the first; the others are matched to other inputs by fingerprint or serial and issuer`,
      "info",
    );
  }
  let assumedStatus = false;
  for (const [index, x] of parsed.certificates.entries()) {
    const facts = emptyFacts(src(ctx, "cert", x.line));
    if (index === 0 && named) {
      facts.owner = spec.owner as CertOwner;
      facts.label = spec.label;
    }
    facts.notBefore = x.notBefore;
    facts.notAfter = x.notAfter;
    facts.subject = x.subject;
    facts.issuer = x.issuer;
    facts.altNames = x.altNames;
    facts.keyType = x.keyType;
    facts.keySize = x.keySize;
    facts.keyUsage = x.keyUsage;
    facts.signatureAlgorithm = x.signatureAlgorithm;
    facts.serial = x.serial;
    facts.fingerprint = x.fingerprint;
    facts.selfSigned = x.selfSigned;
    facts.der = x.der;
    // A file says nothing about RACF trust status or whether RACF holds the private key.
    const options = x.commonName ? { placeholderLabel: x.commonName } : {};
    const cert = mergeCertificate(ctx.model, facts, options);
    if (cert.sources.some((s) => s.file === STATUS_ASSUMED_FILE)) assumedStatus = true;
  }
  if (assumedStatus) {
    ctx.model.assume(
      "Trust status of certificates known only from certificate files is assumed TRUST (a file does not carry RACF's TRUST/NOTRUST/HIGHTRUST); read a LIST or an unload to know it",
      src(ctx, "cert", 0),
    );
  }
}
