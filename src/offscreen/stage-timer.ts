/**
 * Time spent per model while one image is analysed, so the engine's log line says where a slow
 * image's time went (the browser benchmark reads it; see docs/BENCHMARKS.md).
 */
import type { EngineModels, ModelRunner } from '../engine/runtime.js';

export type StageTimes = Record<string, { ms: number; runs: number }>;

function timed(runner: ModelRunner, name: string, times: StageTimes): ModelRunner {
  return {
    run: async (feeds) => {
      const start = performance.now();
      try {
        return await runner.run(feeds);
      } finally {
        addStage(times, name, performance.now() - start);
      }
    },
  };
}

/** The same models, each run adding its wall time (queue wait included) to `times`. */
export function timedModels(models: EngineModels, times: StageTimes): EngineModels {
  return {
    detector: timed(models.detector, 'detector', times),
    refiner: timed(models.refiner, 'refiner', times),
    verifier: timed(models.verifier, 'verifier', times),
    landmarks: timed(models.landmarks, 'landmarks', times),
    embedder: timed(models.embedder, 'embedder', times),
  };
}

/** Wall ms of the model runs recorded so far. */
export function modelMs(times: StageTimes): number {
  return Object.values(MODEL_STAGES).reduce((sum, name) => sum + (times[name]?.ms ?? 0), 0);
}

const MODEL_STAGES = ['detector', 'refiner', 'verifier', 'landmarks', 'embedder'] as const;

/** Adds a stage that is not a model run (fetch, decode). */
export function addStage(times: StageTimes, name: string, ms: number): void {
  const stage = (times[name] ??= { ms: 0, runs: 0 });
  stage.ms += ms;
  stage.runs += 1;
}

/** `fetch=3.0/1 decode=5.1/1 detector=20.2/3 ...`: ms in that stage / times it ran. */
export function formatStages(times: StageTimes): string {
  return Object.entries(times)
    .map(([name, t]) => `${name}=${t.ms.toFixed(1)}/${t.runs}`)
    .join(' ');
}
