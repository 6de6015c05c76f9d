/**
 * The RACDCERT text fixes build for new and renewed certificates (src/sim/gencert.ts) and the
 * shared command writers (src/sim/commands.ts): who signs (never a leaf), key algorithm and size,
 * the subject and names copied, the validity never shortened. Every expected command is written
 * out.
 */
import { describe, expect, it } from "vitest";
import type { Certificate } from "../../src/model/types.js";
import { alterTrustCommand, ownerKeyword, permitResource } from "../../src/sim/commands.js";
import {
  altname,
  gencertLike,
  isCa,
  keyAlgorithm,
  renewCommands,
  requestDataset,
  signerFor,
  subjectsdn,
} from "../../src/sim/gencert.js";
import { deck } from "./builders.js";

/** A CA 'Root', a CERTAUTH leaf 'LeafCA' (HANDSHAKE only), WEB's 'Web' signed by Root, WEB's self-signed 'Self'; ring WEB/R holds Root. */
const model = () =>
  deck(`
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Root CA') O('Ex')) WITHLABEL('Root') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Leaf CA')) WITHLABEL('LeafCA') KEYUSAGE(HANDSHAKE) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('web')) WITHLABEL('Web') NISTECC SIZE(384) SIGNWITH(CERTAUTH LABEL('Root')) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2026-06-01))
  RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('self')) WITHLABEL('Self') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2026-06-01))
  RACDCERT ID(WEB) ADDRING(R)
  RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Root') RING(R) USAGE(CERTAUTH))
`);
function cert(m: ReturnType<typeof model>, owner: string, label: string): Certificate {
  const c = m.certificate(owner, label);
  if (!c) throw new Error(`no ${owner} '${label}'`);
  return c;
}
const ROOT = { ref: { owner: "CERTAUTH", label: "Root" }, placeholder: false };
const PLACEHOLDER = { ref: { owner: "CERTAUTH", label: "<CA label>" }, placeholder: true };

describe("isCa: who may sign a new certificate in a fix", () => {
  it("CERTSIGN, or a CERTAUTH certificate with no key usage shown; never a leaf", () => {
    const m = model();
    expect(isCa(cert(m, "CERTAUTH", "Root"))).toBe(true);
    expect(isCa(cert(m, "CERTAUTH", "LeafCA"))).toBe(false);
    expect(isCa(cert(m, "ID(WEB)", "Web"))).toBe(false);
    expect(isCa({ ...cert(m, "CERTAUTH", "Root"), keyUsage: null })).toBe(true);
    expect(isCa({ ...cert(m, "ID(WEB)", "Web"), keyUsage: [] })).toBe(false);
    expect(isCa({ ...cert(m, "CERTAUTH", "Root"), keyUsage: [] })).toBe(true);
  });
});

