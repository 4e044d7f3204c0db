import type { z } from 'zod';
import type { EngineName, EngineResponses, engineRequests } from '../shared/protocol.js';
import type { Result } from '../shared/result.js';

/**
 * How the background reaches the engine: a message to the offscreen document in Chrome, a
 * direct call in Firefox, where the background page hosts the engine itself.
 */
export type EngineCall = <N extends EngineName>(type: N, payload: z.input<(typeof engineRequests)[N]>) => Promise<Result<EngineResponses[N]>>;
