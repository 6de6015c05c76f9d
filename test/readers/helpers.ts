import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RacfModel } from "../../src/model/model.js";
import type { RacfState } from "../../src/model/types.js";
import type { ReadContext } from "../../src/readers/context.js";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "readers");

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function context(file: string, model: RacfModel = new RacfModel()): ReadContext {
  return { model, file, datasets: new Map(), ranAt: new Date("2026-01-01T00:00:00Z"), ranAtGiven: false };
}

export async function* linesOf(text: string): AsyncIterable<string> {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (const l of lines) yield l;
}

/** The facts a reader is responsible for, without provenance (checked separately). */
export function project(state: RacfState) {
  return {
    certificates: state.certificates.map((c) => ({
      owner: c.owner,
      label: c.label,
      status: c.status,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      subject: c.subject,
      issuer: c.issuer,
      altNames: c.altNames,
      keyType: c.keyType,
      keySize: c.keySize,
      privateKey: c.privateKey,
      keyStore: c.keyStore,
      icsfLabel: c.icsfLabel,
      keyUsage: c.keyUsage,
      signatureAlgorithm: c.signatureAlgorithm,
      serial: c.serial,
      fingerprint: c.fingerprint,
      selfSigned: c.selfSigned,
    })),
    rings: state.rings.map((r) => ({
      owner: r.owner,
      name: r.name,
      connections: r.connections.map((c) => ({
        owner: c.owner,
        label: c.label,
        usage: c.usage,
        default: c.default,
      })),
    })),
    profiles: state.profiles.map((p) => ({
      class: p.class,
      name: p.name,
      generic: p.generic,
      uacc: p.uacc,
      access: p.access.map((a) => ({ id: a.id, level: a.level })),
      stdata: p.stdata,
      applData: p.applData,
    })),
    users: state.users.map((u) => ({
      id: u.id,
      special: u.special,
      revoked: u.revoked,
      implied: u.implied,
      groups: u.groups,
    })),
    issues: state.issues.map(
      (i) => `${i.severity} ${i.code} @${i.line}${i.column !== undefined ? `:${i.column}` : ""}`,
    ),
  };
}

/** Only the keys the expected JSON names. */
export function pick<T extends object>(actual: T, expected: object): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(expected)) out[k as keyof T] = actual[k as keyof T];
  return out;
}
