import { describe, expect, it } from "vitest";
import { RacfModel } from "../../src/model/model.js";
import { parseRingRow, readListing } from "../../src/readers/listing.js";
import { context, fixture, pick, project } from "./helpers.js";

const LISTINGS = [
  "RECON_listring_star_multi_ring_WEBSRV",
  "RECON_listring_long_ring_name_wrap_ASSUMED",
  "RECON_listring_messages",
  "RECON_list_user_WEBSRV_two_certs",
  "RECON_list_site_label",
  "RECON_listchain_user_WEBSRV_SUMMARY_UNVERIFIED",
  "RECON_rlist_facility_IRR.DIGTCERT.LISTRING_authuser",
  "RECON_rlist_rdatalib_generic_no_users",
  "RECON_rlist_rdatalib_ring_LST_authuser",
  "RECON_rlist_started_stdata_generic",
  "rlist_started_stdata_TSTTSKEL__ambitus_pyracf",
  "listing_mixed_capture_crlf",
  "listing_malformed",
];

describe("readListing fixtures (expected JSON written from the sample text)", () => {
  for (const name of LISTINGS) {
    it(name, () => {
      const ctx = context(`${name}.txt`);
      readListing(fixture(`${name}.txt`), ctx);
      const expected = JSON.parse(fixture(`expected/${name}.json`)) as object;
      expect(pick(project(ctx.model.state), expected)).toEqual(expected);
    });
  }
});

