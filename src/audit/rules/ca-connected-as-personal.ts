/**
 * A CA certificate is connected with USAGE(PERSONAL).
 *
 * The connection's USAGE decides how the ring uses a certificate (rules §6, IBM KC21
 * icha400/le-connect.htm): a CA connected PERSONAL is no longer a trust anchor on that ring,
 * and its private key is returned only to SPECIAL users or with CONTROL (§2).
 */

import { labelOperand, ringOperand, userId } from "../../racf/write.js";
import { connectionSubject, ownerOperand, refresh, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "ca-connected-as-personal",
    severity: "warning",
    description:
      "A CA certificate (CERTAUTH-owned, or with CERTSIGN and no HANDSHAKE key usage) is connected as PERSONAL.",
    rationale:
      "Connected PERSONAL, a CA certificate does not act as a trust anchor on the ring, so partner chains through it fail validation, and it may be picked as the local certificate without a usable key (428).",
    source:
      "rules §2 and §6 (IBM KC21 icha400/le-connect.htm: USAGE changes how the ring uses the certificate)",
    confidence: "ibm",
    requires: ["rings"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      for (const conn of ring.connections) {
        if (conn.usage !== "PERSONAL") continue;
        const cert = ctx.model.certificate(conn.owner, conn.label);
        const caByOwner = conn.owner === "CERTAUTH";
        const usage = cert?.keyUsage ?? [];
        const caByUsage = usage.includes("CERTSIGN") && !usage.includes("HANDSHAKE");
        if (!caByOwner && !caByUsage) continue;
        findings.push({
          subject: connectionSubject(ring, conn),
          ring: ringId(ring),
          message:
            `CA certificate '${conn.label}' (${conn.owner}${caByUsage ? ", key usage CERTSIGN only" : ""}) is connected to ${ringId(ring)} with USAGE(PERSONAL)` +
            `${conn.default ? " DEFAULT" : ""}; on this ring it is not a trust anchor.`,
          evidence: sourcesOf(conn.sources, cert?.sources),
          fix: {
            summary:
              "Connect it again with USAGE(CERTAUTH) (the ring's own certificate should be a PERSONAL end-entity certificate).",
            commands: [
              `RACDCERT ID(${userId(ring.owner)}) CONNECT(${ownerOperand(conn.owner)} ${labelOperand(conn.label)} ${ringOperand(ring.name)} USAGE(CERTAUTH))`,
              refresh("DIGTRING"),
            ],
          },
        });
      }
    }
    return { findings, notEvaluated: [] };
  },
};
