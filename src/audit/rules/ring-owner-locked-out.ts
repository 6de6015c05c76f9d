/**
 * An RDATALIB profile covering a ring denies the ring's own owner.
 *
 * A matching RDATALIB profile replaces the FACILITY check for everyone, the owner included: an
 * owner without READ on `<owner>.<ring>.LST` cannot open his own ring (rules §1, [3rd]
 * Zowe ZWEIKRR1; ring-specific mode itself: IBM KC24 ichd100/dlibauth.htm) — 202.
 */
import { accessAtLeast } from "../../model/model.js";
import { profileName, userId } from "../../racf/write.js";
import { rdatalibProfileFor, rdatalibResource } from "../access.js";
import { refresh, ringId, ringSubject, sourcesOf } from "../subjects.js";
import type { FindingDraft, Rule } from "../types.js";

export const rule: Rule = {
  meta: {
    id: "ring-owner-locked-out",
    severity: "error",
    description: "An RDATALIB profile that covers a ring gives the ring's owner less than READ.",
    rationale:
      "Once RDATALIB decides for a ring, FACILITY IRR.DIGTCERT.LISTRING no longer counts, for the owner too. Without READ on the .LST profile the owner's own server cannot open its ring: 202.",
    source: "rules §1 (IBM KC24 ichd100/dlibauth.htm; owner included: third-party, Zowe ZWEIKRR1)",
    confidence: "third-party",
    requires: ["rings", "rdatalib-profiles"],
  },
  check(ctx) {
    const findings: FindingDraft[] = [];
    const cls = ctx.model.classState("RDATALIB");
    // An RDATALIB class known to be inactive (or not RACLISTed) makes the profiles inert.
    if (!cls.assumed && !(cls.active && cls.raclisted)) return { findings, notEvaluated: [] };
    for (const ring of ctx.model.state.rings) {
      const profile = rdatalibProfileFor(ctx.model, ring);
      if (!profile) continue;
      const acc = ctx.model.accessTo(profile, ring.owner);
      if (accessAtLeast(acc.level, "READ")) continue;
      const when = cls.assumed
        ? " The inputs do not say whether RDATALIB is active and RACLISTed; a defined profile is taken as in use (as the simulator does), and if the class is not active yet, this takes effect as soon as it is."
        : "";
      findings.push({
        subject: ringSubject(ring),
        ring: ringId(ring),
        message:
          `RDATALIB ${profile.name} covers ${ringId(ring)} (resource ${rdatalibResource(ring)}) and gives its owner ${ring.owner} ${acc.level}` +
          ` (via ${acc.via === "uacc" ? "UACC" : acc.via === "all" ? "ID(*)" : acc.via === "group" ? `group ${acc.entryId}` : "its own entry"}); ` +
          `the owner cannot open its own ring: 202.${when}`,
        evidence: sourcesOf(profile.sources, ring.sources),
        fix: {
          summary: `Permit the ring owner ${ring.owner} READ on ${profile.name}.`,
          commands: [
            `PERMIT ${profileName(profile.name)} CLASS(RDATALIB) ID(${userId(ring.owner)}) ACCESS(READ)`,
            refresh("RDATALIB"),
          ],
        },
      });
    }
    return { findings, notEvaluated: [] };
  },
};
