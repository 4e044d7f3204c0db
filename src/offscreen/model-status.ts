/**
 * The engine's health as the popup shows it: every model file present and intact. The check
 * reads and hashes the files (about 9 MB, tens of milliseconds) without creating sessions, so
 * opening the popup never loads the models; a good result is remembered for the document's life.
 */
import type { EngineStatus } from '../shared/protocol.js';
import { errorMessage } from '../shared/result.js';
import { MODEL_IDS, modelBytes } from './ort-models.js';

let verified = false;

export async function modelStatus(): Promise<EngineStatus> {
  if (verified) return { ready: true, problem: null };
  try {
    for (const id of Object.values(MODEL_IDS)) await modelBytes(id);
    verified = true;
    return { ready: true, problem: null };
  } catch (error) {
    return { ready: false, problem: errorMessage(error) };
  }
}