describe("signerFor", () => {
  it("the certificate's own signer when it is a CA", () => {
    const m = model();
    expect(signerFor(m, cert(m, "ID(WEB)", "Web"))).toEqual(ROOT);
  });
  it("a self-signed certificate stays self-signed", () => {
    const m = model();
    expect(signerFor(m, cert(m, "ID(WEB)", "Self"))).toEqual({ ref: null, placeholder: false });
  });
  it("a signer that is a leaf is not used: the CA whose subject is the issuer is", () => {
    const m = model();
    const like = { ...cert(m, "ID(WEB)", "Web"), signer: { owner: "CERTAUTH" as const, label: "LeafCA" } };
    expect(signerFor(m, like)).toEqual(ROOT);
  });
  it("an unknown issuer: the ring's CA when a ring is given, else a placeholder", () => {
    const m = model();
    const like = { ...cert(m, "ID(WEB)", "Web"), signer: null, issuer: "CN=Nobody" };
    expect(signerFor(m, like)).toEqual(PLACEHOLDER);
    expect(signerFor(m, like, { owner: "WEB", name: "R" })).toEqual(ROOT);
  });
  it("nothing to imitate: the ring's CA, else a placeholder", () => {
    const m = model();
    expect(signerFor(m, null)).toEqual(PLACEHOLDER);
    expect(signerFor(m, null, { owner: "WEB", name: "R" })).toEqual(ROOT);
    expect(signerFor(m, null, { owner: "WEB", name: "NoSuchRing" })).toEqual(PLACEHOLDER);
  });
  it("the recorded signer when the issuer is not known", () => {
    const m = model();
    expect(signerFor(m, { ...cert(m, "ID(WEB)", "Web"), issuer: null })).toEqual(ROOT);
  });
  it("the ring's CA is a CA connected USAGE(CERTAUTH) whose key RACF holds", () => {
    const m = deck(`
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Personal CA')) WITHLABEL('PersonalCA') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Leaf')) WITHLABEL('Leaf') KEYUSAGE(HANDSHAKE) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Keyless CA')) WITHLABEL('Keyless') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Root CA')) WITHLABEL('Root') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT ID(WEB) ADDRING(R)
  RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('PersonalCA') RING(R) USAGE(PERSONAL))
  RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Leaf') RING(R) USAGE(CERTAUTH))
  RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Keyless') RING(R) USAGE(CERTAUTH))
  RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Root') RING(R) USAGE(CERTAUTH))`);
    cert(m, "CERTAUTH", "Keyless").privateKey = false;
    expect(signerFor(m, null, { owner: "WEB", name: "R" })).toEqual(ROOT);
  });
  it("the CA found by the issuer's subject is a CERTAUTH or SITE CA whose key RACF holds", () => {
    const m = deck(`
  RACDCERT ID(X) GENCERT SUBJECTSDN(CN('Issuer')) WITHLABEL('User copy') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Issuer')) WITHLABEL('No key') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT SITE GENCERT SUBJECTSDN(CN('Issuer')) WITHLABEL('Site issuer') KEYUSAGE(CERTSIGN) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('web')) WITHLABEL('Web') SIGNWITH(SITE LABEL('Site issuer')) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2026-06-01))`);
    cert(m, "CERTAUTH", "No key").privateKey = false;
    const like = { ...cert(m, "ID(WEB)", "Web"), signer: null };
    expect(signerFor(m, like)).toEqual({ ref: { owner: "SITE", label: "Site issuer" }, placeholder: false });
    // An issuer subject no CA has: a placeholder (the certificate is not self-signed).
    expect(signerFor(m, { ...like, issuer: "CN=Elsewhere" })).toEqual(PLACEHOLDER);
  });
  it("several CAs have the issuer's subject: the first in the inputs, whichever its owner", () => {
    const m = deck(`
  RACDCERT SITE GENCERT SUBJECTSDN(CN('Issuer')) WITHLABEL('Site first') KEYUSAGE(CERTSIGN) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Issuer')) WITHLABEL('Auth second') NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT SITE GENCERT SUBJECTSDN(CN('Issuer')) WITHLABEL('Site third') KEYUSAGE(CERTSIGN) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('web')) WITHLABEL('Web') SIGNWITH(SITE LABEL('Site first')) NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2026-06-01))`);
    const like = { ...cert(m, "ID(WEB)", "Web"), signer: null };
    expect(signerFor(m, like).ref).toEqual({ owner: "SITE", label: "Site first" });
    // Without it, the CERTAUTH one comes before the other SITE one.
    cert(m, "SITE", "Site first").privateKey = false;
    expect(signerFor(m, like).ref).toEqual({ owner: "CERTAUTH", label: "Auth second" });
    cert(m, "CERTAUTH", "Auth second").keyUsage = ["HANDSHAKE"];
    expect(signerFor(m, like).ref).toEqual({ owner: "SITE", label: "Site third" });
  });
  it("a certificate signed by itself through SIGNWITH is not its own signer", () => {
    const m = model();
    const like = {
      ...cert(m, "CERTAUTH", "Root"),
      signer: { owner: "CERTAUTH" as const, label: "Root" },
      selfSigned: false,
    };
    expect(signerFor(m, like)).toEqual(ROOT);
  });
});

describe("gencertLike", () => {
  it("copies subject, key type and size, keeps the later end date, signs with the CA", () => {
    const m = model();
    expect(
      gencertLike("ID(NEW)", "New", cert(m, "ID(WEB)", "Web"), new Date("2026-01-01T00:00:00Z"), m),
    ).toBe(
      "RACDCERT ID(NEW) GENCERT SUBJECTSDN(CN('web')) NISTECC SIZE(384) NOTAFTER(DATE(2026-06-01)) WITHLABEL('New') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Root'))",
    );
    expect(gencertLike("ID(NEW)", "New", cert(m, "ID(WEB)", "Web"), new Date("2027-01-01T00:00:00Z"))).toBe(
      "RACDCERT ID(NEW) GENCERT SUBJECTSDN(CN('web')) NISTECC SIZE(384) NOTAFTER(DATE(2027-01-01)) WITHLABEL('New') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('Root'))",
    );
  });
  it("nothing to imitate, no model: a host-name placeholder, RSA 2048, no SIGNWITH", () => {
    expect(gencertLike("ID(NEW)", "New", null, new Date("2027-01-01T00:00:00Z"))).toBe(
      "RACDCERT ID(NEW) GENCERT SUBJECTSDN(CN('<host name>')) RSA SIZE(2048) NOTAFTER(DATE(2027-01-01)) WITHLABEL('New') KEYUSAGE(HANDSHAKE)",
    );
  });
});

