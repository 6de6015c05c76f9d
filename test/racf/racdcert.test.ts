import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { describe, expect, it } from "vitest";
import { codes, RAN_AT, read, requestPem, selfSignedPem } from "./helpers.js";

const CA = `RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Root CA') O('Example')) WITHLABEL('Root CA') -
  NOTBEFORE(DATE(2024-01-01)) NOTAFTER(DATE(2034-12-31))`;
const SERVER = `RACDCERT ID(FTPD) GENCERT SUBJECTSDN(CN('ftp.example.com')) WITHLABEL('FTP Server') -
  SIGNWITH(CERTAUTH LABEL('Root CA')) NOTBEFORE(DATE(2024-01-01)) NOTAFTER(DATE(2026-12-31))`;

describe("RACDCERT ADDRING / DELRING", () => {
  it("adds a ring owned by the ID() user, keeping the name's case", () => {
    const m = read("RACDCERT ID(ftpd) ADDRING(Server_RING)");
    expect(m.state.rings).toEqual([
      expect.objectContaining({ owner: "FTPD", name: "Server_RING", connections: [] }),
    ]);
    expect(m.state.rings[0]?.sources[0]).toMatchObject({ file: "deck.txt", line: 1, kind: "jcl" });
    // FTPD is named but never defined: implied
    expect(m.user("FTPD")).toMatchObject({ implied: true });
  });

  it("rejects rings owned by CERTAUTH or SITE (IRRD120I)", () => {
    const m = read("SETROPTS LIST\nRACDCERT CERTAUTH ADDRING(CARING)\nRACDCERT SITE ADDRING(X)");
    expect(m.state.rings).toEqual([]);
    expect(codes(m)).toEqual([
      [2, "ring-owner-not-user"],
      [3, "ring-owner-not-user"],
    ]);
    expect(m.state.issues[0]?.message).toContain("IRRD120I");
  });

  it("reports a ring name over 237 characters, a duplicate ADDRING, and DELRING of an unknown ring", () => {
    const long = "R".repeat(238);
    const m = read(
      `RACDCERT ID(A) ADDRING(${long})\nRACDCERT ID(A) ADDRING(R1)\nRACDCERT ID(A) ADDRING(R1)\nRACDCERT ID(A) DELRING(R2)`,
    );
    expect(codes(m)).toEqual([
      [1, "ring-name-too-long"],
      [3, "ring-exists"],
      [4, "ring-not-found"],
    ]);
    expect(m.state.rings.map((r) => r.name)).toEqual(["R1"]);
    expect(read("RACDCERT ID(A) ADDRING(R1)\nRACDCERT ID(A) DELRING(R1)").state.rings).toEqual([]);
  });

  it("uses the JOB statement's USER= when no owner is given, as an assumption", () => {
    const job = [
      "//J JOB 1,USER=SECADM",
      "//S EXEC PGM=IKJEFT01",
      "//SYSTSIN DD *",
      " RACDCERT ADDRING(MINE)",
      "/*",
    ].join("\n");
    const m = read(job);
    expect(m.ring("SECADM", "MINE")).toBeDefined();
    expect(m.state.assumptions.map((a) => a.message).join("\n")).toContain("USER=SECADM");
    // without USER= the owner is unknown: skipped with a located warning
    const deck = read("RACDCERT ADDRING(MINE)");
    expect(codes(deck)).toEqual([[1, "owner-unknown"]]);
  });
});

