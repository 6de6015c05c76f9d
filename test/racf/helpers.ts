import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { RacfModel } from "../../src/model/model.js";
import type { InputIssue } from "../../src/model/types.js";
import { readRacfCommands } from "../../src/racf/reader.js";
import type { DatasetFile } from "../../src/readers/context.js";

export const RAN_AT = new Date("2025-03-01T12:00:00Z");

export interface ReadOptions {
  file?: string;
  ranAt?: Date;
  ranAtGiven?: boolean;
  datasets?: Record<string, { file: string; data: Uint8Array | string }>;
  model?: RacfModel;
  /**
   * Keep the "variable-length-deck" info. Most tests write one-line commands longer than 80
   * characters, which makes the deck a variable-length file (src/racf/jcl.ts splitDeck); that
   * info is tested on its own and left out elsewhere.
   */
  keepDeckInfo?: boolean;
}

/** Read a deck (or job) into a fresh model, the way `--jcl` does. */
export function read(text: string, opts: ReadOptions = {}): RacfModel {
  const model = opts.model ?? new RacfModel();
  const datasets = new Map<string, DatasetFile>();
  for (const [name, d] of Object.entries(opts.datasets ?? {})) {
    datasets.set(name, {
      file: d.file,
      data: typeof d.data === "string" ? new TextEncoder().encode(d.data) : d.data,
    });
  }
  readRacfCommands(text, {
    model,
    file: opts.file ?? "deck.txt",
    datasets,
    ranAt: opts.ranAt ?? RAN_AT,
    ranAtGiven: opts.ranAtGiven ?? true,
  });
  if (!opts.keepDeckInfo) {
    const issues = model.state.issues;
    const kept = issues.filter((i) => i.code !== "variable-length-deck");
    issues.splice(0, issues.length, ...kept);
  }
  return model;
}

/** Issues as [line, code] pairs: what most error-path tests assert. */
export function codes(model: RacfModel): Array<[number, string]> {
  return model.state.issues.map((i: InputIssue) => [i.line, i.code]);
}

const crypto = webcrypto;
x509.cryptoProvider.set(crypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type KeyPair = webcrypto.CryptoKeyPair;

const RSA = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const EC = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };

/** A self-signed certificate in PEM (optionally ECDSA P-256). */
export async function selfSignedPem(opts: {
  name: string;
  notBefore: Date;
  notAfter: Date;
  ec?: boolean;
  keyUsage?: number;
  san?: string[];
}): Promise<{ pem: string; der: Uint8Array }> {
  const alg = opts.ec ? EC : RSA;
  const keys = (await crypto.subtle.generateKey(alg, true, ["sign", "verify"])) as KeyPair;
  const extensions: x509.Extension[] = [];
  if (opts.keyUsage !== undefined) extensions.push(new x509.KeyUsagesExtension(opts.keyUsage, true));
  if (opts.san)
    extensions.push(
      new x509.SubjectAlternativeNameExtension(opts.san.map((v) => ({ type: "dns" as const, value: v }))),
    );
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "0a1b",
    name: opts.name,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    signingAlgorithm: alg,
    keys,
    extensions,
  });
  return { pem: cert.toString("pem"), der: new Uint8Array(cert.rawData) };
}

/** A PKCS#10 request in PEM. */
export async function requestPem(name: string, san: string[] = []): Promise<string> {
  const keys = (await crypto.subtle.generateKey(EC, true, ["sign", "verify"])) as KeyPair;
  const extensions: x509.Extension[] = [];
  if (san.length > 0)
    extensions.push(
      new x509.SubjectAlternativeNameExtension(san.map((v) => ({ type: "dns" as const, value: v }))),
    );
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name,
    keys,
    signingAlgorithm: EC,
    extensions,
  });
  return csr.toString("pem");
}

/**
 * Issues as [line, code] pairs without the end-of-input refresh warning: for tests about other
 * semantics whose small decks do not bother to refresh RACLISTed classes.
 */
export function codesBesidesRefresh(model: RacfModel): Array<[number, string]> {
  return codes(model).filter(([, code]) => code !== "refresh-missing");
}
