/**
 * A progress bar on stderr for reads and audits that take more than about a second (a large
 * IRRDBU00 unload; an audit of thousands of rings): amount done, rate and time left. Nothing at all when stderr is not a terminal (a log,
 * a pipe, CI) or when the work finishes within the delay, so short runs and scripts never see
 * it. stdout is never touched: a report piped to a file stays clean.
 *
 * Small on purpose (no dependency): one line, redrawn at most every 100 ms with a carriage
 * return, erased when done.
 */

/** What a task counts: bytes read, or items (records; an audit's applications, then rules). */
export type ProgressUnit = "bytes" | "records" | "applications" | "rules";

export interface ProgressSink {
  /** Start a task; `total` is the expected amount (bytes or records), when known. */
  start(label: string, unit: ProgressUnit, total?: number): ProgressTask;
}

export interface ProgressTask {
  advance(amount: number): void;
  /**
   * Go on to the next stage of the same work (an audit: applications, then rules): amount,
   * total and rate start again, because one rule costs far more than one application and a
   * rate over both would promise the wrong time left; the one-second delay still counts from
   * the start of the task.
   */
  stage(label: string, unit: ProgressUnit, total?: number): void;
  done(): void;
}

export interface ProgressOptions {
  write(text: string): void;
  /** stderr is a terminal. */
  isTTY: boolean;
  columns?: number;
  /** Milliseconds; injectable for tests. */
  clock?: () => number;
  delayMs?: number | undefined;
  intervalMs?: number;
}

const NONE: ProgressTask = { advance: () => undefined, stage: () => undefined, done: () => undefined };

function formatCount(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(0)}k` : String(n);
}

export function formatAmount(n: number, unit: ProgressUnit): string {
  if (unit !== "bytes") return `${formatCount(n)} ${unit}`;
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "?";
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, "0")}s`;
}

/** One progress line: label, bar (when the total is known), amount, rate, ETA. */
export function progressLine(
  label: string,
  unit: ProgressUnit,
  done: number,
  total: number | undefined,
  elapsedMs: number,
  width: number,
): string {
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const rateText = `${formatAmount(Math.round(rate), unit)}/s`;
  if (total === undefined || total <= 0)
    return `${label} ${formatAmount(done, unit)} ${rateText}`.slice(0, width - 1);
  const fraction = Math.min(1, done / total);
  const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  // Counts read "12/40 rules"; sizes keep their unit on both sides ("4.0 MiB/10.0 MiB").
  const amounts =
    unit === "bytes"
      ? `${formatAmount(done, unit)}/${formatAmount(total, unit)}`
      : `${formatCount(done)}/${formatAmount(total, unit)}`;
  const tail = ` ${String(Math.floor(fraction * 100)).padStart(3)}% ${amounts} ${rateText} ETA ${formatSeconds(eta)}`;
  const barWidth = Math.max(10, Math.min(30, width - 1 - label.length - tail.length - 3));
  const filled = Math.round(fraction * barWidth);
  return `${label} [${"#".repeat(filled)}${"-".repeat(barWidth - filled)}]${tail}`.slice(0, width - 1);
}

export function progressSink(opts: ProgressOptions): ProgressSink {
  const clock = opts.clock ?? (() => Date.now());
  const delay = opts.delayMs ?? 1000;
  const interval = opts.intervalMs ?? 100;
  const width = opts.columns ?? 80;
  return {
    start(label, unit, total) {
      if (!opts.isTTY) return NONE;
      const started = clock();
      let current = { label, unit, total, since: started };
      let amount = 0;
      let drawn = false;
      let lastDraw = 0;
      return {
        advance(n) {
          amount += n;
          const now = clock();
          if (now - started < delay || now - lastDraw < interval) return;
          lastDraw = now;
          drawn = true;
          const { label, unit, total, since } = current;
          opts.write(`\r${progressLine(label, unit, amount, total, now - since, width)}\u001b[K`);
        },
        stage(label, unit, total) {
          current = { label, unit, total, since: clock() };
          amount = 0;
        },
        done() {
          // Erase the line: what follows on stderr (warnings, a summary) starts clean.
          if (drawn) opts.write("\r\u001b[K");
        },
      };
    },
  };
}

/**
 * RACFRING_PROGRESS_DELAY_MS: how long a task runs before its bar appears (default 1000). Meant
 * for tests that must see the bar without a workload that takes a second on every machine.
 */
export function progressDelay(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.RACFRING_PROGRESS_DELAY_MS;
  if (raw === undefined || !/^\d{1,7}$/.test(raw)) return undefined;
  return Number(raw);
}

/** No progress (tests, library callers). */
export const NO_PROGRESS: ProgressSink = { start: () => NONE };
