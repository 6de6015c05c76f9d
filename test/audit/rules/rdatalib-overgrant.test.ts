import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/rdatalib-overgrant.js";
import { aCert, aRoot, healthySite } from "../builders.js";
import { exact, lines } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "READ for the owner of every certificate",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "READ"]])
        .build(),
    },
    {
      name: "UPDATE needed for another user's certificate (field case 6)",
      model: healthySite()
        .user("STCRSE")
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["STCRSE", "UPDATE"]])
        .build(),
    },
    {
      name: "CONTROL needed for a SITE certificate connected PERSONAL",
      model: (() => {
        const site = aCert("SITE", "Site Key");
        return healthySite()
          .cert(site)
          .ring("WEBSRV", "WebRing", [[site, { usage: "PERSONAL" }]])
          .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["STCRSE", "CONTROL"]])
          .build();
      })(),
    },
    {
      name: "a group's members are unknown: UPDATE is not more than it may need",
      model: healthySite()
        .group("STCGRP")
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["STCGRP", "UPDATE"]])
        .build(),
    },
    {
      name: "a profile that is not a .LST profile and not generic is not a ring profile",
      model: healthySite().profile("RDATALIB", "WEBSRV.WEBRING.UPD", "READ").build(),
    },
    {
      name: "entries with NONE are no grant",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [
          ["*", "NONE"],
          ["STCRSE", "NONE"],
        ])
        .build(),
    },
    {
      name: "UPDATE on a profile that covers no ring in the inputs: not evaluated",
      model: healthySite()
        .profile("RDATALIB", "OTHER.RING.LST", "NONE", [["STCRSE", "UPDATE"]])
        .build(),
      notEvaluated: [
        /no ring covered by this profile is in the inputs, so whether STCRSE needs UPDATE cannot be told/,
      ],
    },
  ],
  invalid: [
    {
      name: "UACC(UPDATE) and ID(*) UPDATE hand out other users' keys",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "UPDATE", [
          ["WEBSRV", "READ"],
          ["*", "UPDATE"],
        ])
        .build(),
      findings: [
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message:
            /^RDATALIB WEBSRV\.WEBRING\.LST \(covers WEBSRV\/WebRing\) has UACC\(UPDATE\): every user may open the ring and take other users' private keys\.$/,
          summary: /^Set UACC\(NONE\) and permit the ring's users individually\.$/,
          commands: [
            /^RALTER RDATALIB WEBSRV\.WEBRING\.LST UACC\(NONE\)$/,
            /^SETROPTS RACLIST\(RDATALIB\) REFRESH$/,
          ],
        },
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message:
            /^RDATALIB WEBSRV\.WEBRING\.LST \(covers WEBSRV\/WebRing\) permits ID\(\*\) UPDATE \(1 of 2 access-list entries\): every RACF user may open the ring and take other users' private keys\.$/,
          summary: /^Remove the ID\(\*\) entry and permit the ring's users individually\.$/,
          commands: [
            /^PERMIT WEBSRV\.WEBRING\.LST CLASS\(RDATALIB\) ID\(\*\) DELETE$/,
            /^SETROPTS RACLIST\(RDATALIB\) REFRESH$/,
          ],
        },
      ],
    },
    {
      name: "a generic profile over eleven rings names ten and counts the rest",
      model: (() => {
        const b = healthySite();
        for (let i = 1; i <= 11; i++) b.ring("WEBSRV", `R${i}`, [[aRoot()]]);
        return b.profile("RDATALIB", "WEBSRV.R*.LST", "READ").build();
      })(),
      findings: [
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.R*.LST",
          message:
            /^RDATALIB WEBSRV\.R\*\.LST \(covers WEBSRV\/R1, WEBSRV\/R2, .*WEBSRV\/R10 and 1 more\) has UACC\(READ\): every user may open the ring\.$/,
        },
      ],
    },
    {
      name: "UACC(READ) and ID(*)",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "READ", [["*", "READ"]])
        .build(),
      findings: [
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message: /UACC\(READ\)/,
          commands: [/^RALTER RDATALIB WEBSRV\.WEBRING\.LST UACC\(NONE\)$/, /RDATALIB/],
        },
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message: /ID\(\*\) READ/,
          commands: [/ID\(\*\) DELETE$/, /RDATALIB/],
        },
      ],
    },
    {
      name: "UPDATE for the owner of the only PERSONAL certificate",
      model: healthySite()
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "UPDATE"]])
        .build(),
      findings: [
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message:
            /^RDATALIB WEBSRV\.WEBRING\.LST \(covers WEBSRV\/WebRing\) gives WEBSRV UPDATE, but READ is enough for the certificates on the ring \(every PERSONAL certificate there belongs to WEBSRV, or there is none\)\.$/,
          summary: /^Lower WEBSRV's access to READ\.$/,
          commands: [
            /^PERMIT WEBSRV\.WEBRING\.LST CLASS\(RDATALIB\) ID\(WEBSRV\) ACCESS\(READ\)$/,
            /RDATALIB/,
          ],
        },
      ],
    },
    {
      name: "CONTROL where UPDATE suffices",
      model: (() => {
        const other = aCert("ID(APPUSR)", "App");
        return healthySite()
          .cert(other)
          .ring("WEBSRV", "WebRing", [[other]])
          .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["STCRSE", "CONTROL"]])
          .build();
      })(),
      findings: [
        {
          kind: "profile",
          id: "RDATALIB WEBSRV.WEBRING.LST",
          message: /STCRSE CONTROL, but UPDATE is enough for the certificates on the ring\.$/,
        },
      ],
    },
  ],
});

