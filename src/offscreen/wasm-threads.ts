/**
 * ORT's intra-op threads. Threads need a cross-origin-isolated document (SharedArrayBuffer).
 * On 2 cores both are used: there a second thread made each image 1.6x faster (gallery median
 * 100 -> 63 ms, docs/BENCHMARKS.md) and the page's own work is brief. With more cores one is
 * left to the browser, and beyond 4 threads these small models gain nothing.
 */
export function wasmThreads(cores: number, crossOriginIsolated: boolean): number {
  if (!crossOriginIsolated || !(cores >= 1)) return 1;
  return Math.min(4, cores <= 2 ? Math.floor(cores) : Math.floor(cores) - 1);
}
