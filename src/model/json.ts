import { blankCertificate, emptyState } from "./model.js";
import type { InputIssue, RacfState } from "./types.js";
import {
  ASSUMPTION_CHECK,
  CERTIFICATE_CHECK,
  type Check,
  CLASS_CHECK,
  GROUP_CHECK,
  ISSUE_CHECK,
  OPTIONS_CHECK,
  PROFILE_CHECK,
  RING_CHECK,
  USER_CHECK,
} from "./validate.js";

/** Version of the model JSON. Bump on an incompatible change and document it in the README. */
export const MODEL_JSON_VERSION = 1;

export interface ModelJson extends RacfState {
  racfringModel: number;
}

/** The documented, stable JSON form of the model (see README "Model JSON"). */
export function modelToJson(state: RacfState): ModelJson {
  return { racfringModel: MODEL_JSON_VERSION, ...state };
}

/**
 * The order the model writes each element's keys in (the readers build elements this way;
 * certificates follow blankCertificate). Keys not listed keep their place after these.
 */
const KEY_ORDER: Record<string, readonly string[]> = {
  users: ["id", "special", "implied", "groups", "revoked", "sources"],
  groups: ["id", "sources"],
  certificates: Object.keys(blankCertificate("", "")),
  rings: ["owner", "name", "connections", "sources"],
  connection: ["owner", "label", "usage", "default", "sources"],
  profiles: ["class", "name", "generic", "uacc", "access", "stdata", "applData", "sources"],
  access: ["id", "level", "sources"],
  issues: ["file", "line", "code", "severity", "message", "column"],
  assumptions: ["message", "sources"],
};

function inOrder(
  item: Record<string, unknown>,
  order: readonly string[] | undefined,
): Record<string, unknown> {
  if (!order) return item;
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in item) out[k] = item[k];
  for (const [k, v] of Object.entries(item)) if (!(k in out)) out[k] = v;
  return out;
}

/** Line of a character offset, for JSON.parse positions. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line where the n-th element of a top-level array property appears (best effort). */
function locate(text: string, key: string, index: number): number {
  const start = text.indexOf(`"${key}"`);
  if (start < 0) return 1;
  return lineAt(text, start) + (index >= 0 ? 0 : 0);
}

/**
 * Read a model JSON back. Missing optional fields get their defaults (so hand-written or
 * older files load); missing required fields and wrong types are located issues, and the
 * element is skipped, never half-loaded.
 */
