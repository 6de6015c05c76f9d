import { setGrplist } from "../model/access.js";
import { type ReadContext, report, src } from "./context.js";
import type { Cursor } from "./listing-common.js";
import type { CleanLine } from "./text.js";

/**
 * SETROPTS LIST: the class lists that decide how RACF checks ring access (RDATALIB must be
 * active and RACLISTed for ring-specific checking, rules §1). Lines look like
 * `ACTIVE CLASSES = DATASET USER FACILITY ...` with the list continued on indented lines; the
 * keys are as printed by TSO (seen in several public captures; `SETR RACLIST CLASSES`,
 * `GLOBAL=YES RACLIST ONLY` for classes RACLISTed by RACROUTE REQUEST=LIST GLOBAL=YES).
 * The lists are complete: a class not listed under ACTIVE CLASSES is inactive.
 */

const KEYS: ReadonlyArray<{ re: RegExp; key: SetroptsKey }> = [
  { re: /^\s*ACTIVE CLASSES\s*=(.*)$/i, key: "active" },
  { re: /^\s*GENERIC PROFILE CLASSES\s*=(.*)$/i, key: "generic" },
  { re: /^\s*SETR RACLIST CLASSES\s*=(.*)$/i, key: "raclist" },
  { re: /^\s*RACLIST CLASSES\s*=(.*)$/i, key: "raclist" },
  { re: /^\s*GLOBAL=YES RACLIST ONLY\s*=(.*)$/i, key: "globalRaclist" },
  { re: /^\s*LIST OF GROUPS ACCESS CHECKING IS (?:ACTIVE|INACTIVE)\b/i, key: "grplist" },
  {
    re: /^\s*(?:ATTRIBUTES|STATISTICS|AUDIT CLASSES|GENERIC COMMAND CLASSES|GENLIST CLASSES|GLOBAL CHECKING CLASSES|LOGOPTIONS "[A-Z]+" CLASSES)\s*=(.*)$/i,
    key: "other",
  },
];

type SetroptsKey = "active" | "generic" | "raclist" | "globalRaclist" | "grplist" | "other";

export function setroptsKey(text: string): SetroptsKey | null {
  for (const k of KEYS) if (k.re.test(text)) return k.key;
  return null;
}

const CLASS_TOKEN = /^[A-Z$#@][A-Z0-9$#@]{0,7}$/;

export class SetroptsCollector {
  active = false;
  private lists = new Map<Exclude<SetroptsKey, "other" | "grplist">, { classes: string[]; line: number }>();

  constructor(private readonly ctx: ReadContext) {}

  /** Read one `KEY = classes` item and its continuation lines. */
  read(cur: Cursor): void {
    const first = cur.lines[cur.i] as CleanLine;
    const key = setroptsKey(first.text);
    const entry = key ? KEYS.find((k) => k.key === key && k.re.test(first.text)) : undefined;
    this.active = true;
    cur.i++;
    if (!key || !entry) return;
    if (key === "grplist") {
      // "LIST OF GROUPS ACCESS CHECKING IS ACTIVE." / "... IS INACTIVE." (SETROPTS LIST).
      setGrplist(this.ctx.model, !/INACTIVE/i.test(first.text), src(this.ctx, "listing", first.no));
      return;
    }
    const indent = first.text.length - first.text.trimStart().length;
    const values: string[] = [(entry.re.exec(first.text)?.[1] ?? "").trim()];
    // Continuation lines are indented deeper than the key and hold nothing but class names.
    while (cur.i < cur.lines.length) {
      const l = cur.lines[cur.i] as CleanLine;
      const lIndent = l.text.length - l.text.trimStart().length;
      const tokens = l.text.trim().split(/\s+/);
      if (l.text.trim() === "" || lIndent <= indent || setroptsKey(l.text) !== null) break;
      if (!tokens.every((t) => CLASS_TOKEN.test(t.toUpperCase()))) break;
      values.push(l.text.trim());
      cur.i++;
    }
    if (key === "other") return;
    const classes = values
      .join(" ")
      .split(/\s+/)
      .map((c) => c.toUpperCase())
      .filter((c) => c !== "" && c !== "NONE");
    const bad = classes.filter((c) => !CLASS_TOKEN.test(c));
    if (bad.length > 0) {
      report(
        this.ctx,
        first.no,
        "setropts-bad-class",
        `not class names: ${bad.join(", ")}; ignored`,
        "warning",
      );
    }
    this.lists.set(key, { classes: classes.filter((c) => CLASS_TOKEN.test(c)), line: first.no });
  }

  /** Apply what was read to the model's class state; called when the SETROPTS output ends. */
  flush(): void {
    if (!this.active) return;
    this.active = false;
    const model = this.ctx.model;
    const apply = (prop: "active" | "raclisted" | "generic", listed: Set<string>, line: number): void => {
      const source = src(this.ctx, "listing", line);
      const classes = new Set([...Object.keys(model.state.classes), ...listed]);
      for (const c of classes) model.setClass(c, { [prop]: listed.has(c) }, source);
    };
    const active = this.lists.get("active");
    if (active) apply("active", new Set(active.classes), active.line);
    const generic = this.lists.get("generic");
    if (generic) apply("generic", new Set(generic.classes), generic.line);
    const raclist = this.lists.get("raclist");
    const global = this.lists.get("globalRaclist");
    if (raclist || global) {
      const listed = new Set([...(raclist?.classes ?? []), ...(global?.classes ?? [])]);
      apply("raclisted", listed, (raclist ?? global)?.line ?? 0);
    }
    this.lists.clear();
  }
}
