/**
 * A photo costs its faces, not its pixels (issue 13): the detector looks at tiles only where the
 * whole-image view shows a face too small for it, so a portrait of any size takes one scene view,
 * while crowds still get their tiles and keep every face.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { analyseImage } from '../../src/engine/engine.js';
import type { EngineModels, ModelRunner } from '../../src/engine/runtime.js';
import type { RgbaImage } from '../../src/engine/types.js';
import { decodeImage } from '../../src/node/decode-image.js';
import { loadNodeModels } from '../../src/node/engine-node.js';
import { facesDir } from '../helpers/faces-dir.js';

let models: EngineModels;
/** Regions (batch rows) the 256 px detector was shown since the last reset. */
let detectorRegions = 0;

function counting(runner: ModelRunner): ModelRunner {
  return {
    run: (feeds) => {
      detectorRegions += feeds['input']?.dims[0] ?? 0;
      return runner.run(feeds);
    },
  };
}

beforeAll(async () => {
  const loaded = await loadNodeModels();
  models = { ...loaded, detector: counting(loaded.detector) };
});

async function photo(path: string, longSide?: number): Promise<RgbaImage> {
  const bytes = readFileSync(join(facesDir(), path));
  const resized = longSide ? await sharp(bytes).resize(longSide, longSide, { fit: 'inside' }).jpeg({ quality: 92 }).toBuffer() : bytes;
  return (await decodeImage(new Uint8Array(resized))).image;
}

async function analyseCounting(img: RgbaImage): Promise<{ faces: number; regions: number }> {
  detectorRegions = 0;
  const faces = await analyseImage(models, img);
  return { faces: faces.length, regions: detectorRegions };
}

it('shows the detector a portrait once at every size from 0.25 to 16 megapixels (it was 10 views above 512 px)', async () => {
  for (const side of [560, 1120, 2240, 4096]) {
    const { faces, regions } = await analyseCounting(await photo('human/in/person-nicole.jpg', side));
    expect({ side, faces, regions }).toEqual({ side, faces: 1, regions: 1 });
  }
}, 120_000);

it('still tiles crowds: every face of solvay1927.jpg (29) and bald_guys.jpg (24)', async () => {
  for (const [path, count] of [['human/in/solvay1927.jpg', 29], ['dlib/faces/bald_guys.jpg', 24]] as const) {
    const { faces, regions } = await analyseCounting(await photo(path));
    expect(faces, path).toBe(count);
    expect(regions, path).toBeGreaterThan(1);
  }
}, 120_000);
