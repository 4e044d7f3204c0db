import { OnnxGraph } from '../onnx-graph.js';
import type { Weight } from '../tfjs-weights.js';
import type { TfNode } from './graph-model.js';

/** Rank-4 activations are kept NCHW inside the ONNX graph; everything else keeps TF's order. */
export type Layout = 'NCHW' | 'plain';

export interface TensorValue {
  kind: 'tensor';
  name: string;
  layout: Layout;
  /** Shape in TF's own (NHWC) order; -1 marks the dynamic batch. */
  shape: number[];
}

export interface ConstValue {
  kind: 'const';
  weight: Weight;
}

export type Value = TensorValue | ConstValue;

export const NHWC_TO_NCHW = [0, 3, 1, 2] as const;
export const NCHW_TO_NHWC = [0, 2, 3, 1] as const;

/** TF axis (NHWC) → ONNX axis for a tensor held NCHW. */
export function nchwAxis(axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (rank !== 4) return a;
  return [0, 2, 3, 1][a] as number;
}

/** Holds the ONNX graph under construction and what each TF node became. */
export class ConvertContext {
  readonly graph: OnnxGraph;
  private readonly values = new Map<string, Value>();

  constructor(name: string) {
    this.graph = new OnnxGraph(name);
  }

  set(tfName: string, value: Value): void {
    this.values.set(tfName, value);
  }

  value(node: TfNode, tfName: string): Value {
    const v = this.values.get(tfName);
    if (!v) throw new Error(`node ${node.name} (${node.op}): input ${tfName} is not defined`);
    return v;
  }

  tensor(node: TfNode, tfName: string): TensorValue {
    const v = this.value(node, tfName);
    if (v.kind !== 'tensor') throw new Error(`node ${node.name} (${node.op}): input ${tfName} must be computed, not a constant`);
    return v;
  }

  constant(node: TfNode, tfName: string): Weight {
    const v = this.value(node, tfName);
    if (v.kind !== 'const') throw new Error(`node ${node.name} (${node.op}): input ${tfName} must be a constant`);
    return v.weight;
  }

  /** The tensor in TF's own order, inserting a Transpose when it is held NCHW. */
  plain(v: TensorValue, hint: string): TensorValue {
    if (v.layout === 'plain') return v;
    const name = this.graph.node('Transpose', [v.name], { perm: [...NCHW_TO_NHWC] }, `${hint}/to_nhwc`);
    return { kind: 'tensor', name, layout: 'plain', shape: v.shape };
  }

  /** A rank-4 tensor held NCHW, transposing a plain one. */
  nchw(v: TensorValue, hint: string): TensorValue {
    if (v.layout === 'NCHW') return v;
    if (v.shape.length !== 4) throw new Error(`${hint}: cannot hold a rank-${v.shape.length} tensor as NCHW`);
    const name = this.graph.node('Transpose', [v.name], { perm: [...NHWC_TO_NCHW] }, `${hint}/to_nchw`);
    return { kind: 'tensor', name, layout: 'NCHW', shape: v.shape };
  }
}
