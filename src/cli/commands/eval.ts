import { parseArgs } from 'node:util';
import type { EngineModels } from '../../engine/runtime.js';
import { DEFAULT_MATCH_THRESHOLD } from '../../engine/match/defaults.js';
import { mainFace } from '../../eval/main-face.js';
import { leaveOneOutTop1, openSetAtFalseAcceptRate, openSetRates, rocAuc, tarAtFar, verificationScores, type EvalSample } from '../../eval/metrics.js';
import { readFolderDataset } from '../folder-dataset.js';
import { progressBar } from '../progress.js';
import { scanFile } from './scan.js';

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;

/** Scans a folder-per-person dataset and reports identification and verification accuracy. */
export async function evalDataset(models: EngineModels, args: string[], print: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { threshold: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const [dir] = positionals;
  if (!dir) throw new Error('eval needs a folder with one sub-folder per person');
  const threshold = values.threshold === undefined ? DEFAULT_MATCH_THRESHOLD : Number(values.threshold);
  if (!Number.isFinite(threshold)) throw new Error(`--threshold must be a number, got ${values.threshold}`);
  const images = await readFolderDataset(dir);
  const bar = progressBar(images.length, 'eval');
  const samples: EvalSample[] = [];
  let unreadable = 0;
  for (const { person, file } of images) {
    const line = await scanFile(models, file);
    bar.tick();
    if ('error' in line) unreadable++;
    const face = 'error' in line ? null : mainFace(line.faces);
    samples.push({ identity: person, embedding: face ? Float32Array.from(face.embedding) : null });
  }
  bar.stop();
  const { genuine, impostor } = verificationScores(samples);
  const report = {
    images: images.length,
    people: new Set(images.map((i) => i.person)).size,
    unreadable,
    withFace: samples.filter((s) => s.embedding).length / samples.length,
    top1: leaveOneOutTop1(samples).rate,
    auc: rocAuc(genuine, impostor),
    tarAtFar1e2: tarAtFar(genuine, impostor, 1e-2).tar,
    tarAtFar1e3: tarAtFar(genuine, impostor, 1e-3).tar,
    openSet: openSetRates(samples, threshold),
    openSetAt5PercentUnknowns: openSetAtFalseAcceptRate(samples, 0.05),
  };
  if (values.json) {
    print(JSON.stringify(report, null, 2));
    return 0;
  }
  print(`images ${report.images} of ${report.people} people; unreadable ${report.unreadable}; a face found in ${pct(report.withFace)}`);
  print(`identification top-1 (leave-one-out): ${pct(report.top1)}`);
  print(`verification ROC AUC ${report.auc.toFixed(4)}, TAR ${pct(report.tarAtFar1e2)} at FAR 1e-2, ${pct(report.tarAtFar1e3)} at FAR 1e-3`);
  print(
    `open set at threshold ${threshold}: ${pct(report.openSet.knownRate)} of known photos named correctly, ` +
      `${pct(report.openSet.falseAcceptRate)} of unknowns named (${report.openSet.unknownTotal} unknowns)`,
  );
  const at5 = report.openSetAt5PercentUnknowns;
  print(`open set with <= 5% of unknowns named (threshold ${at5.threshold.toFixed(3)}): ${pct(at5.knownRate)} of known photos named correctly`);
  return 0;
}
