/**
 * The background's side of video labelling: frames are analysed like images but never cached
 * (each is new), and what a tab's videos did is written to storage.session for the popup.
 * A frame in 'track' mode brings boxes only: nothing to name.
 */
import type { Handlers } from '../platform/messaging.js';
import { ext } from '../platform/ext.js';
import { logger } from '../shared/logger.js';
import type { BackgroundResponses, backgroundRequests } from '../shared/protocol.js';
import { ok } from '../shared/result.js';
import { statsKey, tabKeys, unreadableKey, withUnreadable, type UnreadableReason, type VideoStats } from '../shared/video-status.js';
import { withDb } from '../store/db.js';
import type { EngineCall } from './engine-call.js';
import { labelFaces, pageAnalysis } from './labels.js';

type VideoHandlers = Pick<Handlers<typeof backgroundRequests, BackgroundResponses>, 'analyseFrame' | 'videoStatus'>;

const log = logger('video');

/**
 * Adds a frame to its tab's counts without holding up the frame's answer: at 10+ frames a
 * second, two storage round trips per frame would be time every next frame waits. The counts
 * are read, added to and written under a Web Lock, so a count still being written when the next
 * frame's (or another video's) starts is not overwritten; the service worker keeps no state.
 */
function countFrame(tabId: number, engineMs: number, handlerMs: number): void {
  const key = statsKey(tabId);
  navigator.locks.request(key, async () => {
    const s = (await ext.storage.session.get(key))[key] as VideoStats | undefined;
    const stats: VideoStats = { frames: (s?.frames ?? 0) + 1, engineMs: (s?.engineMs ?? 0) + engineMs, handlerMs: (s?.handlerMs ?? 0) + handlerMs };
    await ext.storage.session.set({ [key]: stats });
  }).catch((error: unknown) => log.warn('a video frame could not be counted', error));
}

/** Records an unreadable video in its tab's one bounded record, under the same kind of lock. */
async function recordUnreadable(tabId: number, video: string, reason: UnreadableReason): Promise<void> {
  const key = unreadableKey(tabId);
  await navigator.locks.request(key, async () => {
    const record = withUnreadable((await ext.storage.session.get(key))[key], video, reason);
    if (record) await ext.storage.session.set({ [key]: record });
  });
}

export function videoHandlers(engine: EngineCall): VideoHandlers {
  return {
    analyseFrame: async ({ dataUrl, mode }, sender) => {
      const start = performance.now();
      const analysis = await engine('engine.analyseFrame', { dataUrl, mode });
      if (!analysis.ok) return analysis;
      const labelled = mode === 'identify' ? await withDb((db) => labelFaces(db, analysis.value)) : pageAnalysis(analysis.value);
      if (sender.tab?.id !== undefined) countFrame(sender.tab.id, analysis.value.ms, performance.now() - start);
      return ok(labelled);
    },
    videoStatus: async ({ video, state }, sender) => {
      if (sender.tab?.id !== undefined) await recordUnreadable(sender.tab.id, `${sender.frameId ?? 0}:${video}`, state);
      return ok(null);
    },
  };
}

async function forgetTab(tabId: number): Promise<void> {
  await ext.storage.session.remove(tabKeys(tabId));
}

/** A tab's video status describes the page it showed: gone when the tab loads another page or closes. */
export function watchVideoTabs(onError: (error: unknown) => void): void {
  ext.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(onError));
  ext.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId).catch(onError);
  });
}
