/**
 * Checks of plan values the JSON schema cannot express (key sizes per type, subject values,
 * validity periods), each located at its place in the plan file.
 */

import { dnValueProblem } from "./names.js";
import {
  formatPath,
  type PlanIssue,
  type PlanKey,
  type PlanLocator,
  type PlanPath,
  type PlanSubject,
  SUBJECT_ORDER,
} from "./plan.js";
import { planTime } from "./zos-time.js";

const KEY_SIZES: Record<string, readonly number[] | null> = {
  // RSA: any size in range (GENCERT SIZE, rules §6; 2048 is the practical floor, §4 browser rules)
  RSA: null,
  NISTECC: [256, 384, 521],
  // Brainpool r1 curves OpenSSL and RACF BPECC share
  BPECC: [256, 320, 384, 512],
};

export class Checker {
  readonly issues: PlanIssue[] = [];
  constructor(private readonly locator: PlanLocator) {}
  add(path: PlanPath, message: string): void {
    const pos = this.locator.locate(path);
    this.issues.push({
      file: this.locator.file,
      line: pos.line,
      column: pos.column,
      path: formatPath(path),
      message,
    });
  }
}

export function checkSubject(c: Checker, path: PlanPath, subject: PlanSubject): void {
  for (const attr of SUBJECT_ORDER) {
    const v = subject[attr];
    if (v === undefined) continue;
    const p = dnValueProblem(v);
    if (p) c.add([...path, attr], `subject ${attr} ${p}`);
  }
}

export function checkKey(c: Checker, path: PlanPath, key: PlanKey): void {
  const sizes = KEY_SIZES[key.type];
  if (key.type === "RSA") {
    if (key.size < 2048 || key.size > 4096)
      c.add([...path, "size"], `RSA key size must be 2048–4096, got ${key.size}`);
  } else if (sizes && !sizes.includes(key.size)) {
    c.add([...path, "size"], `${key.type} key size must be one of ${sizes.join(", ")}, got ${key.size}`);
  }
}

export function checkValidity(
  c: Checker,
  path: PlanPath,
  v: { notBefore: string; notAfter: string },
  zosTimeZone: string | null,
): { notBefore: Date; notAfter: Date } | null {
  const nbt = planTime(v.notBefore, false, zosTimeZone);
  const nat = planTime(v.notAfter, true, zosTimeZone);
  const nb = nbt.date;
  const na = nat.date;
  if (nbt.problem) c.add([...path, "notBefore"], nbt.problem);
  if (nat.problem) c.add([...path, "notAfter"], nat.problem);
  if (!nb || !na) return null;
  if (nb.getTime() >= na.getTime()) {
    c.add([...path, "notAfter"], `notAfter (${v.notAfter}) must be later than notBefore (${v.notBefore})`);
    return null;
  }
  // Which years RACDCERT DATE() accepts is not documented by IBM [UNCONFIRMED]
  // (src/racf/date-range.ts); X.509 switches from UTCTime to GeneralizedTime at 2050 (RFC 5280).
  // Keep to the range both RACF and OpenSSL certainly handle the same way.
  if (nb.getUTCFullYear() < 2000 || na.getUTCFullYear() > 2049) {
    c.add(
      path,
      "validity must lie between 2000-01-01 and 2049-12-31 (UTCTime range both RACF and OpenSSL encode the same way)",
    );
    return null;
  }
  return { notBefore: nb, notAfter: na };
}

export function within(
  inner: { notBefore: Date; notAfter: Date },
  outer: { notBefore: Date; notAfter: Date },
): boolean {
  return (
    inner.notBefore.getTime() >= outer.notBefore.getTime() &&
    inner.notAfter.getTime() <= outer.notAfter.getTime()
  );
}
