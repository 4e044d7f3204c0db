/**
 * The offscreen document's lifecycle (Chrome). It is created on demand and again whenever it
 * is gone (closed, or crashed with the engine); the service worker keeps no flag about it but
 * asks the browser each time, since the worker itself may have been restarted in between.
 */
import { errorMessage } from '../shared/result.js';
import { logger } from '../shared/logger.js';

const log = logger('offscreen');
export const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';

/** The live document's id, if there is one. */
async function currentDocumentId(): Promise<string | undefined> {
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
  return existing[0]?.documentId ?? (existing.length > 0 ? '' : undefined);
}

/** Makes sure the document exists; returns its id, so a caller that sees it fail can replace exactly that one. */
export async function ensureOffscreenDocument(): Promise<string> {
  const id = await currentDocumentId();
  if (id !== undefined) return id;
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
  return (await currentDocumentId()) ?? '';
}

/**
 * Replaces the document a call failed on: closed when it is still listed (a crashed renderer
 * can stay registered), then created afresh. Calls that failed on the same document at the
 * same time all pass `failedId`; only the first closes it, the rest find the new one.
 */
export async function replaceOffscreenDocument(failedId: string): Promise<void> {
  if ((await currentDocumentId()) === failedId) {
    log.warn('the engine document stopped answering; closing it');
    await chrome.offscreen.closeDocument().catch((error: unknown) => log.info(`close: ${errorMessage(error)}`));
  }
  await ensureOffscreenDocument();
}
