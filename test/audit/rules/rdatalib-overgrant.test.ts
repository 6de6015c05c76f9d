import { rule } from "../../../src/audit/rules/rdatalib-overgrant.js";
import { aCert, aRoot, healthySite } from "../builders.js";
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
