/**
 * Numeric parity checks between a converted model and its reference. Bounds are per output
 * row (one face): max |a - r| <= rel * max |r|, and optionally cosine(a, r) >= minCosine.
 */
export interface ParityBounds {
  rel: number;
  minCosine?: number;
  /**
   * The output's scale when it is known a priori: a probability's is 1. Without it, the row's
   * own max |ref| is the scale, which for a probability near 0 would demand more precision
   * than float32 sigmoid has.
   */
  scale?: number;
}

export interface RowParity {
  maxAbsDiff: number;
  maxAbsRef: number;
  cosine: number;
}

export function rowParity(actual: Float32Array, reference: Float32Array): RowParity {
  if (actual.length !== reference.length) throw new Error(`length ${actual.length} vs reference ${reference.length}`);
  let maxAbsDiff = 0;
  let maxAbsRef = 0;
  let dot = 0;
  let na = 0;
  let nr = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const r = reference[i] as number;
    maxAbsDiff = Math.max(maxAbsDiff, Math.abs(a - r));
    maxAbsRef = Math.max(maxAbsRef, Math.abs(r));
    dot += a * r;
    na += a * a;
    nr += r * r;
  }
  return { maxAbsDiff, maxAbsRef, cosine: dot / Math.sqrt(na * nr) };
}

/** Splits flat [rows * rowLength] outputs and checks each row; returns per-row numbers for logging. */
export function checkParity(actual: Float32Array, reference: Float32Array, rowLength: number, bounds: ParityBounds, label: string): RowParity[] {
  if (actual.length !== reference.length || actual.length % rowLength !== 0) {
    throw new Error(`${label}: output length ${actual.length} vs reference ${reference.length} (row ${rowLength})`);
  }
  const rows: RowParity[] = [];
  const failures: string[] = [];
  for (let start = 0; start < actual.length; start += rowLength) {
    const row = rowParity(actual.subarray(start, start + rowLength), reference.subarray(start, start + rowLength));
    rows.push(row);
    const index = start / rowLength;
    const scale = bounds.scale ?? row.maxAbsRef;
    if (!(row.maxAbsDiff <= bounds.rel * scale)) {
      failures.push(`row ${index}: max abs diff ${row.maxAbsDiff.toExponential(3)} > ${bounds.rel} x scale ${scale.toExponential(3)}`);
    }
    if (bounds.minCosine !== undefined && !(row.cosine >= bounds.minCosine)) {
      failures.push(`row ${index}: cosine ${row.cosine.toFixed(7)} < ${bounds.minCosine}`);
    }
  }
  if (failures.length > 0) throw new Error(`${label} parity failed:\n  ${failures.join('\n  ')}`);
  return rows;
}

/** One-line summary of the worst row, for test logs and reports. */
export function summarise(rows: readonly RowParity[]): string {
  const worstRel = Math.max(...rows.map((r) => r.maxAbsDiff / r.maxAbsRef));
  const worstAbs = Math.max(...rows.map((r) => r.maxAbsDiff));
  const minCos = Math.min(...rows.map((r) => r.cosine));
  return `max abs diff ${worstAbs.toExponential(2)}, worst rel ${worstRel.toExponential(2)}, min cosine ${minCos.toFixed(9)}`;
}

/** Prints the worst-row summary (stdout, so parity numbers show in CI logs without tripping no-console). */
export function logParity(label: string, rows: readonly RowParity[]): void {
  process.stdout.write(`${label}: ${summarise(rows)}\n`);
}
