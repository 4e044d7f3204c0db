/**
 * Host access is the on/off switch: Facetag labels a site exactly when the user has granted
 * it access to that site (optional host permissions, asked for from the popup). The content
 * script is registered for the granted origins only, so Facetag never runs elsewhere.
 */
import contentScript from '../content/main.ts?script&iife';
import { ext } from '../platform/ext.js';
import { logger } from '../shared/logger.js';
import { errorMessage } from '../shared/result.js';

const log = logger('access');
export const CONTENT_SCRIPT_ID = 'facetag-content';
/** The built content script (an IIFE: content scripts cannot be modules). */
export const CONTENT_SCRIPT_FILE = contentScript;

/** Granted page origins that a content script can match. */
export async function grantedOrigins(): Promise<string[]> {
  const { origins = [] } = await ext.permissions.getAll();
  return origins.filter((o) => /^(\*|https?|file):\/\//.test(o));
}

/** Makes the registered content script cover exactly the granted origins. */
export async function syncContentScripts(): Promise<void> {
  const matches = await grantedOrigins();
  const existing = await ext.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await ext.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return;
  }
  const script = { id: CONTENT_SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle' as const, allFrames: true };
  try {
    if (existing.length > 0) await ext.scripting.updateContentScripts([script]);
    else await ext.scripting.registerContentScripts([script]);
  } catch (error) {
    // Start-up and install events can race to register; the loser updates instead.
    if (!/duplicate|already/i.test(errorMessage(error))) throw error;
    await ext.scripting.updateContentScripts([script]);
  }
  log.info(`labelling on for ${matches.join(', ')}`);
}

/** Starts labelling in tabs that were already open when access was granted. */
export async function injectIntoOpenTabs(origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  const tabs = await ext.tabs.query({ url: origins });
  await Promise.allSettled(tabs.map((tab) => (tab.id === undefined ? undefined : injectInto(tab.id))));
}

export async function injectInto(tabId: number): Promise<void> {
  await ext.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] });
}
