/**
 * `facetag scan` on worker threads (src/cli/scan-pool.ts): the same lines, in the same order,
 * as on one thread, bad files included; the worker count is checked.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/cli.js';
import { facesDir } from '../helpers/faces-dir.js';

const withoutTimes = (lines: Record<string, unknown>[]) => lines.map((line) => ({ ...line, ms: 'timed' }));

it('gives the same lines in the same order on three workers as on one, a bad file among them', async () => {
  const bad = join(mkdtempSync(join(tmpdir(), 'facetag-workers-')), 'notes.jpg');
  writeFileSync(bad, 'this is not an image');
  const faces = facesDir();
  const files = ['face-api.js/group/bbt1.jpg', 'face-api.js/identities/sheldon/sheldon1.png', 'mtcnn/ivan.jpg', 'blazeface/3faces.png', 'human/in/person-linda.jpg'].map((f) => join(faces, f));
  files.splice(2, 0, bad);
  const one = await runCli(['scan', '--jsonl', '--workers', '1', ...files]);
  const three = await runCli(['scan', '--jsonl', '--workers', '3', ...files]);
  expect([one.code, three.code]).toEqual([0, 0]);
  const lines = jsonLines(three.stdout);
  expect(lines.map((l) => l['file'])).toEqual(files);
  expect(lines[2]).toEqual({ file: bad, error: expect.stringMatching(/not a supported image/) });
  expect((lines[0]!['faces'] as unknown[]).length).toBeGreaterThanOrEqual(4);
  expect(withoutTimes(lines)).toEqual(withoutTimes(jsonLines(one.stdout)));
}, 120_000);

it('refuses a worker count that is not a whole number of at least 1', async () => {
  for (const n of ['0', '-1', '1.5', 'many']) {
    const run = await runCli(['scan', `--workers=${n}`, facesDir()]);
    expect(run.code, n).toBe(1);
    expect(run.stderr).toContain(`--workers must be a whole number of at least 1, not "${n}"`);
  }
}, 60_000);
