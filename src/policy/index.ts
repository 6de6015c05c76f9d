/**
 * AT-TLS policy support: read a Policy Agent configuration file (`readPolicy`), choose the rule
 * that applies (`ruleByName`, `ruleForJobname`) and derive what System SSL gets from it
 * (`ruleSettings`).
 */
export {
  type AtTlsPolicy,
  canonicalType,
  findStatement,
  namedStatements,
  type PolicyParam,
  type PolicyStatement,
  readPolicy,
} from "./reader.js";
export {
  jobnameMatches,
  type Located,
  type PolicyObjectRef,
  type RuleChoice,
  type RuleSettings,
  ruleByName,
  ruleForJobname,
  ruleSettings,
} from "./settings.js";
