/**
 * Generation plans: the YAML (or JSON) file `racfring generate` reads.
 *
 * Loading is pure (text in, plan or located issues out) and never throws on bad input. The
 * structure is checked against the published JSON Schema (`plan.schema.json`) with ajv; every
 * schema error is mapped back to the line and column of the offending YAML/JSON node through
 * yaml's `LineCounter`. Rules the schema cannot express (references between entries, key sizes
 * per key type, RACF limits that depend on the signing method) are checked afterwards in
 * `semantic.ts`, located the same way.
 */
import AjvModule, { type ErrorObject } from "ajv";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from "yaml";
import { escapeDisplayControl, firstDisplayControl } from "../readers/display-controls.js";
import schema from "./plan.schema.json" with { type: "json" };

export type PlanKeyType = "RSA" | "NISTECC" | "BPECC";
export type PlanKeyUsage = "HANDSHAKE" | "DATAENCRYPT" | "DOCSIGN" | "CERTSIGN";
export type PlanEku = "serverAuth" | "clientAuth" | "codeSigning" | "emailProtection";
export type SignMethod = "racf" | "genreq" | "pkcs12";

/** Subject attributes in RACF's SUBJECTSDN names, most specific first in `SUBJECT_ORDER`. */
export interface PlanSubject {
  CN: string;
  T?: string;
  OU?: string;
  O?: string;
  L?: string;
  SP?: string;
  C?: string;
}
export const SUBJECT_ORDER = ["CN", "T", "OU", "O", "L", "SP", "C"] as const;

export interface PlanKey {
  type: PlanKeyType;
  size: number;
}

export interface PlanValidity {
  notBefore: string;
  notAfter: string;
}

export interface PlanJob {
  name: string;
  accounting?: string;
  programmer?: string;
  class?: string;
  msgclass?: string;
  notify?: string;
  split?: "single" | "per-phase";
}

export interface PlanUser {
  id: string;
  create?: boolean;
  defaultGroup?: string;
  name?: string;
}

export interface PlanCa {
  label: string;
  subject: PlanSubject;
  key: PlanKey;
  validity: PlanValidity;
}

export interface PlanAuthority extends PlanCa {
  id: string;
  create: "racf" | "openssl";
  intermediate?: PlanCa;
}

export interface PlanAltNames {
  dns?: string[];
  ip?: string[];
  email?: string[];
  uri?: string[];
}

export interface PlanCertificate {
  id: string;
  owner: string;
  label: string;
  subject: PlanSubject;
  altNames?: PlanAltNames;
  key: PlanKey;
  validity: PlanValidity;
  keyUsage?: PlanKeyUsage[];
  extendedKeyUsage?: PlanEku[];
  signer: { authority: string; method?: SignMethod };
}

export interface PlanConnection {
  certificate?: string;
  authority?: string;
  usage?: "PERSONAL" | "CERTAUTH" | "SITE";
  default?: boolean;
}

export interface PlanRing {
  owner: string;
  name: string;
  /** The ring exists already: no ADDRING, and the backout removes only the plan's connections. */
  existing?: boolean;
  connect: PlanConnection[];
}

export interface PlanApplication {
  name: string;
  user: string;
  ring: string;
  certificate?: string;
  role?: "server" | "client";
}

/** A CA certificate that exists in RACF already and signs the plan's certificates (GENCERT SIGNWITH). */
export interface PlanExistingAuthority {
  id: string;
  owner?: "CERTAUTH" | "SITE";
  label: string;
}

/** A certificate that exists in RACF already, to be connected to a ring. */
export interface PlanExistingCertificate {
  id: string;
  owner: string;
  label: string;
}

