/**
 * "Not <name>" with real embeddings: the real models run on ../shared/faces photos, the
 * rejection goes through the background's real correction handler and store (fake IndexedDB),
 * and later photos are named through the same labelFaces the extension uses.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { correctionHandlers, type UndoStore } from '../../src/background/corrections.js';
import type { CorrectionAdded } from '../../src/store/correction-undo.js';
import type { EngineCall } from '../../src/background/engine-call.js';
import { labelFaces } from '../../src/background/labels.js';
import { analyseImage } from '../../src/engine/engine.js';
import { EMBEDDING_MODEL_ID } from '../../src/engine/model-id.js';
import { decodeImage } from '../../src/node/decode-image.js';
import { loadNodeModels } from '../../src/node/engine-node.js';
import type { EngineAnalysis } from '../../src/shared/protocol.js';
import { err, ok } from '../../src/shared/result.js';
import { openDb } from '../../src/store/db.js';
import { addReference, writeSettings } from '../../src/store/people.js';
import { facesDir } from '../helpers/faces-dir.js';

const ID = 'face-api.js/identities';
const analysed = new Map<string, EngineAnalysis>();

async function analyse(key: string, bytes: Uint8Array): Promise<EngineAnalysis> {
  const models = await modelsReady;
  const { image } = await decodeImage(bytes);
  const faces = await analyseImage(models, image);
  const analysis = { width: image.width, height: image.height, ms: 0, backend: 'node', faces: faces.map((f) => ({ box: f.box, score: f.score, quality: f.quality, embedding: Array.from(f.embedding) })) };
  analysed.set(key, analysis);
  return analysis;
}
const photo = (who: string, n: number) => new Uint8Array(readFileSync(join(facesDir(), ID, who, `${who}${n}.png`)));
let modelsReady: ReturnType<typeof loadNodeModels>;

/** The engine's cache as the background sees it: only analysed images, a placeholder thumbnail. */
const engine = (async (type: string, payload: { url: string }) => {
  if (type === 'engine.thumbnail') return ok({ dataUrl: 'data:image/jpeg;base64,AA==' });
  const hit = analysed.get(payload.url);
  return hit ? ok(hit) : err('that image was not analysed by Facetag');
}) as EngineCall;

const nameOn = async (key: string) => (await labelFaces(openDb(), analysed.get(key)!)).faces.map((f) => f.name);

/** The undo tokens in memory, as storage.session holds them in the extension. */
function memoryUndo(): UndoStore {
  const kept = new Map<string, CorrectionAdded>();
  return {
    put: async (token, added) => void kept.set(token, added),
    take: async (token) => {
      const added = kept.get(token) ?? null;
      kept.delete(token);
      return added;
    },
  };
}

describe('a rejected face stops a wrong name (real embeddings)', () => {
  beforeAll(async () => {
    modelsReady = loadNodeModels();
    const penny4 = photo('penny', 4);
    await analyse('penny4', penny4);
    // The same photo shrunk and re-encoded as JPEG: a near-identical face, not the same bytes.
    await analyse('penny4-small', new Uint8Array(await sharp(penny4).resize({ width: 180 }).jpeg({ quality: 80 }).toBuffer()));
    for (const n of [1, 2, 3, 4, 5]) await analyse(`amy${n}`, photo('amy', n));
    await analyse('raj1', photo('raj', 1));
    await analyse('raj2', photo('raj', 2));
  });

  it('names Penny as Amy at the loosest sensitivity until the user says "Not Amy"', async () => {
    const db = openDb();
    for (const [name, key] of [['Amy', 'amy1'], ['Raj', 'raj1']] as const) {
      const face = analysed.get(key)!.faces[0]!;
      await addReference(db, { name, thumbnail: '', quality: face.quality, source: key, modelId: EMBEDDING_MODEL_ID, embedding: Float32Array.from(face.embedding) });
    }
    await writeSettings(db, { sensitivity: 1 });
    // Penny is not enrolled; at the loosest setting her resemblance to Amy is enough for a wrong name.
    expect(await nameOn('penny4')).toEqual(['Amy']);
    expect(await nameOn('penny4-small')).toEqual(['Amy']);
    // At the default setting she stays unknown: the trade-off the slider explains.
    await writeSettings(db, { sensitivity: 3 });
    expect(await nameOn('penny4')).toEqual([null]);
    await writeSettings(db, { sensitivity: 1 });

    const handlers = correctionHandlers(engine, async () => undefined, memoryUndo());
    const sender = { url: 'https://example.com/' } as chrome.runtime.MessageSender;
    const rejected = await handlers.rejectFace({ url: 'penny4', face: 0 }, sender);
    expect(rejected).toEqual({ ok: true, value: { name: 'Amy', undo: expect.any(String) } });
    expect(await db.negatives.count()).toBe(1);

    expect(await nameOn('penny4')).toEqual([null]);
    expect(await nameOn('penny4-small')).toEqual([null]);
    for (const n of [2, 3, 4, 5]) expect(await nameOn(`amy${n}`), `amy${n}`).toEqual(['Amy']);
    expect(await nameOn('raj2')).toEqual(['Raj']);

    // Undone (issue 14, finding 7): the wrong name is back, as before the correction; a token works once.
    const token = rejected.ok ? rejected.value.undo : '';
    expect(await handlers.undoCorrection({ token }, sender)).toEqual({ ok: true, value: null });
    expect(await db.negatives.count()).toBe(0);
    expect(await nameOn('penny4')).toEqual(['Amy']);
    expect(await handlers.undoCorrection({ token }, sender)).toEqual({ ok: false, error: 'that correction can no longer be undone' });
    expect((await handlers.rejectFace({ url: 'penny4', face: 0 }, sender)).ok).toBe(true);
  });

  it('accepts corrections only for faces of images the engine analysed, and only of named faces', async () => {
    const handlers = correctionHandlers(engine, async () => undefined, memoryUndo());
    const sender = { url: 'https://example.com/' } as chrome.runtime.MessageSender;
    expect(await handlers.rejectFace({ url: 'https://example.com/never-seen.jpg', face: 0 }, sender)).toEqual({ ok: false, error: 'that image was not analysed by Facetag' });
    expect(await handlers.rejectFace({ url: 'amy2', face: 3 }, sender)).toEqual({ ok: false, error: 'the image has no face number 4' });
    expect(await handlers.rejectFace({ url: 'penny4', face: 0 }, sender)).toEqual({ ok: false, error: 'that face has no name to reject' });
    const before = await openDb().negatives.count();
    // "This is Penny" on the now-unknown face enrolls her; she is then named on the near-identical photo.
    expect(await handlers.confirmFace({ url: 'penny4', face: 0, name: 'Penny' }, sender)).toEqual({ ok: true, value: { name: 'Penny', undo: expect.any(String) } });
    expect(await openDb().negatives.count()).toBe(before);
    expect(await nameOn('penny4-small')).toEqual(['Penny']);
    expect(await nameOn('amy2')).toEqual(['Amy']);
  });
});
