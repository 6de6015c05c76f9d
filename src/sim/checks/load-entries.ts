/**
 * Check: load-entries — which connected certificates R_datalib returns (NOTRUST ones are not).
 */

import type { Simulation } from "./context.js";
import { R } from "./rules.js";
import { at, evidence, ownerText } from "./util.js";

export function loadEntries(s: Simulation): void {
  const dropped = s.entries.filter((e) => e.cert?.status === "NOTRUST");
  const missing = s.entries.filter((e) => !e.cert);
  s.entries = s.entries.filter((e) => e.cert?.status !== "NOTRUST");
  const lines = s.entries.map(
    (e) =>
      `${ownerText(e.owner)} '${e.label}' usage ${e.usage}${e.isDefault ? " DEFAULT" : ""}${e.cert ? ` ${e.cert.status}` : " (certificate not in the inputs)"}${at(e.sources)}`,
  );
  let detail =
    s.entries.length > 0 ? `Entries returned: ${lines.join("; ")}.` : "The ring returns no entries.";
  if (dropped.length > 0) {
    detail += ` Not returned (NOTRUST): ${dropped.map((e) => `${ownerText(e.owner)} '${e.label}'${at(e.cert?.sources ?? [])}`).join("; ")}.`;
  }
  if (missing.length > 0) {
    s.assume("connected certificates missing from the inputs are assumed TRUST with unknown key and dates");
  }
  s.step({
    id: "load-entries",
    ok: true,
    title: "Load the ring's entries",
    detail,
    evidence: evidence(...s.entries.map((e) => e.sources), ...dropped.map((e) => e.cert?.sources ?? [])),
    source:
      dropped.length > 0
        ? R.notrust
        : "R_datalib DataGetFirst/DataGetNext return every connected certificate (IBM KC21 icha700/digrdl.htm)",
    confidence: "ibm",
  });
}
