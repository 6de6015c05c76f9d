/**
 * The handshake simulator and the return-code catalogue.
 *
 * - `simulate(model, request)` predicts System SSL's return code for an application that opens a
 *   SAF key ring (src/sim/simulate.ts; order and rules: rules §1–§7, field cases 1–7).
 * - `CATALOGUE` / `lookupCode` / `codeInfo`: System SSL and AT-TLS return codes with texts,
 *   meanings, causes, checks, sources and confidence (src/sim/catalogue.ts).
 * - `startedUser(model, "PROC[.JOB]")`: the user a started task runs as (STARTED STDATA).
 * - `formatResult` / `formatCode`: the text renderings the CLI prints.
 */
export {
  CATALOGUE,
  type CodeFamily,
  codeInfo,
  lookupCode,
  missingCodeNote,
  type ReturnCodeInfo,
} from "./catalogue.js";
export {
  CIPHER_SUITES,
  type CipherSuite,
  findSuite,
  type Protocol,
  parseCipherList,
  parseProtocol,
} from "./ciphers.js";
export { formatCode, formatResult } from "./format.js";
export {
  type PolicyOrigin,
  type SimFix,
  type SimRequest,
  type SimResult,
  type SimStep,
  simulate,
} from "./simulate.js";
export { type StartedUser, startedUser } from "./started.js";
