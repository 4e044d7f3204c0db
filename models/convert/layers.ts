/** Kernel and padding helpers shared by every graph we write. */

/** TF conv filter [H, W, in, out] → ONNX [out, in, H, W]. */
export function hwioToOihw(data: Float32Array, shape: readonly number[]): { data: Float32Array; dims: number[] } {
  const [h, w, cin, cout] = shape as [number, number, number, number];
  const out = new Float32Array(data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++) out[((o * cin + i) * h + y) * w + x] = data[((y * w + x) * cin + i) * cout + o] as number;
  return { data: out, dims: [cout, cin, h, w] };
}

/** TF depthwise filter [H, W, C, M] → ONNX grouped-conv weight [C*M, 1, H, W] (group = C). */
export function depthwiseToOihw(data: Float32Array, shape: readonly number[]): { data: Float32Array; dims: number[] } {
  const [h, w, c, m] = shape as [number, number, number, number];
  const out = new Float32Array(data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++)
        for (let k = 0; k < m; k++) out[((ch * m + k) * h + y) * w + x] = data[((y * w + x) * c + ch) * m + k] as number;
  return { data: out, dims: [c * m, 1, h, w] };
}

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

/** ONNX pads [top, left, bottom, right] and output size for a 2-D window op. */
export function windowPads(
  padding: 'SAME' | 'VALID',
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
