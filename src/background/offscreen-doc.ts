/**
 * The offscreen document's lifecycle (Chrome). It is created on demand and again whenever it
 * is gone (closed, or crashed with the engine); the service worker keeps no flag about it but
 * asks the browser each time, since the worker itself may have been restarted in between.
 */
import { errorMessage } from '../shared/result.js';
import { logger } from '../shared/logger.js';

const log = logger('offscreen');
export const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';

export async function ensureOffscreenDocument(): Promise<void> {
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
  if (existing.length > 0) return;
  try {
    await chrome.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.WORKERS],
      justification: 'Runs the on-device face recognition models (WebAssembly/WebGPU) on images the user sees.',
    });
    log.info('offscreen document created');
  } catch (error) {
    // Two requests racing to create it: the loser finds it already there, which is fine.
    if (!/single offscreen|already/i.test(errorMessage(error))) throw error;
  }
}
