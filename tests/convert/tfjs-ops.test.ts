import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { DataType, ModelProto } from '../../models/convert/onnx-proto.js';
import { convertTfjsGraphModel } from '../../models/convert/tfjs/convert.js';
import type { TfNode } from '../../models/convert/tfjs/graph-model.js';
import { nhwcToNchw } from '../helpers/images.js';
import { checkParity } from '../helpers/parity.js';
import { seededFloats } from '../helpers/seeded-random.js';
import { loadTfjsGraphModel, runTfjs } from '../helpers/tfjs-graph-reference.js';
import { attr, writeTinyGraph, type TinyConst } from '../helpers/tiny-tfjs-graph.js';

const conv = (name: string, input: string, filter: string, bias: string, strides: number[], padding: string, fused: string[]): TfNode => ({
  name,
  op: '_FusedConv2D',
  input: [input, filter, bias],
  attr: {
    T: attr.float, strides: attr.ints(strides), padding: attr.s(padding), data_format: attr.s('NHWC'),
    dilations: attr.ints([1, 1, 1, 1]), fused_ops: attr.strs(fused), num_args: { i: '1' }, epsilon: attr.f(0), explicit_paddings: attr.ints([]),
  },
});
/** A fused conv that also takes a PReLU alpha: TF counts it as a second extra argument. */
const withPrelu = (node: TfNode, alpha: string): TfNode => ({ ...node, input: [...(node.input ?? []), alpha], attr: { ...node.attr, num_args: { i: '2' } } });
const op = (name: string, type: string, input: string[], extra: Record<string, ReturnType<typeof attr.s>> = {}): TfNode => ({ name, op: type, input, attr: { T: attr.float, ...extra } });
const floats = (name: string, shape: number[], seed: number): TinyConst => ({ name, shape, values: Array.from(seededFloats(seed, shape.reduce((a, b) => a * b, 1), -1, 1)) });
const ints = (name: string, values: number[]): TinyConst => ({ name, shape: [values.length], values, dtype: 'int32' });
const uint8 = (name: string, shape: number[], seed: number): TinyConst => ({ ...floats(name, shape, seed), quantization: { dtype: 'uint8', scale: 2 / 255, min: -1 } });
/** Multiples of 1/1024 in [-1, 1] are exact halves. */
const half = (name: string, shape: number[], seed: number): TinyConst => {
  const c = floats(name, shape, seed);
  return { ...c, values: c.values.map((v) => Math.round(v * 1024) / 1024), quantization: { dtype: 'float16' } };
};

interface OpCase {
  title: string;
  input: [number, number, number, number];
  consts: TinyConst[];
  nodes: TfNode[];
  /** ONNX initializer data types the converted model must contain (quantised weights stay compact). */
  initializerTypes?: number[];
}

function initializerTypes(bytes: Uint8Array): number[] {
  const model = ModelProto.toObject(ModelProto.decode(bytes)) as { graph: { initializer: { data_type: number }[] } };
  return [...new Set(model.graph.initializer.map((i) => i.data_type))].sort((a, b) => a - b);
}

