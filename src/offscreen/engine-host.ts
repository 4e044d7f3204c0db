/**
 * The one owner of the ORT runtime: the offscreen document in Chrome, the background page in
 * Firefox. Its runtime's life (created on first use, released when idle, retired after a
 * failed run) is runtime-lease.ts's; this module answers the engine's messages.
 */
import { analyseImage } from '../engine/engine.js';
import { locateFaces } from '../engine/locate-faces.js';
import { faceThumbnail } from '../engine/thumbnail.js';
import { centralFace } from '../engine/central-face.js';
import { enrollmentWarning, isHopeless } from '../engine/quality-policy.js';
import type { EngineModels } from '../engine/runtime.js';
import type { Box, RgbaImage } from '../engine/types.js';
import type { Handlers } from '../platform/messaging.js';
import { logger } from '../shared/logger.js';
import type { EngineAnalysis, EngineFace, EngineResponses, EnrollableImage, engineRequests, FrameMode, ThumbnailEmbedding } from '../shared/protocol.js';
import { err, errorMessage, ok } from '../shared/result.js';
import { withinMs } from './deadline.js';
import { DroppedWork, fairSlots } from './fair-slots.js';
import { fetchImage, jpegDataUrl } from './decode.js';
import { browserChoice } from './browser-sources.js';
import { modelStatus } from './model-status.js';
import type { LoadedModels } from './ort-models.js';
import { offerRacePhoto } from './race-photos.js';
import { leaseRuntime, liveRuntime, warmRuntime } from './runtime-lease.js';
import { addStage, formatStages, modelMs, timedModels, type StageTimes } from './stage-timer.js';

const log = logger('engine');
/**
 * Runs are serialised, so one that never settles would stall every later image of every tab.
 * Past this (a photo takes well under 2 s here) the run counts as failed: the runtime is
 * recreated, as after any failed run, and the image is tried once more.
 */
const RUN_DEADLINE_MS = 60_000;

const withinDeadline = <T>(run: Promise<T>, stages: StageTimes): Promise<T> =>
  withinMs(run, RUN_DEADLINE_MS, () => `a run did not finish within ${RUN_DEADLINE_MS / 1000} s (done so far: ${formatStages(stages)})`);
const CACHE_SIZE = 300;
/**
 * Page images fetched and decoded at once. A gallery sends all its images together; taken all
 * at once, every decoded copy (up to 16 MB at 2048 px) waits in memory for its turn. Two per tab
 * keep the tab's next image decoding while one is analysed; the third is for another tab, which
 * so never waits behind a busy one (fair-slots.ts). Video frames and enrollments do not wait
 * behind a page's images.
 */
const pageImageSlots = fairSlots(3, { running: 2, waiting: 1000 });

/** Results by working size and image URL, most recent last; identical images are analysed once. */
const cache = new Map<string, Promise<EngineAnalysis>>();

/** What the engine runs over an image: the whole pipeline, or only the detector (video frames being tracked). */
type Pipeline<F> = (models: EngineModels, image: RgbaImage) => Promise<F[]>;

/**
 * The engine's faces in an image, with one retry on a fresh runtime; `stages` collects where the
 * time went. `what` starts the log line: "analysed" for a page's image, "frame analysed" for a
 * video frame, so a reader of the log can count either (the soak test counts page images).
 */
async function facesIn<F>(image: RgbaImage, pipeline: Pipeline<F>, stages: StageTimes = {}, what = 'analysed'): Promise<{ faces: F[]; ms: number; loaded: LoadedModels }> {
  for (let attempt = 1; ; attempt++) {
    const lease = await leaseRuntime();
    const { loaded } = lease;
    try {
      const start = performance.now();
      const faces = await withinDeadline(pipeline(timedModels(loaded.models, stages), image), stages);
      const ms = performance.now() - start;
      // Pre- and post-processing in JS (crops, resizes, decoding boxes): the analysis less its model runs.
      addStage(stages, 'js', ms - modelMs(stages));
      log.info(`${what} ${image.width}x${image.height} in ${ms.toFixed(0)} ms on ${loaded.backend}: ${faces.length} faces; ${formatStages(stages)}`);
      return { faces, ms, loaded };
    } catch (error) {
      if (attempt >= 2) throw error;
      log.warn(`run failed, recreating the runtime: ${errorMessage(error)}`);
      lease.retire('crash');
    } finally {
      lease.done();
    }
  }
}

