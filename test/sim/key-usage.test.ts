/**
 * The key-usage step (rules §3: a key-usage extension without HANDSHAKE → 440): the verdict for
 * each kind of extension, the sentence the administrator reads, and the replacement the fix
 * proposes (a HANDSHAKE copy of the certificate, connected in its place, with the refreshes).
 */
import { describe, expect, it } from "vitest";
import { R } from "../../src/sim/checks/rules.js";
import type { SimResult } from "../../src/sim/simulate.js";
import { simulate } from "../../src/sim/simulate.js";
import { aCert, aRoot, healthySite } from "../audit/builders.js";
import { BASE, deck, run } from "./builders.js";

/** START1's ring KEY with one certificate as DEFAULT, generated with the given KEYUSAGE. */
function signer(keyUsage: string, label = "Signer"): SimResult {
  const model = deck(`${BASE}
      ADDUSER START1 DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
      RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('signer')) WITHLABEL('${label}') -
        ${keyUsage} SIGNWITH(CERTAUTH LABEL('Example Root CA')) -
        NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))
      RACDCERT ID(START1) ADDRING(KEY)
      RACDCERT ID(START1) CONNECT(LABEL('${label}') RING(KEY) DEFAULT)`);
  return run(model, { user: "START1", ring: { owner: "START1", name: "KEY" } });
}

function keyUsageStep(r: SimResult) {
  const s = r.steps.find((x) => x.id === "key-usage");
  if (!s) throw new Error(`no key-usage step; steps: ${r.steps.map((x) => x.id).join(", ")}`);
  return s;
}

const REFRESH_NOTE =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";

describe("key-usage step", () => {
  it("DOCSIGN only: fails with 440, says why, and proposes a HANDSHAKE copy connected as DEFAULT", () => {
    const r = signer("KEYUSAGE(DOCSIGN)");
    const s = keyUsageStep(r);
    expect(s.ok).toBe(false);
    expect(s.title).toBe("Key usage");
    expect(s.detail).toBe(
      "'Signer' key usage DOCSIGN: no HANDSHAKE (digitalSignature/keyEncipherment) — System SSL refuses it for TLS.",
    );
    expect(s.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(["deck.jcl:9"]);
    expect(s.source).toBe(R.keyUsage);
    expect(s.confidence).toBe("ibm");
    expect(r.rc).toBe(440);
    expect(r.confidence).toBe("ibm");
    expect(r.fix?.summary).toBe(
      "Use a certificate generated with KEYUSAGE(HANDSHAKE): generate one like 'Signer' and connect it in its place.",
    );
    expect(r.fix?.commands).toEqual([
      "RACDCERT ID(START1) GENCERT SUBJECTSDN(CN('signer')) RSA SIZE(2048) NOTAFTER(DATE(2027-06-01)) WITHLABEL('Signer tls') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Example Root CA'))",
      "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('Signer tls') RING('KEY') USAGE(PERSONAL) DEFAULT)",
      "SETROPTS RACLIST(DIGTCERT) REFRESH",
      "SETROPTS RACLIST(DIGTRING) REFRESH",
    ]);
    expect(r.fix?.notes).toEqual([REFRESH_NOTE]);
  });

  it("a 30-character label: the copy's label is cut to 26 characters before ' tls', so it stays within RACF's 32", () => {
    const r = signer("KEYUSAGE(DOCSIGN CERTSIGN)", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123");
    expect(keyUsageStep(r).detail).toBe(
      "'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123' key usage DOCSIGN, CERTSIGN: no HANDSHAKE (digitalSignature/keyEncipherment) — System SSL refuses it for TLS.",
    );
    expect(r.fix?.commands[0]).toContain("WITHLABEL('ABCDEFGHIJKLMNOPQRSTUVWXYZ tls')");
    expect(r.fix?.commands[1]).toBe(
      "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('ABCDEFGHIJKLMNOPQRSTUVWXYZ tls') RING('KEY') USAGE(PERSONAL) DEFAULT)",
    );
  });

  it("HANDSHAKE among other usages: passes and says HANDSHAKE allows the handshake", () => {
    const r = signer("KEYUSAGE(HANDSHAKE DOCSIGN)");
    const s = keyUsageStep(r);
    expect(s.ok).toBe(true);
    expect(s.detail).toBe("'Signer' key usage HANDSHAKE, DOCSIGN: HANDSHAKE allows the TLS handshake.");
    expect(r.rc).toBe(0);
  });

  it("no key-usage extension at all: passes, any use allowed", () => {
    const r = signer("");
    const s = keyUsageStep(r);
    expect(s.ok).toBe(true);
    expect(s.detail).toBe("'Signer' has no key-usage extension: any use allowed.");
    expect(r.rc).toBe(0);
  });

  it("key usage not known from the inputs: not checked, verdict unknown, the missing fact named", () => {
    const web = aCert("ID(WEBSRV)", "Web", { keyUsage: null });
    const model = healthySite()
      .cert(web)
      .ring("WEBSRV", "Mixed", [[aRoot()], [web, { default: true }]])
      .build();
    const r = simulate(model, {
      user: "WEBSRV",
      ring: { owner: "WEBSRV", name: "Mixed" },
      at: new Date("2026-06-01T00:00:00Z"),
    });
    const s = keyUsageStep(r);
    expect(s.ok).toBeNull();
    expect(s.title).toBe("Key usage");
    expect(s.detail).toBe("Key usage of 'Web' not known from the inputs: not checked.");
    expect(s.missing).toEqual(["the key usage of 'Web'"]);
    expect(s.confidence).toBe("ibm");
    expect(s.source).toBe(R.keyUsage);
    expect(s.evidence).toEqual(model.certificate("ID(WEBSRV)", "Web")?.sources);
    expect(r.rc).toBe(0);
  });
});
