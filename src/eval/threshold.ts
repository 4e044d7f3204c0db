/** Operating-point thresholds shared by the verification and open-set metrics. Pure functions. */

/** The smallest double strictly greater than x, so that "score >= threshold" excludes x itself. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === -Infinity) return -Number.MAX_VALUE;
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/**
 * The lowest threshold at which at most `rate` of `negatives` score >= threshold.
 * With k = floor(rate·N) negatives allowed, the threshold sits just above the (k+1)-th highest negative;
 * ties there are excluded together, so fewer than k may pass but never more.
 * -Infinity (accept everything) when rate allows all negatives or there are none.
 */
export function thresholdAtRate(negatives: readonly number[], rate: number): number {
  // The tiny relative slack keeps e.g. 0.29 * 100 = 28.999999999999996 from dropping to 28.
  const allowed = Math.floor(rate * negatives.length * (1 + 1e-12));
  if (allowed >= negatives.length) return -Infinity;
  // A typed array sorts numerically (a plain sort would compare strings).
  const desc = Float64Array.from(negatives).sort().reverse();
  return nextUp(desc[allowed] as number);
}
