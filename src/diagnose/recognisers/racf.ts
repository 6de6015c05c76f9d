/**
 * RACF and MVS lines about who a job is and what it was refused:
 * - ICH408I (RACF Messages and Codes): USER(..) GROUP(..), resource, CL(class), INSUFFICIENT
 *   ACCESS AUTHORITY, ACCESS INTENT(..) ACCESS ALLOWED(..), WARNING. The job log splits it over
 *   several lines; recognise.ts joins the continuation lines before this recogniser sees them.
 * - IRR812I: the STARTED profile used to start a procedure (so the user comes from its STDATA).
 * - IEF695I: START proc WITH JOBNAME job IS ASSIGNED TO USER user, GROUP group.
 * - IRRDnnnx: RACDCERT messages; only the text's own words are used (racfring has no table).
 * - R_datalib (IRRSDL00) SAF/RACF return and reason codes (RACF Callable Services, R_datalib
 *   Table 1).
 */
import { compact, field, timeOf } from "../fields.js";
import type { Recogniser, Signal } from "../types.js";

const MSGS = "IBM z/OS Security Server RACF Messages and Codes";
const CALLABLE =
  "IBM z/OS Security Server RACF Callable Services, R_datalib return and reason codes, Table 1 (ich2d100238)";

function paren(text: string, key: string): string | undefined {
  const m = new RegExp(`\\b${key}\\(\\s*([^)\\s]{1,64})\\s*\\)`, "i").exec(text);
  return m?.[1];
}

