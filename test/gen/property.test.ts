/**
 * Property: any valid plan produces JCL that lints clean and reads back into a model in which
 * every application predicts System SSL RC 0.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintFiles, lintJcl } from "../../src/lint/lint.js";
import { generateText } from "./helpers/gen.js";

const userId = fc.stringMatching(/^[A-Z#$@][A-Z0-9#$@]{0,7}$/);
// labels and DN values: printable ASCII with blanks, apostrophes and commas, no leading/trailing blank
const text = (max: number) =>
  fc
    .stringMatching(new RegExp(`^[A-Za-z0-9][A-Za-z0-9 ',.()/*%=-]{0,${max - 2}}[A-Za-z0-9)]$`))
    .filter((s) => !/ {2}/.test(s));
const ringName = fc.stringMatching(/^[A-Za-z0-9#$@._+-]{1,120}$/);
const key = fc.oneof(
  fc.record({ type: fc.constant("RSA"), size: fc.constantFrom(2048, 3072, 4096) }),
  fc.record({ type: fc.constant("NISTECC"), size: fc.constantFrom(256, 384, 521) }),
  fc.record({ type: fc.constant("BPECC"), size: fc.constantFrom(256, 320, 384, 512) }),
);

const planArb = fc
  .record({
    strategy: fc.constantFrom("rdatalib", "facility"),
    split: fc.constantFrom("single", "per-phase"),
    caKind: fc.constantFrom("racf", "openssl", "openssl-intermediate"),
    method: fc.constantFrom("genreq", "pkcs12"),
    caLabel: text(32),
    interLabel: text(32),
    certLabel: text(32),
    caCN: text(64),
    certCN: text(64),
    org: text(40),
    owner: userId,
    ringOwnerIsCertOwner: fc.boolean(),
    ringOwner: userId,
    appUser: userId,
    ring: ringName,
    caKey: key,
    certKey: key,
    useLabel: fc.boolean(),
    dns: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}\.example\.com$/), { nil: undefined }),
  })
  .filter((p) => p.caLabel !== p.interLabel)
  .map((p) => {
    const ringOwner = p.ringOwnerIsCertOwner ? p.owner : p.ringOwner;
    // Under FACILITY checking only the certificate's own user gets its key (field case 4).
    const appUser = p.strategy === "facility" ? p.owner : p.appUser;
    const external = p.caKind !== "racf";
    return {
      racfringPlan: 1,
      name: "prop",
      job: { name: "PROP", split: p.split },
      ...(external ? { datasets: { hlq: "RACFADM.PROP" } } : {}),
      authorities: [
        {
          id: "CA1",
          create: external ? "openssl" : "racf",
          label: p.caLabel,
          subject: { CN: p.caCN, O: p.org, C: "US" },
          key: p.caKey,
          validity: { notBefore: "2026-01-01", notAfter: "2036-12-31" },
          ...(p.caKind === "openssl-intermediate"
            ? {
                intermediate: {
                  label: p.interLabel,
                  subject: { CN: `${p.caCN.slice(0, 50)} Issuing`, O: p.org, C: "US" },
                  key: p.caKey,
                  validity: { notBefore: "2026-01-01", notAfter: "2031-12-31" },
                },
              }
            : {}),
        },
      ],
      certificates: [
        {
          id: "EE1",
          owner: p.owner,
          label: p.certLabel,
          subject: { CN: p.certCN, OU: "Test", O: p.org, C: "US" },
          ...(p.dns ? { altNames: { dns: [p.dns] } } : {}),
          key: p.certKey,
          validity: { notBefore: "2026-01-01", notAfter: "2027-12-31" },
          signer: { authority: "CA1", ...(external ? { method: p.method } : {}) },
        },
      ],
      rings: [
        {
          owner: ringOwner,
          name: p.ring,
          connect: [{ certificate: "EE1", default: true }, { authority: "CA1" }],
        },
      ],
      applications: [
        {
          name: "app",
          user: appUser,
          ring: `${ringOwner}/${p.ring}`,
          ...(p.useLabel ? { certificate: "EE1" } : {}),
        },
      ],
      permissions: { strategy: p.strategy },
    };
  });

describe("random valid plans", () => {
  it("lint clean and simulate to RC 0", async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const r = await generateText(JSON.stringify(plan, null, 2), "plan.json");
        expect(r.planIssues).toEqual([]);
        expect(r.errors).toEqual([]);
        // every plan has one application: a run with no simulation would pass vacuously
        expect(r.simulations).toHaveLength(plan.applications.length);
        for (const s of r.simulations) expect(s.result.rc).toBe(0);
        const setup = r.jobs
          .filter((j) => j.kind === "setup")
          .map((j) => ({ file: j.file, text: r.files.find((f) => f.path === j.file)?.contents ?? "" }));
        // "clean": no errors or warnings; info notes (e.g. check a shared profile exists) may remain
        for (const res of lintFiles(setup))
          expect(res.issues.filter((i) => i.severity !== "info")).toEqual([]);
        for (const j of r.jobs.filter((x) => x.kind !== "setup")) {
          expect(
            lintJcl(r.files.find((f) => f.path === j.file)?.contents ?? "", j.file).issues.filter(
              (i) => i.severity !== "info",
            ),
          ).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
