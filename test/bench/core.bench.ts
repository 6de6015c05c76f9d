/**
 * Benchmarks: `npm run bench` (builds first, so the CLI start-up is measured on dist/).
 * Sizes are chosen to look like large real sites: a 20,000-command RACF deck, a 200,000-record
 * IRRDBU00 unload, and the sample site's simulations.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { lintJcl } from "../../src/lint/lint.js";
import { RacfModel } from "../../src/model/model.js";
import { readRacfCommands } from "../../src/racf/reader.js";
import type { ReadContext } from "../../src/readers/context.js";
import { readUnload } from "../../src/readers/unload.js";
import { simulate } from "../../src/sim/simulate.js";

const RAN_AT = new Date("2026-06-01T00:00:00Z");

function ctx(model: RacfModel, file: string): ReadContext {
  return { model, file, datasets: new Map(), ranAt: RAN_AT, ranAtGiven: true };
}

/** 2,000 users, each with a certificate, a ring, two connections, an RDATALIB profile and a permit. */
function bigDeck(users: number): string {
  const lines = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Bench Root CA') O('Bench')) -",
    "  SIZE(2048) WITHLABEL('Bench Root CA') KEYUSAGE(CERTSIGN)",
  ];
  for (let i = 0; i < users; i++) {
    const u = `U${String(i).padStart(6, "0")}`;
    lines.push(
      `ADDUSER ${u} DFLTGRP(STCGRP) NOPASSWORD`,
      `RACDCERT ID(${u}) GENCERT SUBJECTSDN(CN('${u.toLowerCase()}.bench.example') -`,
      `  O('Bench')) SIZE(2048) SIGNWITH(CERTAUTH LABEL('Bench Root CA')) -`,
      `  WITHLABEL('Server ${u}') KEYUSAGE(HANDSHAKE)`,
      `RACDCERT ID(${u}) ADDRING(Ring${i})`,
      `RACDCERT ID(${u}) CONNECT(CERTAUTH LABEL('Bench Root CA') RING(Ring${i}) USAGE(CERTAUTH))`,
      `RACDCERT ID(${u}) CONNECT(LABEL('Server ${u}') RING(Ring${i}) DEFAULT)`,
      `RDEFINE RDATALIB ${u}.RING${i}.LST UACC(NONE)`,
      `PERMIT ${u}.RING${i}.LST CLASS(RDATALIB) ID(${u}) ACCESS(READ)`,
    );
  }
  lines.push("SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)");
  return lines.join("\n");
}

const DECK = bigDeck(2000);

/** The synthetic unload's certificate records, plus filler user records to reach `total` lines. */
function bigUnload(total: number): string[] {
  const base = readFileSync("test/fixtures/readers/irrdbu00_SYNTHETIC_certs_rings.txt", "utf8")
    .split("\n")
    .filter((l) => /^\d{4} /.test(l));
  const out = [...base];
  for (let i = 0; out.length < total; i++) {
    out.push(
      `0200 F${String(i).padStart(7, "0")} 2023-01-15 SECADM   NO   NO   NO   NO   NO   186            FILLER USER          STCGRP`,
    );
  }
  return out;
}

const UNLOAD = bigUnload(200_000);

const SITE = readFileSync("samples/site/setup.jcl", "utf8");
const siteModel = new RacfModel();
readRacfCommands(SITE, ctx(siteModel, "setup.jcl"));

describe("readers", () => {
  bench("read a 20,000-command RACF deck into the model", () => {
    readRacfCommands(DECK, ctx(new RacfModel(), "big.jcl"));
  });

  bench("stream a 200,000-record IRRDBU00 unload", async () => {
    async function* lines() {
      for (const l of UNLOAD) yield l;
    }
    await readUnload(lines(), ctx(new RacfModel(), "big.unload"));
  });
});

describe("simulator and lint", () => {
  bench("simulate the sample site's FTP server (RC 428 with fixes)", () => {
    simulate(siteModel, { user: "TCPIP", ring: { owner: "FTPD", name: "FTPRing" }, at: RAN_AT });
  });

  bench("lint the sample site job", () => {
    lintJcl(SITE, "setup.jcl");
  });
});

describe("CLI start-up (dist/)", () => {
  bench(
    "racfring --help",
    () => {
      const r = spawnSync(process.execPath, ["dist/cli/main.js", "--help"], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`racfring --help exited ${r.status}: ${r.stderr}`);
    },
    { iterations: 10 },
  );

  bench(
    "racfring model on the sample site",
    () => {
      const r = spawnSync(
        process.execPath,
        ["dist/cli/main.js", "model", "--jcl", "samples/site/setup.jcl"],
        {
          encoding: "utf8",
        },
      );
      if (r.status !== 0) throw new Error(`racfring model exited ${r.status}: ${r.stderr}`);
    },
    { iterations: 10 },
  );
});
