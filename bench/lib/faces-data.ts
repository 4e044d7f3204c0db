/** Reads the shared labelled face set (never copied into the repo; see its README.md). */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  allImagePaths,
  parseDetection,
  parseIdentification,
  type DetectionImage,
  type IdentificationIndex,
} from '../../src/eval/dataset.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface FacesData {
  /** Absolute path of the faces folder; index paths are relative to it. */
  dir: string;
  identification: IdentificationIndex;
  detection: DetectionImage[];
  /** Every image of both indexes, deduplicated, relative to `dir`. */
  allPaths: string[];
}

/** FACETAG_FACES, else the shared folder beside the repo. */
export function facesDir(): string {
  return path.resolve(process.env.FACETAG_FACES ?? path.join(repoRoot, '../shared/faces'));
}

function readJson(dir: string, name: string): unknown {
  const file = path.join(dir, name);
  if (!existsSync(file)) throw new Error(`shared face photos not found at ${dir} (no ${name}); set FACETAG_FACES`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function loadFacesData(dir = facesDir()): FacesData {
  if (!existsSync(dir)) throw new Error(`shared face photos not found at ${dir}; set FACETAG_FACES`);
  const identification = parseIdentification(readJson(dir, 'identification.json'));
  const detection = parseDetection(readJson(dir, 'detection.json'));
  return { dir, identification, detection, allPaths: allImagePaths(identification, detection) };
}
