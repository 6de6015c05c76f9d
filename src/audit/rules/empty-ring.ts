/**
 * A key ring with no certificates.
 *
 * An application that opens it has neither a certificate of its own (6, rules §3) nor
 * CA certificates to validate its partner (109 "No certificate authority certificates.", §4).
 */

import { ringName, userId } from "../../racf/write.js";
import { applicationsOf, ringId, ringSubject, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "empty-ring",
    severity: "warning",
    description: "A key ring has no certificates connected.",
    rationale:
      "A server opening an empty ring fails with 6 (no default certificate); a client has no CA certificates (109). An unused empty ring is clutter that invites mistakes.",
    source: "rules §3 (rc 6) and §4 (rc 109)",
    confidence: "ibm",
    requires: ["rings"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      if (ring.connections.length > 0) continue;
      const users = applicationsOf(ctx, ring).filter((a) => a.origin !== "ring-owner");
      findings.push({
        subject: ringSubject(ring),
        ring: ringId(ring),
        message:
          `Key ring ${ringId(ring)} has no certificates` +
          (users.length > 0
            ? `, yet ${users.map((u) => `${u.user} (${u.name})`).join(", ")} use${users.length === 1 ? "s" : ""} it.`
            : "; any application that opens it fails (6 as a server, 109 as a client)."),
        evidence: sourcesOf(ring.sources),
        fix: {
          summary:
            users.length > 0
              ? "Connect the application's certificate (USAGE(PERSONAL) DEFAULT) and the CA certificates it needs."
              : `Connect the certificates it is meant to hold, or delete it if unused: RACDCERT ID(${userId(ring.owner)}) DELRING(${ringName(ring.name)}).`,
          commands: [],
        },
      });
    }
    return { findings, notEvaluated: [] };
  },
};
