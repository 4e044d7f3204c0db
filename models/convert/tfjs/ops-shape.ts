import { nchwAxis, type ConvertContext, type TensorValue } from './context.js';
import { attrBool, attrInts, attrStrings, dataInputs, type TfNode } from './graph-model.js';
import { applyActivation } from './ops-elementwise.js';

function intsOf(ctx: ConvertContext, node: TfNode, input: string): number[] {
  return Array.from(ctx.constant(node, input).data, Math.round);
}

/**
 * Reshape in TF's element order: an NCHW input is transposed back first.
 * A leading 1 or -1 is written as 0 ("copy the input's batch") so batches run through.
 */
export function convertReshape(ctx: ConvertContext, node: TfNode): void {
  const [xName, shapeName] = dataInputs(node);
  const x = ctx.plain(ctx.tensor(node, xName as string), node.name);
  const target = intsOf(ctx, node, shapeName as string);
  const onnxShape = target.map((d, i) => (i === 0 && (d === 1 || d === -1) && x.shape[0] === -1 ? 0 : d));
  const name = ctx.graph.node('Reshape', [x.name, ctx.graph.constInt64(`${node.name}/shape`, onnxShape)], {}, node.name);
  const known = x.shape.reduce((a, d) => a * Math.abs(d), 1);
  const shape = target.map((d, i) => (i === 0 && x.shape[0] === -1 ? -1 : d === -1 ? known / target.reduce((a, v) => a * Math.abs(v), 1) : d));
  const out: TensorValue = { kind: 'tensor', name, layout: 'plain', shape };
  ctx.set(node.name, shape.length === 4 ? ctx.nchw(out, node.name) : out);
}

/** Squeeze; squeezing H and W of an NCHW tensor leaves [N, C] in TF order already. */
export function convertSqueeze(ctx: ConvertContext, node: TfNode): void {
  let x = ctx.tensor(node, dataInputs(node)[0] as string);
  const rank = x.shape.length;
  const dims = attrInts(node, 'squeeze_dims');
  const axes = dims.length ? dims.map((d) => (d < 0 ? d + rank : d)) : x.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  const spatialOnly = x.layout === 'NCHW' && [...axes].sort().join() === '1,2';
  if (!spatialOnly) x = ctx.plain(x, node.name);
  const onnxAxes = spatialOnly ? [2, 3] : axes;
  const name = ctx.graph.node('Squeeze', [x.name, ctx.graph.constInt64(`${node.name}/axes`, onnxAxes)], {}, node.name);
  ctx.set(node.name, { kind: 'tensor', name, layout: 'plain', shape: x.shape.filter((_, i) => !axes.includes(i)) });
}

/** ConcatV2: the last input is the axis. */
export function convertConcat(ctx: ConvertContext, node: TfNode): void {
  const inputs = dataInputs(node);
  const axis = intsOf(ctx, node, inputs[inputs.length - 1] as string)[0] as number;
  let parts = inputs.slice(0, -1).map((n) => ctx.tensor(node, n));
  const nchw = parts.every((p) => p.layout === 'NCHW');
  if (!nchw) parts = parts.map((p) => ctx.plain(p, `${node.name}/${p.name}`));
  const first = parts[0] as TensorValue;
  const rank = first.shape.length;
  const a = axis < 0 ? axis + rank : axis;
  const name = ctx.graph.node('Concat', parts.map((p) => p.name), { axis: nchw ? nchwAxis(a, rank) : a }, node.name);
  const shape = first.shape.map((d, i) => (i === a ? parts.reduce((s, p) => s + (p.shape[i] as number), 0) : d));
  ctx.set(node.name, { kind: 'tensor', name, layout: nchw ? 'NCHW' : 'plain', shape });
}

/** Sum and Mean. Without keep_dims the result is computed in TF order so the remaining axes stay in place. */
export function convertReduce(ctx: ConvertContext, node: TfNode): void {
  const [xName, axesName] = dataInputs(node);
  const keep = attrBool(node, 'keep_dims');
  let x = ctx.tensor(node, xName as string);
  if (!keep) x = ctx.plain(x, node.name);
  const rank = x.shape.length;
  const axes = intsOf(ctx, node, axesName as string).map((a) => (a < 0 ? a + rank : a));
  const onnxAxes = x.layout === 'NCHW' ? axes.map((a) => nchwAxis(a, rank)) : axes;
  const keepdims = keep ? 1 : 0;
  const name =
    node.op === 'Sum'
      ? ctx.graph.node('ReduceSum', [x.name, ctx.graph.constInt64(`${node.name}/axes`, onnxAxes)], { keepdims }, node.name)
      : ctx.graph.node('ReduceMean', [x.name], { axes: onnxAxes, keepdims }, node.name);
  const shape = keep ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !axes.includes(i));
  ctx.set(node.name, { kind: 'tensor', name, layout: keep ? x.layout : 'plain', shape });
}

/** MatMul and _FusedMatMul (BiasAdd, then an optional activation) as Gemm over a constant weight. */
export function convertMatMul(ctx: ConvertContext, node: TfNode): void {
  const [aName, bName, ...extra] = dataInputs(node);
  const a = ctx.plain(ctx.tensor(node, aName as string), node.name);
  const b = ctx.constant(node, bName as string);
  const transB = attrBool(node, 'transpose_b') ? 1 : 0;
  const inputs = [a.name, ctx.graph.constWeight(`${node.name}/weight`, b)];
  const fused = attrStrings(node, 'fused_ops');
  if (fused[0] === 'BiasAdd') {
    const bias = ctx.constant(node, extra[0] as string);
    inputs.push(ctx.graph.constWeight(`${node.name}/bias`, bias, [bias.data.length]));
  }
  const activation = fused.slice(fused[0] === 'BiasAdd' ? 1 : 0);
  const attrs = { transA: attrBool(node, 'transpose_a') ? 1 : 0, transB };
  let name = ctx.graph.node('Gemm', inputs, attrs, activation.length ? `${node.name}/gemm` : node.name);
  if (activation.length === 1) name = applyActivation(ctx, node, activation[0] as string, name, 'plain', extra[1] ? ctx.constant(node, extra[1]) : undefined);
  else if (activation.length > 1) throw new Error(`node ${node.name} (${node.op}): fused_ops ${fused.join('+')} are not supported`);
  const outDim = (transB ? b.shape[0] : b.shape[1]) as number;
  ctx.set(node.name, { kind: 'tensor', name, layout: 'plain', shape: [a.shape[0] as number, outDim] });
}

/** Softmax over TF's last axis. */
export function convertSoftmax(ctx: ConvertContext, node: TfNode): void {
  const x = ctx.tensor(node, dataInputs(node)[0] as string);
  const axis = x.layout === 'NCHW' ? 1 : -1;
  const name = ctx.graph.node('Softmax', [x.name], { axis }, node.name);
  ctx.set(node.name, { ...x, name });
}
