import { rule } from "../../../src/audit/rules/export-password-in-jcl.js";
import { healthySite } from "../builders.js";
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
