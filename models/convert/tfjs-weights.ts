import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One entry of a TFJS weights manifest group. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'float16' | 'uint8' | 'bool' | string;
  quantization?: { dtype: 'uint8' | 'uint16' | 'float16'; scale?: number; min?: number };
}

export interface WeightGroup {
  paths: string[];
  weights: WeightSpec[];
}

/**
 * A float weight's values as the source stored them, so a model can ship them at that
 * precision: uint8 affine (value = q * scale + min) or IEEE half floats (raw bits).
 */
export type Quantized = { dtype: 'uint8'; data: Uint8Array; scale: number; min: number } | { dtype: 'float16'; data: Uint16Array };

/**
 * A decoded weight. Integers keep their values in `int` for shape/axis constants; float
 * weights that were quantised in the source keep the raw values in `quantized` too.
 */
export interface Weight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array;
  int?: Int32Array;
  quantized?: Quantized;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function bytesPerElement(spec: WeightSpec): number {
  const q = spec.quantization?.dtype;
  if (q === 'uint8') return 1;
  if (q === 'uint16' || q === 'float16') return 2;
  if (spec.dtype === 'float32' || spec.dtype === 'int32') return 4;
  throw new Error(`weight ${spec.name}: unsupported dtype ${spec.dtype}`);
}

function decodeOne(spec: WeightSpec, bytes: DataView): Weight {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(count);
  const q = spec.quantization;
  let quantized: Quantized | undefined;
  if (q?.dtype === 'float16') {
    const half = new Uint16Array(count);
    for (let i = 0; i < count; i++) data[i] = halfToFloat((half[i] = bytes.getUint16(i * 2, true)));
    quantized = { dtype: 'float16', data: half };
  } else if (q?.dtype === 'uint8' || q?.dtype === 'uint16') {
    // TFJS affine quantisation: value = q * scale + min.
    const scale = q.scale ?? 1;
    const min = q.min ?? 0;
    const wide = q.dtype === 'uint16';
    for (let i = 0; i < count; i++) data[i] = (wide ? bytes.getUint16(i * 2, true) : bytes.getUint8(i)) * scale + min;
    // uint16 (no source of ours uses it) stays float32 in the ONNX.
    if (!wide) quantized = { dtype: 'uint8', data: new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + count)), scale, min };
  } else if (spec.dtype === 'float32') {
    for (let i = 0; i < count; i++) data[i] = bytes.getFloat32(i * 4, true);
  } else if (spec.dtype === 'int32') {
    const int = new Int32Array(count);
    for (let i = 0; i < count; i++) int[i] = bytes.getInt32(i * 4, true);
    data.set(int);
    return { name: spec.name, shape: spec.shape, dtype: 'int32', data, int };
  } else {
    throw new Error(`weight ${spec.name}: unsupported dtype ${spec.dtype}`);
  }
  if (spec.dtype === 'int32') {
    return { name: spec.name, shape: spec.shape, dtype: 'int32', data, int: Int32Array.from(data, Math.round) };
  }
  return { name: spec.name, shape: spec.shape, dtype: 'float32', data, ...(quantized ? { quantized } : {}) };
}

/** Decodes the concatenated shards of a manifest into named float weights. */
export function decodeWeights(groups: readonly WeightGroup[], shards: readonly Uint8Array[]): Map<string, Weight> {
  const total = shards.reduce((a, s) => a + s.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const shard of shards) {
    all.set(shard, at);
    at += shard.length;
  }
  const out = new Map<string, Weight>();
  let offset = 0;
  for (const spec of groups.flatMap((g) => g.weights)) {
    const size = spec.shape.reduce((a, b) => a * b, 1) * bytesPerElement(spec);
    if (offset + size > all.length) throw new Error(`weight ${spec.name}: shards end at ${all.length}, need ${offset + size}`);
    out.set(spec.name, decodeOne(spec, new DataView(all.buffer, all.byteOffset + offset, size)));
    offset += size;
  }
  if (offset !== all.length) throw new Error(`weights manifest covers ${offset} bytes but shards hold ${all.length}`);
  return out;
}

/** Reads a weights manifest (a bare array, or a model.json's weightsManifest) and its shards from disk. */
export async function loadWeights(manifestPath: string, groups: readonly WeightGroup[]): Promise<Map<string, Weight>> {
  const shards = await Promise.all(
    groups.flatMap((g) => g.paths).map(async (p) => new Uint8Array(await readFile(join(dirname(manifestPath), p)))),
  );
  return decodeWeights(groups, shards);
}

/** Reads a face-api style `*-weights_manifest.json` with its shards. */
export async function loadWeightsManifest(manifestPath: string): Promise<Map<string, Weight>> {
  const groups = JSON.parse(await readFile(manifestPath, 'utf8')) as WeightGroup[];
  return loadWeights(manifestPath, groups);
}

/** A weight that must exist; the error names it. */
export function requireWeight(weights: ReadonlyMap<string, Weight>, name: string): Weight {
  const w = weights.get(name);
  if (!w) throw new Error(`missing weight ${name}`);
  return w;
}
