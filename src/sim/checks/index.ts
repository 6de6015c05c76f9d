/**
 * The checks of a simulation, in System SSL's order (rules §7, refined by field cases 1–7).
 * Each is a function of the walk so far: it records its step (with evidence, rule source and
 * confidence) and returns the failure it finds, or null. An unknown is recorded as a step
 * without a verdict plus a condition, and never stops the walk.
 */
import { authorizeRing } from "./authorize-ring.js";
import { clientChecks } from "./client-checks.js";
import type { Failure, Simulation } from "./context.js";
import { identity } from "./identity.js";
import { keyUsage } from "./key-usage.js";
import { loadEntries } from "./load-entries.js";
import { negotiate } from "./negotiate.js";
import { peerValidation } from "./peer-validation.js";
import { privateKeys } from "./private-keys.js";
import { resolveRing } from "./resolve-ring.js";
import { selectCertificate } from "./select-certificate.js";
import { selectedKey } from "./selected-key.js";
import { validity } from "./validity.js";

export interface Check {
  /** The step id the check records (`authorize-ring`, `validity`…). */
  id: string;
  run: (s: Simulation) => Failure | null;
}

/** Checks that never fail the handshake on their own record a step and return null. */
const noFailure =
  (f: (s: Simulation) => void) =>
  (s: Simulation): null => {
    f(s);
    return null;
  };

export const CHECKS: readonly Check[] = [
  { id: "identity", run: noFailure(identity) },
  { id: "resolve-ring", run: resolveRing },
  { id: "authorize-ring", run: authorizeRing },
  { id: "load-entries", run: noFailure(loadEntries) },
  { id: "private-keys", run: noFailure(privateKeys) },
  { id: "select-certificate", run: selectCertificate },
  { id: "selected-key", run: selectedKey },
  { id: "validity", run: validity },
  { id: "key-usage", run: keyUsage },
  { id: "negotiate", run: negotiate },
  { id: "peer-validation", run: peerValidation },
  { id: "client-checks", run: noFailure(clientChecks) },
];

export { type Branch, type Failure, Simulation, type StepText, type StepVerdict } from "./context.js";
