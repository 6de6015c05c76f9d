import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { readUnload } from "../../src/readers/unload.js";
import { context } from "./helpers.js";
import { renderRecord } from "./unload-render.js";

// A real collector makes heap numbers meaningful; without it garbage would blur the measure.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * 200 000 filler records of types racfring does not keep (data set profiles, access lists of
 * unrelated classes, unknown types), about 160 MB of text, with a few certificates and a ring
 * spread through them. Generated lazily so the test itself holds no more than one line.
 */
async function* bigUnload(filler: number): AsyncIterable<string> {
  const pad = "x".repeat(700);
  for (let i = 0; i < filler; i++) {
    if (i % 50_000 === 25_000) {
      const n = Math.floor(i / 50_000);
      const name = `0${n}.CN=Stream¢CA.O=Example`;
      yield renderRecord("0207", {
        USCERT_NAME: "STREAMU",
        USCERT_CERT_NAME: name,
        USCERT_CERTLABL: `Cert ${n}`,
      });
      yield renderRecord("0500", {
        GRBD_NAME: name,
        GRBD_CLASS_NAME: "DIGTCERT",
        GRBD_UACC: "TRUST",
        GRBD_APPL_DATA: "STREAMU",
      });
      yield renderRecord("0562", {
        KEYR_NAME: "STREAMU.Ring",
        KEYR_CLASS_NAME: "DIGTRING",
        KEYR_CERT_NAME: name,
        KEYR_CERT_USAGE: "PERSONAL",
        KEYR_CERT_DEFAULT: n === 0 ? "YES" : "NO",
        KEYR_CERT_LABEL: `Cert ${n}`,
      });
    }
    switch (i % 4) {
      case 0:
        yield `0400 SYS${i}.DATA.SET${" ".repeat(30)}${pad}`;
        break;
      case 1:
        yield `0404 SYS${i}.DATA.SET${" ".repeat(30)}USER${i % 1000} READ ${pad}`;
        break;
      case 2:
        // GRACC layout: name 6–251, class 253–260, id 262–269, access 271–278, count 280–284
        yield `0505 ${`TCICSTRN.TX${i}`.padEnd(246)} TCICSTRN X        READ     00000 ${pad}`;
        break;
      default:
        yield `0ZZZ unknown record type ${i} ${pad}`;
    }
  }
  yield renderRecord("0500", { GRBD_NAME: "STREAMU.Ring", GRBD_CLASS_NAME: "DIGTRING", GRBD_UACC: "NONE" });
}

describe("streaming", () => {
  it("reads 200k records in bounded memory (state per certificate and ring only)", {
    timeout: 60_000,
  }, async () => {
    const ctx = context("big.txt");
    const before = heapMb();
    let seen = 0;
    async function* watched(): AsyncIterable<string> {
      for await (const l of bigUnload(200_000)) {
        seen += l.length;
        yield l;
      }
    }
    const started = Date.now();
    await readUnload(watched(), ctx);
    const after = heapMb();
    const elapsed = Date.now() - started;
    const totalMb = seen / 1024 / 1024;
    // ~150 MB of text went through; what stays is a handful of model objects plus the issue list.
    expect(totalMb).toBeGreaterThan(100);
    expect(after - before).toBeLessThan(15);
    expect(ctx.model.state.certificates.map((c) => c.label)).toEqual([
      "Cert 0",
      "Cert 1",
      "Cert 2",
      "Cert 3",
    ]);
    expect(ctx.model.ring("STREAMU", "Ring")?.connections).toHaveLength(4);
    expect(ctx.model.state.profiles).toEqual([]);
    expect(ctx.model.state.issues.map((i) => i.code)).toEqual(["unload-unknown-record-type"]);
    expect(ctx.model.state.issues[0]?.message).toContain("50000 record(s) of unknown type 0ZZZ");
    console.log(
      `streamed ${totalMb.toFixed(0)} MB in ${elapsed} ms; heap before ${before.toFixed(1)} MB, after ${after.toFixed(1)} MB`,
    );
  });
});
