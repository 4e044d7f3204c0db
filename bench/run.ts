/**
 * The whole benchmark: accuracy of facetag, face-api and Human over the shared face set, interleaved speed
 * rounds on a subset, and matching speed. Prints a markdown report and saves it with the raw numbers and every
 * tool's JSONL under artifacts/bench/.
 *
 *   npm run bench                                   (builds the models first)
 *   npx tsx bench/run.ts [--quick] [--skip-accuracy] [--rounds 3]
 *
 * --quick: speed only, on every 12th image (about 20). --skip-accuracy: speed and matching only.
 * A tool process that fails stops the run with its stderr and a non-zero exit.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { evaluateTool, identificationSamples } from './lib/accuracy-eval.js';
import { loadFacesData } from './lib/faces-data.js';
import { parseScanJsonl, type ScanRecord } from './lib/scan-jsonl.js';
import { REPO_ROOT } from './suite/child.js';
import { composeReport, type SuiteResults } from './suite/compose.js';
import { loadAverage, machineAtStart } from './suite/machine.js';
import { measureMatching } from './suite/match-speed.js';
import { openSetReport } from './suite/open-set.js';
import { measureSpeed, speedRatios } from './suite/speed.js';
import { judgeTargets, lowComputeTargets } from './suite/targets.js';
import { FACEAPI, FACETAG, FACETAG_ONE_THREAD, FACETAG_STAGES, HUMAN_DEFAULT, HUMAN_FRONT, scanWithTool } from './suite/tools.js';

const OUT = path.join(REPO_ROOT, 'artifacts', 'bench');
/** Full-size photos: the web's ordinary photos, where cost used to follow pixels (issue 13). */
const FULL_SIZE_TOOLS = [FACETAG, FACEAPI, HUMAN_FRONT];
const FULL_SIZE_SIDE = 500;
const ACCURACY_TOOLS = [FACETAG, FACEAPI, HUMAN_DEFAULT];
const SPEED_TOOLS = [FACETAG, FACETAG_STAGES, FACETAG_ONE_THREAD, FACEAPI, HUMAN_DEFAULT, HUMAN_FRONT];

const args = process.argv.slice(2);
const { values } = parseArgs({
  args,
  options: { quick: { type: 'boolean', default: false }, 'skip-accuracy': { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' } },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number >= 1');
const command = process.env.npm_lifecycle_event === 'bench' ? `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}` : `npx tsx bench/run.ts ${args.join(' ')}`.trim();

const log = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} load ${loadAverage().join('/')}] ${message}\n`);
};

async function accuracyPart(data: ReturnType<typeof loadFacesData>, all: string[]): Promise<SuiteResults['accuracy']> {
  const dir = path.join(OUT, 'accuracy');
  mkdirSync(dir, { recursive: true });
  const records: ScanRecord[][] = [];
  for (const tool of ACCURACY_TOOLS) {
    const file = path.join(dir, `${tool.name}.jsonl`);
    log(`accuracy: ${tool.name} over ${all.length} images`);
    const wallMs = await scanWithTool(tool, all, path.join(dir, `${tool.name}.list.txt`), file);
    log(`accuracy: ${tool.name} done in ${(wallMs / 1000).toFixed(1)} s`);
    records.push(parseScanJsonl(readFileSync(file, 'utf8'), file));
  }
  const tools = ACCURACY_TOOLS.map((t, i) => evaluateTool(t.name, records[i]!, data));
  return { images: all.length, tools, openSet: openSetReport(identificationSamples(records[0]!, data)) };
}

/** Every `step`-th image of the list: crops, portraits and group photos alike, as the list mixes them. */
function speedSubset(data: ReturnType<typeof loadFacesData>, step: number): { paths: string[]; text: string } {
  const rel = data.allPaths.filter((_, i) => i % step === 0);
  const single = new Set(data.identification.photos.map((p) => p.path));
  const singles = rel.filter((p) => single.has(p)).length;
  return {
    paths: rel.map((p) => path.join(data.dir, p)),
    text: `Subset: every ${step}th image of the list, ${rel.length} images (${singles} single-face photos, ${rel.length - singles} group or detection images)`,
  };
}

/** Every image of the list whose long side is at least FULL_SIZE_SIDE px. */
async function fullSizePhotos(all: readonly string[]): Promise<{ paths: string[]; text: string }> {
  const paths: string[] = [];
  for (const file of all) {
    const { width = 0, height = 0 } = await sharp(file).metadata();
    if (Math.max(width, height) >= FULL_SIZE_SIDE) paths.push(file);
  }
  return { paths, text: `Every image of the list with a long side ≥ ${FULL_SIZE_SIDE} px: ${paths.length} photos` };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const machine = machineAtStart();
  log(`start: ${machine.cpu} x${machine.cores}, node ${machine.node}`);
  const data = loadFacesData();
  const all = data.allPaths.map((p) => path.join(data.dir, p));
  const accuracy = values.quick || values['skip-accuracy'] ? null : await accuracyPart(data, all);
  const subset = speedSubset(data, values.quick ? 12 : 4);
  const speeds = await measureSpeed(SPEED_TOOLS, subset.paths, rounds, path.join(OUT, 'speed'), log);
  const ratios = speedRatios(speeds, FACETAG.name);
  const full = await fullSizePhotos(all);
  const fullSpeeds = await measureSpeed(FULL_SIZE_TOOLS, values.quick ? full.paths.filter((_, i) => i % 3 === 0) : full.paths, rounds, path.join(OUT, 'speed-full'), log);
  const fullRatios = speedRatios(fullSpeeds, FACETAG.name);
  log('matching: 100k references');
  const match = measureMatching();
  machine.loadEnd = loadAverage();
  machine.finishedAt = new Date().toISOString();
  const facetagAccuracy = accuracy?.tools.find((t) => t.tool === FACETAG.name) ?? null;
  const results: SuiteResults = {
    command,
    machine,
    accuracy,
    speed: { subset: subset.text, rounds, tools: speeds, ratios },
    fullSize: { subset: values.quick ? `${full.text} (every 3rd with --quick)` : full.text, tools: fullSpeeds, ratios: fullRatios },
    match,
    targets: [
      ...judgeTargets(facetagAccuracy, ratios, match, { label: `${FACETAG_ONE_THREAD.name} (not shipped)`, ratios: speedRatios(speeds, FACETAG_ONE_THREAD.name) }),
      ...lowComputeTargets(ratios, fullRatios),
    ],
  };
  const report = composeReport(results);
  writeFileSync(path.join(OUT, 'report.md'), report);
  // JSON has no Infinity: thresholds that accept everything are spelled out.
  writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2));
  process.stdout.write(report);
  log(`wrote ${path.relative(REPO_ROOT, path.join(OUT, 'report.md'))} and report.json`);
}

main().catch((error: unknown) => {
  process.stderr.write(`\nbench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
