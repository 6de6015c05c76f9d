/**
 * The explicit rule registry (typescript-eslint style: no directory scanning). A rule exists
 * for the audit only once it is imported and listed here; test/audit/registry.test.ts checks
 * that every file in this folder is registered, documented and tested.
 */
import type { Rule } from "../types.js";
import { rule as appPredictedFailure } from "./app-predicted-failure.js";
import { rule as caChainIncomplete } from "./ca-chain-incomplete.js";
import { rule as caConnectedAsPersonal } from "./ca-connected-as-personal.js";
import { rule as certExpired } from "./cert-expired.js";
import { rule as certExpiringSoon } from "./cert-expiring-soon.js";
import { rule as certNotYetValid } from "./cert-not-yet-valid.js";
import { rule as certNotrustOnRing } from "./cert-notrust-on-ring.js";
import { rule as certOwnerMismatch } from "./cert-owner-mismatch.js";
import { rule as defaultCertMissing } from "./default-cert-missing.js";
import { rule as eccSignedByRsa } from "./ecc-signed-by-rsa.js";
import { rule as emptyRing } from "./empty-ring.js";
import { rule as exportPasswordInJcl } from "./export-password-in-jcl.js";
import { rule as facilityBroadAccess } from "./facility-broad-access.js";
import { rule as intermediateExpiresFirst } from "./intermediate-expires-first.js";
import { rule as keyusageNoHandshake } from "./keyusage-no-handshake.js";
import { rule as labelNotOnRing } from "./label-not-on-ring.js";
import { rule as noPrivateKey } from "./no-private-key.js";
import { rule as policyLabelMissing } from "./policy-label-missing.js";
import { rule as policyRingMissing } from "./policy-ring-missing.js";
import { rule as rdatalibOvergrant } from "./rdatalib-overgrant.js";
import { rule as rdatalibProfileUnmatchable } from "./rdatalib-profile-unmatchable.js";
import { rule as ringAccessDenied } from "./ring-access-denied.js";
import { rule as ringOwnerLockedOut } from "./ring-owner-locked-out.js";
import { rule as ringWithoutKnownApplication } from "./ring-without-known-application.js";
import { rule as serverCertNoSan } from "./server-cert-no-san.js";
import { rule as sha1Signature } from "./sha1-signature.js";
import { rule as siteOrCertauthKeyNeedsControl } from "./site-or-certauth-key-needs-control.js";
import { rule as weakKey } from "./weak-key.js";

export const RULES: readonly Rule[] = [
  appPredictedFailure,
  caChainIncomplete,
  caConnectedAsPersonal,
  certExpired,
  certExpiringSoon,
  certNotYetValid,
  certNotrustOnRing,
  certOwnerMismatch,
  defaultCertMissing,
  eccSignedByRsa,
  emptyRing,
  exportPasswordInJcl,
  facilityBroadAccess,
  intermediateExpiresFirst,
  keyusageNoHandshake,
  labelNotOnRing,
  noPrivateKey,
  policyLabelMissing,
  policyRingMissing,
  rdatalibOvergrant,
  rdatalibProfileUnmatchable,
  ringAccessDenied,
  ringOwnerLockedOut,
  ringWithoutKnownApplication,
  serverCertNoSan,
  sha1Signature,
  siteOrCertauthKeyNeedsControl,
  weakKey,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
