import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeDn } from "../../src/model/dn.js";
import { RacfModel } from "../../src/model/model.js";
import { readUnload } from "../../src/readers/unload.js";
import { context } from "./helpers.js";
import { renderRecord } from "./unload-render.js";

/**
 * Property: certificates, rings and access lists rendered as IRRDBU00 records from the layout
 * table (in any order, with trailing blanks stripped) read back to the same facts.
 */

const userId = fc.stringMatching(/^[A-Z#$@][A-Z0-9#$@]{0,7}$/);
const labelText = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,30}[A-Za-z0-9]$/);
const cnText = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{0,20}[A-Za-z0-9]$/);
const day = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2060-12-31T00:00:00Z"),
  noInvalidDate: true,
});
const trust = fc.constantFrom(
  ["TRUST", "TRUST"],
  ["ALTER", "TRUST"],
  ["NOTRUST", "NOTRUST"],
  ["NONE", "NOTRUST"],
  ["HIGHTRST", "HIGHTRUST"],
) as fc.Arbitrary<[string, string]>;
const keyType = fc.constantFrom(
  ["", false],
  ["PKCSDER", true],
  ["ICSFTOKN", true],
  ["PUBTOKEN", false],
) as fc.Arbitrary<[string, boolean]>;
const owner = fc.oneof(
  userId.map((u) => [u, `ID(${u})`] as const),
  fc.constant(["irrcerta", "CERTAUTH"] as const),
  fc.constant(["irrsitec", "SITE"] as const),
);

const certArb = fc.record({
  owner,
  label: labelText,
  serialBytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  issuerCn: cnText,
  subjectCn: cnText,
  trust,
  keyType,
  keySize: fc.constantFrom(1024, 2048, 256, 384),
  start: day,
  end: day,
  fingerprint: fc.uint8Array({ minLength: 32, maxLength: 32 }),
});

