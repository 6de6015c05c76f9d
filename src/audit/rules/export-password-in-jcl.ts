/**
 * A RACDCERT command in a batch job carries a PKCS#12 password literal (EXPORT ... PASSWORD('…'),
 * or ADD of a PKCS#12 package with its password).
 *
 * The password protects the exported private key; in JCL it ends up in the job's SYSTSIN, the
 * spool, the JES output and every copy of the member (rules §6: "A PASSWORD('…')
 * literal in a job is a finding"). The literal itself is never printed.
 */
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "export-password-in-jcl",
    severity: "warning",
    description: "A RACDCERT EXPORT (or ADD) in a batch job has a PASSWORD('...') literal.",
    rationale:
      "The PKCS#12 password protects a private key. Written into JCL it is stored in the member, the spool and the job output, readable by everyone who can browse them.",
    source: "rules §6 (EXPORT / ADD PASSWORD)",
    confidence: "ibm",
    requires: ["jcl-text"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    for (const s of ctx.jclSecrets ?? []) {
      findings.push({
        subject: { kind: "jcl", id: `${s.file}:${s.line}` },
        ring: null,
        message:
          `RACDCERT ${s.func}${s.target ? ` of '${s.target}'` : ""}${s.dsn ? ` (${s.dsn})` : ""} has its PKCS#12 password written in the job; ` +
          "the password (not shown here) is in the member, the spool and the job output.",
        evidence: [{ file: s.file, line: s.line, kind: "jcl" }],
        fix: {
          summary:
            s.func === "EXPORT"
              ? "Change the password of anything already exported with it; run such exports from a protected member, purge the job output, or export without the key (FORMAT(CERTDER)) when the key is not needed."
              : "Delete the job output and the member copy that hold the password, and keep PKCS#12 passwords out of stored JCL.",
          commands: [],
        },
      });
    }
    return { findings, notEvaluated: [] };
  },
};
