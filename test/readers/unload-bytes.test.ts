import { writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { modelToJson } from "../../src/model/json.js";
import { RacfModel } from "../../src/model/model.js";
import { readUnload, readUnloadBytes } from "../../src/readers/unload.js";
import { scanLines } from "../../src/readers/unload-scan.js";
import { synthesize } from "../../src/synth/unload.js";
import { cli } from "../helpers/io.js";
import { context, fixtureBytes } from "./helpers.js";
import { renderRecord } from "./unload-render.js";

/**
 * The CLI reads unloads from their bytes (readUnloadBytes: lines found in the bytes, record types
 * skipped undecoded, plain ASCII lines spared the clean-up); readUnload reads lines of text the
 * way the reader always has. Both must give the same model and the same issues, line for line.
 */

/** Small deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `bytes` cut into chunks at random places (a multi-byte character may be cut in two). */
function chunked(bytes: Uint8Array, rnd: () => number, max = 64): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const n = 1 + Math.floor(rnd() * max);
    out.push(bytes.subarray(pos, pos + n));
    pos += n;
  }
  return out;
}

async function* from<T>(items: readonly T[]): AsyncIterable<T> {
  for (const i of items) yield i;
}

/** The lines readline gives for these chunks (what the CLI used before). */
async function readlineLines(chunks: readonly Uint8Array[]): Promise<string[]> {
  const input = Readable.from(chunks.map((c) => Buffer.from(c)));
  input.setEncoding("utf8");
  const out: string[] = [];
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) out.push(line);
  return out;
}

async function scannedLines(chunks: readonly Uint8Array[]): Promise<string[]> {
  const out: string[] = [];
  await scanLines(from(chunks), {
    singleByte: (b, s, e) => out.push(b.toString("latin1", s, e)),
    printable: (l) => out.push(l),
    text: (l) => out.push(l),
  });
  return out;
}

async function both(bytes: Uint8Array, chunks: readonly Uint8Array[]) {
  const byLines = context("u.txt");
  await readUnload(from(await readlineLines(chunks)), byLines);
  const byBytes = context("u.txt");
  await readUnloadBytes(from(chunks), byBytes);
  return {
    lines: JSON.stringify(modelToJson(byLines.model.state)),
    bytes: JSON.stringify(modelToJson(byBytes.model.state)),
    issues: byBytes.model.state.issues,
    lineIssues: byLines.model.state.issues,
    size: bytes.length,
  };
}

const enc = new TextEncoder();

