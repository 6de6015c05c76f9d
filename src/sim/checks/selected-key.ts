/**
 * Check: selected-key — a selected certificate whose key does not come back → 428 (field
 * cases 4 and 6), with fixes for each reason the key is withheld.
 */
import { isCaOwner, ownerUser, userOwner } from "../../model/model.js";
import { connectCommand, permitCommand, quote, refreshCommands } from "../commands.js";
import { gencertLike } from "../gencert.js";
import { rdatalibResource } from "../ring-check.js";
import type { SimFix } from "../types.js";
import type { Entry, Failure, KeyDecision, Simulation } from "./context.js";
import { keyDecision } from "./private-keys.js";
import { R } from "./rules.js";
import { at, evidence, plusYear, weakest } from "./util.js";

export function selectedKey(s: Simulation): Failure | null {
  const e = s.selected;
  if (!e) return null;
  const d = keyDecision(s, e);
  if (d.returned === null) {
    if (d.cause === "unknown-cert")
      s.assume(`certificate ${e.owner} '${e.label}' is not in the inputs: assumed to have a private key`);
    else s.assume(`private key of ${e.owner} '${e.label}' assumed present (the inputs do not say)`);
    s.condition(
      {
        kind: "fact",
        text: `RACF holds a private key for ${e.owner} '${e.label}' (not shown in the inputs)`,
        decide: [listCommand(e.owner, e.label)],
        step: "selected-key",
      },
      {
        condition: `RACF holds no private key for ${e.owner} '${e.label}'`,
        rc: 428,
        confidence: d.confidence,
      },
    );
  }
  const ok = d.returned !== false;
  s.step({
    id: "selected-key",
    ok: d.returned,
    ...(d.returned === null ? { missing: [`whether RACF holds the private key of '${e.label}'`] } : {}),
    title: "Private key of the selected certificate",
    detail: `${e.owner} '${e.label}': ${d.why}.${ok ? "" : ' System SSL sees a certificate without a private key. A listing that shows "Private Key: YES" does not contradict this: the key exists but is not returned to this caller.'}`,
    evidence: evidence(e.sources, e.cert?.sources, s.mode?.sources),
    source: isCaOwner(e.owner) ? `${R.key428}; ${R.caKeys}` : R.key428,
    confidence: weakest(d.confidence, d.cause === "other-user" ? "ibm" : d.confidence),
  });
  if (ok) return null;
  const fixes = keyFixes(s, e, d);
  const [fix, ...alternatives] = fixes;
  return {
    rc: 428,
    confidence: d.confidence,
    fix: fix ?? null,
    alternatives,
    partner: s.role === "server" ? { rc: 438, confidence: "third-party" } : null,
  };
}

