/**
 * Everything measured for one configuration (an extension in one browser set-up): enrollment,
 * cold start, the three pages, video, memory over 500 images (memory.ts).
 */
import type { Page } from 'playwright-core';
import type { Site } from '../../tests/e2e/helpers/site.js';
import { articlePage, galleryPage, groupPage, scrollPage, videoPage } from './pages.js';
import { memoryRun, type MemorySample } from './memory.js';
import { runPage, type PageResult } from './page-run.js';
import { ARTICLE_PHOTOS, ENROLLEES, galleryPhotos, GROUP_PHOTOS, scrollPhotos } from './photos.js';
import type { Product } from './products.js';
import { openSession, until, type Session } from './session.js';
import { videoFrames } from './frames.js';
import { heldRate } from './stats.js';

export interface Config {
  name: string;
  product: Product;
  /** Extra Chromium flags (WebGPU on SwiftShader). */
  args?: string[];
  /** navigator.hardwareConcurrency the engine host sees (ORT's thread count follows it). */
  cores?: number;
  /** Which measurements to run; slow set-ups run fewer. */
  scenarios: ReadonlySet<Scenario>;
  /** Images of the memory run (500 unless a slow set-up runs fewer). */
  memoryImages?: number;
}

export type Scenario = 'cold' | 'gallery' | 'groups' | 'article' | 'scroll' | 'video' | 'memory';

export interface ConfigResult {
  name: string;
  product: Product['id'];
  enrolled: number;
  backend: string;
  coldStartMs: number | null;
  pages: PageResult[];
  /** Frames per second through the page-analysis message (≤640 px JPEG data URLs, as canvases are sent). */
  frameFps: number | null;
  /** Label updates per second seen on the <video> element by the content script (null: it labels no video). */
  videoLabelFps: number | null;
  /** The same on a video that cuts to new faces every 400 ms (every sample needs identifying). */
  videoCutsLabelFps: number | null;
  memory: MemorySample[];
}

const tag = (url: string, t: string) => `${url}?${t}`;

/** Reads down the page a screen at a time, as a reader would. */
async function scrollThrough(page: Page): Promise<void> {
  for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(300);
  }
}

/** Scrolls down a screen at a time until the feed has added `count` images and its end is in view. */
async function scrollToEnd(page: Page, count: number): Promise<void> {
  await until(`the feed to reach ${count} images`, async () => {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, 600);
      return window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
    });
    return atEnd && (await page.title()) === `Feed ${count}`;
  }, 300_000, 300);
}

export async function runConfig(config: Config, site: Site, faces: string, log: (line: string) => void): Promise<ConfigResult> {
  const { product } = config;
  const session = await openSession(product.extension(), config.args);
  const result: ConfigResult = { name: config.name, product: product.id, enrolled: 0, backend: '', coldStartMs: null, pages: [], frameFps: null, videoLabelFps: null, videoCutsLabelFps: null, memory: [] };
  try {
    if (config.cores !== undefined) await pinCores(session, product, config.cores);
    for (const e of ENROLLEES) if (await product.enroll(session, site.photo(e.photo), e.name)) result.enrolled++;
    result.backend = session.runs.at(-1)?.backend ?? 'unknown';
    log(`${config.name}: ${result.enrolled}/${ENROLLEES.length} enrolled, engine on ${result.backend}`);
    const run = async (name: string, html: string, expect: number, drive?: (p: Page) => Promise<void>, quietMs?: number) => {
      const r = await runPage(session, product, name, site.page(`${config.name}-${name}`, html), { drive, expect, quietMs });
      result.pages.push(r);
      log(`${config.name} ${name}: ${r.runs.length} images, last label ${r.lastLabelMs} ms, ${r.labels.length} labels`);
      return r;
    };
    const s = config.scenarios;
    if (s.has('cold')) {
      // The engine host as after a browser start: no offscreen document, no models loaded.
      await session.closeEngine();
      const r = await run('cold', galleryPage([tag(site.photo('human/in/person-vlado1.jpg'), 'cold')]), 1);
      result.coldStartMs = r.firstLabelMs;
      if (config.cores !== undefined) await pinCores(session, product, config.cores);
    }
    if (s.has('gallery')) await run('gallery', galleryPage(galleryPhotos(faces).map((p) => tag(site.photo(p), 'gallery'))), 50);
    if (s.has('groups')) await run('groups', groupPage(GROUP_PHOTOS.map((p) => tag(site.photo(p), 'groups'))), GROUP_PHOTOS.length, scrollThrough);
    if (s.has('article')) await run('article', articlePage(ARTICLE_PHOTOS.map((p) => tag(site.photo(p), 'article'))), ARTICLE_PHOTOS.length, scrollThrough);
    if (s.has('scroll')) await run('scroll', scrollPage(scrollPhotos(faces).map((p) => tag(site.photo(p), 'scroll'))), 200, (p) => scrollToEnd(p, 200));
    if (s.has('video')) {
      // A fixed 10 s window: a playing video keeps the engine busy, so the page never goes quiet.
      const onVideo = async (name: string, shotMs: number) => {
        const video = await run(name, videoPage(GROUP_PHOTOS.slice(0, 6).map((p) => site.photo(p)), shotMs), 0, (p) => p.waitForTimeout(10_000), 0);
        return video.runs.length > 1 ? heldRate(video.runs.map((r) => r.at), 5000) : null;
      };
      result.videoLabelFps = await onVideo('video', 3000);
      result.videoCutsLabelFps = await onVideo('video-cuts', 400);
      // Enough distinct frames for 10 s at well over the 10 fps target.
      const frames = await videoFrames(faces, 200);
      const done = await product.analyseFrames(session, frames, 10_000);
      result.frameFps = heldRate(done.slice(2), 5000);
      log(`${config.name} video: ${done.length} frames through the analyse message, ${result.frameFps.toFixed(1)} fps held`);
    }
    if (s.has('memory')) result.memory = await memoryRun(session, site, faces, config.name, config.memoryImages ?? 500, log);
    return result;
  } finally {
    await session.close();
  }
}

async function pinCores(session: Session, product: Product, cores: number): Promise<void> {
  const sw = await session.worker();
  // The engine host is created (and only created) here, so the override is in place before its first model load.
  await sw.evaluate(async (path) => {
    if ((await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).length === 0) {
      await chrome.offscreen.createDocument({ url: path, reasons: [chrome.offscreen.Reason.WORKERS], justification: 'benchmark' });
    }
  }, product.offscreenPath);
  const cdp = await session.offscreen();
  await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
}

