import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TfAttr, TfNode } from '../../models/convert/tfjs/graph-model.js';

/** Builders for the attribute encodings TFJS uses in model.json. */
export const attr = {
  s: (v: string): TfAttr => ({ s: Buffer.from(v).toString('base64') }),
  ints: (v: number[]): TfAttr => ({ list: { i: v.map(String) } }),
  strs: (v: string[]): TfAttr => ({ list: { s: v.map((x) => Buffer.from(x).toString('base64')) } }),
  b: (v: boolean): TfAttr => ({ b: v }),
  f: (v: number): TfAttr => ({ f: v }),
  float: { type: 'DT_FLOAT' } as TfAttr,
  int: { type: 'DT_INT32' } as TfAttr,
};

export interface TinyConst {
  name: string;
  shape: number[];
  values: number[];
  dtype?: 'float32' | 'int32';
  /** Store float values as TFJS does after quantisation: uint8 affine (rounded) or float16 (must be exact). */
  quantization?: { dtype: 'uint8'; scale: number; min: number } | { dtype: 'float16' };
}

/** IEEE half bits of `v`, which must be zero or a normal half exactly (tests pick such values). */
function halfBits(v: number): number {
  if (v === 0) return 0;
  const exponent = Math.floor(Math.log2(Math.abs(v)));
  const fraction = (Math.abs(v) / 2 ** exponent - 1) * 1024;
  if (exponent < -14 || exponent > 15 || !Number.isInteger(fraction)) throw new Error(`${v} is not an exact normal float16`);
  return (v < 0 ? 0x8000 : 0) | ((exponent + 15) << 10) | fraction;
}

function encode(c: TinyConst): Buffer {
  const q = c.quantization;
  if (q?.dtype === 'uint8') return Buffer.from(c.values.map((v) => Math.min(255, Math.max(0, Math.round((v - q.min) / q.scale)))));
  if (q?.dtype === 'float16') return Buffer.from(new Uint16Array(c.values.map(halfBits)).buffer);
  return Buffer.from(c.dtype === 'int32' ? new Int32Array(c.values).buffer : new Float32Array(c.values).buffer);
}

/**
 * Writes a small TFJS graph model (model.json + one shard) to a temp dir and returns the
 * model.json path. Input placeholder `x` has the given NHWC shape.
 */
export function writeTinyGraph(inputShape: number[], consts: TinyConst[], nodes: TfNode[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'facetag-tiny-'));
  const placeholder: TfNode = {
    name: 'x',
    op: 'Placeholder',
    attr: { dtype: attr.float, shape: { shape: { dim: inputShape.map((d) => ({ size: String(d) })) } } },
  };
  const constNodes: TfNode[] = consts.map((c) => ({ name: c.name, op: 'Const', attr: { dtype: c.dtype === 'int32' ? attr.int : attr.float, value: {} } }));
  writeFileSync(join(dir, 'w.bin'), Buffer.concat(consts.map(encode)));
  const model = {
    format: 'graph-model',
    generatedBy: 'facetag-tests',
    convertedBy: 'facetag-tests',
    modelTopology: { node: [placeholder, ...constNodes, ...nodes], library: {}, versions: { producer: 1 } },
    weightsManifest: [{ paths: ['w.bin'], weights: consts.map((c) => ({ name: c.name, shape: c.shape, dtype: c.dtype ?? 'float32', ...(c.quantization ? { quantization: c.quantization } : {}) })) }],
  };
  const path = join(dir, 'model.json');
  writeFileSync(path, JSON.stringify(model));
  return path;
}
