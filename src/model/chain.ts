/**
 * Certificate chains the way RACDCERT LISTCHAIN builds them: the issuer is looked for first
 * among the certificates of the same owner, then among CERTAUTH certificates; a chain is
 * complete when it reaches a self-signed root (racf-rules §6, IBM KC21 icha400/le-listch.htm).
 * DNs are compared with dnEquals (src/model/dn.ts).
 */
import { dnCompareKey, dnEquals } from "./dn.js";
import type { RacfModel } from "./model.js";
import type { Certificate, Ring } from "./types.js";
import { validAt } from "./validity.js";

/** Self-signed: flagged so by a reader, or issuer DN equal to subject DN. */
export function isSelfSigned(cert: Certificate): boolean | null {
  if (cert.selfSigned !== null) return cert.selfSigned;
  if (cert.subject === null || cert.issuer === null) return null;
  return dnEquals(cert.subject, cert.issuer);
}

function preferUsable(cands: Certificate[], at: Date): Certificate | undefined {
  const valid = (c: Certificate) => c.status !== "NOTRUST" && validAt(c, at);
  return cands.find(valid) ?? cands[0];
}

/** The issuer certificate in the RACF inputs, LISTCHAIN order; undefined if none is known. */
export function findIssuer(model: RacfModel, cert: Certificate, at: Date): Certificate | undefined {
  if (cert.issuer === null) return undefined;
  // GENCERT SIGNWITH names the signer exactly; trust it over a DN search.
  if (cert.signer) {
    const s = model.certificate(cert.signer.owner, cert.signer.label);
    if (s && s !== cert) return s;
  }
  const issuer = cert.issuer;
  const bySubject = subjectIndex(model).get(dnCompareKey(issuer)) ?? [];
  const same = bySubject.filter((c) => c !== cert && c.owner === cert.owner && dnEquals(c.subject, issuer));
  const fromOwner = preferUsable(same, at);
  if (fromOwner) return fromOwner;
  const ca = bySubject.filter((c) => c !== cert && c.owner === "CERTAUTH" && dnEquals(c.subject, issuer));
  return preferUsable(ca, at);
}

const subjectIndexes = new WeakMap<object, { count: number; map: Map<string, Certificate[]> }>();

/**
 * Certificates by subject DN, in model order, for issuer look-ups: a chain is built for every
 * connection, and a scan of all certificates per step is quadratic. Rebuilt when the
 * certificates array is another one or has another length (audits do not change the model).
 */
function subjectIndex(model: RacfModel): Map<string, Certificate[]> {
  const certs = model.state.certificates;
  const cached = subjectIndexes.get(certs);
  if (cached && cached.count === certs.length) return cached.map;
  const map = new Map<string, Certificate[]>();
  for (const c of certs) {
    if (c.subject === null) continue;
    const key = dnCompareKey(c.subject);
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  }
  subjectIndexes.set(certs, { count: certs.length, map });
  return map;
}

export interface Chain {
  /** The certificate, then its issuers; the last one is the root when `complete`. */
  certs: Certificate[];
  complete: boolean;
  /** When incomplete: the DN of the first issuer not found in the inputs. */
  missingIssuer: string | null;
  /** True when DNs were missing and the chain could not be followed. */
  unknown: boolean;
}

export function buildChain(model: RacfModel, cert: Certificate, at: Date): Chain {
  const certs: Certificate[] = [cert];
  let cur = cert;
  for (let depth = 0; depth < 10; depth++) {
    const self = isSelfSigned(cur);
    if (self === true) return { certs, complete: true, missingIssuer: null, unknown: false };
    if (self === null) return { certs, complete: false, missingIssuer: null, unknown: true };
    const issuer = findIssuer(model, cur, at);
    if (!issuer || certs.includes(issuer))
      return { certs, complete: false, missingIssuer: cur.issuer, unknown: false };
    certs.push(issuer);
    cur = issuer;
  }
  return { certs, complete: false, missingIssuer: cur.issuer, unknown: false };
}

/**
 * A certificate on the ring (not NOTRUST) whose subject is `dn`: what the ring itself offers to
 * complete a chain.
 */
export function ringCertWithSubject(
  model: RacfModel,
  ring: Ring,
  dn: string | null,
): Certificate | undefined {
  for (const conn of ring.connections) {
    const c = model.certificate(conn.owner, conn.label);
    if (c && c.status !== "NOTRUST" && dnEquals(c.subject, dn)) return c;
  }
  return undefined;
}
