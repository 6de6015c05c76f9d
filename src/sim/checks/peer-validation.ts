/**
 * Check: peer-validation — the partner's chain against the ring's CA certificates → 109, 401,
 * 403, 417, 435, 8.
 */
import type { Certificate, Confidence } from "../../model/types.js";
import { expiredAt, notYetValidAt } from "../../model/validity.js";
import { alterTrustCommand, connectCommand, refreshCommands } from "../commands.js";
import type { SimFix } from "../types.js";
import type { Failure, Simulation } from "./context.js";
import { R } from "./rules.js";
import { at, evidence, sameDn } from "./util.js";

export function peerValidation(s: Simulation): Failure | null {
  const role = s.role;
  const ca = s.clientAuth;
  const needed = role === "client" || ca === "full" || ca === "required";
  if (!needed) {
    s.step({ id: "peer-validation", ok: null, confidence: "ibm" }, () => ({
      title: "Validate the partner",
      detail:
        ca === "passthru"
          ? "ClientAuthType PassThru: the client's certificate is requested but not validated."
          : "Server without client authentication: the partner is not validated.",
      evidence: evidence(s.req.policy?.clientAuth ? [s.req.policy.clientAuth] : []),
      source: R.peer,
    }));
    return null;
  }
  const partnerSide = role === "server" ? "client" : "server";
  const anchors = s.entries.filter((e) => (e.usage === "CERTAUTH" || e.usage === "SITE") && e.cert);
  const peers = s.req.peerCertificates;
  const lines: string[] = [
    `The ${partnerSide}'s certificate is validated against the ring's CA certificates: ${anchors.length > 0 ? anchors.map((e) => `${e.owner} '${e.label}'`).join(", ") : "none"}.`,
  ];
  const fail = (
    rc: number,
    why: string,
    confidence: Confidence,
    fix: SimFix | null,
    side: "server" | "client" = role,
  ): Failure => {
    s.step({ id: "peer-validation", ok: false, confidence }, () => ({
      title: "Validate the partner",
      detail: `${lines.join(" ")} ${why}`,
      evidence: evidence(...anchors.map((e) => e.sources), ...(peers ?? []).map((p) => p.sources)),
      source: R.peer,
    }));
    return { rc, confidence, fix, alternatives: [], partner: null, side };
  };
  if (role === "server" && peers && peers.length === 0) {
    if (ca === "required") {
      return fail(403, "The client sends no certificate and ClientAuthType Required demands one.", "ibm", {
        summary:
          "Give the client a certificate (connected PERSONAL DEFAULT on its ring, or its label configured), signed by a CA on this ring.",
        commands: [],
        notes: [],
      });
    }
    // ClientAuthType Full validates a certificate the client sends and accepts a client that
    // sends none (IBM AT-TLS ClientAuthType): nothing is left to check.
    s.step({ id: "peer-validation", ok: true, confidence: "ibm" }, () => ({
      title: "Validate the partner",
      detail: `${lines.join(" ")} The client sends no certificate; ClientAuthType Full accepts that.`,
      evidence: evidence(
        ...anchors.map((e) => e.sources),
        s.req.policy?.clientAuth ? [s.req.policy.clientAuth] : [],
      ),
      source: R.peer,
    }));
    return null;
  }
  if (anchors.length === 0) {
    const leafIssuer = peers?.[0]?.issuer ?? null;
    const caCert = leafIssuer
      ? s.model.state.certificates.find((c) => c.owner === "CERTAUTH" && sameDn(c.subject, leafIssuer))
      : undefined;
    return fail(
      109,
      "No CA certificate on the ring: nothing to validate the partner with.",
      "ibm",
      noCaFix(s, partnerSide, caCert),
    );
  }
  if (!peers || peers.length === 0) {
    s.step(
      {
        id: "peer-validation",
        ok: null,
        missing: ["the partner's certificate chain (--peer-cert)"],
        confidence: "ibm",
      },
      () => ({
        title: "Validate the partner",
        detail: `${lines.join(" ")} No partner certificate supplied (--peer-cert): the chain itself is not checked.`,
        evidence: evidence(...anchors.map((e) => e.sources)),
        source: R.peer,
      }),
    );
    return null;
  }
  const dated = (c: Certificate): string | null => {
    if (notYetValidAt(c, s.req.at)) return `not valid before ${c.notBefore}`;
    if (expiredAt(c, s.req.at)) return `expired ${c.notAfter}`;
    return null;
  };
  const leaf = peers[0] as Certificate;
  let current = leaf;
  const chain = peers.slice(1);
  // Each certificate the partner sends above its leaf is followed once: a chain whose issuers
  // loop back (A issued by B, B by A) ends at an issuer not on the ring instead of counting as
  // validated.
  const followed = new Set<Certificate>();
  lines.push(`Partner leaf: ${current.subject ?? current.label}.`);
  for (;;) {
    const bad = dated(current);
    if (bad) {
      // The partner's own certificate out of its dates is 401 (IBM's text); that System SSL
      // reports an expired CA of the partner's chain the same way is not documented.
      const who =
        current === leaf
          ? ""
          : " (a CA in the partner's chain: that System SSL reports it as 401 is not documented)";
      return fail(
        401,
        `${current.subject ?? current.label} is ${bad} at ${s.req.at.toISOString()}${who}.`,
        current === leaf ? "ibm" : "unconfirmed",
        {
          summary: `The ${partnerSide} must renew its certificate (${current.subject ?? current.label}).`,
          commands: [],
          notes: [],
        },
      );
    }
    const issuerAnchor = anchors.find((e) => e.cert && sameDn(e.cert.subject, current.issuer));
    if (issuerAnchor?.cert) {
      const ic = issuerAnchor.cert;
      const badCa = dated(ic);
      if (badCa) {
        return fail(
          401,
          `The issuing CA ${issuerAnchor.owner} '${issuerAnchor.label}' on the ring is ${badCa} (that System SSL reports an expired CA as 401 is not documented).`,
          "unconfirmed",
          {
            summary: `Renew or replace CA '${issuerAnchor.label}' on ${s.ringLabel}.`,
            commands: [],
            notes: s.refreshNotes(),
          },
        );
      }
      if (ic.keyUsage && ic.keyUsage.length > 0 && !ic.keyUsage.includes("CERTSIGN")) {
        return fail(
          8,
          `The issuing CA ${issuerAnchor.owner} '${issuerAnchor.label}' has no CERTSIGN key usage.`,
          "ibm",
          {
            summary: `Connect the real CA certificate of the ${partnerSide}.`,
            commands: [],
            notes: [],
          },
        );
      }
      lines.push(
        `Issued by ${issuerAnchor.owner} '${issuerAnchor.label}' on the ring${at(issuerAnchor.sources)}.`,
      );
      break;
    }
    // A certificate whose issuer is on the ring was found above; the walk only goes up through
    // certificates the partner sent, each once.
    const next = chain.find((c) => sameDn(c.subject, current.issuer) && !followed.has(c));
    if (next && !sameDn(current.subject, current.issuer)) {
      followed.add(next);
      current = next;
      continue;
    }
    const selfSigned = current.selfSigned === true || sameDn(current.subject, current.issuer);
    const known = s.model.state.certificates.find(
      (c) => c.owner === "CERTAUTH" && sameDn(c.subject, current.issuer),
    );
    const fix: SimFix =
      s.virtual && s.ringOwner === "*SITE*"
        ? siteRingCaFix(s, partnerSide, current.issuer, known)
        : known
          ? {
              // The CA virtual ring cannot be connected to: it holds every trusted CERTAUTH certificate.
              summary: s.virtual
                ? `RACF has the CA ${known.owner} '${known.label}'${at(known.sources)}: mark it TRUST (${s.ringLabel} holds every trusted CERTAUTH certificate).`
                : `RACF has the CA ${known.owner} '${known.label}'${at(known.sources)}: connect it to ${s.ringLabel} with USAGE(CERTAUTH)${known.status === "NOTRUST" ? " and mark it TRUST" : ""}.`,
              commands: [
                ...(known.status === "NOTRUST" ? [alterTrustCommand(known.owner, known.label)] : []),
                ...(s.virtual
                  ? []
                  : [connectCommand(s.ringOwner, s.ringName, known.owner, known.label, "CERTAUTH", false)]),
                ...refreshCommands(s.model, ["DIGTCERT", "DIGTRING"]),
              ],
              notes: s.refreshNotes(),
            }
          : {
              summary: s.virtual
                ? `Add the CA that issued ${current.subject ?? "the partner's certificate"} (${current.issuer ?? "?"}) as a trusted CERTAUTH certificate (${s.ringLabel} holds every trusted CERTAUTH certificate).`
                : `Add the CA that issued ${current.subject ?? "the partner's certificate"} (${current.issuer ?? "?"}) as CERTAUTH and connect it to ${s.ringLabel}.`,
              commands: [
                `RACDCERT CERTAUTH ADD('<CA CERTIFICATE DATA SET>') WITHLABEL('<partner CA>') TRUST`,
                ...(s.virtual
                  ? []
                  : [connectCommand(s.ringOwner, s.ringName, "CERTAUTH", "<partner CA>", "CERTAUTH", false)]),
                ...refreshCommands(s.model, ["DIGTCERT", "DIGTRING"]),
              ],
              notes: s.refreshNotes(),
            };
    if (selfSigned) {
      return fail(
        417,
        `${current.subject ?? "The partner's certificate"} is self-signed and not on the ring as a CA (text of 417 unconfirmed).`,
        "unconfirmed",
        fix,
      );
    }
    return fail(
      435,
      `Issuer ${current.issuer ?? "?"} of ${current.subject ?? "the partner's certificate"} is not among the ring's CA certificates.`,
      "ibm",
      fix,
    );
  }
  s.step({ id: "peer-validation", ok: true, confidence: "ibm" }, () => ({
    title: "Validate the partner",
    detail: lines.join(" "),
    evidence: evidence(...anchors.map((e) => e.sources), ...peers.map((p) => p.sources)),
    source: R.peer,
  }));
  return null;
}

