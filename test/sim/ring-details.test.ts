/**
 * Details of the ring steps that the earlier suites left open: the resolve-ring step's title in
 * its virtual and failing cases, and that RDATALIB profiles alone show how rings are protected.
 */
import { describe, expect, it } from "vitest";
import { BASE, deck, run, serverCert } from "./builders.js";

const OWN = `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)`;

describe("ring steps: details", () => {
  it("resolve-ring has the same title for a virtual ring and for a ring that does not exist", () => {
    const virtual = run(deck(OWN), { user: "START1", ring: { owner: "START1", name: "*" } });
    const missing = run(deck(OWN), { user: "START1", ring: { owner: "START1", name: "Nope" } });
    expect(virtual.steps.find((s) => s.id === "resolve-ring")?.title).toBe("Resolve the key ring");
    expect(missing.steps.find((s) => s.id === "resolve-ring")?.title).toBe("Resolve the key ring");
    expect(missing.rc).toBe(202);
    expect(missing.confidence).toBe("ibm");
  });

  it("RDATALIB profiles alone show how rings are protected: no RDATALIB condition is stated", () => {
    const r = run(
      deck(`
  ADDUSER START1 DFLTGRP(STC)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)
  RDEFINE RDATALIB OTHER.RING.LST UACC(NONE)`),
      { user: "START1", ring: { owner: "START1", name: "MqRing" } },
    );
    expect(r.conditions.map((c) => c.text)).not.toContainEqual(
      expect.stringMatching(/^RDATALIB is not in effect/),
    );
  });
});
