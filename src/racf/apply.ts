import { setGrplist } from "../model/access.js";
import { dnEquals } from "../model/dn.js";
import { blankCertificate, MAX_LABEL, MAX_RING, USERID_RE, userOwner } from "../model/model.js";
import type {
  AccessLevel,
  AltName,
  Certificate,
  CertOwner,
  KeyStore,
  KeyType,
  KeyUsage,
  Profile,
  RingUsage,
  Severity,
  Source,
} from "../model/types.js";
import { ACCESS_ORDER } from "../model/types.js";
import { type ReadContext, report, src } from "../readers/context.js";
import { readCertificateFile, readRequestFile } from "./dataset.js";
import { firstValue, hasKeyword, type Keyword, keyword, type ParsedCommand, type Value } from "./parse.js";
import { notRefreshed, refreshReading } from "./refresh.js";

/**
 * Applying parsed RACF commands to the model, with RACF's semantics (rules §6 and the
 * IBM RACF Command Language Reference pages cited per command). When RACF would reject a
 * command, the command is reported (with the IBM message number where we know it) and not
 * applied, so the model shows what RACF would really hold after the job.
 */

export interface ApplyOptions {
  /** USER= of the JOB statement: who RACDCERT acts for when a command names no owner. */
  jobUser: string | null;
}

/** State that lives for one input (generated labels are numbered per input). */
/** Data set names compare without quotes, in upper case. */
function datasetKey(name: string): string {
  return name.replace(/^'|'$/g, "").toUpperCase();
}

export class CommandApplier {
  private readonly ctx: ReadContext;
  private readonly jobUser: string | null;
  private generatedLabels = 0;

  constructor(ctx: ReadContext, options: ApplyOptions = { jobUser: null }) {
    this.ctx = ctx;
    this.jobUser = options.jobUser;
  }

  /** Apply one parsed command. Never throws on bad input. */
  apply(cmd: ParsedCommand): void {
    switch (cmd.verb) {
      case "RACDCERT":
        this.racdcert(cmd);
        return;
      case "ADDUSER":
      case "ALTUSER":
        this.user(cmd);
        return;
      case "DELUSER":
        this.delUser(cmd);
        return;
      case "ADDGROUP":
        this.addGroup(cmd);
        return;
      case "DELGROUP":
        this.delGroup(cmd);
        return;
      case "CONNECT":
      case "REMOVE":
        this.groupConnect(cmd);
        return;
      case "RDEFINE":
      case "RALTER":
        this.profileDefine(cmd);
        return;
      case "RDELETE":
        this.profileDelete(cmd);
        return;
      case "PERMIT":
        this.permit(cmd);
        return;
      case "SETROPTS":
        this.setropts(cmd);
        return;
      default:
        if (cmd.spec.role === "not-modelled") {
          this.issue(
            cmd.line,
            "not-modelled",
            `${cmd.verb} does not affect key rings and is not modelled; ignored`,
            "info",
            cmd.column,
          );
        }
    }
  }

  // ---- helpers --------------------------------------------------------------------------

  private source(line: number, column?: number): Source {
    return src(this.ctx, "jcl", line, column);
  }

  private issue(
    line: number,
    code: string,
    message: string,
    severity: Severity = "warning",
    column?: number,
  ): void {
    report(this.ctx, line, code, message, severity, column);
  }

  /** A user id from a value: upper case, 1–8 characters of A–Z 0–9 # $ @, not starting with a digit. */
  private userId(v: Value | undefined, what: string, line: number): string | null {
    if (!v || v.text === "") {
      this.issue(line, "missing-user-id", `${what}: no user id given; command skipped`, "error");
      return null;
    }
    const id = v.text.toUpperCase();
    if (id.length > 8) {
      this.issue(
        v.line,
        "user-id-too-long",
        `${what}: user id ${id} is ${id.length} characters; RACF user ids have 1–8; command skipped`,
        "error",
        v.column,
      );
      return null;
    }
    if (!USERID_RE.test(id)) {
      this.issue(
        v.line,
        "invalid-user-id",
        `${what}: ${id} is not a valid RACF user id (A–Z, 0–9, #, $, @; not starting with a digit); command skipped`,
        "error",
        v.column,
      );
      return null;
    }
    return id;
  }

  /** A certificate label: 1–32 characters, case kept (rules §6). */
  private label(v: Value | undefined, what: string, line: number): string | null {
    if (!v || v.text === "") {
      this.issue(line, "missing-label", `${what}: no LABEL given; command skipped`, "error");
      return null;
    }
    if (v.text.length > MAX_LABEL) {
      this.issue(
        v.line,
        "label-too-long",
        `${what}: label '${v.text}' is ${v.text.length} characters; RACF labels have at most ${MAX_LABEL}; command skipped`,
        "error",
        v.column,
      );
      return null;
    }
    return v.text;
  }

  /** A ring name: 1–237 characters, case-sensitive (IBM KC21 icha700/tringp.htm). */
  private ringName(v: Value | undefined, what: string, line: number): string | null {
    if (!v || v.text === "") {
      this.issue(line, "missing-ring", `${what}: no ring name given; command skipped`, "error");
      return null;
    }
    if (v.text.length > MAX_RING) {
      this.issue(
        v.line,
        "ring-name-too-long",
        `${what}: ring name is ${v.text.length} characters; at most ${MAX_RING}; command skipped`,
        "error",
        v.column,
      );
      return null;
    }
    return v.text;
  }

  private accessLevel(v: Value | undefined, what: string): AccessLevel | null {
    if (!v) return null;
    const up = v.text.toUpperCase();
    const level = ACCESS_ORDER.find((a) => a === up);
    if (!level) {
      this.issue(
        v.line,
        "invalid-access",
        `${what}: ${up} is not an access level (${ACCESS_ORDER.join(", ")}); ignored`,
        "warning",
        v.column,
      );
      return null;
    }
    return level;
  }

  /** Refer to a user (implied if never defined). Ids that are groups are left alone. */
  private refer(id: string, source: Source): void {
    if (id === "*" || this.ctx.model.state.groups.some((g) => g.id === id)) return;
    this.ctx.model.referUser(id, source);
  }

