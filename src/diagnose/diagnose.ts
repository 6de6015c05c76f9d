/**
 * Rank causes per connection. Each message's signals add to its cause's score; combinations no
 * single line shows are added here (an ECC key signed with RSA — field case 10; a P-521 key —
 * field case 9). The failing side follows the cause's rule: the side that logged the evidence,
 * its partner, or a fixed side; the side of a z/OS AT-TLS message is guessed from its ports (a
 * well-known local port with an ephemeral remote one is the server) and said to be a guess.
 */
import { type CauseContext, causeDef } from "./causes.js";
import { correlate, portOf } from "./correlate.js";
import type { CauseId, Connection, Diagnosis, LogMessage, LogRef, Side } from "./types.js";

export interface Ranked {
  connections: Connection[];
  of: Map<number, string>;
  diagnoses: Diagnosis[];
  contexts: Map<string | null, CauseContext>;
}

function reporterSide(msgs: LogMessage[], conn: Connection | null): Side {
  const told = msgs.find((m) => m.side !== "unknown");
  if (told) return told.side;
  // The evidence's own addresses first (both ends may be in one connection), then the connection's.
  const pairs = [
    ...msgs.map((m) => [m.facts.local ?? null, m.facts.remote ?? null] as const),
    [conn?.local ?? null, conn?.remote ?? null] as const,
  ];
  for (const [l, r] of pairs) {
    const local = portOf(l);
    const remote = portOf(r);
    if (local === null || remote === null) continue;
    if (local < 1024 && remote >= 1024) return "server";
    if (remote < 1024 && local >= 1024) return "client";
  }
  return "unknown";
}

const other = (s: Side): Side => (s === "server" ? "client" : s === "client" ? "server" : "unknown");

/** The ring named by the messages: Java URL, RDATALIB resource, IRRD message. */
function ringOf(msgs: LogMessage[]): { owner: string | null; name: string } | null {
  for (const m of msgs) {
    const k = m.facts.keyring;
    if (!k) continue;
    const slash = k.indexOf("/");
    if (slash < 0) return { owner: null, name: k };
    return { owner: k.slice(0, slash) || null, name: k.slice(slash + 1) };
  }
  return null;
}

export function contextOf(msgs: LogMessage[], conn: Connection | null): CauseContext {
  const ring = ringOf(msgs);
  const userMsg =
    msgs.find((m) => m.family === "AT-TLS" && m.facts.user) ??
    msgs.find((m) => m.id === "IEF695I") ??
    msgs.find((m) => m.id === "ICH408I" && m.facts.user);
  return {
    user: userMsg?.facts.user ?? conn?.user ?? null,
    // A ring named without owner is the user's own ring (safkeyring:///RING, Keyring RING).
    ringOwner: ring?.owner ?? (ring ? (userMsg?.facts.user ?? conn?.user ?? null) : null),
    ring: ring?.name ?? null,
    label: msgs.find((m) => m.facts.label)?.facts.label ?? null,
    rule: conn?.rule ?? msgs.find((m) => m.facts.rule)?.facts.rule ?? null,
    jobname: conn?.jobname ?? msgs.find((m) => m.facts.jobname)?.facts.jobname ?? null,
  };
}

function ref(m: LogMessage): LogRef {
  return { file: m.file, line: m.line, text: m.text, says: `${m.id}: ${m.summary}` };
}

export function rank(messages: LogMessage[]): Ranked {
  const { connections, of } = correlate(messages);
  const diagnoses: Diagnosis[] = [];
  const contexts = new Map<string | null, CauseContext>();
  const byIndex = new Map(messages.map((m) => [m.index, m]));
  const groups: [Connection | null, LogMessage[]][] = connections.map((c) => [
    c,
    c.messages.map((i) => byIndex.get(i)).filter((m): m is LogMessage => m !== undefined),
  ]);
  const loose = messages.filter((m) => !of.has(m.index));
  if (loose.length > 0) groups.push([null, loose]);
  for (const [conn, msgs] of groups) {
    const ctx = contextOf(msgs, conn);
    contexts.set(conn?.id ?? null, ctx);
    const scores = new Map<CauseId, { score: number; evidence: LogMessage[]; seen: Set<LogMessage> }>();
    const add = (cause: CauseId, weight: number, m: LogMessage | null) => {
      const s = scores.get(cause) ?? { score: 0, evidence: [], seen: new Set<LogMessage>() };
      s.score += weight;
      if (m && !s.seen.has(m)) {
        s.seen.add(m);
        s.evidence.push(m);
      }
      scores.set(cause, s);
    };
    for (const m of msgs) for (const s of m.signals) add(s.cause, s.weight, m);
    const notes = (p: string) => msgs.filter((m) => m.facts.notes?.some((n) => n.startsWith(p)));
    const eccKey = notes("key:ECC");
    const rsaSig = notes("sig:RSA");
    if (eccKey.length > 0 && rsaSig.length > 0) {
      add("ecc-signed-by-rsa", 8, eccKey[0] ?? null);
      add("ecc-signed-by-rsa", 0, rsaSig[0] ?? null);
    }
    const p521 = notes("size:521");
    if (eccKey.length > 0 && p521.length > 0) add("ecc-curve-unsupported", 5, eccKey[0] ?? null);
    for (const [cause, s] of scores) {
      if (s.score <= 0) continue;
      const def = causeDef(cause);
      const reporter = reporterSide(s.evidence, conn);
      const side: Side =
        def.side === "reporter" ? reporter : def.side === "partner" ? other(reporter) : def.side;
      s.evidence.sort((a, b) => a.index - b.index);
      diagnoses.push({
        cause,
        title: def.title,
        connection: conn?.id ?? null,
        side,
        confidence: def.confidence,
        source: def.source,
        score: s.score,
        evidence: s.evidence.map(ref),
        checks: def.checks(ctx),
        fix: def.fix(ctx),
      });
    }
  }
  sortDiagnoses(diagnoses);
  return { connections, of, diagnoses, contexts };
}

/** Highest score first; ties: the cause with more evidence lines, then a stable name order. */
export function sortDiagnoses(d: Diagnosis[]): void {
  d.sort(
    (a, b) => b.score - a.score || b.evidence.length - a.evidence.length || a.cause.localeCompare(b.cause),
  );
}
