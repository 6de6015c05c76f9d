import { blankCertificate } from "../../model/model.js";
import type { Certificate, CertOwner, KeyType, KeyUsage } from "../../model/types.js";
import { readRequestFile } from "../dataset.js";
import { reportYearRange } from "../date-range.js";
import { firstValue, hasKeyword, type Keyword, keyword, type ParsedCommand } from "../parse.js";
import { altNames, keyStore, signatureAlgorithmFor, subjectDn } from "./operands.js";
import { racdcertOwner } from "./owner.js";
import { type ApplyState, datasetKey } from "./state.js";

/**
 * RACDCERT GENCERT: new certificates, signing, and GENCERT of a GENREQ request.
 */

/** Date and time from NOTBEFORE/NOTAFTER(DATE(yyyy-mm-dd) TIME(hh:mm:ss)). */
export function dateOperand(
  s: Pick<ApplyState, "issue">,
  kw: Keyword | undefined,
  what: string,
): { date: string | null; time: string | null } | null {
  if (!kw) return { date: null, time: null };
  const date = firstValue(kw.sub, "DATE");
  const time = firstValue(kw.sub, "TIME");
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date.text)) {
    s.issue(
      date.line,
      "invalid-date",
      `${what} ${kw.name}: DATE(${date.text}) is not yyyy-mm-dd; RACF rejects the command; skipped`,
      "error",
      date.column,
    );
    return null;
  }
  if (time && !/^\d{2}:\d{2}(:\d{2})?$/.test(time.text)) {
    s.issue(
      time.line,
      "invalid-time",
      `${what} ${kw.name}: TIME(${time.text}) is not hh:mm:ss; RACF rejects the command; skipped`,
      "error",
      time.column,
    );
    return null;
  }
  // The shapes above let through 2026-02-30 and 24:00:00, which Date() silently rolls over
  // into the next month or day: a real calendar date and time of day, or the command is
  // reported as RACF would reject it.
  if (date) {
    const [y, m, d] = date.text.split("-").map(Number) as [number, number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (m < 1 || m > 12 || d < 1 || d > last) {
      s.issue(
        date.line,
        "invalid-date",
        `${what} ${kw.name}: DATE(${date.text}) is not a calendar date${m >= 1 && m <= 12 ? ` (that month has ${last} days)` : ""}; RACF rejects the command; skipped`,
        "error",
        date.column,
      );
      return null;
    }
    // Outside 1950–2049: read as written, with a warning (the range RACF accepts is unconfirmed).
    reportYearRange(date.text, `${what} ${kw.name}`, (m) =>
      s.issue(date.line, "date-out-of-range", m, "warning", date.column),
    );
  }
  if (time) {
    const [h, mi, se = 0] = time.text.split(":").map(Number) as [number, number, number?];
    if (h > 23 || mi > 59 || se > 59) {
      s.issue(
        time.line,
        "invalid-time",
        `${what} ${kw.name}: TIME(${time.text}) is not a time of day (00:00:00–23:59:59); RACF rejects the command; skipped`,
        "error",
        time.column,
      );
      return null;
    }
  }
  return {
    date: date?.text ?? null,
    time: time ? (time.text.length === 5 ? `${time.text}:00` : time.text) : null,
  };
}

