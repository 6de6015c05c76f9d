/**
 * The access facts of the second fidelity round, in the model and its readers: list-of-groups
 * checking (GRPLIST/NOGRPLIST), WARNING mode, ICSF-stored keys against CSFKEYS, and the two
 * readings of a change no refresh follows.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintJcl } from "../../src/lint/lint.js";
import { decideAccess, grplistOption, icsfKeyAccess } from "../../src/model/access.js";
import { modelFromJson, modelToJson } from "../../src/model/json.js";
import { RacfModel } from "../../src/model/model.js";
import { readRacfCommands } from "../../src/racf/reader.js";
import { readListing } from "../../src/readers/listing.js";
import { readUnload } from "../../src/readers/unload.js";
import { cli } from "../helpers/io.js";
import { read } from "../racf/helpers.js";
import { context, linesOf } from "../readers/helpers.js";
import { renderRecord } from "../readers/unload-render.js";

/** STCUSER (default group STCGRP) is also connected to CRYPTGRP, which has READ. */
const GROUPS = [
  "ADDGROUP STCGRP",
  "ADDGROUP CRYPTGRP",
  "ADDUSER STCUSER DFLTGRP(STCGRP) NOPASSWORD",
  "CONNECT STCUSER GROUP(CRYPTGRP)",
  "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
  "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(CRYPTGRP) ACCESS(READ)",
  "SETROPTS RACLIST(FACILITY) REFRESH",
];
const listring = (m: RacfModel) =>
  m.profile("FACILITY", "IRR.DIGTCERT.LISTRING") as NonNullable<ReturnType<RacfModel["profile"]>>;

describe("list-of-groups checking", () => {
  it("assumes GRPLIST when no input says, and flags a decision that depends on it", () => {
    const m = read(GROUPS.join("\n"));
    expect(grplistOption(m)).toMatchObject({ value: true, assumed: true });
    expect(m.user("STCUSER")?.defaultGroup).toBe("STCGRP");
    const d = decideAccess(m, listring(m), "STCUSER", "READ");
    expect(d).toMatchObject({ granted: true, via: "group", entryId: "CRYPTGRP", dependsOnGrplist: true });
    expect(d.why).toContain("assumed active");
  });

  it("NOGRPLIST from a command: only the current connect group counts", () => {
    const m = read([...GROUPS, "SETROPTS NOGRPLIST"].join("\n"));
    expect(grplistOption(m)).toMatchObject({ value: false, assumed: false });
    const d = decideAccess(m, listring(m), "STCUSER", "READ");
    expect(d).toMatchObject({
      granted: false,
      via: "uacc",
      currentGroup: "STCGRP",
      currentGroupFrom: "default-group",
    });
    // A started task whose STDATA names CRYPTGRP as its group has it as current group.
    const stc = decideAccess(m, listring(m), "STCUSER", "READ", { currentGroup: "CRYPTGRP" });
    expect(stc).toMatchObject({ granted: true, via: "group", currentGroupFrom: "given" });
  });

  it("GRPLIST from a command is no longer an assumption", () => {
    const m = read([...GROUPS, "SETROPTS GRPLIST"].join("\n"));
    expect(grplistOption(m).assumed).toBe(false);
    expect(decideAccess(m, listring(m), "STCUSER", "READ").why).toContain("list-of-groups checking active");
  });

  it("reads SETROPTS LIST: LIST OF GROUPS ACCESS CHECKING IS ACTIVE / INACTIVE", () => {
    for (const [text, value] of [
      ["LIST OF GROUPS ACCESS CHECKING IS INACTIVE.", false],
      ["LIST OF GROUPS ACCESS CHECKING IS ACTIVE.", true],
    ] as const) {
      const m = new RacfModel();
      readListing(
        [
          "ATTRIBUTES = INITSTATS WHEN(PROGRAM)",
          "ACTIVE CLASSES = DATASET USER GROUP FACILITY",
          text,
          "",
        ].join("\n"),
        context("setr.txt", m),
      );
      expect(grplistOption(m)).toMatchObject({
        value,
        assumed: false,
        sources: [{ file: "setr.txt", line: 3 }],
      });
      expect(m.classState("FACILITY").active).toBe(true);
    }
  });

  it("keeps the setting and the default group through the model JSON", () => {
    const m = read([...GROUPS, "SETROPTS NOGRPLIST"].join("\n"));
    const back = modelFromJson(JSON.stringify(modelToJson(m.state)), "m.json");
    expect(back.issues).toEqual([]);
    const m2 = new RacfModel(back.state);
    expect(grplistOption(m2).value).toBe(false);
    expect(m2.user("STCUSER")?.defaultGroup).toBe("STCGRP");
    const bad = modelFromJson('{"racfringModel":1,"options":{"grplist":{"value":"yes"}}}', "b.json");
    expect(bad.issues[0]?.message).toContain("options.grplist.value must be true or false");
  });
});

