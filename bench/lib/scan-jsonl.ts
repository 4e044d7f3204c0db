/**
 * The `facetag scan --jsonl` line format, shared by facetag and the peer scripts so that one reader
 * (bench/accuracy.ts) scores them all the same way.
 */

import type { Box, Point } from '../../src/engine/types.js';

export interface ScanFace {
  box: Box;
  score: number;
  /** Subject's right eye, left eye, nose tip, right mouth corner, left mouth corner. */
  landmarks: Point[];
  /** Facetag's 0..1 quality; null for peers, which have no such measure. */
  quality: number | null;
  /** L2-normalised. */
  embedding: Float32Array;
}

export interface ScanOk {
  file: string;
  width: number;
  height: number;
  /** Detection + landmarks + embedding time for this image (decoding excluded). */
  ms: number;
  faces: ScanFace[];
}

export interface ScanError {
  file: string;
  error: string;
}

export type ScanRecord = ScanOk | ScanError;

export function isScanError(r: ScanRecord): r is ScanError {
  return 'error' in r;
}

/** Keeps lines short: 1e-6 is far below any difference that changes a cosine comparison. */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function formatScanLine(r: ScanRecord): string {
  if (isScanError(r)) return JSON.stringify({ file: r.file, error: r.error });
  return JSON.stringify({
    file: r.file,
    width: r.width,
    height: r.height,
    ms: round(r.ms, 1),
    faces: r.faces.map((f) => ({
      box: f.box.map((v) => round(v, 2)),
      score: round(f.score, 4),
      landmarks: f.landmarks.map(([x, y]) => [round(x, 2), round(y, 2)]),
      quality: f.quality === null ? null : round(f.quality, 4),
      embedding: Array.from(f.embedding, (v) => round(v, 6)),
    })),
  });
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number') throw new Error(`${what} must be a number`);
  return v;
}

function parseFace(v: unknown, where: string): ScanFace {
  const f = v as { box?: unknown; score?: unknown; landmarks?: unknown; quality?: unknown; embedding?: unknown } | null;
  if (!f || !Array.isArray(f.box) || f.box.length !== 4) throw new Error(`${where}: box must be [x, y, w, h]`);
  if (!Array.isArray(f.embedding)) throw new Error(`${where}: embedding must be an array`);
  const landmarks = Array.isArray(f.landmarks) ? f.landmarks : [];
  return {
    box: f.box.map((x: unknown) => num(x, `${where} box`)) as Box,
    score: num(f.score, `${where} score`),
    landmarks: landmarks.map((p: unknown) => (Array.isArray(p) ? [num(p[0], `${where} landmark`), num(p[1], `${where} landmark`)] : [NaN, NaN])),
    quality: typeof f.quality === 'number' ? f.quality : null,
    embedding: Float32Array.from(f.embedding.map((x: unknown) => num(x, `${where} embedding`))),
  };
}

export function parseScanLine(line: string, where = 'line'): ScanRecord {
  const o = JSON.parse(line) as Record<string, unknown>;
  if (typeof o.file !== 'string') throw new Error(`${where}: file must be a string`);
  if (typeof o.error === 'string') return { file: o.file, error: o.error };
  if (!Array.isArray(o.faces)) throw new Error(`${where}: faces must be an array`);
  return {
    file: o.file,
    width: num(o.width, `${where} width`),
    height: num(o.height, `${where} height`),
    ms: num(o.ms, `${where} ms`),
    faces: o.faces.map((f: unknown, i) => parseFace(f, `${where} faces[${i}]`)),
  };
}

/** Parses a whole JSONL text; blank lines are skipped, and errors name the line. */
export function parseScanJsonl(text: string, source = 'jsonl'): ScanRecord[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => parseScanLine(line, `${source}:${n}`));
}