export interface Plan {
  racfringPlan: 1;
  name: string;
  description?: string;
  /**
   * The z/OS system's time zone (IANA name or ±hh:mm): RACF reads NOTBEFORE/NOTAFTER TIME() as
   * local time, so plan times with a zone are converted into it (zos-time.ts).
   */
  zosTimeZone?: string;
  job: PlanJob;
  datasets?: { hlq: string };
  existing?: { authorities?: PlanExistingAuthority[]; certificates?: PlanExistingCertificate[] };
  users?: PlanUser[];
  authorities?: PlanAuthority[];
  certificates?: PlanCertificate[];
  rings?: PlanRing[];
  applications?: PlanApplication[];
  permissions?: { strategy?: "rdatalib" | "facility"; activateRdatalib?: boolean };
}

/** A problem in the plan, located in the plan file. */
export interface PlanIssue {
  file: string;
  line: number;
  column: number;
  /** Path in the plan, e.g. `certificates[0].key.size`. */
  path: string;
  message: string;
}

export type PlanPath = (string | number)[];

/** Maps a plan path to a position in the plan file. */
export interface PlanLocator {
  file: string;
  locate(path: PlanPath): { line: number; column: number };
}

export interface LoadedPlan {
  plan: Plan | null;
  issues: PlanIssue[];
  locator: PlanLocator;
}

export const PLAN_SCHEMA: object = schema;

export function formatPath(path: PlanPath): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? p : `.${p}`;
  return s === "" ? "(plan)" : s;
}

/** `file:line:col: path: message`, the form every plan error is printed in. */
export function formatPlanIssue(i: PlanIssue): string {
  return `${i.file}:${i.line}:${i.column}: ${i.path}: ${i.message}`;
}

// ajv is a CommonJS module whose default export is the class; under NodeNext the namespace
// object comes back, so unwrap it once.
type AjvClass = typeof AjvModule.default;
const Ajv: AjvClass =
  (AjvModule as unknown as { default?: AjvClass }).default ?? (AjvModule as unknown as AjvClass);
const ajv = new Ajv({ allErrors: true, strict: true });
const validateSchema = ajv.compile(schema);

function makeLocator(file: string, doc: ReturnType<typeof parseDocument>, lc: LineCounter): PlanLocator {
  const posOf = (offset: number) => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return {
    file,
    locate(path: PlanPath) {
      // Walk down as far as the path exists, remembering the deepest node (a missing property
      // is reported at its parent; a wrong value at the value; an unknown key at the key).
      let node: unknown = doc.contents;
      let best: { line: number; column: number } = posOf(0);
      if (node && (node as Node).range) best = posOf((node as Node).range?.[0] ?? 0);
      for (const seg of path) {
        if (isMap(node)) {
          const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
          if (!pair) break;
          const keyNode = pair.key as Node;
          if (pair.value && (pair.value as Node).range) {
            node = pair.value;
            best = posOf((pair.value as Node).range?.[0] ?? 0);
          } else {
            node = pair.value;
            best = posOf(keyNode.range?.[0] ?? 0);
          }
        } else if (isSeq(node) && typeof seg === "number") {
          const item = node.items[seg];
          if (!item || !(item as Node).range) break;
          node = item;
          best = posOf((item as Node).range?.[0] ?? 0);
        } else break;
      }
      return best;
    },
  };
}