describe("RACDCERT CONNECT / REMOVE", () => {
  const base = `${CA}\n${SERVER}\nRACDCERT ID(FTPD) ADDRING(R)`;

  it("outer ID is the ring owner; inner CERTAUTH/ID() the certificate owner; omitted inner = outer user", () => {
    const m = read(`${base}
RACDCERT ID(FTPD) CONNECT(CERTAUTH LABEL('Root CA') RING(R))
RACDCERT ID(FTPD) CONNECT(LABEL('FTP Server') RING(R) DEFAULT)`);
    expect(m.state.issues).toEqual([]);
    expect(m.ring("FTPD", "R")?.connections.map((c) => [c.owner, c.label, c.usage, c.default])).toEqual([
      ["CERTAUTH", "Root CA", "CERTAUTH", false],
      ["ID(FTPD)", "FTP Server", "PERSONAL", true],
    ]);
  });

  it("USAGE overrides the certificate's kind; DEFAULT moves to the last certificate connected with it", () => {
    const m = read(`${base}
RACDCERT ID(FTPD) GENCERT SUBJECTSDN(CN('two')) WITHLABEL('Second') NOTAFTER(DATE(2026-01-01))
RACDCERT ID(FTPD) CONNECT(ID(FTPD) LABEL('FTP Server') RING(R) USAGE(PERSONAL) DEFAULT)
RACDCERT ID(FTPD) CONNECT(ID(FTPD) LABEL('Second') RING(R) DEFAULT)
RACDCERT ID(FTPD) CONNECT(CERTAUTH LABEL('Root CA') RING(R) USAGE(PERSONAL))`);
    const conns = m.ring("FTPD", "R")?.connections ?? [];
    expect(conns.filter((c) => c.default).map((c) => c.label)).toEqual(["Second"]);
    expect(conns.find((c) => c.label === "Root CA")?.usage).toBe("PERSONAL");
  });

  it("skips a CONNECT to a ring or certificate that does not exist, with a located error", () => {
    const m = read(`${base}
RACDCERT ID(FTPD) CONNECT(LABEL('FTP Server') RING(r))
RACDCERT ID(FTPD) CONNECT(LABEL('ftp server') RING(R))`);
    expect(codes(m)).toEqual([
      [6, "ring-not-found"],
      [7, "certificate-not-found"],
    ]);
    expect(m.ring("FTPD", "R")?.connections).toEqual([]);
  });

  it("rejects an outer CERTAUTH (ring owner must be a user) and a label over 32 characters", () => {
    const m = read(`${base}
RACDCERT CERTAUTH CONNECT(LABEL('Root CA') RING(R))
RACDCERT ID(FTPD) CONNECT(LABEL('${"L".repeat(33)}') RING(R))`);
    expect(codes(m)).toEqual([
      [6, "ring-owner-not-user"],
      [7, "label-too-long"],
    ]);
    expect(m.state.issues[1]).toMatchObject({ file: "deck.txt", column: 33, severity: "error" });
  });

  it("REMOVE disconnects; removing something not connected is reported", () => {
    const m = read(`${base}
RACDCERT ID(FTPD) CONNECT(CERTAUTH LABEL('Root CA') RING(R))
RACDCERT ID(FTPD) REMOVE(CERTAUTH LABEL('Root CA') RING(R))
RACDCERT ID(FTPD) REMOVE(CERTAUTH LABEL('Root CA') RING(R))`);
    expect(m.ring("FTPD", "R")?.connections).toEqual([]);
    expect(codes(m)).toEqual([[8, "not-connected"]]);
  });
});

