import { describe, expect, it } from "vitest";
import { ownerApplications } from "../../src/audit/applications.js";
import { runAudit } from "../../src/audit/engine.js";
import { RacfModel } from "../../src/model/model.js";
import { readUnload } from "../../src/readers/unload.js";
import { simulate } from "../../src/sim/simulate.js";
import { synthesize } from "../../src/synth/unload.js";
import { context, linesOf } from "../readers/helpers.js";
import { renderRecord } from "../readers/unload-render.js";

/**
 * Users of an unload are kept in columns and built when asked for (src/model/user-table.ts).
 * What a user looks like must not depend on that: each expectation below is what the records
 * say, written out.
 */

const user = (id: string, values: Record<string, string> = {}) =>
  renderRecord("0200", { USBD_NAME: id, USBD_SPECIAL: "NO", USBD_REVOKE: "NO", ...values });
const connect = (id: string, group: string) =>
  renderRecord("0205", { USCON_NAME: id, USCON_GRP_ID: group, USCON_CONNECT_DATE: "2024-01-01" });

async function read(lines: string[], model = new RacfModel()): Promise<RacfModel> {
  await readUnload(linesOf(lines.join("\n")), context("u.txt", model));
  return model;
}

const lines = (u: { sources: Array<{ line: number }> }) => u.sources.map((s) => s.line);

