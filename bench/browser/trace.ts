/**
 * Main-thread tasks of a page and the share of each spent in the extension's content script,
 * from a CDP trace: top-level tasks (`RunTask`) and the script entries (`FunctionCall`,
 * `EvaluateScript`, timers, observers) whose script URL is the extension's.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time; wall time `dur` also counts time the thread was descheduled. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; frame?: string } };
}

export async function startTrace(cdp: CDPSession): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (p) => events.push(...(p.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  return {
    stop: async () => {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

/** Top-level task events: older Chromium names them RunTask. */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SCRIPT_ENTRIES = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.run']);

export interface TaskTime {
  /** Wall time, what a user waits for. */
  wallMs: number;
  /** Thread time of the same task: the work itself, without waits for the (shared) CPU. */
  cpuMs: number;
}

/**
 * The longest time the extension's script held the main thread within one task, in ms. Nested
 * script entries of one task are merged by their outermost span, so nothing is counted twice.
 */
export function longestExtensionTask(events: readonly TraceEvent[], extensionOrigin: string): TaskTime {
  const tasks = events.filter((e) => TASKS.has(e.name) && e.ph === 'X' && e.dur !== undefined);
  const scripts = events
    .filter((e) => SCRIPT_ENTRIES.has(e.name) && e.ph === 'X' && e.dur !== undefined)
    .filter((e) => (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').startsWith(extensionOrigin))
    .sort((a, b) => a.ts - b.ts);
  let longest: TaskTime = { wallMs: 0, cpuMs: 0 };
  for (const task of tasks) {
    const end = task.ts + (task.dur as number);
    let wall = 0;
    let cpu = 0;
    let coveredTo = -Infinity;
    for (const s of scripts) {
      if (s.pid !== task.pid || s.tid !== task.tid || s.ts < task.ts || s.ts >= end) continue;
      const sEnd = s.ts + (s.dur as number);
      // Only outermost entries count: a nested entry's time is already inside its parent's.
      if (s.ts >= coveredTo) {
        wall += s.dur as number;
        cpu += s.tdur ?? (s.dur as number);
      }
      coveredTo = Math.max(coveredTo, sEnd);
    }
    if (wall / 1000 > longest.wallMs) longest = { wallMs: wall / 1000, cpuMs: cpu / 1000 };
  }
  return longest;
}
