import { describe, expect, it } from "vitest";
import { modelFromJson, modelToJson } from "../../src/model/json.js";
import { RacfModel } from "../../src/model/model.js";
import type { Certificate, Ring, Source } from "../../src/model/types.js";

const at = (line: number): Source => ({ file: "t.jcl", line, kind: "jcl" });

function cert(owner: string, label: string): Certificate {
  return {
    owner,
    label,
    status: "TRUST",
    notBefore: "2026-01-01T00:00:00Z",
    notAfter: "2027-01-01T00:00:00Z",
    datesAssumed: false,
    subject: "CN=x",
    issuer: "CN=x",
    altNames: [],
    keyType: "RSA",
    keySize: 2048,
    privateKey: true,
    keyStore: "software",
    icsfLabel: null,
    keyUsage: ["HANDSHAKE"],
    signatureAlgorithm: "sha256RSA",
    serial: "01",
    fingerprint: null,
    signer: null,
    selfSigned: true,
    fromRequest: false,
    der: null,
    sources: [at(1)],
  };
}

describe("RacfModel", () => {
  it("keeps labels and ring names case-sensitive and user ids upper case", () => {
    const m = new RacfModel();
    m.addCertificate(cert("ID(FTPD)", "FTP Server"));
    m.addRing("ftpd", "Server_RING", at(2));
    expect(m.certificate("ID(FTPD)", "FTP Server")).toBeDefined();
    expect(m.certificate("ID(FTPD)", "ftp server")).toBeUndefined();
    expect(m.ring("FTPD", "Server_RING")).toBeDefined();
    expect(m.ring("FTPD", "SERVER_RING")).toBeUndefined();
  });

  it("moves DEFAULT when another certificate is connected as default", () => {
    const m = new RacfModel();
    const ring = m.addRing("WEBSRV", "WebRing", at(1));
    m.connect(ring, {
      owner: "ID(WEBSRV)",
      label: "Old",
      usage: "PERSONAL",
      default: true,
      sources: [at(2)],
    });
    m.connect(ring, {
      owner: "ID(WEBSRV)",
      label: "New",
      usage: "PERSONAL",
      default: true,
      sources: [at(3)],
    });
    expect(ring.connections.filter((c) => c.default).map((c) => c.label)).toEqual(["New"]);
  });

  it("removes connections when a certificate is deleted and follows a relabel", () => {
    const m = new RacfModel();
    const c = m.addCertificate(cert("ID(WEBSRV)", "Web"));
    const ring = m.addRing("WEBSRV", "WebRing", at(1));
    m.connect(ring, { owner: "ID(WEBSRV)", label: "Web", usage: "PERSONAL", default: true, sources: [] });
    m.relabelCertificate(c, "Web 2026");
    expect(ring.connections[0]?.label).toBe("Web 2026");
    m.deleteCertificate("ID(WEBSRV)", "Web 2026");
    expect(ring.connections).toHaveLength(0);
  });

  it("resolves access: user entry, then best group, then *, then UACC", () => {
    const m = new RacfModel();
    m.defineUser("ALICE", at(1)).groups.push("ADMINS", "OPS");
    m.defineUser("BOB", at(2));
    m.defineUser("CAROL", at(3)).groups.push("OPS");
    const p = m.defineProfile("RDATALIB", "WEBSRV.WEBRING.LST", at(4));
    p.uacc = "READ";
    p.access.push(
      { id: "ADMINS", level: "CONTROL", sources: [] },
      { id: "OPS", level: "UPDATE", sources: [] },
      { id: "BOB", level: "NONE", sources: [] },
    );
    expect(m.accessTo(p, "ALICE")).toMatchObject({ level: "CONTROL", via: "group" });
    expect(m.accessTo(p, "BOB")).toMatchObject({ level: "NONE", via: "user" });
    expect(m.accessTo(p, "CAROL")).toMatchObject({ level: "UPDATE", via: "group", entryId: "OPS" });
    expect(m.accessTo(p, "DAVE")).toMatchObject({ level: "READ", via: "uacc" });
    p.access.push({ id: "*", level: "NONE", sources: [] });
    expect(m.accessTo(p, "DAVE")).toMatchObject({ level: "NONE", via: "all" });
  });

  it("finds the protecting profile like RACF (discrete, then most specific generic)", () => {
    const m = new RacfModel();
    m.defineProfile("RDATALIB", "WEBSRV.*.LST", at(1));
    m.defineProfile("RDATALIB", "**", at(2));
    expect(m.protectingProfile("RDATALIB", "WEBSRV.WEBRING.LST")?.name).toBe("WEBSRV.*.LST");
    expect(m.protectingProfile("RDATALIB", "FTPD.FTPRING.LST")?.name).toBe("**");
    expect(m.protectingProfile("FACILITY", "IRR.DIGTCERT.LISTRING")).toBeUndefined();
  });

  it("answers whether a class has profiles, and finds access entries by id, after changes too", () => {
    const m = new RacfModel();
    const src = { file: "t", line: 1, kind: "jcl" as const };
    expect(m.hasProfiles("FACILITY")).toBe(false);
    const p = m.defineProfile("FACILITY", "IRR.DIGTCERT.LISTRING", src);
    expect(m.hasProfiles("facility")).toBe(true);
    expect(m.hasProfiles("RDATALIB")).toBe(false);
    p.access.push({ id: "A", level: "READ", sources: [] }, { id: "A", level: "UPDATE", sources: [] });
    expect(m.accessEntry(p, "A")?.level).toBe("READ"); // the first, as a scan finds it
    expect(m.accessEntry(p, "B")).toBeUndefined();
    p.access.push({ id: "B", level: "ALTER", sources: [] });
    expect(m.accessEntry(p, "B")?.level).toBe("ALTER");
    p.access = [{ id: "C", level: "NONE", sources: [] }];
    expect(m.accessEntry(p, "A")).toBeUndefined();
    expect(m.accessEntry(p, "C")?.level).toBe("NONE");
    // a long list goes through the index, kept current as the list changes
    const long = m.defineProfile("FACILITY", "IRR.DIGTCERT.*", src);
    long.access = Array.from({ length: 40 }, (_, i) => ({
      id: `U${i % 30}`,
      level: i < 30 ? "READ" : "ALTER",
      sources: [],
    }));
    expect(m.accessEntry(long, "U5")?.level).toBe("READ"); // the first of two U5 entries
    expect(m.accessEntry(long, "U31")).toBeUndefined();
    long.access.push({ id: "U31", level: "UPDATE", sources: [] });
    expect(m.accessEntry(long, "U31")?.level).toBe("UPDATE");
    long.access = long.access.slice(10);
    expect(m.accessEntry(long, "U5")?.level).toBe("ALTER");
    m.deleteProfile("FACILITY", "IRR.DIGTCERT.LISTRING");
    m.deleteProfile("FACILITY", "IRR.DIGTCERT.*");
    expect(m.hasProfiles("FACILITY")).toBe(false);
  });

  it("marks class state as assumed until an input sets it", () => {
    const m = new RacfModel();
    expect(m.classState("RDATALIB")).toMatchObject({ active: false, assumed: true });
    m.setClass("RDATALIB", { active: true }, at(9));
    expect(m.classState("RDATALIB")).toMatchObject({ active: true, raclisted: false, assumed: false });
  });

  it("creates implied users only once and un-implies them on definition", () => {
    const m = new RacfModel();
    m.referUser("tcpip", at(1));
    m.referUser("TCPIP", at(2));
    expect(m.state.users).toHaveLength(1);
    expect(m.user("TCPIP")?.implied).toBe(true);
    m.defineUser("TCPIP", at(3));
    expect(m.user("TCPIP")?.implied).toBe(false);
  });
});

