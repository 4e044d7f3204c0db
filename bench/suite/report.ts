/** Markdown for the suite's speed, stage, matching and open-set results (accuracy has bench/lib/accuracy-table.ts). */

import { DEFAULT_MATCH_THRESHOLD } from '../../src/engine/match/defaults.js';
import type { MatchSpeed } from './match-speed.js';
import { MAX_UNKNOWN_NAMED, type OpenSetAt, type OpenSetReport } from './open-set.js';
import type { SpeedRatio, StageSplit, ToolSpeed } from './speed.js';
import { STAGES } from './timed-models.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const ms = (x: number): string => x.toFixed(1);

export function speedMarkdown(speeds: readonly ToolSpeed[], ratios: readonly SpeedRatio[], base: string): string {
  const ratioOf = (tool: string) => ratios.find((r) => r.tool === tool);
  const rows = speeds.map((s) => {
    const r = ratioOf(s.tool);
    const rel = r ? `${r.ofMedians.toFixed(2)}× / ${r.ofP95.toFixed(2)}× / ${r.medianPerImage.toFixed(2)}× / ${r.ofTotals.toFixed(2)}×` : '1 (baseline)';
    return `| ${s.tool} | ${ms(s.medianMs)} | ${ms(s.p95Ms)} | ${rel} | ${s.wallS.toFixed(1)} | ${s.description} |`;
  });
  return [
    `| tool | median ms | p95 ms | vs ${base}: medians / p95 / per-image median / totals | process s | what runs |`,
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Where facetag's time goes, from the tools that report stages (bench/facetag-stages.ts). */
export function stagesMarkdown(speeds: readonly ToolSpeed[]): string {
  const withStages = speeds.filter((s): s is ToolSpeed & { stageShare: StageSplit; stageMedianMs: StageSplit } => s.stageShare !== null && s.stageMedianMs !== null);
  if (withStages.length === 0) return '';
  const cols = [...STAGES, 'other'] as const;
  const labels: Record<(typeof cols)[number], string> = {
    detector: 'BlazeFace detector (256 px)',
    refiner: 'BlazeFace closer look (128 px)',
    verifier: 'FaceMesh check',
    landmarks: '68 landmarks',
    embedder: 'dlib descriptor',
    other: 'engine JS (resize, warp, NMS, quality)',
  };
  return [
    `| stage | ${withStages.map((s) => `${s.tool}: share of time / median ms`).join(' | ')} |`,
    `|---|${withStages.map(() => '---').join('|')}|`,
    ...cols.map((c) => `| ${labels[c]} | ${withStages.map((s) => `${pct(s.stageShare[c])} / ${ms(s.stageMedianMs[c])}`).join(' | ')} |`),
  ].join('\n');
}

export function matchMarkdown(m: MatchSpeed): string {
  return `One probe against ${m.references.toLocaleString('en')} references (d = ${m.dim}, ${m.people.toLocaleString('en')} people), buildGallery + identify: median **${m.medianMs.toFixed(2)} ms** over ${m.runs} runs after 10 warm-up runs.`;
}

/** One row of openSetMarkdown's table for rates measured at a fixed threshold. */
export function openSetAtRow(label: string, d: OpenSetAt): string {
  const rate = (n: number, of: number): string => `${pct(n / Math.max(1, of))} (${n}/${of})`;
  return `| ${label} | ${d.threshold} | ${d.margin} | ${rate(d.unknownNamed, d.unknownTrials)} | ${rate(d.knownCorrect, d.knownTrials)} | ${d.knownWrongName} |`;
}

export function openSetMarkdown(r: OpenSetReport): string {
  const c = r.calibration;
  const d = r.atDefault;
  const fresh = `${c.threshold.toFixed(4)}`;
  const agrees = d.unknownNamed / Math.max(1, d.unknownTrials) <= MAX_UNKNOWN_NAMED;
  return [
    '| | threshold | margin | strangers named | known named correctly | known misnamed |',
    '|---|---|---|---|---|---|',
    `| calibrated on this scan (≤ ${pct(MAX_UNKNOWN_NAMED)} strangers named) | ${fresh} | ${c.margin} | ${pct(c.unknownNamedRate)} of ${c.unknownTrials} | ${pct(c.knownCorrectRate)} of ${c.knownTrials} | ${c.knownWrongName} |`,
    openSetAtRow('shipped default (src/engine/match/defaults.ts)', d),
    '',
    `Fresh threshold ${fresh} vs default ${DEFAULT_MATCH_THRESHOLD}: ${agrees ? `the default keeps strangers named within ${pct(MAX_UNKNOWN_NAMED)} on this scan` : `the default names more than ${pct(MAX_UNKNOWN_NAMED)} of strangers on this scan — it should be at least the fresh threshold, rounded up (check a candidate with bench/calibrate.ts --at)`}` +
      ` (difference ${(DEFAULT_MATCH_THRESHOLD - c.threshold).toFixed(4)}).`,
  ].join('\n');
}
