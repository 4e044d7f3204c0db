/**
 * Background start-up, shared by Chrome's service worker and Firefox's background page.
 * Every listener is registered synchronously on each start, as the browser may wake the
 * worker for any one event; nothing lives in module state, all of it is in IndexedDB or the
 * browser's own registries.
 */
import { createRouter, listen } from '../platform/messaging.js';
import { ext } from '../platform/ext.js';
import { logger } from '../shared/logger.js';
import { backgroundRequests } from '../shared/protocol.js';
import { keepStoreThroughDiskPressure } from '../store/keep-stored.js';
import { injectIntoOpenTabs, syncContentScripts } from './access.js';
import type { EngineCall } from './engine-call.js';
import { backgroundHandlers } from './handlers.js';
import { createMenu, onMenuClicked } from './menu.js';
import { restoreIfDiscarded } from './snapshot-place.js';
import { dropWorkOfLeftTabs } from './tab-work.js';
import { watchVideoTabs } from './video.js';
import { warmEngineForLoadingPages } from './warm-engine.js';

const log = logger('background');

const report = (what: string) => (error: unknown) => log.error(`${what} failed`, error);

export function startBackground(engine: EngineCall): void {
  listen(createRouter('background', backgroundRequests, backgroundHandlers(engine)));
  ext.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab).catch(report('enrollment')));
  ext.runtime.onInstalled.addListener(() => void createMenu().catch(report('menu')));
  ext.runtime.onStartup.addListener(() => void createMenu().catch(report('menu')));
  ext.permissions.onAdded.addListener((added) => {
    void syncContentScripts()
      .then(() => injectIntoOpenTabs(added.origins ?? []))
      .catch(report('enabling a site'));
    void createMenu().catch(report('menu'));
  });
  ext.permissions.onRemoved.addListener(() => {
    void syncContentScripts().catch(report('disabling a site'));
    void createMenu().catch(report('menu'));
  });
  watchVideoTabs(report('clearing a tab\'s video status'));
  dropWorkOfLeftTabs(engine);
  warmEngineForLoadingPages(engine, report('starting the engine for a loading page'));
  // Access held from an earlier session switches labelling on without any other step.
  void syncContentScripts().catch(report('content script registration'));
  void keepStoreThroughDiskPressure()
    .then((kept) => (kept === 'refused' ? log.warn('the browser refused to keep the people stored through disk pressure') : log.info(`people store: ${kept}`)))
    .catch(report('asking to keep the store'));
  // A store the browser discarded since the last change comes back from the snapshot.
  void restoreIfDiscarded();
  // The exact menu listener, reachable from the worker's console (and the e2e tests).
  Object.assign(globalThis, { facetag: { onMenuClicked } });
}
