import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/ring-owner-locked-out.js";
import type { AccessLevel } from "../../../src/model/types.js";
import { aModel, aRoot, healthySite } from "../builders.js";
import { exact, lines, ringOf } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    {
      name: "owner has READ on its .LST profile",
      model: healthySite()
        .cls("RDATALIB", true)
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "READ"]])
        .build(),
    },
    {
      name: "RDATALIB known inactive: the profile is inert",
      model: healthySite()
        .cls("RDATALIB", false)
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["APPUSR", "READ"]])
        .build(),
    },
    {
      name: "no RDATALIB profiles: not evaluated",
      model: healthySite().build(),
      notEvaluated: [/no RDATALIB profiles/],
    },
  ],
  invalid: [
    {
      name: "profile permits only another user",
      model: healthySite()
        .cls("RDATALIB", true)
        .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["APPUSR", "READ"]])
        .build(),
      findings: [
        {
          kind: "ring",
          id: "WEBSRV/WebRing",
          message: /gives its owner WEBSRV NONE \(via UACC\)/,
          commands: [
            /^PERMIT WEBSRV\.WEBRING\.LST CLASS\(RDATALIB\) ID\(WEBSRV\) ACCESS\(READ\)$/,
            /RDATALIB/,
          ],
        },
      ],
    },
    {
      name: "generic profile, class state unknown: reported with the condition",
      model: healthySite().profile("RDATALIB", "WEBSRV.*.LST", "NONE").build(),
      findings: [
        {
          kind: "ring",
          id: "WEBSRV/WebRing",
          message: /do not say whether RDATALIB is active.*takes effect as soon as it is/,
        },
      ],
    },
  ],
});

describe("ring-owner-locked-out: the whole finding", () => {
  /** WEBSRV (in group SRVGRP) owns WebRing; the RDATALIB profile gets `access`. */
  const site = (
    access: [string, AccessLevel][],
    active: boolean | null = true,
    raclisted = active ?? false,
  ) => {
    const b = aModel()
      .user("WEBSRV", { groups: ["SRVGRP"] })
      .group("SRVGRP")
      .cert(aRoot())
      .ring("WEBSRV", "WebRing", [[aRoot()]])
      .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", access);
    if (active !== null) b.cls("RDATALIB", active, raclisted);
    return b.build();
  };
  const tail = "the owner cannot open its own ring: 202.";

  it("via UACC: the resource, the level, 202, and the PERMIT that lets the owner in", () => {
    const model = site([["APPUSR", "READ"]]);
    expect(exact(rule, { model })).toEqual({
      findings: [
        {
          subject: "ring WEBSRV/WebRing",
          ring: "WEBSRV/WebRing",
          severity: "error",
          confidence: "third-party",
          message: `RDATALIB WEBSRV.WEBRING.LST covers WEBSRV/WebRing (resource WEBSRV.WEBRING.LST) and gives its owner WEBSRV NONE (via UACC); ${tail}`,
          fix: {
            summary: "Permit the ring owner WEBSRV READ on WEBSRV.WEBRING.LST.",
            commands: [
              "PERMIT WEBSRV.WEBRING.LST CLASS(RDATALIB) ID(WEBSRV) ACCESS(READ)",
              "SETROPTS RACLIST(RDATALIB) REFRESH",
            ],
          },
          evidence: lines(model.profile("RDATALIB", "WEBSRV.WEBRING.LST"), ringOf(model, "WEBSRV/WebRing")),
        },
      ],
      notEvaluated: [],
    });
  });

  it("names where the NONE comes from: ID(*), a group, the owner's own entry", () => {
    const via = (access: [string, AccessLevel][]) =>
      exact(rule, { model: site(access) }).findings.map((f) => f.message);
    expect(via([["*", "NONE"]])).toEqual([
      `RDATALIB WEBSRV.WEBRING.LST covers WEBSRV/WebRing (resource WEBSRV.WEBRING.LST) and gives its owner WEBSRV NONE (via ID(*)); ${tail}`,
    ]);
    expect(via([["SRVGRP", "NONE"]])).toEqual([
      `RDATALIB WEBSRV.WEBRING.LST covers WEBSRV/WebRing (resource WEBSRV.WEBRING.LST) and gives its owner WEBSRV NONE (via group SRVGRP); ${tail}`,
    ]);
    expect(via([["WEBSRV", "NONE"]])).toEqual([
      `RDATALIB WEBSRV.WEBRING.LST covers WEBSRV/WebRing (resource WEBSRV.WEBRING.LST) and gives its owner WEBSRV NONE (via its own entry); ${tail}`,
    ]);
    expect(via([["SRVGRP", "READ"]])).toEqual([]);
  });

  it("class state unknown: reported with the condition; active but not RACLISTed: inert", () => {
    expect(exact(rule, { model: site([], null) }).findings.map((f) => f.message)).toEqual([
      `RDATALIB WEBSRV.WEBRING.LST covers WEBSRV/WebRing (resource WEBSRV.WEBRING.LST) and gives its owner WEBSRV NONE (via UACC); ${tail}` +
        " The inputs do not say whether RDATALIB is active and RACLISTed; a defined profile is taken as in use (as the simulator does), and if the class is not active yet, this takes effect as soon as it is.",
    ]);
    expect(exact(rule, { model: site([], true, false) }).findings).toEqual([]);
    expect(exact(rule, { model: site([], false, true) }).findings).toEqual([]);
  });
});

describe("ring-owner-locked-out: rings no RDATALIB profile covers", () => {
  it("are left alone", () => {
    const model = healthySite()
      .ring("FTPD", "Other", [[aRoot()]])
      .cls("RDATALIB", true)
      .profile("RDATALIB", "WEBSRV.WEBRING.LST", "NONE", [["WEBSRV", "READ"]])
      .build();
    expect(exact(rule, { model })).toEqual({ findings: [], notEvaluated: [] });
  });
});
