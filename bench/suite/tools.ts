/**
 * The tools the suite runs, each as the command line a user would run, plus one scan helper that turns a tool
 * and a list of images into a JSONL file with exactly one line per image, in order.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { runNodeToFile } from './child.js';

export interface ToolSpec {
  /** Column name in the report and file stem under artifacts/bench. */
  name: string;
  /** What the column measures, for the report. */
  description: string;
  /** Node arguments for scanning the images listed in `listFile` (absolute paths, one a line). */
  argv(listFile: string, paths: readonly string[]): string[];
  /**
   * The tool does not warm up by itself: it is given the first image twice and its first output line dropped,
   * which is what bench/peers/peer-runner.ts does inside the peers, so every tool is timed warm.
   */
  warmUpByRepeat: boolean;
}

const tsx = (script: string, ...rest: string[]) => (listFile: string) => ['--import', 'tsx', script, '--list', listFile, ...rest];

export const FACETAG: ToolSpec = {
  name: 'facetag',
  description: '`bin/facetag.js scan --jsonl --workers 1` (onnxruntime-node, default intra-op threads)',
  // The CLI takes paths, not a list file; 246 paths fit easily on one command line. One worker:
  // per-photo latency of one engine, as the peers are timed (bench/scan-workers.ts times the pool).
  argv: (_listFile, paths) => ['bin/facetag.js', 'scan', '--jsonl', '--workers', '1', ...paths],
  warmUpByRepeat: true,
};

export const FACEAPI: ToolSpec = {
  name: 'faceapi',
  description: '@vladmandic/face-api defaults (SSD MobileNet v1 + 68 landmarks + ResNet descriptor), tfjs WASM',
  argv: tsx('bench/peers/faceapi.ts'),
  warmUpByRepeat: false,
};

export const HUMAN_DEFAULT: ToolSpec = {
  name: 'human',
  description: '@vladmandic/human default face pipeline (BlazeFace + FaceMesh + iris + FaceRes), tfjs WASM',
  argv: tsx('bench/peers/human.ts', '--config', 'default'),
  warmUpByRepeat: false,
};

export const HUMAN_FRONT: ToolSpec = {
  name: 'human-front',
  description: "Human's fastest preset: 128 px front BlazeFace + FaceRes, no mesh (bench/peers/human-presets.ts)",
  argv: tsx('bench/peers/human.ts', '--config', 'front'),
  warmUpByRepeat: false,
};

/** facetag's engine in-process with each model's run timed (bench/facetag-stages.ts), at the CLI's threads. */
export const FACETAG_STAGES: ToolSpec = {
  name: 'facetag-stages',
  description: 'same engine in-process via bench/facetag-stages.ts, each model timed (default threads)',
  argv: tsx('bench/facetag-stages.ts'),
  warmUpByRepeat: false,
};

/** One intra-op thread: the peers' tfjs WASM backend runs single-threaded in Node, so this is the like-for-like row. */
export const FACETAG_ONE_THREAD: ToolSpec = {
  name: 'facetag-1thread',
  description: 'same, onnxruntime-node limited to 1 intra-op thread (the peers run single-threaded WASM)',
  argv: tsx('bench/facetag-stages.ts', '--threads', '1'),
  warmUpByRepeat: false,
};

/**
 * Scans `paths` with `tool` into `outFile` (JSONL, one line per path in order) and returns the process wall
 * time in ms. Throws when the process fails or its output does not line up with `paths`.
 */
export async function scanWithTool(tool: ToolSpec, paths: readonly string[], listFile: string, outFile: string): Promise<number> {
  const first = paths[0];
  if (first === undefined) throw new Error('no images to scan');
  const input = tool.warmUpByRepeat ? [first, ...paths] : [...paths];
  writeFileSync(listFile, input.map((p) => `${p}\n`).join(''));
  const wallMs = await runNodeToFile(tool.name, tool.argv(listFile, input), outFile);
  let lines = readFileSync(outFile, 'utf8').split('\n').filter((l) => l.trim().length > 0);
  if (tool.warmUpByRepeat) {
    lines = lines.slice(1);
    writeFileSync(outFile, lines.map((l) => `${l}\n`).join(''));
  }
  if (lines.length !== paths.length) throw new Error(`${tool.name} wrote ${lines.length} lines for ${paths.length} images (${outFile})`);
  lines.forEach((line, i) => {
    const file = (JSON.parse(line) as { file?: unknown }).file;
    if (file !== paths[i]) throw new Error(`${tool.name}: line ${i + 1} of ${outFile} is for ${String(file)}, expected ${paths[i]}`);
  });
  return wallMs;
}