describe("rdatalib-overgrant: the whole finding and the level each ring needs", () => {
  const needs = (model: ReturnType<ReturnType<typeof healthySite>["build"]>) =>
    exact(rule, { model }).findings.map((f) => [f.ring, f.message, f.fix?.commands[0]]);

  it("UPDATE where READ is enough: the finding in full", () => {
    const model = healthySite()
      .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "UPDATE"]])
      .build();
    const p = model.profile("RDATALIB", "WEBSRV.WEBRING.LST");
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "profile RDATALIB WEBSRV.WEBRING.LST",
          ring: "WEBSRV/WebRing",
          severity: "warning",
          confidence: "ibm",
          message:
            "RDATALIB WEBSRV.WEBRING.LST (covers WEBSRV/WebRing) gives WEBSRV UPDATE, but READ is enough for the certificates on the ring " +
            "(every PERSONAL certificate there belongs to WEBSRV, or there is none).",
          fix: {
            summary: "Lower WEBSRV's access to READ.",
            commands: [
              "PERMIT WEBSRV.WEBRING.LST CLASS(RDATALIB) ID(WEBSRV) ACCESS(READ)",
              "SETROPTS RACLIST(RDATALIB) REFRESH",
            ],
          },
          evidence: lines(p?.access[0], p),
        },
      ],
      notEvaluated: [],
    });
  });

  it("a generic profile takes the highest need of its rings, and belongs to no single ring", () => {
    const other = aCert("ID(APPUSR)", "App");
    const model = healthySite()
      .cert(other)
      .ring("WEBSRV", "A", [[other]])
      .ring("WEBSRV", "B", [[aRoot()]])
      .profile("RDATALIB", "WEBSRV.*.LST", "NONE", [["STCRSE", "ALTER"]])
      .build();
    expect(needs(model)).toEqual([
      [
        null,
        "RDATALIB WEBSRV.*.LST (covers WEBSRV/WebRing, WEBSRV/A, WEBSRV/B) gives STCRSE ALTER, but UPDATE is enough for the certificates on the ring.",
        "PERMIT WEBSRV.*.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(UPDATE)",
      ],
    ]);
  });

  it("a CA-owned PERSONAL certificate needs CONTROL: ALTER is more, UPDATE is not", () => {
    const site = aCert("SITE", "Site Key");
    const ring = (level: "ALTER" | "UPDATE") =>
      healthySite()
        .cert(site)
        .ring("WEBSRV", "SiteRing", [[site, { usage: "PERSONAL" }]])
        .profile("RDATALIB", "WEBSRV.SITERING.LST", "NONE", [["STCRSE", level]])
        .build();
    expect(needs(ring("ALTER"))).toEqual([
      [
        "WEBSRV/SiteRing",
        "RDATALIB WEBSRV.SITERING.LST (covers WEBSRV/SiteRing) gives STCRSE ALTER, but CONTROL is enough for the certificates on the ring.",
        "PERMIT WEBSRV.SITERING.LST CLASS(RDATALIB) ID(STCRSE) ACCESS(CONTROL)",
      ],
    ]);
    expect(needs(ring("UPDATE"))).toEqual([]);
  });

  it("a group needs UPDATE even where its members may own every certificate; the owner user needs READ", () => {
    const model = healthySite()
      .group("STCGRP")
      .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [
        ["STCGRP", "CONTROL"],
        ["WEBSRV", "CONTROL"],
      ])
      .build();
    expect(needs(model).map(([, m]) => m)).toEqual([
      "RDATALIB WEBSRV.WEBRING.LST (covers WEBSRV/WebRing) gives STCGRP CONTROL, but UPDATE is enough for the certificates on the ring.",
      "RDATALIB WEBSRV.WEBRING.LST (covers WEBSRV/WebRing) gives WEBSRV CONTROL, but READ is enough for the certificates on the ring " +
        "(every PERSONAL certificate there belongs to WEBSRV, or there is none).",
    ]);
  });

  it("a ring profile is named .LST in any case or generic; other RDATALIB profiles are not looked at", () => {
    const model = healthySite()
      .profile("RDATALIB", "OTHER.RING.lst", "READ")
      .profile("RDATALIB", "OTHER.LST.UPD", "READ")
      .build();
    expect(exact(rule, { model }).findings.map((f) => [f.subject, f.message])).toEqual([
      [
        "profile RDATALIB OTHER.RING.lst",
        "RDATALIB OTHER.RING.lst has UACC(READ): every user may open the ring.",
      ],
    ]);
  });

  it("ID(*) READ: opens the ring, no keys; the count of entries", () => {
    const model = healthySite()
      .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [
        ["WEBSRV", "READ"],
        ["*", "READ"],
        ["APPUSR", "NONE"],
      ])
      .build();
    const p = model.profile("RDATALIB", "WEBSRV.WEBRING.LST");
    expect(exact(rule, { model }).findings).toEqual([
      {
        subject: "profile RDATALIB WEBSRV.WEBRING.LST",
        ring: null,
        severity: "warning",
        confidence: "ibm",
        message:
          "RDATALIB WEBSRV.WEBRING.LST (covers WEBSRV/WebRing) permits ID(*) READ (1 of 3 access-list entries): every RACF user may open the ring.",
        fix: {
          summary: "Remove the ID(*) entry and permit the ring's users individually.",
          commands: [
            "PERMIT WEBSRV.WEBRING.LST CLASS(RDATALIB) ID(*) DELETE",
            "SETROPTS RACLIST(RDATALIB) REFRESH",
          ],
        },
        evidence: lines(p?.access[1], p),
      },
    ]);
  });

  it("not evaluated names the profile, the id and the level", () => {
    const model = healthySite()
      .profile("RDATALIB", "OTHER.RING.LST", "NONE", [["STCRSE", "ALTER"]])
      .build();
    expect(exact(rule, { model })).toEqual({
      findings: [],
      notEvaluated: [
        {
          subject: "profile RDATALIB OTHER.RING.LST",
          reason:
            "no ring covered by this profile is in the inputs, so whether STCRSE needs ALTER cannot be told",
        },
      ],
    });
  });
});

