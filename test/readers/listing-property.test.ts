import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readListing } from "../../src/readers/listing.js";
import { context } from "./helpers.js";

/**
 * Property: LISTRING and LIST output rendered with the documented layout (formats.md §1–2:
 * label 3–34, owner 38–49, usage 53–60, default 66–68; ring names and DNs wrapped in >...<
 * chunks) and the tolerated capture noise (trailing blanks, CRLF, blank lines between rows)
 * reads back to what was rendered.
 */

const userId = fc.stringMatching(/^[A-Z#$@][A-Z0-9#$@]{0,7}$/);
const label = fc.stringMatching(/^[A-Za-z0-9#$@][A-Za-z0-9 .#$@_()-]{0,30}[A-Za-z0-9)]$/);
const ringName = fc.stringMatching(/^[A-Za-z0-9#$@][A-Za-z0-9.#$@_-]{0,150}$/);
const certOwner = fc.oneof(
  userId.map((u) => `ID(${u})`),
  fc.constantFrom("CERTAUTH", "SITE"),
);
const conn = fc.record({
  label,
  owner: certOwner,
  usage: fc.constantFrom("PERSONAL", "CERTAUTH", "SITE"),
});
const noise = fc.record({ trailing: fc.nat(8), blankAfter: fc.boolean() });

function wrap(value: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i += width) out.push(`       >${value.slice(i, i + width)}<`);
  return out.length > 0 ? out : ["       ><"];
}

describe("listing round trip", () => {
  it("LISTRING(*) with several rings", () => {
    fc.assert(
      fc.property(
        userId,
        fc.uniqueArray(
          fc.record({
            name: ringName,
            conns: fc.uniqueArray(conn, { maxLength: 5, selector: (c) => `${c.owner}|${c.label}` }),
            defaultIndex: fc.nat(6),
          }),
          { minLength: 1, maxLength: 4, selector: (r) => r.name },
        ),
        fc.infiniteStream(noise),
        fc.boolean(),
        fc.integer({ min: 20, max: 70 }),
        (owner, rings, noises, crlf, width) => {
          const lines = [`Digital ring information for user ${owner}:`, ""];
          for (const r of rings) {
            lines.push("  Ring:", ...wrap(r.name, width));
            if (r.conns.length === 0) {
              lines.push("  *** No certificates connected ***", "");
              continue;
            }
            lines.push(
              "  Certificate Label Name             Cert Owner     USAGE      DEFAULT",
              "  --------------------------------   ------------   --------   -------",
            );
            r.conns.forEach((c, i) => {
              const n = noises.next().value as { trailing: number; blankAfter: boolean };
              const dflt = i === r.defaultIndex ? "YES" : "NO";
              lines.push(
                `  ${c.label.padEnd(32)}   ${c.owner.padEnd(12)}   ${c.usage.padEnd(8)}     ${dflt}${" ".repeat(n.trailing)}`,
              );
              if (n.blankAfter) lines.push("");
            });
            lines.push("");
          }
          const ctx = context("p.txt");
          readListing(lines.join(crlf ? "\r\n" : "\n"), ctx);
          expect(ctx.model.state.issues).toEqual([]);
          expect(ctx.model.state.rings.map((r) => r.name)).toEqual(rings.map((r) => r.name));
          for (const r of rings) {
            const got = ctx.model.ring(owner, r.name);
            expect(
              got?.connections.map((c) => ({
                label: c.label,
                owner: c.owner,
                usage: c.usage,
                default: c.default,
              })),
            ).toEqual(r.conns.map((c, i) => ({ ...c, default: i === r.defaultIndex })));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("LIST blocks with wrapped DNs", () => {
    const cn = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{0,60}[A-Za-z0-9]$/);
    const cert = fc.record({
      label,
      status: fc.constantFrom("TRUST", "NOTRUST", "HIGHTRUST"),
      serial: fc.uint8Array({ minLength: 1, maxLength: 20 }),
      subjectCn: cn,
      issuerCn: cn,
      keySize: fc.constantFrom(256, 384, 2048, 4096),
      usage: fc.subarray(["HANDSHAKE", "DATAENCRYPT", "DOCSIGN", "CERTSIGN"]),
      privateKey: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(cert, { minLength: 1, maxLength: 4, selector: (c) => c.label }),
        fc.integer({ min: 20, max: 68 }),
        (certs, width) => {
          const lines = ["Digital certificate information for CERTAUTH:", ""];
          for (const c of certs) {
            const serial = Buffer.from(c.serial).toString("hex").toUpperCase();
            lines.push(
              `  Label: ${c.label}`,
              "  Certificate ID: 2QiJmZmDhZmjganW4tTGw8FB",
              `  Status: ${c.status}`,
              "  Start Date: 2024/01/01 00:00:00",
              "  End Date:   2030/12/31 23:59:59",
              "  Serial Number:",
              ...wrap(serial, width),
              "  Issuer's Name:",
              ...wrap(`CN=${c.issuerCn}.O=Example Corp.C=US`, width),
              "  Subject's Name:",
              ...wrap(`CN=${c.subjectCn}.OU=Unit.O=Example Corp.C=US`, width),
              "  Signing Algorithm: sha256RSA",
              ...(c.usage.length > 0 ? [`  Key Usage: ${c.usage.join(", ")}`] : []),
              "  Key Type: RSA",
              `  Key Size: ${c.keySize}`,
              `  Private Key: ${c.privateKey ? "YES" : "NO"}`,
              "",
            );
          }
          const ctx = context("l.txt");
          readListing(lines.join("\n"), ctx);
          expect(ctx.model.state.issues).toEqual([]);
          expect(ctx.model.state.certificates).toHaveLength(certs.length);
          for (const c of certs) {
            const got = ctx.model.certificate("CERTAUTH", c.label);
            expect(got).toMatchObject({
              status: c.status,
              subject: `CN=${c.subjectCn},OU=Unit,O=Example Corp,C=US`,
              issuer: `CN=${c.issuerCn},O=Example Corp,C=US`,
              keySize: c.keySize,
              keyUsage: c.usage,
              privateKey: c.privateKey,
              notAfter: "2030-12-31T23:59:59Z",
            });
            expect(got?.serial?.replace(/^0+/, "")).toBe(
              Buffer.from(c.serial).toString("hex").toUpperCase().replace(/^0+/, ""),
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
