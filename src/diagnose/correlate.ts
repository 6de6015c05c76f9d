/**
 * Put the fragments together. A connection is first what AT-TLS names by CONNID; two CONNIDs
 * whose LOCAL/REMOTE addresses mirror each other are the two ends of one connection (both
 * z/OS). Other messages join a connection by what they share with it, strongest first: the
 * environment (GRPID/ENVID or RULE, for environment-level errors logged with CONNID 00000000),
 * the job name, the user id, then the time window. A message that fits several connections
 * equally is left unattached rather than guessed into one. With a single connection (or none),
 * everything belongs to it: a pasted snippet is about one failure.
 */
import type { Connection, LogMessage } from "./types.js";

/** Seconds around a connection's messages within which an unkeyed message may belong to it. */
export const TIME_WINDOW = 120;

function seconds(time: string | undefined): number | null {
  if (!time) return null;
  const [h, m, s] = time.split(":").map(Number);
  return h === undefined || m === undefined || s === undefined ? null : h * 3600 + m * 60 + s;
}

const ZERO = /^0+$/;

interface Group {
  conn: Connection;
  envs: Set<string>;
  /** First and last time of day seen (seconds), for the time window. */
  min: number;
  max: number;
  seen: Set<number>;
}

/** A connection with nothing attached yet, found by `key` (how its lines were put together). */
function newGroup(id: string, key: string): Group {
  return {
    conn: { id, keys: [key], jobname: null, user: null, rule: null, local: null, remote: null, messages: [] },
    envs: new Set(),
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    seen: new Set(),
  };
}

/** Address "10.1.1.1..21" → its port, for the server/client guess. */
export function portOf(addr: string | null): number | null {
  const m = addr ? /\.\.(\d{1,5})$/.exec(addr) : null;
  return m ? Number(m[1]) : null;
}

export function correlate(messages: LogMessage[]): { connections: Connection[]; of: Map<number, string> } {
  const groups: Group[] = [];
  const byConn = new Map<string, Group>();
  const of = new Map<number, string>();
  const attach = (g: Group, m: LogMessage) => {
    if (!g.seen.has(m.index)) {
      g.seen.add(m.index);
      g.conn.messages.push(m.index);
    }
    of.set(m.index, g.conn.id);
    const f = m.facts;
    g.conn.jobname ??= f.jobname ?? null;
    g.conn.user ??= f.user ?? null;
    g.conn.rule ??= f.rule ?? null;
    g.conn.local ??= f.local ?? null;
    g.conn.remote ??= f.remote ?? null;
    if (f.envId && !ZERO.test(f.envId)) g.envs.add(`E${f.envId}`);
    if (f.rule) g.envs.add(`R${f.rule}`);
    const t = seconds(f.time);
    if (t !== null) {
      g.min = Math.min(g.min, t);
      g.max = Math.max(g.max, t);
    }
  };
  // 1. CONNID.
  for (const m of messages) {
    const id = m.facts.connId;
    if (!id || ZERO.test(id)) continue;
    let g = byConn.get(id);
    if (!g) {
      // The other end of a connection already seen: LOCAL and REMOTE swapped.
      g = groups.find(
        (x) => x.conn.local && x.conn.local === m.facts.remote && x.conn.remote === m.facts.local,
      );
      if (g)
        g.conn.keys.push(
          `CONNID ${id} (the other end: addresses mirror CONNID ${g.conn.keys[0]?.replace(/^CONNID /, "")})`,
        );
      else {
        g = newGroup(`C${groups.length + 1}`, `CONNID ${id}`);
        groups.push(g);
      }
      byConn.set(id, g);
    }
    attach(g, m);
  }
  // 2. The rest, by what they share with exactly one connection.
  const rest = messages.filter((m) => !of.has(m.index));
  const tests: [string, (g: Group, m: LogMessage) => boolean][] = [
    [
      "environment",
      (g, m) =>
        (m.facts.envId !== undefined && !ZERO.test(m.facts.envId) && g.envs.has(`E${m.facts.envId}`)) ||
        (m.facts.rule !== undefined && g.envs.has(`R${m.facts.rule}`)),
    ],
    ["job", (g, m) => m.facts.jobname !== undefined && g.conn.jobname === m.facts.jobname],
    ["user", (g, m) => m.facts.user !== undefined && g.conn.user === m.facts.user],
    [
      "time",
      (g, m) => {
        const t = timeOfMessage.get(m.index) ?? null;
        if (t === null || g.min > g.max) return false;
        return t >= g.min - TIME_WINDOW && t <= g.max + TIME_WINDOW;
      },
    ],
  ];
  const timeOfMessage = new Map(rest.map((m) => [m.index, seconds(m.facts.time)]));
  if (groups.length > 1) {
    for (const m of rest) {
      for (const [key, test] of tests) {
        const hits = groups.filter((g) => test(g, m));
        if (hits.length === 1 && hits[0]) {
          const g = hits[0];
          const label = key === "time" ? `same time window (±${TIME_WINDOW}s)` : `same ${key}`;
          if (!g.conn.keys.includes(label)) g.conn.keys.push(label);
          attach(g, m);
          break;
        }
        if (hits.length > 1) break;
      }
    }
  } else {
    let g = groups[0];
    if (!g && rest.length > 0) {
      g = newGroup("C1", "one log: no CONNID, all lines taken together");
      groups.push(g);
    } else if (g && rest.length > 0) g.conn.keys.push("only connection in the log");
    if (g) for (const m of rest) attach(g, m);
  }
  for (const g of groups) g.conn.messages.sort((a, b) => a - b);
  return { connections: groups.map((g) => g.conn), of };
}
