/**
 * `facetag scan` throughput on one worker against one per core (issue "Low compute", item 3), on
 * the full-size photos of ../shared/faces (long side ≥ 500 px): the real CLI in a child process,
 * wall time from start to exit (model loading included), runs alternating so a noisy moment
 * falls on both. Prints a markdown table.
 *
 *   npx tsx bench/scan-workers.ts [rounds, default 2] [copies of the list, default 1]
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { loadFacesData } from './lib/faces-data.js';

const ROOT = resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 2);
const copies = Number(process.argv[3] ?? 1);
const data = loadFacesData();
const all = data.allPaths.map((p) => join(data.dir, p));
const files: string[] = [];
for (const file of all) {
  const { width = 0, height = 0 } = await sharp(file).metadata();
  if (Math.max(width, height) >= 500) files.push(file);
}
// More copies of the list show the steady state: each worker's start-up (tsx, models) is paid once.
files.push(...Array.from({ length: copies - 1 }, () => files).flat());

function timed(workers: number): number {
  const start = performance.now();
  const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'facetag.js'), 'scan', '--jsonl', '--workers', String(workers), ...files], { maxBuffer: 256 * 2 ** 20 });
  const ms = performance.now() - start;
  const lines = out.toString().trim().split('\n');
  if (lines.length !== files.length) throw new Error(`${workers} workers: ${lines.length} lines for ${files.length} files`);
  return ms;
}

const cores = availableParallelism();
const times: Record<number, number[]> = { 1: [], [cores]: [] };
for (let r = 0; r < rounds; r++) for (const w of [1, cores]) times[w]!.push(timed(w));
const best = (a: number[]) => Math.min(...a);
const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
const rows = [1, cores].map((w) => `| ${w} | ${times[w]!.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')} | ${((files.length / best(times[w]!)) * 1000).toFixed(2)} |`);
process.stdout.write(`${files.length} photos with a long side ≥ 500 px (${copies} cop${copies === 1 ? 'y' : 'ies'} of the list), ${cores} cores, ${rounds} alternating rounds\n\n| workers | wall time per run | photos/s (best run) |\n|---|---|---|\n${rows.join('\n')}\n\nthroughput of ${cores} workers against 1: ${(best(times[1]!) / best(times[cores]!)).toFixed(2)}× (best runs), ${(sum(times[1]!) / sum(times[cores]!)).toFixed(2)}× (all runs summed)\n`);