function ich408(text: string): ReturnType<Recogniser["recognise"]> {
  const user = paren(text, "USER")?.toUpperCase();
  const group = paren(text, "GROUP")?.toUpperCase();
  const cls = paren(text, "CL")?.toUpperCase();
  const resource = /\b([A-Z0-9$#@*%][A-Z0-9$#@*%.-]{0,245})\s+CL\(/i.exec(text)?.[1];
  const intent = paren(text, "INTENT")?.toUpperCase();
  const allowed = paren(text, "ALLOWED")?.toUpperCase();
  const warning = /\bWARNING\b/i.test(text);
  const signals: Signal[] = [];
  const ringResource =
    (cls === "FACILITY" && /^IRR\.DIGTCERT\.(LISTRING|LIST|GENCERT)$/i.test(resource ?? "")) ||
    (cls === "RDATALIB" && /\.LST$/i.test(resource ?? ""));
  // In WARNING mode RACF allowed the access; it is a hint, not the failure (RACF Messages: ICH408I).
  if (ringResource && !warning) {
    const updateDenied = intent === "UPDATE" && allowed === "READ";
    signals.push({ cause: updateDenied ? "private-key-not-returned" : "ring-not-authorised", weight: 9 });
    if (updateDenied) signals.push({ cause: "ring-not-authorised", weight: 3 });
  }
  if (cls === "CSFSERV" || cls === "CSFKEYS" || cls === "XCSFKEY")
    signals.push({ cause: "icsf-not-authorised", weight: warning ? 2 : 8 });
  const keyring =
    cls === "RDATALIB" && resource ? resource.replace(/\.LST$/i, "").replace(".", "/") : undefined;
  const facts = compact({
    user,
    group,
    class: cls,
    resource,
    intent,
    allowed,
    keyring,
    time: timeOf(text),
    notes: warning ? ["WARNING: RACF allowed the access (profile in WARNING mode)"] : undefined,
  });
  return {
    id: "ICH408I",
    family: "RACF",
    summary: `RACF ${warning ? "warned about" : "refused"} ${user ?? "a user"}${intent ? ` ${intent}` : ""} access to ${resource ?? "a resource"}${cls ? ` in class ${cls}` : ""}${allowed ? ` (allowed: ${allowed})` : ""}`,
    side: "unknown",
    facts,
    signals,
    source: `${MSGS}, ICH408I`,
    confidence: "ibm",
  };
}

/** R_datalib Table 1 (the reasons every function can return). */
const DATALIB: Record<string, { text: string; signals: Signal[] }> = {
  "8/8/4": { text: "parameter list error", signals: [] },
  "8/8/8": {
    text: "not RACF-authorized to use the requested service",
    signals: [{ cause: "ring-not-authorised", weight: 9 }],
  },
  "8/8/12": { text: "internal error caused recovery to get control", signals: [] },
  "8/8/16": { text: "unable to establish a recovery environment", signals: [] },
  "8/8/20": { text: "requested function code not defined", signals: [] },
  "8/8/24": { text: "parameter list version not supported", signals: [] },
  "8/8/28": {
    text: "error in ring name or RACF user id (the ring name is case-sensitive)",
    signals: [{ cause: "ring-not-found", weight: 9 }],
  },
  "8/8/72": { text: "caller not in task mode", signals: [] },
  "8/8/92": { text: "other internal error", signals: [] },
  "8/8/96": { text: "a non-APF-authorised library in the STEPLIB/JOBLIB concatenation", signals: [] },
};

function datalib(text: string): ReturnType<Recogniser["recognise"]> {
  if (!/R_?datalib|IRRSDL00|IRRSDL64/i.test(text)) return null;
  const triple =
    /\b(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{1,3})\b/.exec(text) ??
    /SAF\s*(?:return\s*code|RC)\s*[=:]?\s*(\d{1,2})\D{1,40}?RACF\s*(?:return\s*code|RC)\s*[=:]?\s*(\d{1,2})\D{1,40}?(?:reason(?:\s*code)?|RSN)\s*[=:]?\s*(\d{1,3})/i.exec(
      text,
    );
  if (!triple) return null;
  const [saf, racf, reason] = [Number(triple[1]), Number(triple[2]), Number(triple[3])];
  const key = `${saf}/${racf}/${reason}`;
  const known = DATALIB[key];
  return {
    id: "R_datalib",
    family: "RACF",
    summary: known
      ? `R_datalib ${key}: ${known.text}`
      : `R_datalib ${key}: not in racfring's copy of IBM's Table 1 (function-specific codes, e.g. DataGetFirst reasons, are not listed)`,
    side: "unknown",
    facts: compact({ returnCode: racf, reasonCode: reason, status: key, time: timeOf(text) }),
    signals: known?.signals ?? [],
    source: CALLABLE,
    confidence: known ? "ibm" : "unconfirmed",
  };
}

export const racf: Recogniser = {
  family: "RACF",
  recognise(text) {
    if (/\bICH408I\b/.test(text)) return ich408(text);
    const ief =
      /\bIEF695I\s+START\s+(\S{1,8})\s+WITH\s+JOBNAME\s+(\S{1,8})\s+IS\s+ASSIGNED\s+TO\s+USER\s+([A-Z0-9#$@]{1,8})\s*(?:,\s*GROUP\s+([A-Z0-9#$@]{1,8}))?/i.exec(
        text,
      );
    if (ief) {
      const facts = compact({
        jobname: ief[2]?.toUpperCase(),
        user: ief[3]?.toUpperCase(),
        ...(ief[4] ? { group: ief[4].toUpperCase() } : {}),
        notes: [`procedure ${ief[1]?.toUpperCase()}`],
        time: timeOf(text),
      });
      return {
        id: "IEF695I",
        family: "MVS",
        summary: `started task ${facts.jobname} runs as user ${facts.user}`,
        side: "unknown",
        facts,
        signals: [],
        source: "IBM z/OS MVS System Messages Vol 8 (IEF), IEF695I",
        confidence: "ibm",
      };
    }
    const irr812 =
      /\bIRR812I\s+PROFILE\s+(\S{1,246})\s+(?:\([GD]\)\s+)?IN\s+THE\s+STARTED\s+CLASS\s+WAS\s+USED\s+TO\s+START\s+(\S{1,8})\s+WITH\s+JOBNAME\s+([A-Z0-9#$@]{1,8})/i.exec(
        text,
      );
    if (irr812) {
      const proc = irr812[2]?.toUpperCase() ?? "";
      return {
        id: "IRR812I",
        family: "RACF",
        summary: `STARTED profile ${irr812[1]} was used to start ${proc} (job ${irr812[3]?.toUpperCase()})`,
        side: "unknown",
        facts: compact({
          jobname: irr812[3]?.toUpperCase(),
          resource: irr812[1],
          class: "STARTED",
          notes: [`procedure ${proc}`],
        }),
        signals: [],
        source: `${MSGS}, IRR812I`,
        confidence: "ibm",
      };
    }
    const irrd = /\b(IRRD\d{3}[IEW])\b\s*(.{0,300})/.exec(text);
    if (irrd) {
      const body = irrd[2] ?? "";
      const signals: Signal[] = [];
      if (/ring\b.{0,60}\b(does not exist|not found)/i.test(body))
        signals.push({ cause: "ring-not-found", weight: 6 });
      if (/not authori[sz]ed/i.test(body)) signals.push({ cause: "ring-not-authorised", weight: 4 });
      if (/private key.{0,40}(not|no)\b/i.test(body))
        signals.push({ cause: "private-key-not-returned", weight: 3 });
      const ring = field(body, "RING");
      return {
        id: irrd[1] ?? "IRRD",
        family: "RACF",
        summary: `RACDCERT message: ${body.trim().slice(0, 120)}`,
        side: "unknown",
        facts: { ...(ring ? { keyring: ring } : {}) },
        signals,
        source: `${MSGS}, IRRD messages (RACDCERT); meaning taken from the message's own words`,
        confidence: "unconfirmed",
      };
    }
    return datalib(text);
  },
};
