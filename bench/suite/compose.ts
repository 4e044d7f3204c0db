/** Puts the suite's parts together into the one markdown report that bench/run.ts prints and saves. */

import type { ToolAccuracy } from '../lib/accuracy-eval.js';
import { accuracyMarkdown } from '../lib/accuracy-table.js';
import { machineMarkdown, type Machine } from './machine.js';
import type { MatchSpeed } from './match-speed.js';
import type { OpenSetReport } from './open-set.js';
import { matchMarkdown, openSetMarkdown, speedMarkdown, stagesMarkdown } from './report.js';
import type { SpeedRatio, ToolSpeed } from './speed.js';
import { targetsMarkdown, type TargetResult } from './targets.js';

export interface SuiteResults {
  command: string;
  machine: Machine;
  /** Images in the accuracy run (the whole list), or null when skipped. */
  accuracy: { images: number; tools: ToolAccuracy[]; openSet: OpenSetReport } | null;
  speed: { subset: string; rounds: number; tools: ToolSpeed[]; ratios: SpeedRatio[] };
  /** The same over every full-size photo (long side ≥ 500 px), facetag against the peers it is targeted on. */
  fullSize: { subset: string; tools: ToolSpeed[]; ratios: SpeedRatio[] };
  match: MatchSpeed;
  targets: TargetResult[];
}

export function composeReport(r: SuiteResults): string {
  const parts = [
    '# facetag benchmark report',
    '',
    `Command: \`${r.command}\``,
    '',
    machineMarkdown(r.machine),
    '',
    'The machine is shared with other jobs: absolute times are noisy, so compare tools only by the ratios within this run.',
    '',
    '## Targets',
    '',
    targetsMarkdown(r.targets),
  ];
  if (r.accuracy) {
    parts.push('', `## Accuracy (${r.accuracy.images} images, one process per tool)`, '', accuracyMarkdown(r.accuracy.tools));
    parts.push('', '### Open-set calibration (facetag)', '', openSetMarkdown(r.accuracy.openSet));
  }
  parts.push(
    '',
    '## Speed',
    '',
    `${r.speed.subset}. ${r.speed.rounds} interleaved rounds (each round runs every tool's process over the subset, the order rotating);` +
      " each image keeps its least ms over the rounds; ms is detection + landmarks + embedding, decoding excluded, every tool warmed up on the first image untimed. 'process s' is the least wall time of a whole process (start-up, model loading, decoding, every image).",
    '',
    speedMarkdown(r.speed.tools, r.speed.ratios, 'facetag'),
  );
  parts.push('', '### Full-size photos', '', `${r.fullSize.subset}, timed the same way.`, '', speedMarkdown(r.fullSize.tools, r.fullSize.ratios, 'facetag'));
  const stages = stagesMarkdown(r.speed.tools);
  if (stages) parts.push('', '### Where facetag spends its time', '', stages);
  parts.push('', '## Matching', '', matchMarkdown(r.match), '');
  return parts.join('\n');
}
