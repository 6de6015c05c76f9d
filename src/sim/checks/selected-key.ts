/**
 * Check: selected-key — a selected certificate whose key does not come back → 428 (field
 * cases 4 and 6), with fixes for each reason the key is withheld.
 */
import { ICSF_KEY_CLASS, icsfKeyAccess } from "../../model/access.js";
import { isCaOwner, ownerUser, userOwner } from "../../model/model.js";
import type { Certificate, CertOwner } from "../../model/types.js";
import { connectCommand, permitCommand, permitResource, quote, refreshCommands } from "../commands.js";
import { gencertLike, HOST_PLACEHOLDER, isCa, SIGNER_PLACEHOLDER, signerFor } from "../gencert.js";
import type { SimFix } from "../types.js";
import type { Entry, Failure, KeyDecision, Simulation } from "./context.js";
import { keyDecision } from "./private-keys.js";
import { R } from "./rules.js";
import { at, evidence, plusYear } from "./util.js";

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
  s.step(
    {
      id: "selected-key",
      ok: d.returned,
      ...(d.returned === null ? { missing: [`whether RACF holds the private key of '${e.label}'`] } : {}),
      confidence: d.confidence,
    },
    () => ({
      title: "Private key of the selected certificate",
      detail: `${e.owner} '${e.label}': ${d.why}.${ok ? "" : ' System SSL sees a certificate without a private key. A listing that shows "Private Key: YES" does not contradict this: the key exists but is not returned to this caller.'}`,
      evidence: evidence(e.sources, e.cert?.sources, s.mode?.sources),
      source: isCaOwner(e.owner) ? `${R.key428}; ${R.caKeys}` : R.key428,
    }),
  );
  if (ok) return icsfKey(s, e);
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

/**
 * A key kept in ICSF is used through ICSF, which checks READ on the CSFKEYS profile of its label
 * when the class is active (IBM ICSF Administrator's Guide, ctlkey.htm). IBM's text for 428 lists
 * an ICSF key that cannot be used among its causes; that a CSFKEYS denial gives 428 is not
 * documented, so that prediction is "unconfirmed". A class state or label the inputs do not show
 * is a condition with 428 as its other outcome, never a silent pass.
 */
function icsfKey(s: Simulation, e: Entry): Failure | null {
  const c = e.cert;
  if (!c || (c.keyStore !== "PKDS" && c.keyStore !== "TKDS")) return null;
  const a = icsfKeyAccess(s.model, c, s.user, { currentGroup: s.currentGroup });
  const subject = `${e.owner} '${e.label}'`;
  if (a.verdict === "class-inactive" || a.verdict === "no-profile") {
    s.step({ id: "icsf-key", ok: true, confidence: "ibm" }, () => ({
      title: "Use of the key in ICSF",
      detail: `${subject}: ${a.why}.`,
      evidence: evidence(a.sources),
      source: R.icsf,
    }));
    return null;
  }
  if (a.verdict === "class-unknown" || a.verdict === "label-unknown") {
    const decide =
      a.verdict === "class-unknown"
        ? ["SETROPTS LIST", ...(a.label ? [`RLIST ${ICSF_KEY_CLASS} ${a.label} AUTHUSER`] : [])]
        : [listCommand(e.owner, e.label)];
    s.condition(
      {
        kind: "configuration",
        text:
          a.verdict === "class-unknown"
            ? `${s.user} may use the ICSF key of ${subject} (whether ${ICSF_KEY_CLASS} is active is not in the inputs)`
            : `${s.user} may use the ICSF key of ${subject} (its PKDS label, and so its ${ICSF_KEY_CLASS} profile, is not in the inputs)`,
        decide,
        step: "icsf-key",
      },
      {
        condition: `${ICSF_KEY_CLASS} is active and denies ${s.user} READ on the key's label`,
        rc: 428,
        confidence: "unconfirmed",
      },
    );
    s.step(
      {
        id: "icsf-key",
        ok: null,
        missing: [
          a.verdict === "class-unknown"
            ? `whether ${ICSF_KEY_CLASS} is active (SETROPTS LIST)`
            : "the key's PKDS label (RACDCERT LIST)",
        ],
        confidence: "ibm",
      },
      () => ({
        title: "Use of the key in ICSF",
        detail: `${subject}: ${a.why}. racfring goes on as if ${s.user} may use it; if ${ICSF_KEY_CLASS} denies it, System SSL cannot use the key (428 predicted, unconfirmed).`,
        evidence: evidence(c.sources),
        source: R.icsf,
      }),
    );
    return null;
  }
  const profile = a.profile;
  const d = profile ? s.decide(profile, "READ", "icsf-key", 428) : null;
  const granted = d?.granted ?? a.verdict === "granted";
  s.step({ id: "icsf-key", ok: granted, confidence: granted ? "ibm" : "unconfirmed" }, () => ({
    title: "Use of the key in ICSF",
    detail: `${subject}: the private key is in ICSF ${c.keyStore} under label ${a.label}; ${ICSF_KEY_CLASS} is active and ${profile ? `${profile.generic ? "generic" : "discrete"} profile ${profile.name}${at(profile.sources)} protects it` : "a profile protects it"}: ${d?.why ?? a.why}.${granted ? "" : " ICSF refuses the key, so System SSL cannot use it (IBM lists an unusable ICSF key among the causes of 428; the return code for this cause is not documented)."}`,
    evidence: evidence(c.sources, profile?.sources, s.model.classState(ICSF_KEY_CLASS).sources),
    source: R.icsf,
  }));
  if (granted) return null;
  const label = a.label ?? "";
  const permit = permitResource(s.model, ICSF_KEY_CLASS, label, s.user, "READ");
  return {
    rc: 428,
    confidence: "unconfirmed",
    fix: {
      summary: `Let ${s.user} use the key's ICSF label ${label}: READ on ${ICSF_KEY_CLASS} ${label}, then refresh ${ICSF_KEY_CLASS}.${permit.note ? ` ${permit.note}` : ""}`,
      commands: [...permit.commands, ...refreshCommands(s.model, [ICSF_KEY_CLASS])],
      notes: s.refreshNotes(),
    },
    alternatives: [],
    partner: s.role === "server" ? { rc: 438, confidence: "third-party" } : null,
  };
}