/**
 * The fix for 435 on the SITE virtual ring: it is the SITE certificates only and takes no CONNECT
 * (rules §1, virtual rings), so the CA goes in as a SITE certificate, or the partner is validated
 * with the CA virtual ring or a real ring. (A user's virtual ring holds no CA at all: 109.) The
 * administrator chooses: no commands.
 */
function siteRingCaFix(
  s: Simulation,
  partnerSide: string,
  issuer: string | null,
  known: Certificate | undefined,
): SimFix {
  const ca = known
    ? `the CA ${known.owner} '${known.label}'${at(known.sources)}`
    : `the CA that issued the ${partnerSide}'s certificate (${issuer ?? "?"})`;
  const trustFirst = known?.status === "NOTRUST" ? " (RACF has it NOTRUST: mark it TRUST first)" : "";
  return {
    summary: `${s.ringLabel} holds only SITE certificates, and ${ca} is not one of them: add it as a trusted SITE certificate (RACDCERT SITE ADD … TRUST), or validate the ${partnerSide} with *AUTH*/*${trustFirst} or with a real ring that has it connected USAGE(CERTAUTH).`,
    commands: [],
    notes: [],
  };
}

/**
 * The fix for 109. A real ring gets the partner's CA connected USAGE(CERTAUTH). No virtual ring
 * takes a CONNECT (rules §1, virtual rings): a user's is that user's own certificates and can
 * never hold the CA; the SITE virtual ring is the SITE certificates; the CERTAUTH virtual ring
 * holds every trusted CERTAUTH certificate, so there the CA must be in RACF and TRUST.
 */
