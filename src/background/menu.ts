/**
 * The "Enroll this face…" context-menu item. The click only tells the content script in that
 * frame which image was chosen; picking the face and naming it happen on the page, which
 * needs no user gesture, activeTab or permission prompt: host access is already held.
 */
import { ext } from '../platform/ext.js';
import { toContent } from '../platform/send.js';
import { logger } from '../shared/logger.js';
import { grantedOrigins, injectInto } from './access.js';

const log = logger('menu');
export const MENU_ID = 'facetag-enroll';

export async function createMenu(): Promise<void> {
  // Recreated at install, start-up and whenever site access changes; removing first makes a second call harmless.
  await ext.contextMenus.removeAll();
  // Only on the sites Facetag is on: elsewhere the item would only tell a page's user that Facetag is installed.
  const origins = await grantedOrigins();
  const where = origins.length > 0 ? { documentUrlPatterns: origins } : { visible: false };
  ext.contextMenus.create({ id: MENU_ID, title: 'Enroll this face…', contexts: ['image'], ...where });
}

export async function onMenuClicked(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): Promise<void> {
  if (info.menuItemId !== MENU_ID || !info.srcUrl || tab?.id === undefined) return;
  const frameId = info.frameId ?? 0;
  let sent = await toContent(tab.id, frameId, 'enrollStart', { srcUrl: info.srcUrl });
  if (!sent.ok) {
    // A tab opened before access was granted has no content script yet: inject it and retry.
    log.info(`content script not reachable (${sent.error}); injecting`);
    try {
      await injectInto(tab.id);
      sent = await toContent(tab.id, frameId, 'enrollStart', { srcUrl: info.srcUrl });
    } catch (error) {
      log.warn('cannot enroll here: Facetag is off for this site', error);
      return;
    }
  }
  if (!sent.ok) log.warn(`enrollment did not start: ${sent.error}`);
}
