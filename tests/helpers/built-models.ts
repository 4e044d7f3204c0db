import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const MODELS_DIR = resolve(import.meta.dirname, '..', '..', 'models', 'onnx');

/** The shipped ONNX file of a model, as `npm run models` wrote it. */
export async function readBuiltModel(id: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(join(MODELS_DIR, `${id}.onnx`)));
  } catch {
    throw new Error(`models/onnx/${id}.onnx is missing: run \`npm run models\` first`);
  }
}
