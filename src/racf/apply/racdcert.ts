import type { RingUsage } from "../../model/types.js";
import { firstValue, hasKeyword, type Keyword, type ParsedCommand } from "../parse.js";
import { addCert, certCommand } from "./certificate.js";
import { gencert } from "./gencert.js";
import { innerOwner, racdcertOwner } from "./owner.js";
import type { ApplyState } from "./state.js";

/**
 * RACDCERT: one function per command, dispatched here; ADDRING/DELRING and ring
 * CONNECT/REMOVE are applied here (IBM RACF Command Language Reference, RACDCERT).
 */

const FUNCTIONS = [
  "ADD",
  "ADDRING",
  "ALTER",
  "CHECKCERT",
  "CONNECT",
  "DELETE",
  "DELRING",
  "EXPORT",
  "GENCERT",
  "GENREQ",
  "LIST",
  "LISTCHAIN",
  "LISTRING",
  "REMOVE",
  "REKEY",
  "ROLLOVER",
  "IMPORT",
  "BIND",
  "UNBIND",
  "ADDTOKEN",
  "DELTOKEN",
  "LISTTOKEN",
  "MAP",
  "ALTMAP",
  "DELMAP",
  "LISTMAP",
];

export function racdcert(s: ApplyState, cmd: ParsedCommand): void {
  const kws = cmd.keywords;
  for (const k of kws) if (k.sensitive && k.values.length > 0) s.secretFinding(cmd, k);
  const functions = kws.filter((k) => FUNCTIONS.includes(k.name));
  if (functions.length > 1) {
    s.issue(
      cmd.line,
      "conflicting-functions",
      `RACDCERT with more than one function (${functions.map((f) => f.name).join(", ")}): RACF rejects the command; skipped`,
      "error",
      cmd.column,
    );
    return;
  }
  const fn = functions[0];
  // RACDCERT with no function lists the certificates (IBM: LIST is the default function).
  if (!fn) return;
  const what = `RACDCERT ${fn.name}`;
  switch (fn.name) {
    case "ADDRING":
    case "DELRING":
      ringCommand(s, cmd, fn, what);
      return;
    case "CONNECT":
    case "REMOVE":
      connectCommand(s, cmd, fn, what);
      return;
    case "GENCERT":
      gencert(s, cmd, fn);
      return;
    case "ADD":
      addCert(s, cmd, fn);
      return;
    case "ALTER":
    case "DELETE":
    case "GENREQ":
    case "EXPORT":
      certCommand(s, cmd, fn, what);
      return;
    case "LIST":
    case "LISTRING":
    case "LISTCHAIN":
    case "CHECKCERT":
      return; // listing functions change nothing
    default:
      s.issue(
        fn.line,
        "not-modelled",
        `${what} is not modelled: racfring's model may differ from RACF after it`,
        "info",
        fn.column,
      );
  }
}

export function ringCommand(s: ApplyState, cmd: ParsedCommand, fn: Keyword, what: string): void {
  const owner = racdcertOwner(s, cmd, cmd.keywords, what);
  if (!owner) return;
  if (owner === "CERTAUTH" || owner === "SITE") {
    s.issue(
      cmd.line,
      "ring-owner-not-user",
      `${what}: only users own key rings, not ${owner} (IBM message IRRD120I); command skipped`,
      "error",
      cmd.column,
    );
    return;
  }
  const user = owner.slice(3, -1);
  const name = s.ringName(fn.values[0], what, fn.line);
  if (name === null) return;
  const model = s.ctx.model;
  if (fn.name === "ADDRING") {
    if (model.ring(user, name)) {
      s.issue(
        fn.line,
        "ring-exists",
        `${what}: ring ${user}/${name} already exists; RACF rejects the command`,
        "warning",
        fn.column,
      );
      return;
    }
    model.addRing(user, name, s.source(cmd.line, cmd.column));
    return;
  }
  if (!model.deleteRing(user, name)) {
    s.issue(
      fn.line,
      "ring-not-found",
      `${what}: ring ${user}/${name} is not defined in the inputs`,
      "warning",
      fn.column,
    );
  }
}