const CASES: OpCase[] = [
  {
    title: 'fused Conv2D + BiasAdd + Relu, SAME stride 2 on an odd input (uneven pads)',
    input: [1, 7, 9, 3],
    consts: [floats('w', [3, 3, 3, 4], 1), floats('b', [4], 2)],
    nodes: [conv('out', 'x', 'w', 'b', [1, 2, 2, 1], 'SAME', ['BiasAdd', 'Relu'])],
  },
  {
    title: 'fused Conv2D + BiasAdd + Prelu, and Relu6',
    input: [1, 8, 8, 3],
    consts: [floats('w', [1, 1, 3, 4], 3), floats('b', [4], 4), floats('alpha', [4], 5)],
    nodes: [withPrelu(conv('c', 'x', 'w', 'b', [1, 1, 1, 1], 'VALID', ['BiasAdd', 'Prelu']), 'alpha'), op('out', 'Relu6', ['c'])],
  },
  {
    title: 'DepthwiseConv2dNative (grouped Conv), SAME stride 2',
    input: [1, 8, 8, 3],
    consts: [floats('w', [3, 3, 3, 2], 6)],
    nodes: [op('out', 'DepthwiseConv2dNative', ['x', 'w'], { strides: attr.ints([1, 2, 2, 1]), padding: attr.s('SAME'), data_format: attr.s('NHWC'), dilations: attr.ints([1, 1, 1, 1]) })],
  },
  {
    title: 'MaxPool, AvgPool (SAME excludes padding), Pad of the channel axis',
    input: [1, 7, 7, 2],
    consts: [{ ...ints('pads', [0, 0, 1, 0, 0, 1, 0, 2]), shape: [4, 2] }],
    nodes: [
      op('m', 'MaxPool', ['x'], { ksize: attr.ints([1, 2, 2, 1]), strides: attr.ints([1, 2, 2, 1]), padding: attr.s('SAME'), data_format: attr.s('NHWC') }),
      op('a', 'AvgPool', ['m'], { ksize: attr.ints([1, 3, 3, 1]), strides: attr.ints([1, 1, 1, 1]), padding: attr.s('SAME'), data_format: attr.s('NHWC') }),
      { name: 'out', op: 'Pad', input: ['a', 'pads'], attr: { T: attr.float, Tpaddings: attr.int } },
    ],
  },
  {
    title: 'Add/AddV2/Sub/Mul/Maximum/Minimum with channel constants, PReLU as Abs/Sub/Mul',
    input: [1, 4, 4, 3],
    consts: [floats('k', [3], 7), floats('alpha', [3], 8), { name: 'half', shape: [], values: [0.5] }],
    nodes: [
      op('add', 'AddV2', ['x', 'k']), op('sub', 'Sub', ['add', 'k']), op('mul', 'Mul', ['sub', 'k']),
      op('max', 'Maximum', ['mul', 'half']), op('min', 'Minimum', ['max', 'add']),
      op('relu', 'Relu', ['min']), op('abs', 'Abs', ['min']), op('neg', 'Sub', ['min', 'abs']), op('scaled', 'Mul', ['alpha', 'neg']),
      op('halfs', 'Mul', ['scaled', 'half']), op('out', 'Add', ['relu', 'halfs']),
    ],
  },
  {
    title: 'Square/Sum/Rsqrt/Maximum L2 norm after Squeeze, then MatMul and _FusedMatMul, Sigmoid, Softmax, ConcatV2',
    input: [1, 1, 1, 6],
    consts: [
      ints('axes', [1]), { name: 'eps', shape: [], values: [1e-10] }, floats('w', [6, 5], 9), floats('w2', [5, 4], 10), floats('b2', [4], 11), ints('axis', [1]),
    ],
    nodes: [
      { name: 'sq', op: 'Squeeze', input: ['x'], attr: { T: attr.float, squeeze_dims: attr.ints([1, 2]) } },
      op('square', 'Square', ['sq']), { name: 'sum', op: 'Sum', input: ['square', 'axes'], attr: { T: attr.float, Tidx: attr.int, keep_dims: attr.b(true) } },
      op('clamped', 'Maximum', ['sum', 'eps']), op('rs', 'Rsqrt', ['clamped']), op('norm', 'Mul', ['sq', 'rs']),
      { name: 'mm', op: 'MatMul', input: ['norm', 'w'], attr: { T: attr.float, transpose_a: attr.b(false), transpose_b: attr.b(false) } },
      { name: 'fmm', op: '_FusedMatMul', input: ['mm', 'w2', 'b2'], attr: { T: attr.float, transpose_a: attr.b(false), transpose_b: attr.b(false), fused_ops: attr.strs(['BiasAdd', 'Relu']), num_args: { i: '1' }, epsilon: attr.f(0) } },
      op('sig', 'Sigmoid', ['mm']), op('soft', 'Softmax', ['fmm']),
      { name: 'out', op: 'ConcatV2', input: ['sig', 'soft', 'axis'], attr: { T: attr.float, Tidx: attr.int, N: { i: '2' } } },
    ],
  },
  {
    title: 'Mean over H and W, and Reshape of an NCHW tensor in TF element order',
    input: [1, 4, 4, 3],
    consts: [ints('hw', [1, 2]), ints('shape', [1, 16, 3])],
    nodes: [
      { name: 'mean', op: 'Mean', input: ['x', 'hw'], attr: { T: attr.float, Tidx: attr.int, keep_dims: attr.b(true) } },
      op('centred', 'Sub', ['x', 'mean']),
      { name: 'out', op: 'Reshape', input: ['centred', 'shape'], attr: { T: attr.float, Tshape: attr.int } },
    ],
  },
  {
    title: 'Identity, ConcatV2 on the channel axis, Reshape to rank 4, Mean over H, Squeeze of a non-spatial axis',
    input: [1, 4, 4, 3],
    consts: [floats('k', [3], 12), ints('axis', [3]), ints('shape', [1, 2, 8, 6]), ints('h', [1])],
    nodes: [
      op('id', 'Identity', ['x']), op('mul', 'Mul', ['id', 'k']),
      { name: 'cat', op: 'ConcatV2', input: ['id', 'mul', 'axis'], attr: { T: attr.float, Tidx: attr.int, N: { i: '2' } } },
      { name: 'r', op: 'Reshape', input: ['cat', 'shape'], attr: { T: attr.float, Tshape: attr.int } },
      { name: 'mean', op: 'Mean', input: ['r', 'h'], attr: { T: attr.float, Tidx: attr.int, keep_dims: attr.b(true) } },
      { name: 'out', op: 'Squeeze', input: ['mean'], attr: { T: attr.float, squeeze_dims: attr.ints([1]) } },
    ],
  },
  {
    title: 'uint8 and float16 weights stay compact through conv/depthwise transposes, NCHW constant re-layout and Gemm',
    input: [1, 6, 6, 8],
    consts: [uint8('w', [3, 3, 8, 8], 13), floats('b', [8], 14), uint8('dw', [3, 3, 8, 2], 15), half('k', [1, 6, 6, 16], 16), ints('hw', [1, 2]), half('w2', [16, 8], 17), uint8('b2', [8], 18)],
    nodes: [
      conv('c', 'x', 'w', 'b', [1, 1, 1, 1], 'SAME', ['BiasAdd', 'Relu']),
      op('d', 'DepthwiseConv2dNative', ['c', 'dw'], { strides: attr.ints([1, 1, 1, 1]), padding: attr.s('SAME'), data_format: attr.s('NHWC'), dilations: attr.ints([1, 1, 1, 1]) }),
      op('a', 'AddV2', ['d', 'k']),
      { name: 'm', op: 'Mean', input: ['a', 'hw'], attr: { T: attr.float, Tidx: attr.int, keep_dims: attr.b(false) } },
      { name: 'out', op: '_FusedMatMul', input: ['m', 'w2', 'b2'], attr: { T: attr.float, transpose_a: attr.b(false), transpose_b: attr.b(false), fused_ops: attr.strs(['BiasAdd']), num_args: { i: '1' }, epsilon: attr.f(0) } },
    ],
    // uint8 weights index a float table (no double arithmetic left to fold: see models/README.md).
    initializerTypes: [DataType.FLOAT, DataType.UINT8, DataType.FLOAT16],
  },
];