describe("rings holding a certificate", () => {
  it("firstRingHolding is ringsHolding's first ring, after connects, disconnects and a change behind the model's back", () => {
    const m = new RacfModel();
    const ca = m.addCertificate(cert("CERTAUTH", "Root CA"));
    const rings = ["R1", "R2", "R3"].map((name, i) => m.addRing(`U${i}`, name, at(i + 2)));
    const conn = () => ({
      owner: ca.owner,
      label: ca.label,
      usage: "CERTAUTH" as const,
      default: false,
      sources: [at(9)],
    });
    expect(m.firstRingHolding(ca.owner, ca.label)).toBeUndefined();
    m.connect(rings[1] as Ring, conn());
    m.connect(rings[2] as Ring, conn());
    expect(m.ringsHolding(ca.owner, ca.label).map((r) => r.name)).toEqual(["R2", "R3"]);
    expect(m.firstRingHolding(ca.owner, ca.label)?.name).toBe("R2");
    m.disconnect(rings[1] as Ring, ca.owner, ca.label);
    expect(m.firstRingHolding(ca.owner, ca.label)?.name).toBe("R3");
    // A connection removed without the model knowing: the index still names R3, the answer not.
    (rings[2] as Ring).connections = [];
    expect(m.ringsHolding(ca.owner, ca.label)).toEqual([]);
    expect(m.firstRingHolding(ca.owner, ca.label)).toBeUndefined();
    expect(m.firstRingHolding("CERTAUTH", "Other")).toBeUndefined();
  });
});

