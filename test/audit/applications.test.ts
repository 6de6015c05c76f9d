import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  applicationsFromPolicy,
  ownerApplications,
  parseAppSpec,
  startedUser,
} from "../../src/audit/applications.js";
import { readPolicyApplications } from "../../src/audit/policy.js";
import type { PolicyApplication } from "../../src/audit/types.js";
import { aModel, healthySite } from "./builders.js";

describe("--app USER=[OWNER/]RING[:LABEL]", () => {
  it("parses owner, ring and a label with blanks and colons", () => {
    expect(parseAppSpec("tcpip=FTPD/FTPRing:FTP Server: 2026")).toEqual({
      user: "TCPIP",
      owner: "FTPD",
      ring: "FTPRing",
      label: "FTP Server: 2026",
    });
  });
  it("accepts virtual rings", () => {
    expect(parseAppSpec("CLIENT=*AUTH*/*")).toEqual({
      user: "CLIENT",
      owner: "*AUTH*",
      ring: "*",
      label: null,
    });
    expect(parseAppSpec("CLIENT=*SITE*/Ring")).toMatch(/only a virtual ring owner/);
  });
  it("defaults the owner to the user and keeps the ring's case", () => {
    expect(parseAppSpec("WEBSRV=WebRing")).toEqual({
      user: "WEBSRV",
      owner: null,
      ring: "WebRing",
      label: null,
    });
  });
  it.each([
    ["WEBSRV", /expected USER=/],
    ["WEBSRV=", /ring name must be 1–237/],
    ["WEBSRV=R:", /label must be 1–32/],
    ["WEBSRV=R:123456789012345678901234567890123", /label must be 1–32/],
    ["W=bad owner!/R", /not a valid ring owner/],
  ])("rejects %s", (value, message) => {
    expect(parseAppSpec(value)).toMatch(message);
  });
});

describe("STARTED profiles give the job's user", () => {
  const model = aModel().started("FTPD.*", "TCPIP").started("CICS*.*", "=MEMBER").build();
  it("a policy Jobname pattern is reduced to its prefix", () => {
    expect(startedUser(model, "FTPD*")).toMatchObject({
      user: "TCPIP",
      via: "STARTED FTPD.* STDATA(USER(TCPIP))",
    });
  });
  it("=MEMBER means the procedure name", () => {
    expect(startedUser(model, "CICSA")?.user).toBe("CICSA");
  });
  it("no profile, no user", () => {
    expect(startedUser(model, "OTHER")).toBeNull();
  });
});

describe("policy rules become applications", () => {
  const base: PolicyApplication = {
    rule: "R",
    jobname: null,
    userid: null,
    keyring: null,
    label: null,
    role: "server",
    evidence: [],
  };

  it("Userid wins; a Keyring without owner belongs to the user", () => {
    const { apps } = applicationsFromPolicy(aModel().build(), [
      { ...base, userid: "websrv", keyring: "WebRing" },
    ]);
    expect(apps[0]).toMatchObject({
      user: "WEBSRV",
      ring: { owner: "WEBSRV", name: "WebRing" },
      origin: "policy",
      userFrom: "policy Userid",
    });
  });

  it("a rule without Keyring, or without any way to the user, is unresolved with a reason", () => {
    const { apps, unresolved } = applicationsFromPolicy(aModel().build(), [
      { ...base, rule: "NoRing" },
      { ...base, rule: "NoUser", jobname: "XYZ*", keyring: "SomeRing" },
    ]);
    expect(apps).toEqual([]);
    expect(unresolved.map((u) => u.rule)).toEqual(["NoRing", "NoUser"]);
  });

  it("the sample site's policy: FTPD* → TCPIP via STARTED, WEBSRV, BATCHCL as client", () => {
    const read = readPolicyApplications(readFileSync("samples/site/pagent.conf", "utf8"), "pagent.conf");
    expect(read.apps.map((a) => [a.rule, a.jobname, a.keyring, a.role])).toEqual([
      ["FTPServer", "FTPD*", "FTPD/FTPRing", "server"],
      ["WebServer", "WEBSRV", "WEBSRV/WebRing", "server"],
      ["BatchClient", "BATCHCL*", "BATCHCL/ClientRing", "client"],
    ]);
    const model = aModel().user("BATCHCL").started("FTPD.*", "TCPIP").started("WEBSRV.*", "WEBSRV").build();
    const { apps } = applicationsFromPolicy(model, read.apps);
    expect(apps.map((a) => a.user)).toEqual(["TCPIP", "WEBSRV", "BATCHCL"]);
    expect(apps[2]?.userFrom).toMatch(/assumed: no STARTED profile for BATCHCL\*/);
  });

  it("rings without a known application are assumed used by their owner", () => {
    const model = healthySite().ring("APPUSR", "AppRing").build();
    const known = applicationsFromPolicy(model, [{ ...base, userid: "X", keyring: "WEBSRV/WebRing" }]).apps;
    const apps = ownerApplications(model, known);
    expect(apps.map((a) => `${a.user}@${a.ring.owner}/${a.ring.name}`)).toEqual(["APPUSR@APPUSR/AppRing"]);
  });
});
