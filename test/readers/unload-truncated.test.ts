import { describe, expect, it } from "vitest";
import { RacfModel } from "../../src/model/model.js";
import { readUnload } from "../../src/readers/unload.js";
import { context, fixture, linesOf } from "./helpers.js";
import { renderRecord } from "./unload-render.js";

const SYNTHETIC = "irrdbu00_SYNTHETIC_certs_rings.txt";

async function read(text: string) {
  const ctx = context("u.txt", new RacfModel());
  await readUnload(linesOf(text), ctx);
  return ctx.model;
}

/** `cut -c1-N` of every line. */
function cut(text: string, n: number): string {
  return text
    .split("\n")
    .map((l) => [...l].slice(0, n).join(""))
    .join("\n");
}

describe("truncated IRRDBU00 records are skipped, never read as facts", () => {
  const full = fixture(SYNTHETIC);

  it.each([10, 20, 40, 100, 200, 255, 258, 261, 300, 330])(
    "the fixture cut at column %i gives no phantom certificate, ring, user or profile",
    async (n) => {
      const model = await read(cut(full, n));
      const whole = await read(full);
      // Everything the cut unload yields is something the whole unload yields too.
      const certs = (m: RacfModel) => m.state.certificates.map((c) => `${c.owner}/${c.label}`);
      const rings = (m: RacfModel) => m.state.rings.map((r) => `${r.owner}/${r.name}`);
      const users = (m: RacfModel) => m.state.users.map((u) => u.id);
      const profiles = (m: RacfModel) => m.state.profiles.map((p) => `${p.class} ${p.name}`);
      for (const f of [certs, rings, users, profiles]) {
        for (const x of f(model)) expect(f(whole)).toContain(x);
      }
      expect(model.state.issues.some((i) => i.code === "unload-truncated-record")).toBe(true);
    },
  );

  it("cut at column 40: the 0207 records make no certificates labelled with a piece of their name", async () => {
    const model = await read(cut(full, 40));
    expect(model.state.certificates).toEqual([]);
    const issue = model.state.issues.find((i) => i.code === "unload-truncated-record");
    expect(issue).toMatchObject({ severity: "warning", column: 41 });
    expect(issue?.message).toMatch(/^truncated record: 0200 record ends at column 40/);
  });

  it("records missing only trailing optional fields stay fine (GEN_REQ, fingerprint, labels)", async () => {
    const lines = full.split("\n");
    const short = lines
      .map((l) => (l.startsWith("0560") ? l.slice(0, 320) : l.startsWith("1560") ? l.slice(0, 2327) : l))
      .join("\n");
    const model = await read(short);
    expect(model.state.issues.filter((i) => i.code === "unload-truncated-record")).toEqual([]);
    expect(model.state.certificates.length).toBe((await read(full)).state.certificates.length);
  });

  it("a field that overflows into the separator column is malformed: located, record skipped", async () => {
    const model = await read("0200 ABCDEFGHIJKL");
    expect(model.user("ABCDEFGH")).toBeUndefined();
    expect(model.state.issues.map((i) => `${i.code}@${i.line}:${i.column}`)).toContain(
      "unload-malformed-record@1:14",
    );
  });

  it("a record cut inside the user id of 0205 is skipped", async () => {
    const rec = renderRecord("0205", { USCON_NAME: "USERA", USCON_GRP_ID: "SYS1GRP" });
    const model = await read(rec.slice(0, 18));
    expect(model.state.users).toEqual([]);
    expect(model.state.issues.map((i) => i.code)).toContain("unload-truncated-record");
  });

  it("an empty unload is an error (commands exit 3), not silently nothing", async () => {
    const model = await read("");
    expect(model.state.issues.map((i) => `${i.severity} ${i.code}`)).toEqual(["error unload-empty"]);
    expect(model.state.issues[0]?.message).toMatch(/EBCDIC or binary/);
  });

  it("an EBCDIC unload read as UTF-8 is named as EBCDIC", async () => {
    // "0200 IBMUSER" in IBM-1047, decoded as UTF-8: letters and digits become U+FFFD, blanks "@".
    const ebcdic = "\ufffd".repeat(4) + "@" + "\ufffd".repeat(7) + "@@@@" + "\ufffd".repeat(10);
    const model = await read(ebcdic);
    const issue = model.state.issues.find((i) => i.code === "unload-empty");
    expect(issue?.severity).toBe("error");
    expect(issue?.message).toMatch(/EBCDIC → ASCII/);
    expect(issue?.message).toMatch(/EBCDIC-encoded/);
  });

  it("messages never echo more than 200 characters of input", async () => {
    const name = `01.CN=${"X".repeat(240)}`;
    const model = await read(
      renderRecord("0500", { GRBD_NAME: name, GRBD_CLASS_NAME: "DIGTCERT", GRBD_UACC: "WHATEVER" }),
    );
    for (const i of model.state.issues) expect(i.message).not.toMatch(/X{201}/);
    expect(model.state.issues.some((i) => i.message.includes("…"))).toBe(true);
  });
});
