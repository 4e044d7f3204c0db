/**
 * facetag's engine over a list of images, timing each model: prints one line per image,
 * `{file, width, height, ms, faces, stages: {detector, verifier, landmarks, embedder}}` with `faces` the count
 * and every time in ms. Decoding and `ms` are exactly as in `facetag scan` (analyseImage only).
 *
 *   npx tsx bench/facetag-stages.ts --list paths.txt [--threads 1]
 *
 * --threads sets onnxruntime-node's intra-op threads (default 0: onnxruntime's own choice, as the CLI uses).
 * The first image is run once untimed, as the peers do (bench/peers/peer-runner.ts).
 */

import { readFile } from 'node:fs/promises';
import { analyseImage } from '../src/engine/engine.js';
import { decodeImage } from '../src/node/decode-image.js';
import { loadNodeModels } from '../src/node/engine-node.js';
import { parsePeerArgs } from './peers/peer-runner.js';
import { timedModels } from './suite/timed-models.js';

const { paths, options } = parsePeerArgs(process.argv.slice(2));
const threads = Number(options.get('threads') ?? '0');
if (!Number.isInteger(threads) || threads < 0) throw new Error('--threads must be a whole number >= 0');
const timed = timedModels(await loadNodeModels(undefined, threads));

let warmedUp = false;
for (const file of paths) {
  let line: string;
  try {
    const decoded = await decodeImage(new Uint8Array(await readFile(file)));
    if (!warmedUp) {
      await analyseImage(timed.models, decoded.image);
      warmedUp = true;
    }
    timed.take();
    const start = performance.now();
    const faces = await analyseImage(timed.models, decoded.image);
    const ms = performance.now() - start;
    line = JSON.stringify({ file, width: decoded.width, height: decoded.height, ms, faces: faces.length, stages: timed.take() });
  } catch (error) {
    line = JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) });
  }
  process.stdout.write(`${line}\n`);
}
