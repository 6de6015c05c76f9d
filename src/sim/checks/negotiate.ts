/**
 * Check: negotiate — protocols, cipher suites, key type and signature algorithms → 402, 434, 467.
 */
import { formatSource } from "../../model/model.js";
import type { Confidence, Source } from "../../model/types.js";
import {
  type CipherSuite,
  findSuite,
  type Protocol,
  parseCipherList,
  parseProtocol,
  suiteFitsKey,
  suiteUsableWith,
} from "../ciphers.js";
import { APPLICATION_RESTART_NOTE, POLICY_REFRESH_NOTE } from "../commands.js";
import type { SimFix } from "../types.js";
import type { Failure, Simulation } from "./context.js";
import { R } from "./rules.js";
import { clipText, evidence } from "./util.js";

export function negotiate(s: Simulation): Failure | null {
  const req = s.req;
  const policy = req.policy ?? null;
  // The policy lines quoted as the step's evidence (trace only).
  const ev = (): Source[] =>
    evidence(
      policy?.protocols ? [policy.protocols] : [],
      policy?.protocolLines,
      policy?.ciphers ? [policy.ciphers] : [],
    );
  if (policy && policy.defaultedProtocols.length > 0) {
    s.assume(
      `AT-TLS protocol defaults assumed for ${policy.defaultedProtocols.join(", ")} (z/OS V2R1: TLSv1 and TLSv1.1 On, TLSv1.2 Off, TLSv1.3 Off unless the policy says otherwise; check your release)`,
    );
  }
  if (
    (req.protocols ?? null) === null &&
    (req.ciphers ?? null) === null &&
    (req.peerSignatureAlgorithms ?? null) === null
  ) {
    s.step(
      {
        id: "negotiate",
        ok: null,
        missing: ["protocol and cipher settings (--tls, --ciphers or --policy)"],
        confidence: "ibm",
      },
      () => ({
        title: "Protocol and cipher agreement",
        detail:
          "No protocol or cipher settings given (--tls / --ciphers / a policy): System SSL defaults apply; not evaluated.",
        evidence: [],
        source: R.negotiate,
      }),
    );
    return null;
  }
  const protocols: Protocol[] | null = req.protocols
    ? req.protocols.map(parseProtocol).filter((p): p is Protocol => p !== undefined)
    : null;
  const parsed = req.ciphers ? parseCipherList(req.ciphers) : null;
  const lines: string[] = [];
  if (protocols) lines.push(`Protocols enabled: ${protocols.length > 0 ? protocols.join(", ") : "none"}.`);
  if (parsed) {
    lines.push(
      `Cipher suites: ${parsed.suites.map((s) => `${s.code} ${s.name}`).join(", ") || "none"}${parsed.unknown.length > 0 ? `; not recognised (ignored): ${clipText(parsed.unknown.join(", "))}` : ""}.`,
    );
  } else lines.push("Cipher suites: System SSL defaults (assumed to cover every protocol enabled).");
  const fail = (rc: number, why: string, confidence: Confidence, fix: SimFix): Failure => {
    s.step({ id: "negotiate", ok: false, confidence }, () => ({
      title: "Protocol and cipher agreement",
      detail: `${lines.join(" ")} ${why}`,
      evidence: ev(),
      source: R.negotiate,
    }));
    return { rc, confidence, fix, alternatives: [], partner: null };
  };
  const policyWhere = (s: Source | null | undefined): string => (s ? ` (${formatSource(s)})` : "");
  const notes = policy ? [POLICY_REFRESH_NOTE] : [APPLICATION_RESTART_NOTE];
  if (protocols && protocols.length === 0) {
    return fail(402, "No protocol version is enabled.", "unconfirmed", {
      summary: `Enable TLSv1.2 (TTLSEnvironmentAdvancedParms: TLSv1.2 On${policyWhere(policy?.protocols)}).`,
      commands: [],
      notes,
    });
  }
  if (parsed && parsed.suites.length === 0) {
    return fail(402, "No usable cipher suite is configured.", "ibm", {
      summary: `Configure valid cipher suites, e.g. V3CipherSuites4Char C02FC030009C009D13011302${policyWhere(policy?.ciphers)}.`,
      commands: [],
      notes,
    });
  }
  if (parsed && protocols?.includes("TLSv1.3") && !parsed.suites.some((s) => s.tls13)) {
    // Field case 8: "no SSL V3 cipher specs are enabled for TLS V1.3" → handshake failure.
    return fail(
      402,
      "TLSv1.3 is enabled but none of the TLS 1.3 suites (1301 TLS_AES_128_GCM_SHA256, 1302 TLS_AES_256_GCM_SHA384, 1303 TLS_CHACHA20_POLY1305_SHA256) is in the list: System SSL reports no cipher specs for TLS V1.3 (field case 8).",
      "third-party",
      {
        summary: `Add TLS 1.3 suites to the cipher list (V3CipherSuites TLS_AES_128_GCM_SHA256 and TLS_AES_256_GCM_SHA384)${policyWhere(policy?.ciphers)}, or set TLSv1.3 Off${policyWhere(policy?.protocols)}.`,
        commands: [],
        notes,
      },
    );
  }
  let usable: CipherSuite[] | null = null;
  if (parsed) {
    usable = parsed.suites.filter((s) => (protocols ? protocols.some((p) => suiteUsableWith(s, p)) : true));
    if (usable.length === 0) {
      return fail(
        402,
        `None of the suites can be used with ${protocols?.join(", ")} (GCM and SHA-256/384 suites need TLSv1.2; 13xx suites need TLSv1.3).`,
        "ibm",
        {
          summary: `Enable TLSv1.2${policyWhere(policy?.protocols)} (AT-TLS V2R1 leaves it Off by default), or add suites for the enabled protocols.`,
          commands: [],
          notes,
        },
      );
    }
  }
  const cert = s.selected?.cert;
  if (s.role === "server" && usable && cert?.keyType) {
    const fits = usable.filter((s) => suiteFitsKey(s, cert.keyType));
    lines.push(
      `Server key ${cert.keyType}${cert.keySize ? ` ${cert.keySize}` : ""}: ${fits.length} of ${usable.length} usable suites fit it.`,
    );
    if (fits.length === 0) {
      const want =
        cert.keyType === "RSA"
          ? ["C02F", "C030", "009C"]
          : cert.keyType === "DSA"
            ? ["00A2", "0032"]
            : ["C02B", "C02C", "C009"];
      return fail(
        434,
        `The server certificate's ${cert.keyType} key cannot be used with any of them (${cert.keyType === "RSA" ? "only ECDSA/DSS suites" : "only RSA suites"}).`,
        "third-party",
        {
          summary: `Add suites for ${cert.keyType === "RSA" ? "an" : "a"} ${cert.keyType} key (${want.map((c) => `${c} ${findSuite(c)?.name ?? ""}`).join(", ")})${policyWhere(policy?.ciphers)}, or use a certificate whose key type fits the suites.`,
          commands: [],
          notes,
        },
      );
    }
  }
  const sigalgs = req.peerSignatureAlgorithms ?? null;
  if (sigalgs && cert?.signatureAlgorithm && (s.role === "server" || s.clientAuth !== "none")) {
    const okSig = sigalgs.some((a) => a.toLowerCase() === cert.signatureAlgorithm?.toLowerCase());
    lines.push(
      `Partner accepts signature algorithms ${sigalgs.join(", ")}; '${cert.label}' is signed ${cert.signatureAlgorithm}.`,
    );
    if (!okSig) {
      return fail(467, "The local certificate's signature algorithm is not in the partner's list.", "ibm", {
        summary: `Re-issue '${cert.label}' signed with an algorithm the partner accepts (e.g. sha256RSA / sha256ECDSA).`,
        commands: [],
        notes,
      });
    }
  }
  s.step({ id: "negotiate", ok: true, confidence: "ibm" }, () => ({
    title: "Protocol and cipher agreement",
    detail: `${lines.join(" ")} A common protocol and suite exist on this side.`,
    evidence: ev(),
    source: R.negotiate,
  }));
  return null;
}
