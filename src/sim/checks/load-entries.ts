/**
 * Check: load-entries — which connected certificates R_datalib returns (NOTRUST ones are not).
 */

import type { Entry, Simulation } from "./context.js";
import { R } from "./rules.js";
import { at, evidence, ownerText } from "./util.js";

export function loadEntries(s: Simulation): void {
  const dropped = s.entries.filter((e) => e.cert?.status === "NOTRUST");
  const missing = s.entries.filter((e) => !e.cert);
  s.entries = s.entries.filter((e) => e.cert?.status !== "NOTRUST");
  if (missing.length > 0) {
    s.assume("connected certificates missing from the inputs are assumed TRUST with unknown key and dates");
  }
  s.step({ id: "load-entries", ok: true, confidence: "ibm" }, () => ({
    title: "Load the ring's entries",
    detail: entriesText(s.entries, dropped),
    evidence: evidence(...s.entries.map((e) => e.sources), ...dropped.map((e) => e.cert?.sources ?? [])),
    source:
      dropped.length > 0
        ? R.notrust
        : "R_datalib DataGetFirst/DataGetNext return every connected certificate (IBM KC21 icha700/digrdl.htm)",
  }));
}

function entriesText(entries: readonly Entry[], dropped: readonly Entry[]): string {
  const lines = entries.map(
    (e) =>
      `${ownerText(e.owner)} '${e.label}' usage ${e.usage}${e.isDefault ? " DEFAULT" : ""}${e.cert ? ` ${e.cert.status}` : " (certificate not in the inputs)"}${at(e.sources)}`,
  );
  let detail = entries.length > 0 ? `Entries returned: ${lines.join("; ")}.` : "The ring returns no entries.";
  if (dropped.length > 0) {
    detail += ` Not returned (NOTRUST): ${dropped.map((e) => `${ownerText(e.owner)} '${e.label}'${at(e.cert?.sources ?? [])}`).join("; ")}.`;
  }
  return detail;
}
