/**
 * The load-entries step: which connected certificates R_datalib returns. NOTRUST certificates
 * are not returned (System SSL rc 6 notes; rules §6), a connection whose certificate the inputs
 * do not hold is assumed TRUST, and the trace says which is which with its evidence.
 */
import { describe, expect, it } from "vitest";
import { R } from "../../src/sim/checks/rules.js";
import { simulate } from "../../src/sim/simulate.js";
import { aCert, aRoot, healthySite } from "../audit/builders.js";

const AT = new Date("2026-06-01T00:00:00Z");
const RING = { owner: "WEBSRV", name: "Mixed" };

function step(model: ReturnType<ReturnType<typeof healthySite>["build"]>) {
  const r = simulate(model, { user: "WEBSRV", ring: RING, at: AT });
  return { r, step: r.steps.find((s) => s.id === "load-entries") };
}

describe("load-entries", () => {
  it("every entry returned: listed with usage, DEFAULT, status and where it was connected", () => {
    const root = aRoot();
    const web = aCert("ID(WEBSRV)", "Web Server");
    const { step: s } = step(
      healthySite()
        .ring("WEBSRV", "Mixed", [[root], [web, { default: true }]])
        .build(),
    );
    expect(s?.ok).toBe(true);
    expect(s?.detail).toMatch(
      /^Entries returned: CERTAUTH 'Test Root CA' usage CERTAUTH TRUST \(site\.jcl:\d+\); ID\(WEBSRV\) 'Web Server' usage PERSONAL DEFAULT TRUST \(site\.jcl:\d+\)\.$/,
    );
    expect(s?.title).toBe("Load the ring's entries");
    expect(s?.source).toBe(
      "R_datalib DataGetFirst/DataGetNext return every connected certificate (IBM KC21 icha700/digrdl.htm)",
    );
    expect(s?.confidence).toBe("ibm");
    expect(s?.evidence.length).toBe(2);
  });

  it("a NOTRUST certificate is not returned, and the trace says so with its source", () => {
    const root = aRoot();
    const web = aCert("ID(WEBSRV)", "Web Server");
    const old = aCert("ID(WEBSRV)", "Old Server", { status: "NOTRUST" });
    const { r, step: s } = step(
      healthySite()
        .cert(old)
        .ring("WEBSRV", "Mixed", [[root], [web, { default: true }], [old]])
        .build(),
    );
    expect(s?.detail).toMatch(
      /^Entries returned: CERTAUTH 'Test Root CA' .*; ID\(WEBSRV\) 'Web Server' usage PERSONAL DEFAULT TRUST/,
    );
    expect(s?.detail.split(" Not returned")[0]).not.toContain("Old Server");
    expect(s?.detail).toMatch(/ Not returned \(NOTRUST\): ID\(WEBSRV\) 'Old Server' \(site\.jcl:\d+\)\.$/);
    expect(s?.source).toBe(R.notrust);
    // the two returned connections and the NOTRUST certificate's own definition
    expect(s?.evidence.length).toBe(3);
    expect(r.rc).toBe(0);
  });

  it("two NOTRUST certificates: both named, separated, each with its definition", () => {
    const web = aCert("ID(WEBSRV)", "Web Server");
    const old1 = aCert("ID(WEBSRV)", "Old One", { status: "NOTRUST" });
    const old2 = aCert("ID(WEBSRV)", "Old Two", { status: "NOTRUST" });
    const { step: s } = step(
      healthySite()
        .cert(old1)
        .cert(old2)
        .ring("WEBSRV", "Mixed", [[web, { default: true }], [old1], [old2]])
        .build(),
    );
    expect(s?.detail).toMatch(
      / Not returned \(NOTRUST\): ID\(WEBSRV\) 'Old One' \(site\.jcl:\d+\); ID\(WEBSRV\) 'Old Two' \(site\.jcl:\d+\)\.$/,
    );
  });

  it("a NOTRUST DEFAULT leaves no certificate to select: rc 6", () => {
    const old = aCert("ID(WEBSRV)", "Old Server", { status: "NOTRUST" });
    const { r, step: s } = step(
      healthySite()
        .cert(old)
        .ring("WEBSRV", "Mixed", [[old, { default: true }]])
        .build(),
    );
    expect(s?.detail).toMatch(
      /^The ring returns no entries\. Not returned \(NOTRUST\): ID\(WEBSRV\) 'Old Server'/,
    );
    expect(r.rc).toBe(6);
  });

  it("a connection whose certificate is not in the inputs is assumed TRUST, and the assumption is listed", () => {
    const ghost = aCert("ID(WEBSRV)", "Ghost");
    const { r, step: s } = step(
      healthySite()
        .ring("WEBSRV", "Mixed", [[ghost, { default: true }]])
        .build(),
    );
    expect(s?.detail).toMatch(
      /^Entries returned: ID\(WEBSRV\) 'Ghost' usage PERSONAL DEFAULT \(certificate not in the inputs\)/,
    );
    expect(r.assumptions).toContain(
      "connected certificates missing from the inputs are assumed TRUST with unknown key and dates",
    );
  });

  it("nothing missing: no such assumption", () => {
    const { r } = step(
      healthySite()
        .ring("WEBSRV", "Mixed", [[aRoot()], [aCert("ID(WEBSRV)", "Web Server"), { default: true }]])
        .build(),
    );
    expect(r.assumptions.join("\n")).not.toMatch(/missing from the inputs/);
  });
});