describe("readListing provenance and structure", () => {
  it("locates every connection at its row, label column 3", () => {
    const ctx = context("star.txt");
    readListing(fixture("RECON_listring_star_multi_ring_WEBSRV.txt"), ctx);
    const ring = ctx.model.ring("WEBSRV", "WebRing");
    expect(ring?.sources).toEqual([{ file: "star.txt", line: 8, kind: "listing" }]);
    expect(ring?.connections.map((c) => c.sources[0]?.line)).toEqual([12, 13, 14, 15]);
    expect(ring?.connections[0]?.sources[0]).toEqual({
      file: "star.txt",
      line: 12,
      column: 3,
      kind: "listing",
    });
  });

  it("does not invent certificates for ring connections nobody listed", () => {
    const ctx = context("star.txt");
    readListing(fixture("RECON_listring_star_multi_ring_WEBSRV.txt"), ctx);
    expect(ctx.model.state.certificates).toEqual([]);
    expect(ctx.model.ring("WEBSRV", "WebRing")?.connections).toHaveLength(4);
  });

  it("LIST and LISTRING in either order: the LISTRING replaces connections inferred from Ring Associations", () => {
    const model = new RacfModel();
    readListing(fixture("RECON_list_user_WEBSRV_two_certs.txt"), context("list.txt", model));
    expect(model.ring("WEBSRV", "WebRing")?.connections[0]?.default).toBe(false);
    expect(model.state.assumptions).toHaveLength(1);
    readListing(fixture("RECON_listring_star_multi_ring_WEBSRV.txt"), context("ring.txt", model));
    const ring = model.ring("WEBSRV", "WebRing");
    expect(ring?.connections.map((c) => `${c.owner}:${c.label}:${c.default}`)).toEqual([
      "ID(WEBSRV):WebServerCert:true",
      "CERTAUTH:ExampleRootCA:false",
      "ID(APPUSR):AppServerCert:false",
      "SITE:SiteSigner:false",
    ]);
    // dropping an inferred connection is not news; nothing reported
    expect(model.state.issues).toEqual([]);
    expect(ring?.connections[0]?.sources.every((s) => s.kind === "listing")).toBe(true);
  });

  it("reports a LIST ring association the listed ring does not hold", () => {
    const model = new RacfModel();
    readListing(fixture("RECON_listring_star_multi_ring_WEBSRV.txt"), context("ring.txt", model));
    const list = fixture("RECON_list_site_label.txt")
      .replace(">AppRing<", ">EmptyRing<")
      .replace("APPUSR", "WEBSRV");
    readListing(list, context("list.txt", model));
    expect(model.state.issues.map((i) => `${i.code}@${i.line}`)).toEqual([
      "listing-ring-association-mismatch@34",
    ]);
    expect(model.ring("WEBSRV", "EmptyRing")?.connections).toEqual([]);
  });

  it("a later LISTRING that no longer shows a connection reports it", () => {
    const model = new RacfModel();
    readListing(fixture("RECON_listring_star_multi_ring_WEBSRV.txt"), context("before.txt", model));
    const after = fixture("RECON_listring_star_multi_ring_WEBSRV.txt").replace(/^ {2}AppServerCert.*\n/m, "");
    readListing(after, context("after.txt", model));
    expect(model.ring("WEBSRV", "WebRing")?.connections.map((c) => c.label)).toEqual([
      "WebServerCert",
      "ExampleRootCA",
      "SiteSigner",
    ]);
    expect(model.state.issues).toEqual([
      expect.objectContaining({
        file: "after.txt",
        line: 8,
        code: "ring-connection-dropped",
        severity: "info",
      }),
    ]);
    expect(model.state.issues[0]?.message).toContain('ID(APPUSR) "AppServerCert" (before.txt:14)');
  });

  it("SETROPTS LIST sets class state from ACTIVE / GENERIC / RACLIST class lists, continuation lines included", () => {
    const ctx = context("setropts.txt");
    readListing(fixture("setropts_list.txt"), ctx);
    const cls = (c: string) => {
      const s = ctx.model.classState(c);
      return { active: s.active, raclisted: s.raclisted, generic: s.generic, assumed: s.assumed };
    };
    expect(cls("FACILITY")).toEqual({ active: true, raclisted: true, generic: true, assumed: false });
    // active but not RACLISTed: R_datalib ring-specific checking is off (racf-rules.md §1)
    expect(cls("RDATALIB")).toEqual({ active: true, raclisted: false, generic: true, assumed: false });
    expect(cls("STARTED")).toEqual({ active: true, raclisted: true, generic: true, assumed: false });
    expect(cls("DIGTCERT")).toEqual({ active: true, raclisted: true, generic: false, assumed: false });
    expect(cls("DIGTRING")).toEqual({ active: true, raclisted: true, generic: false, assumed: false });
    expect(cls("UNIXPRIV")).toEqual({ active: true, raclisted: false, generic: false, assumed: false });
    expect(cls("DATASET")).toEqual({ active: true, raclisted: false, generic: true, assumed: false });
    // GLOBAL=YES RACLIST ONLY counts as RACLISTed
    expect(cls("TCICSTRN")).toEqual({ active: false, raclisted: true, generic: false, assumed: false });
    const explicit = Object.entries(ctx.model.state.classes).filter(([, s]) => !s.assumed);
    expect(explicit).toHaveLength(21);
    expect(ctx.model.classState("RDATALIB").sources).toEqual([
      { file: "setropts.txt", line: 6, kind: "listing" },
      { file: "setropts.txt", line: 9, kind: "listing" },
      { file: "setropts.txt", line: 14, kind: "listing" },
    ]);
    expect(ctx.model.state.issues).toEqual([]);
  });

  it("a capture shifted right by one column reads the same", () => {
    const shifted = fixture("RECON_listring_star_multi_ring_WEBSRV.txt")
      .split("\n")
      .map((l) => (l.startsWith("#") || l === "" ? l : ` ${l}`))
      .join("\n");
    const a = context("a.txt");
    const b = context("b.txt");
    readListing(fixture("RECON_listring_star_multi_ring_WEBSRV.txt"), a);
    readListing(shifted, b);
    expect(project(b.model.state).rings).toEqual(project(a.model.state).rings);
    expect(b.model.state.issues).toEqual([]);
    const rlist = fixture("RECON_rlist_started_stdata_generic.txt")
      .split("\n")
      .map((l) => (l.startsWith("#") ? l : ` ${l}`))
      .join("\n");
    const c = context("c.txt");
    readListing(rlist, c);
    expect(project(c.model.state).profiles).toEqual(
      JSON.parse(fixture("expected/RECON_rlist_started_stdata_generic.json")).profiles,
    );
  });

  it("SETROPTS LIST indented as some captures show it", () => {
    const ctx = context("s.txt");
    readListing(
      "READY\n  SETROPTS LIST\n  ATTRIBUTES = INITSTATS NOCMDVIOL\n  PASSWORD PROCESSING OPTIONS:\n    PASSWORD CHANGE INTERVAL IS  180 DAYS.\n  ACTIVE CLASSES  =  DATASET USER GROUP FACILITY TSOAUTH\n  GENERIC PROFILE CLASSES  =  DATASET FACILITY\n  SETR RACLIST CLASSES  =  FACILITY\nREADY\n",
      ctx,
    );
    expect(ctx.model.classState("FACILITY")).toMatchObject({
      active: true,
      raclisted: true,
      generic: true,
      assumed: false,
    });
    expect(ctx.model.classState("STARTED")).toMatchObject({
      active: false,
      raclisted: false,
      assumed: false,
    });
    expect(ctx.model.state.issues).toEqual([]);
  });

  it("SETROPTS LIST that leaves RDATALIB out marks it inactive", () => {
    const ctx = context("s.txt");
    readListing("ACTIVE CLASSES = DATASET FACILITY STARTED\nSETR RACLIST CLASSES = NONE\n", ctx);
    expect(ctx.model.classState("RDATALIB").active).toBe(false);
    expect(ctx.model.classState("RDATALIB").assumed).toBe(false);
    expect(ctx.model.classState("FACILITY").raclisted).toBe(false);
  });

  it("reads a LISTRING whose header is missing when the command echo names the owner", () => {
    const ctx = context("x.txt");
    const text = [
      "RACDCERT ID(FTPD) LISTRING(SERVRING)",
      "  Ring:",
      "       >SERVRING<",
      "  Certificate Label Name             Cert Owner     USAGE      DEFAULT",
      "  --------------------------------   ------------   --------   -------",
      "  FTP Server                         ID(FTPD)       PERSONAL     YES",
    ].join("\n");
    readListing(text, ctx);
    expect(ctx.model.ring("FTPD", "SERVRING")?.connections.map((c) => c.label)).toEqual(["FTP Server"]);
  });

  it("without header or echo the ring owner is unknown: located warning, ring skipped", () => {
    const ctx = context("x.txt");
    readListing("  Ring:\n       >R1<\n  *** No certificates connected ***\n", ctx);
    expect(ctx.model.state.rings).toEqual([]);
    expect(ctx.model.state.issues.map((i) => `${i.code}@${i.line}`)).toEqual([
      "listing-ring-owner-unknown@1",
    ]);
  });

  it("a ring header followed by IRRD115I is a user without rings, not a broken listing", () => {
    const ctx = context("x.txt");
    readListing("Digital ring information for user NORINGS:\n\nIRRD115I User NORINGS has no rings.\n", ctx);
    expect(ctx.model.state.issues.map((i) => `${i.severity} ${i.code}@${i.line}`)).toEqual([
      "info listing-no-rings@3",
    ]);
  });

  it("text that is not RACF output gives one issue, never an exception", () => {
    const ctx = context("junk.txt");
    readListing("hello\nworld\n\u0000\u0001binary\n", ctx);
    expect(ctx.model.state.issues.map((i) => i.code)).toEqual([
      "listing-control",
      "listing-unrecognized",
      "listing-empty",
    ]);
    expect(ctx.model.state.issues[1]?.message).toMatch(/^3 line\(s\)/);
  });

  it("reports several DEFAULT certificates in one ring", () => {
    const ctx = context("d.txt");
    const text = fixture("RECON_listring_star_multi_ring_WEBSRV.txt").replace(
      /(ExampleRootCA\s+CERTAUTH\s+CERTAUTH\s+)NO/,
      "$1YES",
    );
    readListing(text, ctx);
    expect(ctx.model.state.issues.map((i) => `${i.code}@${i.line}`)).toEqual(["ring-several-defaults@8"]);
    // the model keeps one default (the last one shown)
    expect(
      ctx.model
        .ring("WEBSRV", "WebRing")
        ?.connections.filter((c) => c.default)
        .map((c) => c.label),
    ).toEqual(["ExampleRootCA"]);
  });
});

