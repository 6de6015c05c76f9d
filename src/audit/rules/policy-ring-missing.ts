/**
 * An AT-TLS policy names a key ring that does not exist (owner or name wrong).
 *
 * A ring that cannot be opened gives 202 at "Environment Master Init", then 5006 at the
 * handshake (field case 1; rules §1: ring or owner not found → 202; ring names are
 * case-sensitive, IBM KC21 icha700/tringp.htm).
 */

import { ringName, userId } from "../../racf/write.js";
import { ringId, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "policy-ring-missing",
    severity: "error",
    description: "An AT-TLS policy rule names a key ring (OWNER/RING) that is not defined.",
    rationale:
      "AT-TLS cannot open a ring that does not exist under that owner: 202 at environment initialisation and 5006 at the handshake; the partner sees a reset (406). Ring names are case-sensitive.",
    source: "field case 1; rules §1 (IBM KC21 icha700/tringp.htm)",
    confidence: "ibm",
    requires: ["policy"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const app of ctx.applications) {
      if (app.origin !== "policy" || app.ring.name === "*") continue;
      if (ctx.model.ring(app.ring.owner, app.ring.name)) continue;
      const sameName = ctx.model.state.rings.find((r) => r.name === app.ring.name);
      const caseOnly = ctx.model
        .ringsOf(app.ring.owner)
        .find((r) => r.name.toLowerCase() === app.ring.name.toLowerCase());
      const hint = caseOnly
        ? ` ${app.ring.owner} has '${caseOnly.name}' (ring names are case-sensitive).`
        : sameName
          ? ` A ring of that name belongs to ${sameName.owner}.`
          : "";
      const right = caseOnly ?? sameName;
      // The application's name is "policy rule NAME"; the message names the rule once.
      const policyRule = app.name.replace(/^policy rule /, "");
      findings.push({
        subject: { kind: "policy", id: `${policyRule}:${app.ring.owner}/${app.ring.name}` },
        ring: `${app.ring.owner}/${app.ring.name}`,
        message: `Policy rule ${policyRule} uses key ring ${app.ring.owner}/${app.ring.name}, which is not defined in the inputs; AT-TLS reports 202 and the connection fails.${hint}`,
        evidence: sourcesOf(app.evidence),
        fix: {
          summary: right
            ? `Change the policy's Keyring to ${ringId(right)} and refresh the policy (F PAGENT,REFRESH).`
            : `Create the ring (RACDCERT ID(${userId(app.ring.owner)}) ADDRING(${ringName(app.ring.name)})) and connect its certificates, or correct the policy's Keyring; then refresh the policy.`,
          commands: [],
        },
      });
    }
    return { findings, notEvaluated: [] };
  },
};
