/**
 * A certificate on a ring is signed with SHA-1 (or MD5/MD2).
 *
 * Browsers and current TLS stacks reject SHA-1 signatures (rules §4, browser-side
 * rules [3rd]). A self-signed root's own signature is not checked by validators, so trust
 * anchors are left out.
 */
import { signatureAlgorithmUnknown } from "../../pki/racf-names.js";
import { isSelfSigned } from "../chain.js";
import { certSubject, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

const WEAK = /^(sha1|md5|md2)/i;

export const rule: Rule = {
  meta: {
    id: "sha1-signature",
    severity: "warning",
    description:
      "A certificate on a ring (other than a self-signed trust anchor) is signed with SHA-1, MD5 or MD2.",
    rationale:
      "Clients reject certificates signed with SHA-1 or older digests; the signature of a self-signed root is not validated and is ignored here.",
    source: "rules §4 (browser-side rules, third-party: mitmproxy/mitmproxy#3219, pi-hole/FTL#1583)",
    confidence: "third-party",
    requires: ["rings", "certificates", "signature-algorithm"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    for (const cert of ctx.model.state.certificates) {
      const first = ctx.model.firstRingHolding(cert.owner, cert.label);
      if (!first) continue;
      const unknown = signatureAlgorithmUnknown(cert.signatureAlgorithm);
      if (unknown !== null) {
        notEvaluated.push({ subject: certSubject(cert), reason: unknown });
        continue;
      }
      const algorithm = cert.signatureAlgorithm as string; // not null: checked just above
      if (!WEAK.test(algorithm)) continue;
      const rings = ctx.model.ringsHolding(cert.owner, cert.label);
      const anchorOnly = rings.every((r) =>
        r.connections.every(
          (c) => c.owner !== cert.owner || c.label !== cert.label || c.usage !== "PERSONAL",
        ),
      );
      if (isSelfSigned(cert) === true && anchorOnly) continue;
      findings.push({
        subject: certSubject(cert),
        ring: ringId(first),
        message: `Certificate '${cert.label}' (${cert.owner}) on ${rings.map(ringId).join(", ")} is signed with ${algorithm}; clients reject SHA-1 and older signatures.`,
        evidence: sourcesOf(cert.sources),
        fix: {
          summary:
            "Have it re-issued with a SHA-256 (or stronger) signature (GENREQ from its key, then GENCERT or the external CA) and connect the new certificate.",
          commands: [],
        },
      });
    }
    return { findings, notEvaluated };
  },
};
