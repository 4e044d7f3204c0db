/**
 * The context-menu items: "Enroll this face…" on images, "Correct a name here…" anywhere on a
 * page. A click only tells the content script in that frame what was chosen; picking the face
 * and naming it happen on the page, which needs no user gesture, activeTab or permission prompt:
 * host access is already held. Corrections start here rather than from clicks on the labels,
 * which a page could find by hit-testing (issue 14, finding 1).
 */
import { ext } from '../platform/ext.js';
import { toContent } from '../platform/send.js';
import { logger } from '../shared/logger.js';
import { grantedOrigins, injectInto } from './access.js';

const log = logger('menu');
export const MENU_ID = 'facetag-enroll';
export const CORRECT_MENU_ID = 'facetag-correct';

export async function createMenu(): Promise<void> {
  // Recreated at install, start-up and whenever site access changes; removing first makes a second call harmless.
  await ext.contextMenus.removeAll();
  // Only on the sites Facetag is on: elsewhere the item would only tell a page's user that Facetag is installed.
  const origins = await grantedOrigins();
  const where = origins.length > 0 ? { documentUrlPatterns: origins } : { visible: false };
  ext.contextMenus.create({ id: MENU_ID, title: 'Enroll this face…', contexts: ['image'], ...where });
  // Labels may sit on backgrounds and canvases too, which are no "image" to the menu.
  ext.contextMenus.create({ id: CORRECT_MENU_ID, title: 'Correct a name here…', contexts: ['image', 'page', 'link'], ...where });
}

export async function onMenuClicked(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): Promise<void> {
  if (tab?.id === undefined) return;
  const frameId = info.frameId ?? 0;
  if (info.menuItemId === CORRECT_MENU_ID) {
    // Labels come from a content script already there: with none, nothing on the page is labelled.
    const sent = await toContent(tab.id, frameId, 'correctStart', {});
    if (!sent.ok) log.warn(`correction did not start: ${sent.error}`);
    return;
  }
  if (info.menuItemId !== MENU_ID || !info.srcUrl) return;
  const srcUrl = info.srcUrl;
  let sent = await toContent(tab.id, frameId, 'enrollStart', { srcUrl });
  if (!sent.ok) {
    // A tab opened before access was granted has no content script yet: inject it and retry.
    log.info(`content script not reachable (${sent.error}); injecting`);
    try {
      await injectInto(tab.id);
      sent = await toContent(tab.id, frameId, 'enrollStart', { srcUrl });
    } catch (error) {
      log.warn('cannot enroll here: Facetag is off for this site', error);
      return;
    }
  }
  if (!sent.ok) log.warn(`enrollment did not start: ${sent.error}`);
}
