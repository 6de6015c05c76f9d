/**
 * Check: resolve-ring — does the named ring exist (real rings: owner + case-sensitive name;
 * virtual rings: every certificate of the owner)? A ring that does not exist → 202, with the
 * ring the user probably meant.
 */
import { formatSource, userOwner } from "../../model/model.js";
import type { CertOwner, Connection, RingUsage } from "../../model/types.js";
import { ringName, userId } from "../../racf/write.js";
import { connectCommand, refreshCommands } from "../commands.js";
import type { SimFix } from "../types.js";
import type { Failure, Simulation } from "./context.js";
import { R } from "./rules.js";
import { at, evidence } from "./util.js";

export function resolveRing(s: Simulation): Failure | null {
  const model = s.model;
  if (s.virtual) {
    const owner = s.ringOwner;
    let certOwner: CertOwner;
    let usage: RingUsage;
    if (owner === "*AUTH*") {
      certOwner = "CERTAUTH";
      usage = "CERTAUTH";
    } else if (owner === "*SITE*") {
      certOwner = "SITE";
      usage = "SITE";
    } else {
      certOwner = userOwner(owner);
      usage = "PERSONAL";
    }
    const certs = model.certificatesOf(certOwner);
    s.entries = certs.map((c) => ({
      owner: c.owner,
      label: c.label,
      usage,
      isDefault: false,
      cert: c,
      sources: c.sources,
    }));
    const ownerKnown = owner.startsWith("*") || model.user(owner) !== undefined;
    s.step({ id: "resolve-ring", ok: true, confidence: "ibm" }, () => ({
      title: "Resolve the key ring",
      detail: `${s.ringLabel} is a virtual key ring: every certificate owned by ${certOwner} (${certs.length} in the inputs), all with usage ${usage}. Virtual rings have no DEFAULT certificate.${ownerKnown ? "" : ` User ${owner} is not in the inputs.`}`,
      evidence: evidence(...certs.map((c) => c.sources)),
      source: R.virtual,
    }));
    return null;
  }
  const ring = model.ring(s.ringOwner, s.ringName);
  if (ring) {
    s.entries = ring.connections.map((c: Connection) => ({
      owner: c.owner,
      label: c.label,
      usage: c.usage,
      isDefault: c.default,
      cert: model.certificate(c.owner, c.label),
      sources: c.sources,
    }));
    s.step({ id: "resolve-ring", ok: true, confidence: "ibm" }, () => ({
      title: "Resolve the key ring",
      detail: `Ring ${s.ringName} owned by ${s.ringOwner} exists${at(ring.sources)} with ${ring.connections.length} connected certificate(s).`,
      evidence: evidence(ring.sources),
      source: R.ringName,
    }));
    return null;
  }
  // Not found: explain why, and find the ring the user probably meant.
  const sameName = model.state.rings.filter((r) => r.name === s.ringName && r.owner !== s.ringOwner);
  const caseOnly = model.state.rings.filter(
    (r) =>
      r.owner === s.ringOwner && r.name !== s.ringName && r.name.toUpperCase() === s.ringName.toUpperCase(),
  );
  const otherCase = model.state.rings.filter(
    (r) =>
      r.owner !== s.ringOwner && r.name.toUpperCase() === s.ringName.toUpperCase() && r.name !== s.ringName,
  );
  const ownerKnown = model.user(s.ringOwner) !== undefined;
  const why: string[] = [
    `No ring ${s.ringName} owned by ${s.ringOwner} in the inputs: R_datalib cannot open it.`,
  ];
  if (!ownerKnown) why.push(`User ${s.ringOwner} does not appear in the inputs at all.`);
  for (const r of caseOnly)
    why.push(`${r.owner} has a ring "${r.name}"${at(r.sources)} — ring names are case-sensitive.`);
  for (const r of sameName) why.push(`A ring of that name belongs to ${r.owner}${at(r.sources)}.`);
  for (const r of otherCase) why.push(`${r.owner} has a ring "${r.name}"${at(r.sources)}.`);
  s.step({ id: "resolve-ring", ok: false, confidence: "ibm" }, () => ({
    title: "Resolve the key ring",
    detail: why.join(" "),
    evidence: evidence(...[...caseOnly, ...sameName, ...otherCase].map((r) => r.sources)),
    source: R.ringName,
  }));
  const candidates = [...caseOnly, ...sameName, ...otherCase];
  const fixes: SimFix[] = candidates.map((r) => {
    const where = s.req.policy?.keyring ? ` in ${formatSource(s.req.policy.keyring)}` : "";
    return {
      summary: s.req.policy
        ? `Name the ring that exists: change the policy's Keyring${where} to ${r.owner}/${r.name}, then refresh the policy so the environment is rebuilt.`
        : `Name the ring that exists: configure the application's key ring as ${r.owner}/${r.name}.`,
      commands: [],
      notes: s.refreshNotes(),
    };
  });
  // Creating the ring is a fix only when no existing ring was probably meant.
  if (candidates.length === 0)
    fixes.push({
      summary: `Create the ring ${s.ringLabel} and connect the certificates the application needs to it${ownerKnown ? "" : ` (user ${s.ringOwner} must exist first)`}.`,
      commands: [
        `RACDCERT ID(${userId(s.ringOwner)}) ADDRING(${ringName(s.ringName)})`,
        connectCommand(
          s.ringOwner,
          s.ringName,
          userOwner(s.ringOwner),
          s.req.label ?? "<server certificate label>",
          "PERSONAL",
          true,
        ),
        ...refreshCommands(model, ["DIGTRING"]),
      ],
      notes: s.refreshNotes(),
    });
  const [fix, ...alternatives] = fixes;
  return { rc: 202, confidence: "ibm", fix: fix ?? null, alternatives, partner: s.ringPartner() };
}
