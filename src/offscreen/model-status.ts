/**
 * The engine's health as the popup shows it: every model file present and intact. The check
 * reads and hashes the files (about 9 MB, tens of milliseconds) without creating sessions, so
 * opening the popup never loads the models; a file checked once (here or by the engine's own
 * load) is not read again for the document's life.
 */
import type { EngineStatus } from '../shared/protocol.js';
import { errorMessage } from '../shared/result.js';
import { verifiedIds } from './model-integrity.js';
import { modelBytes } from './browser-sources.js';
import { MODEL_IDS } from './ort-models.js';

export async function modelStatus(): Promise<Omit<EngineStatus, 'backend'>> {
  try {
    // Files the engine already loaded were checked then: only the others are read and hashed.
    for (const id of Object.values(MODEL_IDS)) if (!verifiedIds.has(id)) await modelBytes(id);
    return { ready: true, problem: null };
  } catch (error) {
    return { ready: false, problem: errorMessage(error) };
  }
}
