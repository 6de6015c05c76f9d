/**
 * lint-jcl's checks of RACDCERT commands: the operands each function accepts (IBM RACF Command
 * Language Reference, one page per function: le-gencert.htm, le-add.htm, le-connect.htm,
 * le-alter.htm, le-genreq.htm…), labels, rings and owners, and which classes a function
 * changes (so that lint.ts can ask for the refresh).
 */

import { truncate } from "../audit/format/safe-text.js";
import type { Severity } from "../model/types.js";
import { dateOperand } from "../racf/apply/gencert.js";
import { type Keyword, keyword, type ParsedCommand } from "../racf/parse.js";
import {
  type Collector,
  checkLabel,
  checkPassword,
  checkRing,
  checkUserId,
  type DeckState,
  markChange,
} from "./deck.js";

/** RACDCERT functions and the options each accepts besides the owner (ID/CERTAUTH/SITE). null = not checked. */
const FUNCTION_OPTIONS: Record<string, readonly string[] | null> = {
  GENCERT: [
    "SUBJECTSDN",
    "ALTNAME",
    "SIZE",
    "RSA",
    "NISTECC",
    "BPECC",
    "DSA",
    "PKDS",
    "ICSF",
    "PCICC",
    "TKDS",
    "FROMICSF",
    "NOTBEFORE",
    "NOTAFTER",
    "KEYUSAGE",
    "SIGNWITH",
    "WITHLABEL",
  ],
  ADD: ["TRUST", "NOTRUST", "HIGHTRUST", "WITHLABEL", "PASSWORD", "PKDS", "ICSF", "TKDS"],
  ALTER: ["TRUST", "NOTRUST", "HIGHTRUST", "NEWLABEL"],
  GENREQ: ["DSN"],
  EXPORT: ["DSN", "FORMAT", "PASSWORD", "ENCRYPTALG", "PBESTRONGER"],
  REKEY: ["SIZE", "RSA", "NISTECC", "BPECC", "DSA", "PKDS", "ICSF", "PCICC", "TKDS", "WITHLABEL"],
  ROLLOVER: ["NEWLABEL"],
  CHECKCERT: ["PASSWORD"],
  ADDRING: [],
  DELRING: [],
  LISTRING: [],
  CONNECT: [],
  REMOVE: [],
  DELETE: [],
  LIST: [],
  LISTCHAIN: [],
  IMPORT: null,
  BIND: null,
  UNBIND: null,
  ADDTOKEN: null,
  DELTOKEN: null,
  LISTTOKEN: null,
  MAP: null,
  ALTMAP: null,
  DELMAP: null,
  LISTMAP: null,
};
const OWNER_KEYWORDS = new Set(["ID", "CERTAUTH", "SITE"]);

/** Functions that change certificates (DIGTCERT) or rings (DIGTRING). */
const CHANGES: Record<string, readonly string[]> = {
  ADD: ["DIGTCERT"],
  ALTER: ["DIGTCERT"],
  GENCERT: ["DIGTCERT"],
  REKEY: ["DIGTCERT"],
  IMPORT: ["DIGTCERT"],
  DELETE: ["DIGTCERT", "DIGTRING"],
  ROLLOVER: ["DIGTCERT", "DIGTRING"],
  ADDRING: ["DIGTRING"],
  DELRING: ["DIGTRING"],
  CONNECT: ["DIGTRING"],
  REMOVE: ["DIGTRING"],
};

function ownerOf(cmd: ParsedCommand): string {
  const id = keyword(cmd.keywords, "ID")?.values[0]?.text;
  if (id) return `ID(${id.toUpperCase()})`;
  if (keyword(cmd.keywords, "CERTAUTH")) return "CERTAUTH";
  if (keyword(cmd.keywords, "SITE")) return "SITE";
  return "ID(*)"; // the issuer's own user id, unknown from the deck
}