describe("WARNING mode", () => {
  const deck = [
    "RDEFINE RDATALIB WEBSRV.WEBRING.LST UACC(NONE) WARNING",
    "PERMIT WEBSRV.WEBRING.LST CLASS(RDATALIB) ID(WEBSRV) ACCESS(READ)",
    "SETROPTS RACLIST(RDATALIB) REFRESH",
  ];

  it("RDEFINE WARNING grants what the profile denies, and says so", () => {
    const m = read(deck.join("\n"));
    const p = m.profile("RDATALIB", "WEBSRV.WEBRING.LST");
    expect(p?.warning).toBe(true);
    const d = decideAccess(m, p as NonNullable<typeof p>, "OTHER", "UPDATE");
    expect(d).toMatchObject({ level: "NONE", granted: true, byWarning: true });
    expect(d.why).toContain('ICH408I with "WARNING"');
    // Enough access: granted without the warning.
    expect(decideAccess(m, p as NonNullable<typeof p>, "WEBSRV", "READ")).toMatchObject({
      byWarning: false,
      granted: true,
    });
  });

  it("RALTER NOWARNING ends it", () => {
    const m = read(
      [...deck, "RALTER RDATALIB WEBSRV.WEBRING.LST NOWARNING", "SETROPTS RACLIST(RDATALIB) REFRESH"].join(
        "\n",
      ),
    );
    const p = m.profile("RDATALIB", "WEBSRV.WEBRING.LST");
    expect(p?.warning).toBe(false);
    expect(decideAccess(m, p as NonNullable<typeof p>, "OTHER", "UPDATE").granted).toBe(false);
  });

  it("reads the RLIST WARNING column and the unload's GRBD_WARNING", async () => {
    const m = new RacfModel();
    readListing(
      [
        "CLASS      NAME",
        "-----      ----",
        "RDATALIB   WEBSRV.WEBRING.LST",
        "",
        "LEVEL  OWNER      UNIVERSAL ACCESS  YOUR ACCESS  WARNING",
        "-----  --------   ----------------  -----------  -------",
        " 00    SECADM          NONE              ALTER    YES",
        "",
      ].join("\n"),
      context("rlist.txt", m),
    );
    expect(m.profile("RDATALIB", "WEBSRV.WEBRING.LST")?.warning).toBe(true);
    const u = new RacfModel();
    await readUnload(
      linesOf(
        `${renderRecord("0500", { GRBD_NAME: "WEBSRV.WEBRING.LST", GRBD_CLASS_NAME: "RDATALIB", GRBD_GENERIC: "NO", GRBD_UACC: "NONE", GRBD_WARNING: "YES" })}\n`,
      ),
      context("u.txt", u),
    );
    expect(u.profile("RDATALIB", "WEBSRV.WEBRING.LST")?.warning).toBe(true);
  });
});

