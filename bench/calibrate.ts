/**
 * Open-set calibration from a facetag scan of the shared face set: the threshold at which at most 1% of
 * strangers get a name (src/eval/calibrate.ts, margin as shipped), and the shipped default's rates on the same
 * scan. `--at t` adds the rates at threshold t, to check a candidate default before changing it.
 *
 *   node bin/facetag.js scan --jsonl $(npx tsx bench/faces-list.ts) > facetag.jsonl
 *   npx tsx bench/calibrate.ts facetag.jsonl [--at 0.928]
 */

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_MATCH_MARGIN } from '../src/engine/match/defaults.js';
import { identificationSamples } from './lib/accuracy-eval.js';
import { loadFacesData } from './lib/faces-data.js';
import { parseScanJsonl } from './lib/scan-jsonl.js';
import { openSetAt, openSetReport } from './suite/open-set.js';
import { openSetAtRow, openSetMarkdown } from './suite/report.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { at: { type: 'string', multiple: true } } });
const file = positionals[0];
if (!file || positionals.length > 1) throw new Error('usage: npx tsx bench/calibrate.ts <facetag.jsonl> [--at threshold]...');
const samples = identificationSamples(parseScanJsonl(readFileSync(file, 'utf8'), file), loadFacesData());
process.stdout.write(`${openSetMarkdown(openSetReport(samples))}\n`);
const extra = (values.at ?? []).map(Number);
if (extra.some((t) => !Number.isFinite(t))) throw new Error('--at needs a number');
if (extra.length > 0) {
  process.stdout.write(`\n| | threshold | margin | strangers named | known named correctly | known misnamed |\n|---|---|---|---|---|---|\n`);
  for (const t of extra) process.stdout.write(`${openSetAtRow('--at', openSetAt(samples, t, DEFAULT_MATCH_MARGIN))}\n`);
}