describe("model JSON", () => {
  it("round-trips losslessly", () => {
    const m = new RacfModel();
    m.defineUser("FTPD", at(1));
    m.addCertificate(cert("ID(FTPD)", "FTP Server"));
    const ring = m.addRing("FTPD", "Server_RING", at(3));
    m.connect(ring, {
      owner: "ID(FTPD)",
      label: "FTP Server",
      usage: "PERSONAL",
      default: true,
      sources: [at(4)],
    });
    const p = m.defineProfile("STARTED", "FTPT*.*", at(5));
    p.stdata = { user: "TCPIP", group: null };
    m.setClass("RDATALIB", { active: true, raclisted: true }, at(6));
    m.assume("FACILITY assumed active and RACLISTed");
    m.issue({ file: "t.jcl", line: 7, code: "unknown-keyword", severity: "warning", message: "x" });
    const text = JSON.stringify(modelToJson(m.state));
    const back = modelFromJson(text, "m.json");
    expect(back.issues).toEqual([]);
    expect(back.state).toEqual(m.state);
  });

  it("locates JSON syntax errors", () => {
    const r = modelFromJson('{\n  "users": [\n    {"id": "A",}\n  ]\n}', "bad.json");
    expect(r.issues[0]).toMatchObject({ file: "bad.json", code: "invalid-json" });
    expect(r.issues[0]?.line).toBe(3);
  });

  it("skips elements with missing required fields and says which", () => {
    const r = modelFromJson(
      JSON.stringify({ racfringModel: 1, certificates: [{ owner: "CERTAUTH" }] }),
      "m.json",
    );
    expect(r.state.certificates).toHaveLength(0);
    expect(r.issues[0]?.message).toContain("certificates[0].label must be a string");
  });

  it("refuses an unknown model version", () => {
    const r = modelFromJson(JSON.stringify({ racfringModel: 9 }), "m.json");
    expect(r.issues[0]?.code).toBe("model-version");
  });
});

describe("class state reads", () => {
  it("asking about a class no input mentions does not add it to the model", () => {
    const m = new RacfModel();
    const before = Object.keys(m.state.classes).sort();
    expect(m.classState("CSFKEYS")).toMatchObject({ active: false, assumed: true });
    expect(Object.keys(m.state.classes).sort()).toEqual(before);
  });
});

describe("user lookups at the size of a real RACF database", () => {
  it("finds users added through the model and through the state array alike", () => {
    const m = new RacfModel();
    for (let i = 0; i < 50_000; i++) m.referUser(`U${i}`, { file: "", line: 0, kind: "unload" });
    expect(m.user("u49999")?.id).toBe("U49999");
    // a reader that pushes into the state directly is still seen
    m.state.users.push({
      id: "DIRECT",
      special: true,
      implied: false,
      groups: [],
      revoked: false,
      sources: [],
    });
    expect(m.user("DIRECT")?.special).toBe(true);
    expect(m.deleteUser("U0")).toBe(true);
    expect(m.user("U0")).toBeUndefined();
    expect(m.user("U1")?.id).toBe("U1");
  });
});