describe("keys in ICSF", () => {
  const gencert = [
    "RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('web')) WITHLABEL('WEBKEY') PKDS(*)",
    "RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('w2')) WITHLABEL('W2') RSA(PKDS(WEB.TWO))",
    "RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('w3')) WITHLABEL('W3') ICSF",
  ];

  it("GENCERT PKDS(*), RSA(PKDS(label)) and ICSF record the store and label", () => {
    const m = read(gencert.join("\n"));
    expect(m.certificate("ID(WEBSRV)", "WEBKEY")).toMatchObject({ keyStore: "PKDS", icsfLabel: "WEBKEY" });
    expect(m.certificate("ID(WEBSRV)", "W2")).toMatchObject({ keyStore: "PKDS", icsfLabel: "WEB.TWO" });
    expect(m.certificate("ID(WEBSRV)", "W3")).toMatchObject({ keyStore: "PKDS", icsfLabel: null });
  });

  it("CSFKEYS: unknown class state, inactive, no profile, denied, granted", () => {
    const key = { keyStore: "PKDS", icsfLabel: "WEBKEY" };
    const unknown = read(gencert.join("\n"));
    expect(icsfKeyAccess(unknown, key, "WEBSRV").verdict).toBe("class-unknown");
    expect(icsfKeyAccess(unknown, { keyStore: "software", icsfLabel: null }, "WEBSRV").verdict).toBe(
      "not-icsf",
    );
    const inactive = read([...gencert, "SETROPTS NOCLASSACT(CSFKEYS)"].join("\n"));
    expect(icsfKeyAccess(inactive, key, "WEBSRV").verdict).toBe("class-inactive");
    const active = [...gencert, "SETROPTS CLASSACT(CSFKEYS) RACLIST(CSFKEYS)"];
    expect(icsfKeyAccess(read(active.join("\n")), key, "WEBSRV").verdict).toBe("no-profile");
    const protectedKey = [...active, "RDEFINE CSFKEYS WEB* UACC(NONE)", "SETROPTS RACLIST(CSFKEYS) REFRESH"];
    const denied = icsfKeyAccess(read(protectedKey.join("\n")), key, "WEBSRV");
    expect(denied).toMatchObject({ verdict: "denied", profile: { name: "WEB*" } });
    expect(denied.why).toContain("READ needed");
    const granted = read(
      [
        ...protectedKey,
        "PERMIT WEB* CLASS(CSFKEYS) ID(WEBSRV) ACCESS(READ)",
        "SETROPTS RACLIST(CSFKEYS) REFRESH",
      ].join("\n"),
    );
    expect(icsfKeyAccess(granted, key, "WEBSRV").verdict).toBe("granted");
    expect(
      icsfKeyAccess(
        read([...active, "SETROPTS CLASSACT(CSFKEYS)"].join("\n")),
        { keyStore: "PKDS", icsfLabel: null },
        "WEBSRV",
      ).verdict,
    ).toBe("label-unknown");
  });

  it("reads CSFKEYS profiles from an unload and a key type that says ICSF from a listing", async () => {
    const u = new RacfModel();
    await readUnload(
      linesOf(
        `${renderRecord("0500", { GRBD_NAME: "WEB*", GRBD_CLASS_NAME: "CSFKEYS", GRBD_GENERIC: "YES", GRBD_UACC: "NONE" })}\n`,
      ),
      context("u.txt", u),
    );
    expect(u.profile("CSFKEYS", "WEB*")).toMatchObject({ generic: true, uacc: "NONE" });
    const l = new RacfModel();
    readListing(
      [
        "Digital certificate information for user WEBSRV:",
        "",
        "  Label: WEBKEY",
        "  Certificate ID: 2QiJmZmDhZmjgUBA",
        "  Status: TRUST",
        "  Start Date: 2025/01/01 00:00:00",
        "  End Date:   2027/01/01 23:59:59",
        "  Serial Number:",
        "       >01<",
        "  Issuer's Name:",
        "       >CN=web<",
        "  Subject's Name:",
        "       >CN=web<",
        "  Signing Algorithm: sha256RSA",
        "  Key Usage: HANDSHAKE",
        "  Key Type: RSA ICSF",
        "  Key Size: 2048",
        "  Private Key: YES",
        "",
      ].join("\n"),
      context("list.txt", l),
    );
    expect(l.certificate("ID(WEBSRV)", "WEBKEY")).toMatchObject({ keyStore: "PKDS", keyType: "RSA" });
  });
});