function noCaFix(s: Simulation, partnerSide: string, caCert: Certificate | undefined): SimFix {
  if (s.virtual && s.ringOwner === "*SITE*")
    return {
      summary: `${s.ringLabel} holds only SITE certificates and none is in the inputs: add the ${partnerSide}'s CA as a trusted SITE certificate (RACDCERT SITE ADD … TRUST), or validate with *AUTH*/* or with a real ring that has the CA connected USAGE(CERTAUTH).`,
      commands: [],
      notes: [],
    };
  if (s.virtual && s.ringOwner !== "*AUTH*")
    return {
      summary: `${s.ringLabel} is the virtual ring of ${s.ringOwner}'s own certificates and can never hold the partner's CA: validate the ${partnerSide} with a real ring that has its CA connected USAGE(CERTAUTH), or with the CA virtual ring *AUTH*/*.`,
      commands: [],
      notes: [],
    };
  if (s.virtual) {
    const untrusted = caCert?.status === "NOTRUST" ? caCert : undefined;
    return {
      summary: untrusted
        ? `Mark the partner's CA ${untrusted.owner} '${untrusted.label}' TRUST (${s.ringLabel} holds every trusted CERTAUTH certificate).`
        : `Add the CA that issued the ${partnerSide}'s certificate as a trusted CERTAUTH certificate (${s.ringLabel} holds every trusted CERTAUTH certificate).`,
      commands: [
        untrusted
          ? alterTrustCommand(untrusted.owner, untrusted.label)
          : `RACDCERT CERTAUTH ADD('<CA CERTIFICATE DATA SET>') WITHLABEL('<partner CA>') TRUST`,
        ...refreshCommands(s.model, ["DIGTCERT"]),
      ],
      notes: s.refreshNotes(),
    };
  }
  return {
    summary: caCert
      ? `Connect the partner's CA ${caCert.owner} '${caCert.label}' to ${s.ringLabel} with USAGE(CERTAUTH).`
      : `Connect the CA that issued the ${partnerSide}'s certificate to ${s.ringLabel} with USAGE(CERTAUTH) (add it with RACDCERT CERTAUTH ADD first if RACF does not have it).`,
    commands: [
      connectCommand(
        s.ringOwner,
        s.ringName,
        "CERTAUTH",
        caCert?.label ?? "<partner CA label>",
        "CERTAUTH",
        false,
      ),
      ...refreshCommands(s.model, ["DIGTRING"]),
    ],
    notes: s.refreshNotes(),
  };
}
