import { readFile } from 'node:fs/promises';
import { analyseImage } from '../../engine/engine.js';
import type { EngineModels } from '../../engine/runtime.js';
import type { Face } from '../../engine/types.js';
import { decodeImage, type DecodedImage } from '../../node/decode-image.js';
import { errorMessage } from '../../shared/result.js';

export interface ScannedFace {
  box: [number, number, number, number];
  score: number;
  landmarks: [number, number][];
  quality: number;
  embedding: number[];
}

export type ScanLine = { file: string; width: number; height: number; ms: number; faces: ScannedFace[] } | { file: string; error: string };

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

/** A face in the photo's own pixels, rounded for output (1/100 px, 6 decimals for embeddings). */
function toScanned(face: Face, scale: number): ScannedFace {
  return {
    box: face.box.map((v) => round(v * scale, 2)) as ScannedFace['box'],
    score: round(face.score, 4),
    landmarks: face.landmarks.map(([x, y]) => [round(x * scale, 2), round(y * scale, 2)]),
    quality: round(face.quality, 4),
    embedding: Array.from(face.embedding, (v) => round(v, 6)),
  };
}

export interface AnalysedFile {
  decoded: DecodedImage;
  /** In the decoded image's pixels; multiply by decoded.scale for the photo's own. */
  faces: Face[];
  /** Detect + align + embed, not reading or decoding. */
  ms: number;
}

/** Reads, decodes and analyses one file; throws with a clear message when it cannot. */
export async function analyseFile(models: EngineModels, file: string): Promise<AnalysedFile> {
  const decoded = await decodeImage(new Uint8Array(await readFile(file)));
  const start = performance.now();
  const faces = await analyseImage(models, decoded.image);
  return { decoded, faces, ms: performance.now() - start };
}

/** Scans one file into its JSONL line; a failure becomes an error line. */
export async function scanFile(models: EngineModels, file: string): Promise<ScanLine> {
  try {
    const { decoded, faces, ms } = await analyseFile(models, file);
    return { file, width: decoded.width, height: decoded.height, ms: round(ms, 1), faces: faces.map((f) => toScanned(f, decoded.scale)) };
  } catch (error) {
    return { file, error: errorMessage(error) };
  }
}
