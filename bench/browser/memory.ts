/**
 * The memory run: `total` images, 50 on screen at a time, every URL unique, and after 100 images
 * and every further 100 what the engine host holds, measured three ways (see MemorySample).
 */
import { readFileSync } from 'node:fs';
import type { Site } from '../../tests/e2e/helpers/site.js';
import type { Cdp } from './cdp.js';
import { memoryPage } from './pages.js';
import { scrollPhotos } from './photos.js';
import { until, type Session } from './session.js';

const MB = 2 ** 20;

export interface MemorySample {
  images: number;
  /** VmRSS summed over the session's extension renderer processes (engine host and service worker). */
  rssMb: number;
  /** VmRSS of the engine host's own process (the offscreen document's renderer). */
  engineRssMb: number;
  /** Its pages no other process maps (Private_Clean + Private_Dirty): RSS less the browser binary and libraries shared with every renderer. */
  enginePrivateMb: number;
  /** The engine host's own memory: jsHeapMb + arrayBuffersMb + wasmMb. */
  engineOwnMb: number;
  /** Live JS heap of its document after a full GC. */
  jsHeapMb: number;
  /** ArrayBuffer backing stores there (Runtime.getHeapUsage; WebAssembly memory is not among them). */
  arrayBuffersMb: number;
  /**
   * The engine's WebAssembly memory. Facetag: what performance.measureUserAgentSpecificMemory()
   * counts beyond the JS heap and ArrayBuffers, which is ORT's memory (created from JS). The
   * peer: read from tfjs's backend, because that measurement leaves out memory a WebAssembly
   * module creates itself (measured: 5 MB in all for the peer's document).
   */
  wasmMb: number;
  /** performance.measureUserAgentSpecificMemory() in the engine host's document, as reported. */
  measuredMb: number;
}

function smapsMb(pid: number): { rss: number; private: number } {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rss: kb('Rss') / 1024, private: (kb('Private_Clean') + kb('Private_Dirty')) / 1024 };
}

const MEASURE = `performance.measureUserAgentSpecificMemory().then((m) => m.bytes)`;
/** The peer's hook (bench/peer-extension/offscreen.ts); undefined in Facetag. */
const PEER_WASM = `globalThis.peerWasmBytes?.() ?? null`;

export async function memorySample(session: Session, images: number): Promise<MemorySample> {
  const cdp = await session.offscreen();
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send<{ usedSize: number; backingStorageSize: number }>('Runtime.getHeapUsage');
  const measured = (await measureOwn(cdp)) / MB;
  const peerWasm = (await cdp.send<{ result: { value: number | null } }>('Runtime.evaluate', { expression: PEER_WASM, returnByValue: true })).result.value;
  const jsHeapMb = heap.usedSize / MB;
  const arrayBuffersMb = heap.backingStorageSize / MB;
  const wasmMb = peerWasm === null ? measured - jsHeapMb - arrayBuffersMb : peerWasm / MB;
  const engine = session.enginePids().map(smapsMb);
  return {
    images,
    rssMb: session.extensionPids().reduce((sum, pid) => sum + smapsMb(pid).rss, 0),
    engineRssMb: engine.reduce((sum, m) => sum + m.rss, 0),
    enginePrivateMb: engine.reduce((sum, m) => sum + m.private, 0),
    engineOwnMb: jsHeapMb + arrayBuffersMb + wasmMb,
    jsHeapMb,
    arrayBuffersMb,
    wasmMb,
    measuredMb: measured,
  };
}

/** The measurement is taken at the browser's next GC (up to 20 s away): a forced one makes it now. */
async function measureOwn(cdp: Cdp): Promise<number> {
  const measured = cdp.send<{ result: { value: number }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression: MEASURE, awaitPromise: true, returnByValue: true });
  await new Promise((r) => setTimeout(r, 100));
  await cdp.send('HeapProfiler.collectGarbage');
  const r = await measured;
  if (r.exceptionDetails) throw new Error(`measureUserAgentSpecificMemory failed (is the document cross-origin isolated?): ${r.exceptionDetails.text}`);
  return r.result.value;
}

export async function memoryRun(session: Session, site: Site, faces: string, name: string, total: number, log: (line: string) => void): Promise<MemorySample[]> {
  const pool = scrollPhotos(faces);
  const urls = Array.from({ length: total }, (_, i) => `${site.photo(pool[i % pool.length] as string)}?m=${i}`);
  const page = await session.context.newPage();
  const runs = session.runs;
  const samples: MemorySample[] = [];
  try {
    await page.goto(site.page(`${name}-memory`, memoryPage(urls, 50)));
    const before = runs.length;
    for (let k = 0; k < total / 50; k++) {
      await page.evaluate((batch) => (window as unknown as { showBatch(k: number): void }).showBatch(batch), k);
      await until(`batch ${k} analysed`, async () => runs.length - before >= (k + 1) * 50, 600_000, 200).catch(() => undefined);
      if ((k + 1) % 2 === 0) {
        samples.push(await memorySample(session, runs.length - before));
        log(`${name} memory: ${JSON.stringify(samples.at(-1))}`);
      }
    }
  } finally {
    await page.close();
  }
  return samples;
}
