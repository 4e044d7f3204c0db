/**
 * Per-image speed in interleaved rounds: each round runs every tool's process over the same images, the tool
 * order rotating from round to round, and each image keeps its least time over the rounds. On a shared machine
 * a burst of load then hits all tools alike and rarely the same image in every round, so the per-image minimum
 * is the best estimate of what the tool itself costs.
 */

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { median } from '../../src/eval/metrics.js';
import { STAGES, type Stage, type StageTimes } from './timed-models.js';
import { scanWithTool, type ToolSpec } from './tools.js';

interface TimingLine {
  ms: number;
  stages: StageTimes | null;
}

/** Reads `ms` (and facetag-stages' `stages`) of every line; an image a tool could not read makes timing void. */
function readTimings(file: string): TimingLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l, i) => {
      const o = JSON.parse(l) as { file?: unknown; ms?: unknown; error?: unknown; stages?: StageTimes };
      if (typeof o.error === 'string') throw new Error(`${file}:${i + 1}: ${String(o.file)} failed: ${o.error}`);
      if (typeof o.ms !== 'number') throw new Error(`${file}:${i + 1}: no ms`);
      return { ms: o.ms, stages: o.stages ?? null };
    });
}

/** Nearest-rank percentile (q in 0..1) of unsorted values. */
export function percentile(values: readonly number[], q: number): number {
  const s = Float64Array.from(values).sort();
  return s.length === 0 ? NaN : (s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number);
}

export type StageSplit = Record<Stage | 'other', number>;

export interface ToolSpeed {
  tool: string;
  description: string;
  /** Per image (in the order given), its least ms over the rounds. */
  minMs: number[];
  medianMs: number;
  p95Ms: number;
  /** Least whole-process wall time over the rounds: start-up, model loading, decoding and every image. */
  wallS: number;
  /** facetag-stages only: each stage's share of all the images' time, from the round that gave each image its min. */
  stageShare: StageSplit | null;
  stageMedianMs: StageSplit | null;
}

function stageSummary(stages: StageTimes[], ms: number[]): { share: StageSplit; medianMs: StageSplit } {
  const other = stages.map((s, i) => (ms[i] as number) - STAGES.reduce((sum, k) => sum + s[k], 0));
  const total = ms.reduce((a, b) => a + b, 0);
  const pick = (f: (values: number[]) => number): StageSplit => ({
    ...(Object.fromEntries(STAGES.map((k) => [k, f(stages.map((s) => s[k]))])) as StageTimes),
    other: f(other),
  });
  return { share: pick((v) => v.reduce((a, b) => a + b, 0) / total), medianMs: pick(median) };
}

export type Log = (message: string) => void;

export async function measureSpeed(tools: readonly ToolSpec[], paths: readonly string[], rounds: number, dir: string, log: Log): Promise<ToolSpeed[]> {
  mkdirSync(dir, { recursive: true });
  const best = tools.map(() => ({ ms: paths.map(() => Infinity), stages: paths.map((): StageTimes | null => null), wallMs: Infinity }));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < tools.length; k++) {
      const t = (k + round) % tools.length;
      const tool = tools[t] as ToolSpec;
      const slot = best[t]!;
      const out = path.join(dir, `${tool.name}-r${round + 1}.jsonl`);
      const wallMs = await scanWithTool(tool, paths, path.join(dir, `${tool.name}.list.txt`), out);
      slot.wallMs = Math.min(slot.wallMs, wallMs);
      readTimings(out).forEach((line, i) => {
        if (line.ms < (slot.ms[i] as number)) [slot.ms[i], slot.stages[i]] = [line.ms, line.stages];
      });
      log(`speed round ${round + 1}/${rounds}: ${tool.name} ${(wallMs / 1000).toFixed(1)} s, median ${median(readTimings(out).map((l) => l.ms)).toFixed(1)} ms`);
    }
  }
  return tools.map((tool, t) => {
    const { ms, stages, wallMs } = best[t]!;
    const complete = stages.every((s): s is StageTimes => s !== null);
    const split = complete ? stageSummary(stages, ms) : null;
    return {
      tool: tool.name,
      description: tool.description,
      minMs: ms,
      medianMs: median(ms),
      p95Ms: percentile(ms, 0.95),
      wallS: wallMs / 1000,
      stageShare: split?.share ?? null,
      stageMedianMs: split?.medianMs ?? null,
    };
  });
}

export interface SpeedRatio {
  tool: string;
  /** tool median / base median, and the same for p95. */
  ofMedians: number;
  ofP95: number;
  /** Median over images of tool ms / base ms for that image: the paired view, immune to which images are slow. */
  medianPerImage: number;
  /** The tool's ms summed over every image / the base's: what a whole folder costs. */
  ofTotals: number;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** How many times slower than `base` each other tool is (> 1: base is faster). */
export function speedRatios(speeds: readonly ToolSpeed[], base: string): SpeedRatio[] {
  const b = speeds.find((s) => s.tool === base);
  if (!b) throw new Error(`no speed result for ${base}`);
  return speeds
    .filter((s) => s !== b)
    .map((s) => ({
      tool: s.tool,
      ofMedians: s.medianMs / b.medianMs,
      ofP95: s.p95Ms / b.p95Ms,
      medianPerImage: median(s.minMs.map((ms, i) => ms / (b.minMs[i] as number))),
      ofTotals: sum(s.minMs) / sum(b.minMs),
    }));
}
