/**
 * Check: key-usage — a key-usage extension without HANDSHAKE → 440.
 */
import { connectCommand, refreshCommands } from "../commands.js";
import { gencertLike } from "../gencert.js";
import type { Failure, Simulation } from "./context.js";
import { R } from "./rules.js";
import { evidence, plusYear } from "./util.js";

export function keyUsage(s: Simulation): Failure | null {
  const e = s.selected;
  const c = e?.cert;
  if (!e || !c) return null;
  if (c.keyUsage === null) {
    s.step(
      { id: "key-usage", ok: null, missing: [`the key usage of '${c.label}'`], confidence: "ibm" },
      () => ({
        title: "Key usage",
        detail: `Key usage of '${c.label}' not known from the inputs: not checked.`,
        evidence: evidence(c.sources),
        source: R.keyUsage,
      }),
    );
    return null;
  }
  const usage = c.keyUsage;
  const ok = usage.length === 0 || usage.includes("HANDSHAKE");
  s.step({ id: "key-usage", ok, confidence: "ibm" }, () => ({
    title: "Key usage",
    detail:
      usage.length === 0
        ? `'${c.label}' has no key-usage extension: any use allowed.`
        : `'${c.label}' key usage ${usage.join(", ")}: ${ok ? "HANDSHAKE allows the TLS handshake" : "no HANDSHAKE (digitalSignature/keyEncipherment) — System SSL refuses it for TLS"}.`,
    evidence: evidence(c.sources),
    source: R.keyUsage,
  }));
  if (ok) return null;
  const label = `${c.label.slice(0, 26)} tls`;
  return {
    rc: 440,
    confidence: "ibm",
    fix: {
      summary: `Use a certificate generated with KEYUSAGE(HANDSHAKE): generate one like '${c.label}' and connect it in its place.`,
      commands: [
        gencertLike(c.owner, label, c, plusYear(s.req.at), s.model),
        connectCommand(s.ringOwner, s.ringName, c.owner, label, "PERSONAL", e.isDefault),
        ...refreshCommands(s.model, ["DIGTCERT", "DIGTRING"]),
      ],
      notes: s.refreshNotes(),
    },
    alternatives: [],
    partner: null,
  };
}
