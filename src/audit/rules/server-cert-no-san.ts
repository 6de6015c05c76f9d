/**
 * A server's certificate has no subject alternative name.
 *
 * Browsers and current TLS clients match the host name against subjectAltName only and ignore
 * the subject's CN, so a server certificate without SAN is rejected by them even when the CN is
 * right (rules §4, browser-side rules [3rd]). RACDCERT GENCERT adds SANs with
 * ALTNAME(DOMAIN() IP()) (rules §6).
 */
import type { Certificate } from "../../model/types.js";
import { applicationsOf, connectionSubject, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

/**
 * Whether an empty altNames list means "no SAN": only when the certificate's content is known
 * (a certificate file, or a GENCERT whose operands racfring read). Unloads and LISTRING output
 * do not carry SANs.
 */
function sanKnown(cert: Certificate): boolean {
  if (cert.der !== null) return true;
  return cert.sources.some((s) => s.kind === "jcl") && !cert.fromRequest && cert.subject !== null;
}

export const rule: Rule = {
  meta: {
    id: "server-cert-no-san",
    severity: "warning",
    description: "The certificate a server presents has no subject alternative name (DNS or IP).",
    rationale:
      "Browsers and modern TLS clients check the host name against subjectAltName only (the CN is ignored); without a SAN they reject the server, a failure z/OS never sees.",
    source: "rules §4 (browser-side rules, third-party) and §6 (GENCERT ALTNAME)",
    confidence: "third-party",
    requires: ["rings", "applications"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      const servers = applicationsOf(ctx, ring).filter((a) => a.role !== "client");
      const seen = new Set<string>();
      for (const app of servers) {
        const conn = ring.connections.find(
          (c) => c.usage === "PERSONAL" && (app.label !== null ? c.label === app.label : c.default),
        );
        if (!conn || seen.has(`${conn.owner}\u0000${conn.label}`)) continue;
        seen.add(`${conn.owner}\u0000${conn.label}`);
        const cert = ctx.model.certificate(conn.owner, conn.label);
        if (!cert) {
          notEvaluated.push({
            subject: connectionSubject(ring, conn),
            reason: "the certificate itself is not in the inputs",
          });
          continue;
        }
        if (cert.altNames.some((n) => n.type === "DNS" || n.type === "IP")) continue;
        if (!sanKnown(cert)) {
          notEvaluated.push({
            subject: connectionSubject(ring, conn),
            reason: "the inputs do not show the certificate's subject alternative names",
          });
          continue;
        }
        findings.push({
          subject: connectionSubject(ring, conn),
          ring: ringId(ring),
          message:
            `'${conn.label}' (${conn.owner}), the certificate ${app.origin === "ring-owner" ? "the ring's owner" : app.user} presents from ${ringId(ring)}, ` +
            `has no DNS or IP subject alternative name (subject ${cert.subject ?? "unknown"}); browsers and modern clients will reject it.`,
          evidence: sourcesOf(cert.sources, conn.sources),
          fix: {
            summary:
              "Issue a new certificate with ALTNAME(DOMAIN('host.name') IP(a.b.c.d)) for every name clients use, and connect it in place of this one.",
            commands: [],
          },
        });
      }
    }
    return { findings, notEvaluated };
  },
};