describe("rdatalib-overgrant: ids the inputs do not define, rings without PERSONAL certificates", () => {
  it("an id the inputs do not define is a user, not a group: READ for a ring of its own certificates", () => {
    const own = aCert("ID(APPUSR)", "App");
    const model = healthySite()
      .cert(own)
      .ring("APPUSR", "AppRing", [[own]])
      .profile("RDATALIB", "APPUSR.APPRING.LST", "NONE", [["APPUSR", "UPDATE"]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.message)).toEqual([
      "RDATALIB APPUSR.APPRING.LST (covers APPUSR/AppRing) gives APPUSR UPDATE, but READ is enough for the certificates on the ring " +
        "(every PERSONAL certificate there belongs to APPUSR, or there is none).",
    ]);
  });

  it("a ring of CA certificates only: READ is enough for anyone", () => {
    const model = healthySite()
      .ring("WEBSRV", "Trust", [[aRoot()]])
      .profile("RDATALIB", "WEBSRV.TRUST.LST", "NONE", [["STCRSE", "UPDATE"]])
      .build();
    expect(exact(rule, { model }).findings.map((f) => f.message)).toEqual([
      "RDATALIB WEBSRV.TRUST.LST (covers WEBSRV/Trust) gives STCRSE UPDATE, but READ is enough for the certificates on the ring " +
        "(every PERSONAL certificate there belongs to STCRSE, or there is none).",
    ]);
  });
});

describe("rdatalib-overgrant: READ on a profile that covers no ring in the inputs", () => {
  it("is no question: only UPDATE or more needs the rings to judge", () => {
    const model = healthySite()
      .profile("RDATALIB", "OTHER.RING.LST", "NONE", [["STCRSE", "READ"]])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });
});