export function keyFixes(s: Simulation, e: Entry, d: KeyDecision): SimFix[] {
  const model = s.model;
  const lst = rdatalibResource({ owner: s.ringOwner, name: s.ringName });
  const notes = s.refreshNotes();
  const label = s.req.label ?? null;
  switch (d.cause) {
    case "usage":
      return [
        {
          summary: `Connect ${e.owner} '${e.label}' again with USAGE(PERSONAL) (it is connected ${e.usage}), then refresh DIGTRING.${isCaOwner(e.owner) ? ` It is a ${e.owner} certificate: ${s.user} also needs SPECIAL or CONTROL (FACILITY IRR.DIGTCERT.GENCERT, or the .LST profile) for its key.` : ""}`,
          commands: [
            connectCommand(s.ringOwner, s.ringName, e.owner, e.label, "PERSONAL", e.isDefault),
            ...refreshCommands(model, ["DIGTRING"]),
          ],
          notes,
        },
      ];
    case "other-user": {
      const certOwner = ownerUser(e.owner) ?? e.owner;
      const fixes: SimFix[] = [];
      if (s.mode?.kind === "ring-specific") {
        // Field case 6: UPDATE on the matching .LST profile returns another user's key.
        fixes.push({
          summary: `Give ${s.user} UPDATE on ${s.mode.profile.name} in RDATALIB (READ returns only the user's own keys), then refresh RDATALIB.`,
          commands: [
            permitCommand(s.mode.profile.name, "RDATALIB", s.user, "UPDATE"),
            ...refreshCommands(model, ["RDATALIB"]),
          ],
          notes,
        });
      } else {
        // Field case 4, third fix: ring-specific checking with UPDATE for the server user.
        fixes.push({
          summary: `Switch this ring to ring-specific checking: define ${lst} in RDATALIB, give ${s.user} UPDATE (returns another user's key) and the ring owner ${certOwner === s.ringOwner ? certOwner : s.ringOwner} READ (a matching profile decides for the owner too).`,
          commands: [
            `RDEFINE RDATALIB ${lst} UACC(NONE)`,
            permitCommand(lst, "RDATALIB", s.user, "UPDATE"),
            ...(s.ringOwner !== s.user ? [permitCommand(lst, "RDATALIB", s.ringOwner, "READ")] : []),
            ...refreshCommands(model, ["RDATALIB"]),
          ],
          notes,
        });
      }
      // Field case 4, first fix: a certificate the server's own user owns.
      const own = model
        .certificatesOf(userOwner(s.user))
        .find((c) => c.status !== "NOTRUST" && c.privateKey !== false && s.validAt(c));
      if (own) {
        fixes.push({
          summary: `Use a certificate ${s.user} owns: connect ${own.owner} '${own.label}'${at(own.sources)} PERSONAL${label === null ? " DEFAULT" : ` and configure its label instead of '${label}'`}.`,
          commands: [
            connectCommand(s.ringOwner, s.ringName, own.owner, own.label, "PERSONAL", label === null),
            ...refreshCommands(model, ["DIGTRING"]),
          ],
          notes,
        });
      } else {
        // A ring cannot hold two certificates with the same label: give the new one its own.
        const newLabel = `${e.label.slice(0, 31 - s.user.length)} ${s.user}`;
        fixes.push({
          summary: `Give ${s.user} its own certificate: generate one for ${s.user} like '${e.label}' (same subject and signer) and connect it PERSONAL${label === null ? " DEFAULT" : ""}${e.cert?.signer ? "" : " (add SIGNWITH for your CA)"}.`,
          commands: [
            gencertLike(userOwner(s.user), newLabel, e.cert ?? null, plusYear(s.req.at)),
            connectCommand(s.ringOwner, s.ringName, userOwner(s.user), newLabel, "PERSONAL", label === null),
            ...refreshCommands(model, ["DIGTCERT", "DIGTRING"]),
          ],
          notes,
        });
      }
      // Field case 4, second fix: run the server as the certificate's owner. Whether the owner
      // can then open the ring is the same question asked for the owner, so ask it; what the
      // owner still lacks (often READ on IRR.DIGTCERT.LISTRING) goes into this fix.
      const started = s.req.userOrigin?.startedProfile ?? null;
      const asOwner = s.resimulate(model, { ...s.req, user: certOwner, userOrigin: null });
      const ownerNeeds = asOwner.rc !== 0 && asOwner.fix ? asOwner.fix.commands : [];
      const runAs = started
        ? [`RALTER STARTED ${started} STDATA(USER(${certOwner}))`, ...refreshCommands(model, ["STARTED"])]
        : [];
      fixes.push({
        summary: `Run the application as ${certOwner}, the certificate's owner${started ? ` (STDATA of STARTED profile ${started})` : " (its STARTED profile's STDATA USER or the job's USER)"}${ownerNeeds.length > 0 ? `; ${certOwner} also needs: ${(asOwner.fix?.summary ?? "").replace(/\.+$/, "")}` : certOwner === s.ringOwner ? ": the owner opens its own ring with READ" : ""}.`,
        commands: [...new Set([...ownerNeeds, ...runAs])],
        notes: ["Restart the started task so it runs under the new user."],
      });
      return fixes;
    }
    case "ca-authority": {
      const fixes: SimFix[] = [];
      if (s.mode?.kind === "ring-specific") {
        fixes.push({
          summary: `Give ${s.user} CONTROL on ${s.mode.profile.name} in RDATALIB for the ${e.owner} key (third-party rule).`,
          commands: [
            permitCommand(s.mode.profile.name, "RDATALIB", s.user, "CONTROL"),
            ...refreshCommands(model, ["RDATALIB"]),
          ],
          notes,
        });
      } else {
        fixes.push({
          summary: `Give ${s.user} CONTROL on FACILITY IRR.DIGTCERT.GENCERT for the ${e.owner} key (third-party rule; CONTROL there also lets the user generate CA certificates — prefer a personal certificate).`,
          commands: [
            ...(model.protectingProfile("FACILITY", "IRR.DIGTCERT.GENCERT")
              ? []
              : ["RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)"]),
            permitCommand("IRR.DIGTCERT.GENCERT", "FACILITY", s.user, "CONTROL"),
            ...refreshCommands(model, ["FACILITY"]),
          ],
          notes,
        });
      }
      fixes.push({
        summary: `Better: issue ${s.user} its own server certificate signed by the CA and connect it PERSONAL instead of the ${e.owner} certificate.`,
        commands: [
          gencertLike(
            userOwner(s.user),
            `${s.user} server`,
            e.cert ? { ...e.cert, signer: { owner: e.owner, label: e.label } } : null,
            plusYear(s.req.at),
          ),
          connectCommand(
            s.ringOwner,
            s.ringName,
            userOwner(s.user),
            `${s.user} server`,
            "PERSONAL",
            label === null,
          ),
          ...refreshCommands(model, ["DIGTCERT", "DIGTRING"]),
        ],
        notes,
      });
      return fixes;
    }
    case "no-key":
      return [
        {
          summary: `RACF holds no private key for ${e.owner} '${e.label}'${e.cert?.fromRequest ? " (it was generated from a certificate request; the key stays with the requester)" : ""}: import it with its key (PKCS#12) under the same label, or generate the certificate in RACF.`,
          commands: [
            `RACDCERT ${e.owner} ADD('<PKCS12 DATA SET>') WITHLABEL(${quote(e.label)}) PASSWORD('<PKCS12 PASSWORD>') TRUST`,
            ...refreshCommands(model, ["DIGTCERT"]),
          ],
          notes: ["Do not leave the PKCS#12 password in a stored job.", ...notes],
        },
        {
          summary: `Or generate a new certificate in RACF (the key is created there) and connect it instead.`,
          commands: [
            gencertLike(e.owner, `${e.label.slice(0, 28)} new`, e.cert ?? null, plusYear(s.req.at)),
            connectCommand(
              s.ringOwner,
              s.ringName,
              e.owner,
              `${e.label.slice(0, 28)} new`,
              "PERSONAL",
              e.isDefault,
            ),
            ...refreshCommands(model, ["DIGTCERT", "DIGTRING"]),
          ],
          notes,
        },
      ];
    default:
      return [];
  }
}

/** The RACDCERT LIST command whose output shows a certificate's key and dates. */
export function listCommand(owner: string, label: string): string {
  const who = owner === "CERTAUTH" || owner === "SITE" ? owner : `ID(${ownerUser(owner) ?? owner})`;
  return `RACDCERT ${who} LIST(LABEL(${quote(label)}))`;
}
