import type { OnnxGraph } from '../onnx-graph.js';
import type { Weight } from '../tfjs-weights.js';

/** ONNX Conv weights in OIHW order with their dims. */
export interface OihwKernel {
  data: Float32Array;
  dims: [number, number, number, number];
}

/** How a TFJS conv pads: 'same' depends on the input size, so callers pass it in. */
export type TfPadding = 'same' | 'valid';

/** Spatial geometry of one conv/pool window along both axes (square kernels and strides only). */
export interface Window {
  kernel: number;
  stride: number;
  padding: TfPadding;
}

function dims4(w: Weight): [number, number, number, number] {
  const [a, b, c, d] = w.shape;
  if (w.shape.length !== 4 || a === undefined || b === undefined || c === undefined || d === undefined) {
    throw new Error(`weight ${w.name}: expected rank 4, got [${w.shape.join(',')}]`);
  }
  return [a, b, c, d];
}

/** TFJS conv filters are HWIO; ONNX Conv wants OIHW. */
export function hwioToOihw(w: Weight): OihwKernel {
  const [h, wd, i, o] = dims4(w);
  const out = new Float32Array(w.data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < wd; x++)
      for (let ci = 0; ci < i; ci++)
        for (let co = 0; co < o; co++) {
          out[((co * i + ci) * h + y) * wd + x] = w.data[((y * wd + x) * i + ci) * o + co] as number;
        }
  return { data: out, dims: [o, i, h, wd] };
}

/**
 * TFJS depthwise filters are [H, W, C, multiplier]; with multiplier 1 the ONNX grouped-conv
 * weight (group = C) is [C, 1, H, W].
 */
export function depthwiseToOihw(w: Weight): OihwKernel {
  const [h, wd, c, m] = dims4(w);
  if (m !== 1) throw new Error(`weight ${w.name}: channel multiplier ${m} is not supported`);
  const out = new Float32Array(w.data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < wd; x++)
      for (let ch = 0; ch < c; ch++) out[(ch * h + y) * wd + x] = w.data[(y * wd + x) * c + ch] as number;
  return { data: out, dims: [c, 1, h, wd] };
}

/**
 * Folds face-api's per-channel `scale` layer (y * s + t, applied after conv + bias) into the
 * conv itself: conv_{W·s}(x) + (b·s + t). Returns new arrays; the inputs are left untouched.
 */
export function foldScale(kernel: OihwKernel, bias: Float32Array, s: Float32Array, t: Float32Array): { kernel: OihwKernel; bias: Float32Array } {
  const [o] = kernel.dims;
  if (bias.length !== o || s.length !== o || t.length !== o) throw new Error(`scale fold: ${o} filters, ${bias.length}/${s.length}/${t.length} params`);
  const perFilter = kernel.data.length / o;
  const data = new Float32Array(kernel.data.length);
  const folded = new Float32Array(o);
  for (let f = 0; f < o; f++) {
    const sf = s[f] as number;
    for (let k = 0; k < perFilter; k++) data[f * perFilter + k] = (kernel.data[f * perFilter + k] as number) * sf;
    folded[f] = (bias[f] as number) * sf + (t[f] as number);
  }
  return { kernel: { data, dims: kernel.dims }, bias: folded };
}

/** Output size of a TFJS window op (tfjs-core conv_util.computeConv2DInfo, no dilation). */
export function outputSize(inSize: number, win: Window): number {
  return win.padding === 'same' ? Math.ceil(inSize / win.stride) : Math.ceil((inSize - win.kernel + 1) / win.stride);
}

/**
 * TF 'same' pads (k-1)-ish in total and puts the odd pixel at the end (bottom/right), which
 * ONNX's symmetric `pads` cannot express implicitly; return explicit [begin, end].
 */
export function tfPads(inSize: number, win: Window): [number, number] {
  if (win.padding === 'valid') return [0, 0];
  const total = Math.max(0, (outputSize(inSize, win) - 1) * win.stride + win.kernel - inSize);
  const begin = Math.floor(total / 2);
  return [begin, total - begin];
}

export interface ConvSpec extends Window {
  weight: OihwKernel;
  bias?: Float32Array;
  group?: number;
}

/** Emits an ONNX Conv for a square TFJS-style conv on a square input of side `inSize`; returns [tensor, outSize]. */
export function emitConv(g: OnnxGraph, x: string, inSize: number, spec: ConvSpec, name: string): [string, number] {
  const [o, , kh, kw] = spec.weight.dims;
  if (kh !== spec.kernel || kw !== spec.kernel) throw new Error(`${name}: kernel ${kh}x${kw}, expected ${spec.kernel}`);
  const [begin, end] = tfPads(inSize, spec);
  const inputs = [x, g.constFloat(`${name}.weight`, spec.weight.data, spec.weight.dims)];
  if (spec.bias) inputs.push(g.constFloat(`${name}.bias`, spec.bias, [o]));
  const y = g.node('Conv', inputs, {
    group: spec.group ?? 1,
    kernel_shape: [kh, kw],
    pads: [begin, begin, end, end],
    strides: [spec.stride, spec.stride],
  }, name);
  return [y, outputSize(inSize, spec)];
}