describe("changes no refresh follows", () => {
  const deck = [
    "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)",
    "RDEFINE RDATALIB WEBSRV.WEBRING.LST UACC(NONE)",
    "PERMIT WEBSRV.WEBRING.LST CLASS(RDATALIB) ID(WEBSRV) ACCESS(READ)",
    "SETROPTS RACLIST(RDATALIB) REFRESH",
    "PERMIT WEBSRV.WEBRING.LST CLASS(RDATALIB) ID(STCUSER) ACCESS(UPDATE)",
    "RDEFINE RDATALIB OTHER.RING.LST UACC(READ)",
    "RDELETE RDATALIB WEBSRV.WEBRING.LST",
    "RDEFINE RDATALIB WEBSRV.WEBRING.LST UACC(ALTER)",
  ].join("\n");

  it("by default reads them as in effect and says so", () => {
    const m = read(deck);
    expect(m.profile("RDATALIB", "WEBSRV.WEBRING.LST")?.uacc).toBe("ALTER");
    expect(m.profile("RDATALIB", "OTHER.RING.LST")).toBeDefined();
    const issue = m.state.issues.find((i) => i.code === "refresh-missing");
    expect(issue?.line).toBe(5);
    expect(issue?.message).toContain("not in effect until the class is refreshed");
    expect(issue?.message).toContain(
      "racfring reads the change as in effect (--assume-refreshed yes, the default",
    );
  });

  it("with assumeRefreshed false keeps the profiles as the last refresh left them", () => {
    const m = new RacfModel();
    readRacfCommands(deck, { ...context("deck.txt", m), assumeRefreshed: false });
    const p = m.profile("RDATALIB", "WEBSRV.WEBRING.LST");
    expect(p?.uacc).toBe("NONE");
    expect(p?.access.map((a) => `${a.id}:${a.level}`)).toEqual(["WEBSRV:READ"]);
    expect(m.profile("RDATALIB", "OTHER.RING.LST")).toBeUndefined();
    const issue = m.state.issues.find((i) => i.code === "refresh-missing");
    expect(issue?.message).toContain("racfring reads the change as not in effect");
  });

  it("lint-jcl says the same thing about the same deck", () => {
    const lint = lintJcl(deck, "deck.txt").issues.find((i) => i.code === "missing-refresh");
    expect(lint?.message).toContain(
      "no SETROPTS RACLIST(RDATALIB) REFRESH follows, so RACF keeps checking the in-storage profiles of RDATALIB and the change is not in effect until the class is refreshed",
    );
    const m = read(deck);
    expect(m.state.issues.find((i) => i.code === "refresh-missing")?.message).toContain(
      "no SETROPTS RACLIST(RDATALIB) REFRESH follows, so RACF keeps checking the in-storage profiles of RDATALIB and the change is not in effect until the class is refreshed",
    );
  });

  it("--assume-refreshed no from the command line; a bad value is a usage error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "racfring-refresh-"));
    const file = join(dir, "deck.jcl");
    writeFileSync(file, `${deck}\n`);
    const yes = await cli(["model", "--jcl", file, "--json"]);
    const no = await cli(["model", "--jcl", file, "--json", "--assume-refreshed", "no"]);
    const uacc = (out: string) =>
      (JSON.parse(out) as { profiles: { name: string; uacc: string }[] }).profiles.find(
        (p) => p.name === "WEBSRV.WEBRING.LST",
      )?.uacc;
    expect(uacc(yes.stdout)).toBe("ALTER");
    expect(uacc(no.stdout)).toBe("NONE");
    const bad = await cli(["model", "--jcl", file, "--assume-refreshed", "maybe"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--assume-refreshed expects yes or no");
  });
});

describe("RDEFINE FROM", () => {
  it("copies the generic model profile's UACC, access list and WARNING; own operands win", () => {
    const m = read(
      [
        "RDEFINE RDATALIB FTPD.*.LST UACC(READ) WARNING",
        "PERMIT FTPD.*.LST CLASS(RDATALIB) ID(FTPD TCPIP) ACCESS(READ)",
        "RDEFINE RDATALIB FTPD.SERVRING.LST FROM(FTPD.*.LST) UACC(NONE)",
        "PERMIT FTPD.SERVRING.LST CLASS(RDATALIB) ID(TCPIP) ACCESS(UPDATE)",
        "RDEFINE RDATALIB OTHER.RING.LST FROM(NOT.THERE)",
      ].join("\n"),
    );
    const p = m.profile("RDATALIB", "FTPD.SERVRING.LST");
    expect(p).toMatchObject({ uacc: "NONE", warning: true, generic: false });
    expect(p?.access.map((a) => `${a.id}:${a.level}`)).toEqual(["FTPD:READ", "TCPIP:UPDATE"]);
    // The generic profile is unchanged.
    expect(m.profile("RDATALIB", "FTPD.*.LST")?.access.map((a) => `${a.id}:${a.level}`)).toEqual([
      "FTPD:READ",
      "TCPIP:READ",
    ]);
    expect(m.state.issues.find((i) => i.code === "from-profile-not-found")?.line).toBe(5);
  });
});
