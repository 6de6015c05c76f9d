/**
 * Review finding 6: with inputs that hold no FACILITY profile at all (only rings and
 * certificates), the simulator predicted 202 as if IRR.DIGTCERT.LISTRING were known to be
 * unprotected. The absence is now an assumption, the prediction UNCONFIRMED, and the trace says
 * the inputs do not show the profile. Field case 2 (profile defined, UACC(NONE)) stays IBM.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { deck, failedStep, run } from "./builders.js";

const RING_ONLY = `
  ADDUSER WEB DFLTGRP(STC)
  RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('web.example.com')) -
    WITHLABEL('Web') KEYUSAGE(HANDSHAKE) -
    NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
  RACDCERT ID(WEB) ADDRING(WebRing)
  RACDCERT ID(WEB) CONNECT(ID(WEB) LABEL('Web') RING(WebRing) USAGE(PERSONAL) DEFAULT)
`;

describe("FACILITY IRR.DIGTCERT.LISTRING not shown by the inputs", () => {
  it("goes on as if WEB could read its ring, and keeps 202 as the other outcome", () => {
    const r = run(deck(RING_ONLY), { user: "WEB", ring: { owner: "WEB", name: "WebRing" } });
    expect(r.rc).toBe(0);
    const step = r.steps.find((s) => s.id === "authorize-ring");
    expect(step?.ok).toBeNull();
    expect(step?.verdict).toBe("unknown");
    expect(step?.missing?.join(" ")).toMatch(/RLIST FACILITY IRR\.DIGTCERT\.LISTRING AUTHUSER/);
    expect(r.conditions.map((c) => c.kind)).toEqual(["configuration", "configuration", "access"]);
    expect(r.conditions.find((c) => c.kind === "access")?.text).toMatch(
      /^WEB can read its ring \(READ to FACILITY IRR\.DIGTCERT\.LISTRING; not shown in the inputs\)$/,
    );
    expect(r.outcomes).toContainEqual(
      expect.objectContaining({ rc: 202, condition: expect.stringMatching(/WEB has no READ/) }),
    );
    // The RDATALIB branch ends where the prediction does (RC 0): it adds nothing and is left out.
    expect(r.outcomes.map((o) => o.rc)).toEqual([202]);
  });

  it("with --assume-denied: 202 UNCONFIRMED, says the inputs do not show the profile, lists the assumption", () => {
    const r = run(deck(RING_ONLY), {
      user: "WEB",
      ring: { owner: "WEB", name: "WebRing" },
      assumeDenied: true,
    });
    expect(r.rc).toBe(202);
    expect(r.confidence).toBe("unconfirmed");
    expect(failedStep(r)).toBe("authorize-ring");
    const step = r.steps.find((s) => s.id === "authorize-ring");
    expect(step?.confidence).toBe("unconfirmed");
    expect(step?.detail).toMatch(/inputs contain no FACILITY profiles, so they do not show whether/);
    expect(r.assumptions).toContainEqual(
      expect.stringMatching(
        /no FACILITY profile covers IRR\.DIGTCERT\.LISTRING: the inputs contain no FACILITY/,
      ),
    );
    expect(r.fix?.summary).toMatch(/do not show whether the profile exists/);
  });

  it("with other FACILITY profiles in the inputs, the absence is still listed as an assumption", () => {
    const model = deck(`${RING_ONLY}
      RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)
    `);
    const r = run(model, { user: "WEB", ring: { owner: "WEB", name: "WebRing" } });
    expect(r.rc).toBe(202);
    expect(r.confidence).toBe("unconfirmed");
    expect(r.steps.find((s) => s.id === "authorize-ring")?.detail).toMatch(
      /No FACILITY profile in the inputs covers IRR\.DIGTCERT\.LISTRING/,
    );
    expect(r.assumptions).toContainEqual(expect.stringMatching(/none among the FACILITY profiles/));
  });

  it("field case 2 is unchanged: profile defined with UACC(NONE) → 202, IBM, no such assumption", () => {
    const text = readFileSync(resolve(import.meta.dirname, "../fixtures/sim/case2.jcl"), "utf8");
    const body = text
      .split("\n")
      .filter((l) => !l.startsWith("//") && !l.startsWith("/*"))
      .join("\n");
    const r = run(deck(body), {
      user: "BATCHU",
      ring: { owner: "BATCHU", name: "CLIENTRING" },
      role: "client",
    });
    expect(r.rc).toBe(202);
    expect(r.confidence).toBe("ibm");
    expect(r.assumptions.join(" ")).not.toMatch(/FACILITY profile covers/);
  });
});