describe("line scanning", () => {
  it("finds the lines readline finds: LF, CRLF, lone CR, no final line end, bytes that are not UTF-8", async () => {
    const rnd = prng(7);
    const alphabet = [
      "a",
      "0200 ",
      "0100 GROUP¢1  SYS1",
      "0100 G\u2028",
      "0ZZZ ",
      " ",
      "\n",
      "\r",
      "\r\n",
      "\t",
      "\u0000",
      "\u001b",
      "\f",
      "¢",
      "\u00a0",
      "\u0085",
      "é",
      "¡",
      "ÿ",
      "€",
      "😀",
      "\ufeff",
    ];
    for (let round = 0; round < 400; round++) {
      const parts: Uint8Array[] = [];
      const n = Math.floor(rnd() * 30);
      for (let i = 0; i < n; i++) {
        if (rnd() < 0.08)
          parts.push(Uint8Array.of(0x80 + Math.floor(rnd() * 0x80))); // stray byte
        else parts.push(enc.encode(alphabet[Math.floor(rnd() * alphabet.length)] as string));
      }
      const bytes = Buffer.concat(parts);
      const chunks = chunked(bytes, rnd, 8);
      expect(await scannedLines(chunks), JSON.stringify(bytes.toString("latin1"))).toEqual(
        await readlineLines(chunks),
      );
      // and the reader makes the same of them, issues included, whichever kind each line is
      const r = await both(bytes, chunks);
      expect(r.bytes, JSON.stringify(bytes.toString("latin1"))).toBe(r.lines);
    }
  });

  it("sorts each line by its bytes wherever they fall against the four-byte words it reads", async () => {
    // The check reads aligned 32-bit words: a control character, DEL or a UTF-8 byte at any
    // position of a line, in a chunk starting at any address, must still be seen.
    // Latin-1 letters come as single bytes (a Latin-1 copy); the no-break space, C1 controls
    // and characters beyond Latin-1 do not.
    const specials: Array<[string, number[], "text" | "printable" | "singleByte"]> = [
      ["NUL", [0x00], "text"],
      ["TAB", [0x09], "text"],
      ["X'1F'", [0x1f], "text"],
      ["DEL", [0x7f], "text"],
      ["no-break space", [0xc2, 0xa0], "text"],
      ["NEL", [0xc2, 0x85], "text"],
      ["cent sign", [0xc2, 0xa2], "singleByte"],
      ["inverted exclamation mark", [0xc2, 0xa1], "singleByte"],
      ["y with diaeresis", [0xc3, 0xbf], "singleByte"],
      ["euro sign", [0xe2, 0x82, 0xac], "printable"],
    ];
    for (const [name, special, kind] of specials) {
      for (let offset = 0; offset < 4; offset++) {
        for (let at = 0; at <= 13; at++) {
          const line = [
            ...Buffer.from("0200 ABCDEFGHIJ".slice(0, at)),
            ...special,
            ...Buffer.from("XYZ0123"),
          ];
          const backing = Buffer.alloc(offset + line.length + 16, 0x41);
          backing.set([...line, 0x0a, ...Buffer.from("0200 PLAIN"), 0x0a], offset);
          const chunk = backing.subarray(offset, offset + line.length + 12);
          const seen: string[] = [];
          await scanLines(from([chunk]), {
            singleByte: () => seen.push("singleByte"),
            printable: () => seen.push("printable"),
            text: () => seen.push("text"),
          });
          expect(seen, `${name} at ${at}, chunk at offset ${offset}`).toEqual([kind, "singleByte"]);
        }
      }
    }
  });

  it("keeps nothing of a chunk once the next is asked for: a reader may hand over one buffer each time", async () => {
    const text = [
      "0100 GROUP¢1",
      `0400 ${"x".repeat(5000)}`,
      "0200 A\r0200 B",
      "0100 G\u00a0H",
      `0500 ${"¢".repeat(700)}`,
    ].join("\r\n");
    const bytes = Buffer.from(enc.encode(`${text}\n`));
    for (const size of [1, 3, 64, 1000]) {
      // What reusedChunks (src/cli/files.ts) does: every chunk in the same buffer.
      async function* reused(): AsyncIterable<Uint8Array> {
        const buffer = Buffer.alloc(size);
        for (let pos = 0; pos < bytes.length; pos += size) {
          const n = bytes.copy(buffer, 0, pos, pos + size);
          yield buffer.subarray(0, n);
          buffer.fill(0x3f);
        }
      }
      const out: string[] = [];
      await scanLines(reused(), {
        singleByte: (b, s, e) => out.push(b.toString("latin1", s, e)),
        printable: (l) => out.push(l),
        text: (l) => out.push(l),
      });
      expect(out, `chunks of ${size}`).toEqual(await scannedLines(chunked(bytes, prng(size), size)));
      expect(out).toHaveLength(6);
    }
  });

  it("joins a line longer than many chunks once", async () => {
    const long = `0400 ${"x".repeat(300_000)}`;
    const bytes = enc.encode(`${long}\n0100 G\n`);
    const lines = await scannedLines(chunked(bytes, prng(1), 4096));
    expect(lines).toEqual([long, "0100 G"]);
  });
});