export function keyFixes(s: Simulation, e: Entry, d: KeyDecision): SimFix[] {
  const model = s.model;
  // The ring's own .LST resource; a virtual ring's is <owner>.IRR_VIRTUAL_KEYRING.LST, never
  // <owner>.*.LST (that would be a generic profile over all of the owner's rings).
  const lst = s.ringResource().name;
  const notes = s.refreshNotes();
  const label = s.req.label ?? null;
  // A virtual ring cannot be changed (IBM KC21 icha700/uvkr.htm) and *SITE*/*AUTH* are no user
  // ids: the fix is a real ring of the application's user.
  if (s.virtual && (d.cause === "usage" || d.cause === "ca-authority")) return realRingFixes(s, e);
  switch (d.cause) {
    case "usage": {
      const reconnect = connectCommand(s.ringOwner, s.ringName, e.owner, e.label, "PERSONAL", e.isDefault);
      if (!isCaOwner(e.owner) || s.special) {
        return [
          {
            summary: `Connect ${e.owner} '${e.label}' again with USAGE(PERSONAL) (it is connected ${e.usage}), then refresh DIGTRING.`,
            commands: [reconnect, ...refreshCommands(model, ["DIGTRING"])],
            notes,
          },
        ];
      }
      // A CERTAUTH/SITE key also needs SPECIAL or CONTROL (IBM R_datalib usage notes): a
      // reconnect alone would still give 428, so each fix carries what completes it.
      const [grant, ownCert] = caKeyFixes(s, e);
      return [
        ownCert,
        {
          summary: `Connect ${e.owner} '${e.label}' again with USAGE(PERSONAL) (it is connected ${e.usage}); as a ${e.owner} certificate its key also needs CONTROL: ${grant.summary}`,
          commands: [reconnect, ...grant.commands, ...refreshCommands(model, ["DIGTRING"])],
          notes,
        },
      ];
    }
    case "other-user": {
      const certOwner = ownerUser(e.owner) ?? e.owner;
      const fixes: SimFix[] = [];
      if (s.mode?.kind === "ring-specific") {
        // Field case 6: UPDATE on the matching .LST profile returns another user's key. Never
        // on a generic profile: that would reach every ring it covers.
        const permit = permitResource(model, "RDATALIB", s.mode.resource, s.user, "UPDATE");
        fixes.push({
          summary: `Give ${s.user} UPDATE on ${s.mode.resource} in RDATALIB (READ returns only the user's own keys), then refresh RDATALIB.${permit.note ? ` ${permit.note}` : ""}`,
          commands: [...permit.commands, ...refreshCommands(model, ["RDATALIB"])],
          notes,
        });
      } else {
        // Field case 4, third fix: ring-specific checking with UPDATE for the server user. A
        // profile the inputs show is not defined again; a generic one is not widened.
        const permit = permitResource(model, "RDATALIB", lst, s.user, "UPDATE");
        fixes.push({
          summary: `Switch this ring to ring-specific checking: ${model.profile("RDATALIB", lst) ? "" : "define "}${lst} in RDATALIB, give ${s.user} UPDATE (returns another user's key)${s.ringOwner !== s.user ? ` and the ring owner ${s.ringOwner} READ (a matching profile decides for the owner too)` : ""}.${permit.note ? ` ${permit.note}` : ""}`,
          commands: [
            ...permit.commands,
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
          summary: `Give ${s.user} its own certificate: generate one for ${s.user} like '${e.label}' (same subject, ${signerText(signerFor(model, e.cert ?? null, { owner: s.ringOwner, name: s.ringName }))}) and connect it PERSONAL${label === null ? " DEFAULT" : ""}.`,
          commands: [
            gencertLike(userOwner(s.user), newLabel, e.cert ?? null, plusYear(s.req.at), model, {
              owner: s.ringOwner,
              name: s.ringName,
            }),
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
      const [grant, ownCert] = caKeyFixes(s, e);
      return [grant, ownCert];
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
            gencertLike(e.owner, `${e.label.slice(0, 28)} new`, e.cert ?? null, plusYear(s.req.at), model),
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

/**
 * The two ways to a CERTAUTH/SITE certificate's key for a user that is not SPECIAL (IBM R_datalib
 * usage notes): CONTROL on the ring's .LST profile (ring-specific) or on FACILITY
 * IRR.DIGTCERT.GENCERT (global), or — better — a certificate of the user's own, signed by a CA
 * (the CA certificate itself when it is one, never a leaf: gencert.ts signerFor).
 */
function caKeyFixes(s: Simulation, e: Entry): [SimFix, SimFix] {
  const model = s.model;
  const notes = s.refreshNotes();
  const label = s.req.label ?? null;
  let grant: SimFix;
  if (s.mode?.kind === "ring-specific") {
    const permit = permitResource(model, "RDATALIB", s.mode.resource, s.user, "CONTROL");
    grant = {
      summary: `Give ${s.user} CONTROL on ${s.mode.resource} in RDATALIB for the ${e.owner} key (IBM R_datalib usage notes).${permit.note ? ` ${permit.note}` : ""}`,
      commands: [...permit.commands, ...refreshCommands(model, ["RDATALIB"])],
      notes,
    };
  } else {
    grant = {
      summary: `Give ${s.user} CONTROL on FACILITY IRR.DIGTCERT.GENCERT for the ${e.owner} key (IBM R_datalib usage notes; CONTROL there also lets the user generate CA certificates — prefer a personal certificate).`,
      commands: [
        ...(model.protectingProfile("FACILITY", "IRR.DIGTCERT.GENCERT")
          ? []
          : ["RDEFINE FACILITY IRR.DIGTCERT.GENCERT UACC(NONE)"]),
        permitCommand("IRR.DIGTCERT.GENCERT", "FACILITY", s.user, "CONTROL"),
        ...refreshCommands(model, ["FACILITY"]),
      ],
      notes,
    };
  }
  const c = e.cert ?? null;
  const newLabel = `${s.user} server`;
  const like = serverCertLike(e, userOwner(s.user), newLabel);
  const ownCert: SimFix = {
    summary: `Better: issue ${s.user} its own server certificate${c && isCa(c) ? ` signed by ${e.owner} '${e.label}' (replace ${HOST_PLACEHOLDER} in SUBJECTSDN)` : " signed by the CA that signed it"} and connect it PERSONAL instead of the ${e.owner} certificate.`,
    commands: [
      gencertLike(
        userOwner(s.user),
        newLabel,
        like,
        plusYear(s.req.at),
        model,
        s.virtual ? null : { owner: s.ringOwner, name: s.ringName },
      ),
      connectCommand(s.ringOwner, s.ringName, userOwner(s.user), newLabel, "PERSONAL", label === null),
      ...refreshCommands(model, ["DIGTCERT", "DIGTRING"]),
    ],
    notes,
  };
  return [grant, ownCert];
}

/**
 * Fixes for a key a virtual ring cannot return: add a real ring owned by the application's user,
 * connect a certificate there PERSONAL DEFAULT, and point the application at the new ring.
 */
function realRingFixes(s: Simulation, e: Entry): SimFix[] {
  const model = s.model;
  let name = "TLSRING";
  for (let n = 2; model.ring(s.user, name); n++) name = `TLSRING${n}`;
  const ring = `${s.user}/${name}`;
  const addring = `RACDCERT ID(${s.user}) ADDRING(${name})`;
  const notes = [
    `Configure the application to use ${ring} (AT-TLS Keyring ${ring}, or safkeyring://${ring}); a virtual ring cannot be connected to.`,
    ...s.refreshNotes(),
  ];
  const c = e.cert ?? null;
  const newLabel = `${s.user} server`;
  const like = serverCertLike(e, userOwner(s.user), newLabel);
  const fixes: SimFix[] = [
    {
      summary: `Use the new ring ${ring}: add it, issue ${s.user} its own server certificate${c && isCa(c) ? ` signed by ${e.owner} '${e.label}' (replace ${HOST_PLACEHOLDER} in SUBJECTSDN)` : ""} and connect it PERSONAL DEFAULT.`,
      commands: [
        addring,
        gencertLike(
          userOwner(s.user),
          newLabel,
          like,
          plusYear(s.req.at),
          model,
          s.virtual ? null : { owner: s.ringOwner, name: s.ringName },
        ),
        connectCommand(s.user, name, userOwner(s.user), newLabel, "PERSONAL", true),
        ...refreshCommands(model, ["DIGTCERT", "DIGTRING"]),
      ],
      notes,
    },
  ];
  if (isCaOwner(e.owner) && !s.special) {
    const [grant] = caKeyFixes(s, e);
    fixes.push({
      summary: `Use the new ring ${ring}: add it and connect ${e.owner} '${e.label}' PERSONAL DEFAULT; its key also needs CONTROL: ${grant.summary}`,
      commands: [
        addring,
        connectCommand(s.user, name, e.owner, e.label, "PERSONAL", true),
        ...grant.commands.filter((x) => !x.startsWith("SETROPTS")),
        ...refreshCommands(model, [
          "DIGTRING",
          ...(grant.commands.some((x) => x.includes("CLASS(FACILITY)")) ? ["FACILITY"] : []),
        ]),
      ],
      notes,
    });
  }
  return fixes;
}

/**
 * The model for a user's own server certificate replacing entry `e`. When `e` is a CA, its key
 * signs the new certificate, and the new one takes neither its subject (a certificate whose
 * subject equals its issuer's reads as self-issued, RFC 5280 §3.2, and chain building takes it
 * for the CA) nor its names or end date (a CA's term, not a server's): the subject is a
 * placeholder and the term the fix's usual year. Otherwise `e`'s certificate as it is (its
 * signer signs).
 */
function serverCertLike(e: Entry, owner: CertOwner, label: string): Certificate | null {
  const c = e.cert ?? null;
  if (!c || !isCa(c)) return c;
  return {
    ...c,
    // The new certificate's own identity: with the CA's, signerFor takes the CA for the
    // certificate itself (never its own signer) and signs with the CA's issuer instead.
    owner,
    label,
    subject: null,
    altNames: [],
    notAfter: null,
    signer: { owner: e.owner, label: e.label },
  };
}

/** How a fix names who signs the new certificate. */
function signerText(sig: ReturnType<typeof signerFor>): string {
  if (sig.placeholder) return `signed by a CA you choose: replace ${SIGNER_PLACEHOLDER} in SIGNWITH`;
  return sig.ref ? `signed by ${sig.ref.owner} '${sig.ref.label}'` : "self-signed like it";
}

/** The RACDCERT LIST command whose output shows a certificate's key and dates. */
export function listCommand(owner: string, label: string): string {
  const who = owner === "CERTAUTH" || owner === "SITE" ? owner : `ID(${ownerUser(owner) ?? owner})`;
  return `RACDCERT ${who} LIST(LABEL(${quote(label)}))`;
}
