/**
 * The audit as a library: run the rules and the simulator over a model (`runAudit`), format
 * the report (text, JSON, SARIF, Markdown), build the fix job. The CLI command
 * (src/cli/commands/audit.ts) is a thin shell over these.
 *
 * @example
 *   const report = runAudit(model, { at: new Date(), expiryDays: 30, applications: ownerApplications(model, []), policy: null, jclSecrets: null, simulate });
 *   process.stdout.write(formatText(report, { colour: false }));
 */
export {
  applicationFromSpec,
  applicationsFromPolicy,
  describeApplications,
  ownerApplications,
  parseAppSpec,
  startedUser,
} from "./applications.js";
export { type AuditOptions, runAudit, SEVERITY_ORDER, selectRules, severityAtLeast } from "./engine.js";
export { buildFixJcl, commandPhase, type FixJcl } from "./fix-jcl.js";
export { formatJson } from "./format/json.js";
export { formatMarkdown } from "./format/markdown.js";
export { formatSarif, toSarif } from "./format/sarif.js";
export { formatText } from "./format/text.js";
export { scanJclSecrets } from "./jcl-secrets.js";
export { readPolicyApplications } from "./policy.js";
export { RULES, RULES_BY_ID } from "./rules/index.js";
export type { AuditSimRequest, AuditSimResult, SimulateFn } from "./sim-port.js";
export type * from "./types.js";