function keyPosition(doc: ReturnType<typeof parseDocument>, lc: LineCounter, path: PlanPath, key: string) {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(parent)) {
    const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
    const r = pair && (pair.key as Node).range;
    if (r) {
      const p = lc.linePos(r[0]);
      return { line: p.line, column: p.col };
    }
  }
  return null;
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${String(v)}`;
}

function valueAt(data: unknown, path: PlanPath): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function schemaAt(schemaPath: string): Record<string, unknown> | null {
  // "#/properties/job/properties/name/pattern" → the schema object that holds "pattern".
  const parts = schemaPath.replace(/^#\//, "").split("/").slice(0, -1);
  let cur: unknown = schema;
  for (const p of parts) {
    if (cur === null || typeof cur !== "object") return null;
    cur = (cur as Record<string, unknown>)[decodeURIComponent(p)];
  }
  return cur && typeof cur === "object" ? (cur as Record<string, unknown>) : null;
}

/** Turn one ajv error into a friendly, located message: what, expected, got. */
function friendly(e: ErrorObject, data: unknown): { path: PlanPath; message: string; key?: string } {
  const path: PlanPath = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const got = describe(valueAt(data, path));
  const where = schemaAt(e.schemaPath);
  const what = typeof where?.description === "string" ? where.description : null;
  switch (e.keyword) {
    case "required": {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      return { path, message: `missing required property "${prop}"` };
    }
    case "additionalProperties": {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      const props =
        where && typeof where.properties === "object" && where.properties
          ? Object.keys(where.properties)
          : [];
      return {
        path: [...path, prop],
        key: prop,
        message: `unknown property "${prop}" (expected one of: ${props.join(", ")})`,
      };
    }
    case "enum": {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues
        .map((v) => String(v))
        .join(", ");
      return { path, message: `expected one of ${allowed}, got ${got}` };
    }
    case "const":
      return {
        path,
        message: `expected ${String((e.params as { allowedValue: unknown }).allowedValue)}, got ${got}`,
      };
    case "type":
      return { path, message: `expected ${what ?? (e.params as { type: string }).type}, got ${got}` };
    case "pattern":
      return {
        path,
        message: `expected ${what ?? `a value matching ${(e.params as { pattern: string }).pattern}`}, got ${got}`,
      };
    case "minLength":
    case "maxLength":
      return { path, message: `expected ${what ?? "a string"} (${e.message ?? ""}), got ${got}` };
    case "minItems":
      return { path, message: `expected a non-empty list, got ${got}` };
    case "uniqueItems":
      return { path, message: "list entries must be unique" };
    default:
      return { path, message: `${e.message ?? e.keyword}, got ${got}` };
  }
}

/** Deepest nesting a plan may have (flow brackets plus block-sequence dashes on a line). */
export const MAX_PLAN_NESTING = 64;

/**
 * Offset where the plan nests deeper than MAX_PLAN_NESTING, or null. One linear pass: `[`/`{`
 * outside quoted scalars and comments, plus the run of `- ` indicators that opens a line (each
 * opens a sequence). Block nesting by indentation is bounded by the line length and costs the
 * parser nothing comparable.
 */
export function tooDeepAt(text: string): number | null {
  let flow = 0;
  let quote = "";
  let lineStart = true;
  let dashes = 0;
  let prev = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "\n") {
      lineStart = true;
      dashes = 0;
      // Quoted scalars may span lines in YAML; a plan's never do, and ending them here means
      // brackets can never hide from this count behind an unclosed quote.
      quote = "";
      prev = "";
      continue;
    }
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = "";
      continue;
    }
    if (lineStart) {
      if (ch === " " || ch === "\t") continue;
      if (ch === "-" && (text.charAt(i + 1) === " " || text.charAt(i + 1) === "\t")) {
        dashes++;
        if (flow + dashes > MAX_PLAN_NESTING) return i;
        i++;
        continue;
      }
      lineStart = false;
    }
    if (ch === "#" && (i === 0 || /\s/.test(text.charAt(i - 1)))) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl - 1;
      continue;
    }
    // A quote opens a quoted scalar only where a scalar can start (`Bob's` is plain text).
    if ((ch === '"' || ch === "'") && (prev === "" || ":,[{-?".includes(prev))) quote = ch;
    else if (ch === "[" || ch === "{") {
      flow++;
      if (flow + dashes > MAX_PLAN_NESTING) return i;
    } else if ((ch === "]" || ch === "}") && flow > 0) flow--;
    if (ch !== " " && ch !== "\t") prev = ch;
  }
  return null;
}

/** Alias expansions allowed when a plan is loaded (yaml's default is 100; plans need few). */
export const MAX_ALIAS_COUNT = 100;

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0] ?? m;
}

/**
 * Parse and validate a plan. YAML 1.2 is a superset of JSON, so one parser reads both and
 * gives positions for both.
 */
