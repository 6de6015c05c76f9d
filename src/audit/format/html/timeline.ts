/**
 * The expiry timeline of the whole report: how many certificates expire in each month, from
 * three months before the audit time to a year after it, with everything earlier and later in
 * one bar each. Drawn here (not in the browser) because it is one small picture and must be in
 * the printed report without a script. Every text is a number or a month this module writes.
 */
const DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface Bucket {
  label: string;
  count: number;
  cls: "bar-expired" | "bar-soon" | "bar-later";
}

export function expiryTimeline(notAfters: readonly string[], at: Date): string {
  const start = Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 3, 1);
  const months = 16;
  const buckets: Bucket[] = [{ label: "earlier", count: 0, cls: "bar-expired" }];
  const edges: number[] = [];
  for (let m = 0; m <= months; m++) edges.push(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 3 + m, 1));
  for (let m = 0; m < months; m++) {
    const d = new Date(edges[m] ?? start);
    const end = edges[m + 1] ?? start;
    const cls =
      end <= at.getTime()
        ? "bar-expired"
        : (edges[m] ?? 0) <= at.getTime() + 90 * DAY
          ? "bar-soon"
          : "bar-later";
    buckets.push({
      label: `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}`,
      count: 0,
      cls,
    });
  }
  buckets.push({ label: "later", count: 0, cls: "bar-later" });
  const last = edges[months] ?? start;
  for (const na of notAfters) {
    const t = Date.parse(na);
    if (Number.isNaN(t)) continue;
    let b: Bucket | undefined;
    if (t < start) b = buckets[0];
    else if (t >= last) b = buckets[buckets.length - 1];
    else {
      const m = edges.findIndex((e, i) => t >= e && t < (edges[i + 1] ?? Number.POSITIVE_INFINITY));
      b = buckets[m + 1];
    }
    if (b) b.count++;
  }
  const W = 980;
  const H = 170;
  const left = 34;
  const base = H - 28;
  const slot = (W - left - 10) / buckets.length;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const parts: string[] = [
    `<svg class="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="Certificates expiring per month">`,
    `<line class="axis" x1="${left}" x2="${W - 10}" y1="${base}" y2="${base}"/>`,
  ];
  buckets.forEach((b, i) => {
    const x = left + i * slot + 4;
    const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * (base - 24));
    parts.push(
      `<rect class="${b.cls}" x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(slot - 8).toFixed(1)}" height="${h.toFixed(1)}" rx="2"><title>${b.label}: ${b.count} certificate(s)</title></rect>`,
      `<text x="${(x + (slot - 8) / 2).toFixed(1)}" y="${base + 16}" text-anchor="middle">${b.label}</text>`,
    );
    if (b.count > 0)
      parts.push(
        `<text x="${(x + (slot - 8) / 2).toFixed(1)}" y="${(base - h - 5).toFixed(1)}" text-anchor="middle">${b.count}</text>`,
      );
  });
  // The audit time inside its month's slot (months differ in length).
  const m = edges.findIndex((e, i) => at.getTime() >= e && at.getTime() < (edges[i + 1] ?? e));
  const from = edges[m] ?? start;
  const to = edges[m + 1] ?? last;
  const nowX = left + (1 + m + (at.getTime() - from) / (to - from)) * slot;
  parts.push(
    `<line class="now" x1="${nowX.toFixed(1)}" x2="${nowX.toFixed(1)}" y1="8" y2="${base + 4}"/>`,
    `<text x="${(nowX + 4).toFixed(1)}" y="16">audit time</text>`,
    "</svg>",
  );
  return parts.join("");
}
