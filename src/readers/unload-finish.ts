import { normalizeDn } from "../model/dn.js";
import type { CertOwner } from "../model/types.js";
import { normalizeSerial } from "../pki/racf-names.js";
import { type ReadContext, report, src } from "./context.js";
import { clip } from "./guard.js";
import { applyRingSnapshot, type ConnectionFacts, emptyFacts, mergeCertificate } from "./merge.js";
import { digtcertBlanks } from "./text.js";
import { keyFromType, trustFromUacc } from "./unload-fields.js";
import type { CertState, RingState, UnloadRecords } from "./unload-records.js";

/**
 * The end of an unload: the certificates and rings collected record by record become model
 * certificates and rings, and what the records say about each other (0207 vs DIGTCERT
 * application data, 0561 vs 0562) is checked.
 */
export function finishUnload(records: UnloadRecords, ctx: ReadContext): void {
  const { certs, rings, any0561 } = records;
  ctx.model.adoptUserTable(records.users);
  const placed = new Map<string, { owner: CertOwner; label: string }>();
  for (const s of certs.values()) {
    const result = finishCertificate(s, ctx);
    if (result) placed.set(s.name, result);
  }
  for (const r of rings.values()) finishRing(r, ctx, certs, placed, any0561);
  // 0561 (certificate → ring) without the matching 0562 (ring → certificate).
  for (const s of certs.values()) {
    for (const ringName of s.ringRefs) {
      const ring = rings.get(ringName);
      if (ring?.connections.some((c) => c.certName === s.name)) continue;
      const cert = placed.get(s.name);
      report(
        ctx,
        s.firstLine,
        "unload-missing-0562",
        `a 0561 record says certificate ${cert ? `"${cert.label}"` : clip(digtcertBlanks(s.name))} is in ring ${clip(ringName)}, but no 0562 record of that ring holds it (0561/0562 disagree)`,
        "info",
      );
    }
  }
}

function finishCertificate(s: CertState, ctx: ReadContext): { owner: CertOwner; label: string } | null {
  const line = s.ownerLine || s.applLine || s.firstLine;
  if (s.owner && s.applOwner && s.owner !== s.applOwner) {
    report(
      ctx,
      s.applLine,
      "unload-owner-mismatch",
      `certificate ${clip(digtcertBlanks(s.name))}: 0207 (line ${s.ownerLine}) says owner ${s.owner}, DIGTCERT application data says ${s.applOwner}; 0207 is used`,
      "warning",
      754,
    );
  }
  const owner = s.owner ?? s.applOwner;
  if (owner === "MULTIID") {
    report(
      ctx,
      line,
      "unload-multiid",
      `certificate ${clip(digtcertBlanks(s.name))} is a MULTIID certificate (certificate name filtering to several user ids); it cannot be used from a key ring and is not modelled`,
      "info",
    );
    return null;
  }
  const facts = emptyFacts(src(ctx, "unload", line));
  facts.owner = owner;
  facts.label = s.label;
  if (s.uacc !== null) {
    facts.status = trustFromUacc(s.uacc);
    if (facts.status === null) {
      report(
        ctx,
        s.uaccLine,
        "unload-bad-trust",
        `DIGTCERT UACC "${s.uacc}" is not a trust status (TRUST, NOTRUST, HIGHTRST or ALTER, NONE, X'C0'); status unknown`,
        "warning",
        337,
      );
    }
  } else if (s.applLine === 0) {
    report(
      ctx,
      line,
      "unload-missing-0500",
      `certificate ${clip(digtcertBlanks(s.name))} has no DIGTCERT 0500 record; trust status unknown`,
      "warning",
    );
  }
  const dot = s.name.indexOf(".");
  facts.serial = dot > 0 ? normalizeSerial(s.name.slice(0, dot)) : null;
  // Issuer from the profile name only when it cannot have been shortened (IBM le-add.htm: names
  // over 246 characters keep the two ends of the DN around a hash).
  facts.issuer =
    s.issuer ?? (dot > 0 && s.name.length < 246 ? normalizeDn(digtcertBlanks(s.name.slice(dot + 1))) : null);
  facts.subject = s.subject;
  facts.signatureAlgorithm = s.sigAlg;
  facts.fingerprint = s.fingerprint;
  if (facts.subject && facts.issuer) facts.selfSigned = facts.subject === facts.issuer;
  facts.notBefore = s.start;
  facts.notAfter = s.end;
  if (s.keyType !== null) {
    const key = keyFromType(s.keyType);
    facts.privateKey = key.privateKey;
    facts.keyStore = key.keyStore;
    if (key.dsa) facts.keyType = "DSA";
    if (!key.known) {
      report(
        ctx,
        s.keyLine,
        "unload-unknown-key-type",
        `GRCERT_KEY_TYPE "${s.keyType}" not known; read as a private key${key.keyStore ? ` in ${key.keyStore}` : ""}`,
        "info",
        302,
      );
    }
  }
  facts.keySize = s.keySize;
  if (facts.owner === null) {
    report(
      ctx,
      line,
      "unload-cert-owner-unknown",
      `certificate ${clip(digtcertBlanks(s.name))} has no 0207 record and no owner in its DIGTCERT application data`,
      "warning",
    );
  }
  if (facts.label === null && facts.owner !== null) {
    report(
      ctx,
      line,
      "unload-cert-no-label",
      `certificate ${clip(digtcertBlanks(s.name))} has no 0207 record (label unknown)`,
      "warning",
    );
    facts.owner = null;
  }
  const cert = mergeCertificate(ctx.model, facts, { placeholderLabel: s.subject ?? digtcertBlanks(s.name) });
  return { owner: cert.owner, label: cert.label };
}

