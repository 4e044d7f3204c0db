/**
 * What the peer scripts share: argument handling, image decoding and the scan loop that prints
 * `facetag scan --jsonl` lines, so that each peer file holds only its library's calls.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { Point } from '../../src/engine/types.js';
import { formatScanLine, type ScanFace } from '../lib/scan-jsonl.js';

export interface RgbImage {
  width: number;
  height: number;
  /** width * height * 3 bytes, row-major RGB. */
  data: Uint8Array;
}

export interface PeerArgs {
  paths: string[];
  /** `--name value` options other than --list. */
  options: Map<string, string>;
}

/** `--list file` adds that file's non-blank lines; other bare arguments are paths; `--k v` pairs are options. */
export function parsePeerArgs(argv: readonly string[]): PeerArgs {
  const paths: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) {
      paths.push(a);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${a} needs a value`);
    if (a === '--list') paths.push(...readFileSync(value, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));
    else options.set(a.slice(2), value);
  }
  if (paths.length === 0) throw new Error('no images: pass paths or --list <file-with-paths>');
  return { paths, options };
}

/** Decodes to RGB, applying EXIF orientation as a browser's <img> would. */
export async function decodeRgb(file: string): Promise<RgbImage> {
  const { data, info } = await sharp(file).rotate().removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

export function l2Normalize(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  const norm = Math.hypot(...out);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}

export function meanPoint(points: readonly Point[]): Point {
  const n = points.length || 1;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}

/**
 * Absolute path of a file inside an installed package. Walks Node's own search folders rather than resolving
 * the file, because Human's `exports` map hides its node-wasm build and even its package.json.
 */
export function packageFile(pkg: string, relative: string): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths(pkg) ?? []) {
    if (existsSync(path.join(dir, pkg, 'package.json'))) return path.join(dir, pkg, relative);
  }
  throw new Error(`package ${pkg} is not installed`);
}

export type PeerDetect = (image: RgbImage) => Promise<{ faces: ScanFace[]; ms: number }>;

/**
 * Scans every path and prints one JSONL line each, paths exactly as given.
 * The first image is run once untimed first, so that one-off costs (kernel compilation, weight upload) do not
 * land in the first image's ms; every peer and facetag are meant to be compared warm.
 */
export async function runPeer(paths: readonly string[], detect: PeerDetect): Promise<void> {
  let warmedUp = false;
  for (const file of paths) {
    let line: string;
    try {
      const image = await decodeRgb(file);
      if (!warmedUp) {
        await detect(image);
        warmedUp = true;
      }
      const { faces, ms } = await detect(image);
      line = formatScanLine({ file, width: image.width, height: image.height, ms, faces });
    } catch (err) {
      line = formatScanLine({ file, error: err instanceof Error ? err.message : String(err) });
    }
    process.stdout.write(`${line}\n`);
  }
}
