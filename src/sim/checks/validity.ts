/**
 * Check: validity — the local certificate's dates at `req.at` → 401 (field case 5).
 */
import { expiredAt, notYetValidAt } from "../../model/validity.js";
import { alterTrustCommand, refreshCommands } from "../commands.js";
import { renewCommands } from "../gencert.js";
import type { SimFix } from "../types.js";
import type { Failure, Simulation } from "./context.js";
import { R } from "./rules.js";
import { listCommand } from "./selected-key.js";
import { at, evidence, plusYear } from "./util.js";

export function validity(s: Simulation): Failure | null {
  const e = s.selected;
  if (!e) return null;
  const c = e.cert;
  if (!c || (c.notBefore === null && c.notAfter === null)) {
    s.condition(
      {
        kind: "fact",
        text: `'${e.label}' is within its validity dates (the inputs do not show them)`,
        decide: [listCommand(e.owner, e.label)],
        step: "validity",
      },
      { condition: `'${e.label}' has expired or is not yet valid`, rc: 401, confidence: "ibm" },
    );
    s.step(
      { id: "validity", ok: null, missing: [`the validity dates of '${e.label}'`], confidence: "ibm" },
      () => ({
        title: "Validity of the local certificate",
        detail: `The dates of '${e.label}' are not known from the inputs: not checked.`,
        evidence: evidence(c?.sources),
        source: R.validity,
      }),
    );
    return null;
  }
  if (c.datesAssumed)
    s.assume(
      `dates of ${c.owner} '${c.label}' are RACF's GENCERT defaults computed from when the job ran (assumed)`,
    );
  const early = notYetValidAt(c, s.req.at) === true;
  const late = expiredAt(c, s.req.at) === true;
  const ok = !early && !late;
  // One date known and the other not (an ADD whose data set was not read, a listing that shows
  // one date): the known date can prove a failure, but "valid" would rest on the unknown one, so
  // it stays open with the 401 branch, the way two unknown dates do (no certain verdict rests
  // on a missing fact).
  const unknownEnd = ok ? (c.notAfter === null ? "end" : c.notBefore === null ? "start" : null) : null;
  if (unknownEnd) {
    s.condition(
      {
        kind: "fact",
        text: `'${c.label}' is within its validity dates (the inputs do not show its ${unknownEnd} date)`,
        decide: [listCommand(e.owner, e.label)],
        step: "validity",
      },
      {
        condition: `'${c.label}' ${unknownEnd === "end" ? "has expired" : "is not yet valid"}`,
        rc: 401,
        confidence: "ibm",
      },
    );
  }
  s.step(
    {
      id: "validity",
      ok: unknownEnd ? null : ok,
      ...(unknownEnd ? { missing: [`the ${unknownEnd} date of '${c.label}'`] } : {}),
      confidence: c.datesAssumed ? "unconfirmed" : "ibm",
    },
    () => {
      const when = s.req.at.toISOString().replace(/\.000Z$/, "Z");
      const state = early
        ? "NOT YET VALID"
        : late
          ? "EXPIRED"
          : unknownEnd
            ? `valid if its ${unknownEnd} date allows (not known from the inputs)`
            : "valid";
      return {
        title: "Validity of the local certificate",
        detail: `'${c.label}' is valid from ${c.notBefore ?? "?"} to ${c.notAfter ?? "?"}; at ${when} it is ${state}${at(c.sources)}.`,
        evidence: evidence(c.sources),
        source: R.validity,
      };
    },
  );
  if (ok) return null;
  const notAfter = plusYear(s.req.at);
  const renew = [...renewCommands(c, notAfter, s.model)];
  renew.push(alterTrustCommand(c.owner, c.label), ...refreshCommands(s.model, ["DIGTCERT"]));
  const fix: SimFix = early
    ? {
        summary: `'${c.label}' is not valid before ${c.notBefore}: wait, or re-issue it with a NOTBEFORE in the past.`,
        commands: renew,
        notes: s.refreshNotes(),
      }
    : {
        summary: `Renew '${c.label}' with its current key: GENREQ from the certificate, GENCERT the request with a later NOTAFTER${c.signer ? "" : " (add SIGNWITH for the CA that signs it)"}, and mark it TRUST in case RACF made it NOTRUST (field case 5).`,
        commands: renew,
        notes: s.refreshNotes(),
      };
  return {
    rc: 401,
    confidence: c.datesAssumed ? "unconfirmed" : "ibm",
    fix,
    alternatives: [],
    partner: { rc: 401, confidence: "third-party" },
  };
}
