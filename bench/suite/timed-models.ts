/**
 * Wraps the engine's model runners so that the time spent inside each model is counted. The engine calls each
 * model batched and awaits it before the next step (src/engine/engine.ts), so the per-model times do not overlap
 * and whatever is left of an image's time is the engine's own JavaScript (resizing, warping, NMS, quality).
 */

import type { EngineModels, ModelRunner } from '../../src/engine/runtime.js';

export const STAGES = ['detector', 'refiner', 'verifier', 'landmarks', 'embedder'] as const satisfies readonly (keyof EngineModels)[];
export type Stage = (typeof STAGES)[number];
export type StageTimes = Record<Stage, number>;

const zero = (): StageTimes => ({ detector: 0, refiner: 0, verifier: 0, landmarks: 0, embedder: 0 });

export function timedModels(models: EngineModels): { models: EngineModels; take(): StageTimes } {
  let spent = zero();
  const wrap = (stage: Stage, inner: ModelRunner): ModelRunner => ({
    async run(feeds) {
      const start = performance.now();
      try {
        return await inner.run(feeds);
      } finally {
        spent[stage] += performance.now() - start;
      }
    },
  });
  const timed: EngineModels = {
    detector: wrap('detector', models.detector),
    refiner: wrap('refiner', models.refiner),
    verifier: wrap('verifier', models.verifier),
    landmarks: wrap('landmarks', models.landmarks),
    embedder: wrap('embedder', models.embedder),
  };
  /** The times since the last take(), and a fresh count. */
  const take = (): StageTimes => {
    const out = spent;
    spent = zero();
    return out;
  };
  return { models: timed, take };
}
