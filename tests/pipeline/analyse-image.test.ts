import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseImage } from '../../src/engine/engine.js';
import type { EngineModels } from '../../src/engine/runtime.js';
import type { Face } from '../../src/engine/types.js';
import { decodeImage } from '../../src/node/decode-image.js';
import { loadNodeModels } from '../../src/node/engine-node.js';
import { facesDir } from '../helpers/faces-dir.js';

let models: EngineModels;
const analyse = async (path: string): Promise<Face[]> => analyseImage(models, (await decodeImage(new Uint8Array(readFileSync(join(facesDir(), path))))).image);
const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((s, v, i) => s + v * (b[i] as number), 0);

describe('analyseImage on real photos (real models)', () => {
  beforeAll(async () => {
    models = await loadNodeModels();
  });

  it('finds the face in a tight 150 px crop that is nothing but the face', async () => {
    const faces = await analyse('face-recognition.js/faces/lennard/lennard_13.png');
    expect(faces).toHaveLength(1);
    expect(faces[0]?.box[2]).toBeGreaterThan(100);
  });

  it('still looks at a small image whole when no face fills it: a 200 px group photo keeps its 5 faces', async () => {
    // Small images are first shown as one face would be; these faces are far smaller than that.
    const small = await sharp(join(facesDir(), 'face-api.js/group/bbt3.jpg')).resize(200).png().toBuffer();
    expect(await analyseImage(models, (await decodeImage(new Uint8Array(small))).image)).toHaveLength(5);
  });

  it('finds no face on the dogs, the cartoon or a blank image', async () => {
    for (const path of ['dlib/faces/dogs.jpg', 'mtcnn/no-faces.jpg', 'face-api.js/test/white.png']) expect(await analyse(path), path).toEqual([]);
  });

  it('counts the faces of group photos, small background faces included', async () => {
    expect(await analyse('face-api.js/group/bbt3.jpg')).toHaveLength(5);
    expect(await analyse('dlib/faces/2008_002470.jpg')).toHaveLength(6);
  });

  it('gives unit embeddings that put the same person closer than anyone else', async () => {
    const [a] = await analyse('dlib/johns/John_Salley/000179_02159509.jpg');
    const [b] = await analyse('dlib/johns/John_Salley/000183_02159543.jpg');
    const [other] = await analyse('face-api.js/identities/sheldon/sheldon1.png');
    if (!a || !b || !other) throw new Error('a face was missed');
    expect(cosine(a.embedding, a.embedding)).toBeCloseTo(1, 5);
    expect(cosine(a.embedding, b.embedding)).toBeGreaterThan(cosine(a.embedding, other.embedding) + 0.05);
  });

  it('rates a sharp frontal face above a tiny, blurry one', async () => {
    const [good] = await analyse('mtcnn/ivan.jpg');
    const tiny = await analyse('blazeface/3faces.png');
    expect(good?.quality).toBeGreaterThan(0.8);
    expect(Math.max(...tiny.map((f) => f.quality))).toBeLessThan((good?.quality ?? 0) - 0.3);
  });

  it('returns nothing for images too small to hold a face, and rejects inconsistent pixel data', async () => {
    expect(await analyseImage(models, { width: 1, height: 1, data: new Uint8Array(4) })).toEqual([]);
    await expect(analyseImage(models, { width: 10, height: 10, data: new Uint8Array(10) })).rejects.toThrow(/expected 10x10x4/);
  });
});
