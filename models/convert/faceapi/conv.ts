import { windowPads, type Padding } from '../layers.js';
import type { OnnxGraph } from '../onnx-graph.js';
import type { Weight } from '../tfjs-weights.js';

/** A face-api net's weights by name. */
export type Weights = ReadonlyMap<string, Weight>;

/** A feature map in the graph: tensor name, square spatial side and channel count. */
export interface Feature {
  name: string;
  size: number;
  channels: number;
}

/** face-api's per-channel `scale` layer, y * weights + biases, applied after conv + bias. */
export interface ScaleLayer {
  weights: Float32Array;
  biases: Float32Array;
}

export interface ConvSpec {
  stride: number;
  padding: Padding;
  /** ONNX Conv weight, OIHW (see hwioToOihw / depthwiseToOihw). */
  weight: Weight;
  bias?: Weight;
  group?: number;
  /** Folded into the conv: conv_{W·s}(x) + (b·s + t). */
  scale?: ScaleLayer;
}

/** Side of a square window op's output ('SAME' or 'VALID', TF semantics). */
export function outputSize(inSize: number, kernel: number, stride: number, padding: Padding): number {
  return windowPads(padding, inSize, inSize, [kernel, kernel], [stride, stride]).outH;
}

/**
 * The conv weight with a scale layer's per-channel factor folded in. A float32 weight is
 * multiplied here; a quantised one keeps its compact initializer and gets a constant Mul by
 * s[O,1,1,1] (folded by onnxruntime at load), since W·s is no longer uint8-representable.
 * Both round one float32 product per element, so the two forms give the same weights.
 */
function scaledWeight(g: OnnxGraph, w: Weight, s: Float32Array, name: string): string {
  const [o] = w.shape as [number];
  if (s.length !== o) throw new Error(`${name}: ${o} filters, ${s.length} scale factors`);
  if (w.quantized) {
    const factors = g.constFloat(`${name}.scale`, s, [o, 1, 1, 1]);
    return g.node('Mul', [g.constWeight(`${name}.weight_q`, w), factors], {}, `${name}.weight`);
  }
  const per = w.data.length / o;
  return g.constFloat(`${name}.weight`, w.data.map((v, i) => v * (s[Math.floor(i / per)] as number)), w.shape);
}

/** Emits an ONNX Conv for a square TFJS-style conv on a square input; returns the output feature. */
export function emitConv(g: OnnxGraph, x: Feature, spec: ConvSpec, name: string): Feature {
  const [o, i, kh, kw] = spec.weight.shape as [number, number, number, number];
  const group = spec.group ?? 1;
  if (i * group !== x.channels) throw new Error(`${name}: expects ${i * group} channels, got ${x.channels}`);
  const { pads, outH } = windowPads(spec.padding, x.size, x.size, [kh, kw], [spec.stride, spec.stride]);
  const inputs = [x.name];
  if (spec.scale) {
    const { weights: s, biases: t } = spec.scale;
    const b = spec.bias?.data ?? new Float32Array(o);
    if (b.length !== o || t.length !== o) throw new Error(`${name}: ${o} filters, ${b.length} biases, ${t.length} scale biases`);
    inputs.push(scaledWeight(g, spec.weight, s, name), g.constFloat(`${name}.bias`, b.map((v, f) => v * (s[f] as number) + (t[f] as number)), [o]));
  } else {
    inputs.push(g.constWeight(`${name}.weight`, spec.weight));
    if (spec.bias) inputs.push(g.constWeight(`${name}.bias`, spec.bias, [o]));
  }
  const y = g.node('Conv', inputs, { group, kernel_shape: [kh, kw], pads, strides: [spec.stride, spec.stride] }, name);
  return { name: y, size: outH, channels: o };
}