describe("RACDCERT GENCERT", () => {
  it("builds the subject DN in RACF's order with escaping, alt names, key and storage", () => {
    const m =
      read(`RACDCERT ID(WEB) GENCERT SUBJECTSDN(C('US') O('Example, Inc.') CN('web01') OU('Web' 'IT') L('Austin') SP('Texas') T('Server')) -
  ALTNAME(DOMAIN('web01.example.com') IP(10.0.0.1) EMAIL('a@b.c') URI('https://web01/')) -
  NISTECC SIZE(384) PKDS(WEBKEY) KEYUSAGE(HANDSHAKE DOCSIGN) WITHLABEL('Web') NOTAFTER(DATE(2026-01-01))`);
    const c = m.certificate("ID(WEB)", "Web");
    expect(c).toMatchObject({
      subject: "CN=web01,T=Server,OU=Web,OU=IT,O=Example\\, Inc.,L=Austin,SP=Texas,C=US",
      keyType: "NISTECC",
      keySize: 384,
      privateKey: true,
      keyStore: "PKDS",
      icsfLabel: "WEBKEY",
      keyUsage: ["HANDSHAKE", "DOCSIGN"],
      selfSigned: true,
      signatureAlgorithm: "sha256ECDSA",
      fromRequest: false,
      status: "TRUST",
    });
    expect(c?.issuer).toBe(c?.subject);
    expect(c?.altNames).toEqual([
      { type: "DNS", value: "web01.example.com" },
      { type: "IP", value: "10.0.0.1" },
      { type: "EMAIL", value: "a@b.c" },
      { type: "URI", value: "https://web01/" },
    ]);
  });

  it("defaults: RSA in software, CERTSIGN for a CA, no key usage extension for a user certificate", () => {
    const m = read(
      `${CA}\nRACDCERT ID(U1) GENCERT SUBJECTSDN(CN('u')) WITHLABEL('u') ICSF NOTAFTER(DATE(2026-01-01))`,
    );
    expect(m.certificate("CERTAUTH", "Root CA")).toMatchObject({
      keyType: "RSA",
      keyStore: "software",
      keyUsage: ["CERTSIGN"],
    });
    expect(m.certificate("ID(U1)", "u")).toMatchObject({ keyType: "RSA", keyStore: "PKDS", keyUsage: [] });
  });

  it("NOTBEFORE/NOTAFTER with DATE and TIME; TIME defaults 00:00:00 and 23:59:59", () => {
    const m = read(
      "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a') NOTBEFORE(DATE(2024-02-03) TIME(08:30:00)) NOTAFTER(DATE(2025-02-03))",
    );
    expect(m.certificate("ID(A)", "a")).toMatchObject({
      notBefore: "2024-02-03T08:30:00Z",
      notAfter: "2025-02-03T23:59:59Z",
      datesAssumed: false,
    });
  });

  it("RACF's default dates: the run time and one year later, assumed when --ran-at is not given", () => {
    const given = read("RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a')", { ranAtGiven: true });
    expect(given.certificate("ID(A)", "a")).toMatchObject({
      notBefore: "2025-03-01T12:00:00Z",
      notAfter: "2026-03-01T12:00:00Z",
      datesAssumed: false,
    });
    const now = read("RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a')", { ranAtGiven: false });
    expect(now.certificate("ID(A)", "a")?.datesAssumed).toBe(true);
    expect(now.state.assumptions.map((a) => a.message).join("\n")).toMatch(/--ran-at/);
    // only NOTAFTER given: NOTBEFORE is the run time
    const after = read(
      "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a') NOTAFTER(DATE(2030-01-01))",
      { ranAtGiven: false },
    );
    expect(after.certificate("ID(A)", "a")).toMatchObject({
      notBefore: "2025-03-01T12:00:00Z",
      notAfter: "2030-01-01T23:59:59Z",
      datesAssumed: true,
    });
  });

  it("rejects NOTBEFORE not before NOTAFTER (IRRD133I) and a malformed date", () => {
    const m =
      read(`RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a') NOTBEFORE(DATE(2030-01-01)) NOTAFTER(DATE(2029-01-01))
RACDCERT ID(A) GENCERT SUBJECTSDN(CN('b')) WITHLABEL('b') NOTAFTER(DATE(01/02/2030))`);
    expect(codes(m)).toEqual([
      [1, "dates-reversed"],
      [2, "invalid-date"],
    ]);
    expect(m.state.certificates).toEqual([]);
  });

  it("SIGNWITH: issuer is the signer's subject and the signature follows the signer's key type", () => {
    const m = read(`RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('EC CA')) NISTECC SIZE(256) WITHLABEL('EC CA')
${SERVER.replace("Root CA", "EC CA")}`);
    expect(m.certificate("ID(FTPD)", "FTP Server")).toMatchObject({
      issuer: "CN=EC CA",
      subject: "CN=ftp.example.com",
      signer: { owner: "CERTAUTH", label: "EC CA" },
      selfSigned: false,
      keyType: "RSA",
      signatureAlgorithm: "sha256ECDSA",
    });
  });

  it("SIGNWITH(LABEL()) without CERTAUTH/SITE names a certificate of the same owner; DSA and BPECC keys", () => {
    const m =
      read(`RACDCERT ID(A) GENCERT SUBJECTSDN(CN('A CA')) BPECC SIZE(256) WITHLABEL('own CA') KEYUSAGE(CERTSIGN)
RACDCERT ID(A) GENCERT SUBJECTSDN(CN('leaf')) DSA SIZE(2048) WITHLABEL('leaf') SIGNWITH(LABEL('own CA'))`);
    expect(m.certificate("ID(A)", "own CA")).toMatchObject({
      keyType: "BPECC",
      signatureAlgorithm: "sha256ECDSA",
      keyUsage: ["CERTSIGN"],
    });
    expect(m.certificate("ID(A)", "leaf")).toMatchObject({
      keyType: "DSA",
      issuer: "CN=A CA",
      signer: { owner: "ID(A)", label: "own CA" },
      signatureAlgorithm: "sha256ECDSA",
    });
    expect(m.state.assumptions.some((a) => a.message.startsWith("SIGNWITH(LABEL"))).toBe(true);
  });

  it("SIGNWITH a certificate not in the inputs: created, issuer unknown, warning", () => {
    const m = read(SERVER);
    expect(m.certificate("ID(FTPD)", "FTP Server")).toMatchObject({
      issuer: null,
      signer: { owner: "CERTAUTH", label: "Root CA" },
    });
    expect(codes(m)).toEqual([[2, "signer-not-found"]]);
  });

  it("accepts abbreviated keywords (SUBJ, NOTA, WITHL, SIGNW, KEYU) and lower case", () => {
    const m = read(`${CA}
racdcert id(ftpd) gencert subj(cn('x')) keyu(handshake) nota(date(2026-01-01)) withl('X') signw(certauth label('Root CA'))`);
    expect(m.state.issues).toEqual([]);
    expect(m.certificate("ID(FTPD)", "X")).toMatchObject({
      subject: "CN=x",
      keyUsage: ["HANDSHAKE"],
      issuer: "CN=Root CA,O=Example",
    });
  });

  it("without WITHLABEL, RACF generates a label (numbered, assumed)", () => {
    const m = read("RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a'))\nRACDCERT ID(A) GENCERT SUBJECTSDN(CN('b'))");
    expect(m.certificatesOf("ID(A)").map((c) => c.label)).toEqual(["LABEL00000001", "LABEL00000002"]);
    expect(m.state.assumptions.some((a) => a.message.includes("LABELnnnnnnnn"))).toBe(true);
  });

  it("rejects a label over 32 characters and a label already in use", () => {
    const m = read(`RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('${"x".repeat(33)}')
RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a')
RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a')`);
    expect(codes(m)).toEqual([
      [1, "label-too-long"],
      [3, "label-in-use"],
    ]);
    expect(m.state.certificates).toHaveLength(1);
  });

  it("GENCERT from a request data set: no private key, subject and key from the PEM request", async () => {
    const csr = await requestPem("O=Partner, CN=partner.example.com", ["partner.example.com"]);
    const m = read(
      `${CA}\nRACDCERT ID(PARTNER) GENCERT('SEC.PARTNER.CSR') SIGNWITH(CERTAUTH LABEL('Root CA')) WITHLABEL('Partner')`,
      {
        datasets: { "SEC.PARTNER.CSR": { file: "partner.csr", data: csr } },
      },
    );
    expect(m.certificate("ID(PARTNER)", "Partner")).toMatchObject({
      fromRequest: true,
      privateKey: false,
      subject: "CN=partner.example.com,O=Partner",
      keyType: "NISTECC",
      keySize: 256,
      issuer: "CN=Root CA,O=Example",
      altNames: [{ type: "DNS", value: "partner.example.com" }],
    });
    expect(m.state.issues).toEqual([]);
    // unmapped: still a certificate without key, noted
    const u = read(
      `${CA}\nRACDCERT ID(P) GENCERT('X.CSR') SUBJECTSDN(CN('p')) SIGNWITH(CERTAUTH LABEL('Root CA')) WITHLABEL('P')`,
    );
    expect(u.certificate("ID(P)", "P")).toMatchObject({
      fromRequest: true,
      privateKey: false,
      subject: "CN=p",
    });
    expect(codes(u)).toEqual([[3, "dataset-not-mapped"]]);
  });
});

