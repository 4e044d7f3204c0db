/**
 * onnxruntime-node 1.30 aborted `facetag scan` after its last line about one run in eight
 * ("terminate called after throwing an instance of 'Napi::Error'", exit 134, or 137 through the
 * relaunch of short-command-line.ts) when sessions were still alive at exit. Every process now
 * frees its models first (engine-node.ts, scan-worker.ts). Runs are overlapped three at a time,
 * the load under which the abort showed.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { facesDir } from '../helpers/faces-dir.js';

it('exits with its own code, never an abort, over 12 overlapping scans on one and two workers', async () => {
  const crop = join(facesDir(), 'face-api.js/identities/sheldon/sheldon1.png');
  const runs: CliResult[] = [];
  for (let round = 0; round < 4; round++) {
    runs.push(...(await Promise.all(['1', '2', '2'].map((workers) => runCli(['scan', '--workers', workers, '/no/such/photo.jpg', crop])))));
  }
  for (const run of runs) {
    expect(run.stderr).not.toMatch(/terminate called|Aborted|Segmentation/);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/sheldon1\.png: 1 face/);
  }
}, 180_000);
