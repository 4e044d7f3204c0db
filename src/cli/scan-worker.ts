/**
 * One `facetag scan` worker thread: its own models, loaded once, then one file at a time as the
 * pool hands them out (scan-pool.ts). A file it cannot read is an error line, as in one thread.
 * Told to stop, it frees its models and lets the thread end by itself: terminating a thread that
 * still holds sessions is what made onnxruntime-node abort the process (engine-node.ts).
 */
import { parentPort } from 'node:worker_threads';
import { loadNodeModels } from '../node/engine-node.js';
import { scanFile } from './commands/scan.js';
import type { ToPool, ToWorker } from './scan-pool.js';
import { logToStderr } from './stderr-log.js';

const port = parentPort;
if (!port) throw new Error('scan-worker.ts runs only as a worker thread');
logToStderr();
const models = await loadNodeModels();
port.on('message', (task: ToWorker) => {
  if ('stop' in task) void models.release().then(() => port.close());
  else void scanFile(models, task.file).then((line) => port.postMessage({ index: task.index, line } satisfies ToPool));
});
port.postMessage({ ready: true } satisfies ToPool);