function finishRing(
  r: RingState,
  ctx: ReadContext,
  certs: ReadonlyMap<string, CertState>,
  placed: ReadonlyMap<string, { owner: CertOwner; label: string }>,
  any0561: boolean,
): void {
  const line = r.profileLine || r.connections[0]?.line || 0;
  // DIGTRING profile names are <ring owner>.<ring name>; ring names may contain dots, user ids
  // cannot, so split at the first dot (formats.md §6 "Name formats").
  const dot = r.name.indexOf(".");
  if (dot <= 0 || dot === r.name.length - 1) {
    report(
      ctx,
      line,
      "unload-bad-ring-name",
      `DIGTRING name "${r.name}" is not <owner>.<ring>; skipped`,
      "warning",
    );
    return;
  }
  const owner = r.name.slice(0, dot).toUpperCase();
  const name = r.name.slice(dot + 1);
  if (r.profileLine === 0) {
    report(
      ctx,
      line,
      "unload-ring-no-profile",
      `ring ${owner}/${clip(name)} has 0562 records but no DIGTRING 0500 record`,
      "warning",
    );
  }
  const connections: ConnectionFacts[] = [];
  for (const c of r.connections) {
    const cert = placed.get(c.certName);
    if (!cert || cert.owner === "") {
      report(
        ctx,
        c.line,
        "unload-connection-cert-unknown",
        `ring ${owner}/${clip(name)} holds certificate "${c.label}" (${clip(digtcertBlanks(c.certName))}) whose owner the unload does not give (no 0207); connection skipped`,
        "warning",
        262,
      );
      continue;
    }
    if (c.label && c.label !== cert.label) {
      report(
        ctx,
        c.line,
        "unload-label-mismatch",
        `0562 label "${c.label}" differs from the certificate's 0207 label "${cert.label}"`,
        "warning",
        523,
      );
    }
    if (!/^(PERSONAL|CERTAUTH|SITE)$/.test(c.usage)) {
      report(
        ctx,
        c.line,
        "unload-bad-usage",
        `usage "${c.usage}" is not PERSONAL, CERTAUTH or SITE; connection skipped`,
        "warning",
        509,
      );
      continue;
    }
    if (any0561 && !certs.get(c.certName)?.ringRefs.has(r.name)) {
      report(
        ctx,
        c.line,
        "unload-missing-0561",
        `no 0561 record says certificate "${cert.label}" is in ring ${clip(r.name)} (0561/0562 disagree)`,
        "info",
      );
    }
    connections.push({
      owner: cert.owner,
      label: cert.label,
      usage: c.usage as ConnectionFacts["usage"],
      default: c.default,
      source: src(ctx, "unload", c.line),
    });
  }
  applyRingSnapshot(ctx.model, owner, name, connections, src(ctx, "unload", line));
}
