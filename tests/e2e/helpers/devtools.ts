/**
 * DevTools access to every context of the Chromium under test, beside playwright's own
 * connection: puppeteer attaches over --remote-debugging-port, which reaches targets playwright
 * does not expose (the offscreen document). Through it the tests read each context's console
 * errors, crash the engine's renderer, and sample the engine host's memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Target } from 'puppeteer-core';
import { waitFor } from './driver.js';

/** Chromium flags for attachDevtools: the port is chosen by the browser and written to the profile. */
export const DEVTOOLS_ARGS = ['--remote-debugging-port=0'];

export const OFFSCREEN_URL = /^chrome-extension:\/\/[a-z]+\/src\/offscreen\/offscreen\.html$/;

export async function attachDevtools(profile: string): Promise<Browser> {
  // After a restart the file may still name the old port for a moment: retry until one answers.
  return waitFor('DevTools', async () => {
    const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    // Not workers ('other': ORT's WASM threads among them): with puppeteer attached to them the
    // engine's models never finished loading (the soak's first enrollment and the faults'
    // re-created engine document waited forever); playwright's connection does not stall them.
    // No check reads a worker's console.
    return puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null, targetFilter: (t) => t.type() !== 'other' });
  }, 20_000);
}

export async function offscreenTarget(browser: Browser, timeoutMs = 120_000): Promise<Target> {
  return browser.waitForTarget((t) => OFFSCREEN_URL.test(t.url()), { timeout: timeoutMs });
}

export interface LoggedProblem {
  context: string;
  level: string;
  text: string;
}

const CONTEXT_TYPES = new Set(['page', 'service_worker', 'background_page']);

/**
 * Collects console errors and warnings (every console message with `everyLevel`), uncaught
 * exceptions and browser log errors from every page, the service worker and the offscreen
 * document, including ones created later.
 */
export async function watchProblems(browser: Browser, everyLevel = false): Promise<{ problems: LoggedProblem[]; stop(): Promise<void> }> {
  const problems: LoggedProblem[] = [];
  const sessions: CDPSession[] = [];
  const seen = new Set<Target>();
  const attach = async (target: Target) => {
    if (seen.has(target) || !CONTEXT_TYPES.has(target.type()) || !/^(https?|chrome-extension):/.test(target.url())) return;
    seen.add(target);
    const session = await target.createCDPSession().catch(() => null);
    if (!session) return;
    sessions.push(session);
    const where = () => `${target.type()} ${target.url().slice(0, 100)}`;
    session.on('Runtime.consoleAPICalled', (e) => {
      if (everyLevel || e.type === 'error' || e.type === 'warning' || e.type === 'assert') problems.push({ context: where(), level: e.type, text: e.args.map((a) => a.value ?? a.description ?? '').join(' ') });
    });
    session.on('Runtime.exceptionThrown', (e) => problems.push({ context: where(), level: 'exception', text: e.exceptionDetails.exception?.description ?? e.exceptionDetails.text }));
    session.on('Log.entryAdded', (e) => {
      if (e.entry.level === 'error' || e.entry.level === 'warning') problems.push({ context: where(), level: `log ${e.entry.level}`, text: `${e.entry.text} ${e.entry.url ?? ''}` });
    });
    await Promise.all([session.send('Runtime.enable'), session.send('Log.enable')]).catch(() => undefined);
  };
  const onCreated = (t: Target) => void attach(t);
  browser.on('targetcreated', onCreated);
  browser.on('targetchanged', onCreated);
  await Promise.all(browser.targets().map(attach));
  return {
    problems,
    stop: async () => {
      browser.off('targetcreated', onCreated);
      browser.off('targetchanged', onCreated);
      await Promise.allSettled(sessions.map((s) => s.detach()));
    },
  };
}

export interface EngineMemory {
  /** Live JS heap of the engine's document after a full GC, bytes. */
  jsHeap: number;
  /** ArrayBuffer backing stores there, bytes: the decoded images (ORT's WebAssembly memory is not counted here; it is in processRss). */
  buffers: number;
  /** Resident memory of the extension's renderer processes summed (the engine document's and the service worker's), bytes. */
  processRss: number;
}

/** Resident set of this browser's extension renderer process (Linux /proc), bytes. */
async function extensionProcessRss(browser: Browser): Promise<number> {
  const session = await browser.target().createCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await session.detach();
  let total = 0;
  for (const pid of processInfo.filter((p) => p.type === 'renderer').map((p) => p.id)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

/** A context's heap after a full GC (so samples are comparable): live JS bytes and ArrayBuffer backing stores. */
export async function heapAfterGc(session: CDPSession): Promise<{ usedSize: number; backingStorageSize?: number }> {
  await session.send('HeapProfiler.collectGarbage');
  return (await session.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
}

/** Samples the engine host's memory. */
export async function engineMemory(browser: Browser, session: CDPSession): Promise<EngineMemory> {
  const usage = await heapAfterGc(session);
  return { jsHeap: usage.usedSize, buffers: usage.backingStorageSize ?? 0, processRss: await extensionProcessRss(browser) };
}
