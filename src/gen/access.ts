/**
 * The least access each application needs to open its ring and get its private key.
 *
 * rules §1–2 (R_datalib authorisation, IBM KC24 ichd100/dlibauth.htm and the R_datalib
 * usage notes):
 * - ring-specific mode (RDATALIB `<OWNER>.<RING>.LST`, ring folded to upper case): READ opens
 *   the ring and returns the caller's own private keys; UPDATE also returns another user's
 *   private key; CONTROL returns CERTAUTH/SITE private keys [3rd for CONTROL];
 * - global mode (FACILITY IRR.DIGTCERT.LISTRING): READ opens one's own ring, UPDATE another
 *   user's ring; another user's private key is never returned (field case 4); a SITE or
 *   CERTAUTH key needs CONTROL on IRR.DIGTCERT.GENCERT [3rd].
 */
import type { AccessLevel, Confidence } from "../model/types.js";
import { ACCESS_ORDER } from "../model/types.js";
import { rdatalibResource } from "../sim/ring-check.js";
import type { ResolvedApp, ResolvedPlan } from "./resolved.js";

export interface Grant {
  cls: "RDATALIB" | "FACILITY";
  profile: string;
  user: string;
  access: AccessLevel;
  /** Why this level, one line per application that needs it, with the rule's confidence. */
  reasons: string[];
  confidence: Confidence;
}

export interface ProfileDef {
  cls: "RDATALIB" | "FACILITY";
  profile: string;
  /** Ring-specific profiles belong to the plan and are deleted by the backout job; FACILITY ones are shared. */
  owned: boolean;
  /** Where the site's state shows the profile already (then it is neither defined nor deleted). */
  existsAt?: string;
}

export interface AccessPlan {
  profiles: ProfileDef[];
  grants: Grant[];
  warnings: string[];
}

/** RDATALIB profile that governs opening a ring (owner upper case, ring name folded to upper case). */
export function rdatalibProfile(owner: string, ring: string): string {
  return rdatalibResource({ owner, name: ring });
}

function max(a: AccessLevel, b: AccessLevel): AccessLevel {
  return ACCESS_ORDER.indexOf(a) >= ACCESS_ORDER.indexOf(b) ? a : b;
}

const WEAKER: Record<Confidence, number> = { ibm: 0, "third-party": 1, unconfirmed: 2 };

function needFor(
  app: ResolvedApp,
  strategy: "rdatalib" | "facility",
): { cls: Grant["cls"]; profile: string; access: AccessLevel; why: string; confidence: Confidence }[] {
  const ringName = `${app.ring.owner}/${app.ring.name}`;
  const cert = app.cert;
  const own = app.ring.owner === app.user;
  if (strategy === "rdatalib") {
    const profile = rdatalibProfile(app.ring.owner, app.ring.name);
    if (!cert) {
      return [
        {
          cls: "RDATALIB",
          profile,
          access: "READ",
          why: `${app.user} opens ${ringName} (no private key needed) [IBM]`,
          confidence: "ibm",
        },
      ];
    }
    if (cert.ownerUser === app.user) {
      return [
        {
          cls: "RDATALIB",
          profile,
          access: "READ",
          why: `${app.user} opens ${ringName} and uses its own key "${cert.label}" [IBM]`,
          confidence: "ibm",
        },
      ];
    }
    if (cert.ownerUser !== null) {
      return [
        {
          cls: "RDATALIB",
          profile,
          access: "UPDATE",
          why: `${app.user} uses ${cert.ownerUser}'s private key "${cert.label}" on ${ringName} [IBM]`,
          confidence: "ibm",
        },
      ];
    }
    return [
      {
        cls: "RDATALIB",
        profile,
        access: "CONTROL",
        why: `${app.user} uses the SITE private key "${cert.label}" on ${ringName} [3rd: Zowe ZWEIKRR1]`,
        confidence: "third-party",
      },
    ];
  }
  const out: ReturnType<typeof needFor> = [
    {
      cls: "FACILITY",
      profile: "IRR.DIGTCERT.LISTRING",
      access: own ? "READ" : "UPDATE",
      why: own
        ? `${app.user} opens its own ring ${ringName} [IBM]`
        : `${app.user} opens ${app.ring.owner}'s ring ${ringName} [IBM]`,
      confidence: "ibm",
    },
  ];
  if (cert && cert.ownerUser === null) {
    out.push({
      cls: "FACILITY",
      profile: "IRR.DIGTCERT.GENCERT",
      access: "CONTROL",
      why: `${app.user} uses the SITE private key "${cert.label}" [3rd: Zowe certificate.sh]; CONTROL here also allows RACDCERT GENCERT`,
      confidence: "third-party",
    });
  }
  return out;
}

/** Compute profiles and the least access per (profile, user) for every application of the plan. */
export function computeAccess(
  plan: ResolvedPlan,
  existingProfiles: ReadonlyMap<string, string> = new Map(),
): AccessPlan {
  const grants: Grant[] = [];
  const profiles: ProfileDef[] = [];
  const warnings: string[] = [];
  for (const app of plan.apps) {
    for (const n of needFor(app, plan.strategy)) {
      if (!profiles.some((p) => p.cls === n.cls && p.profile === n.profile)) {
        const existsAt = existingProfiles.get(`${n.cls} ${n.profile}`);
        profiles.push({
          cls: n.cls,
          profile: n.profile,
          // A ring profile the site has already is the site's: the plan only adds PERMITs to it.
          owned: n.cls === "RDATALIB" && existsAt === undefined,
          ...(existsAt !== undefined ? { existsAt } : {}),
        });
      }
      const g = grants.find((x) => x.cls === n.cls && x.profile === n.profile && x.user === app.user);
      if (g) {
        g.access = max(g.access, n.access);
        if (!g.reasons.includes(n.why)) g.reasons.push(n.why);
        if (WEAKER[n.confidence] > WEAKER[g.confidence]) g.confidence = n.confidence;
      } else {
        grants.push({
          cls: n.cls,
          profile: n.profile,
          user: app.user,
          access: n.access,
          reasons: [n.why],
          confidence: n.confidence,
        });
      }
      if (n.profile === "IRR.DIGTCERT.LISTRING" && n.access === "UPDATE") {
        // Global mode has no per-ring granularity (rules §1): UPDATE opens every user's ring.
        warnings.push(
          `${app.user} gets UPDATE on FACILITY IRR.DIGTCERT.LISTRING, which opens every user's key ring, not only ${app.ring.owner}'s; the RDATALIB strategy limits it to that ring`,
        );
      }
      if (n.profile === "IRR.DIGTCERT.GENCERT") {
        warnings.push(
          `${app.user} gets CONTROL on FACILITY IRR.DIGTCERT.GENCERT, which also lets it generate certificates; RDATALIB avoids this`,
        );
      }
    }
  }
  return { profiles, grants, warnings };
}