const ringArb = fc.record({ owner: userId, name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.#$@_-]{0,40}$/) });

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex").toUpperCase();
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const hms = (d: Date) => d.toISOString().slice(11, 19);

describe("IRRDBU00 round trip through the layout tables", () => {
  it("reads back certificates and rings from records in any order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(certArb, { minLength: 1, maxLength: 6, selector: (c) => `${c.owner[1]}|${c.label}` }),
        fc.uniqueArray(ringArb, { minLength: 1, maxLength: 3, selector: (r) => `${r.owner}.${r.name}` }),
        fc.infiniteStream(fc.tuple(fc.nat(), fc.constantFrom("PERSONAL", "CERTAUTH", "SITE"), fc.boolean())),
        fc.func(fc.integer()),
        async (certs, rings, picks, order) => {
          // distinct serials so that each certificate has its own DIGTCERT name
          const named = certs.map((c, i) => {
            const serial = `${hex(c.serialBytes)}${i.toString(16).toUpperCase().padStart(2, "0")}`;
            const issuer = `CN=${c.issuerCn}.O=Example.C=US`;
            // distinct fingerprints too: two certificates with one fingerprint are one certificate
            const fp = `${hex(c.fingerprint).slice(0, 62)}${i.toString(16).toUpperCase().padStart(2, "0")}`;
            return { ...c, serial, issuer, fp, name: `${serial}.${issuer.replace(/ /g, "¢")}` };
          });
          const records: string[] = [];
          for (const c of named) {
            records.push(
              renderRecord("0207", {
                USCERT_NAME: c.owner[0],
                USCERT_CERT_NAME: c.name,
                USCERT_CERTLABL: c.label,
              }),
            );
            records.push(
              renderRecord("0500", {
                GRBD_NAME: c.name,
                GRBD_CLASS_NAME: "DIGTCERT",
                GRBD_GENERIC: "NO",
                GRBD_OWNER_ID: "SECADM",
                GRBD_UACC: c.trust[0],
                GRBD_APPL_DATA: c.owner[0],
              }),
            );
            records.push(
              renderRecord("0560", {
                GRCERT_NAME: c.name,
                GRCERT_CLASS_NAME: "DIGTCERT",
                GRCERT_START_DATE: ymd(c.start),
                GRCERT_START_TIME: hms(c.start),
                GRCERT_END_DATE: ymd(c.end),
                GRCERT_END_TIME: hms(c.end),
                GRCERT_KEY_TYPE: c.keyType[0],
                GRCERT_KEY_SIZE: c.keySize,
                GRCERT_GEN_REQ: "NO",
              }),
            );
            records.push(
              renderRecord("1560", {
                CERTN_NAME: c.name,
                CERTN_CLASS_NAME: "DIGTCERT",
                CERTN_ISSUER_DN: c.issuer,
                CERTN_SUBJECT_DN: `CN=${c.subjectCn}.O=Example.C=US`,
                CERTN_SIG_ALG: "sha256RSA",
                CERTN_CERT_FGRPRNT: c.fp,
              }),
            );
          }
          const expectedRings = new Map<
            string,
            Array<{ owner: string; label: string; usage: string; default: boolean }>
          >();
          let k = 0;
          for (const r of rings) {
            const profile = `${r.owner}.${r.name}`;
            records.push(
              renderRecord("0500", { GRBD_NAME: profile, GRBD_CLASS_NAME: "DIGTRING", GRBD_UACC: "NONE" }),
            );
            const conns: Array<{ owner: string; label: string; usage: string; default: boolean }> = [];
            const used = new Set<number>();
            for (let n = 0; n < 3; n++) {
              const [pickIndex, usage, isDefault] = picks.next().value as [number, string, boolean];
              const ci = pickIndex % named.length;
              if (used.has(ci)) continue;
              used.add(ci);
              const c = named[ci];
              if (!c) continue;
              const dflt = isDefault && !conns.some((x) => x.default);
              conns.push({ owner: c.owner[1], label: c.label, usage, default: dflt });
              records.push(
                renderRecord("0562", {
                  KEYR_NAME: profile,
                  KEYR_CLASS_NAME: "DIGTRING",
                  KEYR_CERT_NAME: c.name,
                  KEYR_CERT_USAGE: usage,
                  KEYR_CERT_DEFAULT: dflt ? "YES" : "NO",
                  KEYR_CERT_LABEL: c.label,
                }),
              );
              records.push(
                renderRecord("0561", {
                  CERTR_NAME: c.name,
                  CERTR_CLASS_NAME: "DIGTCERT",
                  CERTR_RING_NAME: profile,
                }),
              );
              k++;
            }
            expectedRings.set(profile, conns);
          }
          const shuffled = records
            .map((r, i) => ({ r, key: order(i) }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.r);
          const ctx = context("prop.txt", new RacfModel());
          await readUnload(
            (async function* () {
              yield* shuffled;
            })(),
            ctx,
          );
          const model = ctx.model;
          expect(model.state.issues).toEqual([]);
          expect(model.state.certificates).toHaveLength(named.length);
          for (const c of named) {
            const got = model.certificate(c.owner[1], c.label);
            expect(got).toMatchObject({
              status: c.trust[1],
              notBefore: `${ymd(c.start)}T${hms(c.start)}Z`,
              notAfter: `${ymd(c.end)}T${hms(c.end)}Z`,
              issuer: normalizeDn(c.issuer),
              subject: normalizeDn(`CN=${c.subjectCn}.O=Example.C=US`),
              privateKey: c.keyType[1],
              keySize: c.keySize,
              fingerprint: c.fp,
              signatureAlgorithm: "sha256RSA",
            });
            expect(got?.serial?.replace(/^0+/, "")).toBe(c.serial.replace(/^0+/, ""));
          }
          expect(model.state.rings).toHaveLength(rings.length);
          for (const r of rings) {
            const ring = model.ring(r.owner, r.name);
            // record order inside a ring is whatever the unload (or a sort) produced
            const byKey = (a: { owner: string; label: string }, b: { owner: string; label: string }) =>
              `${a.owner}|${a.label}`.localeCompare(`${b.owner}|${b.label}`);
            const got = (ring?.connections ?? []).map((c) => ({
              owner: c.owner,
              label: c.label,
              usage: c.usage,
              default: c.default,
            }));
            expect(got.sort(byKey)).toEqual(
              [...(expectedRings.get(`${r.owner}.${r.name}`) ?? [])].sort(byKey),
            );
          }
          expect(k).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("any printable line, short or long, never throws and yields only located issues", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: "binary", maxLength: 400 }), { maxLength: 30 }),
        async (lines) => {
          const ctx = context("fuzz.txt");
          await readUnload(
            (async function* () {
              yield* lines;
            })(),
            ctx,
          );
          for (const i of ctx.model.state.issues) {
            expect(i.file).toBe("fuzz.txt");
            expect(i.line).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