export function lintRacdcert(
  c: Collector,
  cmd: ParsedCommand,
  state: DeckState,
  symbols: ReadonlyMap<string, { value: string; line: number }>,
): void {
  const functions = cmd.keywords.filter((k) => k.name in FUNCTION_OPTIONS);
  const owners = cmd.keywords.filter((k) => OWNER_KEYWORDS.has(k.name));
  if (functions.length > 1) {
    const second = functions[1] as Keyword;
    c.add(
      second.line,
      second.column,
      "error",
      "racdcert-functions",
      `RACDCERT takes one function; found ${functions.map((f) => f.name).join(" and ")}`,
    );
  }
  if (owners.length > 1) {
    const second = owners[1] as Keyword;
    c.add(
      second.line,
      second.column,
      "error",
      "racdcert-owners",
      `RACDCERT takes one of ID(), CERTAUTH or SITE; found ${owners.map((o) => o.name).join(" and ")}`,
    );
  }
  const idv = keyword(cmd.keywords, "ID")?.values[0];
  if (idv) checkUserId(c, idv, "RACDCERT ID");
  const fn = functions[0]?.name ?? "LIST";
  const fnKw = functions[0];
  const allowed = FUNCTION_OPTIONS[fn];
  if (allowed) {
    for (const k of cmd.keywords) {
      if (k === fnKw || OWNER_KEYWORDS.has(k.name) || k.name in FUNCTION_OPTIONS) continue;
      if (!allowed.includes(k.name)) {
        c.add(
          k.line,
          k.column,
          "error",
          "keyword-not-valid",
          `${k.name} is not valid with RACDCERT ${fn}${allowed.length > 0 ? ` (valid: ${allowed.join(" ")})` : ""}`,
        );
      }
    }
  }
  const owner = ownerOf(cmd);
  const line = cmd.line;
  const col = cmd.column;
  for (const cls of CHANGES[fn] ?? []) markChange(state, cls, c.file, line, col, `RACDCERT ${fn}`);
  checkPassword(c, keyword(cmd.keywords, "PASSWORD"), `RACDCERT ${fn}`, symbols);
  checkLabel(c, keyword(cmd.keywords, "WITHLABEL")?.values[0], `RACDCERT ${fn} WITHLABEL`);
  checkLabel(c, keyword(cmd.keywords, "NEWLABEL")?.values[0], `RACDCERT ${fn} NEWLABEL`);
  if (fnKw) {
    checkLabel(c, keyword(fnKw.sub, "LABEL")?.values[0], `RACDCERT ${fn} LABEL`);
  }
  const signwith = keyword(cmd.keywords, "SIGNWITH");
  if (signwith) checkLabel(c, keyword(signwith.sub, "LABEL")?.values[0], "RACDCERT GENCERT SIGNWITH LABEL");

  if (fn === "GENCERT") {
    // The reader's own date and time checks (30 February, TIME(24:00:00), years out of range):
    // lint-jcl gives the verdict model --jcl gives (issue 9, item 8).
    const sink = {
      issue: (l: number, code: string, message: string, severity: Severity = "warning", column?: number) =>
        c.add(l, column ?? 1, severity, code, message),
    };
    for (const k of ["NOTBEFORE", "NOTAFTER"])
      dateOperand(sink, keyword(cmd.keywords, k), "RACDCERT GENCERT");
  }
  if (fn === "GENCERT" && !keyword(cmd.keywords, "WITHLABEL") && !fnKw?.values.length) {
    c.add(
      line,
      col,
      "warning",
      "no-withlabel",
      "RACDCERT GENCERT without WITHLABEL: RACF makes up a label, which later CONNECT commands cannot know",
    );
  }
  switch (fn) {
    case "GENCERT":
    case "ADD":
    case "REKEY": {
      const label = keyword(cmd.keywords, "WITHLABEL")?.values[0]?.text;
      if (label !== undefined) {
        state.labels.add(`${owner}|${label}`);
        state.deletedLabels.delete(`${owner}|${label}`);
      } else state.unknownLabelOwners.add(owner);
      break;
    }
    case "ALTER": {
      const nl = keyword(cmd.keywords, "NEWLABEL")?.values[0]?.text;
      if (nl !== undefined) state.labels.add(`${owner}|${nl}`);
      break;
    }
    case "DELETE": {
      const label = fnKw ? keyword(fnKw.sub, "LABEL")?.values[0]?.text : undefined;
      if (label !== undefined) {
        state.labels.delete(`${owner}|${label}`);
        state.deletedLabels.add(`${owner}|${label}`);
      }
      break;
    }
    case "ADDRING":
    case "DELRING": {
      const ring = fnKw?.values[0];
      checkRing(c, ring, `RACDCERT ${fn}`);
      if (owner === "CERTAUTH" || owner === "SITE") {
        c.add(
          line,
          col,
          "error",
          "ring-owner",
          `RACDCERT ${fn}: key rings belong to users, never to ${truncate(owner)} (IBM message IRRD120I)`,
        );
      }
      if (ring) {
        const key = `${owner}|${ring.text}`;
        if (fn === "ADDRING") {
          state.rings.add(key);
          state.deletedRings.delete(key);
        } else {
          state.rings.delete(key);
          state.deletedRings.add(key);
        }
      }
      break;
    }
    case "LISTRING":
      checkRing(c, fnKw?.values[0], "RACDCERT LISTRING");
      break;
    case "CONNECT":
    case "REMOVE": {
      if (!fnKw) break;
      const ring = keyword(fnKw.sub, "RING")?.values[0];
      const labelV = keyword(fnKw.sub, "LABEL")?.values[0];
      checkRing(c, ring, `RACDCERT ${fn} RING`);
      const innerId = keyword(fnKw.sub, "ID")?.values[0];
      if (innerId) checkUserId(c, innerId, `RACDCERT ${fn} ID`);
      if (!ring)
        c.add(
          fnKw.line,
          fnKw.column,
          "error",
          "connect-missing-ring",
          `RACDCERT ${fn} needs RING(ring-name)`,
        );
      if (!labelV && !keyword(fnKw.sub, "SERIALNUMBER")) {
        c.add(
          fnKw.line,
          fnKw.column,
          "error",
          "connect-missing-label",
          `RACDCERT ${fn} needs LABEL('label') to name the certificate`,
        );
      }
      const usage = keyword(fnKw.sub, "USAGE")?.values[0];
      if (usage && !["PERSONAL", "CERTAUTH", "SITE"].includes(usage.text.toUpperCase())) {
        c.add(
          usage.line,
          usage.column,
          "error",
          "bad-usage",
          `USAGE(${truncate(usage.text)}) is not PERSONAL, CERTAUTH or SITE`,
        );
      }
      if (fn !== "CONNECT") break;
      const certOwner = innerId
        ? `ID(${innerId.text.toUpperCase()})`
        : keyword(fnKw.sub, "CERTAUTH")
          ? "CERTAUTH"
          : keyword(fnKw.sub, "SITE")
            ? "SITE"
            : owner;
      if (labelV && !state.unknownLabelOwners.has(certOwner) && !state.unknownLabelOwners.has("ID(*)")) {
        const key = `${certOwner}|${labelV.text}`;
        if (state.deletedLabels.has(key)) {
          c.add(
            labelV.line,
            labelV.column,
            "error",
            "connect-deleted-label",
            `CONNECT of ${truncate(certOwner)} '${truncate(labelV.text)}', which this deck deleted earlier`,
          );
        } else if (!state.labels.has(key)) {
          c.add(
            labelV.line,
            labelV.column,
            "warning",
            "connect-unknown-label",
            `CONNECT of ${truncate(certOwner)} '${truncate(labelV.text)}', which this deck never creates (GENCERT/ADD WITHLABEL); make sure it exists before the job runs`,
          );
        }
      }
      if (ring?.text === "*") {
        // A user's virtual ring (IBM KC21 icha700/uvkr.htm) holds every certificate the user
        // owns; it cannot be changed, so RACF rejects the CONNECT.
        c.add(
          ring.line,
          ring.column,
          "error",
          "connect-virtual-ring",
          "RING(*) is a virtual key ring (every certificate its owner owns) and cannot be connected to; ADDRING a real ring and connect to it",
        );
      } else if (ring) {
        const key = `${owner}|${ring.text}`;
        if (state.deletedRings.has(key)) {
          c.add(
            ring.line,
            ring.column,
            "error",
            "connect-deleted-ring",
            `CONNECT to ring ${truncate(ring.text)} of ${truncate(owner)}, which this deck deleted earlier`,
          );
        } else if (!state.rings.has(key)) {
          c.add(
            ring.line,
            ring.column,
            "warning",
            "connect-unknown-ring",
            `CONNECT to ring ${truncate(ring.text)} of ${truncate(owner)}, which this deck never adds (ADDRING); make sure it exists (ring names are case-sensitive)`,
          );
        }
      }
      break;
    }
    default:
      break;
  }
}