export function loadPlan(text: string, file: string): LoadedPlan {
  const lc = new LineCounter();
  const issues: PlanIssue[] = [];
  const at = (offset: number, message: string, path = "(syntax)") => {
    const p = lc.linePos(offset);
    issues.push({ file, line: p.line, column: p.col, path, message });
  };
  const deep = tooDeepAt(text);
  if (deep !== null) {
    // The YAML parser and schema validator recurse on nesting: a plan of `[` x 1000 aborted
    // the process. No plan needs more than a handful of levels.
    lc.addNewLine(0);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lc.addNewLine(i + 1);
    at(
      deep,
      `nested more than ${MAX_PLAN_NESTING} levels deep; a plan needs a few levels (plan → certificates → entry → subject)`,
    );
    return { plan: null, issues, locator: makeLocator(file, parseDocument(""), lc) };
  }
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    // yaml reports syntax problems in doc.errors; anything thrown is still the plan's fault
    at(0, `cannot parse the plan: ${firstLine(e)}`);
    return { plan: null, issues, locator: makeLocator(file, parseDocument(""), lc) };
  }
  const locator = makeLocator(file, doc, lc);
  for (const err of doc.errors) at(err.pos[0], err.message.split("\n")[0] ?? err.message);
  if (issues.length > 0) return { plan: null, issues, locator };
  let data: unknown;
  try {
    // A plan needs no more than a few aliases; a "billion laughs" document expands each alias
    // many times over. yaml counts alias expansions and throws past maxAliasCount (review
    // finding: an alias bomb crashed `generate` with "Excessive alias count").
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    at(offset, `cannot load the plan: ${firstLine(e)}`);
    return { plan: null, issues, locator };
  }
  if (!validateSchema(data)) {
    const seen = new Set<string>();
    for (const e of validateSchema.errors ?? []) {
      const f = friendly(e, data);
      const pos = (f.key ? keyPosition(doc, lc, f.path.slice(0, -1), f.key) : null) ?? locator.locate(f.path);
      const issue: PlanIssue = {
        file,
        line: pos.line,
        column: pos.column,
        path: formatPath(f.path),
        message: f.message,
      };
      const k = formatPlanIssue(issue);
      if (!seen.has(k)) {
        seen.add(k);
        issues.push(issue);
      }
    }
    issues.sort((a, b) => a.line - b.line || a.column - b.column);
    return { plan: null, issues, locator };
  }
  // Free text (name, description, job fields) reaches the runbook and the job comments as it
  // is; a terminal-control or bidi-override character there would act on whoever reads them.
  for (const { path, value } of stringLeaves(data)) {
    const ch = firstDisplayControl(value);
    if (ch === null) continue;
    const pos = locator.locate(path);
    issues.push({
      file,
      line: pos.line,
      column: pos.column,
      path: formatPath(path),
      message: `contains ${escapeDisplayControl(ch)}, a terminal-control or bidirectional-override character; a plan value cannot carry one`,
    });
  }
  if (issues.length > 0) {
    issues.sort((a, b) => a.line - b.line || a.column - b.column);
    return { plan: null, issues, locator };
  }
  return { plan: data as unknown as Plan, issues, locator };
}

/** Every string in a loaded plan with its path (iterative: plans are shallow, but never recurse on input). */
function stringLeaves(data: unknown): { path: PlanPath; value: string }[] {
  const out: { path: PlanPath; value: string }[] = [];
  const stack: { path: PlanPath; value: unknown }[] = [{ path: [], value: data }];
  while (stack.length > 0) {
    const { path, value } = stack.pop() as { path: PlanPath; value: unknown };
    if (typeof value === "string") out.push({ path, value });
    else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) stack.push({ path: [...path, i], value: v });
    } else if (value !== null && typeof value === "object")
      for (const [k, v] of Object.entries(value)) stack.push({ path: [...path, k], value: v });
  }
  return out;
}
