/**
 * Check: client-checks — what clients outside z/OS reject (browsers, Java); warnings only,
 * they never change the return code.
 */

import type { Simulation } from "./context.js";
import { R } from "./rules.js";
import { evidence } from "./util.js";

export function clientChecks(s: Simulation): void {
  const c = s.selected?.cert;
  if (s.role !== "server" || !c) return;
  const w: string[] = [];
  if (
    c.altNames.filter((a) => a.type === "DNS" || a.type === "IP").length === 0 &&
    (c.subject !== null || c.altNames.length > 0)
  ) {
    w.push(
      `'${c.label}' has no DNS/IP subjectAltName: browsers (Chrome) ignore the CN and will reject the host name.`,
    );
  }
  if (c.keyType === "RSA" && c.keySize !== null && c.keySize < 2048)
    w.push(`'${c.label}' has a ${c.keySize}-bit RSA key: current clients reject RSA below 2048 bits.`);
  // 521 bits is NIST P-521 only: Brainpool curves stop at 512 (RACDCERT BPECC sizes).
  if (c.keyType === "NISTECC" && c.keySize === 521) {
    w.push(
      `'${c.label}' uses curve P-521: Chrome and Firefox do not support it for ECDSA (field case 9) — use NISTECC SIZE(256) or SIZE(384).`,
    );
  }
  if (c.keyType === "BPECC") w.push(`'${c.label}' uses a Brainpool curve: browsers do not support it.`);
  if (c.signatureAlgorithm && /sha1|md5/i.test(c.signatureAlgorithm))
    w.push(
      `'${c.label}' is signed ${c.signatureAlgorithm}: SHA-1/MD5 signatures are rejected by current clients.`,
    );
  if ((c.keyType === "NISTECC" || c.keyType === "BPECC") && c.signer) {
    const signer = s.model.certificate(c.signer.owner, c.signer.label);
    if (signer?.keyType === "RSA")
      w.push(
        `'${c.label}' is an ECC certificate signed by an RSA CA ('${signer.label}'): some Java clients fail (field case 10).`,
      );
  }
  s.warnings.push(...w);
  s.step({ id: "client-checks", ok: null, confidence: "third-party" }, () => ({
    title: "What clients outside z/OS will check",
    detail:
      w.length > 0
        ? `${w.join(" ")} (These do not change System SSL's return code.)`
        : "No browser-side problems found in the certificate's known facts.",
    evidence: evidence(c.sources),
    source: R.browser,
  }));
}