describe("RACDCERT ADD", () => {
  it("takes the certificate from the mapped PEM data set; TRUST by default", async () => {
    const { pem } = await selfSignedPem({
      // ASN.1 order (least specific first), which RFC 4514 text reverses
      name: "C=DE, O=Partner Bank, CN=Partner Root",
      notBefore: new Date("2020-01-01T00:00:00Z"),
      notAfter: new Date("2040-01-01T00:00:00Z"),
      keyUsage: 32 | 64,
    });
    const m = read("RACDCERT CERTAUTH ADD('SEC.PARTNER.PEM') WITHLABEL('Partner Root')", {
      datasets: { "SEC.PARTNER.PEM": { file: "partner.pem", data: pem } },
    });
    expect(m.certificate("CERTAUTH", "Partner Root")).toMatchObject({
      status: "TRUST",
      subject: "CN=Partner Root,O=Partner Bank,C=DE",
      issuer: "CN=Partner Root,O=Partner Bank,C=DE",
      notBefore: "2020-01-01T00:00:00Z",
      notAfter: "2040-01-01T00:00:00Z",
      keyType: "RSA",
      keySize: 2048,
      keyUsage: ["CERTSIGN"],
      signatureAlgorithm: "sha256RSA",
      serial: "0A1B",
      privateKey: false,
      selfSigned: true,
    });
    expect(m.certificate("CERTAUTH", "Partner Root")?.fingerprint).toMatch(/^[0-9A-F]{64}$/);
  });

  it("an expired certificate comes in NOTRUST unless TRUST is given [UNCONFIRMED]", async () => {
    const { der } = await selfSignedPem({
      name: "CN=Old",
      notBefore: new Date("2010-01-01"),
      notAfter: new Date("2020-01-01"),
      ec: true,
    });
    const datasets = { "OLD.DER": { file: "old.der", data: der } };
    const m = read("RACDCERT CERTAUTH ADD('OLD.DER') WITHLABEL('Old')", { datasets });
    expect(m.certificate("CERTAUTH", "Old")).toMatchObject({
      status: "NOTRUST",
      keyType: "NISTECC",
      keySize: 256,
    });
    expect(m.state.issues[0]).toMatchObject({ line: 1, code: "added-notrust", severity: "info" });
    expect(m.state.issues[0]?.message).toContain("UNCONFIRMED");
    const t = read("RACDCERT CERTAUTH ADD('OLD.DER') WITHLABEL('Old') TRUST", { datasets });
    expect(t.certificate("CERTAUTH", "Old")?.status).toBe("TRUST");
  });

  it("an unmapped data set still creates the certificate (unknown details) so rings can refer to it", () => {
    const m = read(
      "RACDCERT CERTAUTH ADD('SEC.X.PEM') WITHLABEL('X') HIGHTRUST\nRACDCERT ID(A) ADDRING(R)\nRACDCERT ID(A) CONNECT(CERTAUTH LABEL('X') RING(R))",
    );
    expect(m.certificate("CERTAUTH", "X")).toMatchObject({
      status: "HIGHTRUST",
      subject: null,
      notAfter: null,
    });
    expect(m.ring("A", "R")?.connections).toHaveLength(1);
    expect(codes(m)).toEqual([[1, "dataset-not-mapped"]]);
  });

  it("an unquoted data set name gets the TSO prefix: a mapping for PREFIX.NAME is used", async () => {
    const { pem } = await selfSignedPem({
      name: "CN=P",
      notBefore: new Date("2020-01-01"),
      notAfter: new Date("2040-01-01"),
    });
    const m = read("RACDCERT CERTAUTH ADD(CA.PEM) WITHLABEL('P')", {
      datasets: { "SECADM.CA.PEM": { file: "ca.pem", data: pem } },
    });
    expect(m.certificate("CERTAUTH", "P")?.subject).toBe("CN=P");
  });
});

