/** Chrome's offscreen document: hosts the engine (Chrome has no DOM or WASM threads in a service worker). */
import { createRouter, listen } from '../platform/messaging.js';
import { engineRequests } from '../shared/protocol.js';
import { engineHandlers } from './engine-host.js';
import { warmUp } from './runtime-lease.js';

listen(createRouter('engine', engineRequests, engineHandlers));
warmUp();
