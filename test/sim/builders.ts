/**
 * Test builders for the simulator: RACF command decks read by the real command reader (the way
 * administrators write them), and partner certificates (which no RACF deck describes).
 */
import { RacfModel } from "../../src/model/model.js";
import type { Certificate } from "../../src/model/types.js";
import { readRacfCommands } from "../../src/racf/reader.js";
import { type SimRequest, type SimResult, simulate } from "../../src/sim/simulate.js";

/** The instant every scenario is judged at unless it says otherwise. */
export const NOW = new Date("2026-01-15T12:00:00Z");

/** Strip the common indentation of a template literal deck. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const n = Math.min(...indents);
  return lines.map((l) => l.slice(n)).join("\n");
}

/** Read a RACF command deck into a fresh model. Fails the test if the deck has reader errors. */
export function deck(text: string, file = "deck.jcl"): RacfModel {
  const model = new RacfModel();
  // These scenario decks are workstation files whose commands run past column 72. A deck whose
  // lines all fit in 80 columns is read as 80-byte records (columns 73–80 ignored, rules §6), so
  // one longer comment line marks these as variable-length, the way they are written.
  const variableLength = `/* ${"variable-length workstation deck ".padEnd(80, "-")} */`;
  readRacfCommands(`${dedent(text)}\n${variableLength}`, {
    model,
    file,
    datasets: new Map(),
    ranAt: new Date("2025-01-01T00:00:00Z"),
    ranAtGiven: true,
  });
  const errors = model.state.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw new Error(`deck has reader errors: ${errors.map((e) => `${e.line}: ${e.message}`).join("; ")}`);
  }
  return model;
}

/** The lines every scenario shares: a CA and the FACILITY profile, RACLISTed. */
export const BASE = `
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Example Root CA') O('Example')) -
    WITHLABEL('Example Root CA') -
    NOTBEFORE(DATE(2025-01-01)) NOTAFTER(DATE(2035-01-01))
  RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
  SETROPTS RACLIST(FACILITY) REFRESH
`;

/** A server certificate for `user`, signed by the base CA. */
export function serverCert(
  user: string,
  label: string,
  extra = "",
  dates = "NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2027-06-01))",
): string {
  return `
  RACDCERT ID(${user}) GENCERT SUBJECTSDN(CN('${user.toLowerCase()}.example.com')) -
    ALTNAME(DOMAIN('${user.toLowerCase()}.example.com')) -
    WITHLABEL('${label.replace(/'/g, "''")}') KEYUSAGE(HANDSHAKE) ${extra} -
    SIGNWITH(CERTAUTH LABEL('Example Root CA')) -
    ${dates}
`;
}

export function run(
  model: RacfModel,
  req: Partial<SimRequest> & Pick<SimRequest, "user" | "ring">,
): SimResult {
  return simulate(model, { at: NOW, ...req });
}

export function stepIds(r: SimResult): string[] {
  return r.steps.map((s) => s.id);
}

export function failedStep(r: SimResult): string | undefined {
  return r.steps.find((s) => s.ok === false)?.id;
}

/** A partner certificate as the --peer-cert reader would produce it. */
export function peerCert(over: Partial<Certificate> = {}): Certificate {
  return {
    owner: "PEER",
    label: "partner",
    status: "TRUST",
    notBefore: "2025-06-01T00:00:00Z",
    notAfter: "2027-06-01T00:00:00Z",
    datesAssumed: false,
    subject: "CN=partner.example.net,O=Partner",
    issuer: "CN=Example Root CA,O=Example",
    altNames: [{ type: "DNS", value: "partner.example.net" }],
    keyType: "RSA",
    keySize: 2048,
    privateKey: false,
    keyStore: null,
    icsfLabel: null,
    keyUsage: ["HANDSHAKE"],
    signatureAlgorithm: "sha256RSA",
    serial: "01",
    fingerprint: null,
    signer: null,
    selfSigned: false,
    fromRequest: false,
    der: null,
    sources: [{ file: "partner.pem", line: 1, kind: "cert" }],
    ...over,
  };
}