describe("RACDCERT ALTER / DELETE / GENREQ / EXPORT / LIST", () => {
  const base = `${CA}\n${SERVER}\nRACDCERT ID(FTPD) ADDRING(R)\nRACDCERT ID(FTPD) CONNECT(LABEL('FTP Server') RING(R) DEFAULT)`;

  it("ALTER changes the status and NEWLABEL follows into rings", () => {
    const m = read(`${base}\nRACDCERT ID(FTPD) ALTER(LABEL('FTP Server')) NOTRUST NEWLABEL('FTP 2025')`);
    expect(m.certificate("ID(FTPD)", "FTP 2025")?.status).toBe("NOTRUST");
    expect(m.ring("FTPD", "R")?.connections[0]?.label).toBe("FTP 2025");
  });

  it("DELETE removes the certificate and its connections", () => {
    const m = read(`${base}\nRACDCERT ID(FTPD) DELETE(LABEL('FTP Server'))`);
    expect(m.certificate("ID(FTPD)", "FTP Server")).toBeUndefined();
    expect(m.ring("FTPD", "R")?.connections).toEqual([]);
    const missing = read("RACDCERT ID(FTPD) DELETE(LABEL('nope'))");
    expect(codes(missing)).toEqual([[1, "certificate-not-found"]]);
  });

  it("EXPORT with a PASSWORD literal is a finding that never shows the password; the model is unchanged", () => {
    const m = read(
      `${base}\nRACDCERT ID(FTPD) EXPORT(LABEL('FTP Server')) DSN('X.P12') FORMAT(PKCS12DER) PASSWORD('Summer2026')`,
    );
    expect(codes(m)).toEqual([[7, "password-in-job"]]);
    expect(JSON.stringify(m.state)).not.toContain("Summer2026");
    expect(m.state.certificates).toHaveLength(2);
  });

  it("listing functions and GENREQ change nothing", () => {
    const before = read(base).state;
    const after = read(`${base}
RACDCERT ID(FTPD) LIST(LABEL('FTP Server'))
RACDCERT ID(FTPD) LISTRING(R)
RACDCERT CERTAUTH LISTCHAIN(LABEL('Root CA'))
RACDCERT ID(FTPD) GENREQ(LABEL('FTP Server')) DSN('X.CSR')
RACDCERT CHECKCERT('X.PEM')
RACDCERT ID(FTPD)`).state;
    expect(after.certificates).toEqual(before.certificates);
    expect(after.rings).toEqual(before.rings);
    expect(after.issues).toEqual([]);
  });

  it("two functions in one command are rejected", () => {
    const m = read("RACDCERT ID(A) ADDRING(R) DELRING(R)");
    expect(codes(m)).toEqual([[1, "conflicting-functions"]]);
  });

  it("the default GENCERT dates sit around the run time given", () => {
    expect(RAN_AT.toISOString()).toBe("2025-03-01T12:00:00.000Z");
  });
});

