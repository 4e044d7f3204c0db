import { join } from 'node:path';
import { OnnxGraph } from '../onnx-graph.js';
import { depthwiseToOihw, hwioToOihw } from '../layers.js';
import { loadWeightsManifest, requireWeight } from '../tfjs-weights.js';
import { emitConv, outputSize, type Feature, type Weights } from './conv.js';
import { LANDMARKS_68_INPUT, inputMetadata } from './input-spec.js';

/**
 * face-api's FaceLandmark68Net as ONNX: FaceFeatureExtractor (four denseBlock4s) + the
 * FaceProcessor fully connected layer. Mirrors node_modules/@vladmandic/face-api/src/
 * faceFeatureExtractor/{FaceFeatureExtractor,denseBlock}.ts and faceProcessor/FaceProcessor.ts.
 * The output is the raw FC result; face-api's postProcess (padding/aspect correction) is
 * left to the engine.
 */

/** Regular conv + bias ('same' padding), as dense0/conv0. */
function plainConv(g: OnnxGraph, w: Weights, x: Feature, prefix: string, stride: number): Feature {
  const weight = hwioToOihw(requireWeight(w, `${prefix}/filters`));
  return emitConv(g, x, { stride, padding: 'SAME', weight, bias: requireWeight(w, `${prefix}/bias`) }, prefix);
}

/**
 * depthwiseSeparableConv: tf.separableConv2d(x, dw, pw, stride, 'same') + bias, i.e. a
 * depthwise conv carrying the stride and the 'same' padding, then a 1x1 'valid' conv.
 */
function separableConv(g: OnnxGraph, w: Weights, x: Feature, prefix: string, stride: number): Feature {
  const dw = depthwiseToOihw(requireWeight(w, `${prefix}/depthwise_filter`));
  const d = emitConv(g, x, { stride, padding: 'SAME', weight: dw, group: x.channels }, `${prefix}/depthwise`);
  const pw = hwioToOihw(requireWeight(w, `${prefix}/pointwise_filter`));
  return emitConv(g, d, { stride: 1, padding: 'VALID', weight: pw, bias: requireWeight(w, `${prefix}/bias`) }, `${prefix}/pointwise`);
}

/**
 * denseBlock4 (isScaleDown = true): every conv after the first sees the relu of the running
 * sum of the earlier outputs. The additions keep face-api's nesting order
 * (out1 + (out2 + (out3 + out4))) so float rounding matches as closely as possible.
 */
function denseBlock4(g: OnnxGraph, w: Weights, x: Feature, prefix: string, isFirstLayer: boolean): Feature {
  const add = (a: string, b: string, name: string): string => g.node('Add', [a, b], {}, `${prefix}/${name}`);
  const relu = (a: string, name: string): string => g.node('Relu', [a], {}, `${prefix}/${name}`);
  const first = isFirstLayer ? plainConv(g, w, x, `${prefix}/conv0`, 2) : separableConv(g, w, x, `${prefix}/conv0`, 2);
  const out1 = { ...first, name: relu(first.name, 'out1') };
  const out2 = separableConv(g, w, out1, `${prefix}/conv1`, 1);
  const in3 = { ...out2, name: relu(add(out1.name, out2.name, 'sum12'), 'in3') };
  const out3 = separableConv(g, w, in3, `${prefix}/conv2`, 1);
  const in4 = { ...out3, name: relu(add(out1.name, add(out2.name, out3.name, 'sum23'), 'sum123'), 'in4') };
  const out4 = separableConv(g, w, in4, `${prefix}/conv3`, 1);
  const tail = add(out2.name, add(out3.name, out4.name, 'sum34'), 'sum234');
  return { ...out4, name: relu(add(out1.name, tail, 'sum1234'), 'out') };
}

/** Builds face-api's 68-point landmark net: `input` [N,3,112,112] -> `landmarks` [N,136] (raw FC output). */
export async function buildLandmarks68(modelDir: string): Promise<Uint8Array> {
  const w = await loadWeightsManifest(join(modelDir, 'face_landmark_68_model-weights_manifest.json'));
  const g = new OnnxGraph('faceapi_landmarks_68');
  const size = LANDMARKS_68_INPUT.size;
  let x: Feature = { name: g.input('input', ['N', 3, size, size]), size, channels: 3 };
  // 112 -> 56 -> 28 -> 14 -> 7, TF 'same' stride 2 padding only at bottom/right.
  for (const [i, prefix] of ['dense0', 'dense1', 'dense2', 'dense3'].entries()) x = denseBlock4(g, w, x, prefix, i === 0);

  // avgPool 7x7 stride 2 'valid' on the 7x7 map -> 1x1, then flatten (NHWC and NCHW agree at 1x1).
  if (outputSize(x.size, 7, 2, 'VALID') !== 1) throw new Error(`feature map ${x.size}: expected 7x7`);
  const pooled = g.node('AveragePool', [x.name], { kernel_shape: [7, 7], strides: [2, 2] }, 'avgpool');
  const flat = g.node('Flatten', [pooled], { axis: 1 }, 'flatten');

  // fullyConnectedLayer: matMul(x, weights [256, 136]) + bias.
  const fcW = requireWeight(w, 'fc/weights');
  const fcB = requireWeight(w, 'fc/bias');
  const mm = g.node('MatMul', [flat, g.constWeight('fc.weight', fcW)], {}, 'fc/matmul');
  g.node('Add', [mm, g.constWeight('fc.bias', fcB)], {}, 'landmarks');
  g.output('landmarks', ['N', fcB.shape[0] ?? 0]);

  return g.toBytes({
    docString: 'face-api FaceLandmark68Net; input is (RGB - mean) / 255 in NCHW; output is the raw FC result (x0,y0,...,x67,y67) relative to the padded 112x112 square',
    metadata: { source: '@vladmandic/face-api face_landmark_68_model', output: 'landmarks: raw FC, interleaved x,y in [0,1] of the padded square input', ...inputMetadata(LANDMARKS_68_INPUT) },
  });
}
