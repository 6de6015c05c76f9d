/**
 * Check: select-certificate — the label (exact, case-sensitive) or the ring's DEFAULT;
 * neither usable → 6 (field case 3), with the fixes that connect or name the right one.
 */
import { formatSource, isCaOwner, ownerUser, userOwner } from "../../model/model.js";
import type { Source } from "../../model/types.js";
import { alterTrustCommand, connectCommand, refreshCommands } from "../commands.js";
import type { SimFix } from "../types.js";
import type { Failure, Simulation } from "./context.js";
import { keyDecision } from "./private-keys.js";
import { R } from "./rules.js";
import { at, evidence } from "./util.js";

export function selectCertificate(s: Simulation): Failure | null {
  const label = s.req.label ?? null;
  const labelSrc = s.req.policy?.label ?? null;
  if (s.role === "client" && s.clientAuth === "none") {
    s.step({ id: "select-certificate", ok: null, confidence: "ibm" }, () => ({
      title: "Select the local certificate",
      detail: `Client role and the server does not ask for a certificate: no local certificate is needed${label ? ` (label '${label}' would only matter if the server asked)` : ""}.`,
      evidence: evidence(labelSrc ? [labelSrc] : []),
      source: "a client certificate is needed only when the server asks for one (rules §3)",
    }));
    return null;
  }
  if (label !== null) {
    const e = s.entries.find((x) => x.label === label);
    if (e) {
      s.selected = e;
      s.step({ id: "select-certificate", ok: true, confidence: "ibm" }, () => ({
        title: "Select the local certificate",
        detail: `Label '${label}'${labelSrc ? ` (configured at ${formatSource(labelSrc)})` : ""} found: ${e.owner} '${e.label}', usage ${e.usage}${at(e.sources)}.`,
        evidence: evidence(e.sources, labelSrc ? [labelSrc] : []),
        source: R.label,
      }));
      return null;
    }
    return labelNotFound(s, label, labelSrc);
  }
  const dflt = s.entries.find((x) => x.isDefault);
  if (dflt) {
    s.selected = dflt;
    s.step({ id: "select-certificate", ok: true, confidence: "ibm" }, () => ({
      title: "Select the local certificate",
      detail: `No label configured: the ring's DEFAULT certificate is ${dflt.owner} '${dflt.label}', usage ${dflt.usage}${at(dflt.sources)}.`,
      evidence: evidence(dflt.sources),
      source: R.dflt,
    }));
    return null;
  }
  return noDefault(s);
}

export function labelNotFound(s: Simulation, label: string, labelSrc: Source | null): Failure {
  const model = s.model;
  const why: string[] = [`Label '${label}' is not among the entries the ring returns.`];
  const fixes: SimFix[] = [];
  const ev: Source[] = labelSrc ? [labelSrc] : [];
  const notrust = model.state.certificates.filter((c) => c.label === label && c.status === "NOTRUST");
  const onRingNotrust = notrust.filter((c) =>
    s.virtual
      ? true
      : model
          .ring(s.ringOwner, s.ringName)
          ?.connections.some((k) => k.owner === c.owner && k.label === c.label),
  );
  for (const c of onRingNotrust) {
    why.push(
      `${c.owner} '${c.label}' is connected but NOTRUST${at(c.sources)}, so it is not returned (IBM, System SSL return code 6).`,
    );
    ev.push(...c.sources);
    fixes.push({
      summary: `Mark ${c.owner} '${c.label}' TRUST (check first why RACF made it NOTRUST: expired, or issuer unknown).`,
      commands: [alterTrustCommand(c.owner, c.label), ...refreshCommands(model, ["DIGTCERT"])],
      notes: s.refreshNotes(),
    });
  }
  const caseDiff = s.entries.filter(
    (e) => e.label !== label && e.label.toUpperCase() === label.toUpperCase(),
  );
  for (const e of caseDiff) {
    why.push(`The ring holds '${e.label}'${at(e.sources)} — labels are case-sensitive.`);
    ev.push(...e.sources);
    fixes.push({
      summary: `Configure the label exactly as RACF has it: '${e.label}'${labelSrc ? ` (change ${formatSource(labelSrc)})` : ""}.`,
      commands: [],
      notes: s.refreshNotes(),
    });
  }
  if (!s.virtual) {
    const elsewhere = model.state.certificates.filter(
      (c) => c.label === label && c.status !== "NOTRUST" && !onRingNotrust.includes(c),
    );
    // Prefer the user's own certificate: its key comes back in either checking mode.
    elsewhere.sort((a, b) => Number(ownerUser(b.owner) === s.user) - Number(ownerUser(a.owner) === s.user));
    for (const c of elsewhere) {
      why.push(`${c.owner} '${c.label}' exists${at(c.sources)} but is not connected to ${s.ringLabel}.`);
      ev.push(...c.sources);
      fixes.push({
        summary: `Connect ${c.owner} '${c.label}' to ${s.ringLabel} with USAGE(PERSONAL), then refresh DIGTRING.${ownerUser(c.owner) !== s.user && !isCaOwner(c.owner) ? ` It belongs to another user: ${s.user} will also need UPDATE on ${s.ringOwner}.${s.ringName.toUpperCase()}.LST in RDATALIB for its key.` : ""}`,
        commands: [
          connectCommand(s.ringOwner, s.ringName, c.owner, c.label, "PERSONAL", false),
          ...refreshCommands(model, ["DIGTRING"]),
        ],
        notes: s.refreshNotes(),
      });
    }
  }
  if (fixes.length === 0) {
    fixes.push({
      summary: `Connect the certificate labelled '${label}' to ${s.ringLabel} (USAGE(PERSONAL)), or configure the label of a certificate that is on the ring.`,
      commands: [
        connectCommand(s.ringOwner, s.ringName, userOwner(s.user), label, "PERSONAL", false),
        ...refreshCommands(model, ["DIGTRING"]),
      ],
      notes: s.refreshNotes(),
    });
  }
  s.step({ id: "select-certificate", ok: false, confidence: "ibm" }, () => ({
    title: "Select the local certificate",
    detail: why.join(" "),
    evidence: evidence(ev),
    source: R.label,
  }));
  const [fix, ...alternatives] = fixes;
  return {
    rc: 6,
    confidence: "ibm",
    fix: fix ?? null,
    alternatives,
    partner: s.role === "server" ? { rc: 438, confidence: "third-party" } : null,
  };
}

