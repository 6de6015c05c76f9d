/**
 * A progress bar on stderr for reads that take more than about a second (a large IRRDBU00
 * unload): amount read, rate and time left. Nothing at all when stderr is not a terminal (a log,
 * a pipe, CI) or when the work finishes within the delay, so short runs and scripts never see
 * it. stdout is never touched: a report piped to a file stays clean.
 *
 * Small on purpose (no dependency): one line, redrawn at most every 100 ms with a carriage
 * return, erased when done.
 */

export interface ProgressSink {
  /** Start a task; `total` is the expected amount (bytes or records), when known. */
  start(label: string, unit: "bytes" | "records", total?: number): ProgressTask;
}

export interface ProgressTask {
  advance(amount: number): void;
  done(): void;
}

export interface ProgressOptions {
  write(text: string): void;
  /** stderr is a terminal. */
  isTTY: boolean;
  columns?: number;
  /** Milliseconds; injectable for tests. */
  clock?: () => number;
  delayMs?: number;
  intervalMs?: number;
}

const NONE: ProgressTask = { advance: () => undefined, done: () => undefined };

export function formatAmount(n: number, unit: "bytes" | "records"): string {
  if (unit === "records") return n >= 10_000 ? `${(n / 1000).toFixed(0)}k records` : `${n} records`;
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
  unit: "bytes" | "records",
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
  const tail = ` ${String(Math.floor(fraction * 100)).padStart(3)}% ${formatAmount(done, unit)}/${formatAmount(total, unit)} ${rateText} ETA ${formatSeconds(eta)}`;
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
          opts.write(`\r${progressLine(label, unit, amount, total, now - started, width)}\u001b[K`);
        },
        done() {
          // Erase the line: what follows on stderr (warnings, a summary) starts clean.
          if (drawn) opts.write("\r\u001b[K");
        },
      };
    },
  };
}

/** No progress (tests, library callers). */
export const NO_PROGRESS: ProgressSink = { start: () => NONE };
