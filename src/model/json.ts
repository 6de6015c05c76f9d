import { blankCertificate, emptyState } from "./model.js";
import type { InputIssue, RacfState } from "./types.js";

/** Version of the model JSON. Bump on an incompatible change and document it in the README. */
export const MODEL_JSON_VERSION = 1;

export interface ModelJson extends RacfState {
  racfringModel: number;
}

/** The documented, stable JSON form of the model (see README "Model JSON"). */
export function modelToJson(state: RacfState): ModelJson {
  return { racfringModel: MODEL_JSON_VERSION, ...state };
}

type Check = (v: unknown) => boolean;
const isStr: Check = (v) => typeof v === "string";
const isStrOrNull: Check = (v) => v === null || typeof v === "string";
const isBool: Check = (v) => typeof v === "boolean";
const isArr: Check = (v) => Array.isArray(v);

const REQUIRED: Record<string, Record<string, Check>> = {
  users: { id: isStr, special: isBool, implied: isBool },
  certificates: { owner: isStr, label: isStr, status: isStr, notBefore: isStrOrNull, notAfter: isStrOrNull },
  rings: { owner: isStr, name: isStr, connections: isArr },
  profiles: { class: isStr, name: isStr, uacc: isStr, access: isArr },
};

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
  if (version !== undefined && version !== 1) {
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
  const defaults = {
    users: () => ({ groups: [], revoked: false, sources: [] }),
    // every certificate field but the required ones, with the meaning "not known"
    certificates: () =>
      (({ owner: _o, label: _l, status: _s, notBefore: _nb, notAfter: _na, ...rest }) => rest)(
        blankCertificate("", ""),
      ),
    rings: () => ({ sources: [] }),
    profiles: () => ({ stdata: null, applData: null, sources: [] }),
  };
  for (const key of ["users", "certificates", "rings", "profiles"] as const) {
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
    arr.forEach((el: unknown, i) => {
      const checks = REQUIRED[key] ?? {};
      const bad = Object.entries(checks).find(
        ([f, ok]) => typeof el !== "object" || el === null || !ok((el as Record<string, unknown>)[f]),
      );
      if (bad) {
        issues.push({
          file,
          line: locate(text, key, i),
          code: "invalid-model",
          severity: "error",
          message: `${key}[${i}]: field "${bad[0]}" is missing or of the wrong type; element skipped`,
        });
        return;
      }
      const item = { ...defaults[key](), ...(el as object) } as Record<string, unknown>;
      if (key === "rings") {
        item.connections = (item.connections as Record<string, unknown>[]).map((c) => ({
          sources: [],
          default: false,
          ...c,
        }));
      }
      if (key === "profiles") {
        item.generic ??= /[*%]/.test(String(item.name));
        item.access = (item.access as Record<string, unknown>[]).map((a) => ({ sources: [], ...a }));
      }
      (state[key] as unknown[]).push(item);
    });
  }
  if (Array.isArray(obj.groups)) state.groups = obj.groups as RacfState["groups"];
  if (obj.classes && typeof obj.classes === "object") {
    for (const [name, s] of Object.entries(obj.classes as Record<string, Record<string, unknown>>)) {
      state.classes[name] = {
        active: Boolean(s.active),
        raclisted: Boolean(s.raclisted),
        generic: Boolean(s.generic),
        assumed: Boolean(s.assumed),
        sources: Array.isArray(s.sources) ? (s.sources as RacfState["classes"][string]["sources"]) : [],
      };
    }
  }
  if (Array.isArray(obj.issues)) state.issues = obj.issues as InputIssue[];
  if (Array.isArray(obj.assumptions)) state.assumptions = obj.assumptions as RacfState["assumptions"];
  return { state, issues };
}