export function connectCommand(s: ApplyState, cmd: ParsedCommand, fn: Keyword, what: string): void {
  const ringOwnerFull = racdcertOwner(s, cmd, cmd.keywords, what);
  if (!ringOwnerFull) return;
  if (ringOwnerFull === "CERTAUTH" || ringOwnerFull === "SITE") {
    s.issue(
      cmd.line,
      "ring-owner-not-user",
      `${what}: the outer ${ringOwnerFull} names the ring owner, and only users own key rings (IBM message IRRD120I); use ID(user) outside and ${ringOwnerFull} inside ${fn.name}(...); command skipped`,
      "error",
      cmd.column,
    );
    return;
  }
  const ringOwner = ringOwnerFull.slice(3, -1);
  const sub = fn.sub;
  if (!hasKeyword(sub, "LABEL") && (hasKeyword(sub, "SERIALNUMBER") || hasKeyword(sub, "ISSUERSDN"))) {
    s.issue(
      fn.line,
      "not-modelled",
      `${what} by SERIALNUMBER/ISSUERSDN is not modelled; give LABEL('...'); command skipped`,
      "warning",
      fn.column,
    );
    return;
  }
  const certOwner = innerOwner(s, sub, ringOwner, what);
  if (!certOwner) return;
  const label = s.label(firstValue(sub, "LABEL"), what, fn.line);
  if (label === null) return;
  const ringName = s.ringName(firstValue(sub, "RING"), what, fn.line);
  if (ringName === null) return;
  const model = s.ctx.model;
  if (ringName === "*") {
    // <user>/* is the user's virtual ring: every certificate the user owns, nothing to
    // connect (IBM KC21 icha700/uvkr.htm). RACF has no ring of that name.
    s.issue(
      fn.line,
      "virtual-ring",
      `${what}: RING(*) names ${ringOwner}'s virtual key ring (all the certificates ${ringOwner} owns), which cannot be changed; RACF rejects the command — ADDRING a real ring and ${fn.name === "CONNECT" ? "connect to" : "use"} it; skipped`,
      "error",
      fn.column,
    );
    return;
  }
  const ring = model.ring(ringOwner, ringName);
  if (!ring) {
    s.issue(
      fn.line,
      "ring-not-found",
      `${what}: ring ${ringOwner}/${ringName} is not defined in the inputs (ring names are case-sensitive); RACF rejects the command (IRRD114I) unless it exists; skipped`,
      "error",
      fn.column,
    );
    return;
  }
  const cert = model.certificate(certOwner, label);
  if (fn.name === "REMOVE") {
    if (!model.disconnect(ring, certOwner, label)) {
      s.issue(
        fn.line,
        "not-connected",
        `${what}: ${certOwner} '${label}' is not connected to ${ringOwner}/${ringName}`,
        "warning",
        fn.column,
      );
    }
    return;
  }
  if (!cert) {
    s.issue(
      fn.line,
      "certificate-not-found",
      `${what}: certificate ${certOwner} '${label}' is not defined in the inputs (labels are case-sensitive); RACF rejects the command unless it exists; skipped`,
      "error",
      fn.column,
    );
    return;
  }
  // USAGE defaults to the certificate's kind (rules §6, [3rd]).
  const kind: RingUsage = certOwner === "CERTAUTH" ? "CERTAUTH" : certOwner === "SITE" ? "SITE" : "PERSONAL";
  let usage: RingUsage = kind;
  const usageValue = firstValue(sub, "USAGE");
  if (usageValue) {
    const up = usageValue.text.toUpperCase();
    const found = (["PERSONAL", "CERTAUTH", "SITE"] as const).find(
      (u) => u === up || (up.length >= 1 && u.startsWith(up)),
    );
    if (found) usage = found;
    else {
      s.issue(
        usageValue.line,
        "invalid-usage",
        `${what}: USAGE(${up}) is not PERSONAL, CERTAUTH or SITE; the default ${kind} is used`,
        "warning",
        usageValue.column,
      );
    }
  }
  model.connect(ring, {
    owner: certOwner,
    label,
    usage,
    default: hasKeyword(sub, "DEFAULT"),
    sources: [s.source(cmd.line, cmd.column)],
  });
}
