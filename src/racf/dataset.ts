/**
 * What RACDCERT ADD and GENCERT('request-dsn') take from a data set the user mapped to a file
 * (`--dataset NAME=FILE`). Synchronous on purpose: the command reader applies commands in order
 * and must not interleave. Parsing is src/pki's; this module only keeps what RACF itself would
 * take from the data set.
 */
import {
  parseCertificateDataSync,
  parseCertificateRequest,
  type RequestFacts,
  type X509Facts,
} from "../pki/index.js";

export type CertFacts = Omit<X509Facts, "commonName" | "line"> & {
  /** The file also held a private key (PEM `PRIVATE KEY` block), as a PKCS#12 would. */
  privateKeyInFile: boolean;
};

export type { RequestFacts };

/**
 * The certificate in a data set (PEM or DER; the first one when several are present, since
 * RACDCERT ADD expects a single certificate, IBM le-add.htm); null when there is none.
 */
export function readCertificateFile(data: Uint8Array): CertFacts | null {
  const parsed = parseCertificateDataSync(data);
  const first = parsed.certificates[0];
  if (!first) return null;
  const { commonName: _cn, line: _line, ...facts } = first;
  return { ...facts, privateKeyInFile: parsed.problems.some((p) => p.code === "cert-private-key-ignored") };
}

/** Read a PKCS#10 request (PEM or DER); null if the data is not one. */
export function readRequestFile(data: Uint8Array): RequestFacts | null {
  return parseCertificateRequest(data);
}
