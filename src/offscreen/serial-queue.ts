/**
 * Runs tasks one at a time, in order. ORT-web sessions share one WASM instance (and one GPU
 * device), so overlapping runs only contend; queueing keeps each image's latency predictable.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    // The chain must survive a failed task; the caller still sees the rejection.
    tail = next.catch(() => undefined);
    return next;
  };
}