describe("private key location", () => {
  const block = (pk: string, extra: string) =>
    [
      "Digital certificate information for user ICSFU:",
      "  Label: K",
      "  Status: TRUST",
      "  Signing Algorithm: sha256RSA",
      "  Key Type: RSA",
      "  Key Size: 2048",
      `  Private Key: ${pk}`,
      extra,
    ].join("\n");
  const read = (text: string) => {
    const ctx = context("k.txt");
    readListing(text, ctx);
    const c = ctx.model.certificate("ID(ICSFU)", "K");
    return { privateKey: c?.privateKey, keyStore: c?.keyStore, icsfLabel: c?.icsfLabel };
  };
  it("software, PKDS, and a public-key-only PKDS entry", () => {
    expect(read(block("YES", ""))).toEqual({ privateKey: true, keyStore: "software", icsfLabel: null });
    expect(read(block("Yes", "  PKDS Label: ICSFU.K"))).toEqual({
      privateKey: true,
      keyStore: "PKDS",
      icsfLabel: "ICSFU.K",
    });
    expect(read(block("NO", "  PKDS Label: ICSFU.K"))).toEqual({
      privateKey: false,
      keyStore: null,
      icsfLabel: "ICSFU.K",
    });
  });
});

describe("several outputs in one file", () => {
  it("reads each output by its header, whatever follows it", () => {
    const parts = [
      "RECON_listring_star_multi_ring_WEBSRV.txt",
      "RECON_list_user_WEBSRV_two_certs.txt",
      "RECON_rlist_facility_IRR.DIGTCERT.LISTRING_authuser.txt",
      "setropts_list.txt",
      "RECON_rlist_rdatalib_ring_LST_authuser.txt",
      "RECON_listring_messages.txt",
      "RECON_rlist_started_stdata_generic.txt",
    ];
    const text = parts.map((p) => fixture(p)).join("");
    const ctx = context("all.txt");
    readListing(text, ctx);
    const m = project(ctx.model.state);
    expect(m.rings.map((r) => `${r.owner}/${r.name}:${r.connections.length}`)).toEqual([
      "WEBSRV/WebRing:4",
      "WEBSRV/EmptyRing:0",
    ]);
    expect(m.certificates.map((c) => c.label)).toEqual(["WebServerCert", "OldClientCert"]);
    expect(m.profiles.map((p) => `${p.class} ${p.name} ${p.access.length}`)).toEqual([
      "FACILITY IRR.DIGTCERT.LISTRING 3",
      "RDATALIB WEBSRV.WebRing.LST 2",
      "STARTED WEBSRVR.* 0",
    ]);
    expect(ctx.model.classState("RDATALIB")).toMatchObject({
      active: true,
      raclisted: false,
      assumed: false,
    });
    // the message sample says WEBSRV has no rings although the LISTRING above showed two
    expect(m.issues.map((i) => i.replace(/ @\d+$/, ""))).toEqual([
      "warning listing-no-rings",
      "warning listing-no-rings",
      "info listing-ring-not-found",
      "info listing-message",
    ]);
  });
});