describe("RACDCERT ADD of a CA-signed certificate", () => {
  it("is NOTRUST when its issuer is not in the inputs, TRUST once the CA was added first [UNCONFIRMED]", async () => {
    const alg = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
    const caKeys = (await webcrypto.subtle.generateKey(alg, true, [
      "sign",
      "verify",
    ])) as webcrypto.CryptoKeyPair;
    const leafKeys = (await webcrypto.subtle.generateKey(alg, true, [
      "sign",
      "verify",
    ])) as webcrypto.CryptoKeyPair;
    const validity = { notBefore: new Date("2024-01-01"), notAfter: new Date("2030-01-01") };
    const ca = await x509.X509CertificateGenerator.createSelfSigned({
      name: "CN=Ext CA",
      keys: caKeys,
      signingAlgorithm: alg,
      serialNumber: "01",
      ...validity,
    });
    const leaf = await x509.X509CertificateGenerator.create({
      subject: "CN=leaf",
      issuer: ca.subject,
      publicKey: leafKeys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: alg,
      serialNumber: "02",
      ...validity,
    });
    const datasets = {
      "CA.PEM": { file: "ca.pem", data: ca.toString("pem") },
      "LEAF.PEM": { file: "leaf.pem", data: leaf.toString("pem") },
    };
    const alone = read("RACDCERT ID(A) ADD('LEAF.PEM') WITHLABEL('leaf')", { datasets });
    expect(alone.certificate("ID(A)", "leaf")).toMatchObject({
      status: "NOTRUST",
      issuer: "CN=Ext CA",
      selfSigned: false,
      signatureAlgorithm: "sha256ECDSA",
    });
    expect(codes(alone)).toEqual([[1, "added-notrust"]]);
    const withCa = read(
      "RACDCERT CERTAUTH ADD('CA.PEM') WITHLABEL('ca')\nRACDCERT ID(A) ADD('LEAF.PEM') WITHLABEL('leaf')",
      { datasets },
    );
    expect(withCa.certificate("ID(A)", "leaf")?.status).toBe("TRUST");
    expect(withCa.state.issues).toEqual([]);
  });
});

