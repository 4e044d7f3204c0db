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
import { openDb } from '../store/db.js';
import { addReference, deletePerson, peopleSummaries, personNames, readSettings, writeSettings } from '../store/people.js';
import type { EngineCall } from './engine-call.js';
import { labelFaces } from './labels.js';

function fromExtensionPage(sender: chrome.runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(ext.runtime.getURL(''));
}

/** Tells every tab's content script that names may have changed. */
export async function broadcastRefresh(): Promise<void> {
  const tabs = await ext.tabs.query({});
  // Tabs without Facetag have no listener; their failures are expected and ignored.
  await Promise.allSettled(tabs.map((t) => (t.id === undefined ? undefined : toContent(t.id, undefined, 'refresh', {}))));
}

const pageOnly = <T>(sender: chrome.runtime.MessageSender, run: () => Promise<Result<T>>): Promise<Result<T>> =>
  fromExtensionPage(sender) ? run() : Promise.resolve(err('not allowed from a web page'));

export function backgroundHandlers(engine: EngineCall): Handlers<typeof backgroundRequests, BackgroundResponses> {
  return {
    analyse: async ({ url }) => {
      const analysis = await engine('engine.analyse', { url });
      if (!analysis.ok) return analysis;
      return ok(await labelFaces(openDb(), analysis.value));
    },
    enroll: async ({ url, face, name }) => {
      const analysis = await engine('engine.analyse', { url });
      if (!analysis.ok) return analysis;
      const chosen = analysis.value.faces[face];
      if (!chosen) return err(`the image has no face number ${face + 1}`);
      const thumb = await engine('engine.thumbnail', { url, box: chosen.box });
      if (!thumb.ok) return thumb;
      const person = await addReference(openDb(), {
        name, thumbnail: thumb.value.dataUrl, quality: chosen.quality, source: url, modelId: EMBEDDING_MODEL_ID, embedding: Float32Array.from(chosen.embedding),
      });
      void broadcastRefresh();
      return ok({ personId: person.id, name: person.name });
    },
    // Only the name prompt's frame needs the names; content scripts never see the list.
    names: (_req, sender) => pageOnly(sender, async () => ok(await personNames(openDb()))),
    getSettings: async () => ok(await readSettings(openDb())),
    people: (_req, sender) => pageOnly(sender, async () => ok(await peopleSummaries(openDb()))),
    deletePerson: (req, sender) =>
      pageOnly(sender, async () => {
        await deletePerson(openDb(), req.id);
        void broadcastRefresh();
        return ok(null);
      }),
    promptDone: (req, sender) =>
      pageOnly(sender, async () => {
        // The prompt's frame sits in the tab whose content script opened it; that script holds the token.
        if (sender.tab?.id === undefined) return err('the name prompt is not in a tab');
        return toContent(sender.tab.id, undefined, 'promptDone', req);
      }),
    setSettings: (req, sender) =>
      pageOnly(sender, async () => {
        const settings = await writeSettings(openDb(), req);
        void broadcastRefresh();
        return ok(settings);
      }),
  };
}
