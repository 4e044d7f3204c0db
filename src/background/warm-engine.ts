/**
 * Starts the engine host while a page on a site where Facetag is on is still loading, so that
 * its models load beside the page's own HTML and images rather than after the first image is
 * found (issue 13, item 4). Nothing else changes: the host still releases itself when idle.
 * Only sites the user switched on are seen here: a tab's URL is visible to the extension only
 * where it holds host access, and access is the on/off switch (access.ts).
 */
import { ext } from '../platform/ext.js';
import { sitePattern } from '../shared/site-pattern.js';
import { withDb } from '../store/db.js';
import { readSettings } from '../store/people.js';
import type { EngineCall } from './engine-call.js';

async function labelsThisPage(url: string): Promise<boolean> {
  const origin = sitePattern(url);
  if (!origin || !(await ext.permissions.contains({ origins: [origin] }))) return false;
  return (await withDb(readSettings)).enabled;
}

export function warmEngineForLoadingPages(engine: EngineCall, onError: (error: unknown) => void): void {
  ext.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (change.status !== 'loading' || !tab.url) return;
    const url = tab.url;
    void labelsThisPage(url)
      .then(async (yes) => {
        if (yes) await engine('engine.warm', {});
      })
      .catch(onError);
  });
}
