/** The project's targets, each judged on this run's numbers; a target whose part was skipped stays unjudged. */

import type { ToolAccuracy } from '../lib/accuracy-eval.js';
import type { MatchSpeed } from './match-speed.js';
import type { SpeedRatio } from './speed.js';

export interface TargetResult {
  target: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/**
 * Speed targets are judged on `ratios` (the CLI as shipped); `alsoRatios`, against another facetag configuration
 * (one onnxruntime thread), is only quoted beside them.
 */
export function judgeTargets(
  facetag: ToolAccuracy | null,
  ratios: readonly SpeedRatio[] | null,
  match: MatchSpeed,
  alsoRatios: { label: string; ratios: readonly SpeedRatio[] } | null = null,
): TargetResult[] {
  const acc = (target: string, f: (a: ToolAccuracy) => [string, boolean]): TargetResult => {
    if (!facetag) return { target, measured: 'not run (--skip-accuracy / --quick)', met: null };
    const [measured, met] = f(facetag);
    return { target, measured, met };
  };
  /** Against the fastest of `peers` in this run, so "Human's fastest" holds even if the presets swap places. */
  const faster = (target: string, peers: readonly string[], times: number): TargetResult => {
    const fastest = (list: readonly SpeedRatio[]) => list.filter((x) => peers.includes(x.tool)).sort((a, b) => a.ofMedians - b.ofMedians)[0];
    const r = fastest(ratios ?? []);
    if (!r) return { target, measured: 'not run', met: null };
    const alt = alsoRatios && fastest(alsoRatios.ratios);
    return {
      target,
      measured:
        `${r.ofMedians.toFixed(2)}× vs ${r.tool} (ratio of medians; p95 ${r.ofP95.toFixed(2)}×, per-image median ${r.medianPerImage.toFixed(2)}×)` +
        (alt ? `; ${alsoRatios.label}: ${alt.ofMedians.toFixed(2)}×` : ''),
      met: r.ofMedians >= times,
    };
  };
  return [
    acc('a face found in ≥ 99% of single-face photos', (a) => [`${pct(a.singleFace.rate)} (${a.singleFace.withFace}/${a.singleFace.photos})`, a.singleFace.rate >= 0.99]),
    acc('TAR @ FAR 1e-3 ≥ 90% over all pairs', (a) => [pct(a.verification.tarAtFar1e3.tar), a.verification.tarAtFar1e3.tar >= 0.9]),
    acc('closed-set top-1 ≥ 99%', (a) => [`${pct(a.top1.rate)} (${a.top1.correct}/${a.top1.total})`, a.top1.rate >= 0.99]),
    acc('with ≤ 5% of unknowns named, ≥ 95% of known faces named correctly', (a) => [
      `${pct(a.openSet.knownRate)} (${a.openSet.unknownAccepted}/${a.openSet.unknownTotal} unknowns named)`,
      a.openSet.knownRate >= 0.95,
    ]),
    acc('exact face count ≥ 90%, and no face on no-face images', (a) => [
      `${pct(a.counts.rate)} (${a.counts.exact}/${a.counts.total}); ${a.counts.falseFacesOnNegatives} faces on ${a.counts.negatives} no-face images`,
      a.counts.rate >= 0.9 && a.counts.falseFacesOnNegatives === 0,
    ]),
    {
      target: 'matching one probe against 100k references ≤ 5 ms (median)',
      measured: `${match.medianMs.toFixed(2)} ms`,
      met: match.medianMs <= 5,
    },
    faster('≥ 10× faster than face-api', ['faceapi'], 10),
    faster("≥ 2× faster than Human's fastest configuration", ['human-front', 'human'], 2),
  ];
}

export function targetsMarkdown(results: readonly TargetResult[]): string {
  const mark = (met: boolean | null): string => (met === null ? '–' : met ? '**met**' : '**not met**');
  return ['| target | facetag, this run | |', '|---|---|---|', ...results.map((r) => `| ${r.target} | ${r.measured} | ${mark(r.met)} |`)].join('\n');
}

/**
 * Issue 13's speed targets ("Low compute"): on full-size photos (long side ≥ 500 px) the median
 * against face-api and Human `front`; on the mixed subset p95 and the total against face-api.
 */
export function lowComputeTargets(mixed: readonly SpeedRatio[], fullSize: readonly SpeedRatio[]): TargetResult[] {
  const judge = (target: string, list: readonly SpeedRatio[], tool: string, pick: (r: SpeedRatio) => number, times: number): TargetResult => {
    const r = list.find((x) => x.tool === tool);
    return r ? { target, measured: `${pick(r).toFixed(2)}× vs ${tool}`, met: pick(r) >= times } : { target, measured: 'not run', met: null };
  };
  return [
    judge('photos ≥ 500 px: median ≥ 10× faster than face-api', fullSize, 'faceapi', (r) => r.ofMedians, 10),
    judge('photos ≥ 500 px: median ≥ 3× faster than Human front', fullSize, 'human-front', (r) => r.ofMedians, 3),
    judge('all photos (the subset): p95 ≥ 5× faster than face-api', mixed, 'faceapi', (r) => r.ofP95, 5),
    judge('all photos (the subset): total ≥ 8× faster than face-api', mixed, 'faceapi', (r) => r.ofTotals, 8),
  ];
}
