import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelToJson } from "../../src/model/json.js";
import { RacfModel } from "../../src/model/model.js";
import { UserTable, type UserTableParts } from "../../src/model/user-table.js";
import { type ParallelUsers, readCleanUserRecords, readUnloadBytes } from "../../src/readers/unload.js";
import { synthesize } from "../../src/synth/unload.js";
import { context } from "./helpers.js";
import { renderRecord } from "./unload-render.js";

/**
 * The CLI reads an unload's clean user records in a worker thread while the main thread reads
 * the rest (src/readers/unload.ts ParallelUsers). Whatever the input, the model and the issues
 * must be those of one reading in order: the worker's table is taken when nothing else of the
 * users was read, and otherwise the users are read a second time.
 */

const enc = new TextEncoder();

async function* from(chunks: readonly Uint8Array[]): AsyncIterable<Uint8Array> {
  for (const c of chunks) yield c;
}

function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

function synthetic(seed: number): string {
  return [
    ...synthesize(
      {
        users: 400,
        certs: 40,
        rings: 20,
        started: 8,
        rdatalib: 8,
        accessEntries: 150,
        defects: 0.3,
        seed,
        records: 1500,
        at: new Date("2026-06-01T00:00:00Z"),
      },
      () => undefined,
    ),
  ].join("");
}

interface Outcome {
  model: string;
  issues: string;
  /** How often the users were read a second time. */
  again: number;
}

async function sequential(bytes: Uint8Array): Promise<Outcome> {
  const ctx = context("u.txt");
  await readUnloadBytes(from(chunksOf(bytes, 777)), ctx);
  return {
    model: JSON.stringify(modelToJson(ctx.model.state)),
    issues: JSON.stringify(ctx.model.state.issues),
    again: 0,
  };
}

/** `workerBytes`: what the worker reads, when the file changed between the two readings. */
async function parallel(
  bytes: Uint8Array,
  worker: "works" | "fails" = "works",
  workerBytes: Uint8Array = bytes,
): Promise<Outcome> {
  const ctx = context("u.txt");
  let again = 0;
  const users: ParallelUsers = {
    table:
      worker === "works"
        ? readCleanUserRecords(from(chunksOf(workerBytes, 1000)), "u.txt").then(({ table, tally }) => {
            // As the CLI gets it: plain data sent across threads, buffers moved.
            const { parts, buffers } = table.parts();
            const moved = structuredClone(parts, { transfer: buffers }) as UserTableParts;
            return { table: UserTable.fromParts("u.txt", moved), tally };
          })
        : Promise.resolve(null),
    again: () => {
      again++;
      return from(chunksOf(bytes, 4096));
    },
  };
  await readUnloadBytes(from(chunksOf(bytes, 777)), ctx, { users });
  return {
    model: JSON.stringify(modelToJson(ctx.model.state)),
    issues: JSON.stringify(ctx.model.state.issues),
    again,
  };
}

