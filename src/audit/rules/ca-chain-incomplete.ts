/**
 * The issuer of a connected certificate is neither on the ring nor reachable there as a
 * trusted CA certificate.
 *
 * Chains are followed the way RACDCERT LISTCHAIN does (issuer under the same owner first, then
 * CERTAUTH; complete at a self-signed root, rules §6, IBM KC21 icha400/le-listch.htm),
 * but every link must be on the ring itself: System SSL sends and validates only what the ring
 * holds. A partner that cannot build the chain reports 8 / 435 (rules §4).
 */

import { labelOperand, ringOperand, userId } from "../../racf/write.js";
import { findIssuer, isSelfSigned, ringCertWithSubject } from "../chain.js";
import { connectionSubject, ownerOperand, refresh, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, NotEvaluatedDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "ca-chain-incomplete",
    severity: "warning",
    description:
      "A certificate's issuer (up to a self-signed root) is not connected to the ring as a trusted certificate.",
    rationale:
      "System SSL builds the chain it sends, and validates partners, only from what the ring holds. A missing intermediate or root means the partner (or this side) cannot validate: 8 'Certificate validation error.' or 435 'Certificate authority is unknown.'",
    source: "rules §4 and §6 (LISTCHAIN issuer search, IBM KC21 icha400/le-listch.htm)",
    confidence: "ibm",
    requires: ["rings", "certificates", "distinguished-names"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const notEvaluated: NotEvaluatedDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      const reported = new Set<string>();
      for (const conn of ring.connections) {
        const cert = ctx.model.certificate(conn.owner, conn.label);
        if (!cert) {
          notEvaluated.push({
            subject: connectionSubject(ring, conn),
            reason: "the certificate itself is not in the inputs",
          });
          continue;
        }
        if (cert.status === "NOTRUST") continue; // ignored on the ring; cert-notrust-on-ring reports it
        let cur = cert;
        for (let depth = 0; depth < 10; depth++) {
          const self = isSelfSigned(cur);
          if (self === true) break;
          if (self === null || cur.issuer === null) {
            notEvaluated.push({
              subject: connectionSubject(ring, conn),
              reason: `the subject or issuer DN of '${cur.label}' is not in the inputs`,
            });
            break;
          }
          const onRing = ringCertWithSubject(ctx.model, ring, cur.issuer);
          if (onRing && onRing !== cur) {
            cur = onRing;
            continue;
          }
          const missing = cur.issuer;
          // A connected certificate the inputs do not describe may be the issuer: say so
          // rather than report a chain that may well be complete (e.g. LISTRING without LIST).
          const unknown = ring.connections.filter((c) => !ctx.model.certificate(c.owner, c.label)?.subject);
          if (unknown.length > 0) {
            notEvaluated.push({
              subject: connectionSubject(ring, conn),
              reason: `the issuer ${missing} is not among the ring's known certificates, and ${unknown.map((c) => `'${c.label}'`).join(", ")} on the ring ${unknown.length === 1 ? "is" : "are"} not described by the inputs`,
            });
            break;
          }
          if (reported.has(missing.toLowerCase())) break;
          reported.add(missing.toLowerCase());
          const inDb = findIssuer(ctx.model, cur, ctx.at);
          const usable = inDb && inDb.status !== "NOTRUST";
          findings.push({
            subject: connectionSubject(ring, conn),
            ring: ringId(ring),
            message:
              `The chain of '${conn.label}' (${conn.owner}) on ${ringId(ring)} is incomplete: the issuer of '${cur.label}', ${missing}, ` +
              (inDb
                ? `is in RACF as '${inDb.label}' (${inDb.owner}${inDb.status === "NOTRUST" ? ", NOTRUST" : ""}) but not connected to the ring.`
                : "is not connected to the ring and not in the RACF inputs."),
            evidence: sourcesOf(conn.sources, cur.sources, inDb?.sources),
            fix:
              inDb && usable
                ? {
                    summary: `Connect the issuer '${inDb.label}' to the ring with USAGE(CERTAUTH).`,
                    commands: [
                      `RACDCERT ID(${userId(ring.owner)}) CONNECT(${ownerOperand(inDb.owner)} ${labelOperand(inDb.label)} ${ringOperand(ring.name)} USAGE(CERTAUTH))`,
                      refresh("DIGTRING"),
                    ],
                  }
                : {
                    summary: inDb
                      ? `Mark the issuer '${inDb.label}' TRUST if it is genuine, then connect it to the ring with USAGE(CERTAUTH).`
                      : `Obtain the CA certificate ${missing}, RACDCERT CERTAUTH ADD it with TRUST, and connect it to the ring with USAGE(CERTAUTH).`,
                    commands: [],
                  },
          });
          break;
        }
      }
    }
    return { findings, notEvaluated };
  },
};
