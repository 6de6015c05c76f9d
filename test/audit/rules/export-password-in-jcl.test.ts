import { describe, expect, it } from "vitest";
import { rule } from "../../../src/audit/rules/export-password-in-jcl.js";
import { healthySite } from "../builders.js";
import { exact } from "../exact.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { name: "JCL without passwords", model: healthySite().build(), jclSecrets: [] },
    { name: "no JCL given: not evaluated", model: healthySite().build(), notEvaluated: [/no --jcl input/] },
  ],
  invalid: [
    {
      name: "EXPORT with a password literal",
      model: healthySite().build(),
      jclSecrets: [
        {
          file: "setup.jcl",
          line: 96,
          func: "EXPORT",
          target: "ID(WEBSRV):Web Server",
          dsn: "SECADM.WEBSRV.P12",
        },
      ],
      findings: [
        {
          kind: "jcl",
          id: "setup.jcl:96",
          message: /EXPORT of 'ID\(WEBSRV\):Web Server' \(SECADM\.WEBSRV\.P12\)/,
        },
      ],
    },
  ],
});

describe("export-password-in-jcl: the whole finding", () => {
  it("EXPORT: where, what, and what to do about the exported copies; the password itself never shown", () => {
    const found = exact(rule, {
      model: healthySite().build(),
      jclSecrets: [
        { file: "setup.jcl", line: 96, func: "EXPORT", target: "ID(WEBSRV):Web Server", dsn: "SECADM.P12" },
      ],
    });
    expect(found).toEqual({
      findings: [
        {
          subject: "jcl setup.jcl:96",
          ring: null,
          severity: "warning",
          confidence: "ibm",
          message:
            "RACDCERT EXPORT of 'ID(WEBSRV):Web Server' (SECADM.P12) has its PKCS#12 password written in the job; " +
            "the password (not shown here) is in the member, the spool and the job output.",
          fix: {
            summary:
              "Change the password of anything already exported with it; run such exports from a protected member, purge the job output, or export without the key (FORMAT(CERTDER)) when the key is not needed.",
            commands: [],
          },
          evidence: ["setup.jcl:96"],
        },
      ],
      notEvaluated: [],
    });
  });

  it("ADD without a known target or data set: the member and output to delete", () => {
    const found = exact(rule, {
      model: healthySite().build(),
      jclSecrets: [{ file: "add.jcl", line: 7, func: "ADD", target: null, dsn: null }],
    }).findings;
    expect(found.map((f) => [f.message, f.fix?.summary])).toEqual([
      [
        "RACDCERT ADD has its PKCS#12 password written in the job; the password (not shown here) is in the member, the spool and the job output.",
        "Delete the job output and the member copy that hold the password, and keep PKCS#12 passwords out of stored JCL.",
      ],
    ]);
  });
});
