/** The engine host's model check: the shipped files pass, a missing or altered one is named with the fix. */
import { expect, it } from 'vitest';
import { verifiedModel } from '../../src/offscreen/model-integrity.js';
import { readBuiltModel } from '../helpers/built-models.js';

const read = async (id: string) => new Uint8Array(await readBuiltModel(id)) as Uint8Array<ArrayBuffer>;

it('passes every shipped model and names a missing or damaged one', async () => {
  for (const id of ['blazeface-back', 'blazeface-front', 'facemesh', 'landmarks-68', 'dlib-resnet']) expect((await verifiedModel(id, () => read(id))).length, id).toBeGreaterThan(100_000);
  await expect(verifiedModel('landmarks-68', () => Promise.resolve(null))).rejects.toThrow('Facetag\'s face model “landmarks-68” is missing — reinstall Facetag');
  await expect(verifiedModel('landmarks-68', () => Promise.reject(new Error('net::ERR_FILE_NOT_FOUND')))).rejects.toThrow(/is missing — reinstall Facetag$/);
  const flipped = await read('dlib-resnet');
  flipped[flipped.length >> 1]! ^= 0x01;
  await expect(verifiedModel('dlib-resnet', () => Promise.resolve(flipped))).rejects.toThrow('Facetag\'s face model “dlib-resnet” is damaged — reinstall Facetag');
  await expect(verifiedModel('not-a-model', () => read('facemesh'))).rejects.toThrow(/no checksum is known/);
});
