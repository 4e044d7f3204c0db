import { join } from 'node:path';
import { OnnxGraph } from '../onnx-graph.js';
import { hwioToOihw, type Padding } from '../layers.js';
import { loadWeightsManifest, requireWeight } from '../tfjs-weights.js';
import { emitConv, outputSize, type Feature, type Weights } from './conv.js';
import { DLIB_RESNET_INPUT, inputMetadata } from './input-spec.js';

/**
 * face-api's FaceRecognitionNet (a port of dlib's ResNet-29 face descriptor) as ONNX.
 * Mirrors node_modules/@vladmandic/face-api/src/faceRecognitionNet/*.ts layer by layer; the
 * input is already normalised (see input-spec.ts) and NCHW.
 */

/**
 * face-api convLayer: conv2d + bias, then `scale` (x * weights + biases), then optional relu.
 * The scale is folded into the conv, so one ONNX Conv (plus Relu) remains.
 */
function convLayer(g: OnnxGraph, w: Weights, x: Feature, prefix: string, stride: number, padding: Padding, relu: boolean): Feature {
  const y = emitConv(g, x, {
    stride,
    padding,
    weight: hwioToOihw(requireWeight(w, `${prefix}/conv/filters`)),
    bias: requireWeight(w, `${prefix}/conv/bias`),
    scale: { weights: requireWeight(w, `${prefix}/scale/weights`).data, biases: requireWeight(w, `${prefix}/scale/biases`).data },
  }, `${prefix}/conv`);
  return relu ? { ...y, name: g.node('Relu', [y.name], {}, `${prefix}/relu`) } : y;
}

/** face-api residual: relu(convNoRelu(conv(x)) + x), both convs 3x3 'same' stride 1. */
function residual(g: OnnxGraph, w: Weights, x: Feature, prefix: string): Feature {
  const a = convLayer(g, w, x, `${prefix}/conv1`, 1, 'SAME', true);
  const b = convLayer(g, w, a, `${prefix}/conv2`, 1, 'SAME', false);
  const sum = g.node('Add', [b.name, x.name], {}, `${prefix}/add`);
  return { ...b, name: g.node('Relu', [sum], {}, `${prefix}/out`) };
}

/** Zero-pads the end of each NCHW axis by the given amounts (ONNX Pad, constant 0). */
function padEnd(g: OnnxGraph, x: string, ends: [number, number, number, number], name: string): string {
  const pads = g.constInt64(`${name}.pads`, [0, 0, 0, 0, ...ends]);
  return g.node('Pad', [x, pads], { mode: 'constant' }, name);
}

/**
 * face-api residualDown: the conv path downsamples with a 3x3 'valid' stride-2 conv, the
 * shortcut with a 2x2 'valid' average pool. When their sizes differ (8 -> 3 vs 4; 4 -> 1 vs 2)
 * face-api appends one zero row and column to the conv path, and when channels double it
 * appends zero channels to the shortcut. Zeros are added after the conv's bias/scale, so they
 * stay exactly zero: a Pad on each path reproduces that.
 */
function residualDown(g: OnnxGraph, w: Weights, x: Feature, prefix: string): Feature {
  const a = convLayer(g, w, x, `${prefix}/conv1`, 2, 'VALID', true);
  let b = convLayer(g, w, a, `${prefix}/conv2`, 1, 'SAME', false);
  const poolSize = outputSize(x.size, 2, 2, 'VALID');
  let pooled = g.node('AveragePool', [x.name], { kernel_shape: [2, 2], strides: [2, 2] }, `${prefix}/pool`);
  if (poolSize !== b.size) {
    if (poolSize !== b.size + 1) throw new Error(`${prefix}: pooled ${poolSize} vs conv ${b.size}; face-api pads by one only`);
    b = { ...b, name: padEnd(g, b.name, [0, 0, 1, 1], `${prefix}/pad_hw`), size: poolSize };
  }
  if (x.channels !== b.channels) pooled = padEnd(g, pooled, [0, b.channels - x.channels, 0, 0], `${prefix}/pad_c`);
  const sum = g.node('Add', [pooled, b.name], {}, `${prefix}/add`);
  return { ...b, name: g.node('Relu', [sum], {}, `${prefix}/out`) };
}

const RESIDUAL_STAGES: readonly (readonly [string, boolean])[] = [
  ['conv32_1', false], ['conv32_2', false], ['conv32_3', false],
  ['conv64_down', true], ['conv64_1', false], ['conv64_2', false], ['conv64_3', false],
  ['conv128_down', true], ['conv128_1', false], ['conv128_2', false],
  ['conv256_down', true], ['conv256_1', false], ['conv256_2', false], ['conv256_down_out', true],
];

/** Builds face-api's face recognition net: `input` [N,3,150,150] -> `embedding` [N,128] (not L2-normalised, as face-api). */
export async function buildDlibResnet(modelDir: string): Promise<Uint8Array> {
  const w = await loadWeightsManifest(join(modelDir, 'face_recognition_model-weights_manifest.json'));
  const g = new OnnxGraph('faceapi_dlib_resnet');
  const size = DLIB_RESNET_INPUT.size;
  let x: Feature = { name: g.input('input', ['N', 3, size, size]), size, channels: 3 };

  // convDown: 7x7 stride 2 'valid' (150 -> 72), then maxPool 3x3 stride 2 'valid' (72 -> 35).
  x = convLayer(g, w, x, 'conv32_down', 2, 'VALID', true);
  x = {
    ...x,
    name: g.node('MaxPool', [x.name], { kernel_shape: [3, 3], strides: [2, 2] }, 'maxpool'),
    size: outputSize(x.size, 3, 2, 'VALID'),
  };
  for (const [prefix, down] of RESIDUAL_STAGES) x = down ? residualDown(g, w, x, prefix) : residual(g, w, x, prefix);

  // out.mean([1, 2]) then matMul(fc): fc is stored [256, 128] (in, out).
  const fc = requireWeight(w, 'fc');
  const pooled = g.node('GlobalAveragePool', [x.name], {}, 'global_avg');
  const flat = g.node('Flatten', [pooled], { axis: 1 }, 'flatten');
  const outDim = fc.shape[1] ?? 0;
  g.node('MatMul', [flat, g.constWeight('fc.weight', fc)], {}, 'embedding');
  g.output('embedding', ['N', outDim]);

  return g.toBytes({
    docString: 'face-api FaceRecognitionNet (dlib ResNet-29 face descriptor); input is (RGB - mean) / 255 in NCHW; output is the raw 128-d descriptor',
    metadata: { source: '@vladmandic/face-api face_recognition_model', output: 'embedding: raw, not L2-normalised', ...inputMetadata(DLIB_RESNET_INPUT) },
  });
}