describe('TFJS → ONNX op mapping matches tfjs', () => {
  it.each(CASES)('$title', async ({ input, consts, nodes, initializerTypes: types }) => {
    const path = writeTinyGraph(input, consts, nodes);
    const converted = await convertTfjsGraphModel(path, { name: 'tiny', docString: '', metadata: {}, outputNames: { out: 'out' } });
    const x = seededFloats(42, input.reduce((a, b) => a * b, 1), -2, 2);
    const [expected] = await runTfjs(await loadTfjsGraphModel(path), x, input, ['out']);
    const session = await ort.InferenceSession.create(converted.bytes);
    const [, h, w, c] = input;
    const result = await session.run({ input: new ort.Tensor('float32', nhwcToNchw(x, input), [1, c, h, w]) });
    const actual = result.out?.data as Float32Array;
    expect(Array.from(result.out?.dims ?? [])).toEqual(converted.outputs[0]?.shape.map((d) => (d === 'N' ? 1 : d)));
    checkParity(actual, expected as Float32Array, actual.length, { rel: 1e-5 }, 'out');
    if (types) expect(initializerTypes(converted.bytes)).toEqual([...types].sort((a, b) => a - b));
  });

  it('stops on an unsupported op, naming the op and the node', async () => {
    const path = writeTinyGraph([1, 4, 4, 3], [], [op('weird_node', 'Erf', ['x'])]);
    await expect(convertTfjsGraphModel(path, { name: 'tiny', docString: '', metadata: {} })).rejects.toThrow('unsupported TF op Erf at node weird_node');
  });

  it('writes byte-identical ONNX on every run', async () => {
    const { input, consts, nodes } = CASES[0] as OpCase;
    const a = await convertTfjsGraphModel(writeTinyGraph(input, consts, nodes), { name: 't', docString: '', metadata: {} });
    const b = await convertTfjsGraphModel(writeTinyGraph(input, consts, nodes), { name: 't', docString: '', metadata: {} });
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
  });
});

// tfjs keeps global state between files; release what this file created.
tf.disposeVariables();
