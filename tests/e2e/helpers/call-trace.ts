/**
 * The last steps a check took (each call into a browser and each named wait, with how long it
 * took and how it ended), printed when the check fails. vitest's own "Test timed out" names no
 * step; this says which one was running and which were slow.
 */
const KEEP = 40;
interface Step {
  at: string;
  what: string;
  outcome: string;
  times: number;
  slowestMs: number;
}

const steps: Step[] = [];
let running = new Map<number, string>();
let nextId = 0;

/** Marks a step as started; the returned function records how it ended. */
export function traceStep(what: string): (outcome: string) => void {
  const id = nextId++;
  const started = Date.now();
  running.set(id, `${new Date(started).toISOString().slice(11, 23)} ${what}`);
  return (outcome) => {
    running.delete(id);
    const ms = Date.now() - started;
    // A wait's probes repeat every few hundred ms: one line per run of them, with the slowest.
    const same = steps.slice(-2).find((s) => s.what === what && s.outcome === outcome);
    if (same) {
      same.times++;
      same.slowestMs = Math.max(same.slowestMs, ms);
      return;
    }
    steps.push({ at: new Date(started).toISOString().slice(11, 23), what, outcome, times: 1, slowestMs: ms });
    if (steps.length > KEEP) steps.splice(0, steps.length - KEEP);
  };
}

/** Forgets every step so far (a new check starts). */
export function clearTrace(): void {
  steps.length = 0;
  running = new Map();
}

/** The last steps, then those still running, as lines. */
export function traceLines(): string[] {
  const done = steps.map((s) => `${s.at} ${s.what} → ${s.outcome}${s.times > 1 ? ` (${s.times} times, slowest ${s.slowestMs} ms)` : ` after ${s.slowestMs} ms`}`);
  return [...done, ...[...running.values()].map((s) => `${s} … still running`)];
}
