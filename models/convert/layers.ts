import type { Quantized, Weight } from './tfjs-weights.js';

/** Kernel, layout and padding helpers shared by every graph we write. */

type Elements = Float32Array | Uint16Array | Uint8Array;

/** Row-major `data` of `shape` with its axes reordered: output axis k is input axis perm[k]. */
export function transpose<T extends Elements>(data: T, shape: readonly number[], perm: readonly number[]): T {
  if (perm.length !== shape.length || [...perm].sort().some((p, i) => p !== i)) throw new Error(`transpose: perm [${perm.join(',')}] for rank ${shape.length}`);
  const rank = shape.length;
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const outShape = perm.map((p) => shape[p] as number);
  const step = perm.map((p) => strides[p] as number);
  const out = new (data.constructor as new (length: number) => T)(data.length);
  const index = new Array<number>(rank).fill(0);
  let from = 0;
  for (let to = 0; to < out.length; to++) {
    out[to] = data[from] as number;
    // Odometer over the output index; `from` follows it through the input's strides.
    for (let k = rank - 1; k >= 0; k--) {
      from += step[k] as number;
      if (++(index[k] as number) < (outShape[k] as number)) break;
      from -= (step[k] as number) * (outShape[k] as number);
      index[k] = 0;
    }
  }
  return out;
}

/**
 * A weight with its axes reordered, then optionally reshaped to `dims`. Raw quantised values
 * are permuted alongside the floats and keep their scale/min, so they stay exact.
 */
export function transposeWeight(w: Weight, perm: readonly number[], dims?: readonly number[]): Weight {
  const permute = <T extends Elements>(data: T): T => transpose(data, w.shape, perm);
  const q = w.quantized;
  let quantized: Quantized | undefined;
  if (q?.dtype === 'uint8') quantized = { ...q, data: permute(q.data) };
  else if (q) quantized = { ...q, data: permute(q.data) };
  const shape = dims ? [...dims] : perm.map((p) => w.shape[p] as number);
  return { ...w, shape, data: permute(w.data), ...(quantized ? { quantized } : {}) };
}

function rank4(w: Weight): [number, number, number, number] {
  if (w.shape.length !== 4) throw new Error(`weight ${w.name}: expected rank 4, got [${w.shape.join(',')}]`);
  return w.shape as [number, number, number, number];
}

/** TF conv filter [H, W, in, out] → ONNX Conv weight [out, in, H, W]. */
export function hwioToOihw(w: Weight): Weight {
  rank4(w);
  return transposeWeight(w, [3, 2, 0, 1]);
}

/** TF depthwise filter [H, W, C, M] → ONNX grouped-conv weight [C*M, 1, H, W] (group = C). */
export function depthwiseToOihw(w: Weight): Weight {
  const [h, wd, c, m] = rank4(w);
  return transposeWeight(w, [2, 3, 0, 1], [c * m, 1, h, wd]);
}

export type Padding = 'SAME' | 'VALID';

/**
 * TF 'SAME' padding for one spatial axis. TF puts the odd pixel at the end,
 * so stride 2 on an even input pads [0, 1], which ONNX needs spelled out.
 */
export function samePad(input: number, kernel: number, stride: number, dilation = 1): [number, number] {
  const effective = (kernel - 1) * dilation + 1;
  const output = Math.ceil(input / stride);
  const total = Math.max((output - 1) * stride + effective - input, 0);
  const begin = Math.floor(total / 2);
  return [begin, total - begin];
}

/** ONNX pads [top, left, bottom, right] and output size for a 2-D window op (conv or pool). */
export function windowPads(
  padding: Padding,
  inH: number,
  inW: number,
  kernel: readonly [number, number],
  strides: readonly [number, number],
  dilations: readonly [number, number] = [1, 1],
): { pads: number[]; outH: number; outW: number } {
  if (padding === 'VALID') {
    const outH = Math.floor((inH - ((kernel[0] - 1) * dilations[0] + 1)) / strides[0]) + 1;
    const outW = Math.floor((inW - ((kernel[1] - 1) * dilations[1] + 1)) / strides[1]) + 1;
    return { pads: [0, 0, 0, 0], outH, outW };
  }
  const [t, b] = samePad(inH, kernel[0], strides[0], dilations[0]);
  const [l, r] = samePad(inW, kernel[1], strides[1], dilations[1]);
  return { pads: [t, l, b, r], outH: Math.ceil(inH / strides[0]), outW: Math.ceil(inW / strides[1]) };
}
