/** Markdown rendering of ToolAccuracy: one row per metric, one column per tool. */

import type { ToolAccuracy } from './accuracy-eval.js';

const pct = (x: number): string => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const thr = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : String(x));

const ROWS: [string, (a: ToolAccuracy) => string][] = [
  ['single-face photos with ≥1 face found', (a) => `${pct(a.singleFace.rate)} (${a.singleFace.withFace}/${a.singleFace.photos})`],
  ['TAR @ FAR 1e-2 (all pairs of single-face photos)', (a) => `${pct(a.verification.tarAtFar1e2.tar)} (thr ${thr(a.verification.tarAtFar1e2.threshold)})`],
  ['TAR @ FAR 1e-3', (a) => `${pct(a.verification.tarAtFar1e3.tar)} (thr ${thr(a.verification.tarAtFar1e3.threshold)})`],
  ['ROC AUC', (a) => a.verification.auc.toFixed(4)],
  [
    'TAR @ FAR 1e-3 / AUC, only photos with a face found',
    (a) => `${pct(a.verification.foundOnly.tarAtFar1e3)} / ${a.verification.foundOnly.auc.toFixed(4)}`,
  ],
  ['closed-set top-1 (leave-one-out)', (a) => `${pct(a.top1.rate)} (${a.top1.correct}/${a.top1.total})`],
  [
    'open-set: known named correctly @ ≤5% unknowns named',
    (a) =>
      `${pct(a.openSet.knownRate)} (${a.openSet.knownCorrect}/${a.openSet.knownTotal}; ` +
      `${a.openSet.knownWrongName} misnamed; ${a.openSet.unknownAccepted}/${a.openSet.unknownTotal} unknowns named; thr ${thr(a.openSet.threshold)})`,
  ],
  ['exact face count (detection.json, whole counts)', (a) => `${pct(a.counts.rate)} (${a.counts.exact}/${a.counts.total})`],
  ['faces reported on 0-face images', (a) => `${a.counts.falseFacesOnNegatives} (on ${a.counts.negatives} images)`],
  ['median ms / image', (a) => a.medianMs.toFixed(0)],
  ['images read / errors / not in JSONL', (a) => `${a.images.ok} / ${a.images.errors} / ${a.images.absent}`],
  ['embedding size', (a) => String(a.embeddingSize ?? 'n/a')],
];

export function accuracyMarkdown(results: readonly ToolAccuracy[]): string {
  const header = `| metric | ${results.map((r) => r.tool).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---').join('|')}|`;
  const body = ROWS.map(([name, cell]) => `| ${name} | ${results.map(cell).join(' | ')} |`);
  const first = results[0];
  const notes = [
    '',
    'Single-face photos: identification.json entries with one identity; where a tool finds several faces, the one with',
    'the largest box area × score stands for the photo, and a photo with none scores −∞ in every pair it is in.',
    first
      ? `Pairs: ${first.verification.genuinePairs} genuine, ${first.verification.impostorPairs} impostor. ` +
        `Open set: leave-one-out gallery; ${first.openSet.knownTotal} known probes, ${first.openSet.unknownTotal} unknowns (identities with one photo).`
      : '',
    first ? `Face counts: ${first.counts.total} detection.json images; ${first.counts.described} with a described (not whole) count left out.` : '',
  ];
  return [header, rule, ...body, ...notes].join('\n');
}
