/**
 * The cost curve (issue 13): one portrait (human/in/person-nicole.jpg) resized to 0.25, 1, 4, 16 and
 * 36 megapixels, and a 150 px crop of one face, timed by facetag (bench/facetag-stages.ts, one
 * intra-op thread) and face-api.js (tfjs WASM, one thread) in interleaved rounds, each image
 * keeping its least time (bench/suite/speed.ts). Prints a markdown table and writes
 * docs/cost-curve.svg (ms per photo against megapixels, log-log).
 *
 *   npx tsx bench/cost-curve.ts [--rounds 3]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { loadFacesData } from './lib/faces-data.js';
import { logLogChart } from './lib/log-log-chart.js';
import { REPO_ROOT } from './suite/child.js';
import { machineAtStart } from './suite/machine.js';
import { measureSpeed } from './suite/speed.js';
import { FACEAPI, FACETAG_ONE_THREAD } from './suite/tools.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number >= 1');

const OUT = path.join(REPO_ROOT, 'artifacts', 'bench', 'cost-curve');
const MEGAPIXELS = [0.25, 1, 4, 16, 36];
const faces = loadFacesData().dir;
const portrait = path.join(faces, 'human/in/person-nicole.jpg');
const crop = path.join(faces, 'dlib/johns/John_Salley/000179_02159509.jpg');

mkdirSync(OUT, { recursive: true });
const meta = await sharp(portrait).metadata();
const sized: { file: string; megapixels: number }[] = [{ file: crop, megapixels: (150 * 150) / 1e6 }];
for (const mp of MEGAPIXELS) {
  const k = Math.sqrt((mp * 1e6) / ((meta.width ?? 1) * (meta.height ?? 1)));
  const [w, h] = [Math.round((meta.width ?? 1) * k), Math.round((meta.height ?? 1) * k)];
  const file = path.join(OUT, `person-nicole-${mp}mp.jpg`);
  await sharp(portrait).resize(w, h).jpeg({ quality: 92 }).toFile(file);
  sized.push({ file, megapixels: (w * h) / 1e6 });
}

const log = (message: string) => process.stderr.write(`[cost-curve] ${message}\n`);
log(JSON.stringify(machineAtStart()));
const [facetag, faceapi] = await measureSpeed([FACETAG_ONE_THREAD, FACEAPI], sized.map((s) => s.file), rounds, OUT, log);
if (!facetag || !faceapi) throw new Error('a tool gave no timings');
const cropMs = facetag.minMs[0] as number;

const rows = sized.map((s, i) => {
  const [ours, peer] = [facetag.minMs[i] as number, faceapi.minMs[i] as number];
  const name = i === 0 ? '150 px crop of one face' : `person-nicole at ${MEGAPIXELS[i - 1]} MP`;
  return `| ${name} | ${s.megapixels.toFixed(2)} | ${ours.toFixed(1)} | ${(ours / cropMs).toFixed(2)}× | ${peer.toFixed(1)} | ${(peer / ours).toFixed(1)}× |`;
});
process.stdout.write(
  ['| image | MP | facetag ms | facetag / crop | face-api.js ms | face-api.js / facetag |', '|---|---|---|---|---|---|', ...rows].join('\n') + '\n',
);

const svg = logLogChart({
  title: 'ms per photo against megapixels (one portrait resized; one thread each)',
  xLabel: 'megapixels',
  yLabel: 'ms per photo (least of the rounds)',
  x: [0.01, 50],
  y: [1, 5000],
  series: [
    { name: 'facetag', colour: '#1f6feb', points: sized.map((s, i) => [s.megapixels, facetag.minMs[i] as number]) },
    { name: 'face-api.js', colour: '#d1242f', points: sized.map((s, i) => [s.megapixels, faceapi.minMs[i] as number]) },
  ],
});
writeFileSync(path.join(REPO_ROOT, 'docs', 'cost-curve.svg'), svg);
log('wrote docs/cost-curve.svg');
