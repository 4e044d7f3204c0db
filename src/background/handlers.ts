/**
 * What the background answers. Content scripts may analyse, enroll and read names for the
 * prompt; managing people and settings is for extension pages (the popup) only.
 */
import { EMBEDDING_MODEL_ID } from '../engine/model-id.js';
import { ext } from '../platform/ext.js';
import type { Handlers } from '../platform/messaging.js';
import { toContent } from '../platform/send.js';
import type { BackgroundResponses, backgroundRequests } from '../shared/protocol.js';
import { err, ok, type Result } from '../shared/result.js';
import { withDb } from '../store/db.js';
import { addReference, peopleSummaries, personNames, readSettings, writeSettings } from '../store/people.js';
import { correctionHandlers, sessionUndoStore } from './corrections.js';
import type { EngineCall } from './engine-call.js';
import { labelFaces } from './labels.js';
import { peopleHandlers } from './people-handlers.js';
import { restoreIfDiscarded, saveSnapshot } from './snapshot-place.js';
import { videoHandlers } from './video.js';

function fromExtensionPage(sender: chrome.runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(ext.runtime.getURL(''));
}

/**
 * After any change to the people or settings: snapshots them apart from IndexedDB (a store the
 * browser discards comes back from it, src/store/snapshot.ts), and tells every tab's content
 * script that names may have changed.
 */
export async function afterPeopleChanged(): Promise<void> {
  const snapshot = saveSnapshot();
  const tabs = await ext.tabs.query({});
  // Tabs without Facetag have no listener; their failures are expected and ignored.
  await Promise.allSettled([snapshot, ...tabs.map((t) => (t.id === undefined ? undefined : toContent(t.id, undefined, 'refresh', {})))]);
}

const pageOnly = <T>(sender: chrome.runtime.MessageSender, run: () => Promise<Result<T>>): Promise<Result<T>> =>
  fromExtensionPage(sender) ? run() : Promise.resolve(err('not allowed from a web page'));

export function backgroundHandlers(engine: EngineCall): Handlers<typeof backgroundRequests, BackgroundResponses> {
  return {
    analyse: async ({ url, side }, sender) => {
      const [analysis] = await Promise.all([engine('engine.analyse', { url, side, tab: sender.tab?.id ?? -1 }), restoreIfDiscarded()]);
      if (!analysis.ok) return analysis;
      return ok(await withDb((db) => labelFaces(db, analysis.value)));
    },
    enroll: async ({ url, side, face, name }, sender) => {
      // The same working size as the page's analysis, so face numbers and boxes agree.
      const analysis = await engine('engine.analyse', { url, side, tab: sender.tab?.id ?? -1 });
      if (!analysis.ok) return analysis;
      const chosen = analysis.value.faces[face];
      if (!chosen) return err(`the image has no face number ${face + 1}`);
      const thumb = await engine('engine.thumbnail', { url, box: chosen.box, side });
      if (!thumb.ok) return thumb;
      const person = await withDb((db) => addReference(db, {
        name, thumbnail: thumb.value.dataUrl, quality: chosen.quality, source: url, modelId: EMBEDDING_MODEL_ID, embedding: Float32Array.from(chosen.embedding),
      }));
      void afterPeopleChanged();
      return ok({ personId: person.id, name: person.name });
    },
    // Only the name prompt's frame needs the names; content scripts never see the list.
    names: (_req, sender) => pageOnly(sender, async () => ok(await withDb(personNames))),
    getSettings: async () => ok(await withDb(readSettings)),
    people: (_req, sender) =>
      pageOnly(sender, async () => {
        await restoreIfDiscarded();
        return ok(await withDb(peopleSummaries));
      }),
    engineStatus: (_req, sender) => pageOnly(sender, () => engine('engine.status', {})),
    promptDone: (req, sender) =>
      pageOnly(sender, async () => {
        // The prompt's frame sits in the tab whose content script opened it; that script holds the token.
        if (sender.tab?.id === undefined) return err('the name prompt is not in a tab');
        return toContent(sender.tab.id, undefined, 'promptDone', req);
      }),
    setSettings: (req, sender) =>
      pageOnly(sender, async () => {
        const settings = await withDb((db) => writeSettings(db, req));
        void afterPeopleChanged();
        return ok(settings);
      }),
    ...peopleHandlers(engine, pageOnly, afterPeopleChanged),
    ...correctionHandlers(engine, afterPeopleChanged, sessionUndoStore()),
    embedThumbnail: (req, sender) => pageOnly(sender, () => engine('engine.embedThumbnail', req)),
    enrollImage: (req, sender) => pageOnly(sender, () => engine('engine.enrollImage', req)),
    // The options page writes imports to the store itself (one transaction); pages then need new labels.
    peopleChanged: (_req, sender) =>
      pageOnly(sender, async () => {
        await afterPeopleChanged();
        return ok(null);
      }),
    ...videoHandlers(engine),
  };
}
