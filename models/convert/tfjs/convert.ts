import { loadWeights, type Weight } from '../tfjs-weights.js';
import { ConvertContext } from './context.js';
import { attrShape, dataInputs, readGraphModel, type TfNode } from './graph-model.js';
import { convertConv, convertPad, convertPool } from './ops-conv.js';
import { BINARY_OPS, UNARY_OPS, convertBinary, convertPrelu, convertUnary } from './ops-elementwise.js';
import { convertConcat, convertMatMul, convertReduce, convertReshape, convertSoftmax, convertSqueeze } from './ops-shape.js';

type OpConverter = (ctx: ConvertContext, node: TfNode) => void;

const CONVERTERS: Record<string, OpConverter> = {
  Conv2D: convertConv,
  _FusedConv2D: convertConv,
  DepthwiseConv2dNative: convertConv,
  FusedDepthwiseConv2dNative: convertConv,
  MaxPool: convertPool,
  AvgPool: convertPool,
  Pad: convertPad,
  PadV2: convertPad,
  Prelu: convertPrelu,
  Reshape: convertReshape,
  Squeeze: convertSqueeze,
  ConcatV2: convertConcat,
  Sum: convertReduce,
  Mean: convertReduce,
  MatMul: convertMatMul,
  _FusedMatMul: convertMatMul,
  Softmax: convertSoftmax,
  ...Object.fromEntries(BINARY_OPS.map((op) => [op, convertBinary])),
  ...Object.fromEntries(UNARY_OPS.map((op) => [op, convertUnary])),
};

export const SUPPORTED_OPS = ['Placeholder', 'Const', 'Identity', ...Object.keys(CONVERTERS)].sort();

export interface ConvertOptions {
  /** ONNX graph name. */
  name: string;
  docString: string;
  metadata: Record<string, string>;
  /** ONNX names for the TF output nodes; unnamed outputs keep a sanitised TF name. */
  outputNames?: Record<string, string>;
}

export interface ConvertedModel {
  bytes: Uint8Array;
  inputs: { name: string; shape: (number | string)[] }[];
  outputs: { name: string; shape: (number | string)[]; source: string }[];
}

/** Nodes in dependency order, so an input is always converted before its consumers. */
function topologicalOrder(nodes: readonly TfNode[]): TfNode[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: TfNode[] = [];
  const visit = (node: TfNode): void => {
    if (state.get(node.name) === 'done') return;
    if (state.get(node.name) === 'visiting') throw new Error(`graph has a cycle through ${node.name}`);
    state.set(node.name, 'visiting');
    for (const input of dataInputs(node)) {
      const dep = byName.get(input.replace(/:\d+$/, ''));
      if (!dep) throw new Error(`node ${node.name} (${node.op}): input ${input} does not exist`);
      visit(dep);
    }
    state.set(node.name, 'done');
    order.push(node);
  };
  nodes.forEach(visit);
  return order;
}

/** Graph outputs: computed nodes that nothing consumes, in name order. */
function sinks(nodes: readonly TfNode[]): TfNode[] {
  const consumed = new Set(nodes.flatMap((n) => dataInputs(n)));
  return nodes.filter((n) => n.op !== 'Const' && !consumed.has(n.name)).sort((a, b) => a.name.localeCompare(b.name));
}

function convertNode(ctx: ConvertContext, node: TfNode, weights: ReadonlyMap<string, Weight>, inputs: ConvertedModel['inputs']): void {
  if (node.op === 'Const') {
    const weight = weights.get(node.name);
    if (!weight) throw new Error(`node ${node.name} (Const): no weight of that name in the manifest`);
    ctx.set(node.name, { kind: 'const', weight });
  } else if (node.op === 'Placeholder') {
    const [, h, w, c] = attrShape(node, 'shape');
    const shape: (number | string)[] = ['N', c as number, h as number, w as number];
    const name = ctx.graph.input('input', shape);
    inputs.push({ name, shape });
    ctx.set(node.name, { kind: 'tensor', name, layout: 'NCHW', shape: [-1, h as number, w as number, c as number] });
  } else if (node.op === 'Identity') {
    ctx.set(node.name, ctx.value(node, dataInputs(node)[0] as string));
  } else {
    const converter = CONVERTERS[node.op];
    if (!converter) throw new Error(`unsupported TF op ${node.op} at node ${node.name}`);
    converter(ctx, node);
  }
}

/**
 * Converts a TFJS graph model (model.json + shards) into ONNX: NCHW float32 input
 * named `input`, outputs in TF's own layout named after the TF output nodes.
 */
export async function convertTfjsGraphModel(modelJsonPath: string, options: ConvertOptions): Promise<ConvertedModel> {
  const model = await readGraphModel(modelJsonPath);
  const weights = await loadWeights(modelJsonPath, model.weightsManifest);
  const ctx = new ConvertContext(options.name);
  const nodes = model.modelTopology.node;
  const inputs: ConvertedModel['inputs'] = [];
  const outputNodes = sinks(nodes);
  const outputName = (node: TfNode): string => options.outputNames?.[node.name] ?? `output_${node.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  outputNodes.forEach((node) => ctx.graph.reserve(outputName(node)));
  for (const node of topologicalOrder(nodes)) convertNode(ctx, node, weights, inputs);
  const outputs = outputNodes.map((node) => {
    const plain = ctx.plain(ctx.tensor(node, node.name), node.name);
    const name = ctx.graph.claim(outputName(node), plain.name);
    const shape = plain.shape.map((d) => (d < 0 ? 'N' : d));
    ctx.graph.output(name, shape);
    return { name, shape, source: node.name };
  });
  const bytes = ctx.graph.toBytes({ docString: options.docString, metadata: options.metadata });
  return { bytes, inputs, outputs };
}
