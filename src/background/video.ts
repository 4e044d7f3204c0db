/**
 * The background's side of video labelling: frames are analysed like images but never cached
 * (each is new), and what a tab's videos did is written to storage.session for the popup.
 */
import type { Handlers } from '../platform/messaging.js';
import { ext } from '../platform/ext.js';
import type { BackgroundResponses, backgroundRequests } from '../shared/protocol.js';
import { ok } from '../shared/result.js';
import { statsKey, tabPrefixes, unreadableKey, type VideoStats } from '../shared/video-status.js';
import { withDb } from '../store/db.js';
import type { EngineCall } from './engine-call.js';
import { labelFaces } from './labels.js';

type VideoHandlers = Pick<Handlers<typeof backgroundRequests, BackgroundResponses>, 'analyseFrame' | 'videoStatus'>;

async function countFrame(tabId: number, engineMs: number, handlerMs: number): Promise<void> {
  const key = statsKey(tabId);
  const s = (await ext.storage.session.get(key))[key] as VideoStats | undefined;
  const stats: VideoStats = { frames: (s?.frames ?? 0) + 1, engineMs: (s?.engineMs ?? 0) + engineMs, handlerMs: (s?.handlerMs ?? 0) + handlerMs };
  await ext.storage.session.set({ [key]: stats });
}

export function videoHandlers(engine: EngineCall): VideoHandlers {
  return {
    analyseFrame: async ({ dataUrl }, sender) => {
      const start = performance.now();
      const analysis = await engine('engine.analyseFrame', { dataUrl });
      if (!analysis.ok) return analysis;
      const labelled = await withDb((db) => labelFaces(db, analysis.value));
      if (sender.tab?.id !== undefined) await countFrame(sender.tab.id, analysis.value.ms, performance.now() - start);
      return ok(labelled);
    },
    videoStatus: async ({ video, state }, sender) => {
      if (sender.tab?.id !== undefined) await ext.storage.session.set({ [unreadableKey(sender.tab.id, sender.frameId ?? 0, video)]: state });
      return ok(null);
    },
  };
}

async function forgetTab(tabId: number): Promise<void> {
  const prefixes = tabPrefixes(tabId);
  const keys = Object.keys(await ext.storage.session.get(null)).filter((k) => prefixes.some((p) => k.startsWith(p)));
  if (keys.length > 0) await ext.storage.session.remove(keys);
}

/** A tab's video status describes the page it showed: gone when the tab loads another page or closes. */
export function watchVideoTabs(onError: (error: unknown) => void): void {
  ext.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(onError));
  ext.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId).catch(onError);
  });
}