describe("readUnloadBytes reads what readUnload reads", () => {
  it("the sample unload, whole and in odd chunks", async () => {
    const bytes = fixtureBytes("irrdbu00_SYNTHETIC_certs_rings.txt");
    for (const chunks of [[bytes], chunked(bytes, prng(3), 700)]) {
      const r = await both(bytes, chunks);
      expect(r.bytes).toBe(r.lines);
      expect(JSON.parse(r.bytes).certificates.length).toBeGreaterThan(0);
    }
  });

  it("a synthetic unload with planted defects (users, certificates, rings, profiles, filler)", async () => {
    const text = [
      ...synthesize(
        {
          users: 600,
          certs: 60,
          rings: 30,
          started: 10,
          rdatalib: 10,
          accessEntries: 200,
          defects: 0.3,
          seed: 5,
          records: 2000,
          at: new Date("2026-06-01T00:00:00Z"),
        },
        () => undefined,
      ),
    ].join("");
    const bytes = enc.encode(text);
    const r = await both(bytes, chunked(bytes, prng(4), 5000));
    expect(r.bytes).toBe(r.lines);
    const state = JSON.parse(r.bytes);
    expect(state.users.length).toBeGreaterThanOrEqual(600);
    expect(state.rings.length).toBe(30);
  });

  it("damaged records: the same located issues, in the same order", async () => {
    const cert = renderRecord("0207", {
      USCERT_NAME: "WEBSRV",
      USCERT_CERT_NAME: "01.CN=Web¢CA.O=Example",
      USCERT_CERTLABL: "Web server",
    });
    const user = renderRecord("0200", { USBD_NAME: "WEBSRV", USBD_DEFGRP_ID: "SYS1", USBD_SPECIAL: "NO" });
    const lines = [
      user,
      `${user.slice(0, 60)}`, // truncated inside USBD_PROGRAMMER
      `${user.slice(0, 95)}X${user.slice(96)}`, // another default group (USBD_DEFGRP_ID starts at column 96)
      `${user.slice(0, 94)}XX${user.slice(96)}`, // misaligned before DEFGRP
      `${user.slice(0, 200)}Z${user.slice(201)}`, // beyond what is read: not a defect
      renderRecord("0205", { USCON_NAME: "WEBSRV", USCON_GRP_ID: "TLSGRP" }),
      renderRecord("0205", { USCON_NAME: "NEWUSER", USCON_GRP_ID: "TLSGRP" }),
      cert,
      `${cert}\t`, // a tab: artefact
      cert.replace("Web server", "Web\u00a0server"),
      cert.replace("WEBSRV", "WEB\u001bSRV"),
      "   ",
      "# a comment",
      "02x0 not a record",
      "0200x",
      "ZZZZ unknown type",
      "0400 SYS1.DATA.SET",
      `0200 ${" ".repeat(200)}`,
      "0100 GROUPA",
      "\u00ff\u00fe garbage",
      `${renderRecord("0500", { GRBD_NAME: "01.CN=Web¢CA.O=Example", GRBD_CLASS_NAME: "DIGTCERT", GRBD_UACC: "BOGUS" })}`,
    ];
    for (const ending of ["\n", "\r\n"]) {
      const bytes = enc.encode(lines.join(ending));
      const r = await both(bytes, chunked(bytes, prng(9), 300));
      expect(r.bytes).toBe(r.lines);
      const codes = r.issues.map((i) => `${i.line}:${i.code}`);
      expect(codes).toContain("2:unload-truncated-record");
      expect(codes).toContain("4:unload-malformed-record");
      expect(codes).toContain("14:unload-bad-record");
      expect(codes).toContain("9:unload-tab");
      expect(codes.some((c) => c.endsWith("unload-unknown-record-type"))).toBe(true);
    }
  });

  it("user records read from their bytes: damaged, lower-case, blank or cut anywhere in their first columns", async () => {
    // 0200 and 0205 records that are whole and line up are read from their bytes
    // (unload-bytes.ts); any other must reach the text path and be read, or worded, as before.
    const rnd = prng(11);
    const alphabet = " aYyEeSsNnOoX1#";
    const base = [
      renderRecord("0200", {
        USBD_NAME: "WEBSRV",
        USBD_DEFGRP_ID: "SYS1",
        USBD_SPECIAL: "YES",
        USBD_REVOKE: "NO",
      }),
      renderRecord("0200", {
        USBD_NAME: "batch01",
        USBD_DEFGRP_ID: "tlsgrp",
        USBD_SPECIAL: "N",
        USBD_REVOKE: "Y",
      }),
      renderRecord("0205", { USCON_NAME: "WEBSRV", USCON_GRP_ID: "TLSGRP" }),
      renderRecord("0205", { USCON_NAME: "LATER", USCON_GRP_ID: "SYS1" }),
      renderRecord("0200", { USBD_NAME: "LATER", USBD_DEFGRP_ID: "" }),
    ];
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      let rec = base[Math.floor(rnd() * base.length)] as string;
      const edits = Math.floor(rnd() * 4);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(rnd() * 110);
        rec = `${rec.slice(0, at)}${alphabet[Math.floor(rnd() * alphabet.length)]}${rec.slice(at + 1)}`;
      }
      if (rnd() < 0.2) rec = rec.slice(0, 4 + Math.floor(rnd() * 120));
      if (rnd() < 0.1) rec = `${rec.trimEnd()}${" ".repeat(Math.floor(rnd() * 200))}`;
      lines.push(rec);
    }
    const bytes = enc.encode(lines.join("\n"));
    const r = await both(bytes, chunked(bytes, prng(12), 4000));
    expect(r.bytes).toBe(r.lines);
    expect(JSON.stringify(r.issues)).toBe(JSON.stringify(r.lineIssues));
    const state = JSON.parse(r.bytes);
    // The edits must leave some users read and damage others, or the test says nothing.
    expect(state.users.length).toBeGreaterThan(3);
    expect(r.issues.length).toBeGreaterThan(5);
    expect(state.users.some((u: { special: boolean }) => u.special)).toBe(true);
    expect(state.users.some((u: { revoked: boolean }) => u.revoked)).toBe(true);
  });

  it("upper case beyond ASCII is the text path's (ß becomes SS, ÿ leaves Latin-1), and repeated names are the same", async () => {
    const lines = [
      renderRecord("0200", { USBD_NAME: "straße", USBD_DEFGRP_ID: "grüppe" }),
      renderRecord("0205", { USCON_NAME: "straße", USCON_GRP_ID: "ÿ1" }),
      renderRecord("0205", { USCON_NAME: "zoë", USCON_GRP_ID: "grüppe" }),
      renderRecord("0205", { USCON_NAME: "ë", USCON_GRP_ID: "SYS1" }),
      renderRecord("0500", {
        GRBD_NAME: "IRR.DIGTCERT.LISTRING",
        GRBD_CLASS_NAME: "facility",
        GRBD_UACC: "read",
      }),
      renderRecord("0505", {
        GRACC_NAME: "IRR.DIGTCERT.LISTRING",
        GRACC_CLASS_NAME: "FACILITY",
        GRACC_AUTH_ID: "zoë",
        GRACC_ACCESS: "read",
      }),
      renderRecord("0505", {
        GRACC_NAME: "IRR.DIGTCERT.LISTRING",
        GRACC_CLASS_NAME: "FACILITY",
        GRACC_AUTH_ID: "straße",
        GRACC_ACCESS: "update",
      }),
      renderRecord("0505", {
        GRACC_NAME: "IRR.DIGTCERT.LISTRIN",
        GRACC_CLASS_NAME: "FACILITY",
        GRACC_AUTH_ID: "A",
        GRACC_ACCESS: "READ",
      }),
    ];
    const bytes = enc.encode(lines.join("\n"));
    const r = await both(bytes, [bytes]);
    expect(r.bytes).toBe(r.lines);
    expect(JSON.stringify(r.issues)).toBe(JSON.stringify(r.lineIssues));
    const state = JSON.parse(r.bytes);
    expect(state.users.map((u: { id: string; groups: string[] }) => [u.id, u.groups])).toEqual([
      ["STRASSE", ["GRÜPPE", "\u01781"]],
      ["ZOË", ["GRÜPPE"]],
      ["Ë", ["SYS1"]],
    ]);
    const listring = state.profiles.find((p: { name: string }) => p.name === "IRR.DIGTCERT.LISTRING");
    expect(listring.access.map((a: { id: string; level: string }) => `${a.id}:${a.level}`)).toEqual([
      "ZOË:READ",
      "STRASSE:UPDATE",
    ]);
  });

  it("an empty, blank or EBCDIC input is still an error at line 1", async () => {
    for (const bytes of [
      new Uint8Array(0),
      enc.encode("   \n\n"),
      Uint8Array.from([0xf0, 0xf2, 0xf0, 0xf0, 0x40, 0xc1, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x15]),
    ]) {
      const r = await both(bytes, [bytes]);
      expect(r.bytes).toBe(r.lines);
      expect(r.issues.filter((i) => i.severity === "error").map((i) => `${i.line}:${i.code}`)).toEqual([
        "1:unload-empty",
      ]);
    }
  });

  it("passes only lines that are not plain ASCII to the sanitizer, with their line numbers", async () => {
    const seen: string[] = [];
    const ctx = context("u.txt", new RacfModel());
    const text = ["GROUPA", "GR\u001bB", "GROUPC"].map((g) => `0100 ${g.padEnd(8)} SYS1`).join("\n");
    await readUnloadBytes(from([enc.encode(text)]), ctx, {
      sanitize: (line, no) => {
        seen.push(`${no}:${line}`);
        return line.replace("\u001b", "\ufffd");
      },
    });
    expect(seen).toEqual([`2:0100 ${"GR\u001bB".padEnd(8)} SYS1`]);
    expect(ctx.model.state.groups.map((g) => g.id)).toEqual(["GROUPA", "GR\ufffdB", "GROUPC"]);
  });
});

