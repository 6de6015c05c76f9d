/**
 * The client-checks step (rules §4): what clients outside z/OS reject in the server's
 * certificate. Warnings only: the return code never changes. Each case states the warnings, the
 * step's sentence, evidence and confidence.
 */
import { describe, expect, it } from "vitest";
import type { RacfModel } from "../../src/model/model.js";
import { R } from "../../src/sim/checks/rules.js";
import type { SimResult } from "../../src/sim/simulate.js";
import { BASE, deck, run } from "./builders.js";

/** WEB's ring holds its certificate 'W' (line 10), made by `gencert`; an ECC CA is on line 9. */
const site = (gencert: string) => `${BASE}
  ADDUSER WEB DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('ECC CA')) WITHLABEL('ECC CA') NISTECC SIZE(256) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  ${gencert}
  RACDCERT ID(WEB) ADDRING(WEBRING)
  RACDCERT ID(WEB) CONNECT(LABEL('W') RING(WEBRING) DEFAULT)`;
const W = (opts: string, sign = "SIGNWITH(CERTAUTH LABEL('Example Root CA'))") =>
  `RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('web.example.com')) ${opts} WITHLABEL('W') KEYUSAGE(HANDSHAKE) ${sign} NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))`;
const simModel = (m: RacfModel, role: "server" | "client" = "server") =>
  run(m, { user: "WEB", ring: { owner: "WEB", name: "WEBRING" }, role });
const sim = (gencert: string) => simModel(deck(site(gencert)));
function checksStep(r: SimResult) {
  const s = r.steps.find((x) => x.id === "client-checks");
  if (!s) throw new Error(`no client-checks step; steps: ${r.steps.map((x) => x.id).join(", ")}`);
  return { ...s, evidence: s.evidence.map((e) => `${e.file}:${e.line}`) };
}
const NOT_RC = "(These do not change System SSL's return code.)";

