import { dnEquals } from "../../model/dn.js";
import { blankCertificate } from "../../model/model.js";
import type { Certificate, Source } from "../../model/types.js";
import { expiredAt, validAt } from "../../model/validity.js";
import { readCertificateFile } from "../dataset.js";
import { firstValue, hasKeyword, type Keyword, keyword, type ParsedCommand } from "../parse.js";
import { keyStore, trustOperand } from "./operands.js";
import { racdcertOwner } from "./owner.js";
import { type ApplyState, datasetKey } from "./state.js";

/**
 * RACDCERT ADD, and ALTER/DELETE/GENREQ/EXPORT of an existing certificate.
 */

/** ALTER, DELETE, GENREQ, EXPORT: a certificate named by owner and LABEL. */
export function certCommand(s: ApplyState, cmd: ParsedCommand, fn: Keyword, what: string): void {
  const owner = racdcertOwner(s, cmd, cmd.keywords, what);
  if (!owner) return;
  if (!hasKeyword(fn.sub, "LABEL")) {
    s.issue(
      fn.line,
      "not-modelled",
      `${what} without LABEL('...') is not modelled; skipped`,
      "warning",
      fn.column,
    );
    return;
  }
  const label = s.label(firstValue(fn.sub, "LABEL"), what, fn.line);
  if (label === null) return;
  const model = s.ctx.model;
  const cert = model.certificate(owner, label);
  if (!cert) {
    s.issue(
      fn.line,
      "certificate-not-found",
      `${what}: certificate ${owner} '${label}' is not defined in the inputs`,
      "warning",
      fn.column,
    );
    return;
  }
  const kws = cmd.keywords;
  switch (fn.name) {
    case "DELETE":
      model.deleteCertificate(owner, label);
      return;
    case "ALTER": {
      const status = trustOperand(kws);
      if (status) cert.status = status;
      const newLabel = keyword(kws, "NEWLABEL");
      if (newLabel) {
        const nl = s.label(newLabel.values[0], `${what} NEWLABEL`, newLabel.line);
        if (nl === null) return;
        if (model.certificate(owner, nl)) {
          s.issue(
            newLabel.line,
            "label-in-use",
            `${what}: ${owner} already has a certificate labelled '${nl}'; RACF rejects the new label`,
            "error",
            newLabel.column,
          );
          return;
        }
        model.relabelCertificate(cert, nl);
      }
      cert.sources.push(s.source(cmd.line, cmd.column));
      return;
    }
    case "GENREQ": {
      if (cert.privateKey === false) {
        s.issue(
          fn.line,
          "no-private-key",
          `${what}: RACF holds no private key for ${owner} '${label}'; GENREQ needs one`,
          "warning",
          fn.column,
        );
      }
      const dsn = firstValue(kws, "DSN");
      if (dsn) s.requests.set(datasetKey(dsn.text), cert);
      return;
    }
    case "EXPORT": {
      const format = firstValue(kws, "FORMAT")?.text.toUpperCase() ?? "CERTB64";
      if (format.startsWith("PKCS12") && cert.privateKey === false) {
        s.issue(
          fn.line,
          "no-private-key",
          `${what}: FORMAT(${format}) exports the private key, but RACF holds none for ${owner} '${label}'`,
          "warning",
          fn.column,
        );
      }
      return;
    }
  }
}

/**
 * RACDCERT ADD of a certificate for a label that already exists is a renewal when the
 * existing certificate has a private key, is not expired, and the new certificate carries
 * the same public key (the usual GENREQ → external CA → ADD round trip): RACF replaces the
 * certificate and keeps the key, the label and the ring connections. [3rd] CA Top Secret's
 * RACF-compatible "Certificate Replacement (Renewal)" rules; IBM's le-add.htm text on
 * replacement was not readable. racfring cannot compare public keys of GENCERT-generated
 * certificates (RACF never shows them), so a matching subject DN stands in for it.
 * Returns false when the ADD is not a renewal (the caller reports label-in-use).
 */
export function renewInPlace(
  s: ApplyState,
  existing: Certificate,
  fn: Keyword,
  what: string,
  source: Source,
): boolean {
  if (existing.privateKey !== true) return false;
  if (expiredAt(existing, s.ctx.ranAt) === true) return false;
  const ds = s.dataset(fn.values[0]);
  const facts = ds ? readCertificateFile(ds.data) : null;
  if (!facts || !dnEquals(facts.subject, existing.subject)) return false;
  const { privateKeyInFile: _ignored, ...x509 } = facts;
  Object.assign(existing, x509, { privateKey: true, datesAssumed: false, fromRequest: false });
  existing.sources.push(source);
  s.issue(
    fn.line,
    "certificate-renewed",
    `${what}: ${existing.owner} '${existing.label}' is replaced by the certificate in ${ds?.file ?? "the data set"} (same subject, existing private key kept; ring connections unchanged) [3rd]`,
    "info",
    fn.column,
  );
  s.ctx.model.assume(
    "RACDCERT ADD over an existing certificate with a private key and the same subject renews it in place (key, label and connections kept) [3rd: CA Top Secret's RACF-compatible replacement rules]",
    source,
  );
  return true;
}