describe("racfring model --unload (bytes from the file)", () => {
  it("a NUL byte is a located input error, exit 3", async () => {
    const dir = await mkdtemp(join(tmpdir(), "racfring-bytes-"));
    const file = join(dir, "u.txt");
    writeFileSync(file, "0100 GROUPA\n0100 GROUPB\n0100 GR\u0000C\n");
    const r = await cli(["model", "--unload", file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:3: binary data (NUL bytes)`);
  });

  it("control characters are replaced and reported on each line, at their column, escaped", async () => {
    const dir = await mkdtemp(join(tmpdir(), "racfring-bytes-"));
    const file = join(dir, "u.txt");
    writeFileSync(file, "0100 GROUPA\r\n0100 GROUPB\r\n0100 GR\u001bC\r\n0100 G\u0007D\r\n");
    const r = await cli(["model", "--unload", file, "--json"]);
    expect(r.code).toBe(0);
    const issues = JSON.parse(r.stdout).issues as {
      line: number;
      column?: number;
      code: string;
      message: string;
    }[];
    const control = issues.filter((i) => i.code === "control-character");
    // one warning per line that holds them (issue 9, item 5), naming the character escaped
    expect(control.map((i) => [i.line, i.column])).toEqual([
      [3, 8],
      [4, 7],
    ]);
    expect(control[0]?.message).toContain("\\x1b (terminal control)");
    expect(control[1]?.message).toContain("\\x07 (terminal control)");
  });
});