/** A page's images are always identified; a video frame the content script only tracks is only located. */
const PIPELINES: Record<FrameMode, Pipeline<EngineFace>> = {
  identify: async (models, image) => (await analyseImage(models, image)).map((f) => ({ box: f.box, score: f.score, quality: f.quality, embedding: Array.from(f.embedding) })),
  track: async (models, image) => (await locateFaces(models.detector, image)).map((d) => ({ box: d.box, score: d.score, quality: 0, embedding: [] })),
};

async function analyseUrl(url: string, side: number | undefined, mode: FrameMode = 'identify', frame = false): Promise<EngineAnalysis> {
  const { image, fetchMs, decodeMs } = await fetchImage(url, side);
  const stages: StageTimes = {};
  addStage(stages, 'fetch', fetchMs);
  addStage(stages, 'decode', decodeMs);
  const { faces, ms, loaded } = await facesIn(image, PIPELINES[mode], stages, frame ? 'frame analysed' : 'analysed');
  if (mode === 'identify') offerRacePhoto(loaded, image);
  return { width: image.width, height: image.height, ms, backend: loaded.backend, faces };
}

/** Not cached: these are data URLs of the user's files, each seen once. */
async function enrollImage(url: string): Promise<EnrollableImage> {
  const { image } = await fetchImage(url);
  const { faces } = await facesIn(image, analyseImage);
  const face = faces.length === 1 ? faces[0]! : null;
  if (!face) return { faces: faces.length, face: null };
  const thumbnail = await jpegDataUrl(faceThumbnail(image, face.box));
  return { faces: 1, face: { embedding: Array.from(face.embedding), quality: face.quality, warning: enrollmentWarning(face.quality, face.qualityIssues), thumbnail } };
}

async function embedThumbnail(url: string): Promise<ThumbnailEmbedding> {
  const { image } = await fetchImage(url);
  const face = centralFace((await facesIn(image, analyseImage)).faces, image.width, image.height);
  return { embedding: face && !isHopeless(face.quality) ? Array.from(face.embedding) : null };
}

/** Which backend runs and why: the live runtime's word, or what a start would choose now. */
async function backendLine(): Promise<string> {
  return (await liveRuntime())?.why ?? (await browserChoice()).why;
}

const cacheKey = (url: string, side: number | undefined): string => `${side ?? 'max'} ${url}`;

/** `tab`: whose queue a new analysis waits in (absent: the extension's own pages, -1). */
function cached(url: string, side: number | undefined, tab = -1): Promise<EngineAnalysis> {
  const key = cacheKey(url, side);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.then((a) => ({ ...a, ms: 0 }));
  }
  const fresh = pageImageSlots.run(tab, () => analyseUrl(url, side));
  cache.set(key, fresh);
  fresh.catch(() => cache.delete(key));
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return fresh;
}

export const engineHandlers: Handlers<typeof engineRequests, EngineResponses> = {
  'engine.analyse': async ({ url, side, tab }) => {
    try {
      return ok(await cached(url, side, tab));
    } catch (error) {
      // Dropped with its closed tab: nobody is waiting for it, and nothing went wrong.
      if (error instanceof DroppedWork) return err(error.message);
      throw error;
    }
  },
  'engine.dropTab': async ({ tab }) => ok({ dropped: pageImageSlots.drop(tab, 'the tab closed or left the page before its turn') }),
  'engine.status': async () => ok({ ...(await modelStatus()), backend: await backendLine() }),
  'engine.warm': async () => {
    await warmRuntime();
    return ok(null);
  },
  'engine.thumbnail': async ({ url, box, side }) => {
    const { image } = await fetchImage(url, side);
    return ok({ dataUrl: await jpegDataUrl(faceThumbnail(image, box as Box)) });
  },
  // Every video frame is new: caching them would only evict the page's images.
  'engine.analyseFrame': async ({ dataUrl, mode }) => ok(await analyseUrl(dataUrl, undefined, mode, true)),
  // Corrections from pages name a face by image URL and index: only images analysed here count.
  'engine.analysed': async ({ url, side }) => (cache.has(cacheKey(url, side)) ? ok(await cached(url, side)) : err('that image was not analysed by Facetag')),
  'engine.embedThumbnail': async ({ url }) => ok(await embedThumbnail(url)),
  'engine.enrollImage': async ({ url }) => ok(await enrollImage(url)),
};
