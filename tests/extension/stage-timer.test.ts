/**
 * The engine host's per-stage timing: the real models on onnxruntime-web's WASM backend analyse
 * a real photo through timedModels, and the times add up to the analysis and name every model
 * that ran, with how often it ran.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { analyseImage } from '../../src/engine/engine.js';
import { decodeImage } from '../../src/node/decode-image.js';
import { loadModels } from '../../src/offscreen/ort-models.js';
import { addStage, formatStages, modelMs, timedModels, type StageTimes } from '../../src/offscreen/stage-timer.js';
import { readBuiltModel } from '../helpers/built-models.js';
import { nodeOrtRuntime } from '../helpers/ort-web-node.js';
import { facesDir } from '../helpers/faces-dir.js';
import { fixedChoice } from '../helpers/fixed-choice.js';

it('records each model run of an analysis and formats them as the log line the benchmark reads', async () => {
  const loaded = await loadModels({
    choose: () => Promise.resolve(fixedChoice('wasm')),
    saveTiming: () => undefined,
    runtime: nodeOrtRuntime,
    modelBytes: readBuiltModel,
    createSession: (runtime, bytes, provider) => runtime.InferenceSession.create(bytes, { executionProviders: [provider] }),
  });
  try {
    const { image } = await decodeImage(new Uint8Array(readFileSync(join(facesDir(), 'face-api.js/identities/sheldon/sheldon1.png'))));
    const stages: StageTimes = {};
    addStage(stages, 'decode', 2.5);
    const start = performance.now();
    const faces = await analyseImage(timedModels(loaded.models, stages), image);
    const total = performance.now() - start;
    expect(faces).toHaveLength(1);
    // A 150 px face crop: one run of the 128 px refiner (its first view already shows the face
    // at the refinement's scale) and none of the 256 px detector, then the landmarks and the
    // descriptor once each.
    expect(stages['refiner']?.runs).toBe(1);
    expect(stages['detector']).toBeUndefined();
    expect(stages['landmarks']?.runs).toBe(1);
    expect(stages['embedder']?.runs).toBe(1);
    expect(modelMs(stages)).toBeGreaterThan(0);
    expect(modelMs(stages)).toBeLessThanOrEqual(total);
    const line = formatStages(stages);
    expect(line.startsWith('decode=2.5/1 ')).toBe(true);
    expect(line).toMatch(/ refiner=[\d.]+\/1/);
    expect(line).toMatch(/ embedder=[\d.]+\/1/);
  } finally {
    await loaded.release();
  }
}, 60_000);
