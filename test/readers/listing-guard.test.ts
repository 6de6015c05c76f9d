import { describe, expect, it } from "vitest";
import { RacfModel } from "../../src/model/model.js";
import { clip, clipMessage, nonTextKind } from "../../src/readers/guard.js";
import { readListing } from "../../src/readers/listing.js";
import { context } from "./helpers.js";

const TABLE_HEAD = [
  "  Certificate Label Name             Cert Owner     USAGE      DEFAULT",
  "  --------------------------------   ------------   --------   -------",
];

function listring(rows: string[]): string {
  return [
    "Digital ring information for user WEBSRV:",
    "",
    "  Ring:",
    "       >WebRing<",
    ...TABLE_HEAD,
    ...rows,
  ].join("\n");
}

describe("LISTRING table without rows", () => {
  it("is reported as a possibly truncated capture and does not empty the ring", () => {
    const model = new RacfModel();
    const ctx = context("full.txt", model);
    readListing(listring(["  WebServerCert                      ID(WEBSRV)     PERSONAL     YES"]), ctx);
    expect(model.ring("WEBSRV", "WebRing")?.connections).toHaveLength(1);
    const cut = context("cut.txt", model);
    readListing(listring([]), cut);
    expect(model.ring("WEBSRV", "WebRing")?.connections).toHaveLength(1);
    const issue = model.state.issues.find((i) => i.code === "listing-ring-table-empty");
    expect(issue).toMatchObject({ file: "cut.txt", line: 5, severity: "warning" });
    expect(issue?.message).toMatch(
      /LISTRING table has no rows and no 'No certificates connected' line: the capture may be truncated/,
    );
  });

  it("a table followed by the No certificates connected line is an empty ring, silently", () => {
    const ctx = context("e.txt");
    readListing(listring(["  *** No certificates connected ***"]), ctx);
    expect(ctx.model.ring("WEBSRV", "WebRing")?.connections).toEqual([]);
    expect(ctx.model.state.issues).toEqual([]);
  });

  it("an indented *** under the table is the empty-ring line; *** in column 1 is TSO's end marker", () => {
    const empty = context("a.txt");
    readListing(listring(["  ***"]), empty);
    expect(empty.model.ring("WEBSRV", "WebRing")?.connections).toEqual([]);
    expect(empty.model.state.issues).toEqual([]);
    const cut = context("b.txt");
    readListing(listring(["***"]), cut);
    expect(cut.model.state.issues.map((i) => i.code)).toEqual(["listing-ring-table-empty"]);
  });

  it("a ring alone in the listing with an empty table is still known (without connections)", () => {
    const ctx = context("c.txt");
    readListing(listring([]), ctx);
    expect(ctx.model.ring("WEBSRV", "WebRing")).toBeDefined();
    expect(ctx.model.state.issues.map((i) => i.code)).toEqual(["listing-ring-table-empty"]);
  });
});

describe("listings that are not text", () => {
  it("an empty listing is an error", () => {
    const ctx = context("empty.txt");
    readListing("", ctx);
    expect(ctx.model.state.issues.map((i) => `${i.severity} ${i.code}@${i.line}`)).toEqual([
      "error listing-empty@1",
    ]);
    expect(ctx.model.state.issues[0]?.message).toMatch(/EBCDIC or binary/);
  });

  it("an EBCDIC capture decoded as UTF-8 is named as EBCDIC: one error, no garbage echoed", () => {
    // "Digital ring information for user WEBSRV:" in IBM-1047, decoded as UTF-8.
    const line =
      "\ufffd".repeat(7) + "@" + "\ufffd".repeat(4) + "@" + "\ufffd".repeat(11) + "@\ufffd\ufffd\ufffd@";
    const ctx = context("e.txt");
    readListing(`${line}\n${line}\n`, ctx);
    expect(ctx.model.state.issues.map((i) => `${i.severity} ${i.code}`)).toEqual(["error listing-not-text"]);
    expect(ctx.model.state.issues[0]?.message).toMatch(
      /convert it as text \(EBCDIC → ASCII\) when transferring/,
    );
  });

  it("random binary is named as binary", () => {
    const ctx = context("b.bin");
    readListing("\ufffd\ufffdPK\ufffd\ufffd\ufffd\ufffd\ufffd\ufffdx\ufffd\ufffd\ufffd", ctx);
    expect(ctx.model.state.issues.map((i) => `${i.severity} ${i.code}`)).toEqual(["error listing-not-text"]);
    expect(ctx.model.state.issues[0]?.message).toMatch(/binary/);
  });

  it("nonTextKind leaves ordinary text alone", () => {
    expect(nonTextKind("Digital ring information for user WEBSRV:\n  Ring:\n")).toBeNull();
    expect(nonTextKind("¢ Certificate CN=Müller ✓ and some more text to read")).toBeNull();
  });
});

describe("messages never echo more than 200 characters of input", () => {
  it("clip and clipMessage", () => {
    expect(clip("a".repeat(200))).toBe("a".repeat(200));
    expect(clip("a".repeat(201))).toBe(`${"a".repeat(200)}…`);
    expect(clipMessage(`label "${"b c".repeat(100)}" bad`)).toBe(
      `label "${"b c".repeat(100).slice(0, 200)}…" bad`,
    );
    expect(clipMessage(`x ${"Z".repeat(500)} y`)).toBe(`x ${"Z".repeat(200)}… y`);
  });

  it("a ring row with a 5000-character label is reported without the whole label", () => {
    const ctx = context("l.txt");
    readListing(listring([`  ${"L".repeat(5000)}  ID(WEBSRV)     PERSONAL     YES`]), ctx);
    expect(ctx.model.state.issues.length).toBeGreaterThan(0);
    for (const i of ctx.model.state.issues) expect(i.message.length).toBeLessThan(600);
  });
});
