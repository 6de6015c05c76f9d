/**
 * Plan dates and the z/OS system's local time.
 *
 * RACDCERT GENCERT NOTBEFORE/NOTAFTER(DATE(yyyy-mm-dd) TIME(hh:mm:ss)) are read as the z/OS
 * system's local time (IBM RACF Command Language Reference, RACDCERT GENCERT; rules §6). A plan
 * date that names a zone (`Z`, `+02:00`) is an instant: it becomes the right local time only when
 * the plan says which zone the z/OS system runs in (`zosTimeZone`), and is refused otherwise,
 * because writing its digits into TIME() would be off by the system's offset.
 *
 * Convention shared with the command reader (which reads TIME() as written, marked as an
 * assumption): a Date here holds the z/OS *local wall-clock time* in its UTC fields.
 */

export interface PlanTime {
  /** Local wall-clock time in the UTC fields; null when the value is refused. */
  date: Date | null;
  /** Why the value is refused. */
  problem: string | null;
}

const PLAN_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?$/;

/** Check a zone: an IANA name (`Europe/Berlin`), `UTC`, or a fixed offset `+01:00`. */
export function zoneProblem(zone: string): string | null {
  if (/^[+-]\d{2}:\d{2}$/.test(zone)) {
    const [h, m] = zone.slice(1).split(":").map(Number);
    return (h ?? 99) <= 14 && (m ?? 99) < 60 ? null : `"${zone}" is not a UTC offset (-14:00 to +14:00)`;
  }
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return null;
  } catch {
    return `"${zone}" is not a time zone name (such as Europe/Berlin or America/New_York) or a UTC offset (+01:00)`;
  }
}

/** Wall-clock time of `instant` in `zone`, as a Date whose UTC fields hold it. */
export function wallClock(instant: Date, zone: string): Date {
  if (/^[+-]\d{2}:\d{2}$/.test(zone)) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const [h, m] = zone.slice(1).split(":").map(Number);
    return new Date(instant.getTime() + sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
  }
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? "0");
  return new Date(
    Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")),
  );
}

/**
 * A plan date as z/OS local time. `YYYY-MM-DD` is the start (notBefore) or the last second
 * (notAfter) of that local day; `YYYY-MM-DDTHH:MM:SS` is a local time as written; with `Z` or an
 * offset it is converted into `zosTimeZone`, or refused without one.
 */
export function planTime(value: string, end: boolean, zosTimeZone: string | null): PlanTime {
  const m = PLAN_DATE.exec(value);
  if (!m) return { date: null, problem: `"${value}" is not a valid date` };
  const [, y, mo, d, hh, mi, ss, zone] = m;
  const time = hh === undefined ? (end ? "23:59:59" : "00:00:00") : `${hh}:${mi}:${ss}`;
  const local = new Date(`${y}-${mo}-${d}T${time}Z`);
  if (Number.isNaN(local.getTime()) || local.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`)
    return { date: null, problem: `"${value}" is not a valid date` };
  if (zone === undefined) return { date: local, problem: null };
  if (zosTimeZone === null) {
    return {
      date: null,
      problem: `"${value}" names a time zone, but RACF reads NOTBEFORE/NOTAFTER TIME() as the z/OS system's local time and the plan does not say which zone that is: add zosTimeZone (e.g. Europe/Berlin or +01:00) or write the local time without a zone`,
    };
  }
  const instant = new Date(`${y}-${mo}-${d}T${time}${zone}`);
  if (Number.isNaN(instant.getTime())) return { date: null, problem: `"${value}" is not a valid date` };
  return { date: wallClock(instant, zosTimeZone), problem: null };
}
