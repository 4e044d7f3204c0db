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
  const buffers = consts.map((c) =>
    Buffer.from(c.dtype === 'int32' ? new Int32Array(c.values).buffer : new Float32Array(c.values).buffer),
  );
  writeFileSync(join(dir, 'w.bin'), Buffer.concat(buffers));
  const model = {
    format: 'graph-model',
    generatedBy: 'facetag-tests',
    convertedBy: 'facetag-tests',
    modelTopology: { node: [placeholder, ...constNodes, ...nodes], library: {}, versions: { producer: 1 } },
    weightsManifest: [{ paths: ['w.bin'], weights: consts.map((c) => ({ name: c.name, shape: c.shape, dtype: c.dtype ?? 'float32' })) }],
  };
  const path = join(dir, 'model.json');
  writeFileSync(path, JSON.stringify(model));
  return path;
}