export function addCert(s: ApplyState, cmd: ParsedCommand, fn: Keyword): void {
  const what = "RACDCERT ADD";
  const owner = racdcertOwner(s, cmd, cmd.keywords, what);
  if (!owner) return;
  const kws = cmd.keywords;
  const withLabel = keyword(kws, "WITHLABEL");
  const label = withLabel ? s.label(withLabel.values[0], what, withLabel.line) : s.nextLabel(cmd.line);
  if (label === null) return;
  const model = s.ctx.model;
  const source = s.source(cmd.line, cmd.column);
  const existing = model.certificate(owner, label);
  if (existing && renewInPlace(s, existing, fn, what, source)) return;
  if (existing) {
    s.labelInUse(cmd, what, owner, label);
    return;
  }
  const cert = blankCertificate(owner, label, [source]);
  const dsValue = fn.values[0];
  const ds = s.dataset(dsValue);
  const explicit = trustOperand(kws);
  if (!ds) {
    s.issue(
      fn.line,
      "dataset-not-mapped",
      `${what}: data set ${dsValue ? dsValue.text.toUpperCase() : "(none)"} is not mapped to a file (use --dataset NAME=FILE); certificate ${owner} '${label}' recorded with unknown details`,
      "warning",
      fn.column,
    );
    cert.status = explicit ?? "TRUST";
    model.addCertificate(cert);
    return;
  }
  const facts = readCertificateFile(ds.data);
  if (!facts) {
    s.issue(
      fn.line,
      "dataset-unreadable",
      `${what}: ${ds.file} (data set ${ds.name}) holds no PEM or DER certificate racfring can read (PKCS#12 is not read); certificate recorded with unknown details`,
      "warning",
      fn.column,
    );
    cert.status = explicit ?? "TRUST";
    model.addCertificate(cert);
    return;
  }
  const { privateKeyInFile, ...x509 } = facts;
  Object.assign(cert, x509);
  cert.privateKey = privateKeyInFile;
  if (privateKeyInFile) {
    const store = keyStore(kws, firstValue(kws, "WITHLABEL")?.text ?? null);
    cert.keyStore = store.store;
    if (store.label !== null) cert.icsfLabel = store.label;
  } else cert.keyStore = null;
  cert.status = explicit ?? "TRUST";
  // One validity rule (src/model/validity.ts): both ends of the period are inside it.
  const outside = !validAt(facts, s.ctx.ranAt);
  if (outside && explicit === null) {
    // [UNCONFIRMED] rules §6: RACF adds an expired (or not yet valid) certificate as
    // NOTRUST unless TRUST/HIGHTRUST is given.
    cert.status = "NOTRUST";
    s.issue(
      fn.line,
      "added-notrust",
      `${what}: certificate ${owner} '${label}' is outside its validity (${facts.notBefore} – ${facts.notAfter}) when the job ran (${s.ctx.ranAt.toISOString()}), so RACF adds it as NOTRUST [UNCONFIRMED]`,
      "info",
      fn.column,
    );
    s.ctx.model.assume(
      "RACDCERT ADD of an expired or not yet valid certificate without TRUST/HIGHTRUST gives status NOTRUST [UNCONFIRMED]",
      source,
    );
  } else if (explicit === null && facts.selfSigned === false && facts.issuer !== null) {
    const issuer = facts.issuer;
    const known = model.state.certificates.some((c) => c.status !== "NOTRUST" && dnEquals(c.subject, issuer));
    if (!known) {
      // [UNCONFIRMED] rules §6: a certificate whose issuer RACF cannot verify (issuer
      // certificate not in RACF) comes in NOTRUST unless TRUST/HIGHTRUST is given.
      cert.status = "NOTRUST";
      s.issue(
        fn.line,
        "added-notrust",
        `${what}: the issuer of ${owner} '${label}' (${issuer}) is not a trusted certificate in the inputs, so RACF cannot verify it and adds it as NOTRUST [UNCONFIRMED]; add the CA certificate first or give TRUST`,
        "info",
        fn.column,
      );
      s.ctx.model.assume(
        "RACDCERT ADD of a certificate whose issuer RACF cannot verify, without TRUST/HIGHTRUST, gives status NOTRUST [UNCONFIRMED]",
        source,
      );
    }
  }
  model.addCertificate(cert);
}
