/** Chrome's offscreen document: hosts the engine (Chrome has no DOM or WASM threads in a service worker). */
import { createRouter, listen } from '../platform/messaging.js';
import { engineRequests } from '../shared/protocol.js';
import { engineHandlers, warmUp } from './engine-host.js';

listen(createRouter('engine', engineRequests, engineHandlers));
warmUp();