describe("RLIST variants", () => {
  const rlist = (cls: string, name: string, tail: string[]) => [
    "CLASS      NAME",
    "-----      ----",
    `${cls.padEnd(8)}   ${name}`,
    "",
    "LEVEL  OWNER      UNIVERSAL ACCESS  YOUR ACCESS  WARNING",
    "-----  --------   ----------------  -----------  -------",
    " 00    SECADM          NONE              ALTER    NO",
    "",
    ...tail,
  ];

  it("several profiles, =MEMBER, a conditional access list, a bad level and a NOT FOUND message", () => {
    const text = [
      ...rlist("STARTED", "FTPD.*", [
        "STDATA INFORMATION",
        "------------------",
        "USER= =MEMBER",
        "GROUP=",
        "TRUSTED= NO",
        "",
      ]),
      "ICH13003I IRR.DIGTCERT.GENCERT NOT FOUND",
      ...rlist("FACILITY", "IRR.DIGTCERT.LIST", [
        "USER      ACCESS   ACCESS COUNT",
        "----      ------   ------ -----",
        "FTPD      READ        000001",
        "WEBSRV    READX       000001",
        "",
        "ID        ACCESS   ACCESS COUNT   CLASS      ENTITY NAME",
        "--        ------   ------ -----   -----      -----------",
        "SYSPROG   UPDATE      000000      CONSOLE    SYSCONS",
        "",
      ]),
    ].join("\n");
    const ctx = context("r.txt");
    readListing(text, ctx);
    expect(project(ctx.model.state).profiles).toEqual([
      {
        class: "STARTED",
        name: "FTPD.*",
        generic: true,
        uacc: "NONE",
        access: [],
        stdata: { user: "=MEMBER", group: null },
        applData: null,
      },
      {
        class: "FACILITY",
        name: "IRR.DIGTCERT.LIST",
        generic: false,
        uacc: "NONE",
        access: [{ id: "FTPD", level: "READ" }],
        stdata: null,
        applData: null,
      },
    ]);
    expect(
      ctx.model.state.issues.map((i) => `${i.severity} ${i.code}@${i.line}${i.column ? `:${i.column}` : ""}`),
    ).toEqual([
      "info listing-message@15",
      "warning rlist-bad-access-entry@27:11",
      "info rlist-conditional-access@29",
    ]);
  });

  it("RLIST without the access list (no AUTHUSER) keeps what other inputs said", () => {
    const model = new RacfModel();
    const p = model.defineProfile("FACILITY", "IRR.DIGTCERT.LISTRING", {
      file: "a.jcl",
      line: 1,
      kind: "jcl",
    });
    p.access.push({ id: "FTPD", level: "READ", sources: [] });
    readListing(rlist("FACILITY", "IRR.DIGTCERT.LISTRING", []).join("\n"), context("r.txt", model));
    expect(model.profile("FACILITY", "IRR.DIGTCERT.LISTRING")?.access.map((a) => a.id)).toEqual(["FTPD"]);
    expect(model.profile("FACILITY", "IRR.DIGTCERT.LISTRING")?.sources.map((s) => s.file)).toEqual([
      "a.jcl",
      "r.txt",
    ]);
  });
});

describe("parseRingRow", () => {
  it("reads by columns, so labels may contain owner-like words and blanks", () => {
    const row = `  ${"My SITE PERSONAL YES".padEnd(32)}   ${"ID(A1)".padEnd(12)}   ${"PERSONAL".padEnd(8)}     NO`;
    expect(parseRingRow(row)).toEqual({
      label: "My SITE PERSONAL YES",
      owner: "ID(A1)",
      usage: "PERSONAL",
      isDefault: false,
    });
  });
  it("falls back to reading from the right when indentation was edited", () => {
    expect(parseRingRow("AppServerCert ID(appusr) PERSONAL NO")).toEqual({
      label: "AppServerCert",
      owner: "ID(APPUSR)",
      usage: "PERSONAL",
      isDefault: false,
    });
  });
  it("rejects rows without owner, usage and default", () => {
    expect(parseRingRow("  WebServerCert   ID(WEBSRV)   PERSONAL")).toBeNull();
    expect(parseRingRow("  WebServerCert   SOMEONE      PERSONAL   YES")).toBeNull();
  });
});