describe("model JSON defaults", () => {
  it("gives each element read without optional fields its own arrays", () => {
    const minimal = { owner: "CERTAUTH", status: "TRUST", notBefore: null, notAfter: null };
    const r = modelFromJson(
      JSON.stringify({
        racfringModel: 1,
        certificates: [
          { ...minimal, label: "a" },
          { ...minimal, label: "b" },
        ],
      }),
      "m.json",
    );
    const [a, b] = r.state.certificates;
    a?.sources.push({ file: "x", line: 1, kind: "model" });
    expect(b?.sources).toEqual([]);
    expect(a?.altNames).not.toBe(b?.altNames);
    expect(b).toMatchObject({ keyType: null, privateKey: null, keyUsage: null, fromRequest: false });
  });
});

describe("model JSON validation (hand-edited or foreign files)", () => {
  const cert = { owner: "CERTAUTH", label: "CA", status: "TRUST", notBefore: null, notAfter: null };
  const read = (o: object) => modelFromJson(JSON.stringify({ racfringModel: 1, ...o }), "m.json");

  it("refuses a JSON that is not a racfring model (an audit report, SARIF, package.json)", () => {
    const r = modelFromJson(JSON.stringify({ findings: [], applications: [] }), "report.json");
    expect(r.issues[0]?.code).toBe("not-a-model");
  });

  it.each([
    [
      "a date that does not parse",
      { certificates: [{ ...cert, notAfter: "garbage" }] },
      "certificates[0].notAfter",
    ],
    ["an unknown status", { certificates: [{ ...cert, status: "MAYBE" }] }, "certificates[0].status"],
    [
      "a label over 32 characters",
      { certificates: [{ ...cert, label: "x".repeat(33) }] },
      "certificates[0].label",
    ],
    [
      "a user id over 8 characters",
      { users: [{ id: "FOURTEENCHARID", special: false, implied: false }] },
      "users[0].id",
    ],
    [
      "an unknown access level",
      { profiles: [{ class: "FACILITY", name: "P", uacc: "NONE", access: [{ id: "A", level: "GOD" }] }] },
      "profiles[0].access[0].level",
    ],
    [
      "default given as a string",
      {
        rings: [
          {
            owner: "A",
            name: "R",
            connections: [{ owner: "ID(A)", label: "l", usage: "PERSONAL", default: "no" }],
          },
        ],
      },
      "rings[0].connections[0].default",
    ],
    [
      "a connection that is not an object",
      { rings: [{ owner: "A", name: "R", connections: ["x"] }] },
      "rings[0].connections[0]",
    ],
    ["an assumption that is a number", { assumptions: [1] }, "assumptions[0]"],
  ])("skips an element with %s and says where", (_what, input, path) => {
    const r = read(input);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "invalid-model", severity: "error" });
    expect(r.issues[0]?.message.startsWith(path)).toBe(true);
    expect(
      r.state.certificates.length + r.state.users.length + r.state.profiles.length + r.state.rings.length,
    ).toBe(0);
  });

  it("reports class state of the wrong shape and keeps the default", () => {
    const r = read({ classes: { RDATALIB: { active: "yes" } } });
    expect(r.issues[0]?.message).toContain("classes.RDATALIB.active");
    expect(r.state.classes.RDATALIB?.assumed).toBe(true);
  });
});

describe("input issues quoting huge input", () => {
  it("shortens any run over 200 characters in a message", () => {
    const m = new RacfModel();
    m.issue({
      file: "f",
      line: 1,
      code: "x",
      severity: "warning",
      message: `unknown keyword ${"A".repeat(5000)} here`,
    });
    const msg = m.state.issues[0]?.message ?? "";
    expect(msg.length).toBeLessThan(300);
    expect(msg).toMatch(/^unknown keyword A{200}… here$/);
  });
});
