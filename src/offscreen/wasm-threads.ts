/**
 * ORT's intra-op threads. Threads need a cross-origin-isolated document (SharedArrayBuffer).
 * On 2 cores both are used: there a second thread made each image 1.5-1.6x faster (gallery
 * median 100 -> 63 ms, docs/BENCHMARKS.md) and the page's own work is brief. With more cores
 * one is left to the browser; the cap of 4 is the one the engine always had.
 */
export function wasmThreads(cores: number, crossOriginIsolated: boolean): number {
  if (!crossOriginIsolated || !(cores >= 1)) return 1;
  const whole = Math.floor(cores);
  return Math.min(4, whole <= 2 ? whole : whole - 1);
}