export function modelFromJson(text: string, file: string): { state: RacfState; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const state = emptyState();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    issues.push({
      file,
      line: pos?.[1] ? lineAt(text, Number(pos[1])) : 1,
      code: "invalid-json",
      severity: "error",
      message: `not valid JSON: ${msg}`,
    });
    return { state, issues };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    issues.push({
      file,
      line: 1,
      code: "invalid-model",
      severity: "error",
      message: "a model JSON must be an object",
    });
    return { state, issues };
  }
  const obj = raw as Record<string, unknown>;
  const version = obj.racfringModel;
  if (version === undefined) {
    issues.push({
      file,
      line: 1,
      code: "not-a-model",
      severity: "error",
      message:
        'not a racfring model JSON (no "racfringModel" key); write one with `racfring model --json` (an audit report or a SARIF file is not a model)',
    });
    return { state, issues };
  }
  if (version !== 1) {
    issues.push({
      file,
      line: 1,
      code: "model-version",
      severity: "error",
      message: `model version ${String(version)} is not supported by this racfring (expects 1)`,
    });
    return { state, issues };
  }
  // Built per element: defaults hold arrays, and two elements must never share one.
  const defaults: Record<string, () => Record<string, unknown>> = {
    users: () => ({ groups: [], revoked: false, sources: [] }),
    // every certificate field but the required ones, with the meaning "not known"
    certificates: () =>
      (({ owner: _o, label: _l, status: _s, notBefore: _nb, notAfter: _na, ...rest }) => rest)(
        blankCertificate("", ""),
      ),
    rings: () => ({ sources: [] }),
    profiles: () => ({ stdata: null, applData: null, sources: [] }),
    groups: () => ({ sources: [] }),
    issues: () => ({}),
    assumptions: () => ({ sources: [] }),
  };
  const checks: Record<string, Check> = {
    users: USER_CHECK,
    certificates: CERTIFICATE_CHECK,
    rings: RING_CHECK,
    profiles: PROFILE_CHECK,
    groups: GROUP_CHECK,
    issues: ISSUE_CHECK,
    assumptions: ASSUMPTION_CHECK,
  };
  /**
   * Defaults for what older or hand-written files leave out, inside elements too, and every
   * element's keys in the writer's order: `model --json` → `--model` → `model --json` is then
   * byte-identical whatever order a file lists its fields in.
   */
  const complete = (key: string, el: unknown): unknown => {
    if (typeof el !== "object" || el === null || Array.isArray(el)) return el;
    const item: Record<string, unknown> = { ...(defaults[key]?.() ?? {}), ...(el as object) };
    if (key === "rings" && Array.isArray(item.connections)) {
      item.connections = item.connections.map((c: unknown) =>
        typeof c === "object" && c !== null
          ? inOrder({ sources: [], default: false, ...c }, KEY_ORDER.connection)
          : c,
      );
    }
    if (key === "profiles") {
      if (item.generic === undefined && typeof item.name === "string") item.generic = /[*%]/.test(item.name);
      if (Array.isArray(item.access)) {
        item.access = item.access.map((a: unknown) =>
          typeof a === "object" && a !== null ? inOrder({ sources: [], ...a }, KEY_ORDER.access) : a,
        );
      }
    }
    return inOrder(item, KEY_ORDER[key]);
  };
  for (const key of [
    "users",
    "groups",
    "certificates",
    "rings",
    "profiles",
    "issues",
    "assumptions",
  ] as const) {
    const arr = obj[key];
    if (arr === undefined) continue;
    if (!Array.isArray(arr)) {
      issues.push({
        file,
        line: locate(text, key, -1),
        code: "invalid-model",
        severity: "error",
        message: `"${key}" must be an array`,
      });
      continue;
    }
    const check = checks[key] ?? (() => null);
    arr.forEach((raw: unknown, i) => {
      const el = complete(key, raw);
      const why = check(el);
      if (why) {
        issues.push({
          file,
          line: locate(text, key, i),
          code: "invalid-model",
          severity: "error",
          message: `${key}[${i}]${why.startsWith("[") || why.startsWith(".") ? "" : " "}${why}; element skipped`,
        });
        return;
      }
      (state[key] as unknown[]).push(el);
    });
  }
  if (obj.options !== undefined) {
    const why = OPTIONS_CHECK(obj.options);
    if (why) {
      issues.push({
        file,
        line: locate(text, "options", -1),
        code: "invalid-model",
        severity: "error",
        message: `options${why}; SETROPTS options left at racfring's defaults`,
      });
    } else state.options = obj.options as NonNullable<RacfState["options"]>;
  }
  if (obj.classes !== undefined) {
    if (typeof obj.classes !== "object" || obj.classes === null || Array.isArray(obj.classes)) {
      issues.push({
        file,
        line: locate(text, "classes", -1),
        code: "invalid-model",
        severity: "error",
        message: '"classes" must be an object',
      });
    } else {
      for (const [name, st] of Object.entries(obj.classes as Record<string, unknown>)) {
        const why = CLASS_CHECK(st);
        if (why) {
          issues.push({
            file,
            line: locate(text, "classes", -1),
            code: "invalid-model",
            severity: "error",
            message: `classes.${name}${why}; class state left at racfring's default`,
          });
          continue;
        }
        state.classes[name] = st as RacfState["classes"][string];
      }
    }
  }
  return { state, issues };
}
