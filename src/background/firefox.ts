/**
 * Firefox's background page. Firefox has no offscreen documents, but its background is a
 * page with DOM, WASM and OffscreenCanvas, so it hosts the engine and calls it in-process,
 * through the same router (and validation) the offscreen document uses.
 */
import { engineHandlers } from '../offscreen/engine-host.js';
import { createRouter } from '../platform/messaging.js';
import { engineRequests, type EngineName, type EngineResponses } from '../shared/protocol.js';
import { err, type Result } from '../shared/result.js';
import type { EngineCall } from './engine-call.js';
import { startBackground } from './start.js';

const route = createRouter('engine', engineRequests, engineHandlers);

const engine: EngineCall = <N extends EngineName>(type: N, payload: unknown) =>
  (route({ to: 'engine', type, payload }, {}) ?? Promise.resolve(err('engine unavailable'))) as Promise<Result<EngineResponses[N]>>;

startBackground(engine);