describe("user records read in parallel", () => {
  it("a synthetic site: the worker's table is taken, and the model and issues are those of one reading", async () => {
    const bytes = enc.encode(synthetic(21));
    const one = await sequential(bytes);
    const two = await parallel(bytes);
    expect(two.again).toBe(0);
    expect(two.model).toBe(one.model);
    expect(two.issues).toBe(one.issues);
    expect(JSON.parse(two.model).users.length).toBeGreaterThanOrEqual(400);
  });

  it("damaged user records are worded by the main reader, in order, and never read twice into the table", async () => {
    const user = renderRecord("0200", { USBD_NAME: "WEBSRV", USBD_DEFGRP_ID: "SYS1", USBD_SPECIAL: "NO" });
    const lines = [
      user,
      user.slice(0, 60), // truncated
      `${user.slice(0, 94)}XX${user.slice(96)}`, // misaligned
      renderRecord("0205", { USCON_NAME: "WEBSRV", USCON_GRP_ID: "TLSGRP" }),
      renderRecord("0205", { USCON_NAME: "", USCON_GRP_ID: "TLSGRP" }), // no user
      // Lines the worker skips undecoded must still count: one with a lone CR is two lines.
      "0400 SYS1.DATA¢SET\r0400 MORE¢DATA",
      "0400 SYS1.PARM\u00a0LIB",
      renderRecord("0200", { USBD_NAME: "OTHER", USBD_DEFGRP_ID: "SYS1" }),
    ];
    const bytes = enc.encode(`${synthetic(22)}${lines.join("\n")}\n`);
    const one = await sequential(bytes);
    const two = await parallel(bytes);
    // Damaged records are only worded, never read: the worker's table still holds every user.
    expect(two.again).toBe(0);
    expect(two.model).toBe(one.model);
    expect(two.issues).toBe(one.issues);
    const codes = JSON.parse(two.issues).map((i: { code: string }) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(["unload-truncated-record", "unload-malformed-record", "unload-short-record"]),
    );
  });

  it("a user record that comes as text (a tab, a character beyond Latin-1) has the users read again, in order", async () => {
    for (const odd of [
      `${renderRecord("0205", { USCON_NAME: "WEBSRV", USCON_GRP_ID: "TLSGRP" })}\t`,
      renderRecord("0200", { USBD_NAME: "EURO", USBD_DEFGRP_ID: "SYS1", USBD_PROGRAMMER: "Zoë €uro" }),
      renderRecord("0200", { USBD_NAME: "LATIN", USBD_DEFGRP_ID: "SYS1", USBD_PROGRAMMER: "Zoë" }),
    ]) {
      const plain = renderRecord("0200", { USBD_NAME: "WEBSRV", USBD_DEFGRP_ID: "SYS1" });
      const later = renderRecord("0205", { USCON_NAME: "WEBSRV", USCON_GRP_ID: "LATER" });
      const bytes = enc.encode(`${plain}\n${odd}\n${later}\n${synthetic(23)}`);
      const one = await sequential(bytes);
      const two = await parallel(bytes);
      // A Latin-1 line is a line of single bytes: clean, read by the worker.
      expect(two.again, odd).toBe(odd.includes("€") || odd.includes("\t") ? 1 : 0);
      expect(two.model, odd).toBe(one.model);
      expect(two.issues, odd).toBe(one.issues);
      const websrv = JSON.parse(two.model).users.find((u: { id: string }) => u.id === "WEBSRV");
      expect(websrv.groups.slice(0, 3), odd).toEqual(
        odd.includes("\t") ? ["SYS1", "TLSGRP", "LATER"] : ["SYS1", "LATER"],
      );
    }
  });

  it("a worker that gives no table: the users are read again, and the answer is the same", async () => {
    const bytes = enc.encode(synthetic(24));
    const one = await sequential(bytes);
    const two = await parallel(bytes, "fails");
    expect(two.again).toBe(1);
    expect(two.model).toBe(one.model);
    expect(two.issues).toBe(one.issues);
  });

  it("a file that changed between the two readings: the worker's table is not used", async () => {
    const bytes = enc.encode(synthetic(26));
    const lines = new TextDecoder().decode(bytes).split("\n");
    const first = lines.findIndex((l) => l.startsWith("0205 "));
    const fewer = lines.filter((_, i) => i !== first);
    const swapped = [...lines];
    [swapped[first], swapped[first + 1]] = [lines[first + 1] as string, lines[first] as string];
    for (const changed of [fewer, swapped]) {
      const one = await sequential(bytes);
      const two = await parallel(bytes, "works", enc.encode(changed.join("\n")));
      expect(two.again).toBe(1);
      expect(two.model).toBe(one.model);
      expect(two.issues).toBe(one.issues);
    }
  });

  it("the worker's table holds the clean user records only, with their lines", async () => {
    const lines = [
      renderRecord("0100", { GPBD_NAME: "SYS1" }),
      renderRecord("0200", { USBD_NAME: "alpha", USBD_DEFGRP_ID: "sys1", USBD_SPECIAL: "YES" }),
      renderRecord("0205", { USCON_NAME: "ALPHA", USCON_GRP_ID: "TLS" }),
      renderRecord("0200", { USBD_NAME: "BETA", USBD_DEFGRP_ID: "SYS1" }).slice(0, 50),
      `${renderRecord("0205", { USCON_NAME: "GAMMA", USCON_GRP_ID: "TLS" })}\t`,
    ];
    const { table, tally } = await readCleanUserRecords(from([enc.encode(lines.join("\n"))]), "u.txt");
    expect(tally.records).toBe(2);
    const model = new RacfModel();
    model.adoptUserTable(table);
    expect(model.state.users).toEqual([
      {
        id: "ALPHA",
        special: true,
        implied: false,
        groups: ["SYS1", "TLS"],
        revoked: false,
        defaultGroup: "SYS1",
        sources: [{ file: "u.txt", line: 2, kind: "unload" }],
      },
    ]);
  });
});

describe("racfring with the worker thread (built CLI)", () => {
  it.skipIf(!existsSync("dist/cli/main.js"))(
    "model and audit print the same with the worker required as without it",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "racfring-par-"));
      const file = join(dir, "site.txt");
      await writeFile(file, synthetic(25));
      for (const args of [
        ["model", "--unload", file, "--json"],
        ["audit", "--unload", file, "--format", "json", "--at", "2026-06-01"],
      ]) {
        const run = (use: string) =>
          spawnSync("node", ["dist/cli/main.js", ...args], {
            encoding: "utf8",
            env: { ...process.env, RACFRING_UNLOAD_WORKER: use },
            maxBuffer: 1 << 28,
          });
        const off = run("off");
        const on = run("require");
        expect(on.stderr).toBe(off.stderr);
        expect(on.status).toBe(off.status);
        expect(on.stdout).toBe(off.stdout);
        expect(on.stdout.length).toBeGreaterThan(10_000);
      }
    },
    60_000,
  );
});
