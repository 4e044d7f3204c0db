/**
 * What each step of the pipeline is worth: runs the engine over the single-face photos of
 * ../shared/faces with one setting changed at a time and prints the verification and
 * identification numbers for each.
 *
 *   npx tsx bench/ablation.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseImage, DEFAULT_ENGINE_CONFIG, type EngineConfig } from '../src/engine/engine.js';
import type { RgbaImage } from '../src/engine/types.js';
import { mainFace } from '../src/eval/main-face.js';
import { leaveOneOutTop1, openSetAtFalseAcceptRate, rocAuc, tarAtFar, verificationScores, type EvalSample } from '../src/eval/metrics.js';
import { decodeImage } from '../src/node/decode-image.js';
import { loadNodeModels } from '../src/node/engine-node.js';
import { loadFacesData } from './lib/faces-data.js';

const d = DEFAULT_ENGINE_CONFIG;
const VARIANTS: { name: string; config: EngineConfig }[] = [
  { name: 'default', config: d },
  { name: 'refinement crop 2x the box (instead of 3x)', config: { ...d, detect: { ...d.detect, refineFactor: 2 } } },
  { name: 'no refinement (crop 1x: the coarse box)', config: { ...d, detect: { ...d.detect, refineFactor: 1 } } },
  { name: 'every candidate refined (no skip at the refinement scale)', config: { ...d, detect: { ...d.detect, refineSkipRange: 1 } } },
  { name: 'refinement skipped up to 2x the refinement scale (instead of 1.25x)', config: { ...d, detect: { ...d.detect, refineSkipRange: 2 } } },
  { name: 'every closer look by the 256 px detector (none by the 128 px refiner)', config: { ...d, detect: { ...d.detect, thoroughRefineBelow: Infinity } } },
  { name: 'every closer look by the 128 px refiner (weak candidates too)', config: { ...d, detect: { ...d.detect, thoroughRefineBelow: 0 } } },
  { name: 'mirrored descriptor averaged in', config: { ...d, mirror: true } },
  { name: 'landmark crop 1.0x the box (instead of 1.1x)', config: { ...d, landmarkBoxScale: 1.0 } },
  { name: 'landmark crop 1.2x the box', config: { ...d, landmarkBoxScale: 1.2 } },
];

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
const data = loadFacesData();
const models = await loadNodeModels();
const photos: { identity: string; image: RgbaImage }[] = [];
for (const p of data.identification.photos) photos.push({ identity: p.identity, image: (await decodeImage(new Uint8Array(readFileSync(join(data.dir, p.path))))).image });

process.stdout.write(`| variant | faces found | TAR @ FAR 1e-3 | TAR @ FAR 1e-2 | ROC AUC | top-1 | known named @ ≤5% unknowns |\n|---|---|---|---|---|---|---|\n`);
for (const { name, config } of VARIANTS) {
  const samples: EvalSample[] = [];
  for (const p of photos) samples.push({ identity: p.identity, embedding: mainFace(await analyseImage(models, p.image, config))?.embedding ?? null });
  const { genuine, impostor } = verificationScores(samples);
  const found = samples.filter((s) => s.embedding).length;
  process.stdout.write(
    `| ${name} | ${found}/${samples.length} | ${pct(tarAtFar(genuine, impostor, 1e-3).tar)} | ${pct(tarAtFar(genuine, impostor, 1e-2).tar)} | ${rocAuc(genuine, impostor).toFixed(4)} | ${pct(leaveOneOutTop1(samples).rate)} | ${pct(openSetAtFalseAcceptRate(samples, 0.05).knownRate)} |\n`,
  );
}
