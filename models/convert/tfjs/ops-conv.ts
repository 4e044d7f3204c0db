import { depthwiseToOihw, hwioToOihw, windowPads } from '../layers.js';
import type { ConvertContext, TensorValue } from './context.js';
import { attrInts, attrString, attrStrings, dataInputs, type TfNode } from './graph-model.js';
import { applyActivation } from './ops-elementwise.js';

function paddingOf(node: TfNode): 'SAME' | 'VALID' {
  const p = attrString(node, 'padding');
  if (p === 'SAME' || p === 'VALID') return p;
  throw new Error(`node ${node.name} (${node.op}): padding ${String(p)} is not supported`);
}

function checkNhwc(node: TfNode): void {
  const format = attrString(node, 'data_format') ?? 'NHWC';
  if (format !== 'NHWC') throw new Error(`node ${node.name} (${node.op}): data_format ${format} is not supported`);
}

/** [h, w] from a TF 4-vector attribute in NHWC order (strides, ksize, dilations). */
function spatial(node: TfNode, key: string): [number, number] {
  const v = attrInts(node, key);
  return v.length === 4 ? [v[1] as number, v[2] as number] : [1, 1];
}

/** Conv2D, _FusedConv2D, DepthwiseConv2dNative and FusedDepthwiseConv2dNative, with BiasAdd and activations folded in. */
export function convertConv(ctx: ConvertContext, node: TfNode): void {
  checkNhwc(node);
  const [xName, filterName, ...extra] = dataInputs(node);
  const x = ctx.nchw(ctx.tensor(node, xName as string), node.name);
  const filter = ctx.constant(node, filterName as string);
  const depthwise = node.op.includes('Depthwise');
  const kernel = depthwise ? depthwiseToOihw(filter) : hwioToOihw(filter);
  const strides = spatial(node, 'strides');
  const dilations = spatial(node, 'dilations');
  const [, inH, inW] = x.shape as [number, number, number, number];
  const { pads, outH, outW } = windowPads(paddingOf(node), inH, inW, [filter.shape[0] as number, filter.shape[1] as number], strides, dilations);
  const fused = attrStrings(node, 'fused_ops');
  const inputs = [x.name, ctx.graph.constWeight(`${node.name}/weight`, kernel)];
  let rest = fused;
  if (fused[0] === 'BiasAdd') {
    const bias = ctx.constant(node, extra[0] as string);
    inputs.push(ctx.graph.constWeight(`${node.name}/bias`, bias, [bias.data.length]));
    rest = fused.slice(1);
  } else if (fused.length > 0) {
    throw new Error(`node ${node.name} (${node.op}): fused_ops ${fused.join('+')} are not supported`);
  }
  const group = depthwise ? (filter.shape[2] as number) : 1;
  let name = ctx.graph.node('Conv', inputs, { group, pads, strides, dilations, kernel_shape: [filter.shape[0] as number, filter.shape[1] as number] }, rest.length ? `${node.name}/conv` : node.name);
  const channels = kernel.shape[0] as number;
  if (rest.length > 1) throw new Error(`node ${node.name} (${node.op}): fused_ops ${fused.join('+')} are not supported`);
  if (rest.length === 1) {
    const alpha = rest[0] === 'Prelu' ? ctx.constant(node, extra[1] as string) : undefined;
    name = applyActivation(ctx, node, rest[0] as string, name, 'NCHW', alpha);
  }
  const out: TensorValue = { kind: 'tensor', name, layout: 'NCHW', shape: [x.shape[0] as number, outH, outW, channels] };
  ctx.set(node.name, out);
}

/** MaxPool and AvgPool. TF's SAME average excludes the padding, as count_include_pad=0 does. */
export function convertPool(ctx: ConvertContext, node: TfNode): void {
  checkNhwc(node);
  const x = ctx.nchw(ctx.tensor(node, dataInputs(node)[0] as string), node.name);
  const kernel = spatial(node, 'ksize');
  const strides = spatial(node, 'strides');
  const [, inH, inW, c] = x.shape as [number, number, number, number];
  const { pads, outH, outW } = windowPads(paddingOf(node), inH, inW, kernel, strides);
  const attrs = { kernel_shape: kernel, strides, pads, ...(node.op === 'AvgPool' ? { count_include_pad: 0 } : {}) };
  const name = ctx.graph.node(node.op === 'MaxPool' ? 'MaxPool' : 'AveragePool', [x.name], attrs, node.name);
  ctx.set(node.name, { kind: 'tensor', name, layout: 'NCHW', shape: [x.shape[0] as number, outH, outW, c] });
}

/** Pad (and PadV2 with a constant value); paddings are [rank, 2] in TF order. */
export function convertPad(ctx: ConvertContext, node: TfNode): void {
  const [xName, padsName, valueName] = dataInputs(node);
  const x = ctx.tensor(node, xName as string);
  const paddings = ctx.constant(node, padsName as string).data;
  const rank = x.shape.length;
  const order = x.layout === 'NCHW' ? [0, 3, 1, 2] : [...Array(rank).keys()];
  const begins = order.map((axis) => paddings[axis * 2] as number);
  const ends = order.map((axis) => paddings[axis * 2 + 1] as number);
  const inputs = [x.name, ctx.graph.constInt64(`${node.name}/pads`, [...begins, ...ends])];
  if (valueName) {
    const value = ctx.constant(node, valueName).data[0] as number;
    inputs.push(ctx.graph.constFloat(`${node.name}/value`, new Float32Array([value]), []));
  }
  const name = ctx.graph.node('Pad', inputs, { mode: 'constant' }, node.name);
  const shape = x.shape.map((d, axis) => (d < 0 ? d : d + (paddings[axis * 2] as number) + (paddings[axis * 2 + 1] as number)));
  ctx.set(node.name, { kind: 'tensor', name, layout: x.layout, shape });
}