  private secretFinding(cmd: ParsedCommand, kw: Keyword): void {
    // A JCL symbol (PASSWORD('&P12PW1') in a SYMBOLS=JCLONLY step) is substituted at submit
    // time: the job itself holds no password, so there is nothing to report.
    if (kw.values.every((v) => /^&[A-Z#$@][A-Z0-9#$@]{0,7}\.?$/i.test(v.text))) return;
    // The value is a secret: the message names the keyword only.
    this.issue(
      kw.line,
      "password-in-job",
      `${cmd.verb} ${kw.name}: a ${kw.name === "PHRASE" ? "password phrase" : "password"} is written in clear text in the job (value not shown); anyone who can read the job or its output can read it`,
      "warning",
      kw.column,
    );
  }

  // ---- RACDCERT -------------------------------------------------------------------------

  /** Outer owner of a RACDCERT command: ID(user), CERTAUTH, SITE, else the job's user. */
  private racdcertOwner(cmd: ParsedCommand, kws: readonly Keyword[], what: string): CertOwner | null {
    if (hasKeyword(kws, "CERTAUTH")) return "CERTAUTH";
    if (hasKeyword(kws, "SITE")) return "SITE";
    const idKw = keyword(kws, "ID");
    if (idKw) {
      const id = this.userId(idKw.values[0], what, idKw.line);
      if (!id) return null;
      this.ctx.model.referUser(id, this.source(idKw.line, idKw.column));
      return userOwner(id);
    }
    if (this.jobUser && USERID_RE.test(this.jobUser)) {
      this.ctx.model.assume(
        `RACDCERT commands without ID()/CERTAUTH/SITE act for the user who ran the job; racfring took USER=${this.jobUser} from the JOB statement`,
        this.source(cmd.line),
      );
      this.ctx.model.referUser(this.jobUser, this.source(cmd.line));
      return userOwner(this.jobUser);
    }
    this.issue(
      cmd.line,
      "owner-unknown",
      `${what}: no ID(), CERTAUTH or SITE, so RACF acts for the user who runs the job, which this input does not say (no USER= on the JOB statement); command skipped`,
      "warning",
      cmd.column,
    );
    return null;
  }

  private static readonly FUNCTIONS = [
    "ADD",
    "ADDRING",
    "ALTER",
    "CHECKCERT",
    "CONNECT",
    "DELETE",
    "DELRING",
    "EXPORT",
    "GENCERT",
    "GENREQ",
    "LIST",
    "LISTCHAIN",
    "LISTRING",
    "REMOVE",
    "REKEY",
    "ROLLOVER",
    "IMPORT",
    "BIND",
    "UNBIND",
    "ADDTOKEN",
    "DELTOKEN",
    "LISTTOKEN",
    "MAP",
    "ALTMAP",
    "DELMAP",
    "LISTMAP",
  ];

  private racdcert(cmd: ParsedCommand): void {
    const kws = cmd.keywords;
    for (const k of kws) if (k.sensitive && k.values.length > 0) this.secretFinding(cmd, k);
    const functions = kws.filter((k) => CommandApplier.FUNCTIONS.includes(k.name));
    if (functions.length > 1) {
      this.issue(
        cmd.line,
        "conflicting-functions",
        `RACDCERT with more than one function (${functions.map((f) => f.name).join(", ")}): RACF rejects the command; skipped`,
        "error",
        cmd.column,
      );
      return;
    }
    const fn = functions[0];
    // RACDCERT with no function lists the certificates (IBM: LIST is the default function).
    if (!fn) return;
    const what = `RACDCERT ${fn.name}`;
    switch (fn.name) {
      case "ADDRING":
      case "DELRING":
        this.ringCommand(cmd, fn, what);
        return;
      case "CONNECT":
      case "REMOVE":
        this.connectCommand(cmd, fn, what);
        return;
      case "GENCERT":
        this.gencert(cmd, fn);
        return;
      case "ADD":
        this.addCert(cmd, fn);
        return;
      case "ALTER":
      case "DELETE":
      case "GENREQ":
      case "EXPORT":
        this.certCommand(cmd, fn, what);
        return;
      case "LIST":
      case "LISTRING":
      case "LISTCHAIN":
      case "CHECKCERT":
        return; // listing functions change nothing
      default:
        this.issue(
          fn.line,
          "not-modelled",
          `${what} is not modelled: racfring's model may differ from RACF after it`,
          "info",
          fn.column,
        );
    }
  }

  private ringCommand(cmd: ParsedCommand, fn: Keyword, what: string): void {
    const owner = this.racdcertOwner(cmd, cmd.keywords, what);
    if (!owner) return;
    if (owner === "CERTAUTH" || owner === "SITE") {
      this.issue(
        cmd.line,
        "ring-owner-not-user",
        `${what}: only users own key rings, not ${owner} (IBM message IRRD120I); command skipped`,
        "error",
        cmd.column,
      );
      return;
    }
    const user = owner.slice(3, -1);
    const name = this.ringName(fn.values[0], what, fn.line);
    if (name === null) return;
    const model = this.ctx.model;
    if (fn.name === "ADDRING") {
      if (model.ring(user, name)) {
        this.issue(
          fn.line,
          "ring-exists",
          `${what}: ring ${user}/${name} already exists; RACF rejects the command`,
          "warning",
          fn.column,
        );
        return;
      }
      model.addRing(user, name, this.source(cmd.line, cmd.column));
      return;
    }
    if (!model.deleteRing(user, name)) {
      this.issue(
        fn.line,
        "ring-not-found",
        `${what}: ring ${user}/${name} is not defined in the inputs`,
        "warning",
        fn.column,
      );
    }
  }

  /** Certificate owner inside CONNECT(...)/REMOVE(...): inner ID/CERTAUTH/SITE, else the ring owner. */
  private innerOwner(sub: readonly Keyword[], ringOwner: string, what: string): CertOwner | null {
    if (hasKeyword(sub, "CERTAUTH")) return "CERTAUTH";
    if (hasKeyword(sub, "SITE")) return "SITE";
    const idKw = keyword(sub, "ID");
    if (idKw) {
      const id = this.userId(idKw.values[0], `${what} ID()`, idKw.line);
      if (!id) return null;
      this.ctx.model.referUser(id, this.source(idKw.line, idKw.column));
      return userOwner(id);
    }
    return userOwner(ringOwner);
  }

  private connectCommand(cmd: ParsedCommand, fn: Keyword, what: string): void {
    const ringOwnerFull = this.racdcertOwner(cmd, cmd.keywords, what);
    if (!ringOwnerFull) return;
    if (ringOwnerFull === "CERTAUTH" || ringOwnerFull === "SITE") {
      this.issue(
        cmd.line,
        "ring-owner-not-user",
        `${what}: the outer ${ringOwnerFull} names the ring owner, and only users own key rings (IBM message IRRD120I); use ID(user) outside and ${ringOwnerFull} inside ${fn.name}(...); command skipped`,
        "error",
        cmd.column,
      );
      return;
    }
    const ringOwner = ringOwnerFull.slice(3, -1);
    const sub = fn.sub;
    if (!hasKeyword(sub, "LABEL") && (hasKeyword(sub, "SERIALNUMBER") || hasKeyword(sub, "ISSUERSDN"))) {
      this.issue(
        fn.line,
        "not-modelled",
        `${what} by SERIALNUMBER/ISSUERSDN is not modelled; give LABEL('...'); command skipped`,
        "warning",
        fn.column,
      );
      return;
    }
    const certOwner = this.innerOwner(sub, ringOwner, what);
    if (!certOwner) return;
    const label = this.label(firstValue(sub, "LABEL"), what, fn.line);
    if (label === null) return;
    const ringName = this.ringName(firstValue(sub, "RING"), what, fn.line);
    if (ringName === null) return;
    const model = this.ctx.model;
    if (ringName === "*") {
      // <user>/* is the user's virtual ring: every certificate the user owns, nothing to
      // connect (IBM KC21 icha700/uvkr.htm). RACF has no ring of that name.
      this.issue(
        fn.line,
        "virtual-ring",
        `${what}: RING(*) names ${ringOwner}'s virtual key ring (all the certificates ${ringOwner} owns), which cannot be changed; RACF rejects the command — ADDRING a real ring and ${fn.name === "CONNECT" ? "connect to" : "use"} it; skipped`,
        "error",
        fn.column,
      );
      return;
    }
    const ring = model.ring(ringOwner, ringName);
    if (!ring) {
      this.issue(
        fn.line,
        "ring-not-found",
        `${what}: ring ${ringOwner}/${ringName} is not defined in the inputs (ring names are case-sensitive); RACF rejects the command (IRRD114I) unless it exists; skipped`,
        "error",
        fn.column,
      );
      return;
    }
    const cert = model.certificate(certOwner, label);
    if (fn.name === "REMOVE") {
      if (!model.disconnect(ring, certOwner, label)) {
        this.issue(
          fn.line,
          "not-connected",
          `${what}: ${certOwner} '${label}' is not connected to ${ringOwner}/${ringName}`,
          "warning",
          fn.column,
        );
      }
      return;
    }
    if (!cert) {
      this.issue(
        fn.line,
        "certificate-not-found",
        `${what}: certificate ${certOwner} '${label}' is not defined in the inputs (labels are case-sensitive); RACF rejects the command unless it exists; skipped`,
        "error",
        fn.column,
      );
      return;
    }
    // USAGE defaults to the certificate's kind (rules §6, [3rd]).
    const kind: RingUsage =
      certOwner === "CERTAUTH" ? "CERTAUTH" : certOwner === "SITE" ? "SITE" : "PERSONAL";
    let usage: RingUsage = kind;
    const usageValue = firstValue(sub, "USAGE");
    if (usageValue) {
      const up = usageValue.text.toUpperCase();
      const found = (["PERSONAL", "CERTAUTH", "SITE"] as const).find(
        (u) => u === up || (up.length >= 1 && u.startsWith(up)),
      );
      if (found) usage = found;
      else {
        this.issue(
          usageValue.line,
          "invalid-usage",
          `${what}: USAGE(${up}) is not PERSONAL, CERTAUTH or SITE; the default ${kind} is used`,
          "warning",
          usageValue.column,
        );
      }
    }
    model.connect(ring, {
      owner: certOwner,
      label,
      usage,
      default: hasKeyword(sub, "DEFAULT"),
      sources: [this.source(cmd.line, cmd.column)],
    });
  }

  /** ALTER, DELETE, GENREQ, EXPORT: a certificate named by owner and LABEL. */
  private certCommand(cmd: ParsedCommand, fn: Keyword, what: string): void {
    const owner = this.racdcertOwner(cmd, cmd.keywords, what);
    if (!owner) return;
    if (!hasKeyword(fn.sub, "LABEL")) {
      this.issue(
        fn.line,
        "not-modelled",
        `${what} without LABEL('...') is not modelled; skipped`,
        "warning",
        fn.column,
      );
      return;
    }
    const label = this.label(firstValue(fn.sub, "LABEL"), what, fn.line);
    if (label === null) return;
    const model = this.ctx.model;
    const cert = model.certificate(owner, label);
    if (!cert) {
      this.issue(
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
        const status = hasKeyword(kws, "HIGHTRUST")
          ? "HIGHTRUST"
          : hasKeyword(kws, "NOTRUST")
            ? "NOTRUST"
            : hasKeyword(kws, "TRUST")
              ? "TRUST"
              : null;
        if (status) cert.status = status;
        const newLabel = keyword(kws, "NEWLABEL");
        if (newLabel) {
          const nl = this.label(newLabel.values[0], `${what} NEWLABEL`, newLabel.line);
          if (nl === null) return;
          if (model.certificate(owner, nl)) {
            this.issue(
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
        cert.sources.push(this.source(cmd.line, cmd.column));
        return;
      }
      case "GENREQ": {
        if (cert.privateKey === false) {
          this.issue(
            fn.line,
            "no-private-key",
            `${what}: RACF holds no private key for ${owner} '${label}'; GENREQ needs one`,
            "warning",
            fn.column,
          );
        }
        const dsn = firstValue(kws, "DSN");
        if (dsn) this.requests.set(datasetKey(dsn.text), cert);
        return;
      }
      case "EXPORT": {
        const format = firstValue(kws, "FORMAT")?.text.toUpperCase() ?? "CERTB64";
        if (format.startsWith("PKCS12") && cert.privateKey === false) {
          this.issue(
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

  private nextLabel(line: number): string {
    this.generatedLabels++;
    const label = `LABEL${String(this.generatedLabels).padStart(8, "0")}`;
    this.ctx.model.assume(
      "RACDCERT without WITHLABEL: RACF generates a label LABELnnnnnnnn from a counter racfring cannot know; racfring numbered them from 1 per input",
      this.source(line),
    );
    return label;
  }

  /** Look up a data set the user mapped with --dataset (TSO prefixes unquoted names with the user id). */
  private dataset(v: Value | undefined): { name: string; data: Uint8Array; file: string } | null {
    if (!v) return null;
    const name = v.text.replace(/^'|'$/g, "").toUpperCase();
    const direct = this.ctx.datasets.get(name);
    if (direct) return { name, data: direct.data, file: direct.file };
    if (!v.quoted) {
      // TSO adds the user's prefix to an unquoted name: accept a mapping for PREFIX.name.
      for (const [dsn, f] of this.ctx.datasets)
        if (dsn.endsWith(`.${name}`)) return { name: dsn, data: f.data, file: f.file };
    }
    return null;
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
  private renewInPlace(existing: Certificate, fn: Keyword, what: string, source: Source): boolean {
    if (existing.privateKey !== true) return false;
    const at = this.ctx.ranAt.getTime();
    if (existing.notAfter !== null && Date.parse(existing.notAfter) < at) return false;
    const ds = this.dataset(fn.values[0]);
    const facts = ds ? readCertificateFile(ds.data) : null;
    if (!facts || !dnEquals(facts.subject, existing.subject)) return false;
    const { privateKeyInFile: _ignored, ...x509 } = facts;
    Object.assign(existing, x509, { privateKey: true, datesAssumed: false, fromRequest: false });
    existing.sources.push(source);
    this.issue(
      fn.line,
      "certificate-renewed",
      `${what}: ${existing.owner} '${existing.label}' is replaced by the certificate in ${ds?.file ?? "the data set"} (same subject, existing private key kept; ring connections unchanged) [3rd]`,
      "info",
      fn.column,
    );
    this.ctx.model.assume(
      "RACDCERT ADD over an existing certificate with a private key and the same subject renews it in place (key, label and connections kept) [3rd: CA Top Secret's RACF-compatible replacement rules]",
      source,
    );
    return true;
  }

  private addCert(cmd: ParsedCommand, fn: Keyword): void {
    const what = "RACDCERT ADD";
    const owner = this.racdcertOwner(cmd, cmd.keywords, what);
    if (!owner) return;
    const kws = cmd.keywords;
    const withLabel = keyword(kws, "WITHLABEL");
    const label = withLabel
      ? this.label(withLabel.values[0], what, withLabel.line)
      : this.nextLabel(cmd.line);
    if (label === null) return;
    const model = this.ctx.model;
    const source = this.source(cmd.line, cmd.column);
    const existing = model.certificate(owner, label);
    if (existing && this.renewInPlace(existing, fn, what, source)) return;
    if (existing) {
      this.issue(
        cmd.line,
        "label-in-use",
        `${what}: ${owner} already has a certificate labelled '${label}'; RACF rejects the command`,
        "error",
        cmd.column,
      );
      return;
    }
    const cert = blankCertificate(owner, label, [source]);
    const dsValue = fn.values[0];
    const ds = this.dataset(dsValue);
    const explicit = hasKeyword(kws, "HIGHTRUST")
      ? "HIGHTRUST"
      : hasKeyword(kws, "NOTRUST")
        ? "NOTRUST"
        : hasKeyword(kws, "TRUST")
          ? "TRUST"
          : null;
    if (!ds) {
      this.issue(
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
      this.issue(
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
    const at = this.ctx.ranAt.getTime();
    const outside =
      (facts.notAfter !== null && Date.parse(facts.notAfter) < at) ||
      (facts.notBefore !== null && Date.parse(facts.notBefore) > at);
    if (outside && explicit === null) {
      // [UNCONFIRMED] rules §6: RACF adds an expired (or not yet valid) certificate as
      // NOTRUST unless TRUST/HIGHTRUST is given.
      cert.status = "NOTRUST";
      this.issue(
        fn.line,
        "added-notrust",
        `${what}: certificate ${owner} '${label}' is outside its validity (${facts.notBefore} – ${facts.notAfter}) when the job ran (${this.ctx.ranAt.toISOString()}), so RACF adds it as NOTRUST [UNCONFIRMED]`,
        "info",
        fn.column,
      );
      this.ctx.model.assume(
        "RACDCERT ADD of an expired or not yet valid certificate without TRUST/HIGHTRUST gives status NOTRUST [UNCONFIRMED]",
        source,
      );
    } else if (explicit === null && facts.selfSigned === false && facts.issuer !== null) {
      const issuer = facts.issuer;
      const known = model.state.certificates.some(
        (c) => c.status !== "NOTRUST" && dnEquals(c.subject, issuer),
      );
      if (!known) {
        // [UNCONFIRMED] rules §6: a certificate whose issuer RACF cannot verify (issuer
        // certificate not in RACF) comes in NOTRUST unless TRUST/HIGHTRUST is given.
        cert.status = "NOTRUST";
        this.issue(
          fn.line,
          "added-notrust",
          `${what}: the issuer of ${owner} '${label}' (${issuer}) is not a trusted certificate in the inputs, so RACF cannot verify it and adds it as NOTRUST [UNCONFIRMED]; add the CA certificate first or give TRUST`,
          "info",
          fn.column,
        );
        this.ctx.model.assume(
          "RACDCERT ADD of a certificate whose issuer RACF cannot verify, without TRUST/HIGHTRUST, gives status NOTRUST [UNCONFIRMED]",
          source,
        );
      }
    }
    model.addCertificate(cert);
  }

  /** Date and time from NOTBEFORE/NOTAFTER(DATE(yyyy-mm-dd) TIME(hh:mm:ss)). */
  private dateOperand(
    kw: Keyword | undefined,
    what: string,
  ): { date: string | null; time: string | null } | null {
    if (!kw) return { date: null, time: null };
    const date = firstValue(kw.sub, "DATE");
    const time = firstValue(kw.sub, "TIME");
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date.text)) {
      this.issue(
        date.line,
        "invalid-date",
        `${what} ${kw.name}: DATE(${date.text}) is not yyyy-mm-dd; RACF rejects the command; skipped`,
        "error",
        date.column,
      );
      return null;
    }
    if (time && !/^\d{2}:\d{2}(:\d{2})?$/.test(time.text)) {
      this.issue(
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
        this.issue(
          date.line,
          "invalid-date",
          `${what} ${kw.name}: DATE(${date.text}) is not a calendar date${m >= 1 && m <= 12 ? ` (that month has ${last} days)` : ""}; RACF rejects the command; skipped`,
          "error",
          date.column,
        );
        return null;
      }
    }
    if (time) {
      const [h, mi, se = 0] = time.text.split(":").map(Number) as [number, number, number?];
      if (h > 23 || mi > 59 || se > 59) {
        this.issue(
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

  private gencert(cmd: ParsedCommand, fn: Keyword): void {
    const what = "RACDCERT GENCERT";
    const owner = this.racdcertOwner(cmd, cmd.keywords, what);
    if (!owner) return;
    const kws = cmd.keywords;
    const model = this.ctx.model;
    const source = this.source(cmd.line, cmd.column);
    const withLabel = keyword(kws, "WITHLABEL");
    const label = withLabel
      ? this.label(withLabel.values[0], what, withLabel.line)
      : this.nextLabel(cmd.line);
    if (label === null) return;
    // A request GENREQ wrote from a certificate RACF holds the key of: GENCERT signs that same
    // certificate ("use the resulting request as input to RACDCERT GENCERT to sign the replicated
    // certificate", IBM KC21 icha400/le-rekey.htm), which keeps its key, label and connections.
    const renewed = fn.values[0] ? this.requests.get(datasetKey(fn.values[0].text)) : undefined;
    const renewing =
      renewed !== undefined &&
      renewed.owner === owner &&
      renewed.privateKey === true &&
      model.certificate(owner, renewed.label) === renewed;
    if (!renewing && model.certificate(owner, label)) {
      this.issue(
        cmd.line,
        "label-in-use",
        `${what}: ${owner} already has a certificate labelled '${label}'; RACF rejects the command`,
        "error",
        cmd.column,
      );
      return;
    }
    const cert = blankCertificate(owner, renewing ? renewed.label : label, [source]);

    // ---- validity: RACF's defaults are the run time and one year later (IBM le-gencert.htm,
    // rules §6 [UNCONFIRMED]); TIME defaults to 00:00:00 / 23:59:59.
    const nb = this.dateOperand(keyword(kws, "NOTBEFORE"), what);
    const na = this.dateOperand(keyword(kws, "NOTAFTER"), what);
    if (!nb || !na) return;
    let usedRanAt = false;
    const ranAt = this.ctx.ranAt;
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
      this.issue(
        cmd.line,
        "invalid-date",
        `${what}: NOTBEFORE/NOTAFTER is not a valid date; RACF rejects the command; skipped`,
        "error",
        cmd.column,
      );
      return;
    }
    if (notBefore.getTime() >= notAfter.getTime()) {
      this.issue(
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
    if (usedRanAt && !this.ctx.ranAtGiven) {
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
      const ds = this.dataset(fn.values[0]);
      if (!ds) {
        this.issue(
          fn.line,
          "dataset-not-mapped",
          `${what}: request data set ${(fn.values[0]?.text ?? "").toUpperCase()} is not mapped to a file (--dataset NAME=FILE); subject and key taken from the command only`,
          "info",
          fn.column,
        );
      } else {
        request = readRequestFile(ds.data);
        if (!request) {
          this.issue(
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
        this.issue(
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
      const signerLabel = this.label(firstValue(signKw.sub, "LABEL"), `${what} SIGNWITH`, signKw.line);
      if (signerLabel === null) return;
      cert.signer = { owner: signerOwner, label: signerLabel };
      cert.selfSigned = false;
      const signer = model.certificate(signerOwner, signerLabel);
      if (signer) {
        cert.issuer = signer.subject;
        cert.signatureAlgorithm = signatureAlgorithmFor(signer.keyType);
        if (signer.privateKey === false) {
          this.issue(
            signKw.line,
            "signer-no-private-key",
            `${what}: the signing certificate ${signerOwner} '${signerLabel}' has no private key in RACF; RACF rejects the command`,
            "error",
            signKw.column,
          );
        }
      } else {
        this.issue(
          signKw.line,
          "signer-not-found",
          `${what}: the signing certificate ${signerOwner} '${signerLabel}' is not defined in the inputs; issuer left unknown (RACF rejects the command unless it exists)`,
          "warning",
          signKw.column,
        );
      }
    } else if (fromRequest) {
      this.issue(
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
      this.renewFromRequest(renewed, cert, fn, withLabel !== undefined && label !== renewed.label);
      return;
    }
    model.addCertificate(cert);
  }

  /** Apply a GENCERT of a GENREQ request to the certificate the request came from. */
  private renewFromRequest(
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
    this.issue(
      fn.line,
      "certificate-renewed",
      `RACDCERT GENCERT: the request was written by GENREQ from ${target.owner} '${target.label}', so that certificate is signed anew and keeps its private key, label and ring connections [IBM le-rekey.htm]${labelIgnored ? "; WITHLABEL is not applied to it [UNCONFIRMED]" : ""}`,
      "info",
      fn.column,
    );
  }

  // ---- users and groups ------------------------------------------------------------------

  private user(cmd: ParsedCommand): void {
    const ids = cmd.positionals[0] ?? [];
    const model = this.ctx.model;
    for (const k of cmd.keywords) if (k.sensitive && k.values.length > 0) this.secretFinding(cmd, k);
    if (ids.length === 0) {
      this.issue(cmd.line, "missing-user-id", `${cmd.verb}: no user id given; skipped`, "error", cmd.column);
      return;
    }
    for (const v of ids) {
      const id = this.userId(v, cmd.verb, cmd.line);
      if (!id) continue;
      const source = this.source(v.line, v.column);
      // ALTUSER of a user the inputs never defined: the user exists in RACF (or RACF fails).
      const user = cmd.verb === "ADDUSER" ? model.defineUser(id, source) : model.referUser(id, source);
      if (cmd.verb === "ALTUSER" && !user.sources.includes(source)) user.sources.push(source);
      if (hasKeyword(cmd.keywords, "SPECIAL")) user.special = true;
      if (hasKeyword(cmd.keywords, "NOSPECIAL")) user.special = false;
      if (hasKeyword(cmd.keywords, "REVOKE")) user.revoked = true;
      if (hasKeyword(cmd.keywords, "RESUME")) user.revoked = false;
      const group = firstValue(cmd.keywords, "DFLTGRP");
      if (group) {
        const g = group.text.toUpperCase();
        if (!user.groups.includes(g)) user.groups.push(g);
        user.defaultGroup = g;
      }
    }
  }

  private delUser(cmd: ParsedCommand): void {
    for (const v of cmd.positionals[0] ?? []) {
      const id = this.userId(v, cmd.verb, cmd.line);
      if (!id) continue;
      const model = this.ctx.model;
      const owned = model.certificatesOf(userOwner(id));
      const rings = model.ringsOf(id);
      if (owned.length + rings.length > 0) {
        // DELUSER also removes the user's certificates and key rings [UNCONFIRMED] (IBM RACF
        // Command Language Reference, DELUSER; not checked against a running system).
        for (const c of owned) model.deleteCertificate(c.owner, c.label);
        for (const r of rings) model.deleteRing(r.owner, r.name);
        model.assume(
          "DELUSER also deletes the user's certificates and key rings [UNCONFIRMED]",
          this.source(v.line, v.column),
        );
      }
      if (!model.deleteUser(id)) {
        this.issue(
          v.line,
          "user-not-found",
          `DELUSER: user ${id} is not defined in the inputs`,
          "warning",
          v.column,
        );
      }
    }
  }

  private addGroup(cmd: ParsedCommand): void {
    const groups = this.ctx.model.state.groups;
    for (const v of cmd.positionals[0] ?? []) {
      const id = v.text.toUpperCase();
      if (!USERID_RE.test(id)) {
        this.issue(
          v.line,
          "invalid-group",
          `ADDGROUP: ${id} is not a valid RACF group name (1–8 characters); skipped`,
          "error",
          v.column,
        );
        continue;
      }
      const existing = groups.find((g) => g.id === id);
      if (existing) existing.sources.push(this.source(v.line, v.column));
      else groups.push({ id, sources: [this.source(v.line, v.column)] });
    }
  }

  private delGroup(cmd: ParsedCommand): void {
    const state = this.ctx.model.state;
    for (const v of cmd.positionals[0] ?? []) {
      const id = v.text.toUpperCase();
      const before = state.groups.length;
      state.groups = state.groups.filter((g) => g.id !== id);
      if (state.groups.length === before) {
        this.issue(
          v.line,
          "group-not-found",
          `DELGROUP: group ${id} is not defined in the inputs`,
          "warning",
          v.column,
        );
      }
    }
  }

  /** TSO CONNECT / REMOVE: a user's group connections (not RACDCERT CONNECT). */
  private groupConnect(cmd: ParsedCommand): void {
    const groupValue = firstValue(cmd.keywords, "GROUP");
    if (!groupValue) {
      this.issue(
        cmd.line,
        "group-missing",
        `${cmd.verb} without GROUP(): RACF uses the issuer's current connect group, which this input does not say; skipped`,
        "warning",
        cmd.column,
      );
      return;
    }
    const group = groupValue.text.toUpperCase();
    for (const v of cmd.positionals[0] ?? []) {
      const id = this.userId(v, cmd.verb, cmd.line);
      if (!id) continue;
      const user = this.ctx.model.referUser(id, this.source(v.line, v.column));
      if (cmd.verb === "CONNECT") {
        if (!user.groups.includes(group)) user.groups.push(group);
      } else user.groups = user.groups.filter((g) => g !== group);
    }
  }

  // ---- general resource profiles -----------------------------------------------------------

  private classAndProfiles(cmd: ParsedCommand): { cls: string; names: Value[] } | null {
    const cls = cmd.positionals[0]?.[0]?.text.toUpperCase();
    const names = cmd.positionals[1] ?? [];
    if (!cls || names.length === 0) {
      this.issue(
        cmd.line,
        "missing-operand",
        `${cmd.verb} needs a class and a profile name; skipped`,
        "error",
        cmd.column,
      );
      return null;
    }
    if (cls === "DIGTCERT" || cls === "DIGTRING" || cls === "DIGTNMAP") {
      this.issue(
        cmd.line,
        "racdcert-only-class",
        `${cmd.verb} ${cls}: profiles in ${cls} are maintained by RACDCERT only (IBM KC21 icha700/digurdc.htm); skipped`,
        "warning",
        cmd.column,
      );
      return null;
    }
    return { cls, names };
  }

  private profileDefine(cmd: ParsedCommand): void {
    const target = this.classAndProfiles(cmd);
    if (!target) return;
    this.noteChange(target.cls, cmd.line);
    const model = this.ctx.model;
    const kws = cmd.keywords;
    const uacc = keyword(kws, "UACC");
    const level = uacc ? this.accessLevel(uacc.values[0], `${cmd.verb} UACC`) : null;
    for (const v of target.names) {
      const name = v.text.toUpperCase();
      const source = this.source(v.line, v.column);
      let profile = model.profile(target.cls, name);
      if (cmd.verb === "RDEFINE") {
        if (profile) {
          this.issue(
            v.line,
            "profile-exists",
            `RDEFINE: ${target.cls} ${name} is already defined; RACF rejects the command`,
            "warning",
            v.column,
          );
          continue;
        }
        profile = model.defineProfile(target.cls, name, source);
        this.copyFrom(cmd, profile);
      } else {
        if (!profile) {
          this.issue(
            v.line,
            "profile-not-found",
            `RALTER: ${target.cls} ${name} is not defined in the inputs; RACF rejects the command unless it exists; skipped`,
            "warning",
            v.column,
          );
          continue;
        }
        profile.sources.push(source);
      }
      if (level) profile.uacc = level;
      const appl = keyword(kws, "APPLDATA");
      if (appl) profile.applData = appl.values[0]?.text ?? "";
      if (hasKeyword(kws, "NOAPPLDATA")) profile.applData = null;
      // WARNING lets denied requests through with a logged ICH408I (IBM RACF Security
      // Administrator's Guide, "WARNING mode"); RDEFINE without it defines NOWARNING.
      if (hasKeyword(kws, "WARNING")) profile.warning = true;
      if (hasKeyword(kws, "NOWARNING")) profile.warning = false;
      const stdata = keyword(kws, "STDATA");
      if (stdata) {
        if (target.cls !== "STARTED") {
          this.issue(
            stdata.line,
            "stdata-not-started",
            `${cmd.verb}: STDATA applies to the STARTED class only; ignored`,
            "warning",
            stdata.column,
          );
        } else {
          const prev = profile.stdata ?? { user: null, group: null };
          const u = firstValue(stdata.sub, "USER");
          const g = firstValue(stdata.sub, "GROUP");
          const user = u ? u.text.toUpperCase() : prev.user;
          const group = g ? g.text.toUpperCase() : prev.group;
          profile.stdata = { user, group };
          if (u && user !== null && user !== "=MEMBER") {
            if (this.userId(u, `${cmd.verb} STDATA USER`, stdata.line))
              this.refer(user, this.source(u.line, u.column));
          }
        }
      }
      if (hasKeyword(kws, "NOSTDATA")) profile.stdata = null;
    }
  }

  /**
   * RDEFINE ... FROM(model) [FCLASS(class)]: the new profile starts as a copy of the model
   * profile's UACC, access list, WARNING and application data (IBM RACF Command Language
   * Reference, RDEFINE FROM); operands of the RDEFINE itself then apply on top.
   */
  private copyFrom(cmd: ParsedCommand, profile: Profile): void {
    const from = firstValue(cmd.keywords, "FROM");
    if (!from) return;
    const cls = (firstValue(cmd.keywords, "FCLASS")?.text ?? profile.class).toUpperCase();
    const model = this.ctx.model.profile(cls, from.text.toUpperCase());
    if (!model) {
      this.issue(
        from.line,
        "from-profile-not-found",
        `RDEFINE FROM(${from.text}): ${cls} ${from.text} is not in the inputs, so the new profile's UACC and access list are not known (RACF rejects the command unless it exists)`,
        "warning",
        from.column,
      );
      return;
    }
    profile.uacc = model.uacc;
    profile.access = model.access.map((a) => ({ ...a, sources: [...a.sources] }));
    profile.applData = model.applData;
    if (model.warning !== undefined) profile.warning = model.warning;
  }

  private profileDelete(cmd: ParsedCommand): void {
    const target = this.classAndProfiles(cmd);
    if (!target) return;
    this.noteChange(target.cls, cmd.line);
    for (const v of target.names) {
      const name = v.text.toUpperCase();
      if (!this.ctx.model.deleteProfile(target.cls, name)) {
        this.issue(
          v.line,
          "profile-not-found",
          `RDELETE: ${target.cls} ${name} is not defined in the inputs`,
          "warning",
          v.column,
        );
      }
    }
  }

  private permit(cmd: ParsedCommand): void {
    const names = cmd.positionals[0] ?? [];
    const kws = cmd.keywords;
    const clsValue = firstValue(kws, "CLASS");
    if (names.length === 0) {
      this.issue(cmd.line, "missing-operand", "PERMIT needs a profile name; skipped", "error", cmd.column);
      return;
    }
    if (!clsValue) {
      this.issue(
        cmd.line,
        "not-modelled",
        "PERMIT without CLASS() is for a data set profile; not modelled",
        "info",
        cmd.column,
      );
      return;
    }
    const cls = clsValue.text.toUpperCase();
    if (cls === "DIGTCERT" || cls === "DIGTRING") {
      this.issue(
        cmd.line,
        "racdcert-only-class",
        `PERMIT ${cls}: these profiles are maintained by RACDCERT only; skipped`,
        "warning",
        cmd.column,
      );
      return;
    }
    const model = this.ctx.model;
    const accessKw = keyword(kws, "ACCESS");
    // ACCESS defaults to READ (IBM RACF Command Language Reference, PERMIT).
    const level = accessKw ? this.accessLevel(accessKw.values[0], "PERMIT ACCESS") : "READ";
    if (level === null) return;
    const del = hasKeyword(kws, "DELETE");
    const reset = hasKeyword(kws, "RESET");
    const idKw = keyword(kws, "ID");
    if (!idKw && !reset) {
      this.issue(
        cmd.line,
        "missing-operand",
        "PERMIT without ID() or RESET changes nothing; skipped",
        "warning",
        cmd.column,
      );
      return;
    }
    this.noteChange(cls, cmd.line);
    const ids: string[] = [];
    for (const v of idKw?.values ?? []) {
      const id = v.text.toUpperCase();
      if (id !== "*" && !USERID_RE.test(id)) {
        this.issue(
          v.line,
          id.length > 8 ? "user-id-too-long" : "invalid-user-id",
          `PERMIT ID(${id}): not a valid user or group id (1–8 characters); ignored`,
          "error",
          v.column,
        );
        continue;
      }
      ids.push(id);
    }
    for (const v of names) {
      const name = v.text.toUpperCase();
      const source = this.source(v.line, v.column);
      let profile = model.profile(cls, name);
      if (!profile) {
        if (del || (reset && ids.length === 0)) {
          this.issue(
            v.line,
            "profile-not-found",
            `PERMIT: ${cls} ${name} is not defined in the inputs`,
            "warning",
            v.column,
          );
          continue;
        }
        // Commonly the profile was defined long before this job: keep the permission.
        profile = model.defineProfile(cls, name, source);
        this.assumedProfiles.add(`${cls}|${name}`);
        this.issue(
          v.line,
          "profile-assumed",
          `PERMIT: ${cls} ${name} is not defined in the inputs; racfring assumes it exists with UACC(NONE) (RACF rejects the PERMIT otherwise, ICH06004I)`,
          "warning",
          v.column,
        );
        model.assume(
          `${cls} ${name} exists (PERMIT names it but no input defines it); UACC assumed NONE`,
          source,
        );
      } else profile.sources.push(source);
      if (reset) profile.access = [];
      for (const id of ids) {
        if (del) {
          profile.access = profile.access.filter((a) => a.id !== id);
          continue;
        }
        const entry = profile.access.find((a) => a.id === id);
        if (entry) {
          entry.level = level;
          entry.sources.push(source);
        } else profile.access.push({ id, level, sources: [source] });
        this.refer(id, source);
      }
    }
  }

  // ---- RACLISTed classes waiting for a refresh --------------------------------------------

  /** Request data sets written by GENREQ in this input → the certificate whose key signed them. */
  private readonly requests = new Map<string, Certificate>();

  /** RACLISTed class → line of its first change since the last SETROPTS RACLIST(...) REFRESH. */
  private readonly unrefreshed = new Map<string, number>();

  /**
   * Class → its profiles as RACF last loaded them (at the first change after the last refresh),
   * kept only for `--assume-refreshed no`, to put back at the end of the input.
   */
  private readonly inStorage = new Map<string, Profile[]>();

  /** Profiles a PERMIT assumed to exist (defined before this input): they exist either way. */
  private readonly assumedProfiles = new Set<string>();

  /**
   * RACF checks a RACLISTed class against its in-storage profiles, which change only with
   * SETROPTS RACLIST(class) REFRESH (IBM RACF Command Language Reference, SETROPTS RACLIST).
   * DIGTCERT/DIGTRING are left out: R_datalib reads rings from the database (rules §6 asks for
   * their refresh as good practice; lint-jcl warns about it).
   */
  private noteChange(cls: string, line: number): void {
    if (cls === "DIGTCERT" || cls === "DIGTRING") return;
    if (!this.ctx.model.classState(cls).raclisted || this.unrefreshed.has(cls)) return;
    this.unrefreshed.set(cls, line);
    if (this.ctx.assumeRefreshed === false)
      this.inStorage.set(cls, structuredClone(this.ctx.model.profilesOf(cls)));
  }

  /** Called once the whole input is read: say which changes RACF does not see yet. */
  finish(): void {
    const assumeRefreshed = this.ctx.assumeRefreshed !== false;
    for (const [cls, line] of this.unrefreshed) {
      this.issue(
        line,
        "refresh-missing",
        `${cls} is RACLISTed and changed from this line on, but ${notRefreshed(cls)}; ${refreshReading(assumeRefreshed)}`,
        "warning",
      );
      this.ctx.model.assume(
        assumeRefreshed
          ? `Changes to RACLISTed ${cls} without a later SETROPTS RACLIST(${cls}) REFRESH are treated as refreshed`
          : `Changes to RACLISTed ${cls} without a later SETROPTS RACLIST(${cls}) REFRESH are treated as not in effect`,
        this.source(line),
      );
      const before = this.inStorage.get(cls);
      if (!assumeRefreshed && before) this.restoreInStorage(cls, before);
    }
  }

  /** Put a class's profiles back as they were at its last refresh (`--assume-refreshed no`). */
  private restoreInStorage(cls: string, before: Profile[]): void {
    const model = this.ctx.model;
    const kept = new Set(before.map((p) => p.name));
    for (const p of model.profilesOf(cls)) {
      if (kept.has(p.name)) continue;
      if (this.assumedProfiles.has(`${cls}|${p.name}`)) {
        // Defined before this input, with an access list the inputs do not show.
        p.access = [];
        continue;
      }
      model.deleteProfile(cls, p.name);
    }
    for (const old of before) {
      const now = model.profile(cls, old.name);
      if (now) Object.assign(now, { ...old, sources: now.sources });
      else Object.assign(model.defineProfile(cls, old.name, old.sources[0] ?? this.source(0)), old);
    }
  }

  // ---- SETROPTS -------------------------------------------------------------------------------

  private setropts(cmd: ParsedCommand): void {
    const model = this.ctx.model;
    const kws = cmd.keywords;
    const refresh = hasKeyword(kws, "REFRESH");
    const classes = (k: Keyword): string[] => {
      const names = k.values.map((v) => v.text.toUpperCase());
      if (names.includes("*")) return Object.keys(model.state.classes);
      return names;
    };
    for (const k of kws) {
      const source = this.source(k.line, k.column);
      switch (k.name) {
        case "CLASSACT":
          for (const c of classes(k)) model.setClass(c, { active: true }, source);
          break;
        case "NOCLASSACT":
          for (const c of classes(k)) model.setClass(c, { active: false }, source);
          break;
        case "RACLIST":
          for (const c of classes(k)) {
            // RACLIST(c) builds the in-storage profiles, REFRESH rebuilds them: both take the
            // changes made so far.
            this.unrefreshed.delete(c);
            this.inStorage.delete(c);
            if (refresh) {
              // REFRESH only works on a class that is RACLISTed, which in practice means active.
              model.setClass(c, { active: true, raclisted: true }, { ...source, kind: "inferred" });
              model.assume(`SETROPTS RACLIST(${c}) REFRESH implies ${c} is active and RACLISTed`, source);
            } else model.setClass(c, { raclisted: true }, source);
          }
          break;
        case "NORACLIST":
          for (const c of classes(k)) model.setClass(c, { raclisted: false }, source);
          break;
        case "GENERIC":
          for (const c of classes(k)) model.setClass(c, { generic: true }, source);
          break;
        case "NOGENERIC":
          for (const c of classes(k)) model.setClass(c, { generic: false }, source);
          break;
        case "GRPLIST":
          setGrplist(model, true, source);
          break;
        case "NOGRPLIST":
          setGrplist(model, false, source);
          break;
        case "PASSWORD":
          break;
      }
    }
  }
}

// ---- pure helpers ------------------------------------------------------------------------------

function escapeRdnValue(v: string): string {
  return v
    .replace(/([,+"\\<>;])/g, "\\$1")
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ");
}

/**
 * SUBJECTSDN(CN() T() OU() O() L() SP() C()) → the model's canonical DN (src/model/dn.ts):
 * RACF orders the attributes CN, T, OU…, O, L, SP, C whatever the order written (IBM
 * le-gencert.htm); OU may hold several values, most specific first.
 */
export function subjectDn(sub: readonly Keyword[]): string {
  const order = ["CN", "T", "OU", "O", "L", "SP", "C"];
  const parts: string[] = [];
  for (const attr of order) {
    const k = keyword(sub, attr);
    if (!k) continue;
    for (const v of k.values) parts.push(`${attr}=${escapeRdnValue(v.text)}`);
  }
  return parts.join(",");
}

const ALTNAME_TYPES: Record<string, AltName["type"]> = {
  IP: "IP",
  DOMAIN: "DNS",
  EMAIL: "EMAIL",
  URI: "URI",
};

export function altNames(sub: readonly Keyword[]): AltName[] {
  const out: AltName[] = [];
  for (const k of sub) {
    const type = ALTNAME_TYPES[k.name];
    if (!type) continue;
    for (const v of k.values) out.push({ type, value: v.text });
  }
  return out;
}

/**
 * Where GENCERT/ADD put the private key: RACF database, ICSF PKDS or TKDS, and the ICSF label.
 * `PKDS(label)`, `ICSF(label)` and `PCICC(label)` name the PKDS label; `(*)` means "the
 * WITHLABEL value" (IBM message IRRD160I); without a value RACF makes a label up, which the
 * inputs do not show (null).
 */
export function keyStore(
  kws: readonly Keyword[],
  withLabel: string | null = null,
): { store: KeyStore; label: string | null } {
  for (const t of ["RSA", "NISTECC", "BPECC"]) {
    const k = keyword(kws, t);
    if (!k) continue;
    const pkds = keyword(k.sub, "PKDS");
    if (pkds) return { store: "PKDS", label: pkdsLabel(pkds, withLabel) };
    if (keyword(k.sub, "TOKEN")) return { store: "TKDS", label: firstValue(k.sub, "TOKEN")?.text ?? null };
  }
  for (const name of ["PKDS", "ICSF", "PCICC"]) {
    const k = keyword(kws, name);
    if (k) return { store: "PKDS", label: pkdsLabel(k, withLabel) };
  }
  const tkds = keyword(kws, "TKDS");
  if (tkds) return { store: "TKDS", label: tkds.values[0]?.text ?? null };
  return { store: "software", label: null };
}

function pkdsLabel(k: Keyword, withLabel: string | null): string | null {
  const v = k.values[0]?.text;
  if (v === "*") return withLabel ? withLabel.toUpperCase() : null;
  // ICSF labels are upper case (IBM IRRD160I: alphanumeric, national or period).
  return v ? v.toUpperCase() : null;
}

/** RACF spelling of the SHA-256 signature made with a key of this type (formats.md §2 list). */
export function signatureAlgorithmFor(keyType: KeyType | null): string | null {
  switch (keyType) {
    case "RSA":
      return "sha256RSA";
    case "NISTECC":
    case "BPECC":
      return "sha256ECDSA";
    case "DSA":
      return "sha256DSA";
    default:
      return null;
  }
}