describe("RACDCERT ADD over an existing label", () => {
  const deck = [
    "RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('web01') O('Corp')) WITHLABEL('Web') SIZE(2048)",
    "RACDCERT ID(WEBSRV) ADDRING(R)",
    "RACDCERT ID(WEBSRV) CONNECT(LABEL('Web') RING(R) DEFAULT)",
    "RACDCERT ID(WEBSRV) GENREQ(LABEL('Web')) DSN('WEB.CSR')",
    "RACDCERT ID(WEBSRV) ADD('WEB.SIGNED') WITHLABEL('Web') TRUST",
  ].join("\n");

  it("renews in place when the signed certificate has the same subject and RACF holds the key [3rd]", async () => {
    // @peculiar/x509 reads a name string in ASN.1 order (most general first), like a real certificate
    const signed = await selfSignedPem({
      name: "O=Corp, CN=web01",
      notBefore: new Date("2025-01-01"),
      notAfter: new Date("2027-01-01"),
    });
    const m = read(deck, { datasets: { "WEB.SIGNED": { file: "signed.pem", data: signed.pem } } });
    const cert = m.certificate("ID(WEBSRV)", "Web");
    expect(cert).toMatchObject({ privateKey: true, notAfter: "2027-01-01T00:00:00Z", serial: "0A1B" });
    expect(m.state.certificates).toHaveLength(1);
    expect(m.ring("WEBSRV", "R")?.connections).toMatchObject([{ label: "Web", default: true }]);
    expect(codes(m)).toEqual([[5, "certificate-renewed"]]);
  });

  it("rejects the ADD when the certificate is someone else's (different subject)", async () => {
    const other = await selfSignedPem({
      name: "CN=intruder",
      notBefore: new Date("2025-01-01"),
      notAfter: new Date("2027-01-01"),
    });
    const m = read(deck, { datasets: { "WEB.SIGNED": { file: "other.pem", data: other.pem } } });
    expect(codes(m)).toEqual([[5, "label-in-use"]]);
    expect(m.certificate("ID(WEBSRV)", "Web")?.subject).toBe("CN=web01,O=Corp");
  });
});

