/**
 * "Did you mean ...?" for mistyped command names, option names and RACF keywords: the nearest
 * candidate by edit distance (with adjacent transpositions, so `simualte` is one edit from
 * `simulate`), offered only when it is close enough to be the likely intent.
 */

/** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = v;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate nearest to `input` (case-insensitive), or null when none is close: at most one
 * edit for short words, two for words of six characters or more, and never more than a third
 * of the word (a suggestion for `x` would be noise).
 */
export function nearest(input: string, candidates: Iterable<string>): string | null {
  const word = input.toLowerCase();
  const limit = Math.min(word.length >= 6 ? 2 : 1, Math.max(1, Math.floor(word.length / 3)));
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    // The distance is at least the difference in length: a candidate that far off can never be
    // offered, and skipping it keeps a 2 MB token from costing length × length per candidate.
    if (Math.abs(c.length - word.length) > limit) continue;
    const dist = editDistance(word, c.toLowerCase());
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best !== null && bestDistance > 0 && bestDistance <= limit ? best : null;
}

/** ` (did you mean X?)` or nothing, for a message that goes on after it. */
export function meantInParens(input: string, candidates: Iterable<string>): string {
  const n = nearest(input, candidates);
  return n === null ? "" : ` (did you mean ${n}?)`;
}

/** `; did you mean X?` or nothing. */
export function didYouMean(input: string, candidates: Iterable<string>, show = (s: string) => s): string {
  const n = nearest(input, candidates);
  return n === null ? "" : `; did you mean ${show(n)}?`;
}
