/**
 * One Chromium with one extension (Facetag or the peer), through playwright-core and the
 * system browser, with the same quiet flags as the e2e tests, plus a debugging port so the
 * benchmark can reach the extension's offscreen document (which playwright does not expose).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM, quietExtensionArgs } from '../../tests/e2e/helpers/chromium.js';
import { connectCdp, listTargets, type Cdp } from './cdp.js';
import { watchEngine, type EngineRun } from './watch.js';

export interface Session {
  context: BrowserContext;
  /** chrome-extension://<id> */
  origin: string;
  worker(): Promise<Worker>;
  /** The offscreen document's CDP connection, once the extension has created it. */
  offscreen(timeoutMs?: number): Promise<Cdp>;
  /** Every image the engine host has analysed in this session (from its log), across restarts of the host. */
  runs: EngineRun[];
  /** Closes the engine host, as after a browser start; the next analysis creates it again. */
  closeEngine(): Promise<void>;
  /** Renderer processes of extensions (the offscreen document and service worker live there). */
  extensionPids(): number[];
  /**
   * The engine host's process: extension renderers that started after the session opened (the
   * service worker's was there already; Chromium gives the cross-origin-isolated offscreen
   * document a process of its own). All extension renderers if none started since.
   */
  enginePids(): number[];
  close(): Promise<void>;
}

/** SwiftShader's WebGPU adapter: what this machine (no GPU) can offer Facetag's WebGPU path. */
export const WEBGPU_ARGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan'];

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function openSession(extension: string, extraArgs: readonly string[] = []): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'facetag-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...quietExtensionArgs(extension), '--remote-debugging-port=0', ...extraArgs],
  });
  const port = Number(readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
  const worker = () => until('the extension service worker', async () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')));
  const origin = `chrome-extension://${new URL((await worker()).url()).host}`;
  // The service worker's process (its command line can take a moment to show the flag).
  const workerPids = new Set(await until('the service worker\'s process', async () => {
    const pids = rendererPids(profile, '--extension-process');
    return pids.length ? pids : null;
  }, 20_000));
  let offscreen: Promise<Cdp> | null = null;
  const runs: EngineRun[] = [];
  const connect = (timeoutMs: number) => {
    offscreen ??= until('the offscreen document', async () => {
      const t = (await listTargets(port)).find((x) => x.type === 'background_page' && x.url.startsWith(origin));
      if (!t) return null;
      const cdp = await connectCdp(t);
      await watchEngine(cdp, runs);
      return cdp;
    }, timeoutMs, 20).catch((error: unknown) => {
      offscreen = null;
      throw error;
    });
    return offscreen;
  };
  // Attach as soon as the extension creates its engine host, so no analysis goes unseen.
  void connect(600_000).catch(() => undefined);
  return {
    context,
    origin,
    worker,
    runs,
    offscreen: (timeoutMs = 60_000) => connect(timeoutMs),
    async closeEngine() {
      await (await worker()).evaluate(() => chrome.offscreen.closeDocument());
      const old = offscreen;
      offscreen = null;
      await old?.then((c) => c.close(), () => undefined);
      void connect(600_000).catch(() => undefined);
    },
    extensionPids: () => rendererPids(profile, '--extension-process'),
    enginePids: () => {
      const all = rendererPids(profile, '--extension-process');
      const later = all.filter((pid) => !workerPids.has(pid));
      return later.length ? later : all;
    },
    close: async () => {
      await offscreen?.then((c) => c.close(), () => undefined);
      await context.close();
    },
  };
}

/** Renderer processes of this session's browser (its profile) that carry `flag`. */
function rendererPids(profile: string, flag: string): number[] {
  const pids: number[] = [];
  for (const dir of readdirProc()) {
    try {
      // Chromium rewrites its command line as one space-separated string (its process title).
      const args = readFileSync(`/proc/${dir}/cmdline`, 'utf8').split(/[\0 ]/);
      if (args.includes('--type=renderer') && args.includes(flag) && args.includes(`--user-data-dir=${profile}`)) pids.push(Number(dir));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

const readdirProc = (): string[] => readdirSync('/proc').filter((d) => /^\d+$/.test(d));
