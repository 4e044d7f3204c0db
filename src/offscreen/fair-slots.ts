/**
 * Page images, analysed `slots` at a time, taken from each tab in turn (issue 14, finding 5).
 * One queue for every tab let a page of 150 large images hold minutes of engine work ahead of
 * another tab's one portrait. Here each tab (an `owner`) has its own queue; a free slot goes to
 * the next tab in the ring, and a tab with nothing waiting before joins at the front. One tab
 * holds at most `perOwner.running` slots, so with more slots than that one is always free for
 * another tab: a quiet tab's image starts at once, whatever a busy tab queued. While another
 * tab has work, a tab starts no more than one at a time: the engine's model runs are one queue,
 * and each image in flight is one more run ahead of the quiet tab's. A tab that closes or
 * navigates has its waiting work dropped.
 */
/** A task that never started because its tab's work was dropped: an answer, not a fault to log. */
export class DroppedWork extends Error {}

export interface FairSlots {
  run<T>(owner: number, task: () => Promise<T>): Promise<T>;
  /** Fails every task of `owner` not yet started, with `why`; returns how many. */
  drop(owner: number, why: string): number;
}

interface Waiting {
  /** Starts the task; `finished` is called once it settles. */
  start(finished: () => void): void;
  fail(error: Error): void;
}

/** `perOwner.waiting` bounds one tab's queue: past it a task fails at once instead of waiting. */
export function fairSlots(slots: number, perOwner: { running: number; waiting: number }): FairSlots {
  const queues = new Map<number, Waiting[]>();
  /** Owners with work waiting, next to be served first. */
  const ring: number[] = [];
  const runningOf = new Map<number, number>();
  let running = 0;

  /** Alone, a tab may use `perOwner.running` slots; beside another tab's work, one. */
  const capOf = (owner: number) => ([...runningOf.keys(), ...queues.keys()].some((o) => o !== owner) ? 1 : perOwner.running);

  const pump = () => {
    for (let at = 0; running < slots && at < ring.length; ) {
      const owner = ring[at]!;
      if ((runningOf.get(owner) ?? 0) >= capOf(owner)) {
        at++;
        continue;
      }
      ring.splice(at, 1);
      const queue = queues.get(owner)!;
      const next = queue.shift()!;
      if (queue.length > 0) ring.push(owner);
      else queues.delete(owner);
      running++;
      runningOf.set(owner, (runningOf.get(owner) ?? 0) + 1);
      next.start(() => {
        running--;
        const left = runningOf.get(owner)! - 1;
        if (left > 0) runningOf.set(owner, left);
        else runningOf.delete(owner);
        pump();
      });
    }
  };

  return {
    run<T>(owner: number, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const queue = queues.get(owner) ?? [];
        if (queue.length >= perOwner.waiting) {
          reject(new Error(`more than ${perOwner.waiting} images of this tab are waiting for the engine`));
          return;
        }
        const start = (finished: () => void) => void task().then(resolve, reject).finally(finished);
        queue.push({ start, fail: reject });
        if (!queues.has(owner)) {
          queues.set(owner, queue);
          ring.unshift(owner);
        }
        pump();
      });
    },
    drop(owner, why) {
      const queue = queues.get(owner);
      if (!queue) return 0;
      queues.delete(owner);
      ring.splice(ring.indexOf(owner), 1);
      for (const waiting of queue) waiting.fail(new DroppedWork(why));
      return queue.length;
    },
  };
}
