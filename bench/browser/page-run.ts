/**
 * One page, start to finish: navigate, let the extension label it, and collect when labels
 * appeared, what the engine did, and the longest main-thread work of the content script.
 */
import type { Page } from 'playwright-core';
import { longestExtensionTask, startTrace, type TaskTime } from './trace.js';
import type { Product } from './products.js';
import type { Session } from './session.js';
import { labelNames, watchLabelFrames, type EngineRun } from './watch.js';

export interface PageResult {
  page: string;
  /** ms from navigation to the first and the last label frame. */
  firstLabelMs: number | null;
  lastLabelMs: number | null;
  /** ms from navigation until the page's driver (a reader scrolling) was done; 0 without one. */
  driveMs: number;
  /** Images the engine analysed for this page, in order. */
  runs: EngineRun[];
  /** Names on the page at the end, as a screen reader reads them. */
  labels: string[];
  /** The longest main-thread task in which the extension's content script ran: its script time. */
  longestTask: TaskTime;
  wallMs: number;
}

export interface PageOptions {
  /** Runs after navigation (scrolling, starting batches); resolves when the page has shown everything. */
  drive?: (page: Page) => Promise<void>;
  /** Images the engine must analyse for this page before it can be done (busy machines make gaps between images long). */
  expect?: number;
  /** ...and then the page is done once nothing new happened for this long. */
  quietMs?: number;
  timeoutMs?: number;
}

export async function runPage(session: Session, product: Product, name: string, url: string, opts: PageOptions = {}): Promise<PageResult> {
  const quietMs = opts.quietMs ?? 2000;
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const frames = await watchLabelFrames(cdp);
  const trace = await startTrace(cdp);
  const runs = session.runs;
  const firstRun = runs.length;
  const t0 = Date.now();
  await page.goto(url);
  await frames.rescan();
  await opts.drive?.(page);
  const driveMs = opts.drive ? Date.now() - t0 : 0;
  const end = t0 + (opts.timeoutMs ?? 300_000);
  const lastEvent = () => Math.max(t0, runs.at(-1)?.at ?? 0, frames.times.at(-1) ?? 0);
  const analysed = () => runs.length - firstRun;
  while ((analysed() < (opts.expect ?? 0) || Date.now() - lastEvent() < quietMs) && Date.now() < end) await page.waitForTimeout(250);
  const wallMs = lastEvent() - t0;
  const events = await trace.stop();
  const labels = await labelNames(cdp, product.labelPrefix);
  await cdp.detach();
  await page.close();
  return {
    page: name,
    firstLabelMs: frames.times.length ? (frames.times[0] as number) - t0 : null,
    lastLabelMs: frames.times.length ? (frames.times.at(-1) as number) - t0 : null,
    driveMs,
    runs: runs.slice(firstRun),
    labels,
    longestTask: longestExtensionTask(events, session.origin),
    wallMs,
  };
}
