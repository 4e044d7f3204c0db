/**
 * The photos a backend race runs on: the first real photos this start analysed, so the race
 * measures the user's own kind of page and no photo ships with the extension. The race starts
 * once RACE_PHOTOS were analysed on WASM and a moment has passed, so the first page is never
 * kept waiting for it; its model runs queue with page work, one run at a time.
 */
import { analyseImage } from '../engine/engine.js';
import type { RgbaImage } from '../engine/types.js';
import { logger } from '../shared/logger.js';
import { errorMessage } from '../shared/result.js';
import type { LoadedModels } from './ort-models.js';
import { leaseRuntime } from './runtime-lease.js';

const log = logger('backend');
export const RACE_PHOTOS = 3;
const RACE_DELAY_MS = 2000;
const photos = new WeakMap<LoadedModels, RgbaImage[]>();

export function offerRacePhoto(loaded: LoadedModels, image: RgbaImage): void {
  if (!loaded.raceDue) return;
  const kept = photos.get(loaded) ?? [];
  if (kept.length >= RACE_PHOTOS) return;
  kept.push(image);
  photos.set(loaded, kept);
  if (kept.length < RACE_PHOTOS) return;
  setTimeout(() => void raceOn(loaded, kept), RACE_DELAY_MS);
}

/** Races on the runtime the photos were analysed on, holding a lease so it is not released mid-race. */
async function raceOn(loaded: LoadedModels, kept: RgbaImage[]): Promise<void> {
  photos.delete(loaded);
  const lease = await leaseRuntime();
  try {
    if (lease.loaded !== loaded) return;
    await loaded.race(async (models) => {
      for (const photo of kept) await analyseImage(models, photo);
    });
  } catch (error) {
    log.warn(`the backend race failed: ${errorMessage(error)}`);
  } finally {
    lease.done();
  }
}