describe("users read from an unload", () => {
  it("keep flags, groups, default group and sources as the records give them", async () => {
    const model = await read([
      connect("late", "grpa"), // a connect before the user's 0200 names an implied user
      user("LATE", { USBD_SPECIAL: "YES", USBD_DEFGRP_ID: "GRPB" }),
      connect("LATE", "GRPA"), // a group already held is not repeated
      user("LATE", { USBD_REVOKE: "YES" }), // a second 0200: its flags win, a blank default group keeps the first
      user("PLAIN", { USBD_DEFGRP_ID: "SYS1" }),
      connect("PLAIN", "SYS1"),
      connect("PLAIN", "TLSUSERS"),
    ]);
    const late = model.user("late");
    expect(late).toEqual({
      id: "LATE",
      special: false,
      implied: false,
      groups: ["GRPA", "GRPB"],
      defaultGroup: "GRPB",
      revoked: true,
      sources: [
        { file: "u.txt", line: 1, kind: "unload" },
        { file: "u.txt", line: 2, kind: "unload" },
        { file: "u.txt", line: 4, kind: "unload" },
      ],
    });
    const plain = model.user("PLAIN");
    expect(plain?.groups).toEqual(["SYS1", "TLSUSERS"]);
    expect(plain?.defaultGroup).toBe("SYS1");
    expect(plain?.special).toBe(false);
    expect(plain && lines(plain)).toEqual([5]);
    expect(model.state.users.map((u) => u.id)).toEqual(["LATE", "PLAIN"]);
  });

  it("an id only a connect names is an implied user with the connect as its source", async () => {
    const model = await read([connect("GHOST", "SYS1")]);
    expect(model.user("GHOST")).toEqual({
      id: "GHOST",
      special: false,
      implied: true,
      groups: ["SYS1"],
      revoked: false,
      sources: [{ file: "u.txt", line: 1, kind: "unload" }],
    });
    expect(model.user("NOBODY")).toBeUndefined();
  });

  it("a user asked for is the same object in state.users, with the changes made to it", async () => {
    const model = await read([user("A1"), user("B2", { USBD_DEFGRP_ID: "SYS1" })]);
    const b2 = model.user("B2");
    if (!b2) throw new Error("B2 not read");
    b2.groups.push("LATER");
    expect(model.state.users).toHaveLength(2);
    expect(model.state.users[1]).toBe(b2);
    expect(model.state.users[1]?.groups).toEqual(["SYS1", "LATER"]);
    // After state.users was built, lookups and changes go through the plain array.
    expect(model.user("b2")).toBe(b2);
    model.defineUser("C3", { file: "deck.jcl", line: 9, kind: "jcl" });
    expect(model.state.users.map((u) => u.id)).toEqual(["A1", "B2", "C3"]);
    expect(model.deleteUser("A1")).toBe(true);
    expect(model.state.users.map((u) => u.id)).toEqual(["B2", "C3"]);
  });

  it("a change through the model before state.users was built reaches the listed users", async () => {
    const model = await read([user("A1")]);
    model.defineUser("A1", { file: "deck.jcl", line: 3, kind: "jcl" });
    model.referUser("NEW1", { file: "deck.jcl", line: 4, kind: "jcl" });
    expect(
      model.state.users.map((u) => [u.id, u.implied, u.sources.map((s) => `${s.file}:${s.line}`)]),
    ).toEqual([
      ["A1", false, ["u.txt:1", "deck.jcl:3"]],
      ["NEW1", true, ["deck.jcl:4"]],
    ]);
  });

  it("state.users can be replaced while the unload's users are not built", async () => {
    const model = await read([user("A1")]);
    model.state.users = [];
    expect(model.state.users).toEqual([]);
    expect(model.user("A1")).toBeUndefined();
  });

  it("merge into users an earlier input defined, as the reader's own calls would", async () => {
    const model = new RacfModel();
    const jcl = model.defineUser("SRV1", { file: "deck.jcl", line: 2, kind: "jcl" });
    jcl.groups.push("OMVSGRP");
    jcl.defaultGroup = "OMVSGRP";
    await read(
      [connect("SRV1", "TLS"), user("SRV1", { USBD_SPECIAL: "YES" }), connect("NEW9", "SYS1")],
      model,
    );
    expect(model.state.users).toEqual([
      {
        id: "SRV1",
        special: true,
        implied: false,
        // The user existed: the early connect adds its group but no source.
        groups: ["OMVSGRP", "TLS"],
        // The 0200 gives no default group: the one the deck gave stays.
        defaultGroup: "OMVSGRP",
        revoked: false,
        sources: [
          { file: "deck.jcl", line: 2, kind: "jcl" },
          { file: "u.txt", line: 2, kind: "unload" },
        ],
      },
      {
        id: "NEW9",
        special: false,
        implied: true,
        groups: ["SYS1"],
        revoked: false,
        sources: [{ file: "u.txt", line: 3, kind: "unload" }],
      },
    ]);
  });

  it("a second unload merges with the first", async () => {
    const model = await read([user("A1", { USBD_DEFGRP_ID: "G1" })]);
    await readUnload(
      linesOf([user("A1", { USBD_REVOKE: "YES" }), connect("A1", "G2")].join("\n")),
      context("v.txt", model),
    );
    expect(model.state.users).toEqual([
      {
        id: "A1",
        special: false,
        implied: false,
        groups: ["G1", "G2"],
        defaultGroup: "G1",
        revoked: true,
        sources: [
          { file: "u.txt", line: 1, kind: "unload" },
          { file: "v.txt", line: 1, kind: "unload" },
        ],
      },
    ]);
  });

  it("an audit builds only the users it asks for, never the whole list", async () => {
    // Building all users of a real unload costs more than reading them (issue 10): the audit
    // must look users up one by one. state.users stays a getter until something lists them.
    const text = [
      ...synthesize(
        {
          users: 3000,
          certs: 60,
          rings: 40,
          started: 10,
          rdatalib: 10,
          accessEntries: 100,
          defects: 0.3,
          seed: 7,
          records: 0,
          at: new Date("2026-12-03T00:00:00Z"),
        },
        () => undefined,
      ),
    ].join("");
    const model = new RacfModel();
    await readUnload(linesOf(text), context("synth.txt", model));
    const users = () => Object.getOwnPropertyDescriptor(model.state, "users");
    expect(users()?.get).toBeTypeOf("function");
    const report = runAudit(model, {
      at: new Date("2026-12-03T00:00:00Z"),
      expiryDays: 30,
      applications: ownerApplications(model, []),
      policy: null,
      jclSecrets: null,
      simulate,
    });
    expect(report.findings.length).toBeGreaterThan(0);
    expect(users()?.get).toBeTypeOf("function");
    expect(model.state.users.length).toBeGreaterThanOrEqual(3000);
    expect(users()?.get).toBeUndefined();
  });
});
