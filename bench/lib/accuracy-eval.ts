/**
 * Scores one tool's scan JSONL against the labelled face set. Everything a tool is judged on comes from its
 * JSONL alone, so facetag and the peers are scored by the same code.
 */

import path from 'node:path';
import {
  detectionCountAccuracy,
  leaveOneOutTop1,
  median,
  openSetAtFalseAcceptRate,
  rocAuc,
  tarAtFar,
  verificationScores,
  type CountAccuracy,
  type EvalSample,
  type OpenSetRates,
  type Top1Result,
} from '../../src/eval/metrics.js';
import { mainFace } from '../../src/eval/main-face.js';
import type { FacesData } from './faces-data.js';
import { isScanError, type ScanOk, type ScanRecord } from './scan-jsonl.js';

export interface ToolAccuracy {
  tool: string;
  /** Dataset images with a result line / with an error line / with no line at all. */
  images: { ok: number; errors: number; absent: number };
  singleFace: { photos: number; withFace: number; rate: number };
  verification: {
    genuinePairs: number;
    impostorPairs: number;
    tarAtFar1e2: { tar: number; threshold: number };
    tarAtFar1e3: { tar: number; threshold: number };
    auc: number;
    /** The same over only the photos where the tool found a face: embedding quality apart from detection. */
    foundOnly: { tarAtFar1e3: number; auc: number };
  };
  top1: Top1Result;
  openSet: OpenSetRates;
  /** On detection.json images with a whole-number count; `described` are the ones left out. */
  counts: CountAccuracy & { described: number };
  /** Median over the dataset images the tool read. */
  medianMs: number;
  embeddingSize: number | null;
}

/**
 * Maps a JSONL `file` to the dataset's relative path: relative paths are taken as relative to the faces folder,
 * falling back to the working directory, and absolute ones are made relative to the faces folder.
 */
function datasetKey(file: string, dir: string, known: ReadonlySet<string>): string {
  const rel = (abs: string): string => path.relative(dir, abs).split(path.sep).join('/');
  if (path.isAbsolute(file)) return rel(file);
  const fromDir = rel(path.resolve(dir, file));
  return known.has(fromDir) ? fromDir : rel(path.resolve(file));
}

/** A tool's records by dataset path (records for other files dropped), and its readable result for a path. */
function indexRecords(records: readonly ScanRecord[], data: FacesData) {
  const known = new Set(data.allPaths);
  const byPath = new Map<string, ScanRecord>();
  for (const r of records) {
    const key = datasetKey(r.file, data.dir, known);
    if (known.has(key)) byPath.set(key, r);
  }
  const okFor = (p: string): ScanOk | null => {
    const r = byPath.get(p);
    return r && !isScanError(r) ? r : null;
  };
  return { byPath, okFor };
}

function samplesOf(okFor: (p: string) => ScanOk | null, data: FacesData): EvalSample[] {
  return data.identification.photos.map((photo) => {
    // Where several faces are found, the largest box × score stands for the photo (see main-face.ts).
    const face = mainFace(okFor(photo.path)?.faces ?? []);
    return { identity: photo.identity, embedding: face && face.embedding.length > 0 ? face.embedding : null };
  });
}

/** One sample per single-face photo of identification.json, exactly as evaluateTool scores them (bench/calibrate.ts). */
export function identificationSamples(records: readonly ScanRecord[], data: FacesData): EvalSample[] {
  return samplesOf(indexRecords(records, data).okFor, data);
}

export function evaluateTool(tool: string, records: readonly ScanRecord[], data: FacesData): ToolAccuracy {
  const { byPath, okFor } = indexRecords(records, data);
  const oks = data.allPaths.map(okFor).filter((r): r is ScanOk => r !== null);

  const samples = samplesOf(okFor, data);
  const withFace = samples.filter((s) => s.embedding !== null).length;
  const { genuine, impostor } = verificationScores(samples);
  const found = verificationScores(samples.filter((s) => s.embedding !== null));

  const counted = data.detection.filter((d) => d.faces !== null);
  const countResults = counted.map((d) => {
    const r = okFor(d.path);
    return r ? { faces: r.faces.length } : null;
  });

  return {
    tool,
    images: {
      ok: oks.length,
      errors: data.allPaths.filter((p) => byPath.has(p) && !okFor(p)).length,
      absent: data.allPaths.filter((p) => !byPath.has(p)).length,
    },
    singleFace: { photos: samples.length, withFace, rate: samples.length ? withFace / samples.length : NaN },
    verification: {
      genuinePairs: genuine.length,
      impostorPairs: impostor.length,
      tarAtFar1e2: tarAtFar(genuine, impostor, 1e-2),
      tarAtFar1e3: tarAtFar(genuine, impostor, 1e-3),
      auc: rocAuc(genuine, impostor),
      foundOnly: { tarAtFar1e3: tarAtFar(found.genuine, found.impostor, 1e-3).tar, auc: rocAuc(found.genuine, found.impostor) },
    },
    top1: leaveOneOutTop1(samples),
    openSet: openSetAtFalseAcceptRate(samples, 0.05),
    counts: {
      ...detectionCountAccuracy(countResults, counted.map((d) => d.faces as number)),
      described: data.detection.length - counted.length,
    },
    medianMs: median(oks.map((r) => r.ms)),
    embeddingSize: samples.find((s) => s.embedding)?.embedding?.length ?? null,
  };
}