export function noDefault(s: Simulation): Failure | null {
  const model = s.model;
  // Field case 3 is a server: "no label given and no usable default" → 6. A client with no
  // certificate simply sends none; the server then fails with 403 when it requires one.
  if (s.role === "client") {
    const required = s.clientAuth === "required";
    s.step({ id: "select-certificate", ok: required ? false : null, confidence: "ibm" }, () => ({
      title: "Select the local certificate",
      detail: `No label configured and the ring has no DEFAULT certificate: the client sends no certificate. The server ${required ? "requires one (ClientAuthType Required) and will fail with 403" : `asks with ClientAuthType ${s.clientAuth} and goes on without one`}.`,
      evidence: [],
      source: R.peer,
    }));
    if (!required) return null;
    return {
      rc: 403,
      side: "server",
      confidence: "ibm",
      fix: s.connectDefaultFix(),
      alternatives: [],
      partner: null,
    };
  }
  const empty = s.entries.length === 0;
  const personal = s.entries.filter((e) => e.usage === "PERSONAL");
  const why = empty
    ? `No label configured and the ring returns no certificates at all.`
    : `No label configured and no entry is marked DEFAULT (${s.entries.map((e) => `'${e.label}' ${e.usage}`).join(", ")}).`;
  s.step({ id: "select-certificate", ok: false, confidence: "third-party" }, () => ({
    title: "Select the local certificate",
    detail: `${why}${s.virtual ? " Virtual rings have no default: configure a label." : ""}`,
    evidence: evidence(...s.entries.map((e) => e.sources)),
    // Field case 3 ("no label and no usable default personal certificate" → 6) covers an empty
    // ring too, and the field cases win over the unconfirmed 7 some other APIs report.
    source: empty ? `${R.dflt}; other APIs may report 7 "No certificates available" [UNCONFIRMED]` : R.dflt,
  }));
  const fixes: SimFix[] = [];
  if (s.virtual) {
    const own = personal.find((e) => ownerUser(e.owner) === s.user);
    fixes.push({
      summary: `Configure the certificate label explicitly${own ? ` (e.g. '${own.label}')` : ""}: a virtual ring has no DEFAULT.`,
      commands: [],
      notes: s.refreshNotes(),
    });
  } else {
    const best = personal.find((e) => keyDecision(s, e).returned !== false);
    const notrustDefault = s.notrustDefault();
    if (notrustDefault) {
      fixes.push({
        summary: `The ring's DEFAULT ${notrustDefault.owner} '${notrustDefault.label}' is NOTRUST, so it is not returned (IBM, System SSL return code 6): if it is the right certificate, mark it TRUST again and refresh DIGTCERT.`,
        commands: [
          alterTrustCommand(notrustDefault.owner, notrustDefault.label),
          ...refreshCommands(model, ["DIGTCERT"]),
        ],
        notes: s.refreshNotes(),
      });
    }
    if (best) {
      fixes.push({
        summary: `Make ${best.owner} '${best.label}' the ring's DEFAULT (connecting it again with DEFAULT moves the default), then refresh DIGTRING.`,
        commands: [
          connectCommand(s.ringOwner, s.ringName, best.owner, best.label, "PERSONAL", true),
          ...refreshCommands(model, ["DIGTRING", "DIGTCERT"]),
        ],
        notes: s.refreshNotes(),
      });
      fixes.push({
        summary: `Or configure its label ('${best.label}') in the application / policy (CertificateLabel).`,
        commands: [],
        notes: s.refreshNotes(),
      });
    } else {
      fixes.push(s.connectDefaultFix());
    }
  }
  const [fix, ...alternatives] = fixes;
  return {
    rc: 6,
    confidence: "third-party",
    fix: fix ?? null,
    alternatives,
    partner: { rc: 438, confidence: "third-party" },
  };
}
