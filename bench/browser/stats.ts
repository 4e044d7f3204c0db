/** Summary statistics for the browser benchmark: pure, unit-tested. */

/** The p-th percentile (0..100) by linear interpolation between closest ranks; NaN for no data. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (rank - lo);
}

/** "a / b" as a ratio rounded for the report, or '—' when either side is missing. */
export function ratio(a: number | null, b: number | null, digits = 1): string {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  return `${(a / b).toFixed(digits)}×`;
}

/**
 * The most frames completed in any `windowMs` window, per second: what a video labeller holds
 * once warm, unaffected by a slow first frame.
 */
export function heldRate(doneAt: readonly number[], windowMs: number): number {
  const t = [...doneAt].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while ((t[j] as number) - (t[i] as number) > windowMs) i++;
    best = Math.max(best, j - i);
  }
  return (best * 1000) / windowMs;
}