describe("client-checks", () => {
  it("a certificate browsers accept: no warning, the step says so", () => {
    const r = sim(W("ALTNAME(DOMAIN('web.example.com'))"));
    expect(r.warnings).toEqual([]);
    expect(checksStep(r)).toEqual({
      id: "client-checks",
      ok: null,
      verdict: "pass",
      title: "What clients outside z/OS will check",
      detail: "No browser-side problems found in the certificate's known facts.",
      evidence: ["deck.jcl:10"],
      source: R.browser,
      confidence: "third-party",
    });
    expect(r.rc).toBe(0);
  });

  it("an IP subjectAltName counts; a 1024-bit RSA key is rejected", () => {
    const r = sim(W("ALTNAME(IP(10.1.1.1)) RSA SIZE(1024)"));
    expect(r.warnings).toEqual(["'W' has a 1024-bit RSA key: current clients reject RSA below 2048 bits."]);
    expect(checksStep(r).detail).toBe(
      `'W' has a 1024-bit RSA key: current clients reject RSA below 2048 bits. ${NOT_RC}`,
    );
    expect(r.rc).toBe(0);
  });

  it("an RSA key of exactly 2048 bits is fine", () => {
    expect(sim(W("ALTNAME(DOMAIN('web.example.com')) RSA SIZE(2048)")).warnings).toEqual([]);
  });

  it("P-521 signed by an RSA CA, with only an e-mail subjectAltName: three warnings in order", () => {
    const r = sim(W("ALTNAME(EMAIL('a@example.com')) NISTECC SIZE(521)"));
    expect(r.warnings).toEqual([
      "'W' has no DNS/IP subjectAltName: browsers (Chrome) ignore the CN and will reject the host name.",
      "'W' uses curve P-521: Chrome and Firefox do not support it for ECDSA (field case 9) — use NISTECC SIZE(256) or SIZE(384).",
      "'W' is an ECC certificate signed by an RSA CA ('Example Root CA'): some Java clients fail (field case 10).",
    ]);
    expect(checksStep(r).detail).toBe(`${r.warnings.join(" ")} ${NOT_RC}`);
    expect(r.rc).toBe(0);
  });

  it("a Brainpool key signed by an ECC CA: only the Brainpool warning", () => {
    const r = sim(
      W("ALTNAME(DOMAIN('web.example.com')) BPECC SIZE(512)", "SIGNWITH(CERTAUTH LABEL('ECC CA'))"),
    );
    expect(r.warnings).toEqual(["'W' uses a Brainpool curve: browsers do not support it."]);
  });

  it("a Brainpool key signed by an RSA CA: both warnings", () => {
    const r = sim(W("ALTNAME(DOMAIN('web.example.com')) BPECC SIZE(512)"));
    expect(r.warnings).toEqual([
      "'W' uses a Brainpool curve: browsers do not support it.",
      "'W' is an ECC certificate signed by an RSA CA ('Example Root CA'): some Java clients fail (field case 10).",
    ]);
  });

  it("an ECC key whose signer the inputs do not hold: no signer warning", () => {
    const m = deck(site(W("ALTNAME(DOMAIN('web.example.com')) NISTECC SIZE(256)")));
    const c = m.certificate("ID(WEB)", "W");
    if (!c) throw new Error("no certificate");
    c.signer = { owner: "CERTAUTH", label: "Not in the inputs" };
    expect(simModel(m).warnings).toEqual([]);
  });

  it("an ECC key signed by an ECC CA: no warning", () => {
    const r = sim(
      W("ALTNAME(DOMAIN('web.example.com')) NISTECC SIZE(384)", "SIGNWITH(CERTAUTH LABEL('ECC CA'))"),
    );
    expect(r.warnings).toEqual([]);
  });

  it("SHA-1 and MD5 signatures are rejected; SHA-256 is not", () => {
    for (const [alg, warned] of [
      ["sha1RSA", true],
      ["md5RSA", true],
      ["sha256RSA", false],
    ] as const) {
      const m = deck(site(W("ALTNAME(DOMAIN('web.example.com'))")));
      const c = m.certificate("ID(WEB)", "W");
      if (!c) throw new Error("no certificate");
      c.signatureAlgorithm = alg;
      expect(simModel(m).warnings).toEqual(
        warned ? [`'W' is signed ${alg}: SHA-1/MD5 signatures are rejected by current clients.`] : [],
      );
    }
  });

  it("nothing known about names (no subject, no subjectAltName): no host-name warning", () => {
    const m = deck(site(W("ALTNAME(DOMAIN('web.example.com'))")));
    const c = m.certificate("ID(WEB)", "W");
    if (!c) throw new Error("no certificate");
    Object.assign(c, { subject: null, altNames: [] });
    expect(simModel(m).warnings).toEqual([]);
    // Only an e-mail name: the host name check applies although the subject is unknown.
    Object.assign(c, { altNames: [{ type: "EMAIL", value: "a@example.com" }] });
    expect(simModel(m).warnings).toEqual([
      "'W' has no DNS/IP subjectAltName: browsers (Chrome) ignore the CN and will reject the host name.",
    ]);
    Object.assign(c, { subject: "CN=web.example.com", altNames: [] });
    expect(simModel(m).warnings).toEqual([
      "'W' has no DNS/IP subjectAltName: browsers (Chrome) ignore the CN and will reject the host name.",
    ]);
  });

  it("a client's own certificate is not judged by browser rules: no step", () => {
    // The ring holds the CA too, so the client's walk reaches the end (no 109 before it).
    const text = `${site(W("RSA SIZE(1024)"))}
  RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Example Root CA') RING(WEBRING) USAGE(CERTAUTH))`;
    const m = deck(text);
    const r = run(m, {
      user: "WEB",
      ring: { owner: "WEB", name: "WEBRING" },
      role: "client",
      clientAuth: "required",
    });
    expect(r.rc).toBe(0);
    expect(r.steps.at(-1)?.id).toBe("peer-validation");
    expect(r.steps.map((s) => s.id)).not.toContain("client-checks");
    expect(r.warnings).toEqual([]);
  });
});
