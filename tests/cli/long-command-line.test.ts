/**
 * `facetag scan` with a command line of a few hundred files (src/cli/short-command-line.ts):
 * onnxruntime-node crashed the process with SIGSEGV and no output once the command line passed
 * about 15 KB in a worker thread and 20-30 KB on the main thread.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LONG_COMMAND_LINE } from '../../src/cli/short-command-line.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { facesDir } from '../helpers/faces-dir.js';

it('scans 1000 files named on the command line (over 30 KB of it, where the crash began) on one and on two workers', async () => {
  const crop = join(facesDir(), 'face-api.js/identities/sheldon/sheldon1.png');
  const files = Array.from({ length: 1000 }, () => crop);
  expect(files.join(' ').length).toBeGreaterThan(Math.max(30_000, 4 * LONG_COMMAND_LINE));
  for (const workers of ['1', '2']) {
    const run = await runCli(['scan', '--jsonl', '--workers', workers, ...files]);
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1000);
    expect(lines.every((l) => l['file'] === crop && (l['faces'] as unknown[]).length === 1)).toBe(true);
  }
}, 300_000);

it('keeps the exit code of a relaunched command', async () => {
  const missing = Array.from({ length: 400 }, (_, i) => `/no/such/photo-${i}.jpg`);
  const run = await runCli(['scan', ...missing]);
  expect(run.code).toBe(1);
  expect(run.stdout.split('\n').filter((l) => l.includes(': error: ENOENT'))).toHaveLength(400);
}, 120_000);