export function gencert(s: ApplyState, cmd: ParsedCommand, fn: Keyword): void {
  const what = "RACDCERT GENCERT";
  const owner = racdcertOwner(s, cmd, cmd.keywords, what);
  if (!owner) return;
  const kws = cmd.keywords;
  const model = s.ctx.model;
  const source = s.source(cmd.line, cmd.column);
  const withLabel = keyword(kws, "WITHLABEL");
  const label = withLabel ? s.label(withLabel.values[0], what, withLabel.line) : s.nextLabel(cmd.line);
  if (label === null) return;
  // A request GENREQ wrote from a certificate RACF holds the key of: GENCERT signs that same
  // certificate ("use the resulting request as input to RACDCERT GENCERT to sign the replicated
  // certificate", IBM KC21 icha400/le-rekey.htm), which keeps its key, label and connections.
  const renewed = fn.values[0] ? s.requests.get(datasetKey(fn.values[0].text)) : undefined;
  const renewing =
    renewed !== undefined &&
    renewed.owner === owner &&
    renewed.privateKey === true &&
    model.certificate(owner, renewed.label) === renewed;
  if (!renewing && model.certificate(owner, label)) {
    s.labelInUse(cmd, what, owner, label);
    return;
  }
  const cert = blankCertificate(owner, renewing ? renewed.label : label, [source]);

  // ---- validity: RACF's defaults are the run time and one year later (IBM le-gencert.htm,
  // rules §6 [UNCONFIRMED]); TIME defaults to 00:00:00 / 23:59:59.
  const nb = dateOperand(s, keyword(kws, "NOTBEFORE"), what);
  const na = dateOperand(s, keyword(kws, "NOTAFTER"), what);
  if (!nb || !na) return;
  let usedRanAt = false;
  const ranAt = s.ctx.ranAt;
  let notBefore: Date;
  if (nb.date === null && nb.time === null) {
    notBefore = new Date(Math.floor(ranAt.getTime() / 1000) * 1000);
    usedRanAt = true;
  } else {
    const day = nb.date ?? ranAt.toISOString().slice(0, 10);
    if (nb.date === null) usedRanAt = true;
    notBefore = new Date(`${day}T${nb.time ?? "00:00:00"}Z`);
  }
  let notAfter: Date;
  if (na.date === null) {
    const d = new Date(notBefore.getTime());
    d.setUTCFullYear(d.getUTCFullYear() + 1);
    const day = d.toISOString().slice(0, 10);
    notAfter =
      na.time === null && nb.date === null && nb.time === null
        ? d
        : new Date(`${day}T${na.time ?? "23:59:59"}Z`);
    if (nb.date === null) usedRanAt = true;
  } else notAfter = new Date(`${na.date}T${na.time ?? "23:59:59"}Z`);
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) {
    s.issue(
      cmd.line,
      "invalid-date",
      `${what}: NOTBEFORE/NOTAFTER is not a valid date; RACF rejects the command; skipped`,
      "error",
      cmd.column,
    );
    return;
  }
  if (notBefore.getTime() >= notAfter.getTime()) {
    s.issue(
      cmd.line,
      "dates-reversed",
      `${what}: NOTBEFORE (${notBefore.toISOString()}) is not earlier than NOTAFTER (${notAfter.toISOString()}); RACF rejects the command (IRRD133I); skipped`,
      "error",
      cmd.column,
    );
    return;
  }
  cert.notBefore = notBefore.toISOString().replace(/\.000Z$/, "Z");
  cert.notAfter = notAfter.toISOString().replace(/\.000Z$/, "Z");
  if (keyword(kws, "NOTBEFORE") || keyword(kws, "NOTAFTER")) {
    model.assume(
      "RACDCERT NOTBEFORE/NOTAFTER are the z/OS system's local time; racfring reads them as UTC",
      source,
    );
  }
  if (usedRanAt && !s.ctx.ranAtGiven) {
    cert.datesAssumed = true;
    model.assume(
      "GENCERT without NOTBEFORE/NOTAFTER: RACF uses the time the job ran and one year later; the run time is unknown, so racfring used the current time (set it with --ran-at)",
      source,
    );
  }

  // ---- the request data set: certificate signed for someone else's key ----------------
  const fromRequest = fn.values.length > 0;
  let request: ReturnType<typeof readRequestFile> = null;
  if (fromRequest) {
    cert.fromRequest = true;
    // The key pair stays with the requester: RACF holds no private key [UNCONFIRMED], rules §6.
    cert.privateKey = false;
    const ds = s.dataset(fn.values[0]);
    if (!ds) {
      s.issue(
        fn.line,
        "dataset-not-mapped",
        `${what}: request data set ${(fn.values[0]?.text ?? "").toUpperCase()} is not mapped to a file (--dataset NAME=FILE); subject and key taken from the command only`,
        "info",
        fn.column,
      );
    } else {
      request = readRequestFile(ds.data);
      if (!request) {
        s.issue(
          fn.line,
          "dataset-unreadable",
          `${what}: ${ds.file} (data set ${ds.name}) is not a PKCS#10 request racfring can read`,
          "warning",
          fn.column,
        );
      }
    }
  }

  // ---- subject, alternative names --------------------------------------------------------
  const subjectKw = keyword(kws, "SUBJECTSDN");
  if (subjectKw) cert.subject = subjectDn(subjectKw.sub);
  else if (request?.subject) cert.subject = request.subject;
  else {
    model.assume(
      "GENCERT without SUBJECTSDN: RACF builds the subject from the owner's profile (programmer name, user id); racfring leaves it unknown",
      source,
    );
  }
  const altKw = keyword(kws, "ALTNAME");
  if (altKw) cert.altNames = altNames(altKw.sub);
  else if (request) cert.altNames = request.altNames;

  // ---- key ---------------------------------------------------------------------------------
  const typeKw = (["NISTECC", "BPECC", "DSA", "RSA"] as const).find((t) => hasKeyword(kws, t));
  const keyType: KeyType | null = typeKw ?? (fromRequest ? (request?.keyType ?? null) : "RSA");
  cert.keyType = keyType;
  const sizeValue = firstValue(kws, "SIZE");
  if (sizeValue) {
    // Whole digits only: parseInt read SIZE(1e308) as 1 and SIZE(2048.5) as 2048.
    const size = /^\d{1,6}$/.test(sizeValue.text) ? Number(sizeValue.text) : Number.NaN;
    if (Number.isNaN(size) || size <= 0) {
      s.issue(
        sizeValue.line,
        "invalid-size",
        `${what}: SIZE(${sizeValue.text}) is not a key size in bits (a whole number); key size unknown`,
        "warning",
        sizeValue.column,
      );
    } else cert.keySize = size;
  } else if (fromRequest && request) cert.keySize = request.keySize;
  else if (!fromRequest) {
    model.assume(
      "GENCERT without SIZE: RACF's default key size depends on the key type and z/OS release; racfring leaves it unknown",
      source,
    );
  }
  if (!fromRequest) {
    cert.privateKey = true;
    const store = keyStore(kws, firstValue(kws, "WITHLABEL")?.text ?? null);
    cert.keyStore = store.store;
    if (store.label !== null) cert.icsfLabel = store.label;
  }

  // ---- key usage: CERTSIGN for CA certificates, else no extension, when KEYUSAGE is absent
  // (IBM le-gencert.htm "Logic for the keyUsage extension" [UNCONFIRMED details]).
  const kuKw = keyword(kws, "KEYUSAGE");
  if (kuKw)
    cert.keyUsage = kuKw.sub
      .map((k) => k.name)
      .filter((n): n is KeyUsage => ["HANDSHAKE", "DATAENCRYPT", "DOCSIGN", "CERTSIGN"].includes(n));
  else if (owner === "CERTAUTH") cert.keyUsage = ["CERTSIGN"];
  else if (owner === "SITE") {
    // A SITE certificate may be a server certificate or a signer; RACF's default key usage for
    // it is not confirmed, so it stays unknown rather than predicting 440 on a guess.
    cert.keyUsage = null;
    model.assume(
      "GENCERT SITE without KEYUSAGE: RACF's default key usage for SITE certificates is not known to racfring [UNCONFIRMED]; key usage left unknown",
      source,
    );
  } else cert.keyUsage = fromRequest ? null : [];

  // ---- signer --------------------------------------------------------------------------------
  const signKw = keyword(kws, "SIGNWITH");
  if (signKw) {
    const signerOwner: CertOwner = hasKeyword(signKw.sub, "CERTAUTH")
      ? "CERTAUTH"
      : hasKeyword(signKw.sub, "SITE")
        ? "SITE"
        : owner;
    if (signerOwner === owner && owner !== "CERTAUTH" && owner !== "SITE") {
      model.assume(
        "SIGNWITH(LABEL(...)) without CERTAUTH or SITE names a certificate of the same user as the certificate being generated [UNCONFIRMED]",
        source,
      );
    }
    const signerLabel = s.label(firstValue(signKw.sub, "LABEL"), `${what} SIGNWITH`, signKw.line);
    if (signerLabel === null) return;
    cert.signer = { owner: signerOwner, label: signerLabel };
    cert.selfSigned = false;
    const signer = model.certificate(signerOwner, signerLabel);
    if (signer) {
      cert.issuer = signer.subject;
      cert.signatureAlgorithm = signatureAlgorithmFor(signer.keyType);
      if (signer.privateKey === false) {
        s.issue(
          signKw.line,
          "signer-no-private-key",
          `${what}: the signing certificate ${signerOwner} '${signerLabel}' has no private key in RACF; RACF rejects the command`,
          "error",
          signKw.column,
        );
      }
    } else {
      s.issue(
        signKw.line,
        "signer-not-found",
        `${what}: the signing certificate ${signerOwner} '${signerLabel}' is not defined in the inputs; issuer left unknown (RACF rejects the command unless it exists)`,
        "warning",
        signKw.column,
      );
    }
  } else if (fromRequest) {
    s.issue(
      fn.line,
      "signwith-missing",
      `${what} from a request without SIGNWITH: RACF holds no key to sign with; issuer left unknown`,
      "warning",
      fn.column,
    );
  } else {
    cert.issuer = cert.subject;
    cert.selfSigned = true;
    cert.signatureAlgorithm = signatureAlgorithmFor(keyType);
  }
  if (cert.signatureAlgorithm !== null) {
    model.assume(
      "GENCERT signature algorithm taken as SHA-256 with the signer's key type (RACF's current default) [UNCONFIRMED]",
      source,
    );
  }
  if (renewing) {
    renewFromRequest(s, renewed, cert, fn, withLabel !== undefined && label !== renewed.label);
    return;
  }
  model.addCertificate(cert);
}

/** Apply a GENCERT of a GENREQ request to the certificate the request came from. */
export function renewFromRequest(
  s: ApplyState,
  target: Certificate,
  signed: Certificate,
  fn: Keyword,
  labelIgnored: boolean,
): void {
  const {
    owner: _o,
    label: _l,
    sources,
    privateKey: _p,
    keyStore: _k,
    icsfLabel: _i,
    keyType,
    keySize,
    ...facts
  } = signed;
  Object.assign(target, facts, { fromRequest: false, status: "TRUST" });
  if (keyType !== null) target.keyType = keyType;
  if (keySize !== null) target.keySize = keySize;
  target.sources.push(...sources);
  s.issue(
    fn.line,
    "certificate-renewed",
    `RACDCERT GENCERT: the request was written by GENREQ from ${target.owner} '${target.label}', so that certificate is signed anew and keeps its private key, label and ring connections [IBM le-rekey.htm]${labelIgnored ? "; WITHLABEL is not applied to it [UNCONFIRMED]" : ""}`,
    "info",
    fn.column,
  );
}