describe("the pieces", () => {
  it("key algorithm: ECC default 256, DSA default 2048, RSA never below 2048", () => {
    expect(keyAlgorithm("NISTECC", null)).toBe("NISTECC SIZE(256)");
    expect(keyAlgorithm("BPECC", 512)).toBe("BPECC SIZE(512)");
    expect(keyAlgorithm("DSA", null)).toBe("DSA SIZE(2048)");
    expect(keyAlgorithm("RSA", 1024)).toBe("RSA SIZE(2048)");
    expect(keyAlgorithm("RSA", 2048)).toBe("RSA SIZE(2048)");
    expect(keyAlgorithm("RSA", 4096)).toBe("RSA SIZE(4096)");
    expect(keyAlgorithm(null, null)).toBe("RSA SIZE(2048)");
  });
  it("SUBJECTSDN keeps only the RDNs RACDCERT accepts; ALTNAME one value per type", () => {
    expect(subjectsdn(null)).toBe("SUBJECTSDN(CN('<host name>'))");
    expect(subjectsdn("CN=a,DC=x,EMAIL=q")).toBe("SUBJECTSDN(CN('a'))");
    expect(subjectsdn("T=Mr,L=Town,SP=State")).toBe("SUBJECTSDN(T('Mr') L('Town') SP('State'))");
    expect(altname([])).toBeNull();
    expect(
      altname([
        { type: "EMAIL", value: "a@example.com" },
        { type: "URI", value: "http://x" },
      ]),
    ).toBe("ALTNAME(EMAIL('a@example.com') URI('http://x'))");
  });
  it("the renewal request data set: the owner's user id, or the CA keyword", () => {
    expect(requestDataset("ID(FTPD)")).toBe("FTPD.CERTREQ.RENEW");
    expect(requestDataset("CERTAUTH")).toBe("CERTAUTH.CERTREQ.RENEW");
    expect(requestDataset("SITE")).toBe("SITE.CERTREQ.RENEW");
  });
  it("renewal of a self-signed certificate: no SIGNWITH; an end date equal to the old one is kept", () => {
    const m = model();
    expect(renewCommands(cert(m, "ID(WEB)", "Self"), new Date("2026-06-01T23:59:59Z"), m)).toEqual([
      "RACDCERT ID(WEB) GENREQ(LABEL('Self')) DSN('WEB.CERTREQ.RENEW')",
      "RACDCERT ID(WEB) GENCERT('WEB.CERTREQ.RENEW') NOTAFTER(DATE(2026-06-01))",
    ]);
  });
  it("renewal with the model: the signer looked up, the old end date kept", () => {
    const m = model();
    expect(renewCommands(cert(m, "ID(WEB)", "Web"), new Date("2026-01-01T00:00:00Z"), m)).toEqual([
      "RACDCERT ID(WEB) GENREQ(LABEL('Web')) DSN('WEB.CERTREQ.RENEW')",
      "RACDCERT ID(WEB) GENCERT('WEB.CERTREQ.RENEW') SIGNWITH(CERTAUTH LABEL('Root')) NOTAFTER(DATE(2026-06-01))",
    ]);
  });
  it("owner keywords, ALTER TRUST with a doubled apostrophe, a PERMIT on a resource no profile protects", () => {
    expect(ownerKeyword("SITE")).toBe("SITE");
    expect(ownerKeyword("ID(WEB)")).toBe("ID(WEB)");
    expect(alterTrustCommand("ID(WEB)", "O'Brien")).toBe("RACDCERT ID(WEB) ALTER(LABEL('O''Brien')) TRUST");
    expect(permitResource(model(), "FACILITY", "X.Y", "WEB", "READ")).toEqual({
      commands: ["RDEFINE FACILITY X.Y UACC(NONE)", "PERMIT X.Y CLASS(FACILITY) ID(WEB) ACCESS(READ)"],
      note: null,
    });
  });
});
