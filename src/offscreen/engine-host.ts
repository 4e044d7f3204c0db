/**
 * The one owner of the ORT runtime: the offscreen document in Chrome, the background page in
 * Firefox. The runtime is created on first use, released after a quiet minute (the models
 * hold ~100 MB of WASM memory) and created again after a failed run, which may have left
 * the WASM instance broken.
 */
import { analyseImage } from '../engine/engine.js';
import { faceThumbnail } from '../engine/thumbnail.js';
import type { Box } from '../engine/types.js';
import type { Handlers } from '../platform/messaging.js';
import { logger } from '../shared/logger.js';
import type { EngineAnalysis, EngineResponses, engineRequests } from '../shared/protocol.js';
import { errorMessage, ok } from '../shared/result.js';
import { fetchImage, jpegDataUrl } from './decode.js';
import { loadModels, type LoadedModels } from './ort-models.js';
import { addStage, formatStages, modelMs, timedModels, type StageTimes } from './stage-timer.js';

const log = logger('engine');
const IDLE_MS = 60_000;
const CACHE_SIZE = 300;

let runtime: Promise<LoadedModels> | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** Results by working size and image URL, most recent last; identical images are analysed once. */
const cache = new Map<string, Promise<EngineAnalysis>>();

function acquire(): Promise<LoadedModels> {
  clearTimeout(idleTimer);
  runtime ??= loadModels().catch((error: unknown) => {
    runtime = null;
    throw error;
  });
  return runtime;
}

/**
 * Starts loading the models now, so that they load while the first image is fetched and
 * decoded. The offscreen document calls it as it starts: Chrome creates that document only
 * when there is an image to analyse.
 */
export function warmUp(): void {
  acquire().then(scheduleRelease, (error: unknown) => log.warn(`warm-up failed: ${errorMessage(error)}`));
}

function scheduleRelease(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void discard('idle'), IDLE_MS);
}

async function discard(why: string): Promise<void> {
  const current = runtime;
  runtime = null;
  if (!current) return;
  log.info(`releasing the runtime (${why})`);
  await current.then((r) => r.release(), () => undefined);
}

async function analyseUrl(url: string, side: number | undefined): Promise<EngineAnalysis> {
  const { image, fetchMs, decodeMs } = await fetchImage(url, side);
  for (let attempt = 1; ; attempt++) {
    const loaded = await acquire();
    try {
      const stages: StageTimes = {};
      addStage(stages, 'fetch', fetchMs);
      addStage(stages, 'decode', decodeMs);
      const start = performance.now();
      const faces = await analyseImage(timedModels(loaded.models, stages), image);
      const ms = performance.now() - start;
      // Pre- and post-processing in JS (crops, resizes, decoding boxes): the analysis less its model runs.
      addStage(stages, 'js', ms - modelMs(stages));
      log.info(`analysed ${image.width}x${image.height} in ${ms.toFixed(0)} ms on ${loaded.backend}: ${faces.length} faces; ${formatStages(stages)}`);
      return {
        width: image.width,
        height: image.height,
        ms,
        backend: loaded.backend,
        faces: faces.map((f) => ({ box: f.box, score: f.score, quality: f.quality, embedding: Array.from(f.embedding) })),
      };
    } catch (error) {
      if (attempt >= 2) throw error;
      log.warn(`run failed, recreating the runtime: ${errorMessage(error)}`);
      await discard('crash');
    } finally {
      scheduleRelease();
    }
  }
}

function cached(url: string, side: number | undefined): Promise<EngineAnalysis> {
  const key = `${side ?? 'max'} ${url}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.then((a) => ({ ...a, ms: 0 }));
  }
  const fresh = analyseUrl(url, side);
  cache.set(key, fresh);
  fresh.catch(() => cache.delete(key));
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return fresh;
}

export const engineHandlers: Handlers<typeof engineRequests, EngineResponses> = {
  'engine.analyse': async ({ url, side }) => ok(await cached(url, side)),
  'engine.thumbnail': async ({ url, box, side }) => {
    const { image } = await fetchImage(url, side);
    return ok({ dataUrl: await jpegDataUrl(faceThumbnail(image, box as Box)) });
  },
};
