/** The browser benchmark's pure parts: percentiles, ratios, held frame rates and content-script task attribution. */
import { describe, expect, it } from 'vitest';
import { heldRate, percentile, ratio } from '../../bench/browser/stats.js';
import { longestExtensionTask, type TraceEvent } from '../../bench/browser/trace.js';

describe('percentile', () => {
  it('interpolates between closest ranks and ignores input order', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('ratio', () => {
  it('divides and formats, and says so when a side is missing', () => {
    expect(ratio(500, 100)).toBe('5.0×');
    expect(ratio(null, 100)).toBe('—');
    expect(ratio(5, 0)).toBe('—');
  });
});

describe('heldRate', () => {
  it('counts the most frames finished within any window, per second', () => {
    // 10 fps for a second, then a stall: the held rate is the 10 fps stretch.
    const times = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 5000];
    expect(heldRate(times, 1000)).toBe(10);
    expect(heldRate([], 1000)).toBe(0);
  });
});

describe('longestExtensionTask', () => {
  const ext = 'chrome-extension://abc';
  const task = (ts: number, dur: number): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, pid: 1, tid: 1 });
  const call = (ts: number, dur: number, url: string, tdur = dur): TraceEvent => ({ name: 'FunctionCall', ph: 'X', ts, dur, tdur, pid: 1, tid: 1, args: { data: { url } } });

  it("sums the extension's outermost script entries within one task and ignores the page's own scripts", () => {
    const events = [
      task(0, 100_000),
      call(1_000, 30_000, `${ext}/src/content/main.js`, 20_000),
      call(5_000, 10_000, `${ext}/src/content/main.js`), // nested inside the first: not counted again
      call(40_000, 15_000, `${ext}/src/content/main.js`),
      call(60_000, 35_000, 'http://127.0.0.1/page.js'),
      task(200_000, 50_000),
      call(201_000, 40_000, 'http://127.0.0.1/page.js'),
    ];
    expect(longestExtensionTask(events, ext)).toEqual({ wallMs: 45, cpuMs: 35 });
  });

  it('is zero when the extension never ran', () => {
    expect(longestExtensionTask([task(0, 10_000)], ext)).toEqual({ wallMs: 0, cpuMs: 0 });
  });
});