describe("passwords given as JCL symbols", () => {
  it("does not report PASSWORD('&P12PW1') — the job holds no password", () => {
    const m = read(
      "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a')\nRACDCERT ID(A) EXPORT(LABEL('a')) DSN('A.P12') FORMAT(PKCS12DER) PASSWORD('&P12PW1')",
    );
    expect(codes(m)).toEqual([]);
  });

  it("still reports a literal password", () => {
    const m = read(
      "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a')\nRACDCERT ID(A) EXPORT(LABEL('a')) DSN('A.P12') -\n  FORMAT(PKCS12DER) PASSWORD('x&y')",
    );
    expect(codes(m)).toEqual([[3, "password-in-job"]]);
  });
});

describe("GENREQ, then GENCERT of that request (renewal with the same key)", () => {
  const deck = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('CA') NOTAFTER(DATE(2030-12-31))",
    "RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('web')) WITHLABEL('Web') SIGNWITH(CERTAUTH LABEL('CA')) -",
    "  NOTBEFORE(DATE(2024-01-01)) NOTAFTER(DATE(2025-01-01))",
    "RACDCERT ID(WEBSRV) ADDRING(R)",
    "RACDCERT ID(WEBSRV) CONNECT(LABEL('Web') RING(R) DEFAULT)",
    "RACDCERT ID(WEBSRV) GENREQ(LABEL('Web')) DSN('WEBSRV.WEB.REQ')",
    "RACDCERT ID(WEBSRV) GENCERT('WEBSRV.WEB.REQ') SIGNWITH(CERTAUTH LABEL('CA')) -",
    "  NOTAFTER(DATE(2027-01-01))",
  ].join("\n");

  it("signs the original certificate anew: same label, key and connections, new dates [IBM le-rekey]", () => {
    const m = read(deck, { ranAt: new Date("2025-06-01T00:00:00Z") });
    expect(m.certificatesOf("ID(WEBSRV)")).toHaveLength(1);
    expect(m.certificate("ID(WEBSRV)", "Web")).toMatchObject({
      privateKey: true,
      notAfter: "2027-01-01T23:59:59Z",
      issuer: "CN=CA",
      status: "TRUST",
    });
    expect(m.ring("WEBSRV", "R")?.connections).toMatchObject([{ label: "Web", default: true }]);
    expect(codes(m).map(([, c]) => c)).toContain("certificate-renewed");
  });

  it("a request no GENREQ in the input wrote still gives a certificate without a RACF key", () => {
    const m = read(deck.replace("GENCERT('WEBSRV.WEB.REQ')", "GENCERT('OTHER.REQ') WITHLABEL('Other')"), {
      ranAt: new Date("2025-06-01T00:00:00Z"),
    });
    expect(m.certificate("ID(WEBSRV)", "Other")).toMatchObject({ privateKey: false, fromRequest: true });
    expect(m.certificate("ID(WEBSRV)", "Web")?.notAfter).toBe("2025-01-01T23:59:59Z");
  });
});

describe("GENCERT key usage defaults", () => {
  it("CERTAUTH without KEYUSAGE signs certificates; SITE stays unknown [UNCONFIRMED]; a user's has none", () => {
    const m = read(
      [
        "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('ca')) WITHLABEL('ca')",
        "RACDCERT SITE GENCERT SUBJECTSDN(CN('site')) WITHLABEL('site')",
        "RACDCERT ID(U) GENCERT SUBJECTSDN(CN('u')) WITHLABEL('u')",
      ].join("\n"),
    );
    expect(m.certificate("CERTAUTH", "ca")?.keyUsage).toEqual(["CERTSIGN"]);
    expect(m.certificate("SITE", "site")?.keyUsage).toBeNull();
    expect(m.certificate("ID(U)", "u")?.keyUsage).toEqual([]);
    expect(m.state.assumptions.some((a) => a.message.includes("SITE without KEYUSAGE"))).toBe(true);
  });
});
