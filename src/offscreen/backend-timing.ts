/**
 * The last race's timing, kept in the engine host's localStorage (the offscreen document and
 * Firefox's background page both have it; neither has extension storage in Chrome). A record
 * that does not parse is ignored: the next start measures again.
 */
import { z } from 'zod';
import { logger } from '../shared/logger.js';
import { errorMessage } from '../shared/result.js';
import type { BackendTiming } from './backend-choice.js';

const log = logger('backend');
const STORAGE_KEY = 'facetag.backendTiming';

const timingSchema = z.object({
  key: z.string().max(2000),
  wasmMs: z.number().nonnegative(),
  webgpuMs: z.number().positive().nullable(),
  webgpuError: z.string().max(2000).optional(),
});

export function loadTiming(): BackendTiming | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw === null ? null : timingSchema.safeParse(JSON.parse(raw));
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveTiming(timing: BackendTiming): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(timing));
  } catch (error) {
    log.warn(`the backend timing could not be kept; the next start measures again: ${errorMessage(error)}`);
  }
}
