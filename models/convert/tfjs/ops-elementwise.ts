import type { Weight } from '../tfjs-weights.js';
import { transposeWeight } from '../layers.js';
import { NHWC_TO_NCHW, type ConvertContext, type Layout, type TensorValue } from './context.js';
import { dataInputs, type TfNode } from './graph-model.js';

/** Appends a TF activation (as named in fused_ops or as an op) after `input`. */
export function applyActivation(ctx: ConvertContext, node: TfNode, activation: string, input: string, layout: Layout, alpha?: Weight): string {
  const g = ctx.graph;
  switch (activation) {
    case 'Relu':
      return g.node('Relu', [input], {}, node.name);
    case 'Relu6':
      return g.node('Clip', [input, g.constFloat(`${node.name}/min`, new Float32Array([0]), []), g.constFloat(`${node.name}/max`, new Float32Array([6]), [])], {}, node.name);
    case 'Prelu': {
      if (!alpha) throw new Error(`node ${node.name} (${node.op}): Prelu needs its alpha`);
      const dims = layout === 'NCHW' ? [alpha.data.length, 1, 1] : [alpha.data.length];
      return g.node('PRelu', [input, g.constWeight(`${node.name}/alpha`, alpha, dims)], {}, node.name);
    }
    default:
      throw new Error(`node ${node.name} (${node.op}): activation ${activation} is not supported`);
  }
}

function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** A constant operand laid out to broadcast against a tensor of the given layout. */
function constOperand(ctx: ConvertContext, node: TfNode, w: Weight, layout: Layout, rank: number): string {
  if (w.data.length === 1) return ctx.graph.constWeight(`${node.name}/scalar`, w, []);
  if (layout === 'plain') return ctx.graph.constWeight(`${node.name}/const`, w);
  // Left-pad the TF shape to rank 4, then move its channel axis to position 1.
  const nhwc = { ...w, shape: [...Array<number>(rank - w.shape.length).fill(1), ...w.shape] };
  return ctx.graph.constWeight(`${node.name}/const`, transposeWeight(nhwc, NHWC_TO_NCHW));
}

const BINARY: Record<string, string> = { Add: 'Add', AddV2: 'Add', BiasAdd: 'Add', Sub: 'Sub', Mul: 'Mul', RealDiv: 'Div', Maximum: 'Max', Minimum: 'Min' };

/** Element-wise binary ops with TF broadcasting; constants are re-laid-out to match an NCHW operand. */
export function convertBinary(ctx: ConvertContext, node: TfNode): void {
  const names = dataInputs(node);
  const values = names.map((n) => ctx.value(node, n));
  const tensors = values.filter((v): v is TensorValue => v.kind === 'tensor');
  if (tensors.length === 0) throw new Error(`node ${node.name} (${node.op}): constant folding is not supported`);
  // Mixed layouts (an NCHW tensor with a plain one) are resolved in TF order.
  const layout: Layout = tensors.every((t) => t.layout === 'NCHW') ? 'NCHW' : 'plain';
  const rank = Math.max(...tensors.map((t) => t.shape.length));
  const operands = values.map((v) => {
    if (v.kind === 'tensor') return layout === 'NCHW' ? v.name : ctx.plain(v, node.name).name;
    return constOperand(ctx, node, v.weight, layout, rank);
  });
  const shape = values.map((v) => (v.kind === 'tensor' ? v.shape : v.weight.shape)).reduce(broadcastShape);
  const name = ctx.graph.node(BINARY[node.op] as string, operands, {}, node.name);
  ctx.set(node.name, { kind: 'tensor', name, layout: rank === 4 ? layout : 'plain', shape });
}

export const BINARY_OPS = Object.keys(BINARY);

const UNARY: Record<string, string> = { Relu: 'Relu', Sigmoid: 'Sigmoid', Abs: 'Abs', Neg: 'Neg', Sqrt: 'Sqrt', Exp: 'Exp', Tanh: 'Tanh', Reciprocal: 'Reciprocal' };

/** One-input ops that keep shape and layout, including Rsqrt (Sqrt then Reciprocal) and Square (x * x). */
export function convertUnary(ctx: ConvertContext, node: TfNode): void {
  const x = ctx.tensor(node, dataInputs(node)[0] as string);
  const g = ctx.graph;
  let name: string;
  if (node.op === 'Rsqrt') name = g.node('Reciprocal', [g.node('Sqrt', [x.name], {}, `${node.name}/sqrt`)], {}, node.name);
  else if (node.op === 'Square') name = g.node('Mul', [x.name, x.name], {}, node.name);
  else if (node.op === 'Relu6') name = applyActivation(ctx, node, 'Relu6', x.name, x.layout);
  else name = g.node(UNARY[node.op] as string, [x.name], {}, node.name);
  ctx.set(node.name, { ...x, name });
}

export const UNARY_OPS = [...Object.keys(UNARY), 'Rsqrt', 'Square', 'Relu6'];

/** Prelu as an op of its own (x, alpha). */
export function convertPrelu(ctx: ConvertContext, node: TfNode): void {
  const [xName, alphaName] = dataInputs(node);
  const x = ctx.tensor(node, xName as string);
  const name = applyActivation(ctx, node, 'Prelu', x.name, x.layout, ctx.constant(node, alphaName as string));
  ctx.set(node.name, { ...x, name });
}
