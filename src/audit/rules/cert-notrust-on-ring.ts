/**
 * A NOTRUST certificate is connected to a ring.
 *
 * Certificates marked NOTRUST are not retrieved from the key ring, so the ring behaves as if the
 * certificate were absent: IBM System SSL return code 6 ("If using RACF key rings, certificates
 * that are marked as not trusted in the RACF database are not retrieved from the key ring",
 * z/OS 2.5 sfrc-1), and the OCSF DataGetNext description (rules §3). RACF sets NOTRUST itself on ADD when it cannot verify a
 * certificate or it has expired (rules §6).
 */

import { expiredAt } from "../../model/validity.js";
import { labelOperand, ringOperand, userId } from "../../racf/write.js";
import { connectionSubject, ownerOperand, refresh, ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "cert-notrust-on-ring",
    severity: "warning",
    description: "A certificate marked NOTRUST is connected to a ring, where it is ignored.",
    rationale:
      "NOTRUST certificates are treated as absent: a NOTRUST default certificate leaves the ring without one (rc 6), a NOTRUST CA breaks chain validation. Either the status is wrong or the connection is dead weight.",
    source:
      "IBM System SSL return code 6 (z/OS 2.5 sfrc-1: NOTRUST certificates are not retrieved from the ring); rules §6 (ADD/ALTER TRUST)",
    confidence: "ibm",
    requires: ["rings", "certificates"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const ring of ctx.model.state.rings) {
      for (const conn of ring.connections) {
        const cert = ctx.model.certificate(conn.owner, conn.label);
        if (cert?.status !== "NOTRUST") continue;
        const expired = expiredAt(cert, ctx.at) === true;
        const keyless = conn.usage === "PERSONAL" && cert.privateKey === false;
        const removeIt = expired || keyless;
        findings.push({
          subject: connectionSubject(ring, conn),
          ring: ringId(ring),
          message:
            `Certificate '${conn.label}' (${conn.owner}) on ${ringId(ring)} is NOTRUST, so System SSL ignores it` +
            `${conn.default ? "; it is the ring's default, so the ring has no usable default" : ""}.`,
          evidence: sourcesOf(conn.sources, cert.sources),
          fix: removeIt
            ? {
                summary: `Remove it from the ring (it is ${expired ? "expired" : "without a private key"}, so trusting it would not help).`,
                commands: [
                  `RACDCERT ID(${userId(ring.owner)}) REMOVE(${ownerOperand(conn.owner)} ${labelOperand(conn.label)} ${ringOperand(ring.name)})`,
                  refresh("DIGTRING"),
                ],
              }
            : {
                summary:
                  "If the certificate is genuine and should be used, mark it TRUST; otherwise remove it from the ring.",
                commands: [
                  `RACDCERT ${ownerOperand(conn.owner)} ALTER(${labelOperand(conn.label)}) TRUST`,
                  refresh("DIGTCERT"),
                ],
              },
        });
      }
    }
    return { findings, notEvaluated: [] };
  },
};
