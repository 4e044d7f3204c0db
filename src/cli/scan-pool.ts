/**
 * `facetag scan` on every core: a worker thread per core, each with its own models (loaded
 * once per worker: onnxruntime-node runs one intra-op thread, so a second core only helps with
 * a second engine), files handed out one at a time as workers come free, and lines given back in
 * the files' order, so the output is the same whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScanLine } from './commands/scan.js';

export type ToWorker = { index: number; file: string } | { stop: true };
export type ToPool = { ready: true } | { index: number; line: ScanLine };

const WORKER_ENTRY = resolve(import.meta.dirname, '..', '..', 'bin', 'scan-worker.js');

/** Workers worth starting: one per core, never more than there are files. */
export function workerCount(files: number, asked?: number): number {
  return Math.max(1, Math.min(files, asked ?? availableParallelism()));
}

/** Scans `files` on `count` workers; `onLine` gets each line in the files' order. */
export async function scanInPool(files: readonly string[], count: number, onLine: (line: ScanLine) => void): Promise<void> {
  const lines = new Map<number, ScanLine>();
  let next = 0;
  let written = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((done, fail) => {
      const give = (worker: Worker) => {
        if (next < files.length) worker.postMessage({ index: next, file: files[next++]! } satisfies ToWorker);
      };
      for (let i = 0; i < count; i++) {
        const worker = new Worker(WORKER_ENTRY);
        workers.push(worker);
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (written < files.length) fail(new Error(`a scan worker stopped (exit code ${code}) before every file was scanned`));
        });
        worker.on('message', (message: ToPool) => {
          if ('line' in message) {
            lines.set(message.index, message.line);
            // Written as soon as every earlier file's line is.
            for (let line = lines.get(written); line; line = lines.get(written)) {
              lines.delete(written++);
              onLine(line);
            }
            if (written === files.length) done();
          }
          give(worker);
        });
      }
    });
  } finally {
    await Promise.all(workers.map(stopWorker));
  }
}

/** How long a worker gets to free its models before it is terminated anyway. */
const STOP_GRACE_MS = 5000;

/** Asks a worker to free its models and end; terminates it if it has not within the grace. */
function stopWorker(worker: Worker): Promise<void> {
  return new Promise((done) => {
    const force = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    worker.once('exit', () => {
      clearTimeout(force);
      done();
    });
    if (worker.threadId === -1) done();
    else worker.postMessage({ stop: true } satisfies ToWorker);
  });
}
